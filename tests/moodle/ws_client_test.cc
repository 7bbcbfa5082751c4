#include "coursepack/moodle/ws_client.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "../temp_folder.h"
#include "fixture_transport.h"

using namespace coursepack;
using namespace coursepack::moodle;
using coursepack::moodle::testing::FixtureTransport;
using coursepack::moodle::testing::read_fixture;

namespace {

constexpr const char* kToken = "0123456789abcdef0123456789abcdef";
MoodleConfig config() { return {"http://127.0.0.1:8088", kToken, "test"}; }

}  // namespace

TEST_CASE("form_encode writes Moodle's array parameters and escapes the rest") {
  CHECK(form_encode({{"wsfunction", "mod_scorm_get_scorms_by_courses"}, {"courseids[0]", "3"}}) ==
        "wsfunction=mod_scorm_get_scorms_by_courses&courseids%5B0%5D=3");
  CHECK(form_encode({{"value", "a b&c=d/é"}}) == "value=a%20b%26c%3Dd%2F%C3%A9");
}

TEST_CASE("a call is a POST of the form to the REST server, the token in the body only") {
  FixtureTransport transport;
  WsClient client(config(), transport);
  const WsResult result = client.call("mod_scorm_get_scorms_by_courses", {{"courseids[0]", "3"}});
  REQUIRE(result.error.empty());
  CHECK(result.value["scorms"].size() == 6);
  REQUIRE(transport.requests.size() == 1);
  const auto& request = transport.requests[0];
  CHECK(request.method == "POST");
  CHECK(request.url == "http://127.0.0.1:8088/webservice/rest/server.php?moodlewsrestformat=json");
  CHECK(request.url.find(kToken) == std::string::npos);
  CHECK(request.headers.at("Content-Type") == "application/x-www-form-urlencoded");
  CHECK(request.body == std::string("wstoken=") + kToken +
                            "&wsfunction=mod_scorm_get_scorms_by_courses&courseids%5B0%5D=3");
}

TEST_CASE("Moodle's errors, all with HTTP 200, become one line naming the function") {
  struct Case {
    const char* fixture;
    const char* function;
    const char* message;
  };
  const Case cases[] = {
      {"error.invalid-token.core_webservice_get_site_info.json", "core_webservice_get_site_info",
       "core_webservice_get_site_info(): Moodle refused the token (invalidtoken: Invalid token - token not found); "
       "check COURSEPACK_MOODLE_TOKEN or the config file, and that the token is not expired"},
      {"error.missing-capability.mod_scorm_get_scorm_sco_tracks.scoid-95.userid-3.attempt-1.json",
       "mod_scorm_get_scorm_sco_tracks",
       "mod_scorm_get_scorm_sco_tracks(): a capability is missing (nopermissions: Sorry, but you do not currently "
       "have permissions to do that (View reports).); give the token's user the role described in docs/moodle.md"},
      {"error.function-not-in-service.mod_scorm_launch_sco.scormid-47.json", "mod_scorm_launch_sco",
       "mod_scorm_launch_sco(): the function is not in the token's web service (accessexception: Access control "
       "exception); add it to the service (docs/moodle.md)"},
      {"error.unknown-function.no_such_function.json", "no_such_function",
       "no_such_function(): this Moodle has no such web-service function (Can't find data record in database table "
       "external_functions.); coursepack needs Moodle 3.0 or later"},
      {"error.nonexistent-sco.mod_scorm_get_scorm_sco_tracks.scoid-999999.userid-3.attempt-1.json",
       "mod_scorm_get_scorm_sco_tracks", "mod_scorm_get_scorm_sco_tracks(): Moodle error cannotfindsco: Could not find SCO"},
  };
  for (const auto& c : cases) {
    FixtureTransport transport;
    transport.by_function[c.function] = {200, {}, read_fixture(c.fixture), {}};
    WsClient client(config(), transport);
    const WsResult result = client.call(c.function, {});
    CHECK(result.error == c.message);
  }
}

