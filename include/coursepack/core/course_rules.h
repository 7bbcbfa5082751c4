#pragma once
// The checks behind read_course(): the shape of course.json (from the tables in
// course_schema.h), then the rules that span fields (ids, references, languages, quiz).

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "coursepack/core/course_reader.h"
#include "coursepack/core/diagnostic.h"

namespace coursepack {

/// Reports every value that does not fit the tables: unknown keys (with a suggestion),
/// missing required keys, wrong types, out-of-range numbers, malformed ids.
void check_shape(const nlohmann::json& document, DiagnosticSink& sink);

/// Reports rule violations across fields. Tolerates a document that failed check_shape
/// (it skips values of the wrong type). Lesson files that pass are stored in
/// `lesson_texts`, keyed by their relative path.
void check_rules(const nlohmann::json& document, DiagnosticSink& sink, const SourceFiles& files,
                 std::map<std::string, std::string>& lesson_texts);

}  // namespace coursepack
