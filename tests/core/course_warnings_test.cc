#include "coursepack/core/course_warnings.h"

#include <catch2/catch.hpp>

#include "coursepack/core/course_reader.h"
#include "memory_files.h"

namespace coursepack {
namespace {

TEST_CASE("every check has a unique code; all but allow-unused can be silenced") {
  std::vector<std::string_view> codes;
  for (const auto& check : warning_checks()) {
    CHECK(std::find(codes.begin(), codes.end(), check.code) == codes.end());
    codes.push_back(check.code);
    CHECK(check.silenceable == (check.code != "allow-unused"));
    CHECK(find_warning_check(check.code) == &check);
  }
  CHECK(codes.size() == 10);
  CHECK(find_warning_check("key-longst") == nullptr);
}

TEST_CASE("an allow silences its check inside the object that carries it") {
  const std::vector<Finding> found{
      {"few-choices", "/modules/1/quiz/0/choices", "m"},
      {"few-choices", "/modules/10/quiz/0/choices", "m"},
      {"key-longest", "/modules/1/quiz", "m"},
      {"lesson-minutes", "/workload/online_minutes", "m"},
  };
  struct Case {
    const char* what;
    std::vector<Allow> allows;
    std::vector<std::string> left;  // codes and pointers of what remains
  };
  const Case cases[] = {
      {"nothing allowed", {},
       {"few-choices /modules/1/quiz/0/choices", "few-choices /modules/10/quiz/0/choices", "key-longest /modules/1/quiz",
        "lesson-minutes /workload/online_minutes"}},
      {"a question-level allow", {{"few-choices", "/modules/1/quiz/0", "/modules/1/quiz/0/allow/0"}},
       {"few-choices /modules/10/quiz/0/choices", "key-longest /modules/1/quiz",
        "lesson-minutes /workload/online_minutes"}},
      {"a module-level allow does not reach module 10", {{"few-choices", "/modules/1", "/modules/1/allow/0"}},
       {"few-choices /modules/10/quiz/0/choices", "key-longest /modules/1/quiz",
        "lesson-minutes /workload/online_minutes"}},
      {"a course-level allow reaches everything", {{"few-choices", "", "/allow/0"}},
       {"key-longest /modules/1/quiz", "lesson-minutes /workload/online_minutes"}},
      {"an allow that silences nothing is reported", {{"key-longest", "/modules/1/quiz/0", "/modules/1/quiz/0/allow/0"}},
       {"few-choices /modules/1/quiz/0/choices", "few-choices /modules/10/quiz/0/choices",
        "key-longest /modules/1/quiz", "lesson-minutes /workload/online_minutes",
        "allow-unused /modules/1/quiz/0/allow/0"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    std::vector<Finding> findings = found;
    apply_allows(findings, c.allows);
    std::vector<std::string> left;
    for (const auto& f : findings) left.push_back(f.code + " " + f.pointer);
    CHECK(left == c.left);
  }
  std::vector<Finding> findings;
  apply_allows(findings, {{"choice-lengths", "/modules/0", "/modules/0/allow/1"}});
  CHECK(findings == std::vector<Finding>{{"allow-unused", "/modules/0/allow/1",
                                          "silences \"choice-lengths\", but nothing here triggers it; remove the entry"}});
}

TEST_CASE("allow entries are read at course, module, lesson and question level") {
  const auto document = nlohmann::json::parse(R"({
    "allow": [{"check": "lesson-minutes", "reason": "r"}],
    "modules": [{"lessons": [{"id": "l1"}, {"allow": [{"check": "lesson-untested", "reason": "r"}]}],
                 "quiz": [{"allow": [{"check": "few-choices", "reason": "r"}, {"check": "stem-clue", "reason": "r"}]}],
                 "allow": [{"check": "key-longest", "reason": "r"}]}]})");
  std::vector<std::string> read;
  for (const auto& a : read_allows(document)) read.push_back(a.check + " " + a.scope + " " + a.pointer);
  CHECK(read == std::vector<std::string>{"lesson-minutes  /allow/0", "key-longest /modules/0 /modules/0/allow/0",
                                         "lesson-untested /modules/0/lessons/1 /modules/0/lessons/1/allow/0",
                                         "few-choices /modules/0/quiz/0 /modules/0/quiz/0/allow/0",
                                         "stem-clue /modules/0/quiz/0 /modules/0/quiz/0/allow/1"});
}

// A clean course, one construct per line, in which each test plants one flaw.
const std::string kCourse = R"({
"format": 1,
"id": "c1",
"iri": "https://example.org/c1",
"languages": ["en"],
"title": {"en": "Course"},
"description": {"en": "D"},
"audience": {"en": "A"},
"eqf_level": 4,
"duration_minutes": 30,
"workload": {"online_minutes": 10, "self_study_minutes": 10, "live_minutes": 10},
"outcomes": [{"id": "LO1", "text": {"en": "O"}, "digcomp": "2.4"}],
"assessment": {"questions_per_module": 1, "pretest_threshold": 50, "mastery_score": 80},
"modules": [{"id": "m1", "title": {"en": "M"},
 "lessons": [{"id": "l1", "title": {"en": "L"}, "file": {"en": "en/l1.md"}, "minutes": 10}],
 "quiz": [{"id": "q1", "tests": ["l1"], "prompt": {"en": "Where do you keep forty passwords?"},
  "choices": [
   {"text": {"en": "In a password manager"}, "correct": true},
   {"text": {"en": "In a password-protected spreadsheet"}},
   {"text": {"en": "On a sticky note by the screen"}},
   {"text": {"en": "In a notebook in a locked drawer"}}]}]}]
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

CourseReadResult read(const std::string& text, std::string lesson = "# L\n\nText.\n") {
  testing::MemoryFiles files;
  files.add("en/l1.md", std::move(lesson));
  return read_course(text, "course.json", files);
}

std::vector<std::string> lines(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.to_string());
  return out;
}

TEST_CASE("a clean course has no warnings") {
  const auto result = read(kCourse);
  CHECK(result.diagnostics.empty());
  CHECK(result.warnings.empty());
  CHECK(result.course);
}

TEST_CASE("warnings are located like errors, with their code, and leave the course readable") {
  const std::string three_choices = replaced(kCourse, ",\n   {\"text\": {\"en\": \"In a notebook in a locked drawer\"}}", "");
  const auto result = read(three_choices);
  CHECK(result.diagnostics.empty());
  CHECK(result.course);
  CHECK(lines(result.warnings) ==
        std::vector<std::string>{"course.json:17:14: /modules/0/quiz/0/choices: warning[few-choices]: 3 choices: a "
                                 "blind guess is right 1 time in 3; give at least 4"});
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].severity == Severity::warning);
  CHECK(result.warnings[0].code == "few-choices");
}

