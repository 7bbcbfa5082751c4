// Region variants as the course reader builds them, and the country check on the result.
#include <catch2/catch.hpp>

#include "coursepack/core/country_check.h"
#include "coursepack/core/course_reader.h"
#include "memory_files.h"

namespace coursepack {
namespace {

// fr-BE gives a description, one choice and nothing else: everything else is inherited.
const std::string kCourse = R"({
"format": 1,
"id": "c1",
"iri": "https://example.org/c1/",
"languages": ["fr", "fr-BE"],
"title": {"fr": "Cours"},
"description": {"fr": "En France", "fr-BE": "En Belgique"},
"audience": {"fr": "A"},
"eqf_level": 4,
"duration_minutes": 30,
"workload": {"online_minutes": 10, "self_study_minutes": 10, "live_minutes": 10},
"outcomes": [{"id": "LO1", "text": {"fr": "O"}, "digcomp": "2.4"}],
"assessment": {"questions_per_module": 1, "pretest_threshold": 50, "mastery_score": 80},
"modules": [{"id": "m1", "title": {"fr": "M"}, "outcomes": ["LO1"],
 "lessons": [{"id": "l1", "title": {"fr": "L"}, "file": {"fr": "lessons/fr/l1.md"}, "minutes": 5},
             {"id": "l2", "title": {"fr": "L2"}, "file": {"fr": "lessons/fr/l2.md"}, "minutes": 5, "country": "FR"}],
 "quiz": [{"id": "q1", "tests": ["l1", "l2"], "prompt": {"fr": "Q"}, "country": "FR", "adapted_for": ["BE"],
  "choices": [{"text": {"fr": "la CNIL", "fr-BE": "l'APD"}}, {"text": {"fr": "b"}, "correct": true}]}]}]
})";

testing::MemoryFiles files() {
  testing::MemoryFiles files;
  files.add("lessons/fr/l1.md",
            "# L\n\n<!-- country: FR -->\n\nLa CNIL.\n\n<!-- /country -->\n\n<!-- variant: fr-BE -->\n\nL'APD.\n\n"
            "<!-- /variant -->\n\n<!-- country: FR -->\n\nLa Cnil encore.\n\n<!-- /country -->\n");
  files.add("lessons/fr/l2.md", "# Droit français\n");
  return files;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.to_string());
  return out;
}

TEST_CASE("a region variant inherits every text it does not give") {
  const CourseReadResult read = read_course(kCourse, "course.json", files());
  INFO((read.diagnostics.empty() ? std::string() : read.diagnostics.front().to_string()));
  REQUIRE(read.course);
  const Course& course = *read.course;
  CHECK(course.languages == std::vector<std::string>{"fr", "fr-BE"});
  CHECK(course.title.at("fr-BE") == "Cours");
  CHECK(course.description.at("fr-BE") == "En Belgique");
  CHECK(course.outcomes[0].text.at("fr-BE") == "O");
  const Question& question = course.modules[0].quiz[0];
  CHECK(question.choices[0].text.at("fr-BE") == "l'APD");
  CHECK(question.choices[1].text.at("fr-BE") == "b");
  CHECK(question.country == "FR");
  CHECK(question.adapted_for == std::vector<std::string>{"BE"});
  const Lesson& lesson = course.modules[0].lessons[0];
  CHECK(lesson.file.at("fr-BE") == "lessons/fr/l1.md");
  // Each language reads its own version of the marked passage.
  CHECK(lesson.markdown.at("fr-BE").find("L'APD.") != std::string::npos);
  CHECK(lesson.markdown.at("fr-BE").find("La CNIL.") == std::string::npos);
  CHECK(lesson.markdown.at("fr").find("La CNIL.") != std::string::npos);
  CHECK(lesson.markdown.at("fr").find("L'APD.") == std::string::npos);
  // Warnings judge the authored languages only: no "in \"fr-BE\"" for inherited texts.
  for (const auto& warning : read.warnings) CHECK(warning.message.find("fr-BE") == std::string::npos);
}

