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
inline constexpr std::string_view kBrowsed = "browsed";

/// cmi.core.lesson_mode (RTE 3.4.4): "browse", "normal" or "review". Anything else (an
/// LMS that leaves it empty) is read as normal.
LessonMode parse_lesson_mode(std::string_view text);
/// cmi.core.credit (RTE 3.4.4): "credit" or "no-credit"; anything else counts as credit.
bool parse_credit(std::string_view text);

/// What the SCO writes to cmi.core.lesson_status, or "" for nothing:
/// - normal with credit: incomplete until a post-test attempt is in, then passed or
///   failed by the last attempt (failed stays while a retake is open);
/// - browse: "browsed" (RTE 3.4.4: the status a SCO launched in browse mode reports);
/// - normal without credit: "incomplete", never completed, passed or failed: Moodle would
///   count those for its "learning objects" grade, and incomplete also keeps Moodle from
///   turning "not attempted" into completed at LMSFinish;
/// - review: nothing, the status stays what the graded attempt left.
std::string_view lesson_status(const PlayerSession& session);

/// cmi.core.exit: "" once nothing can change the result (passed, or attempts spent),
/// else "suspend" so the LMS keeps the attempt open for a retake or a resume.
std::string_view exit_value(const PlayerSession& session);

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
  std::string id;                // "pre_q1", "post_q1", then "post2_q1" ... per attempt
  std::string type = "choice";
  std::string student_response;  // the stable letter of the choice, not its shown place
  std::string correct_pattern;
  std::string result;            // "correct" or "wrong"
  // Every lesson the question tests, in plan order: cmi.interactions.n.objectives.k.id,
  // so an LMS report can trace a wrong answer to each lesson that covers it. In a course
  // plan the module id comes first, tying the answer to the module's cmi.objectives.
  std::vector<std::string> objectives;
  std::string time;              // HH:MM:SS
};

/// The id of a question's interaction: "pre_<id>", "post_<id>" for the first post-test
/// attempt, "post<n>_<id>" for attempt n >= 2 (unique per attempt, letters, digits, "_").
/// In a course plan `question_id` is "<module id>_<question id>" (question ids repeat
/// across modules). Ids are at most 64 characters, so an id stays far below
/// CMIIdentifier's 255 (RTE 3.4.3).
std::string interaction_id(QuizKind kind, int attempt, const std::string& question_id);

/// One cmi.objectives.n record of a course plan (RTE 3.4.6): a module.
struct Objective {
  std::string id;                  // the module id
  std::optional<int> score_raw;    // the module's percent (score.min 0, score.max 100)
  std::string_view status;         // "incomplete", "passed" or "failed"
};

/// The objectives of a course plan, one per module in order; none for a module plan, for
/// a launch that is not graded, and while a post-test retake is open (the LMS keeps what
/// the last attempt wrote). score.raw: the module's percent in the last post-test attempt,
/// else in the pre-test once submitted, else none. status: "incomplete" until a post-test
/// attempt is in, then "passed" or "failed" by the module's own percent against the
/// mastery score in force.
std::vector<Objective> objectives(const PlayerSession& session);

/// The interactions of a submitted quiz, in question order; the post-test's are those of
/// the attempt just submitted. None when the launch is not graded.
std::vector<Interaction> interactions(const PlayerSession& session, QuizKind kind, std::uint32_t time_of_day_seconds);

}  // namespace coursepack::scorm12
