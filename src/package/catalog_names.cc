#include "coursepack/package/catalog_names.h"

#include <map>
#include <set>
#include <tuple>

#include "coursepack/core/package_names.h"
#include "coursepack/package/course_folder.h"

namespace coursepack {
namespace {

std::string origin(const PackageName& name) {
  return name.module_id.empty() ? "course " + name.course_id + " (whole course, with --per-course)"
                                : "course " + name.course_id + " module " + name.module_id;
}

}  // namespace

std::vector<Diagnostic> check_package_names(const std::vector<Course>& courses, const std::vector<std::string>& sources) {
  std::vector<PackageName> names;
  std::vector<std::size_t> course_of;
  for (std::size_t c = 0; c < courses.size(); ++c)
    for (auto& name : course_package_names(courses[c], {}, {"scorm12", "xapi"}, true)) {
      names.push_back(std::move(name));
      course_of.push_back(c);
    }

  std::vector<Diagnostic> diagnostics;
  // Every language and format of a pair clashes alike: one error per pair of modules.
  std::set<std::tuple<std::size_t, std::string, std::size_t, std::string>> reported;
  for (const auto& [first, second] : find_package_name_clashes(names)) {
    const PackageName& a = names[first];
    const PackageName& b = names[second];
    if (!reported.emplace(course_of[first], a.pointer, course_of[second], b.pointer).second) continue;
    const auto where = [&](std::size_t i) {
      const std::string& source = sources[course_of[i]];
      const CourseLocation location{std::filesystem::path(source).parent_path(), source};
      return std::pair{source, locate_in_course(location, names[i].pointer)};
    };
    const auto [a_file, a_position] = where(first);
    const auto [b_file, b_position] = where(second);
    const std::string other = origin(a) + " (" + a_file + ":" + std::to_string(a_position.line) + ":" +
                              std::to_string(a_position.column) + ")";
    const std::string message =
        a.file_name == b.file_name
            ? "package " + b.file_name + " of " + origin(b) + " would also be that of " + other
            : "package " + b.file_name + " of " + origin(b) + " differs only in letter case from " + a.file_name +
                  " of " + other + ": one file on macOS and Windows";
    diagnostics.push_back({b_file, b_position, b.pointer, message + "; rename a course or module id"});
  }
  return diagnostics;
}

}  // namespace coursepack
