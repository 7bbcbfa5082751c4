#include "coursepack/core/player_session.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "coursepack/core/shuffle.h"
#include "plan_fixture.h"

namespace coursepack {
namespace {

using testing::answers_with_wrong;
using testing::make_plan;

PlayerSession session_for(const ModulePlan& plan) { return PlayerSession(plan, LearnerState::start(plan, 77)); }

void answer_all(PlayerSession& session, const std::vector<int>& answers) {
  for (std::size_t i = 0; i < answers.size(); ++i) REQUIRE(session.answer(static_cast<int>(i), answers[i]).empty());
}

TEST_CASE("all right in the pre-test: nothing mandatory, straight to a passed post-test") {
  const ModulePlan plan = make_plan(5, 5);
  PlayerSession s = session_for(plan);
  REQUIRE(s.start_pretest().empty());
  answer_all(s, answers_with_wrong(plan));
  REQUIRE(s.submit().empty());
  CHECK(s.state().phase == Phase::results);
  CHECK(s.mandatory() == std::vector<bool>(5, false));
  CHECK(s.posttest_allowed());
  REQUIRE(s.start_posttest().empty());
  answer_all(s, answers_with_wrong(plan));
  REQUIRE(s.submit().empty());
  CHECK(s.finished());
  CHECK(s.passed());
  CHECK(s.posttest_score().percent == 100);
}

TEST_CASE("all wrong: every lesson is required before the post-test; 3 of 5 fails at mastery 80") {
  const ModulePlan plan = make_plan(5, 5, 40, 80);
  PlayerSession s = session_for(plan);
  REQUIRE(s.start_pretest().empty());
  answer_all(s, answers_with_wrong(plan, {0, 1, 2, 3, 4}));
  REQUIRE(s.submit().empty());
  CHECK(s.pretest_score().percent == 0);
  CHECK(s.mandatory() == std::vector<bool>(5, true));
  REQUIRE(s.continue_to_lessons().empty());
  CHECK(s.start_posttest() == "some recommended lessons are not viewed yet");
  for (int i = 1; i < 4; ++i) REQUIRE(s.open_lesson(i).empty());
  CHECK(s.lessons_left() == 1);
  CHECK_FALSE(s.posttest_allowed());
  REQUIRE(s.open_lesson(4).empty());
  REQUIRE(s.start_posttest().empty());
  answer_all(s, answers_with_wrong(plan, {0, 1}));
  REQUIRE(s.submit().empty());
  CHECK(s.posttest_score().percent == 60);
  CHECK_FALSE(s.passed());
  CHECK(s.posttest_score().percent - s.pretest_score().percent == 60);
}

TEST_CASE("the LMS's mastery score overrides the course's") {
  const ModulePlan plan = make_plan(5, 5, 40, 80);
  PlayerSession s = session_for(plan);
  s.set_mastery_score(60);
  (void)s.start_pretest();
  answer_all(s, answers_with_wrong(plan));
  (void)s.submit();
  (void)s.start_posttest();
  answer_all(s, answers_with_wrong(plan, {0, 1}));
  (void)s.submit();
  CHECK(s.passed());
}

TEST_CASE("actions out of turn are refused and change nothing") {
  const ModulePlan plan = make_plan(3, 3);
  PlayerSession s = session_for(plan);
  CHECK(s.answer(0, 1) == "no quiz is open");
  CHECK(s.submit() == "no quiz is open");
  CHECK(s.open_lesson(0) == "lessons open after the pre-test and outside the post-test");
  CHECK(s.start_posttest() == "the post-test is not available now");
  REQUIRE(s.start_pretest().empty());
  CHECK(s.start_pretest() == "the pre-test has already been started");
  CHECK(s.answer(3, 0) == "no such question");
  CHECK(s.answer(0, 4) == "no such choice");
  CHECK(s.answer(-1, 0) == "no such question");
  REQUIRE(s.answer(0, 1).empty());
  CHECK(s.submit() == "every question needs an answer");
  CHECK(s.state().phase == Phase::pretest);
}

TEST_CASE("continuing after the results opens the first recommended lesson") {
  const ModulePlan plan = make_plan(5, 5, 0);
  PlayerSession s = session_for(plan);
  (void)s.start_pretest();
  answer_all(s, answers_with_wrong(plan, {2}));
  (void)s.submit();
  REQUIRE(s.continue_to_lessons().empty());
  CHECK(s.state().phase == Phase::lessons);
  CHECK(s.state().lesson == 2);
  CHECK(s.state().viewed == std::vector<bool>{false, false, true, false, false});
  CHECK(s.posttest_allowed());
}

TEST_CASE("the post-test shuffles choices with the stored seed; the pre-test does not") {
  const ModulePlan plan = make_plan(2, 2);
  const PlayerSession s = session_for(plan);
  CHECK(s.choice_order(QuizKind::pretest, 0) == std::vector<int>{0, 1, 2, 3});
  auto order = s.choice_order(QuizKind::posttest, 1);
  CHECK(order == s.choice_order(QuizKind::posttest, 1));
  std::sort(order.begin(), order.end());
  CHECK(order == std::vector<int>{0, 1, 2, 3});
}

// A learner at the post-test of `plan` (pre-test all right, so no lesson is required).
PlayerSession at_posttest(const ModulePlan& plan) {
  PlayerSession s = session_for(plan);
  REQUIRE(s.start_pretest().empty());
  answer_all(s, answers_with_wrong(plan));
  REQUIRE(s.submit().empty());
  REQUIRE(s.start_posttest().empty());
  return s;
}

TEST_CASE("by default the post-test is retaken until passed; the answers show only then") {
  const ModulePlan plan = make_plan(5, 5, 40, 80);
  PlayerSession s = at_posttest(plan);
  CHECK(s.submit_counts());
  answer_all(s, answers_with_wrong(plan, {0, 1, 2}));
  REQUIRE(s.submit().empty());
  CHECK(s.attempts() == 1);
  CHECK_FALSE(s.passed());
  CHECK(s.last_score().percent == 40);
  CHECK(s.retake_allowed());
  CHECK(s.posttest_allowed());
  CHECK_FALSE(s.result_final());
  CHECK_FALSE(s.answers_revealed());
  // Between attempts the lessons stay open.
  REQUIRE(s.open_lesson(3).empty());
  CHECK(s.state().phase == Phase::finished);
  for (int attempt = 2; attempt <= 4; ++attempt) {
    REQUIRE(s.start_posttest().empty());
    CHECK(s.state().posttest == Answers(5, kNoAnswer));
    CHECK_FALSE(s.passed());  // still the last submitted attempt's result
    answer_all(s, answers_with_wrong(plan, {0, 1}));
    REQUIRE(s.submit().empty());
    CHECK(s.attempts() == attempt);
  }
  CHECK_FALSE(s.answers_revealed());
  REQUIRE(s.start_posttest().empty());
  answer_all(s, answers_with_wrong(plan, {0}));
  REQUIRE(s.submit().empty());
  CHECK(s.attempts() == 5);
  CHECK(s.passed());
  CHECK(s.result_final());
  CHECK(s.answers_revealed());
  CHECK_FALSE(s.retake_allowed());
  CHECK_FALSE(s.posttest_allowed());
  CHECK(s.start_posttest() == "the post-test is passed");
}

TEST_CASE("a capped course stops retakes when the attempts are spent, and then reveals the answers") {
  ModulePlan plan = make_plan(5, 5, 40, 80);
  plan.max_attempts = 2;
  PlayerSession s = at_posttest(plan);
  answer_all(s, answers_with_wrong(plan, {0, 1, 2}));
  REQUIRE(s.submit().empty());
  CHECK(s.retake_allowed());
  CHECK_FALSE(s.attempts_spent());
  REQUIRE(s.start_posttest().empty());
  answer_all(s, answers_with_wrong(plan, {0, 1}));
  REQUIRE(s.submit().empty());
  CHECK(s.attempts_spent());
  CHECK_FALSE(s.passed());
  CHECK(s.result_final());
  CHECK(s.answers_revealed());
  CHECK_FALSE(s.retake_allowed());
  CHECK(s.start_posttest() == "every attempt at the post-test is used");
}

TEST_CASE("each attempt shuffles its own way; the first keeps the stored seed") {
  const ModulePlan plan = make_plan(2, 8);
  PlayerSession s = at_posttest(plan);
  std::vector<std::vector<int>> first;
  for (int q = 0; q < 8; ++q) first.push_back(s.choice_order(QuizKind::posttest, q));
  CHECK(first[3] == seeded_permutation(4, 77, 3));
  answer_all(s, std::vector<int>(8, 3));
  REQUIRE(s.submit().empty());
  REQUIRE(s.start_posttest().empty());
  std::vector<std::vector<int>> second;
  for (int q = 0; q < 8; ++q) second.push_back(s.choice_order(QuizKind::posttest, q));
  CHECK(first != second);
}

TEST_CASE("browse, review and no-credit launches grade nothing and allow practice retakes") {
  const ModulePlan plan = make_plan(5, 5, 40, 80);
  for (auto [mode, credit] : {std::pair{LessonMode::browse, false}, std::pair{LessonMode::review, true},
                              std::pair{LessonMode::normal, false}}) {
    PlayerSession s = session_for(plan);
    s.set_lms_mode(mode, credit);
    CHECK_FALSE(s.graded());
    REQUIRE(s.start_pretest().empty());
    answer_all(s, answers_with_wrong(plan));
    REQUIRE(s.submit().empty());
    REQUIRE(s.start_posttest().empty());
    CHECK_FALSE(s.submit_counts());
    answer_all(s, answers_with_wrong(plan));
    REQUIRE(s.submit().empty());
    CHECK(s.answers_revealed());
    CHECK(s.retake_allowed());  // practice: nothing is at stake
  }
  PlayerSession normal = session_for(plan);
  CHECK(normal.graded());
}

}  // namespace
}  // namespace coursepack
