#pragma once
// One learner in one module: the rules of the path as a state machine. Every action
// returns an empty string when done, or why it was refused (and changes nothing).

#include <string>
#include <vector>

#include "coursepack/core/learner_state.h"

namespace coursepack {

enum class QuizKind { pretest, posttest };

class PlayerSession {
 public:
  PlayerSession(ModulePlan plan, LearnerState state);

  const ModulePlan& plan() const { return plan_; }
  const LearnerState& state() const { return state_; }

  /// The mastery score in force: the LMS's when it gave one, else the course's.
  double mastery_score() const { return mastery_; }
  void set_mastery_score(double percent) { mastery_ = percent; }

  std::string start_pretest();                   // home -> pretest
  std::string answer(int question, int choice);  // during either quiz
  std::string submit();                          // pretest -> results, posttest -> finished
  std::string continue_to_lessons();             // results -> lessons, first required lesson open
  std::string open_lesson(int index);            // marks it viewed; from results on
  std::string start_posttest();                  // lessons -> posttest, mandatory lessons viewed
  void add_seconds(std::uint32_t seconds) { state_.seconds += seconds; }

  /// Mandatory lessons (empty until the pre-test is submitted).
  std::vector<bool> mandatory() const;
  /// Mandatory lessons not yet viewed.
  int lessons_left() const;
  bool posttest_allowed() const;
  QuizScore pretest_score() const { return score_quiz(plan_, state_.pretest); }
  QuizScore posttest_score() const { return score_quiz(plan_, state_.posttest); }
  bool finished() const { return state_.phase == Phase::finished; }
  bool passed() const;
  /// Display order of a question's choices: as authored in the pre-test, shuffled with
  /// the stored seed in the post-test.
  std::vector<int> choice_order(QuizKind kind, int question) const;

 private:
  bool submitted(QuizKind kind) const;

  ModulePlan plan_;
  LearnerState state_;
  double mastery_;
};

}  // namespace coursepack
