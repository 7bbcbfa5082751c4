#include "coursepack/core/xapi_statements.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "coursepack/core/player.h"
#include "plan_fixture.h"

namespace coursepack {
namespace {

using nlohmann::json;

ModulePlan plan_with_texts() {
  ModulePlan plan = testing::make_plan(3, 2, 40, 80);
  plan.iri = "https://example.org/c";
  plan.language = "fr";
  plan.texts["module"] = {{"en", "Module"}, {"fr", "Module FR"}};
  plan.texts["pretest"] = {{"en", "Pre-test"}};
  for (int i = 0; i < 3; ++i) plan.texts["lesson:" + std::to_string(i)] = {{"en", "Lesson " + std::to_string(i + 1)}};
  for (int q = 0; q < 2; ++q) {
    plan.texts["question:" + std::to_string(q)] = {{"en", "Question " + std::to_string(q + 1)}};
    for (int c = 0; c < 4; ++c)
      plan.texts["choice:" + std::to_string(q) + ":" + std::to_string(c)] = {{"en", std::string(1, static_cast<char>('A' + c))}};
  }
  return plan;
}

std::string ids(int count, int from = 1) {
  std::string out;
  for (int i = from; i < from + count; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
    out += (out.empty() ? "" : ",") + std::string(id);
  }
  return out;
}

const std::string kActor = R"({"objectType":"Agent","name":"Ada","mbox":"mailto:ada@example.org"})";

json take(Player& player, int from = 1) {
  const int count = player.pending_statements();
  return json::parse(player.take_statements(kActor, "11111111-2222-4333-8444-555555555555",
                                            "2026-11-28T10:00:00.000Z", ids(count, from)));
}

std::vector<std::string> verbs(const json& statements) {
  std::vector<std::string> out;
  for (const auto& s : statements) {
    std::string verb = s["verb"]["id"];
    out.push_back(verb.substr(verb.rfind('/') + 1) + " " + std::string(s["object"]["id"]).substr(30));
  }
  return out;
}

TEST_CASE("a learner's path becomes these statements, in order") {
  Player player(encode_plan(plan_with_texts()));
  REQUIRE(player.restore("", 1).empty());
  REQUIRE(player.start_pretest().empty());
  player.add_seconds(30);
  REQUIRE(player.answer(0, 1).empty());  // wrong: q1's answer is a
  REQUIRE(player.answer(1, 1).empty());  // right
  REQUIRE(player.submit().empty());
  REQUIRE(player.continue_to_lessons().empty());
  player.add_seconds(60);
  REQUIRE(player.open_lesson(0).empty());  // again: experienced, not completed twice
  REQUIRE(player.start_posttest().empty());
  player.add_seconds(20);
  REQUIRE(player.answer(0, 0).empty());
  REQUIRE(player.answer(1, 1).empty());
  REQUIRE(player.submit().empty());
  player.terminate();
  REQUIRE(player.pending_statements() == 12);
  const json statements = take(player);
  CHECK(player.pending_statements() == 0);
  CHECK(verbs(statements) == std::vector<std::string>{
                                 "initialized m",
                                 "answered m/questions/q1",
                                 "answered m/questions/q2",
                                 "failed m/pretest",
                                 "experienced m/lessons/lesson-1",
                                 "completed m/lessons/lesson-1",
                                 "experienced m/lessons/lesson-1",
                                 "answered m/questions/q1",
                                 "answered m/questions/q2",
                                 "passed m/posttest",
                                 "completed m",
                                 "terminated m",
                             });
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const std::string number = std::to_string(i + 1);
    CHECK(statements[i]["id"] == "00000000-0000-4000-8000-" + std::string(12 - number.size(), '0') + number);
    CHECK(statements[i]["actor"] == json::parse(kActor));
    CHECK(statements[i]["timestamp"] == "2026-11-28T10:00:00.000Z");
    CHECK(statements[i]["context"]["registration"] == "11111111-2222-4333-8444-555555555555");
    CHECK(statements[i]["context"]["language"] == "fr");
  }

