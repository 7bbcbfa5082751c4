#include "coursepack/core/module_plan.h"

#include <catch2/catch.hpp>

#include "plan_fixture.h"

namespace coursepack {
namespace {

TEST_CASE("a plan survives its JSON form") {
  const ModulePlan plan = testing::make_plan(4, 3, 40, 80);
  const std::string json = module_plan_to_json(plan);
  CHECK(json ==
        R"({"course":"c","module":"m","lessons":["lesson-1","lesson-2","lesson-3","lesson-4"],"questions":[)"
        R"({"id":"q1","choices":4,"correct":0,"lessons":[0]},{"id":"q2","choices":4,"correct":1,"lessons":[1]},)"
        R"({"id":"q3","choices":4,"correct":2,"lessons":[2]}],"pretest_threshold":40,"mastery_score":80})");
  const ModulePlanResult back = module_plan_from_json(json);
  REQUIRE(back.error.empty());
  CHECK(back.plan.fingerprint() == plan.fingerprint());
  CHECK(back.plan.questions[2].lessons == std::vector<int>{2});
}

TEST_CASE("a bad plan is an error value") {
  CHECK(module_plan_from_json("").error == "module plan: not a JSON object");
  CHECK(module_plan_from_json("[]").error == "module plan: not a JSON object");
  CHECK(module_plan_from_json(R"({"course":"c"})").error == "module plan: course or module id missing");
  std::string json = module_plan_to_json(testing::make_plan(2, 1));
  json.replace(json.find("\"lessons\":[0]"), 13, "\"lessons\":[5]");
  CHECK(module_plan_from_json(json).error == "module plan: question q1 tests a lesson out of range");
}

TEST_CASE("the fingerprint changes with anything saved progress depends on") {
  const ModulePlan plan = testing::make_plan(3, 3);
  ModulePlan other = plan;
  other.lessons.push_back("new");
  CHECK(other.fingerprint() != plan.fingerprint());
  other = plan;
  other.questions[0].choices = 3;
  CHECK(other.fingerprint() != plan.fingerprint());
  other = plan;
  other.mastery_score = 50;  // thresholds do not change what answers mean
  CHECK(other.fingerprint() == plan.fingerprint());
}

}  // namespace
}  // namespace coursepack
