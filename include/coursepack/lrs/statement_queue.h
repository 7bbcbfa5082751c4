#pragma once
// A durable on-disk queue of xAPI statements. Statements are appended (and synced) before
// any is sent, and removed only once the LRS confirmed them, so a crash or `kill -9` at
// any moment loses nothing and a rerun finishes the job. Files in the queue folder:
//   statements.jsonl  every statement enqueued, one JSON object per line, with its id
//   done.txt          ids the LRS confirmed, one per line
//   rejected.jsonl    statements the LRS refused for good, with why
//   inputs.txt        digests of the inputs already enqueued (so a rerun does not re-add)
//   lock              held while a process uses the queue
// A line cut short by a crash is dropped when the queue is opened.

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace coursepack::lrs {

struct QueuedStatement {
  std::string id;
  std::string json;  // the statement, compact, one line
};

class StatementQueue {
 public:
  ~StatementQueue();
  StatementQueue(const StatementQueue&) = delete;
  StatementQueue& operator=(const StatementQueue&) = delete;

  struct OpenResult {
    std::unique_ptr<StatementQueue> queue;
    std::string error;
  };
  /// Opens the queue in `folder` (created if missing), locking it against other processes.
  static OpenResult open(const std::filesystem::path& folder);

  bool has_input(const std::string& digest) const;
  /// Appends `statements` (each with an "id") and then records `digest`; both synced.
  std::string enqueue(const std::vector<QueuedStatement>& statements, const std::string& digest);
  /// Statements neither confirmed nor rejected, in the order enqueued, each id once.
  std::vector<QueuedStatement> pending() const;
  /// Records `ids` as confirmed by the LRS (synced).
  std::string confirm(const std::vector<std::string>& ids);
  /// Records a statement the LRS refused for good, with the reason (synced).
  std::string reject(const QueuedStatement& statement, int status, const std::string& reason);
  /// When nothing is pending, empties statements.jsonl, done.txt and inputs.txt.
  std::string compact();

  const std::filesystem::path& folder() const { return folder_; }

 private:
  StatementQueue() = default;
  std::string load();

  std::filesystem::path folder_;
  int lock_fd_ = -1;
  std::vector<QueuedStatement> statements_;
  std::vector<std::string> inputs_;
  std::vector<std::string> settled_;  // ids the LRS confirmed
  std::set<std::string> rejected_;    // statements (their JSON) the LRS refused
};

}  // namespace coursepack::lrs
