#include "coursepack/core/text_words.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

using Words = std::vector<std::string>;

TEST_CASE("words are runs of letters and digits, lowercased") {
  struct Case {
    const char* text;
    Words words;
  };
  const Case cases[] = {
      {"", {}},
      {"  \t\n", {}},
      {"Hello, world!", {"hello", "world"}},
      {"l’économie sociale", {"l", "économie", "sociale"}},
      {"l'Économie", {"l", "économie"}},
      {"2-1-1 in 2021", {"2", "1", "1", "in", "2021"}},
      // No-break spaces (U+00A0, U+202F), guillemets and dashes separate words.
      {"Que faut-il\u00a0? «\u202fUn label\u202f» — oui…", {"que", "faut", "il", "un", "label", "oui"}},
      {"ŒUVRE Łódź ÇA", {"œuvre", "łódź", "ça"}},
      {"ΑΘΗΝΑ Москва", {"αθηνα", "москва"}},
      {"price: 10 € → 12 %", {"price", "10", "12"}},
      {"a\xffz", {"a", "z"}},  // an invalid byte separates
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(words_of(c.text) == c.words);
  }
}

TEST_CASE("trimming drops ASCII whitespace at both ends only") {
  CHECK(trimmed("  a b \n") == "a b");
  CHECK(trimmed(" \t ").empty());
  CHECK(trimmed("x") == "x");
}

}  // namespace
}  // namespace coursepack
