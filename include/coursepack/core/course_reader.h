#pragma once
// Reads one course: course.json text in, a validated Course or every problem out.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/core/diagnostic.h"

namespace coursepack {

/// What the course folder holds at a relative path. The core does no I/O: the caller
/// passes an implementation (the disk in the CLI, a map in tests).
class SourceFiles {
 public:
  enum class Status { ok, missing, outside_course, not_a_file, too_large, unreadable };
  struct File {
    Status status = Status::missing;
    std::string content;
    std::string reason = {};  // unreadable: why, e.g. "permission denied", "a symbolic link loop"
  };
  /// Largest course.json or lesson file read, and largest image or linked file
  /// (docs/course-format.md, "Limits").
  static constexpr std::size_t max_file_size = 16 * 1024 * 1024;
  static constexpr std::size_t max_media_size = 512 * 1024 * 1024;
  virtual ~SourceFiles() = default;
  /// `relative_path` is already checked: relative, no `..`, forward slashes.
  virtual File read(std::string_view relative_path) const = 0;
};

struct CourseReadResult {
  std::optional<Course> course;          // set only when diagnostics is empty
  std::vector<Diagnostic> diagnostics;   // errors, sorted by position
  std::vector<Diagnostic> warnings;      // found only in a course without errors; sorted
};

/// Parses and validates `json_text`, the content of `file_name` (used in messages only),
/// reading lesson files through `files`. Never throws; every problem is a diagnostic.
/// A course without errors is also checked for the weaknesses listed in course_warnings.h;
/// those not silenced by an `allow` entry are `warnings`, which leave `course` set.
CourseReadResult read_course(std::string_view json_text, const std::string& file_name,
                             const SourceFiles& files);

}  // namespace coursepack
