#include "coursepack/core/player_session.h"

#include <numeric>

#include "coursepack/core/shuffle.h"

namespace coursepack {

PlayerSession::PlayerSession(ModulePlan plan, LearnerState state)
    : plan_(std::move(plan)), state_(std::move(state)), mastery_(plan_.mastery_score) {}

std::string PlayerSession::start_pretest() {
  if (state_.phase != Phase::home) return "the pre-test has already been started";
  state_.phase = Phase::pretest;
  return {};
}

std::string PlayerSession::answer(int question, int choice) {
  Answers* answers = state_.phase == Phase::pretest    ? &state_.pretest
                     : state_.phase == Phase::posttest ? &state_.posttest
                                                       : nullptr;
  if (!answers) return "no quiz is open";
  if (question < 0 || question >= static_cast<int>(plan_.questions.size())) return "no such question";
  if (choice < 0 || choice >= plan_.questions[static_cast<std::size_t>(question)].choices) return "no such choice";
  (*answers)[static_cast<std::size_t>(question)] = choice;
  return {};
}

std::string PlayerSession::submit() {
  if (state_.phase == Phase::pretest) {
    if (!quiz_complete(plan_, state_.pretest)) return "every question needs an answer";
    state_.phase = Phase::results;
    return {};
  }
  if (state_.phase == Phase::posttest) {
    if (!quiz_complete(plan_, state_.posttest)) return "every question needs an answer";
    state_.phase = Phase::finished;
    ++state_.attempts;
    state_.last_correct = score_quiz(plan_, state_.posttest).correct;
    return {};
  }
  return "no quiz is open";
}

std::string PlayerSession::continue_to_lessons() {
  if (state_.phase != Phase::results) return "the pre-test results are not showing";
  // The lessons screen always shows a lesson, and a lesson shown is a lesson viewed:
  // start with the first required one.
  const auto required = mandatory();
  int first = 0;
  for (std::size_t i = 0; i < required.size(); ++i)
    if (required[i]) {
      first = static_cast<int>(i);
      break;
    }
  return open_lesson(first);
}

std::string PlayerSession::open_lesson(int index) {
  if (state_.phase < Phase::results || state_.phase == Phase::posttest)
    return "lessons open after the pre-test and outside the post-test";
  if (index < 0 || index >= static_cast<int>(plan_.lessons.size())) return "no such lesson";
  if (state_.phase == Phase::results) state_.phase = Phase::lessons;
  state_.lesson = index;
  state_.viewed[static_cast<std::size_t>(index)] = true;
  return {};
}

std::string PlayerSession::start_posttest() {
  if (state_.phase == Phase::finished) {
    if (!retake_allowed()) return passed() ? "the post-test is passed" : "every attempt at the post-test is used";
    state_.posttest.assign(plan_.questions.size(), kNoAnswer);
    state_.phase = Phase::posttest;
    return {};
  }
  if (state_.phase != Phase::lessons && state_.phase != Phase::results) return "the post-test is not available now";
  if (!posttest_allowed()) return "some recommended lessons are not viewed yet";
  state_.phase = Phase::posttest;
  return {};
}

bool PlayerSession::attempts_spent() const { return max_attempts() > 0 && attempts() >= max_attempts(); }

bool PlayerSession::retake_allowed() const {
  if (state_.phase != Phase::finished) return false;
  if (!graded()) return true;
  return !passed() && !attempts_spent();
}

QuizScore PlayerSession::last_score() const {
  QuizScore score;
  score.total = static_cast<int>(plan_.questions.size());
  score.correct = state_.attempts > 0 ? state_.last_correct : 0;
  score.percent = score.total == 0 ? 0 : score.correct * 100 / score.total;
  return score;
}

std::vector<bool> PlayerSession::mandatory() const {
  if (!submitted(QuizKind::pretest)) return {};
  return recommended_lessons(plan_, state_.pretest);
}

int PlayerSession::lessons_left() const {
  const auto required = mandatory();
  int left = 0;
  for (std::size_t i = 0; i < required.size(); ++i)
    if (required[i] && !state_.viewed[i]) ++left;
  return left;
}

bool PlayerSession::posttest_allowed() const {
  if (!submitted(QuizKind::pretest) || lessons_left() > 0) return false;
  return state_.phase == Phase::finished ? retake_allowed() : state_.phase != Phase::posttest;
}

bool PlayerSession::passed() const { return state_.attempts > 0 && coursepack::passed(last_score(), mastery_); }

std::vector<int> PlayerSession::choice_order(QuizKind kind, int question) const {
  if (question < 0 || question >= static_cast<int>(plan_.questions.size())) return {};
  const int count = plan_.questions[static_cast<std::size_t>(question)].choices;
  // Each attempt its own order (the first keeps the stored seed as it is).
  if (kind == QuizKind::posttest)
    return seeded_permutation(count, state_.seed + state_.attempts * 0x9E3779B9u, static_cast<std::uint32_t>(question));
  std::vector<int> order(static_cast<std::size_t>(count));
  std::iota(order.begin(), order.end(), 0);
  return order;
}

bool PlayerSession::submitted(QuizKind kind) const {
  return kind == QuizKind::pretest ? state_.phase >= Phase::results : state_.phase == Phase::finished;
}

}  // namespace coursepack
