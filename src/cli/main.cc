// coursepack: one course source in, SCORM packages out.

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string_view>
#include <vector>

#include "commands.h"
#include "coursepack/core/spelling.h"

namespace {

struct Tool {
  std::string_view name;
  std::string_view summary;
  int (*run)(int, char**);
};

constexpr Tool kTools[] = {
    {"validate", "check course sources and report every problem", coursepack::cli::run_validate},
    {"build", "build SCORM 1.2 and xAPI packages from course sources", coursepack::cli::run_build},
    {"schema", "print the JSON Schema of course.json", coursepack::cli::run_schema},
    {"lrs", "talk to an xAPI LRS: about, send, pull", coursepack::cli::run_lrs},
    {"report", "cohort report (CSV and HTML) from xAPI statements", coursepack::cli::run_report},
    {"simulate", "statements of synthetic learners taking a course", coursepack::cli::run_simulate},
    {"moodle", "sync SCORM results from a Moodle site to the LRS as xAPI statements", coursepack::cli::run_moodle},
    {"xliff", "export a course's texts to translate as XLIFF 2.0, import the translation", coursepack::cli::run_xliff},
    {"status", "how far each language of a course is translated", coursepack::cli::run_status},
    {"attendance", "live-session attendance (trainer CSV, Zoom export) as xAPI statements", coursepack::cli::run_attendance},
};

void usage(std::FILE* out) {
  std::fprintf(out, "usage: coursepack COMMAND [options]\n\ncommands:\n");
  for (const auto& tool : kTools)
    std::fprintf(out, "  %-10.*s %.*s\n", static_cast<int>(tool.name.size()), tool.name.data(),
                 static_cast<int>(tool.summary.size()), tool.summary.data());
  std::fprintf(out, "\n`coursepack COMMAND --help` describes each command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::printf("coursepack %s\n", COURSEPACK_VERSION);
    return 0;
  }
  const std::string_view name = argv[1];
  std::vector<std::string_view> names;
  for (const auto& tool : kTools) {
    if (tool.name == name) return tool.run(argc - 1, argv + 1);
    names.push_back(tool.name);
  }
  std::cerr << "coursepack: unknown command \"" << name << "\"";
  if (auto guess = coursepack::closest_spelling(name, names); !guess.empty())
    std::cerr << "; did you mean \"" << guess << "\"?";
  std::cerr << "\n";
  usage(stderr);
  return 2;
}
