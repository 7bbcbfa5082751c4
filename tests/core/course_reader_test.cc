#include "coursepack/core/course_reader.h"

#include <catch2/catch.hpp>

#include "memory_files.h"

namespace coursepack {
namespace {

// A small valid course, one line per construct so that positions in messages are easy
// to read: line 1 is "{", line 2 "format", and so on.
const std::string kCourse = R"({
"format": 1,
"id": "c1",
"iri": "https://example.org/c1/",
"languages": ["en", "fr"],
"title": {"en": "Course", "fr": "Cours"},
"description": {"en": "D", "fr": "D"},
"audience": {"en": "A", "fr": "A"},
"eqf_level": 4,
"duration_minutes": 30,
"workload": {"online_minutes": 10, "self_study_minutes": 10, "live_minutes": 10},
"outcomes": [{"id": "LO1", "text": {"en": "O", "fr": "O"}, "digcomp": "2.4"}],
"assessment": {"questions_per_module": 1, "pretest_threshold": 50, "mastery_score": 80},
"modules": [{"id": "m1", "title": {"en": "M", "fr": "M"}, "outcomes": ["LO1"],
 "lessons": [{"id": "l1", "title": {"en": "L", "fr": "L"}, "file": {"en": "en/l1.md", "fr": "fr/l1.md"}, "minutes": 5}],
 "quiz": [{"id": "q1", "tests": ["l1"], "prompt": {"en": "Q", "fr": "Q"},
  "choices": [{"text": {"en": "a", "fr": "a"}}, {"text": {"en": "b", "fr": "b"}, "correct": true}]}]}]
})";

testing::MemoryFiles lesson_files() {
  testing::MemoryFiles files;
  files.add("en/l1.md", "# L\n\nHello.\n");
  files.add("fr/l1.md", "# L\n\nBonjour.\n");
  return files;
}

std::vector<std::string> messages(const std::string& text, const SourceFiles& files) {
  std::vector<std::string> out;
  for (const auto& d : read_course(text, "course.json", files).diagnostics) out.push_back(d.to_string());
  return out;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST_CASE("a valid course reads into the model") {
  const auto files = lesson_files();
  const CourseReadResult result = read_course(kCourse, "course.json", files);
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.course);
  const Course& course = *result.course;
  CHECK(course.id == "c1");
  CHECK(course.iri == "https://example.org/c1");  // trailing slash dropped
  CHECK(course.languages == std::vector<std::string>{"en", "fr"});
  CHECK(course.title.at("fr") == "Cours");
  CHECK(course.workload.live_minutes == 10);
  CHECK(course.assessment.mastery_score == 80);
  REQUIRE(course.modules.size() == 1);
  const Module& module = course.modules[0];
  CHECK(module.minutes() == 5);
  CHECK(module.lessons[0].markdown.at("fr") == "# L\n\nBonjour.\n");
  CHECK(module.quiz[0].correct_choice() == 1);
  CHECK(module.quiz[0].choices[0].correct == false);
}

