#include "coursepack/lrs/statement_queue.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "../temp_folder.h"

namespace coursepack::lrs {
namespace {
namespace fs = std::filesystem;

std::string id_of(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", n);
  return id;
}

// Statement n, as the sender queues it: compact, keys sorted, with its id and key.
QueuedStatement statement(int n, const std::string& verb = "v") {
  const nlohmann::json json = {{"id", id_of(n)}, {"verb", {{"id", verb}}}};
  QueuedStatement s{id_of(n), canonical(json), {}};
  s.key = statement_key(s.id, s.json);
  return s;
}

std::unique_ptr<StatementQueue> open_queue(const fs::path& folder) {
  auto opened = StatementQueue::open(folder);
  INFO(opened.error);
  REQUIRE(opened.queue);
  CHECK(opened.error.empty());
  return std::move(opened.queue);
}

void queue_statements(StatementQueue& queue, int from, int count) {
  for (int n = from; n < from + count; ++n) REQUIRE(queue.stage(statement(n)).empty());
  REQUIRE(queue.commit_staged().empty());
}

// The ids from the read position on, read a batch at a time.
std::vector<std::string> pending_ids(const StatementQueue& queue) {
  std::vector<std::string> ids;
  QueueBatch batch;
  for (std::uint64_t from = queue.cursor();; from = batch.end) {
    REQUIRE(queue.read_batch(2, from, batch).empty());
    if (batch.statements.empty()) break;
    for (const auto& s : batch.statements) ids.push_back(s.id);
  }
  return ids;
}

std::vector<std::string> ids(int from, int count) {
  std::vector<std::string> out;
  for (int n = from; n < from + count; ++n) out.push_back(id_of(n));
  return out;
}

std::string text_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Settles the first `count` pending statements as stored.
void settle(StatementQueue& queue, std::size_t count) {
  QueueBatch batch;
  REQUIRE(queue.read_batch(count, queue.cursor(), batch).empty());
  REQUIRE(batch.statements.size() == count);
  std::vector<StatementKey> keys;
  for (const auto& s : batch.statements) keys.push_back(s.key);
  REQUIRE(queue.record_stored(keys).empty());
  REQUIRE(queue.advance(batch.end).empty());
}

TEST_CASE("staged statements join the queue only when committed") {
  coursepack::testing::TempFolder temp("queue");
  auto queue = open_queue(temp.path);
  for (int n = 1; n <= 3; ++n) REQUIRE(queue->stage(statement(n)).empty());
  CHECK(queue->pending_count() == 0);
  CHECK(pending_ids(*queue).empty());
  REQUIRE(queue->commit_staged().empty());
  CHECK(queue->pending_count() == 3);
  CHECK(pending_ids(*queue) == ids(1, 3));
  CHECK_FALSE(fs::exists(temp.path / "incoming.jsonl"));

  for (int n = 4; n <= 5; ++n) REQUIRE(queue->stage(statement(n)).empty());
  queue->discard_staged();
  CHECK_FALSE(fs::exists(temp.path / "incoming.jsonl"));
  REQUIRE(queue->commit_staged().empty());  // nothing staged any more
  CHECK(pending_ids(*queue) == ids(1, 3));
  queue_statements(*queue, 7, 1);  // the next input starts afresh
  CHECK(pending_ids(*queue) == std::vector<std::string>{id_of(1), id_of(2), id_of(3), id_of(7)});

  REQUIRE(queue->stage(statement(6)).empty());
  queue.reset();  // a run that ends without committing queues nothing
  queue = open_queue(temp.path);
  CHECK(pending_ids(*queue) == std::vector<std::string>{id_of(1), id_of(2), id_of(3), id_of(7)});
}

TEST_CASE("a commit that cannot write says so, once") {
  coursepack::testing::TempFolder temp("queue");
  auto queue = open_queue(temp.path);
  REQUIRE(queue->stage(statement(1)).empty());
  fs::create_symlink("/dev/full", temp.path / "statements.jsonl");  // every write: ENOSPC
  CHECK(queue->commit_staged() ==
        "cannot write " + (temp.path / "statements.jsonl").string() + ": No space left on device");
}

TEST_CASE("an input a crash left half staged is dropped when the queue is opened") {
  coursepack::testing::TempFolder temp("queue");
  open_queue(temp.path).reset();
  std::ofstream(temp.path / "incoming.jsonl") << statement(1).json << "\n";
  auto queue = open_queue(temp.path);
  CHECK_FALSE(fs::exists(temp.path / "incoming.jsonl"));
  CHECK(queue->pending_count() == 0);
}

TEST_CASE("batches are read from the cursor, and the cursor survives reopening") {
  coursepack::testing::TempFolder temp("queue");
  std::uint64_t first_end = 0;
  {
    auto queue = open_queue(temp.path);
    queue_statements(*queue, 1, 5);
    QueueBatch first, second, rest;
    REQUIRE(queue->read_batch(2, queue->cursor(), first).empty());
    CHECK(first.statements.size() == 2);
    CHECK(first.statements[0].id == id_of(1));
    CHECK(first.statements[0].json == statement(1).json);
    CHECK(first.statements[0].key == statement(1).key);
    REQUIRE(queue->read_batch(2, first.end, second).empty());  // the next batch, before the first is settled
    CHECK(second.statements[0].id == id_of(3));
    CHECK(second.statements[1].id == id_of(4));
    REQUIRE(queue->read_batch(10, second.end, rest).empty());
    CHECK(rest.statements.size() == 1);
    CHECK(rest.end == fs::file_size(temp.path / "statements.jsonl"));
    REQUIRE(queue->advance(first.end).empty());
    first_end = first.end;
  }
  auto queue = open_queue(temp.path);
  CHECK(queue->cursor() == first_end);
  CHECK(queue->pending_count() == 3);
  CHECK(pending_ids(*queue) == ids(3, 3));
  QueueBatch from_zero;
  REQUIRE(queue->read_batch(10, 0, from_zero).empty());  // never before the cursor
  CHECK(from_zero.statements.size() == 3);
}

TEST_CASE("a line cut short by a crash is dropped, and the next append starts clean") {
  coursepack::testing::TempFolder temp("queue");
  queue_statements(*open_queue(temp.path), 1, 2);
  std::ofstream(temp.path / "statements.jsonl", std::ios::app) << R"({"id":"00000000-0000-4000-8000-000000000003","ve)";
  auto queue = open_queue(temp.path);
  CHECK(queue->pending_count() == 2);
  CHECK(pending_ids(*queue) == ids(1, 2));
  queue_statements(*queue, 4, 1);
  queue.reset();
  queue = open_queue(temp.path);
  CHECK(pending_ids(*queue) == std::vector<std::string>{id_of(1), id_of(2), id_of(4)});
  CHECK(text_of(temp.path / "statements.jsonl") ==
        statement(1).json + "\n" + statement(2).json + "\n" + statement(4).json + "\n");
}

TEST_CASE("a key cut short by a crash is trimmed from stored.keys") {
  coursepack::testing::TempFolder temp("queue");
  {
    auto queue = open_queue(temp.path);
    queue_statements(*queue, 1, 2);
    settle(*queue, 2);
  }
  std::ofstream(temp.path / "stored.keys", std::ios::app | std::ios::binary) << "\x01\x02\x03\x04\x05";
  {
    auto queue = open_queue(temp.path);
    CHECK(fs::file_size(temp.path / "stored.keys") == 2 * sizeof(StatementKey));
    queue_statements(*queue, 3, 1);
    settle(*queue, 1);
  }
  auto queue = open_queue(temp.path);
  CHECK(fs::file_size(temp.path / "stored.keys") == 3 * sizeof(StatementKey));
  for (int n = 1; n <= 3; ++n) {
    INFO(n);
    CHECK(queue->known(statement(n).key) == StatementQueue::Known::stored);
  }
}

TEST_CASE("known() says what the queue already knows of a statement, by id and content") {
  coursepack::testing::TempFolder temp("queue");
  const std::string held = R"({"id":"00000000-0000-4000-8000-000000000003","verb":{"id":"other"}})";
  {
    auto queue = open_queue(temp.path);
    queue_statements(*queue, 1, 5);
    settle(*queue, 1);
    QueueBatch batch;
    REQUIRE(queue->read_batch(2, queue->cursor(), batch).empty());
    REQUIRE(queue->record_rejected(batch.statements[0], 400, "bad verb").empty());
    REQUIRE(queue->record_conflict(batch.statements[1], held).empty());
    REQUIRE(queue->advance(batch.end).empty());
  }
  auto queue = open_queue(temp.path);
  using Known = StatementQueue::Known;
  struct Case {
    QueuedStatement statement;
    Known known;
  };
  const Case cases[] = {
      {statement(1), Known::stored},   {statement(2), Known::rejected},
      {statement(3), Known::conflict}, {statement(4), Known::pending},
      {statement(5), Known::pending},  {statement(6), Known::no},
      {statement(1, "another verb"), Known::no},  // another content under a stored id
      {statement(2, "another verb"), Known::no},  // a corrected version of a refused one
  };
  for (const auto& c : cases) {
    INFO(c.statement.json);
    CHECK(queue->known(c.statement.key) == c.known);
  }
}

TEST_CASE("refusals and conflicts are kept with the reason and both versions") {
  coursepack::testing::TempFolder temp("queue");
  auto queue = open_queue(temp.path);
  queue_statements(*queue, 1, 2);
  REQUIRE(queue->record_rejected(statement(1), 400, "bad verb").empty());
  REQUIRE(queue->record_conflict(statement(2), R"({"id":"00000000-0000-4000-8000-000000000002","verb":{"id":"w"}})").empty());
  CHECK(text_of(temp.path / "rejected.jsonl") ==
        R"({"id":"00000000-0000-4000-8000-000000000001","reason":"bad verb","statement":{"id":"00000000-0000-4000-8000-000000000001","verb":{"id":"v"}},"status":400})"
        "\n");
  CHECK(text_of(temp.path / "conflicts.jsonl") ==
        R"({"id":"00000000-0000-4000-8000-000000000002","statement":{"id":"00000000-0000-4000-8000-000000000002","verb":{"id":"v"}},"stored":{"id":"00000000-0000-4000-8000-000000000002","verb":{"id":"w"}}})"
        "\n");
  CHECK(queue->rejected_count() == 1);
}

TEST_CASE("compaction empties statements.jsonl once everything is settled, and keeps the stored keys") {
  coursepack::testing::TempFolder temp("queue");
  auto queue = open_queue(temp.path);
  queue_statements(*queue, 1, 2);
  const auto size = fs::file_size(temp.path / "statements.jsonl");
  REQUIRE(queue->compact().empty());  // nothing settled: nothing happens
  CHECK(fs::file_size(temp.path / "statements.jsonl") == size);
  settle(*queue, 1);
  REQUIRE(queue->compact().empty());  // one still pending: nothing happens
  CHECK(fs::file_size(temp.path / "statements.jsonl") == size);
  CHECK(queue->pending_count() == 1);
  settle(*queue, 1);
  REQUIRE(queue->compact().empty());
  CHECK(fs::file_size(temp.path / "statements.jsonl") == 0);
  CHECK(queue->cursor() == 0);
  CHECK(text_of(temp.path / "cursor") == "0\n");
  CHECK(fs::file_size(temp.path / "stored.keys") == 2 * sizeof(StatementKey));
  queue_statements(*queue, 3, 1);
  CHECK(pending_ids(*queue) == ids(3, 1));
  queue.reset();
  queue = open_queue(temp.path);
  CHECK(queue->known(statement(1).key) == StatementQueue::Known::stored);
  CHECK(queue->known(statement(2).key) == StatementQueue::Known::stored);
  CHECK(queue->known(statement(3).key) == StatementQueue::Known::pending);
}

TEST_CASE("refused statements are queued again on request, and rejected.jsonl is emptied") {
  coursepack::testing::TempFolder temp("queue");
  {
    auto queue = open_queue(temp.path);
    queue_statements(*queue, 1, 3);
    QueueBatch batch;
    REQUIRE(queue->read_batch(3, queue->cursor(), batch).empty());
    REQUIRE(queue->record_rejected(batch.statements[0], 400, "bad verb").empty());
    REQUIRE(queue->record_rejected(batch.statements[1], 413, "Payload Too Large").empty());
    REQUIRE(queue->record_stored({batch.statements[2].key}).empty());
    REQUIRE(queue->advance(batch.end).empty());
    REQUIRE(queue->compact().empty());
  }
  auto queue = open_queue(temp.path);
  CHECK(queue->rejected_count() == 2);
  CHECK(queue->pending_count() == 0);
  std::size_t count = 99;
  REQUIRE(queue->retry_rejected(count).empty());
  CHECK(count == 2);
  CHECK(queue->rejected_count() == 0);
  CHECK(fs::file_size(temp.path / "rejected.jsonl") == 0);
  CHECK(pending_ids(*queue) == ids(1, 2));
  QueueBatch batch;
  REQUIRE(queue->read_batch(2, queue->cursor(), batch).empty());
  CHECK(batch.statements[0].json == statement(1).json);  // as refused, byte for byte
  CHECK(batch.statements[0].key == statement(1).key);
  CHECK(queue->known(statement(1).key) == StatementQueue::Known::pending);
  CHECK(queue->known(statement(3).key) == StatementQueue::Known::stored);
  REQUIRE(queue->retry_rejected(count).empty());  // nothing left to retry
  CHECK(count == 0);
  CHECK(queue->pending_count() == 2);
}

TEST_CASE("queue files are 0600 and the folder 0700, whatever the umask") {
  coursepack::testing::TempFolder temp("queue");
  struct OpenUmask {  // restored even when a REQUIRE fails
    mode_t old = ::umask(0);
    ~OpenUmask() { ::umask(old); }
  } open_umask;
  auto queue = open_queue(temp.path);
  queue_statements(*queue, 1, 3);
  settle(*queue, 1);
  REQUIRE(queue->record_rejected(statement(2), 400, "bad").empty());
  REQUIRE(queue->record_conflict(statement(3), statement(3, "w").json).empty());
  REQUIRE(queue->advance(fs::file_size(temp.path / "statements.jsonl")).empty());
  REQUIRE(queue->compact().empty());
  REQUIRE(queue->stage(statement(4)).empty());  // incoming.jsonl
  const auto private_file = fs::perms::owner_read | fs::perms::owner_write;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(temp.path)) {
    names.push_back(entry.path().filename().string());
    INFO(names.back());
    CHECK(entry.status().permissions() == private_file);
  }
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"conflicts.jsonl", "cursor", "incoming.jsonl", "lock", "rejected.jsonl",
                                          "statements.jsonl", "stored.keys"});
  CHECK(fs::status(temp.path).permissions() == fs::perms::owner_all);
}

