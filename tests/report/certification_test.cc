#include "coursepack/report/certification.h"

#include <catch2/catch.hpp>

#include "coursepack/report/attendance.h"
#include "coursepack/report/report_writers.h"

namespace coursepack::report {
namespace {

using nlohmann::json;

const std::string kIri = "https://sets.example.org/xapi/sets-2";

json actor(const std::string& who) { return {{"objectType", "Agent"}, {"name", who}, {"mbox", "mailto:" + who + "@example.org"}}; }

json attended(const std::string& who, const std::string& session) {
  return {{"actor", actor(who)},
          {"verb", {{"id", kAttended}}},
          {"object", {{"objectType", "Activity"}, {"id", session_activity(kIri, session)}}},
          {"timestamp", "2026-09-07T08:00:00Z"}};
}

json posttest(const std::string& who, const std::string& module, bool passed) {
  return {{"actor", actor(who)},
          {"verb", {{"id", passed ? "http://adlnet.gov/expapi/verbs/passed" : "http://adlnet.gov/expapi/verbs/failed"}}},
          {"object", {{"id", kIri + "/modules/" + module + "/posttest"}}},
          {"result", {{"score", {{"raw", passed ? 5 : 2}, {"max", 5}}}, {"success", passed}}},
          {"timestamp", "2026-10-01T08:00:00Z"}};
}

Cohort course_cohort() {
  std::vector<ModuleInfo> modules;
  for (const char* id : {"2-1", "2-2"}) modules.push_back({kIri + "/modules/" + id, id, id, "", {}, {}, {}, {}});
  std::vector<SessionInfo> sessions;
  for (const char* id : {"launch", "midpoint", "final"}) sessions.push_back({session_activity(kIri, id), id, id, ""});
  return Cohort(modules, sessions);
}

TEST_CASE("the certification rule: certified, close, and what each learner still needs") {
  Cohort cohort = course_cohort();
  // ana: 2 sessions, both modules passed -> certified.
  // bob: 1 session, both passed -> close (one session).
  // cy: 3 sessions, 2-2 failed -> close (one module).
  // dee: nothing attended, 2-1 started only -> not yet.
  for (const auto& s : {attended("ana", "launch"), attended("ana", "final"), posttest("ana", "2-1", true), posttest("ana", "2-2", true),
                        attended("bob", "midpoint"), posttest("bob", "2-1", true), posttest("bob", "2-2", true),
                        attended("cy", "launch"), attended("cy", "midpoint"), attended("cy", "final"), posttest("cy", "2-1", true),
                        posttest("cy", "2-2", false), posttest("dee", "2-1", false)})
    REQUIRE(cohort.add(s).kind == AddResult::Kind::used);
  // An attendance of another course's session is left out.
  json other = attended("ana", "launch");
  other["object"]["id"] = "https://other.example.org/sessions/launch";
  CHECK(cohort.add(other).message == "about a live session not in the course");

  CertificationRule rule{"sets-2", kIri, 2, true, "Attend two sessions, pass every module.", "en"};
  const auto courses = certify(cohort, {rule});
  REQUIRE(courses.size() == 1);
  const CourseCertification& c = courses[0];
  CHECK(c.certified == 1);
  CHECK(c.close == 2);
  REQUIRE(c.learners.size() == 4);
  std::vector<std::string> order, needs;
  for (const auto& s : c.learners) {
    order.push_back(cohort.learners()[s.learner].name + " " + std::string(standing_name(s)));
    needs.push_back(still_needs(cohort, s));
  }
  CHECK(order == std::vector<std::string>{"ana certified", "bob close", "cy close", "dee not yet"});
  CHECK(needs == std::vector<std::string>{"", "attend 1 more live session", "pass 2-2", "attend 2 more live sessions; pass 2-1, 2-2"});

  std::string csv;
  write_certification_csv(cohort, courses, [&](std::string_view bytes) { csv += bytes; });
  CHECK(csv == std::string(kCertificationCsvHeader) + "\r\n" +
                   "sets-2,mailto:ana@example.org,ana,certified,launch final,2,0,2,2,,\r\n"
                   "sets-2,mailto:bob@example.org,bob,close,midpoint,2,1,2,2,,attend 1 more live session\r\n"
                   "sets-2,mailto:cy@example.org,cy,close,launch midpoint final,2,0,1,2,2-2,pass 2-2\r\n"
                   "sets-2,mailto:dee@example.org,dee,not yet,,2,2,0,2,2-1 2-2,\"attend 2 more live sessions; pass 2-1, 2-2\"\r\n");
}

TEST_CASE("the page lists every learner's standing, even in a group below the minimum size") {
  Cohort cohort = course_cohort();
  for (const auto& s : {attended("ana", "launch"), attended("ana", "final"), posttest("ana", "2-1", true), posttest("ana", "2-2", true),
                        attended("b<o>b", "midpoint")})
    REQUIRE(cohort.add(s).kind == AddResult::Kind::used);
  PageInputs page;
  page.certification = certify(cohort, {{"sets-2", kIri, 2, true, "", ""}});
  std::string html;
  write_html(cohort, summarize(cohort), page, [&](std::string_view bytes) { html += bytes; });
  CHECK(html.find("<h2 id=\"certification\">Live sessions and certification</h2>") != std::string::npos);
  CHECK(html.find("1 certified, 0 close (one session or one module away), 1 not yet, of 2 learners.") != std::string::npos);
  CHECK(html.find("b&lt;o&gt;b") != std::string::npos);
  CHECK(html.find("b<o>b") == std::string::npos);
  CHECK(html.find("attend 1 more live session; pass 2-1, 2-2") != std::string::npos);
  // Two learners: the shares of the cohort are dashes, the counts stay.
  CHECK(html.find("<th scope=\"row\">launch</th><td class=\"n\">1</td><td class=\"n\">–</td>") != std::string::npos);
}

}  // namespace
}  // namespace coursepack::report
