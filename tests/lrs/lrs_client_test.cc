#include "coursepack/lrs/lrs_client.h"

#include <catch2/catch.hpp>

#include "fake_transport.h"

namespace coursepack::lrs {
namespace {

using testing::FakeTransport;

struct Recorder {
  std::vector<double> sleeps;
  double chance = 0.5;
  ClientHooks hooks() {
    return {[this](double s) { sleeps.push_back(s); }, [this] { return chance; }};
  }
};

TEST_CASE("every request carries the xAPI version and the credentials") {
  FakeTransport transport;
  Recorder recorder;
  LrsClient client(testing::test_config(), transport, recorder.hooks());
  REQUIRE(client.post_statements({R"({"id":"a"})", R"({"id":"b"})"}).outcome == PostOutcome::stored);
  REQUIRE(transport.requests.size() == 1);
  const auto& request = transport.requests[0];
  CHECK(request.method == "POST");
  CHECK(request.url == "https://lrs.example.org/xAPI/statements");
  CHECK(request.body == R"([{"id":"a"},{"id":"b"}])");
  CHECK(request.headers.at("X-Experience-API-Version") == "1.0.3");
  CHECK(request.headers.at("Authorization") == "Basic a2V5OnNlY3JldA==");
  CHECK(request.headers.at("Content-Type") == "application/json");
}

TEST_CASE("network errors, 5xx and 429 are retried with growing, jittered delays") {
  FakeTransport transport;
  transport.answers = {{0, {}, "", "Connection reset by peer"}, {500, {}, "oops", {}}, {503, {}, "", {}},
                       {429, {}, "", {}}, {200, {}, "[]", {}}};
  Recorder recorder;
  LrsClient client(testing::test_config(), transport, recorder.hooks(), {10, 1.0, 30});
  const PostResult result = client.post_statements({"{}"});
  CHECK(result.outcome == PostOutcome::stored);
  CHECK(result.attempts == 5);
  // Equal jitter: half of 1, 2, 4, 8 seconds fixed, the other half times the chance (0.5).
  CHECK(recorder.sleeps == std::vector<double>{0.75, 1.5, 3.0, 6.0});
}

TEST_CASE("Retry-After is honoured when it asks for longer") {
  FakeTransport transport;
  transport.answers = {{429, {{"retry-after", "7"}}, "", {}}, {200, {}, "[]", {}}};
  Recorder recorder;
  LrsClient client(testing::test_config(), transport, recorder.hooks());
  CHECK(client.post_statements({"{}"}).outcome == PostOutcome::stored);
  CHECK(recorder.sleeps == std::vector<double>{7.0});
}

TEST_CASE("the client gives up after the last attempt and says why") {
  FakeTransport transport;
  transport.otherwise = {0, {}, "", "Couldn't connect to server"};
  Recorder recorder;
  recorder.chance = 0.999;
  LrsClient client(testing::test_config(), transport, recorder.hooks(), {4, 0.5, 1.0});
  const PostResult result = client.post_statements({"{}"});
  CHECK(result.outcome == PostOutcome::gave_up);
  CHECK(result.attempts == 4);
  CHECK(result.message == "Couldn't connect to server");
  CHECK(recorder.sleeps.size() == 3);
  for (double s : recorder.sleeps) CHECK(s <= 1.0);  // capped
}

TEST_CASE("409, 400 and 401 are answers: never retried") {
  struct Case {
    HttpResponse answer;
    PostOutcome outcome;
    std::string message;
  };
  const Case cases[] = {
      {{409, {}, R"({"message":"abc is conflicting"})", {}}, PostOutcome::conflict, "abc is conflicting"},
      {{400, {}, R"({"warnings":["bad verb"]})", {}}, PostOutcome::bad_request, R"(["bad verb"])"},
      {{401, {}, R"({"message":"Unauthorised"})", {}}, PostOutcome::unauthorized, "Unauthorised"},
      {{403, {}, "Forbidden", {}}, PostOutcome::unauthorized, "Forbidden"},
  };
  for (const auto& c : cases) {
    FakeTransport transport;
    transport.answers = {c.answer};
    Recorder recorder;
    LrsClient client(testing::test_config(), transport, recorder.hooks());
    const PostResult result = client.post_statements({"{}"});
    INFO(c.answer.status);
    CHECK(result.outcome == c.outcome);
    CHECK(result.message == c.message);
    CHECK(transport.requests.size() == 1);
    CHECK(recorder.sleeps.empty());
  }
}

TEST_CASE("about lists the versions the LRS speaks") {
  FakeTransport transport;
  transport.answers = {{200, {}, R"({"version":["1.0.3","1.0.2"]})", {}}};
  Recorder recorder;
  LrsClient client(testing::test_config(), transport, recorder.hooks());
  const AboutResult about = client.about();
  CHECK(about.error.empty());
  CHECK(about.versions == std::vector<std::string>{"1.0.3", "1.0.2"});
  CHECK(transport.requests[0].url == "https://lrs.example.org/xAPI/about");
}

TEST_CASE("pages follow `more`, re-encoding what the LRS left unencoded") {
  FakeTransport transport;
  transport.answers = {
      {200, {}, R"({"statements":[{"id":"1"},{"id":"2"}],"more":"/xAPI/statements?limit=2&since=2026-11-28T10:00:00+01:00&cursor=ab cd"})", {}},
      {200, {}, R"({"statements":[{"id":"3"}],"more":""})", {}}};
  Recorder recorder;
  LrsClient client(testing::test_config(), transport, recorder.hooks());
  const PageResult first = client.get_statements("limit=2");
  CHECK(first.statements == std::vector<std::string>{R"({"id":"1"})", R"({"id":"2"})"});
  CHECK(transport.requests[0].url == "https://lrs.example.org/xAPI/statements?limit=2");
  const PageResult second = client.get_statements(first.more);
  CHECK(transport.requests[1].url ==
        "https://lrs.example.org/xAPI/statements?limit=2&since=2026-11-28T10%3A00%3A00%2B01%3A00&cursor=ab%20cd");
  CHECK(second.statements.size() == 1);
  CHECK(second.more.empty());
}

TEST_CASE("URL encoding keeps unreserved characters and a literal plus") {
  CHECK(url_encode("a-b_c.d~e f/g+h") == "a-b_c.d~e%20f%2Fg%2Bh");
  CHECK(url_decode("a%20b+c%2B") == "a b+c+");
  CHECK(url_decode("100%") == "100%");
}

}  // namespace
}  // namespace coursepack::lrs
