#pragma once
// Statements delivered to the LRS of `coursepack lrs` through its durable queue, the one
// path of `lrs send`, `moodle sync` and `attendance`: every input is staged, all are
// committed at once (an invalid statement queues nothing), then what is pending is sent;
// a failure leaves them queued for the next run or `lrs send`.

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "coursepack/lrs/statement_sender.h"
#include "lrs_connection.h"

namespace coursepack::cli {

/// One input of statements: a stream and the name its problems cite (file:line:column).
struct DeliveryInput {
  std::string name;
  std::istream* in = nullptr;
};

struct DeliveryOptions {
  std::string command;       // prefixes every message, e.g. "coursepack moodle sync"
  std::string queue_folder;  // empty: the default queue of the connection's LRS
  std::size_t batch_size = 100;
  bool quiet = false;           // no progress
  bool verbose = false;         // also print the refused statements (learner data)
  bool retry_rejected = false;  // queue the statements the LRS refused earlier again, first
  /// Whether statements set aside (refused or in conflict in an earlier run, so not sent
  /// again) make the exit code 1. `moodle sync` runs every night: a statement refused once
  /// would fail every run, so it only says so.
  bool set_aside_fails = true;
  std::string invalid_advice = "the statements above are not valid (please report this)";
  std::string retry_advice = "`coursepack lrs send --retry-rejected` sends the refused ones again";
  std::string again_advice = "run `coursepack lrs send` again";  // when sending stopped
  /// Told once the inputs joined the queue, before sending (with how many refused
  /// statements --retry-rejected queued again).
  std::function<void(const lrs::StageReport& staged, std::size_t retried)> queued;
};

struct Delivery {
  int code = 0;  // 0: all stored (or already held); 1: not queued, or something refused, in conflict or still queued
  lrs::StageReport staged;
  lrs::SendReport sent;
  std::size_t still_queued = 0;
  std::string folder;  // the queue
  nlohmann::ordered_json summary;  // new, already_stored, already_queued, stored, refused, conflicts, still_queued, queue
};

/// Queues `inputs` and sends what is pending. Messages go to stderr, prefixed with the
/// command; summary lines on stdout are the caller's. Nothing is queued if the queue
/// cannot be opened or any statement is invalid (code 1, summary empty).
Delivery deliver(const std::vector<DeliveryInput>& inputs, Connection& connection, const DeliveryOptions& options);

/// `statements` (compact JSON, one each), made by the command, delivered as above.
Delivery deliver(const std::vector<std::string>& statements, Connection& connection, const DeliveryOptions& options);

/// The same with the default options (attendance).
Delivery deliver(const std::vector<std::string>& statements, Connection& connection, const std::string& queue_folder,
                 const std::string& command, bool quiet);

}  // namespace coursepack::cli
