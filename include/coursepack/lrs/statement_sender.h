#pragma once
// From inputs to the queue, and from the queue to the LRS.

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "coursepack/core/diagnostic.h"
#include "coursepack/lrs/lrs_client.h"
#include "coursepack/lrs/statement_queue.h"

namespace coursepack::lrs {

struct StageReport {
  std::size_t read = 0;            // statements in the input
  std::size_t queued = 0;          // new: staged to be sent
  std::size_t already_stored = 0;  // the LRS holds them (an earlier run)
  std::size_t already_queued = 0;  // waiting in the queue already
  std::vector<std::string> set_aside;  // ids refused or in conflict before: not sent again
  std::vector<Diagnostic> problems;    // file:line:column: /index: message
};

/// Reads the statements of one input (statement_reader.h) into the queue's staging area.
/// A statement without an id gets derived_id() (statement_identity.h); one the queue
/// already knows with this exact content is counted, not staged. The caller commits the
/// staged statements only when no input had problems.
void stage_statements(std::istream& in, const std::string& file, StatementQueue& queue, StageReport& report);

struct SendReport {
  std::size_t stored = 0;   // stored by this run
  std::size_t already = 0;  // answered 409, and the LRS holds the same statement
  std::vector<std::string> refused;    // "ID: HTTP 400: reason", one per statement refused
  std::vector<std::string> conflicts;  // "ID: ...", one per statement whose id holds other content
  std::vector<std::string> refused_statements;  // their JSON, for --verbose
  std::string fatal;  // why sending stopped with statements still queued
};

/// Sends every pending statement in batches of `batch_size`, moving the queue's read
/// position as the LRS settles each batch. A batch refused with 400 or 413 is split until
/// the statements at fault are found (recorded as refused); a 409 is settled statement by
/// statement by fetching what the LRS holds under that id and comparing (xAPI 2.3.1):
/// the same statement counts as stored, another one as a conflict (both versions kept).
/// Stops, keeping the queue, on refused credentials, a wrong endpoint, or an LRS that
/// stays unreachable.
SendReport send_pending(StatementQueue& queue, LrsClient& client, std::size_t batch_size,
                        const std::function<void(std::size_t settled)>& progress);

}  // namespace coursepack::lrs
