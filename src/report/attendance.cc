#include "coursepack/report/attendance.h"

#include <map>

#include <nlohmann/json.hpp>

#include "coursepack/core/sha256.h"
#include "coursepack/core/xapi_statements.h"
#include "coursepack/report/cohort.h"
#include "csv_reader.h"

namespace coursepack::report {
namespace {

// Header names a trainer may use for each column (compared in lower case).
constexpr std::string_view kLearnerHeaders[] = {"learner", "email", "e-mail", "mail", "account", "user", "username"};
constexpr std::string_view kSessionHeaders[] = {"session", "session id", "session_id"};
constexpr std::string_view kDateHeaders[] = {"date", "day", "timestamp"};
constexpr std::string_view kNameHeaders[] = {"name", "full name", "learner name"};

// Zoom's participants export (Reports > Usage > Participants > Export): the columns read.
constexpr std::string_view kZoomName = "name (original name)";
constexpr std::string_view kZoomEmail = "user email";
constexpr std::string_view kZoomJoin = "join time";
constexpr std::string_view kZoomDuration = "duration (minutes)";

template <std::size_t N>
int find_column(const CsvRow& header, const std::string_view (&names)[N]) {
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    const std::string cell = ascii_lower(header.cells[c]);
    for (const auto name : names)
      if (cell == name) return static_cast<int>(c);
  }
  return -1;
}

int find_column(const CsvRow& header, std::string_view name) {
  const std::string_view names[] = {name};
  return find_column(header, names);
}

bool plausible_email(std::string_view text) {
  const auto at = text.find('@');
  return at != std::string_view::npos && at > 0 && text.find('@', at + 1) == std::string_view::npos &&
         text.find('.', at) != std::string_view::npos && text.back() != '.' &&
         text.find_first_of(" \t<>\",;") == std::string_view::npos;
}

struct Reading {
  const Course& course;
  const AttendanceOptions& options;
  CsvReader& reader;
  AttendanceFile& out;
  std::map<std::pair<std::string, std::string>, std::size_t> seen;  // (learner, session) -> row

  void problem(int line, int column, std::string message) { out.problems.push_back(reader.problem(line, column, std::move(message))); }

  // The next row with as many cells as the header (`at_least`: or more); a row with
  // another count is a problem, and skipped.
  bool next_row(CsvRow& row, const CsvRow& header, bool at_least) {
    while (reader.next(row)) {
      if (row.cells.size() == header.cells.size() || (at_least && row.cells.size() > header.cells.size())) return true;
      problem(row.line, 1, std::to_string(row.cells.size()) + " cells where the header has " + std::to_string(header.cells.size()));
    }
    return false;
  }

  // The learner key of a cell, or "" after reporting why not.
  std::string learner_key(const std::string& cell, int line, int column) {
    std::string text = cell;
    if (ascii_lower(text.substr(0, 7)) == "mailto:") text = text.substr(7);
    if (text.empty()) {
      problem(line, column, "no learner");
      return {};
    }
    if (text.find('@') != std::string::npos) {
      if (!plausible_email(text)) {
        problem(line, column, "\"" + text + "\" is not an e-mail address");
        return {};
      }
      return "mailto:" + ascii_lower(text);  // e-mail domains and, in practice, local parts are case-blind
    }
    if (const auto bar = text.find('|'); bar != std::string::npos && text.starts_with("http"))
      return text;  // "<homePage>|<name>", as report.csv writes accounts
    if (options.account_home.empty()) {
      problem(line, column, "\"" + text + "\" is not an e-mail address; for accounts give --account-home URL");
      return {};
    }
    return options.account_home + "|" + text;
  }

  bool known_session(const std::string& id, int line, int column) {
    for (const auto& session : course.live_sessions)
      if (session.id == id) return true;
    std::string ids;
    for (const auto& session : course.live_sessions) ids += (ids.empty() ? "" : ", ") + session.id;
    problem(line, column, "no live session \"" + id + "\" in course " + course.id +
                              (ids.empty() ? " (it has none)" : " (its sessions: " + ids + ")"));
    return false;
  }