TEST_CASE("a region variant's own lesson file replaces its base language's") {
  testing::MemoryFiles own = files();
  own.add("lessons/fr-BE/l2.md", "# Droit belge\n");
  const CourseReadResult read = read_course(kCourse, "course.json", own);
  REQUIRE(read.course);
  const Lesson& lesson = read.course->modules[0].lessons[1];
  CHECK(lesson.file.at("fr-BE") == "lessons/fr-BE/l2.md");
  CHECK(lesson.markdown.at("fr-BE") == "# Droit belge\n");
  CHECK(lesson.markdown.at("fr") == "# Droit français\n");
}

TEST_CASE("a variant's own lesson file is checked like any other") {
  testing::MemoryFiles own = files();
  own.add("lessons/fr-BE/l2.md", "\xff\n");
  CHECK(messages(read_course(kCourse, "course.json", own).diagnostics) ==
        std::vector<std::string>{"course.json:16:58: /modules/0/lessons/1/file: lesson file "
                                 "\"lessons/fr-BE/l2.md\" is not UTF-8: byte 0xFF at line 1, column 1"});
}

TEST_CASE("a tag without its base language in the course must hold every text") {
  std::string course = kCourse;
  course.replace(course.find("[\"fr\", \"fr-BE\"]"), 15, "[\"fr\", \"pt-PT\"]");
  for (std::size_t at = course.find("\"fr-BE\""); at != std::string::npos; at = course.find("\"fr-BE\"", at))
    course.replace(at, 7, "\"pt-PT\"");
  const auto found = messages(read_course(course, "course.json", files()).diagnostics);
  REQUIRE_FALSE(found.empty());
  CHECK(found[0] == "course.json:6:10: /title: missing the \"pt-PT\" text");
}

TEST_CASE("country marks: located problems in lessons and course.json") {
  testing::MemoryFiles broken = files();
  broken.add("lessons/fr/l2.md", "# Droit\n\n<!-- country: FR -->\n\nTexte.\n");
  std::string course = kCourse;
  course.replace(course.find("\"country\": \"FR\", \"adapted_for\""), 17, "");
  CHECK(messages(read_course(course, "folder/course.json", broken).diagnostics) ==
        std::vector<std::string>{
            "folder/course.json:17:85: /modules/0/quiz/0/adapted_for: adapted_for needs a \"country\": the country "
            "this text was written for",
            "folder/lessons/fr/l2.md:3:1: <!-- country: FR --> is never closed: end the passage with <!-- /country -->"});
}

TEST_CASE("the country check lists what another country still has to adapt") {
  const CourseReadResult read = read_course(kCourse, "course.json", files());
  REQUIRE(read.course);
  const auto listed = [&](const std::string& tag, const std::string& country) {
    std::vector<std::string> out;
    for (const auto& f : passages_for_another_country(*read.course, tag, country))
      out.push_back(f.file + ":" + std::to_string(f.line) + ":" + f.pointer + ": " + f.country + ", " + f.what);
    return out;
  };
  // Belgium: the first passage has its variant, the question is adapted; the second
  // passage and the French-law lesson are left.
  CHECK(listed("fr-BE", "BE") == std::vector<std::string>{"lessons/fr/l1.md:15:: FR, passage of lesson l1",
                                                          "course.json:0:/modules/0/lessons/1: FR, lesson l2"});
  // France: nothing to adapt.
  CHECK(listed("fr", "FR").empty());
  // Another country reading French: everything marked FR.
  CHECK(listed("fr", "CH") == std::vector<std::string>{"lessons/fr/l1.md:3:: FR, passage of lesson l1",
                                                       "lessons/fr/l1.md:15:: FR, passage of lesson l1",
                                                       "course.json:0:/modules/0/lessons/1: FR, lesson l2",
                                                       "course.json:0:/modules/0/quiz/0: FR, question m1/q1"});
}

TEST_CASE("a region variant's own lesson file adapts a country-specific lesson") {
  testing::MemoryFiles own = files();
  own.add("lessons/fr-BE/l2.md", "# Droit belge\n");
  const CourseReadResult read = read_course(kCourse, "course.json", own);
  REQUIRE(read.course);
  const auto findings = passages_for_another_country(*read.course, "fr-BE", "BE");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].what == "passage of lesson l1");
}

}  // namespace
}  // namespace coursepack
