// coursepack attendance: who attended which live session (a trainer's CSV or a Zoom
// participants export) as xAPI `attended` statements, sent through the LRS queue or
// written as JSON lines (docs/report.md, "Attendance").

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"
#include "coursepack/report/attendance.h"
#include "lrs_connection.h"
#include "staged_file.h"
#include "statement_delivery.h"

namespace coursepack::cli {
namespace {

constexpr const char* kCommand = "coursepack attendance";

constexpr const char* kFormatHelp = R"(Input, UTF-8 (with or without a byte order mark), ',' or ';' between cells:
  a trainer's list   a header row, then one row per learner and session:
                     learner (or email, account), session, date [, name]
                     learner@example.org;launch;2026-09-07;Jane Doe
  a Zoom export      the participants CSV of a meeting (Name (Original Name), User Email,
                     Join Time, Leave Time, Duration (Minutes), ...): give the session with
                     --session; a participant without e-mail (a guest) is noted, not counted
Learners are e-mail addresses, or account names with --account-home (the Moodle site, as
`moodle sync` names them). The same learner and session always give the same statement id.)";

struct Args {
  std::string course;
  std::string file;
  std::string output;
  std::string lrs_config;
  std::string queue_folder;
  report::AttendanceOptions options;
  bool quiet = false;
  bool json = false;
};

int fail(const std::string& message) {
  std::cerr << kCommand << ": " << message << "\n";
  return 1;
}

int attendance(const Args& args) {
  LoadedCourses loaded = load_courses({args.course});
  if (!loaded.ok(false) || loaded.courses.size() != 1) {
    print_diagnostics(loaded.diagnostics);
    return fail(loaded.ok(false) ? args.course + ": give one course folder (found " +
                                       std::to_string(loaded.courses.size()) + " courses)"
                                 : "the course source has errors");
  }
  const Course& course = loaded.courses.front();
  std::error_code ec;
  std::ifstream in(args.file, std::ios::binary);
  if (!in || std::filesystem::is_directory(args.file, ec)) return fail(args.file + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  const report::AttendanceFile read = report::read_attendance_csv(text.str(), args.file, course, args.options);
  if (!args.quiet)
    for (const auto& note : read.notes) std::cerr << note.to_string() << "\n";
  if (!read.problems.empty()) {
    print_diagnostics(read.problems);
    return fail("nothing written or sent: fix the rows above");
  }
  const std::vector<std::string> statements = report::attendance_statements(course, read.rows);
  nlohmann::ordered_json summary{{"course", course.id}, {"format", read.format}, {"statements", statements.size()},
                                 {"not_counted", read.notes.size()}};
  int code = 0;
  if (!args.output.empty()) {
    StagedFile file(args.output);
    if (auto error = file.open(0600); !error.empty()) return fail(error);
    for (const auto& statement : statements) {
      file.write(statement);
      file.write("\n");
    }
    if (auto error = file.commit(); !error.empty()) return fail(error);
    summary["output"] = args.output;
    if (!args.quiet && !args.json)
      std::cout << statements.size() << " attendances (" << read.format << ") written to " << args.output << "\n";
  } else {
    LrsOptions lrs_options;
    lrs_options.config_file = args.lrs_config;
    lrs_options.quiet = args.quiet;
    auto connection = connect(lrs_options);
    if (!connection) return fail("no LRS to send to: configure `coursepack lrs`, or write a file with -o FILE");
    const Delivery delivery = deliver(statements, *connection, args.queue_folder, kCommand, args.quiet);
    code = delivery.code;
    summary.update(delivery.summary);
    if (!args.quiet && !args.json && !delivery.summary.empty())
      std::cout << statements.size() << " attendances: " << delivery.summary["new"] << " new, "
                << delivery.summary["already_stored"] << " already stored; " << delivery.summary["stored"]
                << " stored now, " << delivery.summary["still_queued"] << " still queued\n";
  }
  if (args.json) std::cout << json_text(summary) << "\n";
  return code;
}

}  // namespace

int run_attendance(int argc, char** argv) {
  CLI::App app{"Turn who attended which live session into xAPI `attended` statements for the course's session "
               "activities, sent to the LRS of `coursepack lrs` (its durable queue) or written with -o.",
               "coursepack attendance"};
  app.footer(kFormatHelp);
  Args args;
  app.add_option("COURSE", args.course, "The course folder (its live sessions)")->required();
  app.add_option("FILE", args.file, "The attendance CSV")->required();
  app.add_option("-o,--output", args.output, "Write JSON lines to FILE (mode 600) instead of sending to the LRS");
  app.add_option("-s,--session", args.options.session, "The live session of the whole file (required for a Zoom export)");
  app.add_option("--account-home", args.options.account_home,
                 "homePage of learners given by account name, e.g. the Moodle site URL");
  app.add_option("--zone", args.options.zone, "Zone of times given without one: Z or +02:00 (default Z)");
  app.add_option("--min-minutes", args.options.min_minutes, "Zoom: fewer minutes present than this is not attending")
      ->check(CLI::Range(0, 1440));
  app.add_option("--lrs-config", args.lrs_config, "LRS config file (as `coursepack lrs --config`)");
  app.add_option("-q,--queue", args.queue_folder, "LRS queue folder (default: as `coursepack lrs send`)");
  app.add_flag("--quiet", args.quiet, "No notes and no summary line");
  app.add_flag("--json", args.json, "Print a summary as JSON on standard output");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  if (args.options.zone != "Z" && !(args.options.zone.size() == 6 && (args.options.zone[0] == '+' || args.options.zone[0] == '-') &&
                                    args.options.zone[3] == ':')) {
    std::cerr << kCommand << ": --zone: \"" << args.options.zone << "\" is not Z or +hh:mm\n";
    return 2;
  }
  return attendance(args);
}

}  // namespace coursepack::cli
