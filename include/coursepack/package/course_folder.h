#pragma once
// Finding courses on disk and reading them through the core.

#include <filesystem>
#include <string>
#include <vector>

#include "coursepack/core/course_reader.h"

namespace coursepack {

struct CourseLocation {
  std::filesystem::path folder;  // holds course.json
  std::string display;           // how messages name course.json, e.g. "samples/sets/sets-2/course.json"
};

struct CourseSearch {
  std::vector<CourseLocation> courses;
  std::vector<Diagnostic> diagnostics;  // a path that is neither a course nor a catalog
};

/// `path` is a course folder (holds course.json) or a catalog (its direct subfolders do).
/// Courses come sorted by folder name.
CourseSearch find_courses(const std::filesystem::path& path);

/// Reads course.json and its lessons from disk. Lesson paths that resolve (through
/// symbolic links) outside the course folder are refused. In a course without errors, the
/// images and files its lessons reference are checked and read into `course.media`; a
/// missing or outside one, or an image without alt text, is an error located in the lesson.
CourseReadResult load_course(const CourseLocation& location);

/// Where the value at `pointer` starts in the location's course.json (1:1 if unreadable).
TextPosition locate_in_course(const CourseLocation& location, std::string_view pointer);

}  // namespace coursepack
