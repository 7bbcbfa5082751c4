#pragma once
// SCORM 1.2 run-time data model: the formats and limits the runtime writes, and how a
// learner's progress maps onto cmi.* values (SCORM 1.2 RTE, section 3.4).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/player_session.h"

namespace coursepack::scorm12 {

/// cmi.suspend_data is CMIString4096 (RTE 3.4.4). Moodle counts UTF-16 code units; our
/// encoding is ASCII, so characters, bytes and code units agree.
inline constexpr std::size_t kSuspendDataMax = 4096;
/// cmi.core.lesson_location is CMIString255 (RTE 3.4.4).
inline constexpr std::size_t kLessonLocationMax = 255;

/// cmi.core.lesson_status: the values a SCO may set (RTE 3.4.4; "not attempted" is the
/// LMS's own starting value and never ours).
inline constexpr std::string_view kIncomplete = "incomplete";
inline constexpr std::string_view kCompleted = "completed";
inline constexpr std::string_view kPassed = "passed";
inline constexpr std::string_view kFailed = "failed";

/// incomplete while the module is under way; passed or failed once the post-test is in.
std::string_view lesson_status(const PlayerSession& session);

/// cmi.core.lesson_location: where the learner is ("home", "pretest", "lesson-3" ...).
std::string lesson_location(const PlayerSession& session);

/// CMITimespan "HHHH:MM:SS.SS" (RTE 3.4.3), hours padded to 4 digits, capped at 9999.
std::string timespan(std::uint64_t centiseconds);

/// CMITime "HH:MM:SS" of a time of day given in seconds since midnight.
std::string time_of_day(std::uint32_t seconds);

/// cmi.student_data.mastery_score as the LMS gives it: a CMIDecimal 0..100 or empty.
std::optional<double> parse_mastery_score(std::string_view text);

/// One cmi.interactions.n record (RTE 3.4.5). Ids use letters, digits, "-" and "_" only;
/// choice responses are single letters a..z (CMIFeedback for type "choice").
struct Interaction {
  std::string id;                // "pre_q1", "post_q1"
  std::string type = "choice";
  std::string student_response;  // the stable letter of the choice, not its shown place
  std::string correct_pattern;
  std::string result;            // "correct" or "wrong"
  std::string objective;         // the first lesson the question tests
  std::string time;              // HH:MM:SS
};

/// The interactions of a submitted quiz, in question order.
std::vector<Interaction> interactions(const PlayerSession& session, QuizKind kind, std::uint32_t time_of_day_seconds);

}  // namespace coursepack::scorm12
