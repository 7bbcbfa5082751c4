#pragma once
// The SETS learning model: score a quiz, recommend lessons from the pre-test, decide
// completion and success. Pure functions over a ModulePlan.

#include <vector>

#include "coursepack/core/module_plan.h"

namespace coursepack {

/// An answer per question: the index of the chosen choice, or kNoAnswer.
using Answers = std::vector<int>;
inline constexpr int kNoAnswer = -1;

struct QuizScore {
  int correct = 0;
  int total = 0;
  int percent = 0;  // correct * 100 / total, rounded down
};

/// Scores `answers` against the plan's key. Missing or out-of-range answers are wrong.
QuizScore score_quiz(const ModulePlan& plan, const Answers& answers);

/// Per part of a course plan, the part's questions scored alone (empty for a module plan).
std::vector<QuizScore> part_scores(const ModulePlan& plan, const Answers& answers);

/// Lessons that become mandatory after the pre-test: those tested by a missed question,
/// and every lesson when the score is below the pre-test threshold. In a course plan the
/// threshold applies per part: a module scored below it has all its lessons mandatory.
std::vector<bool> recommended_lessons(const ModulePlan& plan, const Answers& pretest);

/// True when every answer is given and within range.
bool quiz_complete(const ModulePlan& plan, const Answers& answers);

/// Passed when the post-test score reaches the mastery score (a percentage). A course
/// plan passes on its overall post-test score; each module's objective on its part's.
bool passed(const QuizScore& posttest, double mastery_score);

}  // namespace coursepack
