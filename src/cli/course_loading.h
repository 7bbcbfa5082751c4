#pragma once
// Shared by validate and build: find every course under the given paths and read it.

#include <string>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/core/diagnostic.h"

namespace coursepack::cli {

struct LoadedCourses {
  std::vector<Course> courses;
  std::vector<std::string> sources;      // course.json of each course, as displayed
  std::vector<Diagnostic> diagnostics;   // every problem found, sorted per file
};

/// Reads every course found under `paths` (course folders or catalogs). Two courses
/// with the same id are an error, reported at the second one's /id.
LoadedCourses load_courses(const std::vector<std::string>& paths);

/// Prints diagnostics to stderr, one per line.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// The diagnostics as JSON objects {file, line, column, pointer, message}.
std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace coursepack::cli
