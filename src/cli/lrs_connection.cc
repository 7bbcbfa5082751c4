#include "lrs_connection.h"

#include <cctype>
#include <chrono>
#include <iostream>
#include <random>
#include <thread>

#include "coursepack/core/sha256.h"
#include "coursepack/lrs/curl_transport.h"
#include "coursepack/lrs/url.h"

extern char** environ;

namespace coursepack::cli {

std::map<std::string, std::string> environment() {
  std::map<std::string, std::string> out;
  for (char** entry = environ; *entry; ++entry) {
    const std::string text = *entry;
    const auto equals = text.find('=');
    if (equals != std::string::npos) out[text.substr(0, equals)] = text.substr(equals + 1);
  }
  return out;
}

std::string state_home() {
  const auto env = environment();
  std::string base = env.count("XDG_STATE_HOME") ? env.at("XDG_STATE_HOME") : "";
  if (base.empty()) base = (env.count("HOME") ? env.at("HOME") : std::string(".")) + "/.local/state";
  return base + "/coursepack/lrs-queue";
}

std::string default_queue(const lrs::LrsConfig& config) {
  std::string host = lrs::url_origin(config.endpoint);
  host = host.substr(host.find("://") + 3);
  for (char& c : host)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
  return state_home() + "/" + host + "-" + sha256_hex(config.endpoint + "\n" + config.key).substr(0, 12);
}

std::optional<Connection> connect(const LrsOptions& options) {
  const lrs::ConfigResult config = lrs::load_config(options.config_file, environment());
  if (!config.config) {
    std::cerr << "coursepack lrs: " << config.error << "\n";
    return std::nullopt;
  }
  Connection connection;
  connection.transport = lrs::make_curl_transport();
  auto random = std::make_shared<std::mt19937_64>(std::random_device{}());
  const auto start = std::chrono::steady_clock::now();
  lrs::ClientHooks hooks{
      [](double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); },
      [random] { return std::uniform_real_distribution<double>(0, 1)(*random); },
      [start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); },
      [quiet = options.quiet](const std::string& line) {
        if (!quiet) std::cerr << "coursepack lrs: " << line << "\n";
      }};
  lrs::RetryPolicy policy;
  policy.deadline_seconds = options.deadline;
  policy.max_retry_after_seconds = options.max_retry_after;
  connection.client = std::make_unique<lrs::LrsClient>(*config.config, *connection.transport, hooks, policy);
  return connection;
}

}  // namespace coursepack::cli
