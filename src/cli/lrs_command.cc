#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "arguments.h"
#include "commands.h"
#include "course_loading.h"
#include "coursepack/lrs/curl_transport.h"
#include "coursepack/lrs/lrs_client.h"
#include "coursepack/lrs/statement_sender.h"

extern char** environ;

namespace coursepack::cli {
namespace {

constexpr const char* kConfigHelp = R"(Configuration (never stored in a package):
  environment  COURSEPACK_LRS_ENDPOINT  the xAPI endpoint, e.g. https://lrs.example.org/xAPI/
               COURSEPACK_LRS_KEY       Basic auth key (username)
               COURSEPACK_LRS_SECRET    Basic auth secret (password)
  or a file    --config FILE, else $XDG_CONFIG_HOME/coursepack/lrs.json (~/.config/...)
               {"endpoint": "...", "key": "...", "secret": "..."}
               refused when readable by other users: chmod 600 FILE
Order: --config, then the environment (when COURSEPACK_LRS_ENDPOINT is set), then the file.)";

std::map<std::string, std::string> environment() {
  std::map<std::string, std::string> out;
  for (char** entry = environ; *entry; ++entry) {
    const std::string text = *entry;
    const auto equals = text.find('=');
    if (equals != std::string::npos) out[text.substr(0, equals)] = text.substr(equals + 1);
  }
  return out;
}

std::string default_queue() {
  const auto env = environment();
  std::string base = env.count("XDG_STATE_HOME") ? env.at("XDG_STATE_HOME") : "";
  if (base.empty()) base = (env.count("HOME") ? env.at("HOME") : std::string(".")) + "/.local/state";
  return base + "/coursepack/lrs-queue";
}

struct Connection {
  std::unique_ptr<lrs::HttpTransport> transport;
  std::unique_ptr<lrs::LrsClient> client;
};

std::optional<Connection> connect(const std::string& config_file) {
  const lrs::ConfigResult config = lrs::load_config(config_file, environment());
  if (!config.config) {
    std::cerr << "coursepack lrs: " << config.error << "\n";
    return std::nullopt;
  }
  Connection connection;
  connection.transport = lrs::make_curl_transport();
  auto random = std::make_shared<std::mt19937_64>(std::random_device{}());
  lrs::ClientHooks hooks{
      [](double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); },
      [random] { return std::uniform_real_distribution<double>(0, 1)(*random); }};
  connection.client = std::make_unique<lrs::LrsClient>(*config.config, *connection.transport, hooks);
  return connection;
}

int about(const std::string& config_file) {
  auto connection = connect(config_file);
  if (!connection) return 1;
  const auto result = connection->client->about();
  if (!result.error.empty()) {
    std::cerr << "coursepack lrs about: " << result.error << "\n";
    return 1;
  }
  bool speaks_1_0 = false;
  std::cout << connection->client->config().endpoint << " speaks xAPI";
  for (const auto& version : result.versions) {
    std::cout << " " << version;
    speaks_1_0 = speaks_1_0 || version.starts_with("1.0.");
  }
  std::cout << "\n";
  if (!speaks_1_0) std::cerr << "coursepack lrs about: the LRS does not speak xAPI 1.0.x\n";
  return speaks_1_0 ? 0 : 1;
}

int send(const std::string& config_file, const std::vector<std::string>& files, const std::string& queue_folder,
         std::size_t batch_size, bool quiet) {
  // Read every input first: one bad file enqueues nothing.
  std::vector<lrs::ParsedStatements> inputs;
  std::vector<Diagnostic> problems;
  for (const auto& file : files) {
    std::stringstream text;
    if (file == "-") {
      text << std::cin.rdbuf();
    } else {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::cerr << "coursepack lrs send: " << file << ": cannot read\n";
        return 1;
      }
      text << in.rdbuf();
    }
    inputs.push_back(lrs::parse_statements(text.str(), file));
    problems.insert(problems.end(), inputs.back().diagnostics.begin(), inputs.back().diagnostics.end());
  }
  if (!problems.empty()) {
    print_diagnostics(problems);
    std::cerr << "coursepack lrs send: nothing queued: fix the statements above\n";
    return 1;
  }
  auto connection = connect(config_file);
  if (!connection) return 1;
  auto opened = lrs::StatementQueue::open(queue_folder);
  if (!opened.queue) {
    std::cerr << "coursepack lrs send: " << opened.error << "\n";
    return 1;
  }
  for (const auto& input : inputs) {
    if (opened.queue->has_input(input.digest)) continue;  // a rerun: already queued
    if (auto error = opened.queue->enqueue(input.statements, input.digest); !error.empty()) {
      std::cerr << "coursepack lrs send: " << error << "\n";
      return 1;
    }
  }
  const bool progress = !quiet && ::isatty(STDERR_FILENO);
  const auto report = lrs::send_pending(*opened.queue, *connection->client, batch_size,
                                        [&](std::size_t done, std::size_t total) {
                                          if (progress) std::cerr << "\r\033[K" << done << "/" << total << " statements";
                                        });
  if (progress) std::cerr << "\r\033[K";
  for (const auto& refusal : report.refused) std::cerr << "refused: " << refusal << "\n";
  if (!quiet)
    std::cout << report.stored << " statements stored, " << report.refused.size() << " refused, "
              << opened.queue->pending().size() << " still queued in " << opened.queue->folder().string() << "\n";
  if (!report.fatal.empty()) {
    std::cerr << "coursepack lrs send: " << report.fatal << "; the statements stay queued: run `coursepack lrs send` again\n";
    return 1;
  }
  return report.refused.empty() ? 0 : 1;
}

