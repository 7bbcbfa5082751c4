// Statements an LRS or a file may hold more than once, or void later.
#include <catch2/catch.hpp>

#include "coursepack/report/cohort.h"
#include "coursepack/report/report_writers.h"

namespace coursepack::report {
namespace {

using nlohmann::json;

const std::string kModule = "https://sets.example.org/xapi/sets-2/modules/2-1";

json statement(const std::string& id, const std::string& verb, const std::string& object, json result, const std::string& at) {
  json s{{"actor", {{"mbox", "mailto:ana@example.org"}}},
         {"verb", {{"id", "http://adlnet.gov/expapi/verbs/" + verb}}},
         {"object", {{"id", object}}},
         {"timestamp", at}};
  if (!id.empty()) s["id"] = id;  // without: cannot be told from another, always counts
  if (!result.is_null()) s["result"] = std::move(result);
  return s;
}

json pretest(const std::string& id, int raw, const std::string& at) {
  return statement(id, "failed", kModule + "/pretest", {{"score", {{"raw", raw}, {"max", 5}}}, {"success", false}}, at);
}

json terminated(const std::string& id, const std::string& duration) {
  return statement(id, "terminated", kModule, {{"duration", duration}}, "2026-09-07T09:00:00Z");
}

json voiding(const std::string& target) {
  return {{"id", "00000000-0000-4000-8000-00000000ffff"},
          {"actor", {{"mbox", "mailto:admin@example.org"}}},
          {"verb", {{"id", "http://adlnet.gov/expapi/verbs/voided"}}},
          {"object", {{"objectType", "StatementRef"}, {"id", target}}}};
}

const std::string kA = "00000000-0000-4000-8000-00000000000a";
const std::string kB = "00000000-0000-4000-8000-00000000000b";
const std::string kC = "00000000-0000-4000-8000-00000000000c";

TEST_CASE("a statement id seen twice counts once: attempts and time do not double") {
  Cohort cohort;
  for (const auto& s : {pretest(kA, 2, "2026-09-07T08:00:00Z"), terminated(kB, "PT10M"), pretest(kA, 2, "2026-09-07T08:00:00Z"),
                        terminated("00000000-0000-4000-8000-00000000000B", "PT10M"),  // the same id in upper case
                        pretest(kC, 3, "2026-09-08T08:00:00Z"), terminated("", "PT5M")})
    (void)cohort.add(s);
  REQUIRE(cohort.learners().size() == 1);
  const LearnerModule& r = cohort.learners()[0].modules[0];
  CHECK(r.attempts == 2);
  CHECK(r.session_seconds == 15 * 60);
  CHECK(r.pre_correct == 2);
  // What was left out, and why.
  Cohort again;
  CHECK(again.add(terminated(kB, "PT10M")).kind == AddResult::Kind::used);
  CHECK(again.add(terminated(kB, "PT10M")).message == "a repeated statement id");
}

TEST_CASE("a voided statement is left out, whichever comes first once the ids are known") {
  SECTION("the voiding statement first (an LRS returns the newest first)") {
    Cohort cohort;
    CHECK(cohort.add(voiding(kA)).message == "voids another statement");
    cohort.set_voided({cohort.voided_seen().begin(), cohort.voided_seen().end()});
    CHECK(cohort.add(pretest(kA, 2, "2026-09-07T08:00:00Z")).message == "voided");
    CHECK(cohort.add(pretest(kC, 4, "2026-09-08T08:00:00Z")).kind == AddResult::Kind::used);
    CHECK(cohort.learners()[0].modules[0].pre_correct == 4);
  }
  SECTION("the target first: voided_seen() tells that a second pass is needed") {
    Cohort first;
    (void)first.add(pretest(kA, 2, "2026-09-07T08:00:00Z"));
    (void)first.add(voiding("00000000-0000-4000-8000-00000000000A"));
    REQUIRE(first.voided_seen() == std::unordered_set<std::string>{kA});
    Cohort second;
    second.set_voided(first.voided_seen());
    CHECK(second.add(pretest(kA, 2, "2026-09-07T08:00:00Z")).message == "voided");
    CHECK(second.add(voiding(kA)).message == "voids another statement");
    CHECK(second.voided_seen().empty());
    CHECK(second.learners().empty());
  }
  SECTION("a voiding statement must name a statement") {
    Cohort cohort;
    json bad = voiding(kA);
    bad["object"]["objectType"] = "Activity";
    const AddResult result = cohort.add(bad);
    CHECK(result.kind == AddResult::Kind::bad);
    CHECK(result.pointer == "/object/objectType");
  }
}

}  // namespace
}  // namespace coursepack::report
