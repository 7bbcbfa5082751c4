#pragma once
// The texts of course.json a translator translates: every language map, found by walking
// the JSON (an object whose keys are course languages, the source language among them, and
// whose values are strings), so fields added to the format later are translated too. And
// the edit that writes one language into the file, keeping its formatting.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace coursepack::xliff {

struct CourseText {
  std::string pointer;  // JSON pointer of the language map, e.g. "/modules/0/title"
  std::string key;      // stable path for unit ids: array items by their "id", e.g. "modules.2-1.title"
  std::string text;     // the source-language text
  std::string where;    // for the translator: "Module 2-1: title"
  std::string limit;    // for the translator: what to keep in mind, or ""
};

/// Every language map of `course` (lesson `file` maps excepted), in document order.
/// Nesting is bounded by the course reader's limit (course.json is read first).
std::vector<CourseText> course_texts(const nlohmann::ordered_json& course, const std::vector<std::string>& languages,
                                     const std::string& source_language);

/// `json_text` with `language` set to `texts[pointer]` in each language map named, and to
/// `files[pointer]` in each lesson `file` map named; `language` is appended to
/// `languages` when missing. Values left as they are keep their bytes, a new member goes
/// after the map's last one with the same layout (one line, or one member a line).
/// `json_text` must be a course the reader accepted.
std::string set_language(std::string_view json_text, const std::string& language,
                         const std::map<std::string, std::string>& texts,
                         const std::map<std::string, std::string>& files);

}  // namespace coursepack::xliff
