#pragma once
// Region variants and country markers in a course being read (docs/translating.md,
// "Country variants"). Internal to the core: called by course_reader.cc on a document that
// passed the shape and rule checks.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "coursepack/core/diagnostic.h"

namespace coursepack {

/// The course's languages that inherit from another of its languages, with that language
/// ("fr-BE" -> "fr"). Empty for most courses.
std::map<std::string, std::string> inheriting_languages(const std::vector<std::string>& languages);

/// Gives every language map of `document` the texts its region variants leave out, from
/// their base language, so that the model's maps are complete. A lesson `file` map gets the
/// variant's own file when `lesson_texts` holds it (lessons/fr-BE/x.md), else the base's path.
void inherit_region_texts(nlohmann::json& document, const std::map<std::string, std::string>& inheriting,
                          const std::map<std::string, std::string>& lesson_texts);

/// The marker problems of every lesson file read (`lesson_texts`: path -> content), each
/// located in its file (`folder` + path, line, column); and `adapted_for` given without a
/// `country`, located through `sink`.
void check_country_marks(const nlohmann::json& document, const std::map<std::string, std::string>& lesson_texts,
                         const std::string& folder, DiagnosticSink& sink, std::vector<Diagnostic>& out);

}  // namespace coursepack
