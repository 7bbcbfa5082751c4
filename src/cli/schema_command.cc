#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "coursepack/core/course_schema.h"

namespace coursepack::cli {

int run_schema(int argc, char** argv) {
  CLI::App app{"Print the JSON Schema of course.json (the one committed as course.schema.json).",
               "coursepack schema"};
  CLI11_PARSE(app, argc, argv);
  std::cout << course_json_schema().dump(2) << '\n';
  return 0;
}

}  // namespace coursepack::cli
