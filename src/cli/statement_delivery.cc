#include "statement_delivery.h"

#include <unistd.h>

#include <iostream>
#include <sstream>

namespace coursepack::cli {

Delivery deliver(const std::vector<DeliveryInput>& inputs, Connection& connection, const DeliveryOptions& options) {
  Delivery out;
  const std::string& command = options.command;
  out.folder = options.queue_folder.empty() ? default_queue(connection.client->config()) : options.queue_folder;
  auto opened = lrs::StatementQueue::open(out.folder);
  if (!opened.queue) {
    std::cerr << command << ": " << opened.error << "\n";
    out.code = 1;
    return out;
  }
  lrs::StatementQueue& queue = *opened.queue;
  std::size_t retried = 0;
  if (options.retry_rejected)
    if (auto error = queue.retry_rejected(retried); !error.empty()) {
      std::cerr << command << ": " << error << "\n";
      out.code = 1;
      return out;
    }

  // Every input is read and checked before any joins the queue: one bad input queues nothing.
  for (const auto& input : inputs) lrs::stage_statements(*input.in, input.name, queue, out.staged);
  if (!out.staged.problems.empty()) {
    queue.discard_staged();
    for (const auto& problem : out.staged.problems) std::cerr << problem.to_string() << "\n";
    std::cerr << command << ": nothing queued: " << options.invalid_advice << "\n";
    out.code = 1;
    return out;
  }
  if (auto error = queue.commit_staged(); !error.empty()) {
    std::cerr << command << ": " << error << "\n";
    out.code = 1;
    return out;
  }
  if (options.queued) options.queued(out.staged, retried);

  const bool shown = !options.quiet && ::isatty(STDERR_FILENO);
  out.sent = lrs::send_pending(queue, *connection.client, options.batch_size, [&](std::size_t settled) {
    if (shown) std::cerr << "\r\033[K" << settled << " statements settled";
  });
  if (shown) std::cerr << "\r\033[K";
  const lrs::SendReport& sent = out.sent;
  // Learner data stays out of messages unless asked for: ids and reasons only.
  for (const auto& refused : sent.refused) std::cerr << "refused: statement " << refused << "\n";
  for (const auto& conflict : sent.conflicts)
    std::cerr << "conflict: statement " << conflict << " (both versions in " << out.folder << "/conflicts.jsonl)\n";
  if (options.verbose)
    for (const auto& statement : sent.refused_statements) std::cerr << "  " << statement << "\n";
  const auto& set_aside = out.staged.set_aside;
  if (!set_aside.empty())
    std::cerr << command << ": " << set_aside.size()
              << " statements of the input were refused or in conflict before and are not sent again (first: "
              << set_aside.front() << "); see " << out.folder << "/rejected.jsonl and conflicts.jsonl; "
              << options.retry_advice << "\n";
  out.still_queued = queue.pending_count();
  out.summary = {{"new", out.staged.queued},
                 {"already_stored", out.staged.already_stored},
                 {"already_queued", out.staged.already_queued},
                 {"stored", sent.stored},
                 {"refused", sent.refused.size()},
                 {"conflicts", sent.conflicts.size()},
                 {"still_queued", out.still_queued},
                 {"queue", out.folder}};
  if (!sent.fatal.empty()) {
    std::cerr << command << ": " << sent.fatal << "; the statements stay queued: " << options.again_advice << "\n";
    out.code = 1;
  } else if (!sent.refused.empty() || !sent.conflicts.empty() || (options.set_aside_fails && !set_aside.empty())) {
    out.code = 1;
  }
  return out;
}

Delivery deliver(const std::vector<std::string>& statements, Connection& connection, const DeliveryOptions& options) {
  std::string lines;
  for (const auto& statement : statements) lines += statement + "\n";
  std::istringstream in(lines);
  return deliver({{options.command, &in}}, connection, options);
}

Delivery deliver(const std::vector<std::string>& statements, Connection& connection, const std::string& queue_folder,
                 const std::string& command, bool quiet) {
  DeliveryOptions options;
  options.command = command;
  options.queue_folder = queue_folder;
  options.quiet = quiet;
  return deliver(statements, connection, options);
}

}  // namespace coursepack::cli
