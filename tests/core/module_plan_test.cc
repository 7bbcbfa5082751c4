#include "coursepack/core/module_plan.h"

#include <catch2/catch.hpp>

#include "plan_fixture.h"

namespace coursepack {
namespace {

TEST_CASE("a plan survives its text form") {
  ModulePlan plan = testing::make_plan(4, 3, 40, 80);
  plan.questions[2].lessons = {2, 3};
  const std::string text = encode_plan(plan);
  CHECK(text ==
        "coursepack-plan 1\ncourse c\nmodule m\nthresholds 40 80\nlessons lesson-1 lesson-2 lesson-3 lesson-4\n"
        "question q1 4 0 0\nquestion q2 4 1 1\nquestion q3 4 2 2,3\n");
  const ModulePlanResult back = decode_plan(text);
  REQUIRE(back.error.empty());
  CHECK(back.plan.fingerprint() == plan.fingerprint());
  CHECK(back.plan.questions[2].lessons == std::vector<int>{2, 3});
  CHECK(back.plan.mastery_score == 80);
}

TEST_CASE("a cap on post-test attempts travels in the plan; none means until passed") {
  ModulePlan plan = testing::make_plan(2, 1);
  CHECK(decode_plan(encode_plan(plan)).plan.max_attempts == 0);
  plan.max_attempts = 3;
  const std::string text = encode_plan(plan);
  CHECK(text.find("\nattempts 3\n") != std::string::npos);
  CHECK(decode_plan(text).plan.max_attempts == 3);
  std::string bad = text;
  bad.replace(bad.find("attempts 3"), 10, "attempts x");
  CHECK(decode_plan(bad).error == "module plan: line 7 has an attempt count out of range");
}

TEST_CASE("a bad plan is an error value") {
  CHECK(decode_plan("").error == "module plan: not a coursepack plan (version 1)");
  CHECK(decode_plan("{}").error == "module plan: not a coursepack plan (version 1)");
  const std::string good = encode_plan(testing::make_plan(2, 1));
  std::string text = good;
  text.replace(text.find("course c"), 8, "course");
  CHECK(decode_plan(text).error == "module plan: course or module id missing");
  text = good;
  text.replace(text.find("q1 4 0 0"), 8, "q1 4 0 5");
  CHECK(decode_plan(text).error == "module plan: question q1 tests a lesson out of range");
  text = good;
  text.replace(text.find("q1 4 0 0"), 8, "q1 4 4 0");
  CHECK(decode_plan(text).error == "module plan: line 6 is not a question");
  text = good;
  text.replace(text.find("40 80"), 5, "40 180");
  CHECK(decode_plan(text).error == "module plan: thresholds missing or out of range");
  // Every truncation is refused or read, never a crash.
  for (std::size_t n = 0; n < good.size(); ++n) (void)decode_plan(good.substr(0, n));
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
