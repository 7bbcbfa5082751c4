#include "course_loading.h"

#include <algorithm>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "coursepack/package/course_folder.h"
#include "translation_loading.h"

namespace coursepack::cli {
namespace {

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

}  // namespace

std::size_t LoadedCourses::count(Severity severity) const { return count_diagnostics(diagnostics, severity); }

std::size_t LoadedCourses::warnings_in(const std::string& source) const {
  std::size_t count = 0;
  for (const auto& d : diagnostics)
    if (d.severity == Severity::warning && d.file == source) count += d.problems();
  return count;
}

bool LoadedCourses::ok(bool strict) const {
  return count(Severity::error) == 0 && (!strict || count(Severity::warning) == 0);
}

LoadedCourses load_courses(const std::vector<std::string>& paths,
                           const std::function<void(Course&&, const CourseLocation&)>& take) {
  LoadedCourses loaded;
  std::map<std::string, std::string> ids;  // course id -> its course.json
  for (const auto& path : paths) {
    CourseSearch search = find_courses(path);
    loaded.diagnostics.insert(loaded.diagnostics.end(), search.diagnostics.begin(), search.diagnostics.end());
    for (const auto& location : search.courses) {
      CourseReadResult result = load_course(location);
      std::vector<Diagnostic> found = std::move(result.diagnostics);
      found.insert(found.end(), result.warnings.begin(), result.warnings.end());
      sort_diagnostics(found);
      loaded.diagnostics.insert(loaded.diagnostics.end(), found.begin(), found.end());
      if (!result.course) continue;
      if (auto [it, fresh] = ids.emplace(result.course->id, location.display); !fresh) {
        loaded.diagnostics.push_back({location.display, locate_in_course(location, "/id"), "/id",
                                      "course id \"" + result.course->id + "\" is already used by " + it->second});
        continue;
      }
      loaded.sources.push_back(location.display);
      // A translated language with stale or missing units (docs/translating.md): a warning,
      // so --strict refuses it and build decides with --allow-incomplete.
      for (const auto& incomplete : incomplete_languages(location.folder)) {
        const auto& languages = result.course->languages;
        const auto at = std::find(languages.begin(), languages.end(), incomplete.language);
        const std::string pointer =
            at == languages.end() ? "/languages" : "/languages/" + std::to_string(at - languages.begin());
        loaded.diagnostics.push_back({location.display, locate_in_course(location, pointer), pointer,
                                      incomplete.status + ": translation incomplete (coursepack status lists the units)",
                                      Severity::warning, "translation-incomplete"});
        loaded.incomplete.push_back({result.course->id, incomplete.language});
      }
      if (take)
        take(std::move(*result.course), location);
      else
        loaded.courses.push_back(std::move(*result.course));
    }
  }
  return loaded;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& diagnostic : diagnostics) std::cerr << diagnostic.to_string() << '\n';
}

std::string diagnostics_summary(const LoadedCourses& loaded, bool strict) {
  const std::size_t errors = loaded.count(Severity::error), warnings = loaded.count(Severity::warning);
  if (strict) return errors + warnings == 0 ? "" : counted(errors + warnings, "problem found", "problems found");
  if (errors == 0)
    return warnings == 0 ? "" : counted(warnings, "warning", "warnings") + " (--strict makes them problems)";
  return counted(errors, "problem found", "problems found") +
         (warnings == 0 ? "" : ", " + counted(warnings, "warning", "warnings"));
}

std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics) {
    if (d.omitted > 0) {  // the problems past max_kept_diagnostics: a count, no place
      list.push_back({{"file", d.file},
                      {"severity", d.severity == Severity::warning ? "warning" : "error"},
                      {"omitted", d.omitted},
                      {"message", omitted_message(d.omitted)}});
      continue;
    }
    nlohmann::ordered_json item = {{"file", d.file},
                                   {"line", d.position.line},
                                   {"column", d.position.column},
                                   {"pointer", d.pointer},
                                   {"severity", d.severity == Severity::warning ? "warning" : "error"}};
    if (d.severity == Severity::warning) item["code"] = d.code;
    item["message"] = d.message;
    list.push_back(std::move(item));
  }
  return json_text(list);
}

}  // namespace coursepack::cli
