#pragma once
// The runtime's face to JavaScript: a PlayerSession behind an interface of strings and
// numbers only, so the embind bindings just register it. Nothing here throws; refusals
// come back as text.

#include <cstdint>
#include <optional>
#include <string>

#include "coursepack/core/player_session.h"
#include "coursepack/core/xapi_statements.h"

namespace coursepack {

class Player {
 public:
  /// `plan_text` as encode_plan wrote it. A bad plan leaves the player unusable:
  /// error() says why and every action returns that error.
  explicit Player(const std::string& plan_text);

  const std::string& error() const { return error_; }

  /// Resumes from `suspend_data` (empty: a first launch). Returns "" when resumed or
  /// fresh, else why the saved text was refused (the player then starts afresh with
  /// `fresh_seed`); the caller logs it.
  std::string restore(const std::string& suspend_data, std::uint32_t fresh_seed);

  /// The LMS's cmi.student_data.mastery_score; empty or invalid keeps the course's.
  void set_mastery_score(const std::string& lms_value);

  /// The LMS's cmi.core.lesson_mode and cmi.core.credit as it gave them (empty or unknown:
  /// normal, credit). Browse, review and no-credit launches grade nothing: see view().
  void set_lms_mode(const std::string& lesson_mode, const std::string& credit);

  std::string start_pretest();
  std::string answer(int question, int choice);
  std::string submit();
  std::string continue_to_lessons();
  std::string open_lesson(int index);
  std::string start_posttest();
  void add_seconds(std::uint32_t seconds);

  /// Text for cmi.suspend_data.
  std::string suspend_data() const;
  /// Everything the page shows, as JSON: phase, lesson, answers, viewed and mandatory
  /// lessons, scores, gain, SCORM status, exit and location, post-test choice orders;
  /// attempts (used, allowed, retake allowed, answers revealed), the launch mode (graded,
  /// lesson_mode, credit) and, once an attempt is in, its review per question (right or
  /// wrong, the lessons covering it, the correct choice or -1 while it stays hidden).
  std::string view() const;
  /// The interactions of a submitted quiz (kind 0 pre-test, 1 post-test) as a JSON array
  /// of {id, type, student_response, correct_pattern, result, objective, time}.
  std::string interactions(int kind, std::uint32_t time_of_day_seconds) const;
  /// CMITimespan for cmi.core.session_time.
  static std::string session_time(double centiseconds);

  /// What a TinCan launch says about the statements to come (tincan-launch.md, "Launch"):
  /// the launched activity's id (the module's statements are about it), a grouping
  /// activity and the platform. Empty keeps the default (the module's own id; none; none).
  /// The values are written as given: the caller checks that the ids are absolute IRIs.
  void set_launch(const std::string& activity_id, const std::string& grouping, const std::string& platform);

  /// The session ends (the page goes): queues the xAPI "terminated" statement.
  void terminate();
  /// How many xAPI statements the actions since the last take_statements() make.
  int pending_statements() const;
  /// Those statements as a JSON array, then forgets them. `ids` holds one UUID per
  /// statement, comma-separated; `actor_json` is an xAPI Agent.
  std::string take_statements(const std::string& actor_json, const std::string& registration,
                              const std::string& timestamp, const std::string& ids);

 private:
  std::string record_lesson(int index, const std::string& refusal, bool was_viewed);

  std::optional<PlayerSession> session_;
  std::string error_;
  std::vector<xapi::Event> events_;
  std::string activity_id_, grouping_, platform_;  // from set_launch()
  std::uint32_t session_start_ = 0;  // state.seconds when this session began
  std::uint32_t quiz_start_ = 0;     // state.seconds when the open quiz began
};

}  // namespace coursepack
