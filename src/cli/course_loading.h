#pragma once
// Shared by validate and build: find every course under the given paths and read it.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/core/diagnostic.h"
#include "coursepack/package/course_folder.h"
#include "json_output.h"

namespace coursepack::cli {

struct LoadedCourses {
  std::vector<Course> courses;           // every course read without errors (warnings allowed)
  std::vector<std::string> sources;      // course.json of each course, as displayed
  std::vector<Diagnostic> diagnostics;   // errors and warnings, course by course, each sorted by position
  // (course id, language) of every translated language with stale or missing units.
  std::vector<std::pair<std::string, std::string>> incomplete;

  /// Number of diagnostics of `severity`.
  std::size_t count(Severity severity) const;
  /// Warnings of the course read from `source`.
  std::size_t warnings_in(const std::string& source) const;
  /// Nothing stops a build: no error, nor under `strict` any warning.
  bool ok(bool strict) const;
};

/// Reads every course found under `paths` (course folders or catalogs). Two courses
/// with the same id are an error, reported at the second one's /id. With `take`, each
/// course read without errors goes to it instead of into `courses` (build keeps only
/// its plan and reads the course again later: memory does not grow with the catalog).
LoadedCourses load_courses(const std::vector<std::string>& paths,
                           const std::function<void(Course&&, const CourseLocation&)>& take = {});

/// Prints diagnostics to stderr, one per line.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// "3 problems found", "1 problem found, 2 warnings", "2 warnings (--strict makes them
/// problems)": the closing line of validate on standard error, empty when nothing was found.
std::string diagnostics_summary(const LoadedCourses& loaded, bool strict);

/// The diagnostics as JSON objects {file, line, column, pointer, severity, [code,] message};
/// bytes that are not UTF-8 (a folder name) as U+FFFD.
std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace coursepack::cli