std::string expand_verb(const std::string& verb) {
  return verb.find(':') == std::string::npos ? "http://adlnet.gov/expapi/verbs/" + verb : verb;
}

int pull(const std::string& config_file, const std::map<std::string, std::string>& filters, std::size_t page_size,
         const std::string& output) {
  auto connection = connect(config_file);
  if (!connection) return 1;
  std::string query = "limit=" + std::to_string(page_size);
  for (const auto& [name, value] : filters)
    if (!value.empty()) query += "&" + name + "=" + lrs::url_encode(name == "verb" ? expand_verb(value) : value);
  // Written to a temporary file renamed at the end: no half-written output on failure.
  const std::string temporary = output.empty() ? "" : output + ".partial";
  std::ofstream file;
  if (!output.empty()) {
    file.open(temporary, std::ios::trunc);
    if (!file) {
      std::cerr << "coursepack lrs pull: cannot write " << temporary << "\n";
      return 1;
    }
  }
  std::ostream& out = output.empty() ? std::cout : file;
  std::size_t count = 0;
  std::string next = query;
  while (!next.empty()) {
    const auto page = connection->client->get_statements(next);
    if (!page.error.empty()) {
      std::cerr << "coursepack lrs pull: " << page.error << "\n";
      if (!output.empty()) std::remove(temporary.c_str());
      return 1;
    }
    for (const auto& statement : page.statements) out << statement << "\n";
    count += page.statements.size();
    next = page.more;
  }
  if (!output.empty()) {
    file.close();
    if (std::rename(temporary.c_str(), output.c_str()) != 0) {
      std::cerr << "coursepack lrs pull: cannot write " << output << "\n";
      return 1;
    }
  }
  std::cerr << count << " statements\n";
  return 0;
}

}  // namespace

int run_lrs(int argc, char** argv) {
  CLI::App app{"Talk to an xAPI Learning Record Store: check it, send statements, pull them back.", "coursepack lrs"};
  app.footer(kConfigHelp);
  app.require_subcommand(1);
  std::string config_file;
  app.add_option("-c,--config", config_file, "LRS config file (JSON: endpoint, key, secret)");

  CLI::App* about_app = app.add_subcommand("about", "Check that the LRS answers, and which xAPI versions it speaks");

  CLI::App* send_app = app.add_subcommand(
      "send",
      "Queue statements on disk, then send them in batches; rerun to finish after a failure or a crash. "
      "Without FILE, sends what is already queued.");
  std::vector<std::string> files;
  std::string queue_folder = default_queue();
  std::size_t batch_size = 100;
  bool quiet = false;
  send_app->add_option("FILE", files, "JSON array or JSON lines of statements ('-': standard input)");
  send_app->add_option("-q,--queue", queue_folder, "Queue folder")->capture_default_str();
  send_app->add_option("-b,--batch", batch_size, "Statements per request")->capture_default_str()->check(CLI::Range(1, 5000));
  send_app->add_flag("--quiet", quiet, "Print nothing but errors");

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
  pull_app->add_option("-o,--output", output, "Write to this file (default: standard output)");

  // --config is accepted before or after the sub-command.
  for (CLI::App* sub : {about_app, send_app, pull_app})
    sub->add_option("-c,--config", config_file, "LRS config file (JSON: endpoint, key, secret)");
  if (int code = parse_arguments(app, argc, argv); code >= 0) return code;
  if (*about_app) return about(config_file);
  if (*send_app) return send(config_file, files, queue_folder, batch_size, quiet);
  return pull(config_file, filters, page_size, output);
}

}  // namespace coursepack::cli
