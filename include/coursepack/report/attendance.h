#pragma once
// Who attended which live session, read from a trainer's CSV or a Zoom participants
// export, and the xAPI `attended` statements that record it (docs/report.md,
// "Attendance"). Pure: the CLI reads the file and sends or writes the statements.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/core/diagnostic.h"

namespace coursepack::report {

/// ADL vocabulary (http://adlnet.gov/expapi/verbs/attended, .../activities/meeting).
inline constexpr std::string_view kAttended = "http://adlnet.gov/expapi/verbs/attended";
inline constexpr std::string_view kMeetingType = "http://adlnet.gov/expapi/activities/meeting";

/// The activity of a live session: "<course iri>/sessions/<id>", beside the course's
/// "/modules/<id>" (plural, as modules, lessons and questions are).
std::string session_activity(std::string_view course_iri, std::string_view session);

/// One learner at one live session.
struct Attendance {
  std::string learner;    // the report's learner key: "mailto:<e-mail>" or "<homePage>|<name>"
  std::string name;       // as the file gives it, may be empty
  std::string session;    // a live session id of the course
  std::string timestamp;  // ISO 8601 with a zone
  std::uint32_t seconds = 0;  // time present, from a video tool's export; 0: not known
  int line = 0;               // where the learner first appears
};

struct AttendanceOptions {
  /// The session of the whole file (a video tool's export names none); for a trainer's
  /// CSV, the session of rows without a session column.
  std::string session;
  /// homePage of learners given by account name rather than e-mail, e.g. the Moodle site
  /// (the accounts `moodle sync` makes). Empty: such a learner is a problem.
  std::string account_home;
  /// The zone of times without one (Zoom writes local time): "Z" or "+02:00".
  std::string zone = "Z";
  /// A participant present fewer minutes than this (all their rows together) did not attend.
  int min_minutes = 0;
};

struct AttendanceFile {
  std::string format;                // "trainer" or "zoom"
  std::vector<Attendance> rows;      // one per learner and session, in file order; empty on problems
  std::vector<Diagnostic> problems;  // file:line:column: message
  std::vector<Diagnostic> notes;     // participants left out: no e-mail (a guest), too short a stay
};

/// Reads `text` as a trainer's CSV (a header row naming a learner/e-mail/account column,
/// a session column, a date column, optionally name; ',' or ';'; UTF-8 with or without a
/// byte order mark) or, when its header has "Join Time", as a Zoom participants export
/// (needs options.session). A session the course does not have, a learner that is neither
/// an e-mail nor an account, a date that is not one, a missing column: each a problem at
/// its cell. The same learner twice at a session is one attendance (Zoom: a rejoin, whose
/// minutes add up).
AttendanceFile read_attendance_csv(std::string_view text, const std::string& file, const Course& course,
                                   const AttendanceOptions& options);

/// One `attended` statement per row (compact JSON), ids uuid_from_name of the course,
/// session and learner: the same attendance always gets the same id, so a file given
/// twice records nothing new. Session names in every language of the course.
std::vector<std::string> attendance_statements(const Course& course, const std::vector<Attendance>& rows);

}  // namespace coursepack::report
