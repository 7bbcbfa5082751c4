#include "coursepack/core/markdown_limits.h"

#include <string>

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

TEST_CASE("paragraphs with more brackets than the limit are found, each whole") {
  const std::string text = "[a] [b]\n[c]\n\n[d]\n \n[e] [f] [g]\n";
  CHECK(find_bracket_floods(text, 3).size() == 0);
  const auto floods = find_bracket_floods(text, 2);
  REQUIRE(floods.size() == 2);
  CHECK(text.substr(floods[0].begin, floods[0].end - floods[0].begin) == "[a] [b]\n[c]\n");
  CHECK(text.substr(floods[1].begin, floods[1].end - floods[1].begin) == "[e] [f] [g]\n");
  CHECK(find_bracket_floods(std::string(max_brackets_per_paragraph, '[')).empty());
  CHECK(find_bracket_floods(std::string(max_brackets_per_paragraph + 1, '[')).size() == 1);
}

}  // namespace
}  // namespace coursepack
