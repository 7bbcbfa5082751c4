#pragma once
// Warnings: weaknesses of a valid course that do not stop it from building, such as quiz
// questions a learner can answer from their wording alone. Each check has a stable code,
// shown in the message (`warning[key-longest]: ...`) and named by the `allow` entries that
// silence it, with a reason, at course, module, lesson or question level.
//
// The checks themselves are in item_writing.h, course_coverage.h and source_padding.h;
// this file holds their table, the silencing, and the run over a whole course.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "coursepack/core/course.h"
#include "coursepack/core/json_index.h"

namespace coursepack {

/// A warning before it is placed in a file: its check, the JSON pointer (into course.json)
/// of the value at fault, and the message without the `warning[code]: ` prefix.
struct Finding {
  std::string code;
  std::string pointer;
  std::string message;

  bool operator==(const Finding&) const = default;
};

struct WarningCheck {
  std::string_view code;
  bool silenceable;          // may be named by an `allow` entry
  std::string_view trigger;  // what fires it, as docs/course-format.md says
};

/// Every check, in the order docs/course-format.md lists them.
std::span<const WarningCheck> warning_checks();
/// The check with `code`, or nullptr.
const WarningCheck* find_warning_check(std::string_view code);

/// One `allow` entry: the check it silences, the pointer of the object that carries it
/// (its scope: "" for the course, "/modules/1", "/modules/1/quiz/0", ...) and its own pointer.
struct Allow {
  std::string check;
  std::string scope;
  std::string pointer;
};

/// The `allow` entries of a course.json document that passed validation (course, modules,
/// lessons, questions).
std::vector<Allow> read_allows(const nlohmann::json& document);

/// Drops each finding that an allow of its check covers (the finding lies inside the
/// allow's scope), then adds an `allow-unused` finding for each allow that covered none.
void apply_allows(std::vector<Finding>& findings, const std::vector<Allow>& allows);

/// Every warning of a valid course: item writing of each module's quiz, lessons no question
/// tests, lesson minutes against workload.online_minutes, whitespace padding of course.json
/// (`course_json`, located through `index`) and of the lesson files; silenced ones dropped.
/// Sorted as the checks run: module by module, then the course-wide ones.
std::vector<Finding> find_warnings(const Course& course, const nlohmann::json& document,
                                   std::string_view course_json, const JsonIndex& index);

}  // namespace coursepack
