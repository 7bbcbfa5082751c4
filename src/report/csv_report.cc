#include <algorithm>
#include <numeric>

#include "coursepack/report/report_writers.h"

namespace coursepack::report {
namespace {

// RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. Text that
// a spreadsheet would evaluate (OWASP "CSV injection") gets a leading apostrophe first.
std::string text_cell(std::string_view text) {
  std::string cell;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r'))
    cell += '\'';
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string_view status_name(const LearnerModule& r) {
  if (r.has_posttest()) return r.passed ? "passed" : "failed";
  if (r.has_pretest()) return r.lessons_done() ? "post-test due" : "lessons due";
  return "pre-test due";
}

void write_csv(const Cohort& cohort, const Sink& sink) {
  sink(kCsvHeader);
  sink("\r\n");
  const auto& learners = cohort.learners();
  std::vector<std::size_t> order(learners.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return learners[a].id < learners[b].id; });
  std::string row;
  for (std::size_t index : order) {
    const Learner& learner = learners[index];
    std::string prefix = text_cell(learner.id) + "," + text_cell(learner.name) + ",";
    std::string groups;
    for (int d = 0; d < 4; ++d) groups += "," + text_cell(cohort.group_of(learner, static_cast<Dimension>(d)));
    for (std::size_t m = 0; m < learner.modules.size(); ++m) {
      const LearnerModule& r = learner.modules[m];
      if (!r.started) continue;
      const ModuleInfo& info = cohort.modules()[m];
      row = prefix + text_cell(info.id) + groups + ",";
      if (r.has_pretest()) row += std::to_string(r.pre_percent());
      row += ",";
      if (r.has_posttest()) row += std::to_string(r.post_percent());
      row += ",";
      if (r.has_pretest() && r.has_posttest()) row += std::to_string(r.post_percent() - r.pre_percent());
      row += "," + std::to_string(r.attempts) + ",";
      std::string missing;
      if (r.has_pretest()) {
        int required = 0, viewed = 0;
        for (std::size_t l = 0; l < info.lessons.size() && l < static_cast<std::size_t>(kMaxItems); ++l) {
          const std::uint64_t bit = std::uint64_t{1} << l;
          if (!(r.required & bit)) continue;
          ++required;
          if (r.viewed & bit) ++viewed;
          else missing += (missing.empty() ? "" : " ") + info.lessons[l];
        }
        row += std::to_string(required) + "," + std::to_string(viewed);
      } else {
        row += ",";
      }
      row += "," + text_cell(missing) + "," + std::string(status_name(r)) + "," + std::to_string(r.seconds()) + "\r\n";
      sink(row);
    }
  }
}

std::string_view standing_name(const Standing& standing) {
  return standing.certified ? "certified" : standing.close ? "close" : "not yet";
}

void write_certification_csv(const Cohort& cohort, const std::vector<CourseCertification>& courses, const Sink& sink) {
  sink(kCertificationCsvHeader);
  sink("\r\n");
  for (const auto& course : courses)
    for (const auto& standing : course.learners) {
      const Learner& learner = cohort.learners()[standing.learner];
      std::string attended, to_pass;
      for (int s : standing.attended) attended += (attended.empty() ? "" : " ") + cohort.sessions()[static_cast<std::size_t>(s)].id;
      for (int m : standing.modules_to_pass) to_pass += (to_pass.empty() ? "" : " ") + cohort.modules()[static_cast<std::size_t>(m)].id;
      const std::size_t required = course.rule.all_modules_passed ? course.modules.size() : 0;
      sink(text_cell(course.rule.course) + "," + text_cell(learner.id) + "," + text_cell(learner.name) + "," +
           std::string(standing_name(standing)) + "," + text_cell(attended) + "," +
           std::to_string(course.rule.min_sessions_attended) + "," + std::to_string(standing.sessions_needed) + "," +
           std::to_string(required - standing.modules_to_pass.size()) + "," + std::to_string(required) + "," +
           text_cell(to_pass) + "," + text_cell(still_needs(cohort, standing)) + "\r\n");
    }
}

}  // namespace coursepack::report
