#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <unordered_set>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"
#include "staged_file.h"
#include "lrs_connection.h"
#include "statement_delivery.h"
#include "coursepack/core/sha256.h"
#include "coursepack/lrs/curl_transport.h"
#include "coursepack/lrs/lrs_client.h"
#include "coursepack/lrs/statement_identity.h"
#include "coursepack/lrs/statement_sender.h"
#include "coursepack/lrs/url.h"

extern char** environ;

namespace coursepack::cli {
namespace {

constexpr const char* kConfigHelp = R"(Configuration (never stored in a package):
  environment  COURSEPACK_LRS_ENDPOINT  the xAPI endpoint, e.g. https://lrs.example.org/xAPI/
               COURSEPACK_LRS_KEY       Basic auth key (username)
               COURSEPACK_LRS_SECRET    Basic auth secret (password)
  or a file    --config FILE, else $XDG_CONFIG_HOME/coursepack/lrs.json (~/.config/...)
               {"endpoint": "...", "key": "...", "secret": "..."}
               refused unless yours and private: chmod 600 FILE
Order: --config, then the environment (when COURSEPACK_LRS_ENDPOINT is set), then the file.)";

// environment(), state_home(), default_queue(), connect(): lrs_connection.h, shared with
// `coursepack moodle sync`, which sends through the same queue.
using Options = LrsOptions;

int about(const Options& options) {
  auto connection = connect(options);
  if (!connection) return 1;
  const auto result = connection->client->about();
  if (!result.error.empty()) {
    std::cerr << "coursepack lrs about: " << result.error << "\n";
    return 1;
  }
  bool speaks_1_0 = false;
  std::cout << connection->client->endpoint_for_messages() << " speaks xAPI";
  for (const auto& version : result.versions) {
    std::cout << " " << version;
    speaks_1_0 = speaks_1_0 || version.starts_with("1.0.");
  }
  std::cout << "\n";
  if (!speaks_1_0) {
    std::cerr << "coursepack lrs about: the LRS does not speak xAPI 1.0.x\n";
    return 1;
  }
  // /about needs no credentials: ask for one statement to know whether they work.
  const auto check = connection->client->check_credentials();
  if (!check.accepted) {
    std::cerr << "coursepack lrs about: " << check.error << "\n";
    return 1;
  }
  std::cout << "credentials from " << connection->client->config().source << " accepted"
            << (check.can_read ? "" : " (this key may send statements but not read them)") << "\n";
  return 0;
}

// An input: a regular file, or "-" for standard input.
std::unique_ptr<std::istream> open_input(const std::string& file, std::string& error) {
  if (file == "-") return std::make_unique<std::istream>(std::cin.rdbuf());
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    error = file + ": is a folder, not a file of statements";
    return nullptr;
  }
  auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
  if (!*in) {
    error = file + ": cannot read";
    return nullptr;
  }
  return in;
}

struct SendOptions {
  std::vector<std::string> files;
  std::string queue_folder;
  std::size_t batch_size = 100;
  bool retry_rejected = false;
};

int send(const Options& options, const SendOptions& send_options) {
  auto connection = connect(options);
  if (!connection) return 1;
  if (send_options.queue_folder.empty()) {
    std::error_code ec;
    if (std::filesystem::file_size(state_home() + "/statements.jsonl", ec) > 0 && !ec)
      std::cerr << "coursepack lrs send: statements queued by an earlier coursepack wait in " << state_home()
                << ": send them with `coursepack lrs send --queue " << state_home() << "`\n";
  }
  // Every input opens before the queue is touched: an unreadable one changes nothing.
  std::vector<std::unique_ptr<std::istream>> streams;
  std::vector<DeliveryInput> inputs;
  for (const auto& file : send_options.files) {
    std::string error;
    streams.push_back(open_input(file, error));
    if (!streams.back()) {
      std::cerr << "coursepack lrs send: " << error << "\n";
      return 1;
    }
    inputs.push_back({file, streams.back().get()});
  }
  DeliveryOptions delivery_options;
  delivery_options.command = "coursepack lrs send";
  delivery_options.queue_folder = send_options.queue_folder;
  delivery_options.batch_size = send_options.batch_size;
  delivery_options.quiet = options.quiet;
  delivery_options.verbose = options.verbose;
  delivery_options.retry_rejected = send_options.retry_rejected;
  delivery_options.invalid_advice = "fix the statements above";
  delivery_options.retry_advice = "--retry-rejected sends the refused ones again";
  delivery_options.queued = [&](const lrs::StageReport& staged, std::size_t retried) {
    if (options.quiet) return;
    if (send_options.retry_rejected) std::cout << retried << " refused statements queued again\n";
    if (!send_options.files.empty())
      std::cout << staged.read << " statements read: " << staged.queued << " new, " << staged.already_stored
                << " already stored, " << staged.already_queued << " already queued, " << staged.set_aside.size()
                << " set aside before\n";
  };
  const Delivery delivery = deliver(inputs, *connection, delivery_options);
  if (!options.quiet && !delivery.summary.empty())
    std::cout << delivery.sent.stored << " statements stored, " << delivery.sent.already << " already held by the LRS, "
              << delivery.sent.refused.size() << " refused, " << delivery.sent.conflicts.size() << " in conflict, "
              << delivery.still_queued << " still queued in " << delivery.folder << "\n";
  return delivery.code;
}

std::string expand_verb(const std::string& verb) {
  return verb.find(':') == std::string::npos ? "http://adlnet.gov/expapi/verbs/" + verb : verb;
}

