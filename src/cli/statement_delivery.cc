#include "statement_delivery.h"

#include <unistd.h>

#include <iostream>
#include <sstream>

#include "coursepack/lrs/statement_sender.h"

namespace coursepack::cli {

Delivery deliver(const std::vector<std::string>& statements, Connection& connection, const std::string& queue_folder,
                 const std::string& command, bool quiet) {
  Delivery out;
  const std::string folder = queue_folder.empty() ? default_queue(connection.client->config()) : queue_folder;
  auto opened = lrs::StatementQueue::open(folder);
  if (!opened.queue) {
    std::cerr << command << ": " << opened.error << "\n";
    out.code = 1;
    return out;
  }
  lrs::StatementQueue& queue = *opened.queue;
  std::string lines;
  for (const auto& statement : statements) lines += statement + "\n";
  std::istringstream in(lines);
  lrs::StageReport staged;
  lrs::stage_statements(in, command, queue, staged);
  if (!staged.problems.empty()) {
    queue.discard_staged();
    for (const auto& problem : staged.problems) std::cerr << problem.to_string() << "\n";
    std::cerr << command << ": nothing queued: the statements above are not valid (please report this)\n";
    out.code = 1;
    return out;
  }
  if (auto error = queue.commit_staged(); !error.empty()) {
    std::cerr << command << ": " << error << "\n";
    out.code = 1;
    return out;
  }
  const bool shown = !quiet && ::isatty(STDERR_FILENO);
  const auto report = lrs::send_pending(queue, *connection.client, 100, [&](std::size_t settled) {
    if (shown) std::cerr << "\r\033[K" << settled << " statements settled";
  });
  if (shown) std::cerr << "\r\033[K";
  for (const auto& refused : report.refused) std::cerr << "refused: statement " << refused << "\n";
  for (const auto& conflict : report.conflicts)
    std::cerr << "conflict: statement " << conflict << " (both versions in " << folder << "/conflicts.jsonl)\n";
  out.summary = {{"new", staged.queued},
                 {"already_stored", staged.already_stored},
                 {"already_queued", staged.already_queued},
                 {"stored", report.stored},
                 {"refused", report.refused.size()},
                 {"conflicts", report.conflicts.size()},
                 {"still_queued", queue.pending_count()},
                 {"queue", folder}};
  if (!report.fatal.empty()) {
    std::cerr << command << ": " << report.fatal << "; the statements stay queued: run `coursepack lrs send` again\n";
    out.code = 1;
  } else if (!report.refused.empty() || !report.conflicts.empty() || !staged.set_aside.empty()) {
    out.code = 1;
  }
  return out;
}

}  // namespace coursepack::cli
