#include "coursepack/core/learning_path.h"

namespace coursepack {

QuizScore score_quiz(const ModulePlan& plan, const Answers& answers) {
  QuizScore score;
  score.total = static_cast<int>(plan.questions.size());
  for (std::size_t i = 0; i < plan.questions.size() && i < answers.size(); ++i)
    if (answers[i] == plan.questions[i].correct) ++score.correct;
  score.percent = score.total == 0 ? 0 : score.correct * 100 / score.total;
  return score;
}

std::vector<bool> recommended_lessons(const ModulePlan& plan, const Answers& pretest) {
  std::vector<bool> mandatory(plan.lessons.size(), false);
  if (score_quiz(plan, pretest).percent < plan.pretest_threshold) return std::vector<bool>(plan.lessons.size(), true);
  for (std::size_t i = 0; i < plan.questions.size(); ++i) {
    const bool right = i < pretest.size() && pretest[i] == plan.questions[i].correct;
    if (!right)
      for (int lesson : plan.questions[i].lessons) mandatory[static_cast<std::size_t>(lesson)] = true;
  }
  return mandatory;
}

bool quiz_complete(const ModulePlan& plan, const Answers& answers) {
  if (answers.size() != plan.questions.size()) return false;
  for (std::size_t i = 0; i < answers.size(); ++i)
    if (answers[i] < 0 || answers[i] >= plan.questions[i].choices) return false;
  return true;
}

bool passed(const QuizScore& posttest, double mastery_score) { return posttest.percent >= mastery_score; }

}  // namespace coursepack
