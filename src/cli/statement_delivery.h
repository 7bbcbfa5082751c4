#pragma once
// Statements made by a command (attendance; the same steps as `moodle sync` and `lrs
// send`), delivered to the LRS of `coursepack lrs` through its durable queue: all are
// staged, committed at once, then sent; a failure leaves them queued for `lrs send`.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lrs_connection.h"

namespace coursepack::cli {

struct Delivery {
  int code = 0;  // 0: all stored (or already held); 1: something refused, in conflict or still queued
  nlohmann::ordered_json summary;  // new, already_stored, already_queued, stored, refused, conflicts, still_queued, queue
};

/// Queues `statements` (compact JSON, one each) in `queue_folder` (empty: the default
/// queue of the connection's LRS) and sends what is pending. Messages go to stderr,
/// prefixed with `command`; nothing is queued if any statement is invalid.
Delivery deliver(const std::vector<std::string>& statements, Connection& connection, const std::string& queue_folder,
                 const std::string& command, bool quiet);

}  // namespace coursepack::cli
