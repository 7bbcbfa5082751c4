#pragma once
// The report's two files, written through a sink so that the same code writes to a
// file, a pipe or memory in tests: report.csv (one row per learner and module) and
// report.html (one self-contained page: inline CSS and SVG, no script, no request).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/report/certification.h"
#include "coursepack/report/cohort.h"
#include "coursepack/report/summary.h"

namespace coursepack::report {

/// Receives the output in pieces, in order.
using Sink = std::function<void(std::string_view)>;

/// The CSV's columns, in order (RFC 4180, CRLF line ends, UTF-8; a header row first).
inline constexpr std::string_view kCsvHeader =
    "learner,name,module,cohort,partner,country,language,pre_percent,post_percent,gain,attempts,"
    "lessons_required,lessons_required_viewed,lessons_missing,status,seconds";

/// A learner-module's status as the CSV and the page name it.
std::string_view status_name(const LearnerModule& record);

/// Writes report.csv: learners sorted by id, then modules in course order; only modules
/// the learner started. Text cells that a spreadsheet would run as a formula (starting
/// with = + - @ or a tab) are prefixed with an apostrophe.
void write_csv(const Cohort& cohort, const Sink& sink);

/// certification.csv's columns: one row per course with a rule and learner of it, in the
/// order certify() gives (certified, close, the rest).
inline constexpr std::string_view kCertificationCsvHeader =
    "course,learner,name,status,sessions_attended,sessions_required,sessions_needed,modules_passed,modules_required,"
    "modules_to_pass,still_needs";

/// "certified", "close" or "not yet".
std::string_view standing_name(const Standing& standing);

/// Writes certification.csv (same conventions as report.csv).
void write_certification_csv(const Cohort& cohort, const std::vector<CourseCertification>& courses, const Sink& sink);

struct PageInputs {
  std::string title = "Cohort report";  // the page's h1 and <title>
  std::string generated;                // e.g. "2026-11-28 14:02 UTC", given by the caller (no clock here)
  std::vector<std::string> sources;     // what was read, as shown ("statements.jsonl", "standard input")
  std::int64_t statements = 0;          // statements read
  std::int64_t skipped = 0;             // ... of which left out (about something else, voided, repeated)
  std::vector<CourseCertification> certification;  // certify()'s result; empty: no rule given
};

/// Writes report.html. Every text from the statements or the course is escaped.
void write_html(const Cohort& cohort, const CohortSummary& summary, const PageInputs& inputs, const Sink& sink);

}  // namespace coursepack::report
