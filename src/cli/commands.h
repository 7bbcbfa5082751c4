#pragma once
// The sub-commands of `coursepack`: one file each, listed in main.cc's table.

namespace coursepack::cli {

/// Each returns the process exit code: 0 success, 1 bad input, 2 usage error.
int run_validate(int argc, char** argv);
int run_build(int argc, char** argv);
int run_schema(int argc, char** argv);
int run_lrs(int argc, char** argv);
int run_report(int argc, char** argv);
int run_simulate(int argc, char** argv);
int run_moodle(int argc, char** argv);
int run_xliff(int argc, char** argv);
int run_status(int argc, char** argv);
int run_attendance(int argc, char** argv);

}  // namespace coursepack::cli
