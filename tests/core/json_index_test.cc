#include "coursepack/core/json_index.h"

#include <catch2/catch.hpp>

#include "coursepack/core/course_reader.h"
#include "memory_files.h"

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

TEST_CASE("a key three times: each later one named with the first") {
  const auto index = JsonIndex::scan("{\"a\": {\"k\": 1, \"x\": 0, \"k\": 2,\n\"k\": {\"deep\": 3}}}");
  REQUIRE(index.duplicate_keys().size() == 2);
  CHECK(index.duplicate_keys()[0].pointer == "/a/k");
  CHECK(index.duplicate_keys()[0].first == TextPosition{1, 8});
  CHECK(index.duplicate_keys()[0].again == TextPosition{1, 24});
  CHECK(index.duplicate_keys()[1].first == TextPosition{1, 8});
  CHECK(index.duplicate_keys()[1].again == TextPosition{2, 1});
  // The first occurrence is the one located; what only a later one holds is still found.
  CHECK(index.value_position("/a/k") == TextPosition{1, 13});
  CHECK(index.value_position("/a/k/deep") == TextPosition{2, 15});
}

TEST_CASE("escaped keys are found by what they decode to") {
  const auto index = JsonIndex::scan("{\"\\u0069d\": 1, \"a/b\": [true, null]}");
  CHECK(index.key_position("/id") == TextPosition{1, 2});
  CHECK(index.value_position("/a~1b/1") == TextPosition{1, 30});
  // Indexes are written as pointer_join writes them: "01" names nothing.
  CHECK(index.value_position("/a~1b/01") == TextPosition{1, 23});
}

TEST_CASE("the value before a position is named by its pointer") {
  const std::string text = "{\"a\": [1, {\"b\": \"xyz\"}],\n \"c\": 2}";
  const auto index = JsonIndex::scan(text);
  CHECK(index.value_before(TextPosition{1, 20}) == "/a/1/b");
  CHECK(index.value_before(TextPosition{1, 9}) == "/a/0");
  CHECK(index.value_before(TextPosition{2, 7}) == "/c");
  CHECK(index.value_before(TextPosition{1, 1}) == "");
}

TEST_CASE("the index costs a fixed size per value, whatever the pointers") {
  // Memory is what a 16 MB source of tiny values once blew up (1.2 GB for 8 million `0`):
  // one entry per value, no pointer strings.
  std::string text = "{\"a-rather-long-key-to-make-pointers-long\": [";
  for (int i = 0; i < 10000; ++i) text += i ? ",0" : "0";
  text += "]}";
  const auto index = JsonIndex::scan(text);
  CHECK(index.size() == 10002);
  CHECK(index.value_position("/a-rather-long-key-to-make-pointers-long/9999") == TextPosition{1, 20044});
  CHECK(JsonIndex::bytes_per_value <= 48);
}

TEST_CASE("values are counted in one pass, keys not, strings skipped") {
  CHECK_FALSE(find_over_limits("{\"a\": [1, \"[{\", {\"b\": null}]}", 6));
  const auto over = find_over_limits("{\"a\": [1, \"[{\", {\"b\": null}]}", 5);
  REQUIRE(over);
  CHECK(over->offset == 22u);  // `null`, the sixth value
  CHECK(over->message == "holds more than 5 values (objects, arrays, strings, numbers, true, false, null)");
  CHECK_FALSE(find_over_limits("[[], {}, [[]]]", 5));
  CHECK(find_over_limits("[[], {}, [[]]]", 4));
  // Depth first where both are exceeded: the same message as find_too_deep.
  const auto deep = find_over_limits(std::string(65, '[') + std::string(65, ']'));
  REQUIRE(deep);
  CHECK(deep->offset == 64u);
  CHECK(deep->message == "nested deeper than 64 levels of arrays and objects");
}

TEST_CASE("a course.json of more values than the limit is one located error, read no further") {
  // Under an unknown key, where nothing else would be said about them: the count comes
  // before the index and the parser, whose memory it bounds.
  std::string text = "{\"x_unknown\": [";
  for (std::size_t i = 0; i <= max_json_values; ++i) text += i ? ",0" : "0";
  text += "]}";
  const testing::MemoryFiles files;
  const auto read = read_course(text, "course.json", files);
  REQUIRE(read.diagnostics.size() == 1);
  // Values 1 and 2 are the document and the array: the limit is passed at item limit - 2.
  const std::size_t item = max_json_values - 2;
  CHECK(read.diagnostics[0].to_string() ==
        "course.json:1:" + std::to_string(16 + 2 * item) + ": /x_unknown/" + std::to_string(item) +
            ": holds more than " + std::to_string(max_json_values) +
            " values (objects, arrays, strings, numbers, true, false, null)");
}

TEST_CASE("offsets become line and column") {
  CHECK(position_of_offset("ab\ncd", 4) == TextPosition{2, 2});
  CHECK(position_of_offset("ab", 99) == TextPosition{1, 3});
}

}  // namespace
}  // namespace coursepack
