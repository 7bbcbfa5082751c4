#pragma once
// A durable on-disk queue of xAPI statements. Statements are appended (and synced)
// before any is sent, and the read position moves past them only once the LRS settled
// them, so a crash or `kill -9` at any moment loses nothing and a rerun finishes the job.
// It never holds the queue in memory: sending reads it a batch at a time.
//
// Files in the queue folder (all 0600, the folder 0700: they hold learner data):
//   statements.jsonl  statements to send, one compact JSON object per line, with its id
//   cursor            byte offset in statements.jsonl of the first statement not settled
//   stored.keys       16-byte keys (statement_identity.h) of every statement the LRS
//                     confirmed: a rerun over an edited input sends only what is new
//   rejected.jsonl    statements the LRS refused, with its status and reason
//   conflicts.jsonl   statements whose id the LRS holds with other content, with both versions
//   incoming.jsonl    an input being read; joins statements.jsonl only once it is whole
//   lock              held while a process uses the queue
// A line or key cut short by a crash is dropped when the queue is opened.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "coursepack/lrs/statement_identity.h"

namespace coursepack::lrs {

struct QueuedStatement {
  std::string id;
  std::string json;  // the statement, compact, one line
  StatementKey key{};
};

struct QueueBatch {
  std::vector<QueuedStatement> statements;
  std::uint64_t end = 0;  // offset after the batch: the cursor once it is settled
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
  /// Opens the queue in `folder` (created private if missing), locking it against other
  /// processes. A queue written by coursepack 0.1 (done.txt) is converted.
  static OpenResult open(const std::filesystem::path& folder);

  // ---- Enqueueing: stage the statements of an input, then commit or discard them.

  enum class Known { no, stored, pending, rejected, conflict };
  /// What the queue already knows of this exact statement (its id and content). The first
  /// call reads the keys of stored, pending and set-aside statements (16 bytes each).
  Known known(const StatementKey& key);
  /// Adds a statement (with its id) to the staged input.
  std::string stage(const QueuedStatement& statement);
  /// Appends the staged input to the queue (synced). Nothing staged is queued without it.
  std::string commit_staged();
  /// Forgets the staged input.
  void discard_staged();

  // ---- Sending.

  /// Up to `count` statements from the read position (or from `from`, an offset a previous
  /// batch ended at). An empty batch: nothing left.
  std::string read_batch(std::size_t count, std::uint64_t from, QueueBatch& out) const;
  /// The read position: statements before it are settled.
  std::uint64_t cursor() const { return cursor_; }
  /// Records statements the LRS holds (synced).
  std::string record_stored(const std::vector<StatementKey>& keys);
  /// Records a statement the LRS refused, with why (synced).
  std::string record_rejected(const QueuedStatement& statement, int status, const std::string& reason);
  /// Records a statement whose id the LRS holds with other content, with both (synced).
  std::string record_conflict(const QueuedStatement& statement, const std::string& stored_json);
  /// Moves the read position to `offset` once everything before it is settled (synced).
  std::string advance(std::uint64_t offset);
  /// Statements after the read position (reads the file).
  std::size_t pending_count() const;
  /// When everything is settled, empties statements.jsonl (stored.keys is kept).
  std::string compact();

  /// Statements set aside as refused (counts rejected.jsonl).
  std::size_t rejected_count() const;
  /// Queues the refused statements again and empties rejected.jsonl: for when the cause
  /// (a proxy, a missing LRS permission) was fixed. Returns an error or "".
  std::string retry_rejected(std::size_t& count);

  const std::filesystem::path& folder() const { return folder_; }

 private:
  StatementQueue() = default;
  std::string load();
  std::string convert_old_format();
  void load_known();
  std::string flush_staged();

  std::filesystem::path folder_;
  int lock_fd_ = -1;
  int staged_fd_ = -1;
  std::size_t staged_count_ = 0;
  std::string staged_buffer_;  // written to incoming.jsonl a megabyte at a time
  std::uint64_t cursor_ = 0;
  bool known_loaded_ = false;
  std::vector<StatementKey> stored_, pending_, rejected_, conflicts_;  // sorted, for known()
};

}  // namespace coursepack::lrs
