#pragma once
// samples/example read from the repository, for package tests.

#include <catch2/catch.hpp>

#include "coursepack/package/course_folder.h"

namespace coursepack::testing {

inline Course example_course() {
  const auto search = find_courses(std::string(COURSEPACK_SOURCE_DIR) + "/samples/example");
  REQUIRE(search.courses.size() == 1);
  auto result = load_course(search.courses[0]);
  REQUIRE(result.diagnostics.empty());
  return std::move(*result.course);
}

}  // namespace coursepack::testing