  void add(Attendance row) {
    const auto key = std::make_pair(row.learner, row.session);
    if (auto it = seen.find(key); it != seen.end()) {
      Attendance& first = out.rows[it->second];
      first.seconds += row.seconds;
      if (parse_timestamp(row.timestamp) < parse_timestamp(first.timestamp)) first.timestamp = row.timestamp;
      if (first.name.empty()) first.name = row.name;
      return;
    }
    seen.emplace(key, out.rows.size());
    out.rows.push_back(std::move(row));
  }
};

int digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// "2026-09-07" (midnight in options.zone) or an ISO 8601 date and time with a zone.
std::string trainer_timestamp(const std::string& cell, const std::string& zone) {
  if (cell.size() == 10 && digits(cell, 0, 4) >= 0 && cell[4] == '-' && cell[7] == '-') {
    const std::string text = cell + "T00:00:00" + zone;
    return parse_timestamp(text) ? text : "";
  }
  return parse_timestamp(cell) ? cell : "";
}

// Zoom's join time: "09/07/2026 09:58:12 AM" (US order, as Zoom writes it in English) or
// "2026-09-07 09:58:12", local time: written with options.zone.
std::string zoom_timestamp(const std::string& cell, const std::string& zone) {
  int year, month, day;
  std::size_t at;
  if (digits(cell, 0, 4) >= 0 && cell.size() >= 16 && cell[4] == '-') {
    year = digits(cell, 0, 4), month = digits(cell, 5, 2), day = digits(cell, 8, 2);
    at = 11;
  } else if (cell.size() >= 16 && cell[2] == '/' && cell[5] == '/') {
    month = digits(cell, 0, 2), day = digits(cell, 3, 2), year = digits(cell, 6, 4);
    at = 11;
  } else {
    return {};
  }
  int hour = digits(cell, at, 2), minute = digits(cell, at + 3, 2), second = 0;
  if (hour < 0 || minute < 0 || cell[at + 2] != ':') return {};
  std::size_t end = at + 5;
  if (end < cell.size() && cell[end] == ':') {
    second = digits(cell, end + 1, 2);
    end += 3;
  }
  const std::string rest = ascii_lower(cell.substr(std::min(end, cell.size())));
  if (rest == " pm" && hour < 12) hour += 12;
  else if (rest == " am" && hour == 12) hour = 0;
  else if (!rest.empty() && rest != " am" && rest != " pm") return {};
  if (year < 0 || month < 0 || day < 0 || second < 0) return {};
  const std::string text = std::to_string(year) + "-" + two(month) + "-" + two(day) + "T" + two(hour) + ":" + two(minute) +
                           ":" + two(second) + zone;
  return parse_timestamp(text) ? text : "";
}

void read_trainer(Reading& r, const CsvRow& header) {
  const int learner = find_column(header, kLearnerHeaders);
  const int session = find_column(header, kSessionHeaders);
  const int date = find_column(header, kDateHeaders);
  const int name = find_column(header, kNameHeaders);
  if (learner < 0) r.problem(header.line, 1, "no learner column in the header row (learner, email or account)");
  if (session < 0 && r.options.session.empty())
    r.problem(header.line, 1, "no session column in the header row (session), and no --session");
  if (date < 0) r.problem(header.line, 1, "no date column in the header row (date)");
  if (!r.out.problems.empty()) return;
  if (session < 0 && !r.known_session(r.options.session, header.line, 1)) return;
  CsvRow row;
  const auto cell = [&](int c) { return row.cell(c); };
  const auto column = [&](int c) { return row.column(c); };
  while (r.next_row(row, header, false)) {
    Attendance a;
    a.line = row.line;
    a.learner = r.learner_key(cell(learner), row.line, column(learner));
    a.session = session >= 0 ? cell(session) : r.options.session;
    const bool session_ok = session < 0 || (a.session.empty() ? (r.problem(row.line, column(session), "no session"), false)
                                                              : r.known_session(a.session, row.line, column(session)));
    a.timestamp = trainer_timestamp(cell(date), r.options.zone);
    if (a.timestamp.empty())
      r.problem(row.line, column(date), "\"" + cell(date) + "\" is not a date (2026-09-07, or ISO 8601 with a zone)");
    if (name >= 0) a.name = cell(name);
    if (!a.learner.empty() && session_ok && !a.timestamp.empty()) r.add(std::move(a));
  }
}

void read_zoom(Reading& r, const CsvRow& header) {
  const int name = find_column(header, kZoomName) >= 0 ? find_column(header, kZoomName) : find_column(header, "name");
  const int email = find_column(header, kZoomEmail);
  const int join = find_column(header, kZoomJoin);
  const int duration = find_column(header, kZoomDuration);
  if (r.options.session.empty())
    r.problem(header.line, 1, "a Zoom participants export names no session: give it with --session ID");
  if (email < 0) r.problem(header.line, 1, "no \"User Email\" column in the Zoom header row");
  if (duration < 0) r.problem(header.line, 1, "no \"Duration (Minutes)\" column in the Zoom header row");
  if (!r.out.problems.empty() || !r.known_session(r.options.session, header.line, 1)) return;
  CsvRow row;
  const auto cell = [&](int c) { return row.cell(c); };
  const auto column = [&](int c) { return row.column(c); };
  while (r.next_row(row, header, true)) {  // Zoom may add columns in the rows
    Attendance a;
    a.line = row.line;
    a.session = r.options.session;
    if (name >= 0) {
      a.name = cell(name);
      if (const auto paren = a.name.find(" ("); paren != std::string::npos && a.name.ends_with(")")) a.name.resize(paren);
    }
    if (cell(email).empty()) {  // a guest who did not sign in: nobody to credit
      r.out.notes.push_back(r.reader.problem(row.line, column(email), "no e-mail: \"" + a.name + "\" not counted"));
      continue;
    }
    a.learner = r.learner_key(cell(email), row.line, column(email));
    const int minutes = digits(cell(duration), 0, cell(duration).size());
    if (minutes < 0 || cell(duration).empty())
      r.problem(row.line, column(duration), "\"" + cell(duration) + "\" is not a number of minutes");
    a.seconds = minutes > 0 ? static_cast<std::uint32_t>(minutes) * 60 : 0;
    if (join >= 0) {
      a.timestamp = zoom_timestamp(cell(join), r.options.zone);
      if (a.timestamp.empty())
        r.problem(row.line, column(join), "\"" + cell(join) + "\" is not a time (09/07/2026 09:58:12 AM or 2026-09-07 09:58:12)");
    }
    if (!a.learner.empty() && minutes >= 0 && (join < 0 || !a.timestamp.empty())) r.add(std::move(a));
  }
  if (r.options.min_minutes <= 0) return;
  std::vector<Attendance> kept;
  for (auto& a : r.out.rows) {
    if (a.seconds >= static_cast<std::uint32_t>(r.options.min_minutes) * 60) {
      kept.push_back(std::move(a));
      continue;
    }
    r.out.notes.push_back(r.reader.problem(a.line, 1, a.learner + ": " + std::to_string(a.seconds / 60) +
                                                          " minutes, fewer than --min-minutes: not counted"));
  }
  r.out.rows = std::move(kept);
}

}  // namespace