TEST_CASE("lesson minutes, an untested lesson and padding are warnings too") {
  const std::string text =
      replaced(replaced(kCourse, "\"minutes\": 10}]", "\"minutes\": 10},\n {\"id\": \"l2\", \"title\": {\"en\": \"L2\"}, "
                                                      "\"file\": {\"en\": \"en/l1.md\"}, \"minutes\": 5}]"),
               "\"id\": \"c1\",", "\"id\": \"c1\"," + std::string(70000, ' '));
  const auto result = read(text, "# L\n\n" + std::string(70000, '\n') + "Text.\n");
  CHECK(lines(result.warnings) == std::vector<std::string>{
      "course.json:3:7: /id: warning[source-padding]: this file is 71011 bytes for 994 bytes of content (each run "
      "of whitespace counted once): padded with whitespace, the longest run (70001 characters) at line 3, column 12",
      "course.json:11:32: /workload/online_minutes: warning[lesson-minutes]: the lessons' minutes add up to 15, not "
      "to the 10 minutes declared here",
      "course.json:15:64: /modules/0/lessons/0/file/en: warning[source-padding]: lesson file \"en/l1.md\" is 70011 "
      "bytes for 10 bytes of content (each run of whitespace counted once): padded with whitespace, the longest run "
      "(70002 characters) at line 1, column 4",
      "course.json:16:2: /modules/0/lessons/1: warning[lesson-untested]: no question of module \"m1\" tests lesson "
      "\"l2\", so the pre-test never points a learner to it",
      "course.json:16:53: /modules/0/lessons/1/file/en: warning[source-padding]: lesson file \"en/l1.md\" is 70011 "
      "bytes for 10 bytes of content (each run of whitespace counted once): padded with whitespace, the longest run "
      "(70002 characters) at line 1, column 4"});
}

TEST_CASE("an allow with a reason silences; without one, or naming no check, it is an error") {
  const std::string allowed =
      replaced(kCourse, "\"tests\": [\"l1\"],", "\"tests\": [\"l1\"], \"allow\": [{\"check\": \"stem-clue\", \"reason\": \"r\"}],");
  CHECK(lines(read(allowed).warnings) ==
        std::vector<std::string>{"course.json:16:51: /modules/0/quiz/0/allow/0: warning[allow-unused]: silences "
                                 "\"stem-clue\", but nothing here triggers it; remove the entry"});

  struct Case {
    const char* allow;
    std::vector<std::string> errors;
  };
  const Case cases[] = {
      {R"({"check": "few-choices"})",
       {"course.json:16:51: /modules/0/quiz/0/allow/0: missing required key \"reason\" in allow"}},
      {R"({"check": "few-choices", "reason": ""})", {"course.json:16:86: /modules/0/quiz/0/allow/0/reason: must not be empty"}},
      {R"({"check": "few-choice", "reason": "r"})",
       {"course.json:16:61: /modules/0/quiz/0/allow/0/check: \"few-choice\" is not a warning code; did you mean "
        "\"few-choices\"?"}},
      {R"({"check": "allow-unused", "reason": "r"})",
       {"course.json:16:61: /modules/0/quiz/0/allow/0/check: \"allow-unused\" cannot be silenced (the codes are "
        "listed in docs/course-format.md)"}},
      {R"({"check": "few-choices", "reason": "r"}, {"check": "few-choices", "reason": "s"})",
       {"course.json:16:102: /modules/0/quiz/0/allow/1/check: \"few-choices\" is already silenced in this list (line "
        "16)"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.allow);
    const auto result =
        read(replaced(kCourse, "\"tests\": [\"l1\"],", std::string("\"tests\": [\"l1\"], \"allow\": [") + c.allow + "],"));
    CHECK(lines(result.diagnostics) == c.errors);
    CHECK_FALSE(result.course);
  }
}

}  // namespace
}  // namespace coursepack
