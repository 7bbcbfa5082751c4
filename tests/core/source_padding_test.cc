#include "coursepack/core/source_padding.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

TEST_CASE("content counts each run of whitespace once") {
  const Padding p = measure_padding("{\n  \"a\": 1,\t\t\"b\":   2\n}\n");
  CHECK(p.bytes == 24);
  CHECK(p.content_bytes == 19);  // 13 bytes and 6 runs
  CHECK(p.longest_run_offset == 1);  // "\n  " comes first among the runs of 3
  CHECK(p.longest_run_length == 3);
  CHECK(measure_padding("").content_bytes == 0);
}

TEST_CASE("a file is padded when large and mostly whitespace") {
  const std::string content(20000, 'x');
  struct Case {
    const char* what;
    std::string text;
    bool padded;
  };
  const Case cases[] = {
      {"small, even if all whitespace", "{" + std::string(padding_min_bytes - 2, ' ') + "}", false},
      {"large but dense", std::string(100000, 'x'), false},
      // 20000 + 1 content bytes: padded beyond 80004 bytes.
      {"large, exactly 4 times its content", content + std::string(60004, ' '), false},
      {"large, one byte more", content + std::string(60005, ' '), true},
      {"short runs count too", [] {
         std::string t;
         for (int i = 0; i < 5000; ++i) t += "x" + std::string(20, ' ') + "\n";
         return t;
       }(), true},  // trailing spaces on every line: 2 content bytes in 22
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    CHECK(find_padding(c.text).has_value() == c.padded);
  }
  const auto p = find_padding(content + std::string(70000, ' '));
  REQUIRE(p);
  CHECK(p->longest_run_offset == 20000);
  CHECK(p->longest_run_length == 70000);
}

}  // namespace
}  // namespace coursepack
