#include "coursepack/core/scorm12_data.h"

#include <catch2/catch.hpp>

#include "plan_fixture.h"

namespace coursepack {
namespace {

using testing::answers_with_wrong;
using testing::make_plan;

TEST_CASE("session time is a CMITimespan") {
  CHECK(scorm12::timespan(0) == "0000:00:00.00");
  CHECK(scorm12::timespan(123456) == "0000:20:34.56");
  CHECK(scorm12::timespan(360000ull * 25 + 1) == "0025:00:00.01");
  CHECK(scorm12::timespan(360000ull * 20000) == "9999:59:59.99");
}

TEST_CASE("interaction time is a CMITime") {
  CHECK(scorm12::time_of_day(0) == "00:00:00");
  CHECK(scorm12::time_of_day(13 * 3600 + 5 * 60 + 9) == "13:05:09");
  CHECK(scorm12::time_of_day(86400 + 61) == "00:01:01");
}

TEST_CASE("the LMS mastery score is read only when it is a CMIDecimal in 0..100") {
  CHECK(scorm12::parse_mastery_score("80") == 80.0);
  CHECK(scorm12::parse_mastery_score("72.5") == 72.5);
  CHECK_FALSE(scorm12::parse_mastery_score(""));
  CHECK_FALSE(scorm12::parse_mastery_score("101"));
  CHECK_FALSE(scorm12::parse_mastery_score("-1"));
  CHECK_FALSE(scorm12::parse_mastery_score("eighty"));
  CHECK_FALSE(scorm12::parse_mastery_score("1.2.3"));
}

TEST_CASE("status is incomplete until the post-test, then passed or failed") {
  const ModulePlan plan = make_plan(2, 2, 0, 80);
  PlayerSession s(plan, LearnerState::start(plan, 1));
  CHECK(scorm12::lesson_status(s) == "incomplete");
  CHECK(scorm12::lesson_location(s) == "home");
  (void)s.start_pretest();
  (void)s.answer(0, 0);
  (void)s.answer(1, 0);
  (void)s.submit();
  (void)s.continue_to_lessons();
  (void)s.open_lesson(1);
  CHECK(scorm12::lesson_status(s) == "incomplete");
  CHECK(scorm12::lesson_location(s) == "lesson-2");
  (void)s.start_posttest();
  (void)s.answer(0, 0);
  (void)s.answer(1, 0);
  (void)s.submit();
  CHECK(scorm12::lesson_status(s) == "failed");  // 50% < 80
}

TEST_CASE("interactions carry stable letters, results and the lesson tested") {
  const ModulePlan plan = make_plan(3, 3, 0);
  PlayerSession s(plan, LearnerState::start(plan, 1));
  (void)s.start_pretest();
  const auto answers = answers_with_wrong(plan, {1});
  for (int i = 0; i < 3; ++i) (void)s.answer(i, answers[static_cast<std::size_t>(i)]);
  (void)s.submit();
  const auto list = scorm12::interactions(s, QuizKind::pretest, 3600);
  REQUIRE(list.size() == 3);
  CHECK(list[0].id == "pre_q1");
  CHECK(list[0].type == "choice");
  CHECK(list[0].student_response == "a");
  CHECK(list[0].correct_pattern == "a");
  CHECK(list[0].result == "correct");
  CHECK(list[1].id == "pre_q2");
  CHECK(list[1].student_response == "c");
  CHECK(list[1].correct_pattern == "b");
  CHECK(list[1].result == "wrong");
  CHECK(list[1].objectives == std::vector<std::string>{"lesson-2"});
  CHECK(list[2].time == "01:00:00");
  CHECK(scorm12::interactions(s, QuizKind::posttest, 0).empty());
}

TEST_CASE("an interaction names every lesson its question tests as an objective") {
  ModulePlan plan = make_plan(3, 2, 0);
  plan.questions[1].lessons = {0, 2};
  PlayerSession s(plan, LearnerState::start(plan, 1));
  (void)s.start_pretest();
  for (int i = 0; i < 2; ++i) (void)s.answer(i, 0);
  (void)s.submit();
  const auto list = scorm12::interactions(s, QuizKind::pretest, 0);
  REQUIRE(list.size() == 2);
  CHECK(list[0].objectives == std::vector<std::string>{"lesson-1"});
  CHECK(list[1].objectives == std::vector<std::string>{"lesson-1", "lesson-3"});
}

// Through the pre-test (all right) to the post-test, answered with `wrong` wrong.
void post_test(PlayerSession& s, std::vector<int> wrong) {
  if (s.state().phase == Phase::home) {
    (void)s.start_pretest();
    const auto right = answers_with_wrong(s.plan());
    for (int i = 0; i < static_cast<int>(right.size()); ++i) (void)s.answer(i, right[static_cast<std::size_t>(i)]);
    (void)s.submit();
  }
  REQUIRE(s.start_posttest().empty());
  const auto answers = answers_with_wrong(s.plan(), std::move(wrong));
  for (int i = 0; i < static_cast<int>(answers.size()); ++i) (void)s.answer(i, answers[static_cast<std::size_t>(i)]);
  REQUIRE(s.submit().empty());
}

TEST_CASE("a failed attempt stays failed during the retake; exit suspends until the result is final") {
  const ModulePlan plan = make_plan(2, 2, 0, 80);
  PlayerSession s(plan, LearnerState::start(plan, 1));
  CHECK(scorm12::exit_value(s) == "suspend");
  post_test(s, {0});
  CHECK(scorm12::lesson_status(s) == "failed");
  CHECK(scorm12::exit_value(s) == "suspend");  // a retake is open: the LMS keeps the attempt
  REQUIRE(s.start_posttest().empty());
  CHECK(scorm12::lesson_status(s) == "failed");
  CHECK(scorm12::lesson_location(s) == "posttest");
  (void)s.answer(0, 0);
  (void)s.answer(1, 1);
  REQUIRE(s.submit().empty());
  CHECK(scorm12::lesson_status(s) == "passed");
  CHECK(scorm12::exit_value(s) == "");
}

TEST_CASE("each attempt's interactions have their own valid ids") {
  ModulePlan plan = make_plan(2, 2, 0, 80);
  PlayerSession s(plan, LearnerState::start(plan, 1));
  post_test(s, {0, 1});
  post_test(s, {0});
  post_test(s, {});
  CHECK(s.attempts() == 3);
  const auto list = scorm12::interactions(s, QuizKind::posttest, 0);
  REQUIRE(list.size() == 2);
  CHECK(list[0].id == "post3_q1");
  CHECK(list[1].result == "correct");
  CHECK(scorm12::interaction_id(QuizKind::posttest, 1, "q1") == "post_q1");
  CHECK(scorm12::interaction_id(QuizKind::posttest, 2, "q1") == "post2_q1");
  CHECK(scorm12::interaction_id(QuizKind::posttest, 12, "q-7") == "post12_q-7");
  CHECK(scorm12::interaction_id(QuizKind::pretest, 0, "q1") == "pre_q1");
}

TEST_CASE("the LMS's modes: browse reports browsed, review nothing, no-credit incomplete; never a grade") {
  CHECK(scorm12::parse_lesson_mode("browse") == LessonMode::browse);
  CHECK(scorm12::parse_lesson_mode("review") == LessonMode::review);
  CHECK(scorm12::parse_lesson_mode("normal") == LessonMode::normal);
  CHECK(scorm12::parse_lesson_mode("") == LessonMode::normal);
  CHECK_FALSE(scorm12::parse_credit("no-credit"));
  CHECK(scorm12::parse_credit("credit"));
  CHECK(scorm12::parse_credit(""));
  const ModulePlan plan = make_plan(2, 2, 0, 80);
  struct Case {
    LessonMode mode;
    bool credit;
    std::string_view status;
  };
  for (const Case& c : {Case{LessonMode::browse, false, "browsed"}, Case{LessonMode::browse, true, "browsed"},
                        Case{LessonMode::review, true, ""}, Case{LessonMode::normal, false, "incomplete"}}) {
    PlayerSession s(plan, LearnerState::start(plan, 1));
    s.set_lms_mode(c.mode, c.credit);
    CHECK(scorm12::lesson_status(s) == c.status);
    post_test(s, {});
    CHECK(s.passed());  // the learner sees how they did ...
    CHECK(scorm12::lesson_status(s) == c.status);  // ... and the LMS records no pass
    CHECK(scorm12::interactions(s, QuizKind::posttest, 0).empty());
    CHECK(scorm12::interactions(s, QuizKind::pretest, 0).empty());
    CHECK(scorm12::exit_value(s) == "suspend");
  }
}

}  // namespace
}  // namespace coursepack
