#include "coursepack/xliff/course_texts.h"

#include <catch2/catch.hpp>

namespace coursepack::xliff {
namespace {

constexpr std::string_view kCourse = R"({
  "id": "c",
  "languages": ["fr", "en"],
  "title": { "fr": "Titre", "en": "Title" },
  "modules": [
    {
      "id": "m1",
      "title": {
        "fr": "Module",
        "en": "Module"
      },
      "lessons": [{ "id": "l1", "title": { "fr": "Leçon", "en": "Lesson" }, "file": { "fr": "lessons/fr/l1.md", "en": "lessons/en/l1.md" } }],
      "quiz": [{ "id": "q1", "choices": [{ "text": { "fr": "Oui", "en": "Yes" } }], "future_field": { "fr": "Nouveau", "en": "New" } }]
    }
  ]
}
)";

TEST_CASE("Every language map is a text to translate, lesson file maps excepted") {
  const auto json = nlohmann::ordered_json::parse(kCourse);
  const auto texts = course_texts(json, {"fr", "en"}, "fr");
  std::vector<std::string> keys, sources;
  for (const auto& text : texts) keys.push_back(text.key), sources.push_back(text.text);
  CHECK(keys == std::vector<std::string>{"title", "modules.m1.title", "modules.m1.lessons.l1.title",
                                         "modules.m1.quiz.q1.choices.0.text", "modules.m1.quiz.q1.future_field"});
  CHECK(sources == std::vector<std::string>{"Titre", "Module", "Leçon", "Oui", "Nouveau"});
  CHECK(texts[3].pointer == "/modules/0/quiz/0/choices/0/text");
  CHECK(texts[3].where == "Module m1, quiz q1, choice a, text");
  CHECK(texts[3].limit.starts_with("a quiz choice"));
}

TEST_CASE("Setting a language keeps every other byte and the file's layout") {
  SECTION("the same texts: the same file") {
    CHECK(set_language(kCourse, "fr", {{"/title", "Titre"}, {"/modules/0/title", "Module"}}, {}) == kCourse);
  }
  SECTION("a new language goes after the last member, one line or one member a line") {
    const std::string out =
        set_language(kCourse, "sk", {{"/title", "Názov"}, {"/modules/0/title", "Modul \"1\""}},
                     {{"/modules/0/lessons/0/file", "lessons/sk/l1.md"}});
    CHECK(out.find(R"("languages": ["fr", "en", "sk"],)") != std::string::npos);
    CHECK(out.find(R"("title": { "fr": "Titre", "en": "Title", "sk": "Názov" },)") != std::string::npos);
    CHECK(out.find("\"en\": \"Module\",\n        \"sk\": \"Modul \\\"1\\\"\"\n      },") != std::string::npos);
    CHECK(out.find(R"("en": "lessons/en/l1.md", "sk": "lessons/sk/l1.md" })") != std::string::npos);
  }
  SECTION("a changed text replaces only its string") {
    const std::string out = set_language(kCourse, "en", {{"/title", "New title"}}, {});
    CHECK(out.find(R"("title": { "fr": "Titre", "en": "New title" },)") != std::string::npos);
    CHECK(out.size() == kCourse.size() + 4);
  }
}

}  // namespace
}  // namespace coursepack::xliff
