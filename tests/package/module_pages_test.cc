#include "coursepack/package/module_pages.h"

#include "sample_course.h"

namespace coursepack {
namespace {

std::string home_page(const Course& course, const std::string& language, const std::string& prefix = "") {
  PackageFiles files;
  render_module_pages(course, course.modules[0], language, prefix, files);
  REQUIRE(files.size() == 1);
  REQUIRE(files.contains(prefix + "index.html"));
  return files[prefix + "index.html"];
}

bool has(const std::string& page, const std::string& text) { return page.find(text) != std::string::npos; }

TEST_CASE("one page holds every screen of the module, in the package language") {
  const Course course = testing::example_course();
  const std::string page = home_page(course, "fr");
  CHECK(has(page, "<html lang=\"fr\">"));
  for (const char* screen : {"home", "quiz", "results", "lessons", "final"})
    CHECK(has(page, std::string("<section id=\"screen-") + screen + "\" class=\"screen\" aria-labelledby=\"" +
                        screen + "-title\">"));
  CHECK(has(page, "<h1 id=\"home-title\" tabindex=\"-1\">Mots de passe</h1>"));
  CHECK(has(page, "Choisir un mot de passe robuste"));
  CHECK(has(page, "DigComp 4.1\u00A0: Protéger les équipements"));
  CHECK(has(page, "<li data-lesson=\"0\"><span class=\"lesson-name\">La longueur avant la complexité</span> (10 min)</li>"));
  CHECK(has(page, "Commencer le test de positionnement"));
}

TEST_CASE("the step indicator is in the page as built, on the home step") {
  const std::string page = home_page(testing::example_course(), "en");
  CHECK(has(page, "<nav class=\"steps\" aria-label=\"Your progress in this module\">\n<ol>\n"
                  "<li data-step=\"home\" aria-current=\"step\">Start</li>\n<li data-step=\"pretest\">Pre-test</li>\n"
                  "<li data-step=\"lessons\">Lessons</li>\n<li data-step=\"posttest\">Post-test</li>\n"
                  "<li data-step=\"results\">Results</li>\n</ol>\n"
                  "<p id=\"steps-left\">The pre-test decides which lessons you need.</p>\n</nav>\n"
                  "<section id=\"screen-home\""));
  // Without JavaScript every screen shows, and a message says what is missing.
  CHECK(has(page, "<noscript><p class=\"mode-banner\">This module needs JavaScript to record your progress."));
  CHECK(has(page, "<noscript><style>.screen { display: block !important; }"));
}

TEST_CASE("the start button is in the first screenful and at the end of the home screen") {
  const std::string page = home_page(testing::example_course(), "en");
  const auto home = page.substr(page.find("<section id=\"screen-home\""));
  const std::string button = "<button type=\"button\" class=\"primary\" data-action=\"start\">Start the pre-test</button>";
  const auto first = home.find(button), last = home.rfind(button);
  CHECK(first < home.find("<dl class=\"facts\">"));
  CHECK(last > home.find("<ol class=\"lesson-list\">"));
  CHECK(last < home.find("</section>"));
}

TEST_CASE("questions are radio groups with a legend and a label per choice") {
  const Course course = testing::example_course();
  const std::string page = home_page(course, "en");
  CHECK(has(page, "<legend>Question 1. Which password is strongest?</legend>"));
  CHECK(has(page, "<div class=\"choice\" data-choice=\"1\"><input type=\"radio\" name=\"q1\" id=\"q1-b\" "
                  "value=\"1\"><label for=\"q1-b\">correct horse battery staple</label></div>"));
  // The answer key is not in the markup: it travels in the plan, for the runtime.
  CHECK_FALSE(has(page, "\"correct\": true"));
  CHECK_FALSE(has(page, "data-correct"));
}

TEST_CASE("lessons are articles with their rendered text, the title not repeated") {
  const Course course = testing::example_course();
  const std::string page = home_page(course, "en");
  CHECK(has(page, "<article id=\"lesson-length\" class=\"lesson\" data-lesson=\"0\" aria-labelledby=\"lesson-length-title\">"));
  CHECK(has(page, "<h2 id=\"lesson-length-title\" class=\"lesson-title\" tabindex=\"-1\">Length beats complexity</h2>"));
  CHECK(has(page, "<p>Every extra character multiplies"));
  CHECK_FALSE(has(page, "<h1>Length beats complexity</h1>"));
  CHECK(has(page, "Lesson 1 of 2"));
}

TEST_CASE("the page carries the module plan and links the shared runtime") {
  const Course course = testing::example_course();
  const std::string page = home_page(course, "en", "passwords/");
  CHECK(has(page, "<script type=\"text/plain\" id=\"coursepack-plan\">coursepack-plan 1\ncourse example\nmodule passwords\n"
                  "thresholds 50 80\nlessons length managers\nquestion q1 4 1 0\nquestion q2 4 0 1\n"
                  "iri https://courses.example.org/xapi/example\nlanguage en\n"));
  // Texts for xAPI activity definitions, in every course language.
  CHECK(has(page, "\ntext module fr Mots de passe\n"));
  CHECK(has(page, "\ntext choice:0:1 en correct horse battery staple\n"));
  CHECK(has(page, "\ntext pretest en Pre-test – Passwords\n"));
  CHECK(has(page, "<script src=\"../coursepack-runtime.js\"></script>"));
  CHECK(has(page, "<script src=\"../player/common.js\"></script>\n<script src=\"../player/scorm12_store.js\">"));
  CHECK(has(page, "<script src=\"../player/main.js\"></script>"));
  CHECK(has(page, "href=\"../player.css\""));
}

TEST_CASE("course text is escaped, never interpreted") {
  Course course = testing::example_course();
  course.modules[0].title["en"] = "<script>alert(1)</script>";
  course.modules[0].quiz[0].prompt["en"] = "</script><script>alert(2)</script>";
  const std::string page = home_page(course, "en");
  // Only the page's own script elements (plan, strings, runtime, the player's); inside the
  // plan's inert text block every "<" of course text is written "\<".
  std::vector<std::string> tags;
  for (auto at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1))
    if (page[at - 1] != '\\') tags.push_back(page.substr(at, page.find('>', at) - at + 1));
  std::vector<std::string> expected{"<script type=\"text/plain\" id=\"coursepack-plan\">",
                                    "<script type=\"application/json\" id=\"coursepack-strings\">",
                                    "<script src=\"coursepack-runtime.js\">"};
  for (const char* script : kPlayerScripts) expected.push_back("<script src=\"" + std::string(script) + "\">");
  CHECK(tags == expected);
  CHECK(expected.back() == "<script src=\"player/main.js\">");
  CHECK(has(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(has(page, "</script><script>alert(2)"));
}

// The page template is filled in one pass: a course that writes the template's own slot
// names gets them back as text, and a large lesson costs its size, not its size squared.
TEST_CASE("slot names in course text come out as written") {
  Course course = testing::example_course();
  course.title["en"] = "Course {{body}}";
  course.modules[0].title["en"] = "Module {{root}} {{course_title}}";
  course.modules[0].lessons[0].markdown["en"] = "Lesson {{body}} {{root}} {{course_title}} {{lang}}";
  const std::string page = home_page(course, "en", "m/");
  CHECK(has(page, "<p class=\"course-title\">Course {{body}}</p>"));
  CHECK(has(page, "<title>Module {{root}} {{course_title}}</title>"));
  CHECK(has(page, "<p>Lesson {{body}} {{root}} {{course_title}} {{lang}}</p>"));
  CHECK(has(page, "href=\"../player.css\""));
}

TEST_CASE("a 2 MB lesson is copied into the page once") {
  Course course = testing::example_course();
  course.modules[0].lessons[0].markdown["en"] = "x";
  const std::size_t small = home_page(course, "en").size();
  std::string big;
  while (big.size() < 2'000'000) big += "{{body}} {{root}} text ";
  course.modules[0].lessons[0].markdown["en"] = big;
  const std::string page = home_page(course, "en");
  // The markdown renderer keeps the paragraph as it is, minus the trailing space.
  CHECK(page.size() == small + big.size() - 2);
}

}  // namespace
}  // namespace coursepack
