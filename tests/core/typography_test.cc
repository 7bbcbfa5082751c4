#include "coursepack/core/typography.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

// U+00A0 no-break space and U+202F narrow no-break space, spelt out so the cases read.
#define NBSP "\u00A0"
#define NNBSP "\u202F"

TEST_CASE("French typography, rule by rule") {
  struct Case {
    const char* source;
    const char* expected;
  };
  const Case cases[] = {
      // apostrophe
      {"l'été d'une association", "l\u2019été d\u2019une association"},
      // guillemets and their spaces
      {"le \"RGPD\" s'applique", "le «" NNBSP "RGPD" NNBSP "» s\u2019applique"},
      {"un \u201Cmot\u201D", "un «" NNBSP "mot" NNBSP "»"},
      {"« déjà espacé »", "«" NNBSP "déjà espacé" NNBSP "»"},
      {"«collé»", "«" NNBSP "collé" NNBSP "»"},
      // high punctuation: narrow no-break space replaces the written space
      {"Pourquoi ? Parce que ; enfin !", "Pourquoi" NNBSP "? Parce que" NNBSP "; enfin" NNBSP "!"},
      {"déjà" NBSP "?", "déjà" NNBSP "?"},
      // a missing space is not invented: times, URLs, queries stay as written
      {"à 10:30, voir https://cnil.fr/page?id=3", "à 10:30, voir https://cnil.fr/page?id=3"},
      // colon and percent: full no-break space
      {"Définition : un mot", "Définition" NBSP ": un mot"},
      {"40 % des membres", "40" NBSP "% des membres"},
      {"{score} %", "{score}" NBSP "%"},
      // thousands
      {"10 000 membres et 1 250 000 euros", "10" NBSP "000 membres et 1" NBSP "250" NBSP "000 euros"},
      {"en 2024 500 personnes", "en 2024 500 personnes"},
      {"les 3 1000", "les 3 1000"},
      // untouched
      {"", ""},
      {"sans rien", "sans rien"},
  };
  for (const auto& c : cases) {
    INFO(c.source);
    CHECK(typeset(c.source, "fr") == c.expected);
    CHECK(typeset(c.source, "fr-BE") == c.expected);
  }
}

TEST_CASE("English typography") {
  struct Case {
    const char* source;
    const char* expected;
  };
  const Case cases[] = {
      {"it's the \"GDPR\"", "it\u2019s the \u201CGDPR\u201D"},
      {"the 'right' choice", "the \u2018right\u2019 choice"},
      {"members' data", "members\u2019 data"},
      {"(\"quoted\")", "(\u201Cquoted\u201D)"},
      {"Why? 40 % : no change", "Why? 40 % : no change"},
  };
  for (const auto& c : cases) {
    INFO(c.source);
    CHECK(typeset(c.source, "en") == c.expected);
  }
}

TEST_CASE("context: a text node that starts with a quote knows what precedes it") {
  CHECK(typeset("\" and more", "en", U'd') == "\u201D and more");
  CHECK(typeset("\"open", "en", U' ') == "\u201Copen");
  CHECK(typeset("\"open", "en") == "\u201Copen");
  CHECK(typeset("\"mot", "fr", U' ') == "«" NNBSP "mot");
  CHECK(last_code_point("déjà") == U'à');
  CHECK(last_code_point("") == 0);
}

TEST_CASE("a language without a table, and invalid UTF-8, are left as written") {
  CHECK(typography_rules("tr").empty());
  CHECK(typeset("it's \"x\" : 10 000", "tr") == "it's \"x\" : 10 000");
  CHECK(typeset("caf\xE9 ?", "fr") == "caf\xE9 ?");
}

TEST_CASE("every rule is named and shown by an example") {
  for (const char* language : {"en", "fr"}) {
    REQUIRE_FALSE(typography_rules(language).empty());
    for (const auto& rule : typography_rules(language)) {
      CHECK(std::string(rule.name).size() > 0);
      CHECK(std::string(rule.example).find(" -> ") != std::string::npos);
    }
  }
}

TEST_CASE("typeset_course typesets every text in its own language") {
  Course course;
  course.languages = {"fr", "en"};
  course.title = {{"fr", "Qu'est-ce que c'est ?"}, {"en", "What's this?"}};
  Module module;
  module.title = {{"fr", "Données : 10 000"}, {"en", "Data: 10 000"}};
  Lesson lesson;
  lesson.title = {{"fr", "L'accès"}, {"en", "Access"}};
  lesson.markdown = {{"fr", "Reste l'original ?"}};
  module.lessons.push_back(lesson);
  Question question;
  question.prompt = {{"fr", "Vrai ?"}, {"en", "True?"}};
  question.choices = {{{{"fr", "« Oui »"}, {"en", "\"Yes\""}}, true}};
  question.feedback = {{"fr", "C'est 50 %."}};
  module.quiz.push_back(question);
  course.modules.push_back(module);

  const Course out = typeset_course(course);
  CHECK(out.title.at("fr") == "Qu\u2019est-ce que c\u2019est" NNBSP "?");
  CHECK(out.title.at("en") == "What\u2019s this?");
  CHECK(out.modules[0].title.at("fr") == "Données" NBSP ": 10" NBSP "000");
  CHECK(out.modules[0].title.at("en") == "Data: 10 000");
  CHECK(out.modules[0].lessons[0].title.at("fr") == "L\u2019accès");
  CHECK(out.modules[0].lessons[0].markdown.at("fr") == "Reste l'original ?");  // the renderer's job
  CHECK(out.modules[0].quiz[0].prompt.at("fr") == "Vrai" NNBSP "?");
  CHECK(out.modules[0].quiz[0].choices[0].text.at("fr") == "«" NNBSP "Oui" NNBSP "»");
  CHECK(out.modules[0].quiz[0].choices[0].text.at("en") == "\u201CYes\u201D");
  CHECK(out.modules[0].quiz[0].feedback.at("fr") == "C\u2019est 50" NBSP "%.");
}

}  // namespace
}  // namespace coursepack
