#include <iostream>

#include <CLI/CLI.hpp>

#include "arguments.h"
#include "commands.h"
#include "translation_loading.h"

namespace coursepack::cli {

int run_status(int argc, char** argv) {
  CLI::App app{"How far each language of a course is translated: per language, units translated, stale\n"
               "(the source changed since) and missing, and the files that hold them (docs/translating.md).\n"
               "Exit code: 0 every tracked language complete, 1 one is not or the course is invalid, 2 usage error.",
               "coursepack status"};
  std::string folder;
  app.add_option("COURSE", folder, "Course folder (holding course.json)")->required();
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;

  const std::optional<TranslationCourse> course = load_for_translation(folder, "");
  if (!course) return 1;
  bool complete = true;
  std::cout << course->source.id << ": source language " << course->source.source_language << ", "
            << course->source.units.size() << " units\n";
  for (const auto& status : course_status(*course)) {
    std::cout << xliff::status_line(status) << "\n";
    complete = complete && status.complete();
    if (!status.tracked) continue;
    for (const auto& file : status.files)
      if (file.stale + file.missing > 0)
        std::cout << "  " << file.path << ": " << file.stale << " stale, " << file.missing << " missing\n";
  }
  return complete ? 0 : 1;
}

}  // namespace coursepack::cli
