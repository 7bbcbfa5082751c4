#include "coursepack/core/language_tag.h"

#include <catch2/catch.hpp>

#include "coursepack/core/course_schema.h"

namespace coursepack {
namespace {

TEST_CASE("language tags: a language, then optionally a region") {
  struct Case {
    const char* tag;
    const char* problem;
  };
  const Case cases[] = {
      {"fr", ""},
      {"fr-BE", ""},
      {"pt-PT", ""},
      {"sk", ""},
      {"es-419", ""},
      {"ast", ""},
      {"fr-be", "the region \"be\" is written in capitals: \"fr-BE\""},
      {"FR", "the language \"FR\" is written in lowercase: \"fr\""},
      {"FR-BE", "the language \"FR\" is written in lowercase: \"fr-BE\""},
      {"French", "\"French\" is not a language tag (like \"fr\", \"fr-BE\" or \"pt-PT\")"},
      {"f", "\"f\" is not a language tag (like \"fr\", \"fr-BE\" or \"pt-PT\")"},
      {"", "\"\" is not a language tag (like \"fr\", \"fr-BE\" or \"pt-PT\")"},
      {"sr-Latn", "\"sr-Latn\" is not a language tag: after the language comes only a region, 2 capital letters or 3 "
                  "digits (like \"fr-BE\" or \"es-419\"); scripts and other subtags are not supported"},
      {"fr-", "\"fr-\" is not a language tag: after the language comes only a region, 2 capital letters or 3 digits "
              "(like \"fr-BE\" or \"es-419\"); scripts and other subtags are not supported"},
      {"fr-BE-x", "\"fr-BE-x\" is not a language tag: after the language comes only a region, 2 capital letters or 3 "
                  "digits (like \"fr-BE\" or \"es-419\"); scripts and other subtags are not supported"},
  };
  for (const auto& c : cases) {
    INFO(c.tag);
    CHECK(language_tag_problem(c.tag) == c.problem);
    CHECK(is_valid_language_tag(c.tag) == std::string(c.problem).empty());
  }
}

TEST_CASE("country codes are two capital letters") {
  CHECK(country_code_problem("FR").empty());
  CHECK(country_code_problem("fr") == "the country \"fr\" is written in capitals: \"FR\"");
  CHECK(country_code_problem("FRA") == "\"FRA\" is not a country code: 2 capital letters (ISO 3166-1 alpha-2), like "
                                       "\"FR\" or \"SK\"");
}

TEST_CASE("a region variant falls back to its base language when the course has it") {
  const std::vector<std::string> languages{"fr", "fr-BE", "pt-PT", "de-AT"};
  CHECK(fallback_language("fr-BE", languages) == "fr");
  CHECK(fallback_language("fr", languages).empty());
  CHECK(fallback_language("pt-PT", languages).empty());  // no "pt": it stands alone
  CHECK(primary_language("fr-BE") == "fr");
  CHECK(region_of("fr-BE") == "BE");
  CHECK(region_of("fr").empty());
}

TEST_CASE("the country of a language: its region, else its one country") {
  CHECK(usual_country("fr-BE") == "BE");
  CHECK(usual_country("sk") == "SK");
  CHECK(usual_country("pl") == "PL");
  CHECK(usual_country("sl") == "SI");
  CHECK_FALSE(usual_country("fr"));
  CHECK_FALSE(usual_country("de"));
  CHECK_FALSE(usual_country("en"));
  CHECK_FALSE(usual_country("pt"));
  CHECK_FALSE(usual_country("es-419"));  // a region of several countries
}

}  // namespace
}  // namespace coursepack
