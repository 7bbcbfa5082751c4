// `coursepack moodle sync`: the SCORM results of a Moodle site, as the xAPI statements the
// player sends in TinCan mode, to the LRS queue or a JSON lines file (docs/moodle.md).

#include <sys/stat.h>
#include <unistd.h>

#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"
#include "lrs_connection.h"
#include "progress.h"
#include "staged_file.h"
#include "statement_delivery.h"
#include "coursepack/lrs/curl_transport.h"
#include "coursepack/moodle/attempt_statements.h"
#include "coursepack/moodle/results_reader.h"
#include "coursepack/moodle/ws_client.h"

namespace coursepack::cli {
namespace {

constexpr const char* kCommand = "coursepack moodle sync";

constexpr const char* kConfigHelp = R"(Moodle site and token (never on the command line):
  environment  COURSEPACK_MOODLE_URL    the site, e.g. https://moodle.example.org
               COURSEPACK_MOODLE_TOKEN  a web-service token (docs/moodle.md: the service and role it needs)
  or a file    --config FILE, else $XDG_CONFIG_HOME/coursepack/moodle.json (~/.config/...)
               {"url": "...", "token": "..."}   refused unless yours and private: chmod 600 FILE
Statements go to the LRS of `coursepack lrs` (COURSEPACK_LRS_* or --lrs-config) through its
durable queue, or with -o to a JSON lines file (mode 600, written whole or not at all).
Running sync again sends only what is new: statement ids are derived from the site, user,
activity, attempt and event.)";

struct SyncArgs {
  std::string catalog;
  std::string output;
  std::vector<std::int64_t> course_ids;
  std::string config_file;
  std::string lrs_config;
  std::string queue_folder;
  double timeout = 60;
  bool actor_mbox = false;
  bool quiet = false;
  bool json = false;
};

int fail(const std::string& message) {
  std::cerr << kCommand << ": " << message << "\n";
  return 1;
}

int sync(const SyncArgs& args) {
  if (args.json && args.output == "-") return fail("--json prints on standard output: write statements with -o FILE");
  LoadedCourses loaded = load_courses({args.catalog});
  if (!loaded.ok(false) || loaded.courses.empty()) {
    print_diagnostics(loaded.diagnostics);
    return fail(loaded.courses.empty() && loaded.ok(false) ? args.catalog + ": no course found"
                                                         : "the course sources have errors: nothing read from Moodle");
  }
  const auto env = environment();
  const moodle::MoodleConfigResult config = moodle::load_moodle_config(args.config_file, env);
  if (!config.config) return fail(config.error);

  // The LRS first: a sync that cannot deliver should not read the whole site.
  std::optional<Connection> connection;
  if (args.output.empty()) {
    LrsOptions lrs_options;
    lrs_options.config_file = args.lrs_config;
    lrs_options.quiet = args.quiet;
    connection = connect(lrs_options);
    if (!connection) return fail("no LRS to send to: configure `coursepack lrs`, or write a file with -o FILE");
  }

  lrs::CurlOptions curl;
  curl.timeout_seconds = static_cast<long>(args.timeout);
  curl.stall_seconds = std::min<long>(30, curl.timeout_seconds);
  auto transport = lrs::make_curl_transport(curl);
  moodle::WsClient client(*config.config, *transport, args.timeout);
  Progress progress(kCommand, args.quiet);
  const moodle::ReadResult read = moodle::read_results(client, args.course_ids, [&](const std::string& what, std::size_t calls) {
    progress.update("reading " + what, static_cast<std::int64_t>(calls), "requests");
  });
  progress.clear();
  if (!read.error.empty()) return fail(read.error + "\nnothing was sent or written: run sync again once this is fixed");

  const moodle::SyncStatements made = moodle::sync_statements(loaded.courses, read.results, {args.actor_mbox});
  if (!args.quiet)
    for (const auto& note : read.results.notes) std::cerr << kCommand << ": note: " << note << "\n";
  for (const auto& report : made.reports) std::cerr << kCommand << ": " << report << "\n";

  nlohmann::ordered_json summary{{"site", read.results.site},
                                 {"moodle", read.results.release},
                                 {"courses", read.results.courses},
                                 {"requests", client.calls()},
                                 {"activities", made.activities},
                                 {"matched_activities", made.matched_activities},
                                 {"attempts", made.attempts},
                                 {"synced_attempts", made.synced_attempts},
                                 {"statements", made.statements.size()},
                                 {"not_synced", made.reports}};
  int code = 0;
  if (!args.output.empty()) {
    StagedFile file(args.output);
    if (auto error = file.open(0600); !error.empty()) return fail(error);
    for (const auto& statement : made.statements) {
      file.write(statement);
      file.write("\n");
    }
    if (auto error = file.commit(); !error.empty()) return fail(error);
    summary["output"] = args.output;
    if (!args.quiet && !args.json)
      std::cout << made.statements.size() << " statements from " << made.synced_attempts << " attempts written to "
                << args.output << "\n";
  } else {
    DeliveryOptions options;
    options.command = kCommand;
    options.queue_folder = args.queue_folder;
    options.quiet = args.quiet;
    options.set_aside_fails = false;
    options.again_advice = "run sync or `coursepack lrs send` again";
    const Delivery delivery = deliver(made.statements, *connection, options);
    if (delivery.summary.empty()) return 1;
    summary.update(delivery.summary);
    if (!args.quiet && !args.json)
      std::cout << made.statements.size() << " statements from " << made.synced_attempts << " attempts: "
                << delivery.staged.queued << " new, " << delivery.staged.already_stored << " already stored; "
                << delivery.sent.stored << " stored now, " << delivery.still_queued << " still queued in "
                << delivery.folder << "\n";
    code = delivery.code;
  }
  if (args.json) std::cout << json_text(summary) << "\n";
  return code;
}

}  // namespace

int run_moodle(int argc, char** argv) {
  CLI::App app{"Read SCORM results from a Moodle site over its web services and turn each attempt of a "
               "coursepack package into the xAPI statements the player sends in TinCan mode.",
               "coursepack moodle"};
  app.footer(kConfigHelp);
  app.require_subcommand(1);
  SyncArgs args;
  CLI::App* sync_app = app.add_subcommand("sync", "Read the results and send them (or write them with -o)");
  sync_app->add_option("--courses", args.catalog, "The course sources: a catalog or course folder")->required();
  sync_app->add_option("-o,--output", args.output, "Write JSON lines to FILE instead of sending to the LRS");
  sync_app->add_option("--course-id", args.course_ids, "Moodle course id to read (repeatable; default: every course)")
      ->check(CLI::PositiveNumber);
  sync_app->add_option("--config", args.config_file, "Moodle config file (instead of the environment)");
  sync_app->add_option("--lrs-config", args.lrs_config, "LRS config file (as `coursepack lrs --config`)");
  sync_app->add_option("-q,--queue", args.queue_folder, "LRS queue folder (default: as `coursepack lrs send`)");
  sync_app->add_option("--timeout", args.timeout, "Seconds one Moodle request may take (default 60)")
      ->check(CLI::Range(1.0, 3600.0));
  sync_app->add_flag("--actor-mbox", args.actor_mbox,
                     "Identify learners by e-mail (mbox) instead of their Moodle account (site URL + user id)");
  sync_app->add_flag("--quiet", args.quiet, "No progress and no summary line");
  sync_app->add_flag("--json", args.json, "Print a summary as JSON on standard output");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  return sync(args);
}

}  // namespace coursepack::cli