TEST_CASE("a site that is not Moodle, a timeout and a partial answer are clear errors") {
  FixtureTransport transport;
  WsClient client(config(), transport);
  SECTION("HTML") {
    transport.by_function["core_webservice_get_site_info"] = {200, {}, "<!DOCTYPE html><html></html>", {}};
    CHECK(client.call("core_webservice_get_site_info", {}).error ==
          "core_webservice_get_site_info(): the answer is an HTML page, not JSON: http://127.0.0.1:8088 is not a "
          "Moodle site, or its REST web service is not enabled");
  }
  SECTION("not JSON") {
    transport.by_function["core_webservice_get_site_info"] = {200, {}, "OK", {}};
    CHECK(client.call("core_webservice_get_site_info", {}).error ==
          "core_webservice_get_site_info(): the answer is not JSON: http://127.0.0.1:8088 is not a Moodle web service");
  }
  SECTION("HTTP 404") {
    transport.by_function["core_webservice_get_site_info"] = {404, {}, "<html>", {}};
    CHECK(client.call("core_webservice_get_site_info", {}).error ==
          "core_webservice_get_site_info(): http://127.0.0.1:8088/webservice/rest/server.php answered HTTP 404: not "
          "Moodle's REST web service (is it enabled? Site administration > Server > Web services)");
  }
  SECTION("cut short") {
    const std::string whole = read_fixture("mod_scorm_get_scorm_sco_tracks.scoid-95.userid-3.attempt-1.json");
    transport.by_function["mod_scorm_get_scorm_sco_tracks"] = {200, {}, whole.substr(0, 1000), {}};
    CHECK(client.call("mod_scorm_get_scorm_sco_tracks", {{"scoid", "95"}}).error ==
          "mod_scorm_get_scorm_sco_tracks(scoid=95): the answer is cut short or damaged (1000 bytes of JSON that do "
          "not parse): a partial answer; nothing was synced");
  }
  SECTION("timeout") {
    transport.by_function["core_webservice_get_site_info"] = {0, {}, "", "Timeout was reached"};
    CHECK(client.call("core_webservice_get_site_info", {}).error ==
          "core_webservice_get_site_info(): no answer from http://127.0.0.1:8088/webservice/rest/server.php: Timeout "
          "was reached");
  }
  SECTION("the token never shows, even when an answer echoes it") {
    transport.by_function["core_webservice_get_site_info"] = {0, {}, "", std::string("proxy refused wstoken=") + kToken};
    const std::string error = client.call("core_webservice_get_site_info", {}).error;
    CHECK(error.find(kToken) == std::string::npos);
    CHECK(error.find("[token]") != std::string::npos);
  }
}

TEST_CASE("the site and token come from the environment or a private file") {
  SECTION("environment") {
    const auto result = load_moodle_config("", {{"COURSEPACK_MOODLE_URL", "https://moodle.example.org/"},
                                                {"COURSEPACK_MOODLE_TOKEN", "abc"}});
    REQUIRE(result.config);
    CHECK(result.config->site == "https://moodle.example.org");
    CHECK(result.config->token == "abc");
  }
  SECTION("no token") {
    CHECK(load_moodle_config("", {{"COURSEPACK_MOODLE_URL", "https://moodle.example.org"}}).error ==
          "the environment (COURSEPACK_MOODLE_URL): the Moodle web-service token is missing");
  }
  SECTION("userinfo or a query is refused") {
    CHECK(load_moodle_config("", {{"COURSEPACK_MOODLE_URL", "https://u:p@moodle.example.org"},
                                  {"COURSEPACK_MOODLE_TOKEN", "abc"}})
              .error == "the environment (COURSEPACK_MOODLE_URL): the Moodle URL must not hold a user name or password");
    CHECK(load_moodle_config("", {{"COURSEPACK_MOODLE_URL", "https://moodle.example.org/?wstoken=abc"},
                                  {"COURSEPACK_MOODLE_TOKEN", "abc"}})
              .error == "the environment (COURSEPACK_MOODLE_URL): \"https://moodle.example.org/...\": give the site's "
                        "address without a query or fragment");
  }
  SECTION("a file others may read is refused; a private one is read") {
    coursepack::testing::TempFolder folder("moodle-config", true);
    const std::string path = (folder.path / "moodle.json").string();
    std::ofstream(path) << R"({"url": "https://moodle.example.org", "token": "abc"})";
    ::chmod(path.c_str(), 0644);
    CHECK(load_moodle_config(path, {}).error ==
          path + ": other users of this machine may read or change it (mode 644); it holds the Moodle token: chmod 600 " + path);
    ::chmod(path.c_str(), 0600);
    const auto result = load_moodle_config(path, {{"COURSEPACK_MOODLE_URL", "https://other.example.org"}});
    REQUIRE(result.config);
    CHECK(result.config->site == "https://moodle.example.org");
  }
  SECTION("the default file") {
    coursepack::testing::TempFolder folder("moodle-config", true);
    CHECK(load_moodle_config("", {{"XDG_CONFIG_HOME", folder.path.string()}}).error ==
          "no Moodle site configured: set COURSEPACK_MOODLE_URL and COURSEPACK_MOODLE_TOKEN, or write " +
              folder.path.string() + "/coursepack/moodle.json (chmod 600)");
  }
}
