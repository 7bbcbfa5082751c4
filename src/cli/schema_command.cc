#include <iostream>

#include <CLI/CLI.hpp>

#include "arguments.h"
#include "commands.h"
#include "coursepack/core/course_schema.h"

namespace coursepack::cli {

int run_schema(int argc, char** argv) {
  CLI::App app{"Print the JSON Schema of course.json (the one committed as course.schema.json).",
               "coursepack schema"};
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  std::cout << course_json_schema().dump(2) << '\n';
  return 0;
}

}  // namespace coursepack::cli
