#pragma once
// Export and status: the course's units against a language's translation record.

#include <string>
#include <vector>

#include "coursepack/xliff/course_source.h"
#include "coursepack/xliff/translation_record.h"
#include "coursepack/xliff/xliff_document.h"

namespace coursepack::xliff {

/// The XLIFF document of every unit of `course` for `target_language`: translated units
/// carry their target and state, stale ones their old target, state "initial" and a note
/// with the old source, missing ones no target. `record` may be empty (nothing tracked).
Document export_document(const CourseSource& course, const std::string& target_language, const Record& record);

struct FileStatus {
  std::string path;  // the source file: "course.json" or the lesson's source path
  int translated = 0, stale = 0, missing = 0;
  int inherited = 0;  // a region variant's units it does not give: its base language's
};

struct LanguageStatus {
  std::string language;
  std::string inherits_from;  // a region variant's base language ("fr" for "fr-BE"), or ""
  bool tracked = false;  // a record exists; otherwise the language is written by hand
  int translated = 0, stale = 0, missing = 0, inherited = 0;
  std::vector<FileStatus> files;  // every file of the course, in course order

  bool complete() const { return !tracked || (stale == 0 && missing == 0); }
};

/// How far `record` covers the current `course`. A region variant (`inherits_from` its
/// base language, language_tag.h) counts the units its record lacks as inherited, not missing.
LanguageStatus language_status(const CourseSource& course, const std::string& language, const Record* record,
                               const std::string& inherits_from = "");

/// "sk: 120 translated, 3 stale, 5 missing (of 128 units)" or "en: written by hand
/// (no translations/en.json): not tracked".
std::string status_line(const LanguageStatus& status);

}  // namespace coursepack::xliff
