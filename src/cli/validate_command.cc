#include <iostream>

#include <CLI/CLI.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"
#include "coursepack/package/catalog_names.h"

namespace coursepack::cli {

int run_validate(int argc, char** argv) {
  CLI::App app{"Check course sources and report every problem, as file:line:column: /json/pointer: message.\n"
               "Warnings (item writing, coverage, padding) read `warning[code]: message`; a course silences one\n"
               "with an \"allow\" entry (docs/course-format.md).\n"
               "Exit code: 0 clean or warnings only, 1 problems found (warnings too with --strict), 2 usage error.",
               "coursepack validate"};
  std::vector<std::string> paths;
  bool json = false, strict = false;
  app.add_option("PATH", paths, "Course folders (holding course.json) or catalog folders (holding courses)")
      ->required();
  app.add_flag("--json", json, "Print the result as JSON on stdout");
  app.add_flag("--strict", strict, "Count warnings as problems");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;

  LoadedCourses loaded = load_courses(paths);
  // Packages of two courses or modules that would be one file (issue 10).
  for (auto& clash : check_package_names(loaded.courses, loaded.sources)) loaded.diagnostics.push_back(std::move(clash));
  const bool ok = loaded.ok(strict);
  print_diagnostics(loaded.diagnostics);
  if (json) {
    std::cout << "{\"ok\":" << (ok ? "true" : "false") << ",\"courses\":" << loaded.courses.size()
              << ",\"diagnostics\":" << diagnostics_json(loaded.diagnostics) << "}\n";
    return ok ? 0 : 1;
  }
  if (ok)
    for (const auto& source : loaded.sources) {
      const auto warnings = loaded.warnings_in(source);
      std::cout << source << ": ok";
      if (warnings > 0) std::cout << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
      std::cout << '\n';
    }
  if (const auto summary = diagnostics_summary(loaded, strict); !summary.empty()) std::cerr << summary << '\n';
  return ok ? 0 : 1;
}

}  // namespace coursepack::cli