struct IdHash {
  std::size_t operator()(const std::array<std::uint8_t, 16>& id) const {
    std::size_t hash = 0;
    std::memcpy(&hash, id.data(), sizeof hash);
    return hash;
  }
};

int pull(const Options& options, const std::map<std::string, std::string>& filters, std::size_t page_size,
         const std::string& output) {
  auto connection = connect(options);
  if (!connection) return 1;
  std::string query = "limit=" + std::to_string(page_size);
  for (const auto& [name, value] : filters)
    if (!value.empty()) query += "&" + name + "=" + lrs::url_encode(name == "verb" ? expand_verb(value) : value);
  // Learner data: a file only its owner can read, written whole or not at all.
  std::optional<StagedFile> file;
  if (!output.empty()) {
    file.emplace(output);
    if (auto error = file->open(0600); !error.empty()) {
      std::cerr << "coursepack lrs pull: " << error << "\n";
      return 1;
    }
  }
  // An LRS that pages badly returns some statements twice: each is written once, and the
  // operator told.
  std::unordered_set<std::array<std::uint8_t, 16>, IdHash> seen;
  std::set<std::string> links;
  std::size_t count = 0, repeated = 0;
  std::string next = query;
  while (!next.empty()) {
    const auto page = connection->client->get_statements(next);
    if (!page.error.empty()) {
      std::cerr << "coursepack lrs pull: " << page.error << "\n";
      return 1;
    }
    for (const auto& statement : page.statements) {
      const auto doc = nlohmann::json::parse(statement, nullptr, false);
      const auto id = doc.is_object() && doc.contains("id") && doc["id"].is_string() ? lrs::uuid_bytes(doc["id"]) : std::nullopt;
      if (id && !seen.insert(*id).second) {
        ++repeated;
        continue;
      }
      if (file)
        file->write(statement + "\n");
      else
        std::cout << statement << "\n";
      ++count;
    }
    if (!page.more.empty() && !links.insert(page.more).second) {
      std::cerr << "coursepack lrs pull: the LRS gave the same next-page link twice (" << page.more.substr(0, 200)
                << "): stopped; what was read so far is not written\n";
      return 1;
    }
    next = page.more;
  }
  if (file)
    if (auto error = file->commit(); !error.empty()) {
      std::cerr << "coursepack lrs pull: " << error << "\n";
      return 1;
    }
  if (repeated)
    std::cerr << "coursepack lrs pull: warning: the LRS returned " << repeated
              << " statements more than once while paging; each is written once\n";
  std::cerr << count << " statements\n";
  return 0;
}

}  // namespace

int run_lrs(int argc, char** argv) {
  CLI::App app{"Talk to an xAPI Learning Record Store: check it, send statements, pull them back.", "coursepack lrs"};
  app.footer(kConfigHelp);
  app.require_subcommand(1);
  Options options;

  CLI::App* about_app =
      app.add_subcommand("about", "Check that the LRS answers, which xAPI versions it speaks, and that the credentials work");

  CLI::App* send_app = app.add_subcommand(
      "send",
      "Queue statements on disk, then send them in batches; rerun to finish after a failure or a crash. "
      "Without FILE, sends what is already queued.");
  SendOptions send_options;
  send_app->add_option("FILE", send_options.files,
                       "JSON array, JSON lines or JSON objects one after another ('-': standard input)");
  send_app->add_option("-q,--queue", send_options.queue_folder,
                       "Queue folder (default: one per LRS and key under $XDG_STATE_HOME/coursepack/lrs-queue)");
  send_app->add_option("-b,--batch", send_options.batch_size, "Statements per request")
      ->capture_default_str()
      ->check(CLI::Range(1, 5000));
  send_app->add_flag("--retry-rejected", send_options.retry_rejected,
                     "Queue the statements the LRS refused earlier again (after fixing the cause)");
  send_app->add_flag("-v,--verbose", options.verbose, "Also print the refused statements (learner data)");

  CLI::App* pull_app = app.add_subcommand("pull", "Read statements back as JSON lines, following `more` links");
  std::map<std::string, std::string> filters;
  std::string output;
  std::size_t page_size = 500;
  pull_app->add_option("--verb", filters["verb"], "Verb IRI, or an ADL verb name (answered, passed...)");
  pull_app->add_option("--activity", filters["activity"], "Activity IRI");
  pull_app->add_option("--registration", filters["registration"], "Registration UUID");
  pull_app->add_option("--since", filters["since"], "Stored after this ISO 8601 time");
  pull_app->add_option("--until", filters["until"], "Stored at or before this ISO 8601 time");
  pull_app->add_option("--page", page_size, "Statements per request")->capture_default_str();
  pull_app->add_option("-o,--output", output, "Write to this file, readable by you only (default: standard output)");

  // Options every sub-command takes, before or after its name.
  for (CLI::App* sub : {&app, about_app, send_app, pull_app}) {
    sub->add_option("-c,--config", options.config_file, "LRS config file (JSON: endpoint, key, secret)");
    sub->add_flag("--quiet", options.quiet, "Print nothing but errors");
    sub->add_option("--deadline", options.deadline, "Give up after this many seconds in all (0: no deadline)")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--max-retry-after", options.max_retry_after,
                    "Wait at most this many seconds when the LRS asks to retry later")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
  }
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  if (*about_app) return about(options);
  if (*send_app) return send(options, send_options);
  return pull(options, filters, page_size, output);
}

}  // namespace coursepack::cli