TEST_CASE("each kind of mistake gets one located message") {
  const auto files = lesson_files();
  struct Case {
    const char* from;
    const char* to;
    const char* message;
  };
  const Case cases[] = {
      {R"("eqf_level": 4)", R"("eqf_level": 9)", "course.json:9:14: /eqf_level: must be between 1 and 8, got 9"},
      {R"("format": 1)", R"("format": 2)", "course.json:2:11: /format: must be 1, got 2"},
      {R"("id": "c1")", R"("idd": "c1")",
       "course.json:3:1: /idd: unknown key \"idd\" in course; did you mean \"id\"?"},
      {R"("iri": "https://example.org/c1/")", R"("iri": "ftp://x")",
       "course.json:4:8: /iri: \"ftp://x\" is not an http:// or https:// IRI"},
      {R"(["en", "fr"])", R"(["en", "fr", "en"])", "course.json:5:27: /languages/2: language \"en\" is listed twice"},
      {R"(["en", "fr"])", R"(["en", "French"])",
       "course.json:5:21: /languages/1: \"French\" is not a language tag (like \"fr\", \"fr-BE\" or \"pt-PT\")"},
      {R"("digcomp": "2.4")", R"("digcomp": "6.1")",
       "course.json:12:71: /outcomes/0/digcomp: \"6.1\" is not a DigComp 2.2 competence (\"1.1\" to \"5.4\")"},
      {R"("outcomes": ["LO1"])", R"("outcomes": ["LO2"])",
       "course.json:14:72: /modules/0/outcomes/0: \"LO2\" is not a course outcome"},
      {R"("minutes": 5)", R"("minutes": "5")", "course.json:15:117: /modules/0/lessons/0/minutes: expected an integer, got a string"},
      {R"("tests": ["l1"])", R"("tests": [])", "course.json:16:33: /modules/0/quiz/0/tests: needs at least 1 item, has 0"},
      {R"({"text": {"en": "a", "fr": "a"}}, )", "", "course.json:17:14: /modules/0/quiz/0/choices: needs at least 2 items, has 1"},
      {R"("fr": "fr/l1.md")", R"("fr": "fr\\l1.md")",
       "course.json:15:93: /modules/0/lessons/0/file/fr: \"fr\\l1.md\" uses \"\\\"; write paths with \"/\""},
      {R"("fr": "fr/l1.md")", R"("fr": "fr//l1.md")",
       "course.json:15:93: /modules/0/lessons/0/file/fr: \"fr//l1.md\" has an empty or \".\" segment"},
      {R"("title": {"en": "M", "fr": "M"})", R"("title": {"en": "M", "fr": ""})",
       "course.json:14:53: /modules/0/title/fr: must not be empty"},
      {R"("live_minutes": 10)", R"("live_minutes": 10.5)",
       "course.json:11:78: /workload/live_minutes: expected an integer, got a decimal number"},
  };
  for (const auto& c : cases) {
    INFO(c.from << " -> " << c.to);
    CHECK(messages(replaced(kCourse, c.from, c.to), files) == std::vector<std::string>{c.message});
  }
}

TEST_CASE("every problem is reported at once, in file order") {
  const auto files = lesson_files();
  std::string text = replaced(kCourse, R"("eqf_level": 4)", R"("eqf_level": 0)");
  text = replaced(text, R"("title": {"en": "Course", "fr": "Cours"})", R"("title": {"en": "Course"})");
  CHECK(messages(text, files) == std::vector<std::string>{
                                     "course.json:6:10: /title: missing the \"fr\" text",
                                     "course.json:9:14: /eqf_level: must be between 1 and 8, got 0",
                                 });
}

TEST_CASE("a document that is not an object is refused without a crash") {
  const auto files = lesson_files();
  CHECK(messages("[1, 2]", files) == std::vector<std::string>{"course.json:1:1: expected an object, got an array"});
  CHECK(messages("\"text\"", files) == std::vector<std::string>{"course.json:1:1: expected an object, got a string"});
}

TEST_CASE("lesson file problems name the file entry") {
  testing::MemoryFiles files = lesson_files();
  files.files["fr/l1.md"] = {SourceFiles::Status::outside_course, {}};
  files.files["en/l1.md"] = {SourceFiles::Status::ok, "ok\n\xC3\x28"};
  CHECK(messages(kCourse, files) ==
        std::vector<std::string>{
            "course.json:15:75: /modules/0/lessons/0/file/en: lesson file \"en/l1.md\" is not UTF-8: byte 0xC3 at "
            "line 2, column 1",
            "course.json:15:93: /modules/0/lessons/0/file/fr: lesson file \"fr/l1.md\" is a link leading outside "
            "the course folder",
        });
}

}  // namespace
}  // namespace coursepack
