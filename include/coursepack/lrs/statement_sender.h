#pragma once
// From input files to the queue, and from the queue to the LRS.

#include <functional>
#include <string>
#include <vector>

#include "coursepack/core/diagnostic.h"
#include "coursepack/lrs/lrs_client.h"
#include "coursepack/lrs/statement_queue.h"

namespace coursepack::lrs {

struct ParsedStatements {
  std::vector<QueuedStatement> statements;
  std::string digest;                   // of the input text: the same input is enqueued once
  std::vector<Diagnostic> diagnostics;  // file:line:column: /index: message
};

/// Reads statements from `text` (a JSON array, or one JSON object per line), named `file`
/// in messages. A statement without an id gets one derived from the input and its place in
/// it, so that reading the same input again gives the same ids (and the LRS no duplicates).
ParsedStatements parse_statements(const std::string& text, const std::string& file);

struct SendReport {
  std::size_t stored = 0;
  std::vector<std::string> refused;  // one line per statement the LRS refused (409, 400...)
  std::string fatal;                 // why sending stopped with statements still queued
};

/// Sends every pending statement in batches of `batch_size`, confirming each batch in the
/// queue as the LRS stores it. A batch the LRS refuses (400, 409) is split until the
/// statements at fault are found; those are recorded as rejected and the rest go on.
/// Stops, keeping the queue, on refused credentials or an LRS that stays unreachable.
SendReport send_pending(StatementQueue& queue, LrsClient& client, std::size_t batch_size,
                        const std::function<void(std::size_t stored, std::size_t total)>& progress);

}  // namespace coursepack::lrs