std::string session_activity(std::string_view course_iri, std::string_view session) {
  return std::string(course_iri) + "/sessions/" + std::string(session);
}

AttendanceFile read_attendance_csv(std::string_view text, const std::string& file, const Course& course,
                                   const AttendanceOptions& options) {
  AttendanceFile out;
  CsvReader reader(text, file, out.problems, guess_separator(text));
  Reading reading{course, options, reader, out, {}};
  CsvRow header;
  if (!reader.next(header)) {
    if (out.problems.empty()) out.problems.push_back(reader.problem(1, 1, "empty: a header row is needed"));
    return out;
  }
  // Zoom's export may open with the meeting's own header and row: skip to the participants.
  if (find_column(header, "meeting id") >= 0 && find_column(header, kZoomJoin) < 0)
    while (reader.next(header) && find_column(header, kZoomJoin) < 0) {
    }
  if (find_column(header, kZoomJoin) >= 0) {
    out.format = "zoom";
    read_zoom(reading, header);
  } else {
    out.format = "trainer";
    read_trainer(reading, header);
  }
  if (!out.problems.empty()) out.rows.clear();
  return out;
}

std::vector<std::string> attendance_statements(const Course& course, const std::vector<Attendance>& rows) {
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& a : rows) {
    const LiveSession* session = nullptr;
    for (const auto& s : course.live_sessions)
      if (s.id == a.session) session = &s;
    const std::string activity = session_activity(course.iri, a.session);
    nlohmann::ordered_json actor{{"objectType", "Agent"}};
    if (!a.name.empty()) actor["name"] = a.name;
    if (a.learner.starts_with("mailto:")) {
      actor["mbox"] = a.learner;
    } else {
      const auto bar = a.learner.rfind('|');
      actor["account"] = {{"homePage", a.learner.substr(0, bar)}, {"name", a.learner.substr(bar + 1)}};
    }
    nlohmann::ordered_json definition{{"type", kMeetingType}};
    if (session && !session->title.empty()) definition["name"] = session->title;
    nlohmann::ordered_json statement{
        {"id", uuid_from_name("coursepack attendance v1\n" + activity + "\n" + a.learner)},
        {"actor", std::move(actor)},
        {"verb", {{"id", kAttended}, {"display", {{"en-US", "attended"}}}}},
        {"object", {{"objectType", "Activity"}, {"id", activity}, {"definition", std::move(definition)}}}};
    if (a.seconds > 0) statement["result"] = {{"duration", xapi::iso_duration(a.seconds)}};
    statement["context"] = {
        {"contextActivities",
         {{"parent", nlohmann::ordered_json::array({{{"objectType", "Activity"}, {"id", course.iri},
                                                     {"definition", {{"type", xapi::kCourseType}}}}})}}}};
    statement["timestamp"] = a.timestamp;
    out.push_back(statement.dump());
  }
  return out;
}

}  // namespace coursepack::report
