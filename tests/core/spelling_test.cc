#include "coursepack/core/spelling.h"

#include <array>

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

constexpr std::array<std::string_view, 4> kKeys{"title", "lessons", "languages", "live_sessions"};

TEST_CASE("a near miss suggests the intended word") {
  CHECK(closest_spelling("titel", kKeys) == "title");     // swapped letters
  CHECK(closest_spelling("lesson", kKeys) == "lessons");  // missing letter
  CHECK(closest_spelling("langauges", kKeys) == "languages");
}

TEST_CASE("an unrelated word suggests nothing") {
  CHECK(closest_spelling("colour", kKeys).empty());
  CHECK(closest_spelling("x", kKeys).empty());
}

}  // namespace
}  // namespace coursepack
