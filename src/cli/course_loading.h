#pragma once
// Shared by validate and build: find every course under the given paths and read it.

#include <string>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/core/diagnostic.h"

namespace coursepack::cli {

struct LoadedCourses {
  std::vector<Course> courses;           // every course read without errors (warnings allowed)
  std::vector<std::string> sources;      // course.json of each course, as displayed
  std::vector<Diagnostic> diagnostics;   // errors and warnings, course by course, each sorted by position

  /// Number of diagnostics of `severity`.
  std::size_t count(Severity severity) const;
  /// Warnings of the course read from `source`.
  std::size_t warnings_in(const std::string& source) const;
  /// Nothing stops a build: no error, nor under `strict` any warning.
  bool ok(bool strict) const;
};

/// Reads every course found under `paths` (course folders or catalogs). Two courses
/// with the same id are an error, reported at the second one's /id.
LoadedCourses load_courses(const std::vector<std::string>& paths);

/// Prints diagnostics to stderr, one per line.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// "3 problems found", "1 problem found, 2 warnings", "2 warnings (--strict makes them
/// problems)": the closing line of validate on standard error, empty when nothing was found.
std::string diagnostics_summary(const LoadedCourses& loaded, bool strict);

/// The diagnostics as JSON objects {file, line, column, pointer, severity, [code,] message}.
std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace coursepack::cli
