#pragma once
// The trainer guide: one printable HTML page per course and language with what a
// partner's trainer needs to run the course (docs/trainer-guide.md): aims and outcomes,
// the module map, each live session's plan, attendance and certification rules, the quiz
// keys with their explanations, and the credits.

#include <string>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/package/package_builder.h"

namespace coursepack {

/// "<course>_trainer-guide_<language>.html": beside the packages, in the same pattern.
std::string trainer_guide_file_name(const std::string& course_id, const std::string& language);

/// The guide of `course` (as read: it is typeset here) in `language`, a complete HTML
/// document: inline CSS, no script, no request outside the page, A4 print layout with each
/// session on a new page. A language the course lacks gives a guide with empty texts;
/// callers pass the course's languages.
std::string trainer_guide_html(const Course& course, const std::string& language);

/// The guides build_trainer_guides makes, named for OutputFolder::open (format "guide").
std::vector<PackageName> trainer_guide_names(const Course& course, const std::vector<std::string>& languages);

/// One guide per language of `languages` the course has (every course language when
/// empty), as BuiltPackage entries (format "guide") that publish_packages writes with the
/// packages, all or nothing.
std::vector<BuiltPackage> build_trainer_guides(const Course& course, const std::vector<std::string>& languages);

}  // namespace coursepack
