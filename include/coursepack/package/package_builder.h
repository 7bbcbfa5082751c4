#pragma once
// Plans and builds packages: those of one course in memory (build_course_packages), or a
// whole catalog on several threads, each package handed to a sink as soon as it is made
// (build_catalog), so that memory does not grow with the catalog.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/core/package_names.h"

namespace coursepack {

enum class PackageFormat { scorm12, xapi };

/// The name a format has in file names and on the command line ("scorm12", "xapi").
std::string format_name(PackageFormat format);
/// The format of that name, if any.
std::optional<PackageFormat> format_from_name(std::string_view name);

struct BuildOptions {
  std::vector<std::string> languages;  // empty: every course language
  std::vector<PackageFormat> formats{PackageFormat::scorm12, PackageFormat::xapi};
  bool per_course = false;             // also one SCORM package per course: the course-level path
};

struct BuiltPackage {
  std::string file_name;  // <course>_<module>_<language>_<format>.zip, or <course>_<language>_<format>.zip
  std::string course_id;
  std::string module_id;  // empty for a whole-course package
  std::string language;
  std::string format;
  std::string bytes;       // empty once handed to a sink
  std::uint64_t size = 0;  // of the zip, in bytes
};

struct BuildResult {
  std::vector<BuiltPackage> packages;
  std::string error;  // set on failure; packages is then empty
};

/// The packages `options` asks of `course`, named, in build order (course_package_names).
std::vector<PackageName> plan_packages(const Course& course, const BuildOptions& options);

/// Builds every package of `course`, its texts typeset for their language
/// (coursepack/core/typography.h) and the media its lessons reference (course.media) packaged
/// beside each module's page. Asked languages the course lacks are skipped (a
/// catalog's courses may differ); the CLI checks each one exists in some course.
BuildResult build_course_packages(const Course& course, const BuildOptions& options);

/// Receives each package as soon as it is built, from any worker thread at once: it
/// must be thread-safe. Returns "" or why the package could not be kept (the build stops).
using PackageSink = std::function<std::string(BuiltPackage&&)>;

/// Gives course `index` of a catalog build when its first package is built, so that a
/// big catalog's courses need not all be held at once: read again from disk by the CLI.
/// Returns the course, or nothing with `error` set (the build stops).
using CourseLoader = std::function<std::optional<Course>(std::size_t index, std::string& error)>;

/// Builds the packages `plans[i]` of each course i that `load` gives, as the overload below.
/// A course whose packages, planned again, differ from plans[i] (its source changed in
/// between) stops the build with an error.
BuildResult build_catalog(const std::vector<std::vector<PackageName>>& plans, const BuildOptions& options,
                          const CourseLoader& load, unsigned jobs, const PackageSink& sink);

/// Builds every package of `courses` (in their order; plan_packages for each) on `jobs`
/// threads (at least 1) and hands each to `sink`. The packages are the same bytes
/// whatever `jobs`. Each course is typeset once, while its packages are being built;
/// the player's files are compressed once for all (SharedEntries). Returns the packages
/// in plan order, without their bytes; on the first error (a zip, the sink, two packages
/// of one name, refused before anything is built), stops and returns it with no package.
BuildResult build_catalog(const std::vector<Course>& courses, const BuildOptions& options, unsigned jobs,
                          const PackageSink& sink);

/// "two packages would both be named X: <first> and <second>; rename a course or module id",
/// or "" when every package of `names` has a name of its own, even ignoring letter case.
std::string package_name_clash_message(const std::vector<PackageName>& names);

}  // namespace coursepack
