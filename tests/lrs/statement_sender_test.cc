#include "coursepack/lrs/statement_sender.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "../temp_folder.h"
#include "coursepack/lrs/statement_identity.h"
#include "fake_transport.h"

namespace coursepack::lrs {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

const char* kStatement =
    R"({"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"https://example.org/x"}})";

std::string id_of(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", n);
  return id;
}

// Statement n, one line, with its id.
std::string line_of(int n, const std::string& verb = "http://adlnet.gov/expapi/verbs/experienced") {
  return json{{"id", id_of(n)},
              {"actor", {{"objectType", "Agent"}, {"mbox", "mailto:learner" + std::to_string(n) + "@example.org"}}},
              {"verb", {{"id", verb}}},
              {"object", {{"id", "https://example.org/sets-1/" + std::to_string(n)}}},
              {"timestamp", "2026-11-28T10:00:00.000Z"}}
      .dump();
}

std::string lines(int from, int count) {
  std::string out;
  for (int n = from; n < from + count; ++n) out += line_of(n) + "\n";
  return out;
}

HttpResponse answer(int status, std::string body = {}) { return {status, {}, std::move(body), {}}; }

struct Fixture {
  coursepack::testing::TempFolder temp{"sender"};
  testing::FakeTransport transport;
  testing::ScriptedHooks hooks;
  std::unique_ptr<StatementQueue> queue;
  std::unique_ptr<LrsClient> client;
  std::vector<std::size_t> progress;

  Fixture() {
    reopen();
    client = std::make_unique<LrsClient>(testing::test_config(), transport, hooks.hooks(), RetryPolicy{3, 0.01, 0.01});
  }
  // As a new run does: known() reads the queue afresh.
  void reopen() {
    queue.reset();
    auto opened = StatementQueue::open(temp.path);
    INFO(opened.error);
    REQUIRE(opened.queue);
    queue = std::move(opened.queue);
  }
  StageReport stage(const std::string& input, const std::string& file = "in.jsonl") {
    std::istringstream in(input);
    StageReport report;
    stage_statements(in, file, *queue, report);
    return report;
  }
  void enqueue(const std::string& input) {
    const StageReport report = stage(input);
    REQUIRE(report.problems.empty());
    REQUIRE(queue->commit_staged().empty());
  }
  SendReport send(std::size_t batch_size) {
    return send_pending(*queue, *client, batch_size, [this](std::size_t settled) { progress.push_back(settled); });
  }
  // The ids each request carried.
  std::vector<std::vector<std::string>> posted() const {
    std::vector<std::vector<std::string>> out;
    for (const auto& request : transport.requests) {
      if (request.method != "POST") continue;
      out.emplace_back();
      for (const auto& statement : json::parse(request.body)) out.back().push_back(statement["id"]);
    }
    return out;
  }
};

using Ids = std::vector<std::string>;

TEST_CASE("staging counts what is new, already stored, already queued and set aside") {
  Fixture f;
  // An earlier run: 1 stored, 2 refused, 3 in conflict, 4 still queued (the LRS went away).
  f.enqueue(lines(1, 4));
  f.transport.answers = {answer(200), answer(400, R"({"message":"bad verb"})"), answer(409),
                         answer(200, line_of(3, "http://adlnet.gov/expapi/verbs/failed")),
                         answer(401, R"({"message":"Unauthorised"})")};
  const SendReport earlier = f.send(1);
  REQUIRE(earlier.fatal == "the LRS refused the credentials from test (HTTP 401: Unauthorised)");
  f.reopen();

  const StageReport report = f.stage(lines(1, 5) + kStatement + "\n");
  CHECK(report.problems.empty());
  CHECK(report.read == 6);
  CHECK(report.queued == 2);  // 5 and the one without an id
  CHECK(report.already_stored == 1);
  CHECK(report.already_queued == 1);
  CHECK(report.set_aside == Ids{id_of(2), id_of(3)});
  REQUIRE(f.queue->commit_staged().empty());
  CHECK(f.queue->pending_count() == 3);
}

