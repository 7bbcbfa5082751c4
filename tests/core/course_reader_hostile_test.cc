// Hostile course sources (issue 10): each must give located messages, never a crash, a
// wrapped number or a raw control character on the terminal, in bounded time and memory.
#include <string>

#include <catch2/catch.hpp>

#include "coursepack/core/course_reader.h"
#include "memory_files.h"

namespace coursepack {
namespace {

// Every message about `pointer` (and below it): the documents here are fragments, and the
// checks also report every required key they lack.
std::vector<std::string> messages_at(const std::string& text, const std::string& pointer) {
  const testing::MemoryFiles files;
  std::vector<std::string> out;
  for (const auto& d : read_course(text, "course.json", files).diagnostics)
    if (d.pointer.starts_with(pointer)) out.push_back(d.to_string());
  return out;
}

std::string nested(std::size_t levels, const std::string& open, const std::string& close) {
  std::string text;
  for (std::size_t i = 0; i < levels; ++i) text += open;
  for (std::size_t i = 0; i < levels; ++i) text += close;
  return text;
}

TEST_CASE("deep nesting anywhere is a located error, not a stack overflow") {
  const testing::MemoryFiles files;
  // 100,000 levels under "$schema", which is otherwise ignored: one message, at the
  // bracket one level too deep, read before anything recurses.
  const auto under_schema = read_course("{\"$schema\": " + nested(100000, "[", "]") + "}", "course.json", files);
  REQUIRE(under_schema.diagnostics.size() == 1);
  std::string pointer = "/$schema";
  for (int i = 0; i < max_json_depth - 1; ++i) pointer += "/0";
  CHECK(under_schema.diagnostics[0].to_string() ==
        "course.json:1:76: " + pointer + ": nested deeper than 64 levels of arrays and objects");
  // Unclosed objects: the same message, not the parse error at the end.
  std::string objects = "{\"modules\": ";
  for (int i = 0; i < 20000; ++i) objects += "{\"a\": ";
  const auto unclosed = read_course(objects, "course.json", files);
  REQUIRE(unclosed.diagnostics.size() == 1);
  CHECK(unclosed.diagnostics[0].message == "nested deeper than 64 levels of arrays and objects");
  // The deepest course.json needs (a choice's text) is far from the limit.
  CHECK_FALSE(find_too_deep(nested(64, "[", "]")));
  CHECK(find_too_deep(nested(65, "[", "]")) == 64u);
  // Brackets in strings, escaped quotes included, are text.
  CHECK_FALSE(find_too_deep("[\"\\\"[[[\"]", 1));
}

TEST_CASE("the index stops at the depth limit on its own") {
  const auto index = JsonIndex::scan(nested(100000, "[", "]"));
  CHECK(index.error_pointer().size() == 2 * static_cast<std::size_t>(max_json_depth));
}

TEST_CASE("control characters and noncharacters are refused in every text and the IRI") {
  CHECK(messages_at("{\"title\": {\"en\": \"A\\rB\"}}", "/title") ==
        std::vector<std::string>{"course.json:1:18: /title/en: holds the control character U+000D at character 2"});
  CHECK(messages_at("{\"title\": {\"en\": \"\\u00e9\\nB\"}}", "/title") ==
        std::vector<std::string>{"course.json:1:18: /title/en: holds the control character U+000A at character 2; "
                                 "this text is one line"});
  CHECK(messages_at("{\"title\": {\"en\": \"A\xEF\xBF\xBE\"}}", "/title") ==
        std::vector<std::string>{"course.json:1:18: /title/en: holds the noncharacter U+FFFE at character 2"});
  CHECK(messages_at("{\"title\": {\"en\": \"A\\u007f\"}}", "/title") ==
        std::vector<std::string>{"course.json:1:18: /title/en: holds the control character U+007F at character 2"});
  CHECK(messages_at("{\"iri\": \"https://example.org/\\r\\niri https://evil.example\"}", "/iri") ==
        std::vector<std::string>{"course.json:1:9: /iri: holds the control character U+000D at character 21"});
  // A description may run over lines; a tab or a NUL is still refused there.
  CHECK(messages_at("{\"description\": {\"en\": \"A\\nB\"}}", "/description").empty());
  CHECK(messages_at("{\"description\": {\"en\": \"A\\u0000B\"}}", "/description") ==
        std::vector<std::string>{"course.json:1:24: /description/en: holds the control character U+0000 at character 2"});
}

TEST_CASE("a key written with \\u escapes is the key it decodes to") {
  // "\u0069d" is "id": a duplicate that would silently rename the course.
  CHECK(messages_at("{\"id\": \"a\",\n \"\\u0069d\": \"b\"}", "/id") ==
        std::vector<std::string>{"course.json:2:2: /id: key \"id\" appears twice in this object (first at line 1)"});
  // Located at the escaped key, not at 1:1.
  CHECK(messages_at("{\n \"\\u0069d\": 5}", "/id") ==
        std::vector<std::string>{"course.json:2:13: /id: expected an id (string), got an integer"});
  // A surrogate pair decodes to one character.
  CHECK(messages_at("{\n \"\\ud83d\\ude00\": 5}", "/\xF0\x9F\x98\x80") ==
        std::vector<std::string>{"course.json:2:2: /\xF0\x9F\x98\x80: unknown key \"\xF0\x9F\x98\x80\" in course"});
}

TEST_CASE("positions after a byte order mark are those an editor shows") {
  CHECK(messages_at("\xEF\xBB\xBF{\"format\": 2}", "/format") ==
        std::vector<std::string>{"course.json:1:12: /format: must be 1, got 2"});
  // A syntax error too: where it is without the mark.
  const testing::MemoryFiles files;
  const auto with_mark = read_course("\xEF\xBB\xBF{\"format\": }", "course.json", files);
  const auto without = read_course("{\"format\": }", "course.json", files);
  REQUIRE(with_mark.diagnostics.size() == 1);
  REQUIRE(without.diagnostics.size() == 1);
  CHECK(with_mark.diagnostics[0].to_string() == without.diagnostics[0].to_string());
}

TEST_CASE("numbers past 64 bits signed are reported as written") {
  CHECK(messages_at("{\"format\": 18446744073709551615}", "/format") ==
        std::vector<std::string>{"course.json:1:12: /format: must be 1, got 18446744073709551615"});
  CHECK(messages_at("{\"eqf_level\": -9223372036854775808}", "/eqf_level") ==
        std::vector<std::string>{"course.json:1:15: /eqf_level: must be between 1 and 8, got -9223372036854775808"});
}

TEST_CASE("the workload sum never wraps") {
  const auto found = messages_at(
      "{\"duration_minutes\": 1, \"workload\": {\"online_minutes\": 18446744073709551615, "
      "\"self_study_minutes\": 9223372036854775807, \"live_minutes\": 1}}",
      "/workload");
  CHECK(std::find(found.begin(), found.end(),
                  "course.json:1:37: /workload: adds up to 27670116110564327423 minutes, but duration_minutes is 1") !=
        found.end());
}

TEST_CASE("keys with control characters are printed escaped, long ones cut and not spell-checked") {
  const auto control = messages_at("{\"ti\\u001b[2Jtle\": 1}", "/ti");
  REQUIRE(control.size() == 1);
  CHECK(control[0] == "course.json:1:2: /ti\\u001B[2Jtle: unknown key \"ti\\u001B[2Jtle\" in course");
  const std::string long_key(10 * 1024 * 1024, 't');
  // No "did you mean" for a key this long: the suggestion's cost grows with the key's
  // length times every known key's (12 s and 1.4 GB before); its absence is what keeps the
  // check linear. Speed itself is measured by benchmarks, never here.
  const auto found = messages_at("{\"" + long_key + "\": 1}", "/t");
  REQUIRE(found.size() == 1);
  CHECK(found[0].ends_with(": unknown key \"" + std::string(200, 't') + "…\" in course"));
  CHECK(found[0].size() < 500);  // the pointer is cut too
}

TEST_CASE("a file's messages past the first 1,000 are counted, not kept") {
  // 5,000 wrong language tags: one message each. Kept, each costs about a kilobyte, and
  // 99,000 of them (the value limit allows it) took 104 MiB.
  std::string languages;
  for (int i = 0; i < 5000; ++i) languages += i == 0 ? "0" : ",0";
  const testing::MemoryFiles files;
  const auto read = read_course("{\"languages\": [" + languages + "]}", "course.json", files);
  REQUIRE(read.diagnostics.size() == max_kept_diagnostics + 1);
  // The kept ones are the first reported, in order; the last entry stands for the rest.
  CHECK(read.diagnostics[0].pointer == "/languages/0");
  CHECK(read.diagnostics[max_kept_diagnostics - 1].pointer.starts_with("/languages/"));
  const Diagnostic& rest = read.diagnostics.back();
  CHECK(rest.omitted > 4000);
  CHECK(rest.to_string() == "course.json: ... and " + std::to_string(rest.omitted) +
                                " more problems not listed (only the first 1000 of a file are)");
  // Counts still say how many problems there are: every tag and the required keys missing.
  CHECK(count_diagnostics(read.diagnostics, Severity::error) == max_kept_diagnostics + rest.omitted);
  CHECK(count_diagnostics(read.diagnostics, Severity::error) >= 5000);
  CHECK(count_diagnostics(read.diagnostics, Severity::warning) == 0);
}

TEST_CASE("keep_diagnostic keeps the first ones and counts the rest in one entry") {
  std::vector<Diagnostic> out;
  for (std::size_t i = 0; i < max_kept_diagnostics + 2; ++i)
    keep_diagnostic(out, {"a.json", {static_cast<int>(i) + 1, 1}, "", "m" + std::to_string(i), Severity::warning, "c"});
  REQUIRE(out.size() == max_kept_diagnostics + 1);
  CHECK(out[max_kept_diagnostics - 1].message == "m" + std::to_string(max_kept_diagnostics - 1));
  CHECK(out.back().omitted == 2);
  CHECK(out.back().severity == Severity::warning);
  CHECK(out.back().to_string() == "a.json: ... and 2 more problems not listed (only the first 1000 of a file are)");
  // Sorting keeps the count last in its file.
  out.insert(out.begin(), out.back());
  out.pop_back();
  sort_diagnostics(out);
  CHECK(out.back().omitted == 2);
  CHECK(count_diagnostics(out, Severity::warning) == max_kept_diagnostics + 2);
}

}  // namespace
}  // namespace coursepack
