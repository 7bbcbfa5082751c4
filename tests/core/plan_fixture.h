#pragma once
// Module plans for core tests, built in code.

#include <cstdint>

#include <catch2/catch.hpp>

#include "coursepack/core/learner_state.h"
#include "coursepack/core/module_plan.h"

namespace coursepack::testing {

/// `lessons` lessons and `questions` questions of 4 choices; question i tests lesson
/// i % lessons and its answer is choice i % 4.
inline ModulePlan make_plan(int lessons, int questions, int threshold = 40, int mastery = 80) {
  ModulePlan plan;
  plan.course_id = "c";
  plan.module_id = "m";
  for (int i = 0; i < lessons; ++i) plan.lessons.push_back("lesson-" + std::to_string(i + 1));
  for (int i = 0; i < questions; ++i)
    plan.questions.push_back({"q" + std::to_string(i + 1), 4, i % 4, {i % lessons}});
  plan.pretest_threshold = threshold;
  plan.mastery_score = mastery;
  return plan;
}

/// A course plan of `modules` modules "m1", "m2"... each of `lessons` lessons
/// ("m1-lesson-1"...) and `questions` questions "q1"...: question i of a module tests its
/// lesson i % lessons and its answer is choice i % 4.
inline ModulePlan make_course_plan_fixture(int modules, int lessons, int questions, int threshold = 40,
                                           int mastery = 80) {
  ModulePlan plan = make_plan(modules * lessons, modules * questions, threshold, mastery);
  plan.module_id.clear();
  for (int m = 0; m < modules; ++m) {
    const std::string id = "m" + std::to_string(m + 1);
    plan.parts.push_back({id, m * lessons, lessons, m * questions, questions});
    for (int i = 0; i < lessons; ++i)
      plan.lessons[static_cast<std::size_t>(m * lessons + i)] = id + "-lesson-" + std::to_string(i + 1);
    for (int i = 0; i < questions; ++i)
      plan.questions[static_cast<std::size_t>(m * questions + i)] = {"q" + std::to_string(i + 1), 4, i % 4,
                                                                      {m * lessons + i % lessons}};
  }
  return plan;
}

/// Right answers for every question of `plan`, except those listed as wrong.
inline std::vector<int> answers_with_wrong(const ModulePlan& plan, std::vector<int> wrong = {}) {
  std::vector<int> answers;
  for (const auto& q : plan.questions) answers.push_back(q.correct);
  for (int i : wrong) answers[static_cast<std::size_t>(i)] = (answers[static_cast<std::size_t>(i)] + 1) % 4;
  return answers;
}

/// The largest progress `plan` can hold, for the cmi.suspend_data bound: every question
/// made one of 26 choices and answered with the last letter in both quizzes (a retake
/// open), every lesson viewed, the last one open, every number at its largest (seed, time,
/// attempts: retakes have no cap).
inline LearnerState worst_state(ModulePlan& plan) {
  for (auto& question : plan.questions) question.choices = 26;
  LearnerState state = LearnerState::start(plan, UINT32_MAX);
  state.phase = Phase::posttest;
  state.lesson = static_cast<int>(plan.lessons.size()) - 1;
  state.pretest.assign(plan.questions.size(), 25);
  state.posttest.assign(plan.questions.size(), 25);
  state.viewed.assign(plan.lessons.size(), true);
  state.seconds = UINT32_MAX;
  state.attempts = UINT32_MAX;
  state.last_correct = static_cast<int>(plan.questions.size());
  return state;
}

/// Checks that `decoded` holds every field of `state` (a round trip through the encoder).
inline void check_same_state(const LearnerState& decoded, const LearnerState& state) {
  CHECK(decoded.phase == state.phase);
  CHECK(decoded.lesson == state.lesson);
  CHECK(decoded.pretest == state.pretest);
  CHECK(decoded.posttest == state.posttest);
  CHECK(decoded.viewed == state.viewed);
  CHECK(decoded.seed == state.seed);
  CHECK(decoded.seconds == state.seconds);
  CHECK(decoded.attempts == state.attempts);
  CHECK(decoded.last_correct == state.last_correct);
}

}  // namespace coursepack::testing
