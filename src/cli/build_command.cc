#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"
#include "coursepack/package/output_folder.h"
#include "coursepack/package/package_builder.h"
#include "coursepack/package/trainer_guide.h"

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
                human_size(p.size).c_str());
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
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  app.add_option("PATH", paths, "Course folders or catalog folders")->required();
  app.add_option("-o,--output", output, "Folder to write the packages into (created if missing)")->required();
  app.add_option("-l,--lang", languages, "Only these languages (default: every language of each course)")
      ->delimiter(',');
  app.add_option("-f,--format", formats, "Package formats: scorm12, xapi (TinCan launch); default both")
      ->delimiter(',')
      ->check(CLI::IsMember({"scorm12", "xapi"}));
  app.add_flag("--per-course", per_course, "Also build one package per course: the course-level path (one pre-test, every module, one post-test)");
  app.add_flag("-q,--quiet", quiet, "Print nothing but errors");
  app.add_flag("--json", json, "Print the list of packages as JSON on stdout");
  app.add_flag("--strict", strict, "Count warnings as problems: with any, write nothing");
  bool trainer_guide = false, allow_incomplete = false;
  app.add_flag("--allow-incomplete", allow_incomplete,
               "Build translated languages with stale or missing units; those show the source language's text");
  app.add_flag("--trainer-guide", trainer_guide,
               "Also write each course's printable trainer guide per language (<course>_trainer-guide_<language>.html)");
  app.add_option("-j,--jobs", jobs, "Packages built at once (default: the number of cores); the same bytes whatever N")
      ->check(CLI::Range(1u, 1024u));
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  // "-l en,en" or "-f xapi,xapi" would build the same package twice: each once.
  for (auto* list : {&languages, &formats}) {
    std::set<std::string> seen;
    std::erase_if(*list, [&](const std::string& item) { return !seen.insert(item).second; });
  }

  BuildOptions options;
  options.languages = languages;
  options.per_course = per_course;
  options.formats.clear();
  for (const auto& name : formats) options.formats.push_back(*format_from_name(name));

  // Each course is read and checked, and only its plan kept; its packages' worker reads it
  // again, so that memory does not grow with the catalog (issue 10).
  const auto started = std::chrono::steady_clock::now();
  std::vector<CourseLocation> locations;
  std::vector<std::vector<PackageName>> plans;
  std::vector<PackageName> guide_names;
  std::set<std::string> available;
  const LoadedCourses loaded = load_courses(paths, [&](Course&& course, const CourseLocation& location) {
    locations.push_back(location);
    plans.push_back(plan_packages(course, options));
    if (trainer_guide) {
      auto guides = trainer_guide_names(course, languages);
      guide_names.insert(guide_names.end(), guides.begin(), guides.end());
    }
    available.insert(course.languages.begin(), course.languages.end());
  });
  if (!loaded.ok(strict)) {
    print_diagnostics(loaded.diagnostics);
    std::cerr << (loaded.count(Severity::error) > 0
                      ? "coursepack build: nothing written: fix the problems above (coursepack validate lists them)\n"
                      : "coursepack build: nothing written: --strict counts the warnings above as problems\n");
    return 1;
  }
  if (!quiet) print_diagnostics(loaded.diagnostics);  // warnings only
  // A partner's language half translated would go out looking finished: refused unless
  // asked for (docs/translating.md).
  if (!allow_incomplete)
    for (const auto& [course_id, language] : loaded.incomplete)
      if (languages.empty() || std::find(languages.begin(), languages.end(), language) != languages.end()) {
        std::cerr << "coursepack build: nothing written: course " << course_id << " language " << language
                  << " is not completely translated (coursepack status " << course_id
                  << "); --allow-incomplete builds it with the source language's text where units are missing\n";
        return 1;
      }
  for (const auto& language : languages)
    if (!available.contains(language)) {
      std::cerr << "coursepack build: no course has language \"" << language << "\"\n";
      return 2;
    }

  // Every target is checked before anything is built; packages then go to the staging
  // folder as they are made, and into OUT all together at the end.
  std::vector<PackageName> names;
  for (const auto& plan : plans) names.insert(names.end(), plan.begin(), plan.end());
  names.insert(names.end(), guide_names.begin(), guide_names.end());
  OutputFolder out(output);
  std::vector<std::string> notes;
  const std::string opened = out.open(names, notes);
  for (const auto& note : notes) std::cerr << "coursepack build: " << note << "\n";
  if (!opened.empty()) {
    std::cerr << "coursepack build: " << opened << "\nnothing written\n";
    return 1;
  }

  const bool progress = !quiet && !json && ::isatty(STDERR_FILENO);
  std::mutex progress_mutex;
  std::size_t made = 0;
  const auto reload = [&](std::size_t index, std::string& error) {
    CourseReadResult read = load_course(locations[index]);
    if (!read.course) error = locations[index].display + ": changed during the build and no longer reads";
    return std::move(read.course);
  };
  const BuildResult built = build_catalog(plans, options, reload, jobs, [&](BuiltPackage&& package) {
    std::string error = out.stage(package.file_name, package.bytes);
    if (progress && error.empty()) {
      std::lock_guard lock(progress_mutex);
      std::cerr << "\r\033[K[" << ++made << "/" << names.size() << "] " << package.file_name << std::flush;
    }
    return error;
  });
  if (progress) std::cerr << "\r\033[K";
  if (!built.error.empty()) {
    std::cerr << "coursepack build: " << built.error << "\nnothing written\n";
    return 1;
  }
  std::vector<BuiltPackage> packages = built.packages;
  // Guides are small and quick: made after the packages, staged like them, published with them.
  // Each course is read again for them, as for its packages.
  for (std::size_t i = 0; trainer_guide && i < locations.size(); ++i) {
    std::string reload_error;
    const std::optional<Course> course = reload(i, reload_error);
    if (!course) {
      std::cerr << "coursepack build: " << reload_error << "\nnothing written\n";
      return 1;
    }
    for (auto& guide : build_trainer_guides(*course, languages)) {
      if (std::string error = out.stage(guide.file_name, guide.bytes); !error.empty()) {
        std::cerr << "coursepack build: " << error << "\nnothing written\n";
        return 1;
      }
      guide.bytes.clear();
      packages.push_back(std::move(guide));
    }
  }
  std::vector<std::string> file_names;
  for (const auto& package : packages) file_names.push_back(package.file_name);
  if (const std::string error = out.publish(file_names); !error.empty()) {
    // The message says what state OUT is in when a rollback could not finish.
    std::cerr << "coursepack build: " << error << (out.restored() ? "\nnothing written\n" : "\n");
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
                      {"bytes", p.size}});
    // A folder name need not be UTF-8: shown with U+FFFD rather than aborting after the build.
    std::cout << nlohmann::ordered_json{{"output", output}, {"packages", list}}.dump(
                     2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
              << '\n';
  } else if (!quiet) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    print_table(packages);
    std::printf("%zu packages from %zu courses written to %s in %.2f s\n", packages.size(), locations.size(),
                output.c_str(), seconds);
  }
  return 0;
}

}  // namespace coursepack::cli