TEST_CASE("a statement without an id gets the id derived from its content") {
  Fixture f;
  f.enqueue(std::string(kStatement) + "\n" + line_of(1) + "\n");
  QueueBatch batch;
  REQUIRE(f.queue->read_batch(10, f.queue->cursor(), batch).empty());
  REQUIRE(batch.statements.size() == 2);
  const auto& derived = batch.statements[0];
  CHECK(derived.id == "28d07a89-669b-8d69-b9e9-961f63908af6");  // statement_identity_test.cc
  CHECK(derived.id == derived_id(json::parse(kStatement)));
  json expected = json::parse(kStatement);
  expected["id"] = derived.id;
  CHECK(derived.json == canonical(expected));
  CHECK(derived.key == statement_key(derived.id, derived.json));
  CHECK(batch.statements[1].id == id_of(1));
  CHECK(batch.statements[1].json == canonical(json::parse(line_of(1))));
}

TEST_CASE("an input with problems is reported, located, and stages nothing more") {
  Fixture f;
  const std::string input = line_of(1) + "\n{oops\n" + R"({"id":"nope","verb":{"id":"v"}})" + "\n3\n" + line_of(5) + "\n";
  const StageReport report = f.stage(input);
  std::vector<std::string> messages;
  for (const auto& problem : report.problems) messages.push_back(problem.to_string());
  CHECK(messages == std::vector<std::string>{"in.jsonl:2:1: /1: not a JSON statement",
                                             "in.jsonl:3:1: /2/id: a statement id must be a UUID",
                                             "in.jsonl:4:1: /3: a statement must be a JSON object"});
  CHECK(report.read == 4);
  CHECK(report.queued == 1);  // statement 1, before the first problem; 5 is only checked
  // Another input after a problem is checked, not staged.
  const std::string more = line_of(6) + "\n";
  std::istringstream in(more);
  StageReport both = report;
  stage_statements(in, "more.jsonl", *f.queue, both);
  CHECK(both.read == 5);
  CHECK(both.queued == 1);
  SECTION("the caller discards what was staged: nothing is queued") {
    f.queue->discard_staged();
    CHECK(f.queue->commit_staged().empty());
    CHECK(f.queue->pending_count() == 0);
    f.reopen();
    CHECK(f.queue->pending_count() == 0);
  }
  SECTION("nothing after the first problem was staged") {
    REQUIRE(f.queue->commit_staged().empty());
    QueueBatch batch;
    REQUIRE(f.queue->read_batch(10, f.queue->cursor(), batch).empty());
    REQUIRE(batch.statements.size() == 1);
    CHECK(batch.statements[0].id == id_of(1));
  }
}

TEST_CASE("an edited input adds exactly the new statements") {
  Fixture f;
  const json a = json::parse(kStatement);
  json b = a, c = a, d = a;
  b["object"]["id"] = "https://example.org/y";
  c["object"]["id"] = "https://example.org/z";
  d["verb"]["id"] = "http://adlnet.gov/expapi/verbs/completed";
  f.enqueue(a.dump() + "\n" + b.dump() + "\n" + c.dump() + "\n");
  CHECK(f.send(10).stored == 3);
  f.reopen();
  // Re-encoded (CRLF, pretty-printed), reordered, one statement more.
  const StageReport report = f.stage(c.dump() + "\r\n" + d.dump() + "\r\n" + a.dump(2) + "\r\n" + b.dump() + "\r\n");
  CHECK(report.problems.empty());
  CHECK(report.read == 4);
  CHECK(report.queued == 1);
  CHECK(report.already_stored == 3);
  REQUIRE(f.queue->commit_staged().empty());
  const SendReport second = f.send(10);
  CHECK(second.stored == 1);
  REQUIRE(f.transport.requests.size() == 2);
  CHECK(f.posted()[1] == Ids{derived_id(d)});
}

TEST_CASE("batches go out in order and the read position moves as the LRS stores them") {
  Fixture f;
  f.enqueue(lines(1, 7));
  const SendReport report = f.send(3);
  CHECK(report.fatal.empty());
  CHECK(report.stored == 7);
  CHECK(report.already == 0);
  CHECK(f.posted() == std::vector<Ids>{{id_of(1), id_of(2), id_of(3)}, {id_of(4), id_of(5), id_of(6)}, {id_of(7)}});
  CHECK(f.progress == std::vector<std::size_t>{3, 6, 7});
  CHECK(f.queue->pending_count() == 0);
  CHECK(fs::file_size(f.temp.path / "statements.jsonl") == 0);  // compacted
  CHECK(fs::file_size(f.temp.path / "stored.keys") == 7 * sizeof(StatementKey));
}

