// Quotation marks, apostrophes and the percent sign in the official EU languages other than
// English and French (src/core/typography.cc, docs/typography.md).
#include "coursepack/core/typography.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

#define NBSP "\u00A0"

TEST_CASE("each official EU language quotes with its own marks") {
  struct Case {
    const char* language;
    const char* source;
    const char* expected;
  };
  const Case cases[] = {
      {"de", "Das \"Modul\" ist gut.", "Das \u201EModul\u201C ist gut."},
      {"de-AT", "\u201CModul\u201D", "\u201EModul\u201C"},            // English marks in the source
      {"de", "\u201EModul\u201C und \"mehr\"", "\u201EModul\u201C und \u201Emehr\u201C"},  // already German
      {"cs", "modul \"Úvod\"", "modul \u201EÚvod\u201C"},
      {"sk", "(\"Úvod\")", "(\u201EÚvod\u201C)"},
      {"pl", "moduł \"Wstęp\"", "moduł \u201EWstęp\u201D"},
      {"hu", "\"Bevezetés\" modul", "\u201EBevezetés\u201D modul"},
      {"es", "el módulo \"Inicio\"", "el módulo \u00ABInicio\u00BB"},
      {"it", "l'anno \"zero\"", "l\u2019anno \u00ABzero\u00BB"},
      {"sv", "modulen \"Start\"", "modulen \u201DStart\u201D"},
      {"da", "modulet \"Start\"", "modulet \u00BBStart\u00AB"},
      {"nl", "de module \"Start\"", "de module \u201CStart\u201D"},
      {"mt", "b'kwiż \"qasir\"", "b\u2019kwiż \u201Cqasir\u201D"},
  };
  for (const auto& c : cases) {
    INFO(c.language << ": " << c.source);
    CHECK(typeset(c.source, c.language) == c.expected);
  }
}

TEST_CASE("a quote in a text node knows whether the text before it was a word") {
  CHECK(typeset("\" und mehr", "de", U'l') == "\u201C und mehr");
  CHECK(typeset("\"Wort", "de", U' ') == "\u201EWort");
}

TEST_CASE("the percent sign keeps to its number where the source spaces it") {
  CHECK(typeset("50 %", "de") == "50" NBSP "%");
  CHECK(typeset("50 %", "sk") == "50" NBSP "%");
  CHECK(typeset("50%", "pl") == "50%");          // no space is added
  CHECK(typeset("it's 50 %", "en") == "it\u2019s 50 %");  // English keeps its space as written
}

TEST_CASE("every official EU language has a typography table, every rule named with an example") {
  for (const char* language : {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
                               "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"}) {
    INFO(language);
    REQUIRE_FALSE(typography_rules(language).empty());
    for (const auto& rule : typography_rules(language)) CHECK(std::string(rule.example).find(" -> ") != std::string::npos);
  }
}

}  // namespace
}  // namespace coursepack
