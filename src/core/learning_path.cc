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

namespace {

// The questions [first, first + count) scored alone.
QuizScore score_range(const ModulePlan& plan, const Answers& answers, int first, int count) {
  QuizScore score;
  score.total = count;
  for (int i = first; i < first + count && i < static_cast<int>(answers.size()); ++i)
    if (answers[static_cast<std::size_t>(i)] == plan.questions[static_cast<std::size_t>(i)].correct) ++score.correct;
  score.percent = score.total == 0 ? 0 : score.correct * 100 / score.total;
  return score;
}

// The seed's rule on one module (or one part): below the threshold every lesson, else the
// lessons of the missed questions.
void recommend(const ModulePlan& plan, const Answers& pretest, const PlanPart& part, std::vector<bool>& mandatory) {
  const bool all = score_range(plan, pretest, part.first_question, part.question_count).percent < plan.pretest_threshold;
  for (int i = part.first_lesson; i < part.first_lesson + part.lesson_count && all; ++i)
    mandatory[static_cast<std::size_t>(i)] = true;
  for (int i = part.first_question; i < part.first_question + part.question_count && !all; ++i) {
    const auto q = static_cast<std::size_t>(i);
    if (q >= pretest.size() || pretest[q] != plan.questions[q].correct)
      for (int lesson : plan.questions[q].lessons) mandatory[static_cast<std::size_t>(lesson)] = true;
  }
}

}  // namespace

std::vector<QuizScore> part_scores(const ModulePlan& plan, const Answers& answers) {
  std::vector<QuizScore> scores;
  for (const auto& part : plan.parts) scores.push_back(score_range(plan, answers, part.first_question, part.question_count));
  return scores;
}

std::vector<bool> recommended_lessons(const ModulePlan& plan, const Answers& pretest) {
  std::vector<bool> mandatory(plan.lessons.size(), false);
  if (plan.parts.empty())
    recommend(plan, pretest, {plan.module_id, 0, static_cast<int>(plan.lessons.size()), 0, static_cast<int>(plan.questions.size())},
              mandatory);
  for (const auto& part : plan.parts) recommend(plan, pretest, part, mandatory);
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