  // An answer: the full interaction definition, the response, the phase.
  CHECK(statements[1] == json::parse(R"({
    "id": "00000000-0000-4000-8000-000000000002",
    "actor": {"objectType": "Agent", "name": "Ada", "mbox": "mailto:ada@example.org"},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
    "object": {"objectType": "Activity", "id": "https://example.org/c/modules/m/questions/q1",
      "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction",
        "name": {"en": "Question 1"}, "interactionType": "choice", "correctResponsesPattern": ["a"],
        "choices": [{"id": "a", "description": {"en": "A"}}, {"id": "b", "description": {"en": "B"}},
                    {"id": "c", "description": {"en": "C"}}, {"id": "d", "description": {"en": "D"}}]}},
    "result": {"response": "b", "success": false},
    "context": {"registration": "11111111-2222-4333-8444-555555555555",
      "contextActivities": {
        "parent": [{"objectType": "Activity", "id": "https://example.org/c/modules/m/pretest"}],
        "grouping": [{"objectType": "Activity", "id": "https://example.org/c/modules/m"},
                     {"objectType": "Activity", "id": "https://example.org/c",
                      "definition": {"type": "http://adlnet.gov/expapi/activities/course"}}]},
      "language": "fr",
      "extensions": {"https://example.org/c/extensions/phase": "pre"}},
    "timestamp": "2026-11-28T10:00:00.000Z"})"));

