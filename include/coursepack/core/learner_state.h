#pragma once
// A learner's progress through one module, and its compact text form for SCORM 1.2's
// cmi.suspend_data (at most 4096 characters, CMIString4096).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/learning_path.h"

namespace coursepack {

enum class Phase : int {
  home = 0,        // module home, nothing answered yet
  pretest = 1,     // answering the pre-test
  results = 2,     // pre-test submitted, recommendations shown
  lessons = 3,     // studying
  posttest = 4,    // answering the post-test
  finished = 5,    // a post-test attempt submitted, none open
};

struct LearnerState {
  Phase phase = Phase::home;
  int lesson = 0;                // lesson shown or last shown
  Answers pretest;               // one per question, kNoAnswer when not answered
  Answers posttest;
  std::vector<bool> viewed;      // one per lesson
  std::uint32_t seed = 0;        // post-test choice order
  std::uint32_t seconds = 0;     // time spent in the module over all sessions
  std::uint32_t attempts = 0;    // post-test attempts submitted
  int last_correct = 0;          // right answers in the last submitted attempt

  /// A fresh state for `plan`.
  static LearnerState start(const ModulePlan& plan, std::uint32_t seed);
};

/// The state as text of printable ASCII without spaces, quotes or backslashes (safe in any
/// LMS's storage), in the latest format (version 2). A module of 40 lessons and 20
/// questions takes under 100 characters; the largest module the course format allows
/// (1000 lessons, 1000 questions) stays under 4096 whatever the attempts.
std::string encode_state(const ModulePlan& plan, const LearnerState& state);

struct DecodedState {
  LearnerState state;
  std::string error;  // why the text was refused; the state is then a fresh start
};

/// Reads what encode_state wrote for the same plan, in this format or an older one
/// (version 1: no attempts; a finished state then counts as one attempt). Garbage, truncation, another
/// module's data or a changed quiz give a fresh state and the reason, never a crash.
DecodedState decode_state(const ModulePlan& plan, std::string_view text, std::uint32_t fresh_seed);

/// The two fields of a state text that guard the others, as encode_state writes them: the
/// plan's fingerprint (second field) and the check digest of `body`, all the text before the
/// last "." (last field). For tools that forge states on purpose (fuzz/learner_state_fuzz.cc).
std::string state_fingerprint_field(const ModulePlan& plan);
std::string state_check_field(std::string_view body);

}  // namespace coursepack
