#pragma once
// Which country-specific passages of a course a reader in one language and country would
// still read in another country's version (docs/translating.md, "Country variants"): what
// a partner has left to adapt.

#include <string>
#include <vector>

#include "coursepack/core/course.h"

namespace coursepack {

struct CountryFinding {
  std::string file;     // the lesson file as read for the language, or "course.json"
  std::string pointer;  // course.json marks: the marked object ("/modules/2/lessons/0"); else ""
  int line = 0;         // lesson passages: the line of `<!-- country: XX -->`; else 0
  std::string country;  // the country it is written for ("FR")
  std::string what;     // "lesson 1-3-1", "question 1-3/q1", "passage of lesson 1-3-1"
};

/// The passages of `course` marked for a country other than `country` that `tag` (one of
/// the course's languages) neither replaces nor keeps: a lesson or question whose
/// `country` differs and whose `adapted_for` lacks `country` (a region variant's own
/// lesson file counts as adapted), and each `<!-- country: XX -->` passage left in the
/// lesson as resolved for `tag` (no variant or keep for it). In course order.
std::vector<CountryFinding> passages_for_another_country(const Course& course, const std::string& tag,
                                                         const std::string& country);

}  // namespace coursepack
