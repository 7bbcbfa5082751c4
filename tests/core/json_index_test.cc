#include "coursepack/core/json_index.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

TEST_CASE("values and keys are located by JSON pointer") {
  const auto index = JsonIndex::scan("{\n  \"a\": [10, {\"b~/c\": true}],\n  \"é\": \"x\"\n}");
  CHECK(index.value_position("") == TextPosition{1, 1});
  CHECK(index.value_position("/a") == TextPosition{2, 8});
  CHECK(index.value_position("/a/0") == TextPosition{2, 9});
  CHECK(index.value_position("/a/1/b~0~1c") == TextPosition{2, 22});
  CHECK(index.key_position("/a/1/b~0~1c") == TextPosition{2, 14});
  // Columns count characters: "é" is two bytes but one column.
  CHECK(index.value_position("/é") == TextPosition{3, 8});
}

TEST_CASE("a pointer that is not in the text falls back to its nearest ancestor") {
  const auto index = JsonIndex::scan("{\"a\": {\"b\": 1}}");
  CHECK(index.value_position("/a/missing/deeper") == TextPosition{1, 7});
}

TEST_CASE("duplicate keys are reported with both positions") {
  const auto index = JsonIndex::scan("{\"k\": 1,\n \"k\": 2}");
  REQUIRE(index.duplicate_keys().size() == 1);
  CHECK(index.duplicate_keys()[0].pointer == "/k");
  CHECK(index.duplicate_keys()[0].first == TextPosition{1, 2});
  CHECK(index.duplicate_keys()[0].again == TextPosition{2, 2});
}

TEST_CASE("malformed text stops the scan and names the value being read") {
  CHECK(JsonIndex::scan("{\"a\": {\"b\": 1 \"c\": 2}}").error_pointer() == "/a/b");
  CHECK(JsonIndex::scan("{\"a\": [1, ]}").error_pointer() == "/a/1");
  CHECK(JsonIndex::scan("{\"a\": \"open").error_pointer() == "/a");
}

TEST_CASE("offsets become line and column") {
  CHECK(position_of_offset("ab\ncd", 4) == TextPosition{2, 2});
  CHECK(position_of_offset("ab", 99) == TextPosition{1, 3});
}

}  // namespace
}  // namespace coursepack
