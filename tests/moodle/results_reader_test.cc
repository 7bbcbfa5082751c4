#include "coursepack/moodle/results_reader.h"

#include <catch2/catch.hpp>

#include "fixture_transport.h"

using namespace coursepack::moodle;
using coursepack::moodle::testing::FixtureTransport;
using coursepack::moodle::testing::read_fixture;

namespace {
MoodleConfig config() { return {"http://127.0.0.1:8088", "0123456789abcdef0123456789abcdef", "test"}; }
}  // namespace

TEST_CASE("the recorded course is read: activities, SCOs, users, every attempt's tracks") {
  FixtureTransport transport;
  WsClient client(config(), transport);
  const ReadResult read = read_results(client, {3});
  REQUIRE(read.error.empty());
  const SiteResults& r = read.results;
  CHECK(r.site == "http://127.0.0.1:8088");
  CHECK(r.release == "4.5.6 (Build: 20250811)");
  REQUIRE(r.users.size() == 1);
  CHECK(r.users[0].id == 3);
  CHECK(r.users[0].email.empty());  // not shown to a system-role reporter
  REQUIRE(r.activities.size() == 6);
  const ScormActivity& first = r.activities[0];
  CHECK(first.id == 32);
  CHECK(first.cmid == 34);
  CHECK(first.manifest == "MANIFEST-sets-1-1-1-fr");
  CHECK(first.reference == "sets-1_1-1_fr_scorm12.zip");
  REQUIRE(first.scoes.size() == 1);  // the organization row is not a SCO
  CHECK(first.scoes[0].id == 64);
  CHECK(first.scoes[0].identifier == "ITEM-1-1");
  CHECK(first.scoes[0].mastery_score == "80");
  // 32: 1, 37: 2, 38: 2, 40: 1, 47: 1, 49: 1.
  CHECK(r.attempts.size() == 8);
  CHECK(track_value(r.attempts[0].tracks, "score_raw") == "");
  CHECK(track_value(r.attempts[0].tracks, "cmi.core.lesson_location") == "pretest");
  CHECK(track_value(r.attempts.back().tracks, "score_raw") == "60");
  CHECK(track_value(r.attempts.back().tracks, "userid") == "3");
}

TEST_CASE("a course without SCORM activity reads nothing more") {
  FixtureTransport transport;
  WsClient client(config(), transport);
  const ReadResult read = read_results(client, {5});
  REQUIRE(read.error.empty());
  CHECK(read.results.activities.empty());
  CHECK(transport.requests.size() == 2);  // site info, activities
}

TEST_CASE("a course the token cannot see is a note, not an error") {
  FixtureTransport transport;
  transport.files["wsfunction=mod_scorm_get_scorms_by_courses&courseids%5B0%5D=999999"] =
      "error.nonexistent-course.mod_scorm_get_scorms_by_courses.courseids-999999.json";
  WsClient client(config(), transport);
  const ReadResult read = read_results(client, {999999});
  REQUIRE(read.error.empty());
  CHECK(read.results.notes == std::vector<std::string>{
                                  "mod_scorm_get_scorms_by_courses: course 999999: No access rights in course context"});
}

TEST_CASE("the first error stops the read and names the call") {
  FixtureTransport transport;
  transport.by_function["mod_scorm_get_scorm_sco_tracks"] = {
      200, {}, read_fixture("error.missing-capability.mod_scorm_get_scorm_sco_tracks.scoid-95.userid-3.attempt-1.json"), {}};
  WsClient client(config(), transport);
  const ReadResult read = read_results(client, {3});
  CHECK(read.error ==
        "mod_scorm_get_scorm_sco_tracks(scoid=64, userid=3, attempt=1): a capability is missing (nopermissions: Sorry, "
        "but you do not currently have permissions to do that (View reports).); give the token's user the role "
        "described in docs/moodle.md");
}

TEST_CASE("a service without a needed function is said at once, with every function missing") {
  FixtureTransport transport;
  auto info = nlohmann::json::parse(read_fixture("core_webservice_get_site_info.json"));
  auto& functions = info["functions"];
  functions.erase(std::remove_if(functions.begin(), functions.end(),
                                 [](const nlohmann::json& f) {
                                   return f["name"] == "mod_scorm_get_scorm_sco_tracks" || f["name"] == "core_course_get_courses";
                                 }),
                  functions.end());
  transport.by_function["core_webservice_get_site_info"] = {200, {}, info.dump(), {}};
  WsClient client(config(), transport);
  CHECK(read_results(client, {3}).error ==
        "core_webservice_get_site_info: the token's web service lacks core_course_get_courses, "
        "mod_scorm_get_scorm_sco_tracks: add them to the service (docs/moodle.md)");
  CHECK(transport.requests.size() == 1);
}