TEST_CASE("a batch refused with 400 is split down to the statement at fault; the rest is stored") {
  Fixture f;
  f.enqueue(lines(1, 4));
  f.transport.answers = {answer(400, R"({"message":"statement 3 is invalid"})"),  // [1,2,3,4]
                         answer(200),                                               // [1,2]
                         answer(400, R"({"message":"statement 3 is invalid"})"),  // [3,4]
                         answer(400, R"({"message":"bad verb"})"),                 // [3]
                         answer(204)};                                              // [4]
  const SendReport report = f.send(10);
  CHECK(report.fatal.empty());
  CHECK(report.stored == 3);
  // The id and the reason, never the learner's data.
  CHECK(report.refused == Ids{id_of(3) + ": HTTP 400: bad verb"});
  CHECK(report.refused_statements == Ids{canonical(json::parse(line_of(3)))});  // for --verbose
  CHECK(f.posted() == std::vector<Ids>{{id_of(1), id_of(2), id_of(3), id_of(4)},
                                       {id_of(1), id_of(2)},
                                       {id_of(3), id_of(4)},
                                       {id_of(3)},
                                       {id_of(4)}});
  CHECK(f.queue->pending_count() == 0);
  CHECK(f.queue->rejected_count() == 1);
  CHECK(json::parse(std::ifstream(f.temp.path / "rejected.jsonl"))["id"] == id_of(3));
  CHECK(fs::file_size(f.temp.path / "stored.keys") == 3 * sizeof(StatementKey));
}

TEST_CASE("a batch too large for the LRS (413) is split; a statement too large alone is refused") {
  Fixture f;
  f.enqueue(lines(1, 4));
  f.transport.answers = {answer(413, "Payload Too Large"), answer(200), answer(413, "Payload Too Large"),
                         answer(413, "Payload Too Large"), answer(200)};
  const SendReport report = f.send(4);
  CHECK(report.fatal.empty());
  CHECK(report.stored == 3);
  CHECK(report.refused == Ids{id_of(3) + ": HTTP 413: Payload Too Large"});
  CHECK(f.posted() == std::vector<Ids>{{id_of(1), id_of(2), id_of(3), id_of(4)},
                                       {id_of(1), id_of(2)},
                                       {id_of(3), id_of(4)},
                                       {id_of(3)},
                                       {id_of(4)}});
}

TEST_CASE("a 409 for the very statement we sent counts it as held by the LRS") {
  Fixture f;
  f.enqueue(lines(1, 2));
  // The LRS's copy: its own properties added, the timestamp in another zone.
  json held = json::parse(line_of(2));
  held["stored"] = "2026-11-28T10:00:02.000Z";
  held["version"] = "1.0.0";
  held["authority"] = {{"objectType", "Agent"}, {"account", {{"homePage", "https://lrs.example.org"}, {"name", "key"}}}};
  held["timestamp"] = "2026-11-28T11:00:00+01:00";
  f.transport.answers = {answer(409, "conflict"), answer(200), answer(409, "conflict"), answer(200, held.dump())};
  const SendReport report = f.send(10);
  CHECK(report.fatal.empty());
  CHECK(report.stored == 1);
  CHECK(report.already == 1);
  CHECK(report.refused.empty());
  CHECK(report.conflicts.empty());
  REQUIRE(f.transport.requests.size() == 4);
  CHECK(f.transport.requests[3].method == "GET");
  CHECK(f.transport.requests[3].url == "https://lrs.example.org/xAPI/statements?statementId=" + id_of(2));
  CHECK(f.queue->pending_count() == 0);
  CHECK(fs::file_size(f.temp.path / "stored.keys") == 2 * sizeof(StatementKey));
  f.reopen();
  CHECK(f.stage(line_of(2) + "\n").already_stored == 1);
}

TEST_CASE("a 409 for another statement under our id is a conflict, with both versions kept") {
  Fixture f;
  f.enqueue(lines(1, 1));
  const std::string held = line_of(1, "http://adlnet.gov/expapi/verbs/failed");
  f.transport.answers = {answer(409, "conflict"), answer(200, held)};
  const SendReport report = f.send(10);
  CHECK(report.fatal.empty());
  CHECK(report.stored == 0);
  CHECK(report.already == 0);
  CHECK(report.refused.empty());
  CHECK(report.conflicts == Ids{id_of(1) + ": the LRS holds another statement with this id"});
  CHECK(f.queue->pending_count() == 0);  // settled: not sent again and again
  std::ifstream in(f.temp.path / "conflicts.jsonl");
  std::string line;
  REQUIRE(std::getline(in, line));
  const json conflict = json::parse(line);
  CHECK(conflict["id"] == id_of(1));
  CHECK(conflict["statement"] == json::parse(line_of(1)));
  CHECK(conflict["stored"] == json::parse(held));
  CHECK_FALSE(std::getline(in, line));
  f.reopen();
  CHECK(f.stage(line_of(1) + "\n").set_aside == Ids{id_of(1)});
}

