#pragma once

#include <CLI/CLI.hpp>

namespace coursepack::cli {

/// Parses the command line into `app`. Returns -1 to go on, or the exit code to return
/// now: 0 after --help, 2 for any usage error (CLI11's own codes are not ours).
inline int parse_arguments(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  return -1;
}

}  // namespace coursepack::cli
