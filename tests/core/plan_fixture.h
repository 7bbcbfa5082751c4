#pragma once
// Module plans for core tests, built in code.

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

/// Right answers for every question of `plan`, except those listed as wrong.
inline std::vector<int> answers_with_wrong(const ModulePlan& plan, std::vector<int> wrong = {}) {
  std::vector<int> answers;
  for (const auto& q : plan.questions) answers.push_back(q.correct);
  for (int i : wrong) answers[static_cast<std::size_t>(i)] = (answers[static_cast<std::size_t>(i)] + 1) % 4;
  return answers;
}

}  // namespace coursepack::testing
