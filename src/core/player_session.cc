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
  if (state_.phase != Phase::lessons && state_.phase != Phase::results) return "the post-test is not available now";
  if (!posttest_allowed()) return "some recommended lessons are not viewed yet";
  state_.phase = Phase::posttest;
  return {};
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

bool PlayerSession::posttest_allowed() const { return submitted(QuizKind::pretest) && lessons_left() == 0; }

bool PlayerSession::passed() const { return finished() && coursepack::passed(posttest_score(), mastery_); }

std::vector<int> PlayerSession::choice_order(QuizKind kind, int question) const {
  if (question < 0 || question >= static_cast<int>(plan_.questions.size())) return {};
  const int count = plan_.questions[static_cast<std::size_t>(question)].choices;
  if (kind == QuizKind::posttest) return seeded_permutation(count, state_.seed, static_cast<std::uint32_t>(question));
  std::vector<int> order(static_cast<std::size_t>(count));
  std::iota(order.begin(), order.end(), 0);
  return order;
}

bool PlayerSession::submitted(QuizKind kind) const {
  return kind == QuizKind::pretest ? state_.phase >= Phase::results : state_.phase == Phase::finished;
}

}  // namespace coursepack
