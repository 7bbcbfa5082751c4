#include "coursepack/lrs/statement_sender.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "../temp_folder.h"

#include "fake_transport.h"

namespace coursepack::lrs {
namespace {
namespace fs = std::filesystem;

const char* kStatement = R"({"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"https://example.org/x"}})";

TEST_CASE("statements without an id get one derived from the input, the same every time") {
  const std::string input = std::string(kStatement) + "\n\n" + kStatement + "\n";
  const ParsedStatements first = parse_statements(input, "in.jsonl");
  const ParsedStatements again = parse_statements(input, "in.jsonl");
  REQUIRE(first.diagnostics.empty());
  REQUIRE(first.statements.size() == 2);
  CHECK(first.statements[0].id != first.statements[1].id);
  CHECK(first.statements[0].id == again.statements[0].id);
  CHECK(first.digest == again.digest);
  CHECK(first.statements[0].id.size() == 36);
  CHECK(first.statements[0].id[14] == '8');  // RFC 9562 version 8
  CHECK(nlohmann::json::parse(first.statements[0].json)["id"] == first.statements[0].id);
  CHECK(parse_statements(input + kStatement, "in.jsonl").digest != first.digest);
}

TEST_CASE("a JSON array works too, and bad input is located") {
  const std::string array = std::string("[") + kStatement + ",\n " + R"({"id":"nope"})" + ",\n 3]";
  const ParsedStatements parsed = parse_statements(array, "in.json");
  std::vector<std::string> messages;
  for (const auto& d : parsed.diagnostics) messages.push_back(d.to_string());
  CHECK(messages == std::vector<std::string>{"in.json:2:2: /1/id: a statement id must be a UUID",
                                             "in.json:3:2: /2: a statement must be a JSON object"});
  const ParsedStatements lines = parse_statements(std::string(kStatement) + "\n{oops\n", "in.jsonl");
  REQUIRE(lines.diagnostics.size() == 1);
  CHECK(lines.diagnostics[0].to_string() == "in.jsonl:2:1: /1: not a JSON statement");
}

struct Fixture {
  coursepack::testing::TempFolder temp{"sender"};
  testing::FakeTransport transport;
  std::unique_ptr<StatementQueue> queue;
  std::unique_ptr<LrsClient> client;
  Fixture() {
    queue = StatementQueue::open(temp.path).queue;
    client = std::make_unique<LrsClient>(testing::test_config(), transport,
                                         ClientHooks{[](double) {}, [] { return 0.0; }}, RetryPolicy{3, 0.01, 0.01});
  }
  void enqueue(int count) {
    std::string input;
    for (int i = 0; i < count; ++i)
      input += R"({"id":"00000000-0000-4000-8000-)" + std::string(11, '0') + std::to_string(i) + R"(","verb":{"id":"v"}})" + "\n";
    REQUIRE(queue->enqueue(parse_statements(input, "x").statements, "x").empty());
  }
  std::size_t statements_in(std::size_t request) {
    return nlohmann::json::parse(transport.requests[request].body).size();
  }
};

TEST_CASE("batches go out in order and are confirmed as the LRS stores them") {
  Fixture f;
  f.enqueue(7);
  const SendReport report = send_pending(*f.queue, *f.client, 3, {});
  CHECK(report.fatal.empty());
  CHECK(report.stored == 7);
  REQUIRE(f.transport.requests.size() == 3);
  CHECK(f.statements_in(0) == 3);
  CHECK(f.statements_in(2) == 1);
  CHECK(f.queue->pending().empty());
}

TEST_CASE("a refused batch is split until the statement at fault is found; the rest is stored") {
  Fixture f;
  f.enqueue(4);
  // The batch of 4 and then the half holding statement 2 are refused; each single
  // statement is then tried alone.
  f.transport.answers = {{409, {}, R"({"message":"conflict on 2"})", {}},  // [0,1,2,3]
                         {200, {}, "[]", {}},                               // [0,1]
                         {409, {}, R"({"message":"conflict on 2"})", {}},  // [2,3]
                         {409, {}, R"({"message":"00000000-0000-4000-8000-000000000002 is conflicting"})", {}},  // [2]
                         {200, {}, "[]", {}}};                              // [3]
  const SendReport report = send_pending(*f.queue, *f.client, 10, {});
  CHECK(report.fatal.empty());
  CHECK(report.stored == 3);
  REQUIRE(report.refused.size() == 1);
  CHECK(report.refused[0] ==
        "statement 00000000-0000-4000-8000-000000000002: HTTP 409 conflict: 00000000-0000-4000-8000-000000000002 is "
        "conflicting\n  {\"id\":\"00000000-0000-4000-8000-000000000002\",\"verb\":{\"id\":\"v\"}}");
  CHECK(f.transport.requests.size() == 5);
  CHECK(f.queue->pending().empty());
}

TEST_CASE("an answer about the endpoint, not the statements, stops the run and keeps the queue") {
  Fixture f;
  f.enqueue(3);
  f.transport.otherwise = {404, {}, "<!DOCTYPE html><p>Cannot POST /data/xAPI/statements</p>", {}};
  const SendReport report = send_pending(*f.queue, *f.client, 10, {});
  CHECK(report.fatal ==
        "the LRS at https://lrs.example.org/xAPI/ answered HTTP 404 (<!DOCTYPE html><p>Cannot POST "
        "/data/xAPI/statements</p>): is the endpoint right?");
  CHECK(report.refused.empty());
  CHECK(f.queue->pending().size() == 3);
  CHECK(f.transport.requests.size() == 1);
}

TEST_CASE("a batch too large for the LRS (413) is split") {
  Fixture f;
  f.enqueue(4);
  f.transport.answers = {{413, {}, "Payload Too Large", {}}};
  const SendReport report = send_pending(*f.queue, *f.client, 4, {});
  CHECK(report.fatal.empty());
  CHECK(report.stored == 4);
  CHECK(f.transport.requests.size() == 3);  // 4, then 2 and 2
}

TEST_CASE("refused credentials stop the run and keep the queue") {
  Fixture f;
  f.enqueue(3);
  f.transport.otherwise = {401, {}, R"({"message":"Unauthorised"})", {}};
  const SendReport report = send_pending(*f.queue, *f.client, 2, {});
  CHECK(report.fatal == "the LRS refused the credentials from test (HTTP 401: Unauthorised)");
  CHECK(report.stored == 0);
  CHECK(f.queue->pending().size() == 3);
  CHECK(f.transport.requests.size() == 1);
}

TEST_CASE("an LRS that stays down stops the run after the retries, keeping what is left") {
  Fixture f;
  f.enqueue(4);
  f.transport.answers = {{200, {}, "[]", {}}};
  f.transport.otherwise = {0, {}, "", "Connection refused"};
  const SendReport report = send_pending(*f.queue, *f.client, 2, {});
  CHECK(report.stored == 2);
  CHECK(report.fatal == "the LRS at https://lrs.example.org/xAPI/ still fails after 3 attempts (Connection refused)");
  CHECK(f.queue->pending().size() == 2);
}

}  // namespace
}  // namespace coursepack::lrs