TEST_CASE("after a 409, an LRS that has no statement under that id, or cannot say, is reported") {
  const std::string url = "https://lrs.example.org/xAPI/statements?statementId=" + id_of(1);
  SECTION("it has none") {
    Fixture f;
    f.enqueue(lines(1, 1));
    f.transport.answers = {answer(409, "conflict"), answer(404), answer(404)};
    const SendReport report = f.send(10);
    CHECK(report.fatal.empty());
    CHECK(report.refused == Ids{id_of(1) + ": HTTP 409: HTTP 409, yet the LRS has no statement with this id"});
    CHECK(f.queue->rejected_count() == 1);
  }
  SECTION("the fetch fails: sending stops, keeping the statement") {
    Fixture f;
    f.enqueue(lines(1, 1));
    f.transport.answers = {answer(409, "conflict"), answer(400, "statementId is not allowed")};
    const SendReport report = f.send(10);
    CHECK(report.fatal == "after a 409 for statement " + id_of(1) + ": GET " + url + ": HTTP 400: statementId is not allowed");
    CHECK(f.queue->pending_count() == 1);
  }
}

TEST_CASE("refused credentials or a wrong endpoint stop the run at once, keeping the queue") {
  struct Case {
    const char* name;
    HttpResponse answer;
    std::string fatal;
  };
  const Case cases[] = {
      {"401", answer(401, R"({"message":"Unauthorised"})"),
       "the LRS refused the credentials from test (HTTP 401: Unauthorised)"},
      {"403", answer(403, "Forbidden"), "the LRS refused the credentials from test (HTTP 403: Forbidden)"},
      {"404", answer(404, "<!DOCTYPE html><p>Cannot POST /data/xAPI/statements</p>"),
       "the LRS at https://lrs.example.org/xAPI/ answered HTTP 404 (<!DOCTYPE html><p>Cannot POST "
       "/data/xAPI/statements</p>): is the endpoint right?"},
      {"a refused connection", {0, {}, {}, "Failed to connect to lrs.example.org port 443: Connection refused", true},
       "cannot reach the LRS at https://lrs.example.org/xAPI/: Failed to connect to lrs.example.org port 443: "
       "Connection refused"},
      {"a redirect", answer(302), "the LRS at https://lrs.example.org/xAPI/ answered HTTP 302 (HTTP 302): is the endpoint right?"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    Fixture f;
    f.enqueue(lines(1, 3));
    f.transport.otherwise = c.answer;
    const SendReport report = f.send(2);
    CHECK(report.fatal == c.fatal);
    CHECK(report.stored == 0);
    CHECK(report.refused.empty());
    CHECK(f.transport.requests.size() == 1);  // no retry, no split
    CHECK(f.hooks.sleeps.empty());
    CHECK(f.queue->pending_count() == 3);
    CHECK(f.queue->rejected_count() == 0);
  }
}

TEST_CASE("an LRS that stays down stops the run after the retries, keeping what is left") {
  Fixture f;
  f.enqueue(lines(1, 4));
  f.transport.answers = {answer(200)};
  f.transport.otherwise = {0, {}, {}, "Connection reset by peer", false};
  const SendReport report = f.send(2);
  CHECK(report.stored == 2);
  CHECK(report.fatal == "the LRS at https://lrs.example.org/xAPI/ still fails after 3 attempts (Connection reset by peer)");
  CHECK(f.transport.requests.size() == 4);
  CHECK(f.hooks.notes.size() == 2);
  CHECK(f.queue->pending_count() == 2);
  f.reopen();
  f.transport.otherwise = answer(200);
  CHECK(f.send(2).stored == 2);  // the next run finishes the job
  CHECK(f.posted().back() == Ids{id_of(3), id_of(4)});
}

}  // namespace
}  // namespace coursepack::lrs
