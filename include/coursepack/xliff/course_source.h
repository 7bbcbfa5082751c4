#pragma once
// A course as the translation tools see it: its translatable units in the source language,
// each with a stable id, and where each lives (a course.json language map or a block of
// a lesson file).

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "coursepack/xliff/lesson_blocks.h"
#include "coursepack/xliff/xliff_document.h"

namespace coursepack::xliff {

inline constexpr std::size_t kNoLesson = static_cast<std::size_t>(-1);

struct SourceUnit {
  std::string file_id;  // XLIFF file id: "<course>.course" or "<course>.lesson.<lesson id>"
  std::string key;      // the unit's place: a course.json path ("modules.2-1.title") or a block ("b12")
  std::string hash;     // first 8 hex digits of SHA-256 of the source text (serialised)
  std::string id;       // key + "-" + hash: stable while the text stays the same
  Content source;
  std::vector<Note> notes;
  std::string pointer;           // course.json units: the language map
  std::size_t lesson = kNoLesson;  // lesson units: index in CourseSource::lessons
  std::size_t block = 0;         // lesson units: index among the lesson's blocks
};

struct LessonSource {
  std::string id;
  std::string file_pointer;                   // "/modules/0/lessons/2/file"
  std::map<std::string, std::string> files;   // language -> path, as in course.json
  std::string markdown;                       // the source-language file
  std::vector<LessonBlock> blocks;
};

struct CourseSource {
  std::string id;
  std::string source_language;
  std::vector<std::string> languages;
  std::string json_text;
  nlohmann::ordered_json json;
  std::vector<LessonSource> lessons;
  std::vector<SourceUnit> units;  // course.json first, then each lesson in course order

  std::string course_file_id() const { return id + ".course"; }
  std::string lesson_file_id(const LessonSource& lesson) const { return id + ".lesson." + lesson.id; }
  /// The path of `lesson`'s file in `language`: the one course.json gives, else the
  /// source's path with its language folder renamed ("lessons/fr/x.md" -> "lessons/sk/x.md").
  std::string lesson_path(const LessonSource& lesson, const std::string& language) const;
};

/// Reads file `path` (relative to the course folder); nothing when it cannot.
using ReadFile = std::function<std::optional<std::string>(const std::string& path)>;

struct CourseSourceResult {
  std::optional<CourseSource> source;
  std::string error;  // set when `source` is not
};

/// The units of the course whose course.json is `json_text` (a course the reader
/// accepted), `source_language` its source (a language of the course).
CourseSourceResult course_source(const std::string& json_text, const std::string& source_language,
                                 const ReadFile& read);

/// First 8 hex digits of SHA-256 of `text`.
std::string short_hash(std::string_view text);

}  // namespace coursepack::xliff
