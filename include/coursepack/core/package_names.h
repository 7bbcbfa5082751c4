#pragma once
// The file names of the packages a catalog builds, and the names two packages would share.
// Pure functions: validate checks a catalog with them before anything is built, and build
// plans its packages with them.

#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/course.h"

namespace coursepack {

/// One package a course yields, before it is built.
struct PackageName {
  std::string file_name;  // <course>_<module>_<language>_<format>.zip, or <course>_<language>_<format>.zip
  std::string course_id;
  std::string module_id;  // empty for a whole-course package
  std::string language;
  std::string format;     // "scorm12", "xapi"
  std::string pointer;    // where in course.json the name comes from: "/modules/2/id", or "/id"
};

/// The file name of a package; `module_id` empty for a whole-course package.
std::string package_file_name(std::string_view course_id, std::string_view module_id, std::string_view language,
                              std::string_view format);

/// Every package `course` yields in `languages` (those the course lacks are skipped; empty:
/// every language of the course) and `formats`, in build order: format, language, module,
/// then the whole-course package when `per_course` (SCORM only: TinCan allows one
/// launchable activity per package).
std::vector<PackageName> course_package_names(const Course& course, const std::vector<std::string>& languages,
                                              const std::vector<std::string>& formats, bool per_course);

/// Two packages that would be written to one file: the same name, or names that differ
/// only in letter case (one file on macOS and Windows). Indices into the list given.
struct PackageNameClash {
  std::size_t first, second;
};

/// Every clash in `names`, each later package paired with the first one of its name.
std::vector<PackageNameClash> find_package_name_clashes(const std::vector<PackageName>& names);

/// "course a module b_c (en, xapi)", "course a, whole course (en, scorm12)": a package in messages.
std::string describe_package(const PackageName& name);

}  // namespace coursepack
