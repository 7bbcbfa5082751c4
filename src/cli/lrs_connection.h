#pragma once
// The LRS connection and queue folder of `coursepack lrs`, shared with the commands that
// send through the same queue (`coursepack moodle sync`).

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "coursepack/lrs/http_transport.h"
#include "coursepack/lrs/lrs_client.h"
#include "coursepack/lrs/lrs_config.h"

namespace coursepack::cli {

/// The process environment as a map.
std::map<std::string, std::string> environment();

/// $XDG_STATE_HOME/coursepack/lrs-queue (~/.local/state/...).
std::string state_home();

/// One queue per LRS and key: statements queued for one LRS never go to another, and a
/// queue's record of what was stored holds for the LRS it names. The folder name starts
/// with the host so that an operator can tell queues apart.
std::string default_queue(const lrs::LrsConfig& config);

struct LrsOptions {
  std::string config_file;
  bool quiet = false;
  bool verbose = false;
  double deadline = 0;
  double max_retry_after = 300;
};

struct Connection {
  std::unique_ptr<lrs::HttpTransport> transport;
  std::unique_ptr<lrs::LrsClient> client;
};

/// The client for the configured LRS (lrs_config.h); prints why not on stderr.
std::optional<Connection> connect(const LrsOptions& options);

}  // namespace coursepack::cli
