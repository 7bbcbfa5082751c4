#pragma once
// `xliff import` without the I/O: checks a whole XLIFF document against the current course
// and, only when every check passes, gives the new content of each file to write.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coursepack/xliff/course_source.h"
#include "coursepack/xliff/translation_record.h"
#include "coursepack/xliff/xliff_document.h"

namespace coursepack::xliff {

struct ImportPlan {
  std::vector<std::string> errors;           // "LINE:COLUMN: file F, unit U: message"; nothing to write if any
  std::map<std::string, std::string> files;  // course-relative path -> new content (changed or not)
  std::vector<std::string> report;           // what was imported and what was assumed
};

/// Checks `document` against `course`: it must be for this course (file ids), this source
/// (unit ids, which carry the source's hash), with each target's codes those of its source
/// (none missing unless deletable, none extra or twice, a line break never first or last),
/// no empty target marked final, and, for a language the course already has without a
/// record (`record` empty: written by hand), a target for every unit. Then writes the
/// target language: course.json (its language maps and lesson files), the lesson files,
/// and the record (not for the source language itself). A unit without a translation falls
/// back to its old translation if stale, else to the source text.
ImportPlan plan_import(const CourseSource& course, const Document& document, const std::optional<Record>& record);

}  // namespace coursepack::xliff
