#include "course_loading.h"

#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "coursepack/package/course_folder.h"

namespace coursepack::cli {

LoadedCourses load_courses(const std::vector<std::string>& paths) {
  LoadedCourses loaded;
  std::map<std::string, std::string> ids;  // course id -> its course.json
  for (const auto& path : paths) {
    CourseSearch search = find_courses(path);
    loaded.diagnostics.insert(loaded.diagnostics.end(), search.diagnostics.begin(), search.diagnostics.end());
    for (const auto& location : search.courses) {
      CourseReadResult result = load_course(location);
      loaded.diagnostics.insert(loaded.diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
      if (!result.course) continue;
      if (auto [it, fresh] = ids.emplace(result.course->id, location.display); !fresh) {
        loaded.diagnostics.push_back({location.display, locate_in_course(location, "/id"), "/id",
                                      "course id \"" + result.course->id + "\" is already used by " + it->second});
        continue;
      }
      loaded.sources.push_back(location.display);
      loaded.courses.push_back(std::move(*result.course));
    }
  }
  return loaded;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& diagnostic : diagnostics) std::cerr << diagnostic.to_string() << '\n';
}

std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics)
    list.push_back({{"file", d.file},
                    {"line", d.position.line},
                    {"column", d.position.column},
                    {"pointer", d.pointer},
                    {"message", d.message}});
  return list.dump();
}

}  // namespace coursepack::cli
