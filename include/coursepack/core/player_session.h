#pragma once
// One learner in one module: the rules of the path as a state machine. Every action
// returns an empty string when done, or why it was refused (and changes nothing).

#include <string>
#include <vector>

#include "coursepack/core/learner_state.h"

namespace coursepack {

enum class QuizKind { pretest, posttest };

/// How the LMS launched the module (SCORM 1.2 cmi.core.lesson_mode and cmi.core.credit):
/// only a normal launch with credit is graded. Browse and review let the learner look at
/// everything and take the quizzes for practice; nothing counts.
enum class LessonMode { normal, browse, review };

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
  std::string submit();                          // pretest -> results, posttest -> finished (one attempt more)
  std::string continue_to_lessons();             // results -> lessons, first required lesson open
  std::string open_lesson(int index);            // marks it viewed; from results on
  /// lessons -> posttest once the mandatory lessons are viewed; finished -> posttest (a
  /// retake, answers cleared) while retake_allowed().
  std::string start_posttest();
  void add_seconds(std::uint32_t seconds) { state_.seconds += seconds; }

  /// Mandatory lessons (empty until the pre-test is submitted).
  std::vector<bool> mandatory() const;
  /// Mandatory lessons not yet viewed.
  int lessons_left() const;
  bool posttest_allowed() const;
  QuizScore pretest_score() const { return score_quiz(plan_, state_.pretest); }
  QuizScore posttest_score() const { return score_quiz(plan_, state_.posttest); }
  bool finished() const { return state_.phase == Phase::finished; }
  /// The last submitted attempt reached the mastery score (graded or not).
  bool passed() const;
  /// Score of the last submitted post-test attempt (the open one's answers may differ).
  QuizScore last_score() const;

  /// The LMS's launch mode; graded() only for a normal launch with credit.
  void set_lms_mode(LessonMode mode, bool credit) {
    mode_ = mode;
    credit_ = credit;
  }
  LessonMode lesson_mode() const { return mode_; }
  bool credit() const { return credit_; }
  bool graded() const { return mode_ == LessonMode::normal && credit_; }

  /// Post-test attempts allowed (0: until passed) and submitted.
  int max_attempts() const { return plan_.max_attempts; }
  int attempts() const { return static_cast<int>(state_.attempts); }
  /// Every allowed attempt is used.
  bool attempts_spent() const;
  /// Another post-test attempt may start: the last one failed and attempts remain (or,
  /// not graded, always: practice).
  bool retake_allowed() const;
  /// Nothing more can change the result: passed, or every attempt spent.
  bool result_final() const { return attempts() > 0 && (passed() || attempts_spent()); }
  /// The correct answers and the feedback may be shown: the result is final, or nothing
  /// is graded. Never while a retake could still use them.
  bool answers_revealed() const { return attempts() > 0 && (result_final() || !graded()); }
  /// Submitting the open quiz counts for the learner's result (a graded post-test).
  bool submit_counts() const { return state_.phase == Phase::posttest && graded(); }
  /// Display order of a question's choices: as authored in the pre-test, shuffled with
  /// the stored seed in the post-test.
  std::vector<int> choice_order(QuizKind kind, int question) const;

 private:
  bool submitted(QuizKind kind) const;

  ModulePlan plan_;
  LearnerState state_;
  double mastery_;
  LessonMode mode_ = LessonMode::normal;
  bool credit_ = true;
};

}  // namespace coursepack
