#pragma once
// A course's certification rule applied to each learner of a cohort: sessions attended,
// modules passed, who is certified, who is close, and what each one still needs. Pure.

#include <cstdint>
#include <string>
#include <vector>

#include "coursepack/report/cohort.h"

namespace coursepack::report {

/// The rule of one course, as its course.json "certification" states it
/// (docs/course-format.md): at least `min_sessions_attended` of its live sessions, and,
/// when `all_modules_passed`, every module's post-test passed.
struct CertificationRule {
  std::string course;  // course id, for people
  std::string iri;     // its modules are "<iri>/modules/...", its sessions "<iri>/sessions/..."
  int min_sessions_attended = 0;
  bool all_modules_passed = true;
  std::string text;           // the rule in the course's words, in the report's language; may be empty
  std::string text_language;  // BCP 47 tag of `text`
};

/// Where one learner stands.
struct Standing {
  std::size_t learner = 0;  // index in Cohort::learners()
  std::vector<int> attended;        // session indexes (Cohort::sessions()) of the course attended
  int sessions_needed = 0;          // more sessions to attend; 0 when enough
  std::vector<int> modules_to_pass; // module indexes (Cohort::modules()) not passed yet
  bool certified = false;
  bool close = false;  // not certified, one session or one module away
};

struct CourseCertification {
  CertificationRule rule;
  std::vector<int> sessions;  // the course's session indexes
  std::vector<int> modules;   // the course's module indexes
  std::vector<Standing> learners;  // learners with any statement about the course, certified first, then close, then the rest; by key within each
  std::int64_t certified = 0, close = 0;
};

/// Applies each rule to the learners who attended a session of its course or started one
/// of its modules. A rule asking for more sessions than the cohort knows of the course is
/// applied as written (nobody is certified): the course source says how many there are.
std::vector<CourseCertification> certify(const Cohort& cohort, const std::vector<CertificationRule>& rules);

/// What a learner still needs, for people: "attend 1 more live session; pass 2-1, 2-3",
/// or "" when certified.
std::string still_needs(const Cohort& cohort, const Standing& standing);

}  // namespace coursepack::report
