#pragma once
// Shared by `xliff` and `status` (and the translation checks of validate and build): a
// course folder read for translation, and its translation records.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "coursepack/core/course.h"
#include "coursepack/xliff/course_source.h"
#include "coursepack/xliff/translation_record.h"
#include "coursepack/xliff/translation_status.h"

namespace coursepack::cli {

/// The bytes of the file at `path`; nothing when it cannot be read.
std::optional<std::string> read_file_text(const std::filesystem::path& path);

struct TranslationCourse {
  std::filesystem::path folder;
  std::string display;  // how messages name the folder
  xliff::CourseSource source;
  Course model;  // the course as built: region variants resolved (course.h)
};

/// Reads the course in `folder` (which must validate: errors are printed to stderr) with
/// `source_language` as its source (empty: its first language). Nothing on failure,
/// after printing why.
std::optional<TranslationCourse> load_for_translation(const std::string& folder, const std::string& source_language);

struct RecordRead {
  std::optional<xliff::Record> record;  // absent: no translations/LANG.json
  std::string error;                    // set when the file exists but is not a record
};

/// Reads translations/`language`.json of the course.
RecordRead read_record(const TranslationCourse& course, const std::string& language);

/// The status of every language of the course but its source, in course order; an
/// unreadable record is printed and counted as no record.
std::vector<xliff::LanguageStatus> course_status(const TranslationCourse& course);

struct IncompleteLanguage {
  std::string language;
  std::string status;  // "sk: 120 translated, 3 stale, 5 missing (of 128 units)"
};

/// For `validate` and `build`: every language of the course folder whose translation
/// record says units are stale or missing. Languages without a record (written by hand)
/// are never incomplete; a course without a translations/ folder costs nothing.
std::vector<IncompleteLanguage> incomplete_languages(const std::filesystem::path& folder);

}  // namespace coursepack::cli
