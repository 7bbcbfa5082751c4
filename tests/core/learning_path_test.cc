#include "coursepack/core/learning_path.h"

#include <catch2/catch.hpp>

#include "plan_fixture.h"

namespace coursepack {
namespace {

using testing::answers_with_wrong;
using testing::make_plan;

TEST_CASE("the score is the percentage of right answers, rounded down") {
  const ModulePlan plan = make_plan(5, 5);
  CHECK(score_quiz(plan, answers_with_wrong(plan)).percent == 100);
  CHECK(score_quiz(plan, answers_with_wrong(plan, {0, 1})).percent == 60);
  CHECK(score_quiz(plan, answers_with_wrong(plan, {0, 1})).correct == 3);
  const ModulePlan three = make_plan(3, 3);
  CHECK(score_quiz(three, answers_with_wrong(three, {0})).percent == 66);
  CHECK(score_quiz(plan, {}).percent == 0);
  CHECK(score_quiz(plan, {kNoAnswer, 1, 2, 3, 0}).correct == 4);
}

TEST_CASE("missed questions recommend the lessons they test") {
  const ModulePlan plan = make_plan(5, 5, /*threshold=*/40);
  CHECK(recommended_lessons(plan, answers_with_wrong(plan)) == std::vector<bool>(5, false));
  CHECK(recommended_lessons(plan, answers_with_wrong(plan, {1, 3})) ==
        std::vector<bool>{false, true, false, true, false});
}

TEST_CASE("below the threshold every lesson is recommended") {
  const ModulePlan plan = make_plan(5, 5, /*threshold=*/40);
  // 2/5 = 40%: at the threshold, only the missed lessons.
  CHECK(recommended_lessons(plan, answers_with_wrong(plan, {0, 1, 2})) ==
        std::vector<bool>{true, true, true, false, false});
  // 1/5 = 20%: below, all of them, even those whose questions were right.
  CHECK(recommended_lessons(plan, answers_with_wrong(plan, {0, 1, 2, 3})) == std::vector<bool>(5, true));
}

TEST_CASE("a question testing two lessons recommends both") {
  ModulePlan plan = make_plan(3, 2, 0);
  plan.questions[0].lessons = {0, 2};
  CHECK(recommended_lessons(plan, answers_with_wrong(plan, {0})) == std::vector<bool>{true, false, true});
}

TEST_CASE("passing is reaching the mastery score") {
  CHECK(passed({4, 5, 80}, 80));
  CHECK_FALSE(passed({3, 5, 60}, 80));
  CHECK_FALSE(passed({4, 5, 80}, 80.5));
}

TEST_CASE("a quiz is complete when every answer is in range") {
  const ModulePlan plan = make_plan(2, 2);
  CHECK(quiz_complete(plan, {0, 3}));
  CHECK_FALSE(quiz_complete(plan, {0, kNoAnswer}));
  CHECK_FALSE(quiz_complete(plan, {0, 4}));
  CHECK_FALSE(quiz_complete(plan, {0}));
}

}  // namespace
}  // namespace coursepack
