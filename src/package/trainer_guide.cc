#include "coursepack/package/trainer_guide.h"

#include <algorithm>
#include <utility>

#include "coursepack/core/digcomp.h"
#include "coursepack/core/typography.h"
#include "coursepack/package/course_info_html.h"
#include "coursepack/package/html.h"
#include "trainer_guide_parts.h"

namespace coursepack {
namespace guide {

std::string Context::label(std::string_view key, const std::map<std::string, std::string>& values) const {
  return escape_html(typeset(strings.get(key, values), language));
}
std::string Context::text(const LanguageMap& map) const { return escape_html(in_language(map, language)); }
std::string Context::minutes(int n) const { return label("guide_minutes", {{"n", std::to_string(n)}}); }

std::string lesson_reference(const Context& c, const std::string& lesson_id) {
  const Lesson* lesson = c.course.find_lesson(lesson_id);
  if (!lesson) return escape_html(lesson_id);
  return c.text(lesson->title) + " <span class=\"id\">(" + escape_html(lesson_id) + ")</span>";
}

std::string certification_rules(const Context& c) {
  std::string out;
  const Course& course = c.course;
  if (course.certification) {
    out += "<li>" + c.label("guide_rule_sessions", {{"n", std::to_string(course.certification->min_sessions_attended)},
                                                    {"total", std::to_string(course.live_sessions.size())}}) +
           "</li>\n";
    if (course.certification->all_modules_passed)
      out += "<li>" + c.label("guide_rule_modules", {{"mastery", std::to_string(course.assessment.mastery_score)}}) +
             "</li>\n";
  }
  const int attempts = course.assessment.attempts;
  out += "<li>" + (attempts == 0 ? c.label("guide_rule_retake") : c.label("guide_rule_attempts", {{"n", std::to_string(attempts)}}));
  for (const auto& module : course.modules)
    if (module.attempts >= 0 && module.attempts != attempts)
      out += " " + c.label("guide_rule_module_attempts",
                           {{"module", in_language(module.title, c.language)},
                            {"n", module.attempts == 0 ? c.strings.get("guide_unlimited") : std::to_string(module.attempts)}});
  return out + "</li>\n";
}

}  // namespace guide

namespace {

using guide::Context;

// Print first: A4 pages, a session per page, links spelt out on paper. No web font, no
// image, no script: the page opens offline and makes no request.
constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 18mm 16mm 20mm; }
:root { color: #1a1a1a; background: #fff; }
body { font: 11pt/1.45 system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.9em; margin: 0 0 .3em; line-height: 1.2; }
h2 { font-size: 1.45em; border-bottom: 2px solid #2b4a7a; padding-bottom: .15em; margin-top: 1.6em; break-after: avoid; }
h3 { font-size: 1.2em; margin-top: 1.3em; break-after: avoid; }
h4 { font-size: 1.05em; margin: 1.1em 0 .3em; break-after: avoid; }
h5 { font-size: 1em; margin: .9em 0 .2em; break-after: avoid; }
.kicker { text-transform: uppercase; letter-spacing: .06em; color: #2b4a7a; font-weight: 600; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
caption { text-align: left; font-weight: 600; padding: .2em 0; }
th, td { border: 1px solid #9aa5b5; padding: .3em .45em; text-align: left; vertical-align: top; }
thead th { background: #e8edf5; }
tbody th { font-weight: normal; }
tr, li, .activity, dl { break-inside: avoid; }
.detail { display: block; color: #444; font-size: .92em; }
.id, .meta { color: #555; font-size: .9em; }
.note { border-left: 4px solid #b7791f; padding: .3em .6em; background: #fdf6e7; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .4em 0 .8em; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.activity { border-left: 3px solid #2b4a7a; padding-left: .7em; margin: .6em 0; }
.correct { font-weight: 600; }
.correct::before { content: "✓ "; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
a { color: #1f4e99; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  nav { break-after: page; }
  .session, #rules, #quiz-keys, #credits { break-before: page; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; color: #444; }
  .visually-hidden { display: none; }
}
)";

std::string document_start(const Context& c) {
  const std::string title = c.text(c.course.title) + " – " + c.label("guide_title");
  return "<!DOCTYPE html>\n<html lang=\"" + escape_html(c.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + title + "</title>\n" +
         "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
}

std::string contents(const Context& c) {
  std::string out = "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">" + c.label("guide_contents") +
                    "</h2>\n<ol>\n";
  constexpr std::pair<const char*, const char*> kSections[] = {
      {"course", "guide_course"}, {"path", "guide_module_map"},   {"sessions", "guide_sessions"},
      {"rules", "guide_rules"},   {"quiz-keys", "guide_quiz_keys"}, {"credits", "guide_credits"}};
  for (const auto& [id, key] : kSections)
    out += "<li><a href=\"#" + std::string(id) + "\">" + c.label(key) + "</a></li>\n";
  return out + "</ol>\n</nav>\n";
}

std::string course_section(const Context& c) {
  const Course& course = c.course;
  std::string out = "<section id=\"course\">\n<h2>" + c.label("guide_course") + "</h2>\n<p>" +
                    c.text(course.description) + "</p>\n<dl class=\"facts\">\n";
  out += "<dt>" + c.label("guide_audience") + "</dt><dd>" + c.text(course.audience) + "</dd>\n";
  out += "<dt>" + c.label("guide_eqf") + "</dt><dd>" + std::to_string(course.eqf_level) + "</dd>\n";
  out += "<dt>" + c.label("guide_workload") + "</dt><dd>" +
         c.label("guide_workload_text", {{"total", c.strings.get("guide_minutes", {{"n", std::to_string(course.duration_minutes)}})},
                                         {"online", c.strings.get("guide_minutes", {{"n", std::to_string(course.workload.online_minutes)}})},
                                         {"self", c.strings.get("guide_minutes", {{"n", std::to_string(course.workload.self_study_minutes)}})},
                                         {"live", c.strings.get("guide_minutes", {{"n", std::to_string(course.workload.live_minutes)}})}}) +
         "</dd>\n</dl>\n<h3>" + c.label("guide_outcomes") + "</h3>\n<ul>\n";
  for (const auto& outcome : course.outcomes) {
    out += "<li>" + c.text(outcome.text);
    if (const DigCompCompetence* competence = find_digcomp(outcome.digcomp))
      out += " <span class=\"meta\">(DigComp 2.2 " + escape_html(std::string(competence->id)) + " " +
             escape_html(std::string(digcomp_name(*competence, c.language))) + ")</span>";
    out += "</li>\n";
  }
  return out + "</ul>\n</section>\n";
}

// The course in order, sessions where they fall, then a table per module: its lessons,
// their minutes, and the questions that test each (a missed question makes its lessons
// required after the pre-test).
std::string module_map(const Context& c) {
  const Course& course = c.course;
  std::string out = "<section id=\"path\">\n<h2>" + c.label("guide_module_map") + "</h2>\n<p>" +
                    c.label("guide_module_map_intro", {{"threshold", std::to_string(course.assessment.pretest_threshold)},
                                                       {"mastery", std::to_string(course.assessment.mastery_score)}}) +
                    "</p>\n<ol class=\"path\">\n";
  const auto sessions_after = [&](const std::string& module_id) {
    for (const auto& session : course.live_sessions)
      if (session.after_module == module_id)
        out += "<li><a href=\"#session-" + escape_html(session.id) + "\">" + c.text(session.title) + "</a> (" +
               c.minutes(session.minutes) + ")</li>\n";
  };
  sessions_after("");
  for (const auto& module : course.modules) {
    out += "<li>" + c.text(module.title) + " (" + c.minutes(module.minutes()) + ")</li>\n";
    sessions_after(module.id);
  }
  out += "</ol>\n";
  for (const auto& module : course.modules) {
    out += "<h3>" + c.text(module.title) + " <span class=\"id\">(" + escape_html(module.id) + ")</span></h3>\n";
    if (const std::string description = c.text(module.description); !description.empty())
      out += "<p>" + description + "</p>\n";
    out += "<table>\n<thead><tr><th scope=\"col\">" + c.label("guide_col_lesson") + "</th><th scope=\"col\">" +
           c.label("guide_col_length") + "</th><th scope=\"col\">" + c.label("guide_col_tested_by") +
           "</th></tr></thead>\n<tbody>\n";
    for (const auto& lesson : module.lessons) {
      std::string questions;
      for (const auto& question : module.quiz)
        for (const auto& tested : question.tests)
          if (tested == lesson.id) questions += (questions.empty() ? "" : ", ") + escape_html(question.id);
      out += "<tr><th scope=\"row\">" + lesson_reference(c, lesson.id) + "</th><td>" +
             (lesson.minutes > 0 ? c.minutes(lesson.minutes) : "") + "</td><td>" +
             (questions.empty() ? c.label("guide_none") : questions) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  return out + "</section>\n";
}

std::string rules_section(const Context& c) {
  std::string out = "<section id=\"rules\">\n<h2>" + c.label("guide_rules") + "</h2>\n";
  if (c.course.certification)
    out += "<p>" + c.text(c.course.certification->text) + "</p>\n";
  else
    out += "<p>" + c.label("guide_no_certification") + "</p>\n";
  out += "<ul>\n" + guide::certification_rules(c) + "<li>" +
         c.label("guide_rule_pretest", {{"threshold", std::to_string(c.course.assessment.pretest_threshold)}}) +
         "</li>\n</ul>\n";
  return out + "</section>\n";
}

std::string quiz_keys(const Context& c) {
  std::string out = "<section id=\"quiz-keys\">\n<h2>" + c.label("guide_quiz_keys") + "</h2>\n<p>" +
                    c.label("guide_quiz_intro") + "</p>\n";
  for (const auto& module : c.course.modules) {
    out += "<h3>" + c.text(module.title) + " <span class=\"id\">(" + escape_html(module.id) + ")</span></h3>\n";
    for (const auto& question : module.quiz) {
      out += "<section class=\"question\">\n<h4><span class=\"id\">" + escape_html(question.id) + "</span> " +
             c.text(question.prompt) + "</h4>\n<ol type=\"a\">\n";
      for (std::size_t i = 0; i < question.choices.size(); ++i) {
        const bool correct = i == question.correct_choice();
        out += std::string(correct ? "<li class=\"correct\">" : "<li>") + c.text(question.choices[i].text) +
               (correct ? " <span class=\"visually-hidden\">(" + c.label("guide_correct") + ")</span>" : "") +
               "</li>\n";
      }
      out += "</ol>\n";
      if (const std::string feedback = c.text(question.feedback); !feedback.empty())
        out += "<p><strong>" + c.label("guide_explanation") + "</strong> " + feedback + "</p>\n";
      std::string tests;
      for (const auto& lesson : question.tests) tests += (tests.empty() ? "" : "; ") + guide::lesson_reference(c, lesson);
      out += "<p class=\"meta\">" + c.label("guide_tests") + " " + tests + "</p>\n</section>\n";
    }
  }
  return out + "</section>\n";
}

std::string credits_section(const Context& c) {
  const Course& course = c.course;
  std::string out = "<section id=\"credits\">\n<h2>" + c.label("guide_credits") + "</h2>\n";
  if (course.credits) {
    const Credits& credits = *course.credits;
    out += "<p><strong>" + c.label("guide_license") + "</strong> " + license_html(credits.license, c.strings) + "</p>\n";
    if (!credits.copyright.empty()) out += "<p>© " + escape_html(credits.copyright) + "</p>\n";
    if (const std::string authors = authors_html(course, c.language); !authors.empty())
      out += "<h3>" + c.label("guide_authors") + "</h3>\n" + authors;
  }
  if (!course.trainers.empty()) {
    out += "<h3>" + c.label("guide_trainers") + "</h3>\n<ul>\n";
    for (const auto& trainer : course.trainers) {
      out += "<li>" + escape_html(trainer.name);
      if (const std::string bio = c.text(trainer.bio); !bio.empty()) out += ": " + bio;
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  if (course.credits) {
    if (const std::string funding = c.text(course.credits->funding); !funding.empty())
      out += "<h3>" + c.label("guide_funding") + "</h3>\n<p>" + funding + "</p>\n";
    if (const std::string contact = contact_html(course.credits->contact, c.strings); !contact.empty())
      out += "<h3>" + c.label("guide_contact") + "</h3>\n<p>" + contact + "</p>\n";
  }
  if (!course.credits && course.trainers.empty()) out += "<p>" + c.label("guide_no_credits") + "</p>\n";
  return out + "</section>\n";
}

}  // namespace

std::string trainer_guide_file_name(const std::string& course_id, const std::string& language) {
  return course_id + "_trainer-guide_" + language + ".html";
}

std::string trainer_guide_html(const Course& source, const std::string& language) {
  const Course course = typeset_course(source);
  const Context c{course, language, UiStrings::for_language(language)};
  return document_start(c) + "<header>\n<p class=\"kicker\">" + c.label("guide_title") + "</p>\n<h1>" +
         c.text(course.title) + "</h1>\n<p>" + c.label("guide_intro") + "</p>\n</header>\n" + contents(c) +
         "<main>\n" + course_section(c) + module_map(c) + guide::sessions_section(c) + rules_section(c) +
         quiz_keys(c) + credits_section(c) + "</main>\n</body>\n</html>\n";
}

std::vector<PackageName> trainer_guide_names(const Course& course, const std::vector<std::string>& languages) {
  std::vector<PackageName> names;
  for (const auto& language : course.languages)
    if (languages.empty() || std::find(languages.begin(), languages.end(), language) != languages.end())
      names.push_back({trainer_guide_file_name(course.id, language), course.id, "", language, "guide", "/id"});
  return names;
}

std::vector<BuiltPackage> build_trainer_guides(const Course& course, const std::vector<std::string>& languages) {
  std::vector<BuiltPackage> guides;
  for (const auto& name : trainer_guide_names(course, languages)) {
    BuiltPackage guide;
    guide.file_name = name.file_name;
    guide.course_id = course.id;
    guide.language = name.language;
    guide.format = name.format;
    guide.bytes = trainer_guide_html(course, name.language);
    guide.size = guide.bytes.size();
    guides.push_back(std::move(guide));
  }
  return guides;
}

}  // namespace coursepack
