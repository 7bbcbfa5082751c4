#include "coursepack/core/utf8.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

TEST_CASE("valid UTF-8 passes") {
  CHECK_FALSE(find_invalid_utf8("plain ascii"));
  CHECK_FALSE(find_invalid_utf8("d\xC3\xA9j\xC3\xA0 \xE2\x82\xAC \xF0\x9F\x98\x80"));
}

TEST_CASE("the first invalid byte is found") {
  struct Case {
    std::string text;
    std::size_t at;
  };
  const Case cases[] = {
      {"caf\xE9", 3},                   // Latin-1 é
      {"ab\xC3", 2},                    // truncated sequence
      {"\xC0\xAF", 0},                  // overlong "/"
      {"x\xED\xA0\x80", 1},             // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},          // past U+10FFFF
      {"ok\x80", 2},                    // stray continuation byte
  };
  for (const auto& c : cases) {
    INFO(c.text);
    REQUIRE(find_invalid_utf8(c.text));
    CHECK(*find_invalid_utf8(c.text) == c.at);
  }
}

TEST_CASE("code points are counted, not bytes") { CHECK(count_code_points("d\xC3\xA9j\xC3\xA0") == 4); }

}  // namespace
}  // namespace coursepack