  // The pre-test: score, success against mastery, the recommended lessons.
  CHECK(statements[3]["object"]["definition"] ==
        json::parse(R"({"type": "http://adlnet.gov/expapi/activities/assessment", "name": {"en": "Pre-test"}})"));
  CHECK(statements[3]["result"] == json::parse(R"({
    "score": {"scaled": 0.5, "raw": 1, "min": 0, "max": 2}, "success": false, "completion": true,
    "duration": "PT30S",
    "extensions": {"https://example.org/c/extensions/recommended-lessons":
                   ["https://example.org/c/modules/m/lessons/lesson-1"]}})"));
  CHECK(statements[3]["context"]["contextActivities"]["parent"] ==
        json::parse(R"([{"objectType": "Activity", "id": "https://example.org/c/modules/m"}])"));

  // The post-test carries the gain; the module is completed and passed; the session ends.
  CHECK(statements[9]["result"]["extensions"] == json::parse(R"({"https://example.org/c/extensions/gain": 50})"));
  CHECK(statements[9]["result"]["duration"] == "PT20S");
  CHECK(statements[9]["context"]["extensions"]["https://example.org/c/extensions/phase"] == "post");
  CHECK(statements[10]["result"] == json::parse(R"({
    "score": {"scaled": 1.0, "raw": 2, "min": 0, "max": 2}, "success": true, "completion": true,
    "duration": "PT1M50S"})"));
  CHECK(statements[10]["object"]["definition"] ==
        json::parse(R"({"type": "http://adlnet.gov/expapi/activities/module", "name": {"en": "Module", "fr": "Module FR"}})"));
  CHECK(statements[11]["result"] == json::parse(R"({"duration": "PT1M50S"})"));
  CHECK(statements[5]["result"] == json::parse(R"({"completion": true})"));
}

TEST_CASE("statements are taken once; a resumed session starts with initialized again") {
  Player player(encode_plan(plan_with_texts()));
  REQUIRE(player.restore("", 1).empty());
  REQUIRE(player.start_pretest().empty());
  CHECK(verbs(take(player)) == std::vector<std::string>{"initialized m"});
  CHECK(take(player).empty());
  const std::string saved = player.suspend_data();
  Player again(encode_plan(plan_with_texts()));
  REQUIRE(again.restore(saved, 2).empty());
  CHECK(verbs(take(again)) == std::vector<std::string>{"initialized m"});
}

TEST_CASE("each post-test attempt is reported with its number; the module is completed once") {
  Player player(encode_plan(plan_with_texts()));
  REQUIRE(player.restore("", 1).empty());
  REQUIRE(player.start_pretest().empty());
  for (int q = 0; q < 2; ++q) REQUIRE(player.answer(q, q).empty());  // all right: nothing required
  REQUIRE(player.submit().empty());
  (void)take(player);
  const std::string attempt_key = "https://example.org/c/extensions/attempt";
  for (int attempt = 1; attempt <= 2; ++attempt) {
    REQUIRE(player.start_posttest().empty());
    for (int q = 0; q < 2; ++q) REQUIRE(player.answer(q, attempt == 1 ? 3 : q).empty());  // wrong, then right
    REQUIRE(player.submit().empty());
    const json statements = take(player, attempt * 100);
    std::vector<std::string> expected{"answered m/questions/q1", "answered m/questions/q2",
                                      attempt == 1 ? "failed m/posttest" : "passed m/posttest"};
    if (attempt == 1) expected.push_back("completed m");
    CHECK(verbs(statements) == expected);
    for (int i = 0; i < 3; ++i) CHECK(statements[i]["context"]["extensions"][attempt_key] == attempt);
  }
  // The pre-test's statements carry no attempt.
  Player fresh(encode_plan(plan_with_texts()));
  REQUIRE(fresh.restore("", 1).empty());
  REQUIRE(fresh.start_pretest().empty());
  for (int q = 0; q < 2; ++q) REQUIRE(fresh.answer(q, q).empty());
  REQUIRE(fresh.submit().empty());
  for (const auto& statement : take(fresh))
    if (statement.contains("context") && statement["context"].contains("extensions"))
      CHECK_FALSE(statement["context"]["extensions"].contains(attempt_key));
}

TEST_CASE("a TinCan launch's activity_id, grouping and platform go into every statement") {
  Player player(encode_plan(plan_with_texts()));
  REQUIRE(player.restore("", 1).empty());
  player.set_launch("https://lms.example.org/activities/42", "https://lms.example.org/programmes/7", "Moodle 4.5");
  REQUIRE(player.start_pretest().empty());
  REQUIRE(player.answer(0, 0).empty());
  REQUIRE(player.answer(1, 1).empty());
  REQUIRE(player.submit().empty());
  REQUIRE(player.continue_to_lessons().empty());
  const json statements = take(player);
  REQUIRE(statements.size() == 6);
  // The module is the launched activity; what is inside keeps the package's ids.
  CHECK(statements[0]["object"]["id"] == "https://lms.example.org/activities/42");
  CHECK(statements[1]["object"]["id"] == "https://example.org/c/modules/m/questions/q1");
  CHECK(statements[1]["context"] == json::parse(R"({
    "registration": "11111111-2222-4333-8444-555555555555",
    "contextActivities": {
      "parent": [{"objectType": "Activity", "id": "https://example.org/c/modules/m/pretest"}],
      "grouping": [{"objectType": "Activity", "id": "https://lms.example.org/activities/42"},
                   {"objectType": "Activity", "id": "https://example.org/c",
                    "definition": {"type": "http://adlnet.gov/expapi/activities/course"}},
                   {"objectType": "Activity", "id": "https://lms.example.org/programmes/7"}]},
    "platform": "Moodle 4.5",
    "language": "fr",
    "extensions": {"https://example.org/c/extensions/phase": "pre"}})"));
  CHECK(statements[3]["object"]["id"] == "https://example.org/c/modules/m/pretest");
  CHECK(statements[3]["context"]["contextActivities"]["parent"] ==
        json::parse(R"([{"objectType": "Activity", "id": "https://lms.example.org/activities/42"}])"));
  for (const auto& s : statements) {
    CHECK(s["context"]["contextActivities"]["grouping"].back() ==
          json::parse(R"({"objectType": "Activity", "id": "https://lms.example.org/programmes/7"})"));
    CHECK(s["context"]["platform"] == "Moodle 4.5");
  }
}

TEST_CASE("a launch grouping that is already the course or the module is not repeated") {
  for (const std::string grouping : {"https://example.org/c", "https://example.org/c/modules/m"}) {
    Player player(encode_plan(plan_with_texts()));
    REQUIRE(player.restore("", 1).empty());
    player.set_launch("", grouping, "");
    REQUIRE(player.start_pretest().empty());
    const json statements = take(player);
    REQUIRE(statements.size() == 1);
    CHECK(statements[0]["object"]["id"] == "https://example.org/c/modules/m");
    CHECK(statements[0]["context"]["contextActivities"]["grouping"] ==
          json::parse(R"([{"objectType": "Activity", "id": "https://example.org/c",
                           "definition": {"type": "http://adlnet.gov/expapi/activities/course"}}])"));
    CHECK_FALSE(statements[0]["context"].contains("platform"));
  }
}

TEST_CASE("activity ids are stable: built from the course IRI and ids only") {
  ModulePlan plan = plan_with_texts();
  CHECK(xapi::module_activity(plan) == "https://example.org/c/modules/m");
  CHECK(xapi::lesson_activity(plan, 2) == "https://example.org/c/modules/m/lessons/lesson-3");
  CHECK(xapi::quiz_activity(plan, QuizKind::posttest) == "https://example.org/c/modules/m/posttest");
  CHECK(xapi::question_activity(plan, 1) == "https://example.org/c/modules/m/questions/q2");
  plan.language = "en";
  plan.texts.clear();
  CHECK(xapi::module_activity(plan) == "https://example.org/c/modules/m");
}

TEST_CASE("durations are ISO 8601") {
  CHECK(xapi::iso_duration(0) == "PT0S");
  CHECK(xapi::iso_duration(59) == "PT59S");
  CHECK(xapi::iso_duration(60) == "PT1M");
  CHECK(xapi::iso_duration(3725) == "PT1H2M5S");
  CHECK(xapi::iso_duration(7200) == "PT2H");
}

}  // namespace
}  // namespace coursepack
