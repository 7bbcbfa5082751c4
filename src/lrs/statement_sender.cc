#include "coursepack/lrs/statement_sender.h"

#include <nlohmann/json.hpp>

#include "coursepack/lrs/statement_equivalence.h"
#include "coursepack/lrs/statement_identity.h"
#include "coursepack/lrs/statement_reader.h"

namespace coursepack::lrs {

void stage_statements(std::istream& in, const std::string& file, StatementQueue& queue, StageReport& report) {
  StatementReader reader(in, file);
  while (auto read = reader.next(report.problems)) {
    ++report.read;
    nlohmann::json& statement = read->statement;
    if (!statement.is_object()) {
      keep_diagnostic(report.problems, {file, read->at, read->pointer, "a statement must be a JSON object"});
      continue;
    }
    if (!statement.contains("id")) {
      statement["id"] = derived_id(statement);
    } else if (!statement["id"].is_string() || !is_uuid(statement["id"])) {
      keep_diagnostic(report.problems, {file, read->at, read->pointer + "/id", "a statement id must be a UUID"});
      continue;
    }
    if (!report.problems.empty()) continue;  // nothing will be queued: just check the rest
    QueuedStatement queued{statement["id"], canonical(statement), {}};
    queued.key = statement_key(queued.id, queued.json);
    switch (queue.known(queued.key)) {
      case StatementQueue::Known::stored: ++report.already_stored; break;
      case StatementQueue::Known::pending: ++report.already_queued; break;
      case StatementQueue::Known::rejected:
      case StatementQueue::Known::conflict: report.set_aside.push_back(queued.id); break;
      case StatementQueue::Known::no:
        if (auto error = queue.stage(queued); !error.empty()) {
          keep_diagnostic(report.problems, {file, read->at, read->pointer, error});
          return;
        }
        ++report.queued;
    }
  }
}

namespace {

class Sender {
 public:
  Sender(StatementQueue& queue, LrsClient& client, SendReport& report) : queue_(queue), client_(client), report_(report) {}

  // Settles `batch`: every statement ends stored, refused or in conflict, or sending stops.
  bool send(const std::vector<QueuedStatement>& batch) {
    std::vector<std::string> bodies;
    for (const auto& s : batch) bodies.push_back(s.json);
    const PostResult result = client_.post_statements(bodies);
    switch (result.outcome) {
      case PostOutcome::stored:
        return stored(batch, report_.stored);
      case PostOutcome::conflict:
        if (batch.size() > 1) return split(batch);
        return settle_conflict(batch[0]);
      case PostOutcome::bad_request:
      case PostOutcome::too_large:
        // The batch is refused whole: halve it until the statements at fault are found.
        if (batch.size() > 1) return split(batch);
        return refuse(batch[0], result.status, result.message);
      case PostOutcome::unauthorized:
        return stop("the LRS refused the credentials from " + client_.config().source + " (HTTP " +
                    std::to_string(result.status) + ": " + result.message + ")");
      case PostOutcome::unreachable:
        return stop(result.status ? "the LRS at " + client_.endpoint_for_messages() + " answered HTTP " +
                                        std::to_string(result.status) + " (" + result.message + "): is the endpoint right?"
                                  : "cannot reach the LRS at " + client_.endpoint_for_messages() + ": " + result.message);
      case PostOutcome::gave_up:
        if (result.deadline) return stop("stopped at the deadline: " + result.message);
        return stop("the LRS at " + client_.endpoint_for_messages() + " still fails after " +
                    std::to_string(result.attempts) + (result.attempts == 1 ? " attempt (" : " attempts (") +
                    (result.status ? "HTTP " + std::to_string(result.status) + ": " : "") + result.message + ")");
      case PostOutcome::other:
        // Anything else (a redirect, 405...) says nothing about the statements: stop, keep them.
        return stop("the LRS at " + client_.endpoint_for_messages() + " answered HTTP " + std::to_string(result.status) +
                    " (" + result.message + "): is the endpoint right?");
    }
    return true;
  }

 private:
  bool split(const std::vector<QueuedStatement>& batch) {
    const auto middle = batch.begin() + static_cast<std::ptrdiff_t>(batch.size() / 2);
    return send({batch.begin(), middle}) && send({middle, batch.end()});
  }

  bool stored(const std::vector<QueuedStatement>& batch, std::size_t& counter) {
    std::vector<StatementKey> keys;
    for (const auto& s : batch) keys.push_back(s.key);
    if (auto error = queue_.record_stored(keys); !error.empty()) return stop(error);
    counter += batch.size();
    return true;
  }

  // A 409 says the LRS has a statement with this id. xAPI lets it answer so even when it
  // is the very statement we sent (a resend after a crash): compare before calling it a
  // conflict.
  bool settle_conflict(const QueuedStatement& statement) {
    const FetchResult held = client_.get_statement(statement.id);
    if (held.status == 200) {
      const auto ours = nlohmann::json::parse(statement.json);
      if (statements_equivalent(ours, nlohmann::json::parse(held.statement))) return stored({statement}, report_.already);
      if (auto error = queue_.record_conflict(statement, held.statement); !error.empty()) return stop(error);
      report_.conflicts.push_back(statement.id + ": the LRS holds another statement with this id");
      report_.refused_statements.push_back(statement.json);
      return true;
    }
    if (held.status == 404) return refuse(statement, 409, "HTTP 409, yet the LRS has no statement with this id");
    return stop("after a 409 for statement " + statement.id + ": " + held.error);
  }

  bool refuse(const QueuedStatement& statement, int status, const std::string& reason) {
    if (auto error = queue_.record_rejected(statement, status, reason); !error.empty()) return stop(error);
    report_.refused.push_back(statement.id + ": HTTP " + std::to_string(status) + ": " + reason);
    report_.refused_statements.push_back(statement.json);
    return true;
  }

  bool stop(std::string why) {
    report_.fatal = std::move(why);
    return false;
  }

  StatementQueue& queue_;
  LrsClient& client_;
  SendReport& report_;
};

}  // namespace

SendReport send_pending(StatementQueue& queue, LrsClient& client, std::size_t batch_size,
                        const std::function<void(std::size_t settled)>& progress) {
  SendReport report;
  Sender sender(queue, client, report);
  std::size_t settled = 0;
  QueueBatch batch;
  while (true) {
    if (auto error = queue.read_batch(batch_size, queue.cursor(), batch); !error.empty()) {
      report.fatal = error;
      return report;
    }
    if (batch.statements.empty()) break;
    if (!sender.send(batch.statements)) return report;
    if (auto error = queue.advance(batch.end); !error.empty()) {
      report.fatal = error;
      return report;
    }
    settled += batch.statements.size();
    if (progress) progress(settled);
  }
  if (auto error = queue.compact(); !error.empty()) report.fatal = error;
  return report;
}

}  // namespace coursepack::lrs
