#pragma once
// The SETS courses as they were when the recorded packages were built (commit 86b9acf;
// tests/moodle/courses/README.md).

#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/package/course_folder.h"

namespace coursepack::moodle::testing {

inline const std::vector<Course>& recorded_courses() {
  static const std::vector<Course> courses = [] {
    std::vector<Course> out;
    for (const auto& location : find_courses(std::string(COURSEPACK_SOURCE_DIR) + "/tests/moodle/courses").courses)
      if (auto read = load_course(location); read.course) out.push_back(std::move(*read.course));
    return out;
  }();
  return courses;
}

}  // namespace coursepack::moodle::testing
