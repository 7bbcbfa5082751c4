#pragma once
// Plans and builds the packages of one course, in memory.

#include <string>
#include <vector>

#include "coursepack/core/course.h"

namespace coursepack {

enum class PackageFormat { scorm12 };

/// The name a format has in file names and on the command line ("scorm12").
std::string format_name(PackageFormat format);

struct BuildOptions {
  std::vector<std::string> languages;  // empty: every course language
  std::vector<PackageFormat> formats{PackageFormat::scorm12};
  bool per_course = false;             // also one package holding every module
};

struct BuiltPackage {
  std::string file_name;  // <course>_<module>_<language>_<format>.zip, or <course>_<language>_<format>.zip
  std::string course_id;
  std::string module_id;  // empty for a whole-course package
  std::string language;
  std::string format;
  std::string bytes;
};

struct BuildResult {
  std::vector<BuiltPackage> packages;
  std::string error;  // set on failure; packages is then empty
};

/// Builds every package of `course`. Asked languages the course lacks are skipped (a
/// catalog's courses may differ); the CLI checks each one exists in some course.
BuildResult build_course_packages(const Course& course, const BuildOptions& options);

}  // namespace coursepack
