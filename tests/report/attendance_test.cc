#include "coursepack/report/attendance.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace coursepack::report {
namespace {

Course course_with_sessions() {
  Course course;
  course.id = "sets-2";
  course.iri = "https://sets.example.org/xapi/sets-2";
  course.languages = {"fr", "en"};
  for (const char* id : {"launch", "midpoint", "final"}) {
    LiveSession session;
    session.id = id;
    session.title = {{"en", std::string("Session ") + id}, {"fr", std::string("Séance ") + id}};
    course.live_sessions.push_back(session);
  }
  return course;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.to_string());
  return out;
}

TEST_CASE("a trainer's list: ';' or ',', a byte order mark, e-mails and accounts, repeats merged") {
  const Course course = course_with_sessions();
  AttendanceOptions options;
  options.account_home = "https://moodle.example.org";
  options.zone = "+02:00";
  const AttendanceFile read = read_attendance_csv(
      "\xEF\xBB\xBF" "E-mail;Session;Date;Name\r\n"
      "Jane.Doe@Example.org;launch;2026-09-07;Jane Doe\r\n"
      "42;launch;2026-09-07T10:00:00+02:00;\r\n"
      "jane.doe@example.org;launch;2026-09-07;\r\n"  // the same learner again
      "mailto:ana@example.org;final;2026-12-01;\"Ana; P.\"\r\n",
      "attendance.csv", course, options);
  REQUIRE(messages(read.problems).empty());
  CHECK(read.format == "trainer");
  REQUIRE(read.rows.size() == 3);
  CHECK(read.rows[0].learner == "mailto:jane.doe@example.org");
  CHECK(read.rows[0].name == "Jane Doe");
  CHECK(read.rows[0].timestamp == "2026-09-07T00:00:00+02:00");
  CHECK(read.rows[1].learner == "https://moodle.example.org|42");
  CHECK(read.rows[1].timestamp == "2026-09-07T10:00:00+02:00");
  CHECK(read.rows[2].session == "final");
  CHECK(read.rows[2].name == "Ana; P.");
}

TEST_CASE("a bad trainer's list: every problem at its cell, no rows") {
  const Course course = course_with_sessions();
  struct Case {
    std::string text;
    std::vector<std::string> messages;
  };
  const Case cases[] = {
      {"", {"a.csv:1:1: empty: a header row is needed"}},
      {"who,when\n", {"a.csv:1:1: no learner column in the header row (learner, email or account)",
                      "a.csv:1:1: no session column in the header row (session), and no --session",
                      "a.csv:1:1: no date column in the header row (date)"}},
      {"learner,session,date\njane@example.org,lunch,2026-09-07\n",
       {"a.csv:2:18: no live session \"lunch\" in course sets-2 (its sessions: launch, midpoint, final)"}},
      {"learner,session,date\njdoe,launch,2026-09-07\n",
       {"a.csv:2:1: \"jdoe\" is not an e-mail address; for accounts give --account-home URL"}},
      {"learner,session,date\njane@example,launch,7/9/2026\n",
       {"a.csv:2:1: \"jane@example\" is not an e-mail address",
        "a.csv:2:21: \"7/9/2026\" is not a date (2026-09-07, or ISO 8601 with a zone)"}},
      {"learner,session,date\njane@example.org,launch\n", {"a.csv:2:1: 2 cells where the header has 3"}},
      {"learner,session,date\n\"jane@example.org,launch,2026-09-07\n", {"a.csv:2:1: a quoted cell is never closed"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const AttendanceFile read = read_attendance_csv(c.text, "a.csv", course, {});
    CHECK(messages(read.problems) == c.messages);
    CHECK(read.rows.empty());
  }
}

TEST_CASE("a Zoom participants export: one session, rejoins add up, guests and short stays noted") {
  const Course course = course_with_sessions();
  const std::string text =
      "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n"
      "812 3456 7890,SETS launch,09/07/2026 09:55:02 AM,09/07/2026 11:31:40 AM,trainer@example.org,97,4\n"
      "\n"
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
      "Jane Doe (Jane),jane@example.org,09/07/2026 09:58:12 AM,09/07/2026 10:40:00 AM,42,No\n"
      "Bob,bob@example.org,09/07/2026 10:02:00 AM,09/07/2026 10:05:00 AM,3,No\n"
      "Guest 1,,09/07/2026 10:00:00 AM,09/07/2026 11:30:00 AM,90,Yes\n"
      "Jane Doe (Jane),jane@example.org,09/07/2026 10:45:00 AM,09/07/2026 11:31:00 AM,46,No\n";
  AttendanceOptions options;
  SECTION("without --session: located") {
    const AttendanceFile read = read_attendance_csv(text, "zoom.csv", course, options);
    CHECK(messages(read.problems) ==
          std::vector<std::string>{"zoom.csv:4:1: a Zoom participants export names no session: give it with --session ID"});
  }
  SECTION("with --session and a minimum stay") {
    options.session = "launch";
    options.min_minutes = 10;
    const AttendanceFile read = read_attendance_csv(text, "zoom.csv", course, options);
    REQUIRE(messages(read.problems).empty());
    CHECK(read.format == "zoom");
    REQUIRE(read.rows.size() == 1);
    CHECK(read.rows[0].learner == "mailto:jane@example.org");
    CHECK(read.rows[0].name == "Jane Doe");
    CHECK(read.rows[0].seconds == 88 * 60);
    CHECK(read.rows[0].timestamp == "2026-09-07T09:58:12Z");
    CHECK(messages(read.notes) == std::vector<std::string>{
                                      "zoom.csv:7:9: no e-mail: \"Guest 1\" not counted",
                                      "zoom.csv:6:1: mailto:bob@example.org: 3 minutes, fewer than --min-minutes: not counted"});
  }
}

TEST_CASE("attended statements: ids from course, session and learner; the session activity beside the modules") {
  const Course course = course_with_sessions();
  Attendance a;
  a.learner = "https://moodle.example.org|42";
  a.name = "Jane";
  a.session = "midpoint";
  a.timestamp = "2026-10-05T00:00:00Z";
  a.seconds = 5400;
  const auto statements = attendance_statements(course, {a});
  REQUIRE(statements.size() == 1);
  const auto s = nlohmann::json::parse(statements[0]);
  CHECK(s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attended");
  CHECK(s["object"]["id"] == "https://sets.example.org/xapi/sets-2/sessions/midpoint");
  CHECK(s["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/meeting");
  CHECK(s["object"]["definition"]["name"]["fr"] == "Séance midpoint");
  CHECK(s["actor"]["account"] == nlohmann::json{{"homePage", "https://moodle.example.org"}, {"name", "42"}});
  CHECK(s["result"]["duration"] == "PT1H30M");
  CHECK(s["context"]["contextActivities"]["parent"][0]["id"] == course.iri);
  CHECK(s["timestamp"] == "2026-10-05T00:00:00Z");
  // The same attendance, another day or duration: the same id (recorded once).
  a.timestamp = "2026-10-06T00:00:00Z";
  a.seconds = 0;
  CHECK(nlohmann::json::parse(attendance_statements(course, {a})[0])["id"] == s["id"]);
  a.session = "final";
  CHECK(nlohmann::json::parse(attendance_statements(course, {a})[0])["id"] != s["id"]);
}

}  // namespace
}  // namespace coursepack::report
