#include "coursepack/package/trainer_guide.h"

#include <catch2/catch.hpp>

#include "programme_course.h"

namespace coursepack {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("the trainer guide is one self-contained, printable, accessible page") {
  const std::string html = trainer_guide_html(testing::programme_course(), "en");
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(has(html, "<title>Safe passwords – Trainer guide</title>"));
  // Nothing that makes a request: no script, stylesheet link, image, frame, font or import.
  for (const char* request : {"<script", "<link", "<img", "<iframe", "@import", "url(", "src="}) {
    INFO(request);
    CHECK_FALSE(has(html, request));
  }
  CHECK(has(html, "@page { size: A4;"));
  CHECK(has(html, ".session, #rules, #quiz-keys, #credits { break-before: page; }"));
  // One h1; tables with column and row headers.
  CHECK(html.find("<h1>") == html.rfind("<h1>"));
  CHECK(has(html, "<th scope=\"col\">Lesson</th><th scope=\"col\">Length</th><th scope=\"col\">Tested by</th>"));
}

TEST_CASE("the guide holds the course, its module map, each session's plan, keys, rules and credits") {
  const std::string html = trainer_guide_html(testing::programme_course(), "en");
  // Aims and outcomes.
  CHECK(has(html, "<dt>Audience</dt><dd>Staff of small associations</dd>"));
  CHECK(has(html, "60 min in all: 20 min online course, 10 min self-study, 30 min live sessions"));
  CHECK(has(html, "Choose a strong password and keep it safe. <span class=\"meta\">(DigComp 2.2 4.1"));
  // Module map: the path in order, and which question tests each lesson.
  CHECK(has(html, "<li><a href=\"#session-launch\">Launch session</a> (15 min)</li>\n<li>Passwords (20 min)</li>\n"
                  "<li><a href=\"#session-final\">Final session</a> (15 min)</li>"));
  CHECK(has(html, "<tr><th scope=\"row\">Length beats complexity <span class=\"id\">(length)</span></th>"
                  "<td>10 min</td><td>q1</td></tr>"));
  // A session: when, mode, agenda with clock times, preparation, activities.
  CHECK(has(html, "<section class=\"session\" id=\"session-launch\">\n<h3>Launch session</h3>"));
  CHECK(has(html, "<dt>When</dt><dd>At the start, before the module “Passwords”</dd>"));
  CHECK(has(html, "<dt>Mode</dt><dd>Online</dd>"));
  CHECK(has(html, "<tr><td>0:05–0:15</td><th scope=\"row\">Expert input: how accounts are broken into"
                  "<span class=\"detail\">Then questions and answers.</span></th><td>10 min</td></tr>"));
  CHECK(has(html, "<h4>What learners prepare</h4>\n<p>Count the accounts you use at work.</p>"));
  CHECK(has(html, "<h5>Scenario simulation: The shared office laptop</h5>"));
  CHECK(has(html, "<li>Password managers <span class=\"id\">(managers)</span></li>"));
  CHECK(has(html, "<li>The treasurer, who keeps a spreadsheet</li>"));
  CHECK(has(html, "<ol>\n<li>What would an attacker try first?</li>\n</ol>"));
  CHECK(has(html, "<h4>Materials</h4>\n<ul>\n<li>A laptop with a password manager</li>"));
  // The final session carries the certification assessment; the launch one does not.
  const auto final_session = html.find("id=\"session-final\"");
  const auto assessment = html.find("<h4>Certification assessment</h4>");
  CHECK(assessment > final_session);
  CHECK(assessment != std::string::npos);
  CHECK(html.find("<h4>Certification assessment</h4>", assessment + 1) == std::string::npos);
  CHECK(has(html, "<li>Attend at least 1 of the 2 live sessions.</li>"));
  CHECK(has(html, "<li>Pass the post-test of every module: 80% or more.</li>"));
  // Quiz keys with the correct choice marked and the explanation.
  CHECK(has(html, "<li class=\"correct\">correct horse battery staple <span class=\"visually-hidden\">(correct "
                  "answer)</span></li>"));
  CHECK(has(html, "<strong>Explanation:</strong> Length adds far more guesses than symbols do"));
  // Credits: licence linked to its deed in a new window, authors, funding, contact.
  CHECK(has(html, "<a href=\"https://creativecommons.org/licenses/by-sa/4.0/\" target=\"_blank\" "
                  "rel=\"noopener noreferrer\">Creative Commons Attribution Share Alike 4.0 International "
                  "(CC-BY-SA-4.0)"));
  CHECK(has(html, "<li>Ada Martin, Example Association (Author)</li>"));
  CHECK(has(html, "<p>© 2026 Example partnership</p>"));
  CHECK(has(html, "Funded by the European Union."));
  CHECK(has(html, "<a href=\"mailto:team@example.org\">team@example.org</a>"));
}

TEST_CASE("the French guide is typeset in French") {
  const std::string html = trainer_guide_html(testing::programme_course(), "fr");
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
  CHECK(has(html, "<h2>Corrigés des questionnaires</h2>"));
  CHECK(has(html, "<strong>Licence\u00a0:</strong>"));                  // no-break space before the colon
  CHECK(has(html, "Après le module «\u202fMots de passe\u202f»"));       // guillemets, narrow no-break spaces
  CHECK(has(html, "Qu’essaierait d’abord un attaquant\u202f?"));         // apostrophes, space before "?"
  CHECK(has(html, "80\u00a0% ou plus"));
}

TEST_CASE("a session without a plan says so; texts are escaped") {
  Course course = testing::programme_course();
  course.live_sessions[0].agenda.clear();
  course.live_sessions[0].activities.clear();
  course.live_sessions[0].preparation.clear();
  course.live_sessions[0].title["en"] = "Launch <b>now</b>";
  const std::string html = trainer_guide_html(course, "en");
  CHECK(has(html, "<h3>Launch &lt;b&gt;now&lt;/b&gt;</h3>"));
  CHECK(has(html, "<p class=\"note\">The course source gives no plan for this session yet"));
  course.credits.reset();
  course.certification.reset();
  const std::string bare = trainer_guide_html(course, "en");
  CHECK(has(bare, "The course source states no certification rule."));
  CHECK_FALSE(has(bare, "Certification assessment"));
}

TEST_CASE("guides are named beside the packages, one per language asked") {
  const Course course = testing::programme_course();
  const auto all = build_trainer_guides(course, {});
  REQUIRE(all.size() == 2);
  CHECK(all[0].file_name == "example_trainer-guide_en.html");
  CHECK(all[1].file_name == "example_trainer-guide_fr.html");
  CHECK(all[1].format == "guide");
  CHECK(all[1].size == all[1].bytes.size());
  const auto french = build_trainer_guides(course, {"fr", "de"});
  REQUIRE(french.size() == 1);
  CHECK(french[0].language == "fr");
  CHECK(trainer_guide_names(course, {"fr"}).at(0).file_name == "example_trainer-guide_fr.html");
}

}  // namespace
}  // namespace coursepack
