#include "coursepack/lrs/statement_queue.h"

#include <unistd.h>

#include <fstream>

#include <catch2/catch.hpp>

#include "../temp_folder.h"

namespace coursepack::lrs {
namespace {
namespace fs = std::filesystem;

std::vector<QueuedStatement> statements(int from, int count) {
  std::vector<QueuedStatement> out;
  for (int i = from; i < from + count; ++i)
    out.push_back({"id-" + std::to_string(i), R"({"id":"id-)" + std::to_string(i) + R"("})"});
  return out;
}

std::vector<std::string> ids(const std::vector<QueuedStatement>& list) {
  std::vector<std::string> out;
  for (const auto& s : list) out.push_back(s.id);
  return out;
}

TEST_CASE("what is queued survives reopening; what is confirmed does not come back") {
  coursepack::testing::TempFolder temp("queue");
  {
    auto opened = StatementQueue::open(temp.path);
    REQUIRE(opened.queue);
    REQUIRE(opened.queue->enqueue(statements(1, 5), "digest-1").empty());
    REQUIRE(opened.queue->confirm({"id-1", "id-2"}).empty());
  }
  auto opened = StatementQueue::open(temp.path);
  REQUIRE(opened.queue);
  CHECK(opened.queue->has_input("digest-1"));
  CHECK_FALSE(opened.queue->has_input("digest-2"));
  CHECK(ids(opened.queue->pending()) == std::vector<std::string>{"id-3", "id-4", "id-5"});
}

TEST_CASE("a line cut short by a crash is dropped, and the next append starts clean") {
  coursepack::testing::TempFolder temp("queue");
  {
    auto opened = StatementQueue::open(temp.path);
    REQUIRE(opened.queue->enqueue(statements(1, 2), "d").empty());
  }
  std::ofstream(temp.path / "statements.jsonl", std::ios::app) << R"({"id":"id-3","half)";
  std::ofstream(temp.path / "done.txt", std::ios::app) << "id-";
  auto opened = StatementQueue::open(temp.path);
  REQUIRE(opened.queue);
  CHECK(ids(opened.queue->pending()) == std::vector<std::string>{"id-1", "id-2"});
  REQUIRE(opened.queue->enqueue(statements(4, 1), "e").empty());
  REQUIRE(opened.queue->confirm({"id-1"}).empty());
  opened.queue.reset();
  auto again = StatementQueue::open(temp.path);
  CHECK(ids(again.queue->pending()) == std::vector<std::string>{"id-2", "id-4"});
}

TEST_CASE("the same statement queued twice is sent once") {
  coursepack::testing::TempFolder temp("queue");
  auto opened = StatementQueue::open(temp.path);
  REQUIRE(opened.queue->enqueue(statements(1, 3), "a").empty());
  REQUIRE(opened.queue->enqueue(statements(2, 3), "b").empty());
  CHECK(ids(opened.queue->pending()) == std::vector<std::string>{"id-1", "id-2", "id-3", "id-4"});
}

TEST_CASE("a refused statement does not block a corrected one under the same id") {
  coursepack::testing::TempFolder temp("queue");
  {
    auto opened = StatementQueue::open(temp.path);
    REQUIRE(opened.queue->enqueue({{"id-1", R"({"id":"id-1","verb":"bad"})"}}, "a").empty());
    REQUIRE(opened.queue->reject(opened.queue->pending()[0], 400, "bad verb").empty());
    CHECK(opened.queue->pending().empty());
  }
  auto opened = StatementQueue::open(temp.path);
  CHECK(opened.queue->pending().empty());
  REQUIRE(opened.queue->enqueue({{"id-1", R"({"id":"id-1","verb":"good"})"}}, "b").empty());
  CHECK(ids(opened.queue->pending()) == std::vector<std::string>{"id-1"});
}

TEST_CASE("queue files stay private, compacted or not") {
  coursepack::testing::TempFolder temp("queue");
  auto opened = StatementQueue::open(temp.path);
  REQUIRE(opened.queue->enqueue(statements(1, 1), "a").empty());
  REQUIRE(opened.queue->confirm({"id-1"}).empty());
  REQUIRE(opened.queue->compact().empty());
  REQUIRE(opened.queue->enqueue(statements(2, 1), "b").empty());
  for (const char* name : {"statements.jsonl", "done.txt", "inputs.txt"}) {
    INFO(name);
    CHECK((fs::status(temp.path / name).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
          fs::perms::none);
  }
  CHECK((fs::status(temp.path).permissions() & fs::perms::others_all) == fs::perms::none);
}

TEST_CASE("rejected statements leave the queue with their reason") {
  coursepack::testing::TempFolder temp("queue");
  auto opened = StatementQueue::open(temp.path);
  const auto list = statements(1, 2);
  REQUIRE(opened.queue->enqueue(list, "a").empty());
  REQUIRE(opened.queue->reject(list[0], 409, "id-1 is conflicting").empty());
  CHECK(ids(opened.queue->pending()) == std::vector<std::string>{"id-2"});
  std::ifstream in(temp.path / "rejected.jsonl");
  std::string line;
  std::getline(in, line);
  CHECK(line == R"({"id":"id-1","reason":"id-1 is conflicting","statement":{"id":"id-1"},"status":409})");
}

TEST_CASE("compaction empties the journal once everything is delivered") {
  coursepack::testing::TempFolder temp("queue");
  auto opened = StatementQueue::open(temp.path);
  REQUIRE(opened.queue->enqueue(statements(1, 2), "a").empty());
  REQUIRE(opened.queue->compact().empty());  // still pending: nothing happens
  CHECK(fs::file_size(temp.path / "statements.jsonl") > 0);
  REQUIRE(opened.queue->confirm({"id-1", "id-2"}).empty());
  REQUIRE(opened.queue->compact().empty());
  CHECK(fs::file_size(temp.path / "statements.jsonl") == 0);
  CHECK(fs::file_size(temp.path / "done.txt") == 0);
  CHECK_FALSE(opened.queue->has_input("a"));
}

TEST_CASE("one process at a time") {
  coursepack::testing::TempFolder temp("queue");
  auto first = StatementQueue::open(temp.path);
  REQUIRE(first.queue);
  auto second = StatementQueue::open(temp.path);
  CHECK_FALSE(second.queue);
  CHECK(second.error == "the queue " + temp.path.string() + " is in use by another coursepack process");
}

}  // namespace
}  // namespace coursepack::lrs
