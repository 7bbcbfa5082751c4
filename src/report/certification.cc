#include "coursepack/report/certification.h"

#include <algorithm>

namespace coursepack::report {
namespace {

bool under(const std::string& activity, const std::string& prefix) {
  return activity.size() > prefix.size() && activity.starts_with(prefix);
}

int rank(const Standing& s) { return s.certified ? 0 : s.close ? 1 : 2; }

}  // namespace

std::vector<CourseCertification> certify(const Cohort& cohort, const std::vector<CertificationRule>& rules) {
  std::vector<CourseCertification> out;
  const auto& learners = cohort.learners();
  for (const auto& rule : rules) {
    CourseCertification c;
    c.rule = rule;
    for (std::size_t s = 0; s < cohort.sessions().size(); ++s)
      if (under(cohort.sessions()[s].activity, rule.iri + "/sessions/")) c.sessions.push_back(static_cast<int>(s));
    for (std::size_t m = 0; m < cohort.modules().size(); ++m)
      if (under(cohort.modules()[m].activity, rule.iri + "/modules/")) c.modules.push_back(static_cast<int>(m));
    for (std::size_t i = 0; i < learners.size(); ++i) {
      const Learner& learner = learners[i];
      Standing standing;
      standing.learner = i;
      bool involved = false;
      for (int s : c.sessions)
        if (learner.attended >> s & 1) standing.attended.push_back(s);
      involved = !standing.attended.empty();
      for (int m : c.modules) {
        const bool started = static_cast<std::size_t>(m) < learner.modules.size() && learner.modules[m].started;
        involved = involved || started;
        const bool passed = started && learner.modules[m].has_posttest() && learner.modules[m].passed;
        if (rule.all_modules_passed && !passed) standing.modules_to_pass.push_back(m);
      }
      if (!involved) continue;
      standing.sessions_needed = std::max(0, rule.min_sessions_attended - static_cast<int>(standing.attended.size()));
      standing.certified = standing.sessions_needed == 0 && standing.modules_to_pass.empty();
      standing.close = !standing.certified && standing.sessions_needed + static_cast<int>(standing.modules_to_pass.size()) == 1;
      c.certified += standing.certified;
      c.close += standing.close;
      c.learners.push_back(std::move(standing));
    }
    std::stable_sort(c.learners.begin(), c.learners.end(), [&](const Standing& a, const Standing& b) {
      if (rank(a) != rank(b)) return rank(a) < rank(b);
      return learners[a.learner].id < learners[b.learner].id;
    });
    out.push_back(std::move(c));
  }
  return out;
}

std::string still_needs(const Cohort& cohort, const Standing& standing) {
  std::string out;
  if (standing.sessions_needed > 0)
    out = "attend " + std::to_string(standing.sessions_needed) + " more live session" + (standing.sessions_needed == 1 ? "" : "s");
  if (!standing.modules_to_pass.empty()) {
    out += out.empty() ? "pass " : "; pass ";
    for (std::size_t i = 0; i < standing.modules_to_pass.size(); ++i)
      out += (i ? ", " : "") + cohort.modules()[static_cast<std::size_t>(standing.modules_to_pass[i])].id;
  }
  return out;
}

}  // namespace coursepack::report
