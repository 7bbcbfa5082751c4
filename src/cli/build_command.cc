#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"
#include "coursepack/package/output_folder.h"
#include "coursepack/package/package_builder.h"

namespace coursepack::cli {
namespace {

std::string human_size(std::size_t bytes) {
  char text[32];
  if (bytes < 1024)
    std::snprintf(text, sizeof text, "%zu B", bytes);
  else
    std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
  return text;
}

void print_table(const std::vector<BuiltPackage>& packages) {
  int name_width = 7, module_width = 6;
  for (const auto& p : packages) {
    name_width = std::max(name_width, static_cast<int>(p.file_name.size()));
    module_width = std::max(module_width, static_cast<int>(p.module_id.size()));
  }
  std::printf("%-*s  %-*s  %-8s  %-8s  %10s\n", name_width, "package", module_width, "module", "language", "format",
              "size");
  for (const auto& p : packages)
    std::printf("%-*s  %-*s  %-8s  %-8s  %10s\n", name_width, p.file_name.c_str(), module_width,
                p.module_id.empty() ? "(all)" : p.module_id.c_str(), p.language.c_str(), p.format.c_str(),
                human_size(p.bytes.size()).c_str());
}

}  // namespace

int run_build(int argc, char** argv) {
  CLI::App app{"Build packages: one per module, language and format (file name "
               "<course>_<module>_<language>_<format>.zip), for every course found.\n"
               "Nothing is written unless every course is valid and every package is built.",
               "coursepack build"};
  std::vector<std::string> paths;
  std::string output;
  std::vector<std::string> languages;
  std::vector<std::string> formats{"scorm12", "xapi"};
  bool per_course = false, quiet = false, json = false, strict = false;
  app.add_option("PATH", paths, "Course folders or catalog folders")->required();
  app.add_option("-o,--output", output, "Folder to write the packages into (created if missing)")->required();
  app.add_option("-l,--lang", languages, "Only these languages (default: every language of each course)")
      ->delimiter(',');
  app.add_option("-f,--format", formats, "Package formats: scorm12, xapi (TinCan launch); default both")
      ->delimiter(',')
      ->check(CLI::IsMember({"scorm12", "xapi"}));
  app.add_flag("--per-course", per_course, "Also build one package per course holding all its modules");
  app.add_flag("-q,--quiet", quiet, "Print nothing but errors");
  app.add_flag("--json", json, "Print the list of packages as JSON on stdout");
  app.add_flag("--strict", strict, "Count warnings as problems: with any, write nothing");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  // "-l en,en" or "-f xapi,xapi" would build the same package twice: each once.
  for (auto* list : {&languages, &formats}) {
    std::set<std::string> seen;
    std::erase_if(*list, [&](const std::string& item) { return !seen.insert(item).second; });
  }

  const auto started = std::chrono::steady_clock::now();
  const LoadedCourses loaded = load_courses(paths);
  if (!loaded.ok(strict)) {
    print_diagnostics(loaded.diagnostics);
    std::cerr << (loaded.count(Severity::error) > 0
                      ? "coursepack build: nothing written: fix the problems above (coursepack validate lists them)\n"
                      : "coursepack build: nothing written: --strict counts the warnings above as problems\n");
    return 1;
  }
  if (!quiet) print_diagnostics(loaded.diagnostics);  // warnings only
  std::set<std::string> available;
  for (const auto& course : loaded.courses) available.insert(course.languages.begin(), course.languages.end());
  for (const auto& language : languages)
    if (!available.contains(language)) {
      std::cerr << "coursepack build: no course has language \"" << language << "\"\n";
      return 2;
    }

  BuildOptions options;
  options.languages = languages;
  options.per_course = per_course;
  options.formats.clear();
  for (const auto& name : formats) options.formats.push_back(*format_from_name(name));
  const bool progress = !quiet && !json && ::isatty(STDERR_FILENO);
  std::vector<BuiltPackage> packages;
  for (const auto& course : loaded.courses) {
    BuildResult result = build_course_packages(course, options);
    if (!result.error.empty()) {
      std::cerr << "coursepack build: " << result.error << "\nnothing written\n";
      return 1;
    }
    for (auto& package : result.packages) {
      if (progress) std::cerr << "\r\033[K[" << packages.size() + 1 << "] " << package.file_name << std::flush;
      packages.push_back(std::move(package));
    }
  }
  if (progress) std::cerr << "\r\033[K";

  std::vector<std::string> notes;
  const std::string error = publish_packages(output, packages, &notes);
  for (const auto& note : notes) std::cerr << "coursepack build: " << note << "\n";
  if (!error.empty()) {
    // The message says what state OUT is in when a rollback could not finish.
    const bool restored = error.find("could not restore") == std::string::npos;
    std::cerr << "coursepack build: " << error << (restored ? "\nnothing written\n" : "\n");
    return 1;
  }

  if (json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& p : packages)
      list.push_back({{"file", p.file_name},
                      {"course", p.course_id},
                      {"module", p.module_id},
                      {"language", p.language},
                      {"format", p.format},
                      {"bytes", p.bytes.size()}});
    std::cout << nlohmann::ordered_json{{"output", output}, {"packages", list}}.dump(2) << '\n';
  } else if (!quiet) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    print_table(packages);
    std::printf("%zu packages from %zu courses written to %s in %.2f s\n", packages.size(), loaded.courses.size(),
                output.c_str(), seconds);
  }
  return 0;
}

}  // namespace coursepack::cli
