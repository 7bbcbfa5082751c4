#include "coursepack/lrs/lrs_client.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fake_transport.h"

namespace coursepack::lrs {
namespace {

using testing::FakeTransport;
using testing::ScriptedHooks;

constexpr const char* kStatementsUrl = "https://lrs.example.org/xAPI/statements";

HttpResponse answer(int status, std::string body = {}, std::map<std::string, std::string> headers = {}) {
  return {status, std::move(headers), std::move(body), {}};
}

HttpResponse network_error(std::string error, bool permanent) { return {0, {}, {}, std::move(error), permanent}; }

std::vector<double> timeouts(const FakeTransport& transport) {
  std::vector<double> out;
  for (const auto& request : transport.requests) out.push_back(request.timeout_seconds);
  return out;
}

TEST_CASE("every request carries the xAPI version and the credentials") {
  FakeTransport transport;
  ScriptedHooks hooks;
  LrsClient client(testing::test_config(), transport, hooks.hooks());
  REQUIRE(client.post_statements({R"({"id":"a"})", R"({"id":"b"})"}).outcome == PostOutcome::stored);
  transport.answers = {answer(200, R"({"version":["1.0.3"]})"), answer(200, R"({"statements":[]})"),
                       answer(200, R"({"id":"a"})"), answer(200, R"({"statements":[]})")};
  client.about();
  client.get_statements("limit=1");
  client.get_statement("a");
  client.check_credentials();
  REQUIRE(transport.requests.size() == 5);
  const auto& post = transport.requests[0];
  CHECK(post.method == "POST");
  CHECK(post.url == kStatementsUrl);
  CHECK(post.body == R"([{"id":"a"},{"id":"b"}])");
  CHECK(post.headers.at("Content-Type") == "application/json");
  CHECK(post.timeout_seconds == 0);  // no deadline: the transport's own limit
  for (const auto& request : transport.requests) {
    INFO(request.method << " " << request.url);
    CHECK(request.headers.at("X-Experience-API-Version") == "1.0.3");
    CHECK(request.headers.at("Authorization") == "Basic a2V5OnNlY3JldA==");
  }
  CHECK(transport.requests[1].method == "GET");
  CHECK(transport.requests[1].url == "https://lrs.example.org/xAPI/about");
}

TEST_CASE("dropped connections, 5xx and 429 are retried with growing, jittered delays") {
  FakeTransport transport;
  transport.answers = {network_error("Connection reset by peer", false), answer(500, "oops"), answer(503),
                       answer(429), answer(200, "[]")};
  ScriptedHooks hooks;
  LrsClient client(testing::test_config(), transport, hooks.hooks(), {10, 1.0, 30});
  const PostResult result = client.post_statements({"{}"});
  CHECK(result.outcome == PostOutcome::stored);
  CHECK(result.status == 200);
  CHECK(result.attempts == 5);
  CHECK(transport.requests.size() == 5);
  // Equal jitter: half of 1, 2, 4, 8 seconds fixed, the other half times the chance (0.5).
  CHECK(hooks.sleeps == std::vector<double>{0.75, 1.5, 3.0, 6.0});
}

TEST_CASE("each retry is told in one line, without waiting in silence") {
  FakeTransport transport;
  transport.answers = {network_error("Connection reset by peer", false), answer(502, "Bad Gateway"),
                       answer(429, "", {{"retry-after", "3600"}}), answer(204)};
  ScriptedHooks hooks;
  hooks.chance = 0;
  LrsClient client(testing::test_config(), transport, hooks.hooks(), {10, 1.0, 30});
  CHECK(client.post_statements({"{}"}).outcome == PostOutcome::stored);
  CHECK(hooks.notes == std::vector<std::string>{
                           "https://lrs.example.org: Connection reset by peer (attempt 1 of 10); trying again in 0.5 s",
                           "https://lrs.example.org: HTTP 502 (attempt 2 of 10); trying again in 1.0 s",
                           "https://lrs.example.org: HTTP 429 (attempt 3 of 10); trying again in 300 s"});
  CHECK(hooks.sleeps == std::vector<double>{0.5, 1.0, 300});
}

TEST_CASE("Retry-After is honoured when it asks for longer, up to a cap") {
  struct Case {
    std::string retry_after;
    double cap;
    double slept;
  };
  const Case cases[] = {
      {"7", 300, 7.0},                               // longer than the backoff (0.375 s)
      {"0", 300, 0.375},                             // shorter: the backoff wins
      {"3600", 300, 300},                            // an hour: cut to the default cap
      {"3600", 60, 60},                              // a cap of one's own
      {"Wed, 21 Oct 2026 07:28:00 GMT", 300, 0.375},  // the date form is treated as absent
  };
  for (const auto& c : cases) {
    INFO("Retry-After: " << c.retry_after << ", cap " << c.cap);
    FakeTransport transport;
    transport.answers = {answer(429, "", {{"retry-after", c.retry_after}}), answer(200)};
    ScriptedHooks hooks;
    RetryPolicy policy;
    policy.max_retry_after_seconds = c.cap;
    LrsClient client(testing::test_config(), transport, hooks.hooks(), policy);
    CHECK(client.post_statements({"{}"}).outcome == PostOutcome::stored);
    CHECK(hooks.sleeps == std::vector<double>{c.slept});
  }
}

TEST_CASE("the client gives up after the last attempt and says why") {
  FakeTransport transport;
  transport.otherwise = network_error("Operation timed out after 120000 milliseconds", false);
  ScriptedHooks hooks;
  hooks.chance = 0.999;
  LrsClient client(testing::test_config(), transport, hooks.hooks(), {4, 0.5, 1.0});
  const PostResult result = client.post_statements({"{}"});
  CHECK(result.outcome == PostOutcome::gave_up);
  CHECK(result.status == 0);
  CHECK(result.attempts == 4);
  CHECK(result.message == "Operation timed out after 120000 milliseconds");
  CHECK(transport.requests.size() == 4);
  REQUIRE(hooks.sleeps.size() == 3);
  CHECK(hooks.sleeps[0] < 0.5);
  for (double s : hooks.sleeps) CHECK(s <= 1.0);  // capped
  CHECK(hooks.notes.size() == 3);
}

TEST_CASE("answers about the statements, the credentials or the endpoint are never retried") {
  struct Case {
    HttpResponse answer;
    PostOutcome outcome;
    std::string message;
  };
  const Case cases[] = {
      {answer(409, R"({"message":"abc is conflicting"})"), PostOutcome::conflict, "abc is conflicting"},
      {answer(400, R"({"warnings":["bad verb"]})"), PostOutcome::bad_request, R"(["bad verb"])"},
      {answer(400, std::string(400, 'x')), PostOutcome::bad_request, std::string(300, 'x') + "..."},
      {answer(413, "Payload Too Large"), PostOutcome::too_large, "Payload Too Large"},
      {answer(401, R"({"message":"Unauthorised"})"), PostOutcome::unauthorized, "Unauthorised"},
      {answer(403, "Forbidden"), PostOutcome::unauthorized, "Forbidden"},
      {answer(404, "Cannot POST /xAPI/statements"), PostOutcome::unreachable, "Cannot POST /xAPI/statements"},
      {answer(302), PostOutcome::other, "HTTP 302"},
      {network_error("Could not resolve host: lrs.example.org", true), PostOutcome::unreachable,
       "Could not resolve host: lrs.example.org"},
      {network_error("Failed to connect to lrs.example.org port 443: Connection refused", true),
       PostOutcome::unreachable, "Failed to connect to lrs.example.org port 443: Connection refused"},
  };
  for (const auto& c : cases) {
    FakeTransport transport;
    transport.answers = {c.answer};
    ScriptedHooks hooks;
    LrsClient client(testing::test_config(), transport, hooks.hooks());
    const PostResult result = client.post_statements({"{}"});
    INFO("HTTP " << c.answer.status << " " << c.answer.error);
    CHECK(result.outcome == c.outcome);
    CHECK(result.status == c.answer.status);
    CHECK(result.message == c.message);
    CHECK(result.attempts == 1);
    CHECK(transport.requests.size() == 1);
    CHECK(hooks.sleeps.empty());
    CHECK(hooks.notes.empty());
  }
}

TEST_CASE("the deadline stops the retries and bounds each request") {
  FakeTransport transport;
  transport.otherwise = answer(503, "Service Unavailable");
  ScriptedHooks hooks;
  hooks.chance = 0;
  RetryPolicy policy{10, 1.0, 30};
  policy.deadline_seconds = 10;
  LrsClient client(testing::test_config(), transport, hooks.hooks(), policy);
  const PostResult result = client.post_statements({"{}"});
  // Waits of 0.5, 1, 2 and 4 s fit in 10 s; the next (8 s) would end after it.
  CHECK(result.outcome == PostOutcome::gave_up);
  CHECK(result.attempts == 5);
  CHECK(result.message == "HTTP 503; the deadline of 10 s comes before the next try");
  CHECK(result.deadline);
  CHECK(hooks.sleeps == std::vector<double>{0.5, 1.0, 2.0, 4.0});
  CHECK(timeouts(transport) == std::vector<double>{10, 9.5, 8.5, 6.5, 2.5});
  CHECK(hooks.notes.size() == 4);
}

TEST_CASE("a Retry-After beyond the deadline ends the run at once") {
  FakeTransport transport;
  transport.otherwise = answer(429, "", {{"retry-after", "3600"}});
  ScriptedHooks hooks;
  RetryPolicy policy;
  policy.deadline_seconds = 60;
  LrsClient client(testing::test_config(), transport, hooks.hooks(), policy);
  const PostResult result = client.post_statements({"{}"});
  CHECK(result.outcome == PostOutcome::gave_up);
  CHECK(result.message == "HTTP 429; the deadline of 60 s comes before the next try");
  CHECK(transport.requests.size() == 1);
  CHECK(hooks.sleeps.empty());
  CHECK(hooks.notes.empty());
}

TEST_CASE("the deadline counts from the client's start: once past, no request is sent") {
  FakeTransport transport;
  ScriptedHooks hooks;
  RetryPolicy policy;
  policy.deadline_seconds = 5;
  LrsClient client(testing::test_config(), transport, hooks.hooks(), policy);
  CHECK(client.post_statements({"{}"}).outcome == PostOutcome::stored);
  hooks.clock += 3;
  CHECK(client.post_statements({"{}"}).outcome == PostOutcome::stored);
  CHECK(timeouts(transport) == std::vector<double>{5, 2});
  hooks.clock += 2.5;
  const PostResult late = client.post_statements({"{}"});
  CHECK(late.outcome == PostOutcome::gave_up);
  CHECK(late.message == "the deadline of 5.0 s has passed");
  CHECK(late.deadline);
  CHECK(late.attempts == 0);
  CHECK(transport.requests.size() == 2);
}

TEST_CASE("about lists the versions the LRS speaks") {
  FakeTransport transport;
  transport.answers = {answer(200, R"({"version":["1.0.3","1.0.2"]})"), answer(200, R"({"versions":"1.0.3"})")};
  ScriptedHooks hooks;
  LrsClient client(testing::test_config(), transport, hooks.hooks());
  const AboutResult about = client.about();
  CHECK(about.error.empty());
  CHECK(about.versions == std::vector<std::string>{"1.0.3", "1.0.2"});
  CHECK(transport.requests[0].url == "https://lrs.example.org/xAPI/about");
  CHECK(client.about().error == "GET https://lrs.example.org/xAPI/about: the answer has no version list");
}

TEST_CASE("check_credentials makes an authenticated read") {
  struct Case {
    HttpResponse answer;
    bool accepted;
    bool can_read;
    std::string error;
  };
  const Case cases[] = {
      {answer(200, R"({"statements":[],"more":""})"), true, true, ""},
      {answer(403, "Forbidden"), true, false, ""},  // a key that may only write
      {answer(401, "Unauthorized"), false, false, "the LRS refused the credentials from test (HTTP 401)"},
      {answer(404, "Not Found"), false, false,
       "GET https://lrs.example.org/xAPI/statements?limit=1: HTTP 404: Not Found"},
      {network_error("Could not resolve host: lrs.example.org", true), false, false,
       "GET https://lrs.example.org/xAPI/statements?limit=1: Could not resolve host: lrs.example.org"},
  };
  for (const auto& c : cases) {
    INFO("HTTP " << c.answer.status);
    FakeTransport transport;
    transport.answers = {c.answer};
    ScriptedHooks hooks;
    LrsClient client(testing::test_config(), transport, hooks.hooks());
    const CredentialsCheck check = client.check_credentials();
    CHECK(check.accepted == c.accepted);
    CHECK(check.can_read == c.can_read);
    CHECK(check.error == c.error);
    REQUIRE(transport.requests.size() == 1);
    CHECK(transport.requests[0].url == "https://lrs.example.org/xAPI/statements?limit=1");
    CHECK(transport.requests[0].headers.at("Authorization") == "Basic a2V5OnNlY3JldA==");
  }
}

TEST_CASE("pages follow a relative `more`, re-encoding what the LRS left unencoded") {
  FakeTransport transport;
  transport.answers = {
      answer(200, R"({"statements":[{"id":"1"},{"id":"2"}],"more":"/xAPI/statements?limit=2&since=2026-11-28T10:00:00+01:00&cursor=ab cd"})"),
      answer(200, R"({"statements":[{"id":"3"}],"more":""})")};
  ScriptedHooks hooks;
  LrsClient client(testing::test_config(), transport, hooks.hooks());
  const PageResult first = client.get_statements("limit=2");
  CHECK(first.error.empty());
  CHECK(first.statements == std::vector<std::string>{R"({"id":"1"})", R"({"id":"2"})"});
  CHECK(transport.requests[0].url == "https://lrs.example.org/xAPI/statements?limit=2");
  const PageResult second = client.get_statements(first.more);
  CHECK(second.error.empty());
  CHECK(transport.requests[1].url ==
        "https://lrs.example.org/xAPI/statements?limit=2&since=2026-11-28T10%3A00%3A00%2B01%3A00&cursor=ab%20cd");
  CHECK(second.statements == std::vector<std::string>{R"({"id":"3"})"});
  CHECK(second.more.empty());
}

TEST_CASE("an absolute `more` on the endpoint's origin is followed") {
  const std::vector<std::string> same_origin = {"https://lrs.example.org/xAPI/statements?cursor=2",
                                                "HTTPS://LRS.example.org:443/xAPI/statements?cursor=2"};
  for (const auto& more : same_origin) {
    INFO(more);
    FakeTransport transport;
    transport.answers = {answer(200, R"({"statements":[{"id":"3"}]})")};
    ScriptedHooks hooks;
    LrsClient client(testing::test_config(), transport, hooks.hooks());
    const PageResult page = client.get_statements(more);
    CHECK(page.error.empty());
    CHECK(page.statements.size() == 1);
    REQUIRE(transport.requests.size() == 1);
    CHECK(transport.requests[0].url == more);
  }
}

TEST_CASE("an absolute `more` on another origin is refused: the credentials never go there") {
  struct Case {
    std::string more;
    std::string error;
  };
  const std::string tail = ", not to https://lrs.example.org: not followed (the credentials would go there)";
  const Case cases[] = {
      {"http://127.0.0.1:18091/collect", "the LRS's next-page link leads to http://127.0.0.1:18091" + tail},
      {"https://lrs.example.org.evil.example/xAPI/statements?cursor=2",
       "the LRS's next-page link leads to https://lrs.example.org.evil.example" + tail},
      {"https://lrs.example.org@evil.example/xAPI/statements",
       "the LRS's next-page link leads to https://evil.example" + tail},
      {"http://lrs.example.org/xAPI/statements?cursor=2", "the LRS's next-page link leads to http://lrs.example.org" + tail},
      {"https://lrs.example.org:8443/xAPI/statements", "the LRS's next-page link leads to https://lrs.example.org:8443" + tail},
      {"ftp://lrs.example.org/statements", "the LRS's next-page link leads to \"ftp://lrs.example.org/statements\"" + tail},
  };
  for (const auto& c : cases) {
    INFO(c.more);
    FakeTransport transport;
    transport.answers = {answer(200, R"({"statements":[{"id":"1"}],"more":")" + c.more + R"("})")};
    ScriptedHooks hooks;
    LrsClient client(testing::test_config(), transport, hooks.hooks());
    const PageResult first = client.get_statements("limit=1");
    REQUIRE(first.error.empty());
    CHECK(first.more == c.more);
    const PageResult next = client.get_statements(first.more);
    CHECK(next.error == c.error);
    CHECK(next.statements.empty());
    CHECK(transport.requests.size() == 1);  // the first page only
  }
}

TEST_CASE("a page that is not a StatementResult is an error") {
  FakeTransport transport;
  transport.answers = {answer(200, R"([{"id":"1"}])"), answer(400, R"({"message":"limit must be a number"})")};
  ScriptedHooks hooks;
  LrsClient client(testing::test_config(), transport, hooks.hooks());
  CHECK(client.get_statements("limit=2").error ==
        "GET https://lrs.example.org/xAPI/statements?limit=2: the answer is not a StatementResult");
  CHECK(client.get_statements("limit=x").error ==
        "GET https://lrs.example.org/xAPI/statements?limit=x: HTTP 400: limit must be a number");
}

TEST_CASE("get_statement looks under statementId, then voidedStatementId") {
  const std::string id = "6690e6c9-3ef0-4ed3-8b37-7f3964730bee";
  const std::string by_id = std::string(kStatementsUrl) + "?statementId=" + id;
  const std::string by_voided = std::string(kStatementsUrl) + "?voidedStatementId=" + id;
  struct Case {
    std::string name;
    std::vector<HttpResponse> answers;
    std::vector<std::string> urls;
    int status;
    std::string statement;
    std::string error;
  };
  const Case cases[] = {
      {"held", {answer(200, R"({"verb":{"id":"v"}, "id":")" + id + R"("})")}, {by_id}, 200,
       R"({"id":")" + id + R"(","verb":{"id":"v"}})", ""},
      {"voided", {answer(404), answer(200, R"({"id":")" + id + R"("})")}, {by_id, by_voided}, 200,
       R"({"id":")" + id + R"("})", ""},
      {"unknown", {answer(404), answer(404)}, {by_id, by_voided}, 404, "", ""},
      {"refused", {answer(400, "bad id")}, {by_id}, 400, "", "GET " + by_id + ": HTTP 400: bad id"},
      {"not a statement", {answer(200, "[]")}, {by_id}, 0, "", "GET " + by_id + ": the answer is not a statement"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    FakeTransport transport;
    transport.answers.assign(c.answers.begin(), c.answers.end());
    ScriptedHooks hooks;
    LrsClient client(testing::test_config(), transport, hooks.hooks());
    const FetchResult result = client.get_statement(id);
    CHECK(result.status == c.status);
    CHECK(result.statement == c.statement);
    CHECK(result.error == c.error);
    std::vector<std::string> urls;
    for (const auto& request : transport.requests) urls.push_back(request.url);
    CHECK(urls == c.urls);
  }
}

TEST_CASE("no message shows credentials written into the endpoint") {
  FakeTransport transport;
  transport.answers = {answer(404, "Not Found"), answer(400, "bad query"), network_error("Connection reset", false),
                       answer(500, "oops")};
  transport.otherwise = network_error("Connection reset", false);
  ScriptedHooks hooks;
  hooks.chance = 0;
  LrsConfig config = testing::test_config();
  config.endpoint = "https://key:s3cret@lrs.example.org/xAPI/";
  LrsClient client(config, transport, hooks.hooks(), {3, 1.0, 30});
  CHECK(client.endpoint_for_messages() == "https://lrs.example.org/xAPI/");
  CHECK(client.about().error == "GET https://lrs.example.org/xAPI/about: HTTP 404: Not Found");
  CHECK(client.get_statements("limit=1").error == "GET https://lrs.example.org/xAPI/statements?limit=1: HTTP 400: bad query");
  CHECK(client.get_statements("http://elsewhere.example/x").error ==
        "the LRS's next-page link leads to http://elsewhere.example, not to https://lrs.example.org: not followed (the "
        "credentials would go there)");
  CHECK(client.check_credentials().error ==
        "GET https://lrs.example.org/xAPI/statements?limit=1: Connection reset");
  CHECK(hooks.notes == std::vector<std::string>{
                           "https://lrs.example.org: Connection reset (attempt 1 of 3); trying again in 0.5 s",
                           "https://lrs.example.org: HTTP 500 (attempt 2 of 3); trying again in 1.0 s"});
}

TEST_CASE("URL encoding keeps unreserved characters and a literal plus") {
  CHECK(url_encode("a-b_c.d~e f/g+h") == "a-b_c.d~e%20f%2Fg%2Bh");
  CHECK(url_encode("é") == "%C3%A9");
  CHECK(url_decode("a%20b+c%2B") == "a b+c+");
  CHECK(url_decode("100%") == "100%");
  CHECK(url_decode("%zz%4") == "%zz%4");
}

}  // namespace
}  // namespace coursepack::lrs
