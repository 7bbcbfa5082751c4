#include <iostream>

#include <CLI/CLI.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"

namespace coursepack::cli {

int run_validate(int argc, char** argv) {
  CLI::App app{"Check course sources and report every problem, as file:line:column: /json/pointer: message.\n"
               "Exit code: 0 clean, 1 problems found, 2 usage error.",
               "coursepack validate"};
  std::vector<std::string> paths;
  bool json = false;
  app.add_option("PATH", paths, "Course folders (holding course.json) or catalog folders (holding courses)")
      ->required();
  app.add_flag("--json", json, "Print the result as JSON on stdout");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;

  const LoadedCourses loaded = load_courses(paths);
  print_diagnostics(loaded.diagnostics);
  if (json) {
    std::cout << "{\"ok\":" << (loaded.diagnostics.empty() ? "true" : "false")
              << ",\"courses\":" << loaded.courses.size()
              << ",\"diagnostics\":" << diagnostics_json(loaded.diagnostics) << "}\n";
  } else if (loaded.diagnostics.empty()) {
    for (const auto& source : loaded.sources) std::cout << source << ": ok\n";
  } else {
    const auto n = loaded.diagnostics.size();
    std::cerr << n << (n == 1 ? " problem" : " problems") << " found\n";
  }
  return loaded.diagnostics.empty() ? 0 : 1;
}

}  // namespace coursepack::cli
