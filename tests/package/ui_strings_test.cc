#include "coursepack/package/ui_strings.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

TEST_CASE("fill_slots replaces each slot once, in one pass") {
  const std::map<std::string, std::string> values{{"a", "{b}"}, {"b", "B"}, {"n", "3"}};
  CHECK(fill_slots("{a} and {b}", values, "{", "}") == "{b} and B");  // a value is never read again
  CHECK(fill_slots("{n}{n}", values, "{", "}") == "33");
  CHECK(fill_slots("{missing} {n", values, "{", "}") == "{missing} {n");
  CHECK(fill_slots("{{n}}", values, "{{", "}}") == "3");
  CHECK(fill_slots("{{{n}}", values, "{{", "}}") == "{3");
  CHECK(fill_slots("{{ n }} {{}}", values, "{{", "}}") == "{{ n }} {{}}");
  CHECK(fill_slots("", values, "{", "}").empty());
}

TEST_CASE("a UI string's values are not read as slots") {
  const UiStrings strings = UiStrings::for_language("en");
  CHECK(strings.get("attempt_of", {{"n", "{max}"}, {"max", "2"}}) == "Attempt {max} of 2.");
  CHECK(strings.get("no_such_key") == "no_such_key");
}

}  // namespace
}  // namespace coursepack
