#include "coursepack/core/package_names.h"

#include <algorithm>
#include <unordered_map>

#include "coursepack/core/diagnostic.h"

namespace coursepack {
namespace {

// ASCII folding is enough: ids and language tags are ASCII (course_schema.cc); a name
// with other bytes is compared as it is.
std::string folded(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::string package_file_name(std::string_view course_id, std::string_view module_id, std::string_view language,
                              std::string_view format) {
  std::string name(course_id);
  name += '_';
  if (!module_id.empty()) {
    name += module_id;
    name += '_';
  }
  name += language;
  name += '_';
  name += format;
  return name + ".zip";
}

std::vector<PackageName> course_package_names(const Course& course, const std::vector<std::string>& languages,
                                              const std::vector<std::string>& formats, bool per_course) {
  std::vector<std::string> chosen;
  for (const auto& language : course.languages)
    if (languages.empty() || std::find(languages.begin(), languages.end(), language) != languages.end())
      chosen.push_back(language);
  // The order of `languages` as asked, so that a build lists packages as the user named them.
  if (!languages.empty()) {
    std::vector<std::string> ordered;
    for (const auto& language : languages)
      if (std::find(chosen.begin(), chosen.end(), language) != chosen.end()) ordered.push_back(language);
    chosen = std::move(ordered);
  }

  std::vector<PackageName> names;
  for (const auto& format : formats)
    for (const auto& language : chosen) {
      for (std::size_t i = 0; i < course.modules.size(); ++i) {
        const std::string& module = course.modules[i].id;
        names.push_back({package_file_name(course.id, module, language, format), course.id, module, language, format,
                         pointer_join(pointer_join("/modules", i), "id")});
      }
      if (per_course && format == "scorm12")
        names.push_back({package_file_name(course.id, "", language, format), course.id, "", language, format, "/id"});
    }
  return names;
}

std::vector<PackageNameClash> find_package_name_clashes(const std::vector<PackageName>& names) {
  std::unordered_map<std::string, std::size_t> first_of;
  std::vector<PackageNameClash> clashes;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (auto [it, added] = first_of.emplace(folded(names[i].file_name), i); !added) clashes.push_back({it->second, i});
  return clashes;
}

std::string describe_package(const PackageName& name) {
  return "course " + name.course_id + (name.module_id.empty() ? ", whole course" : " module " + name.module_id) +
         " (" + name.language + ", " + name.format + ")";
}

}  // namespace coursepack
