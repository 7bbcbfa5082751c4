#pragma once
// Plans and builds the packages of one course, in memory.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/course.h"

namespace coursepack {

enum class PackageFormat { scorm12, xapi };

/// The name a format has in file names and on the command line ("scorm12", "xapi").
std::string format_name(PackageFormat format);
/// The format of that name, if any.
std::optional<PackageFormat> format_from_name(std::string_view name);

struct BuildOptions {
  std::vector<std::string> languages;  // empty: every course language
  std::vector<PackageFormat> formats{PackageFormat::scorm12, PackageFormat::xapi};
  bool per_course = false;             // also one SCORM package holding every module
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

/// Builds every package of `course`, its texts typeset for their language
/// (coursepack/core/typography.h) and the media its lessons reference (course.media) packaged
/// beside each module's page. Asked languages the course lacks are skipped (a
/// catalog's courses may differ); the CLI checks each one exists in some course.
BuildResult build_course_packages(const Course& course, const BuildOptions& options);

}  // namespace coursepack