TEST_CASE("one process at a time") {
  coursepack::testing::TempFolder temp("queue");
  auto first = StatementQueue::open(temp.path);
  REQUIRE(first.queue);
  auto second = StatementQueue::open(temp.path);
  CHECK_FALSE(second.queue);
  CHECK(second.error == "the queue " + temp.path.string() + " is in use by another coursepack process");
  first.queue.reset();
  CHECK(StatementQueue::open(temp.path).queue);  // free again once the first is closed
}

TEST_CASE("a line that is not a statement with an id is reported, not sent") {
  coursepack::testing::TempFolder temp("queue");
  auto queue = open_queue(temp.path);
  queue_statements(*queue, 1, 1);
  std::ofstream(temp.path / "statements.jsonl", std::ios::app) << R"({"verb":{"id":"v"}})" << "\n";
  QueueBatch batch;
  CHECK(queue->read_batch(10, queue->cursor(), batch) ==
        (temp.path / "statements.jsonl").string() + ": a line is not a statement with an id");
}

TEST_CASE("a queue written by coursepack 0.1 is converted, keeping only what is unsettled") {
  coursepack::testing::TempFolder temp("queue", true);
  const auto refused = nlohmann::json::parse(statement(4).json);
  std::ofstream(temp.path / "statements.jsonl")
      << statement(1).json << "\n" << statement(2).json << "\n" << statement(3).json << "\n"
      << statement(2).json << "\n"  // queued twice: sent once
      << statement(4).json << "\n" << R"({"id":"00000000-0000-4000-8000-000000000005","ve)";
  std::ofstream(temp.path / "done.txt") << id_of(1) << "\n";
  std::ofstream(temp.path / "inputs.txt") << "3f7a0c\n";
  std::ofstream(temp.path / "rejected.jsonl")
      << nlohmann::json{{"id", id_of(4)}, {"status", 400}, {"reason", "bad"}, {"statement", refused}}.dump() << "\n";
  {
    auto queue = open_queue(temp.path);
    CHECK_FALSE(fs::exists(temp.path / "done.txt"));
    CHECK_FALSE(fs::exists(temp.path / "inputs.txt"));
    CHECK(queue->cursor() == 0);
    CHECK(pending_ids(*queue) == ids(2, 2));
    CHECK(queue->rejected_count() == 1);
    CHECK(queue->known(statement(4).key) == StatementQueue::Known::rejected);
  }
  auto queue = open_queue(temp.path);  // converted once: opens as it is
  CHECK(text_of(temp.path / "statements.jsonl") == statement(2).json + "\n" + statement(3).json + "\n");
  CHECK(queue->known(statement(2).key) == StatementQueue::Known::pending);
}

}  // namespace
}  // namespace coursepack::lrs
