#pragma once
// What was translated, from which source text: `translations/LANG.json` in the course
// folder, written by `xliff import`. Export and status compare it with the current source
// to tell translated units from stale and missing ones.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "coursepack/xliff/course_source.h"
#include "coursepack/xliff/inline_content.h"

namespace coursepack::xliff {

struct RecordEntry {
  std::string source;  // the source text (serialised) when it was translated
  Content target;      // code pieces carry only their id: the data is the source's
  std::string state;   // "translated", "reviewed", "final" or "initial" (a draft)
};

struct Record {
  std::string source_language;
  std::map<std::string, std::map<std::string, RecordEntry>> files;  // file id -> unit id -> entry
};

/// Path of the record of `language` in the course folder.
std::string record_path(const std::string& language);

/// Parses a record; nothing and `error` set when the text is not one.
std::optional<Record> parse_record(std::string_view text, std::string& error);

/// The record as JSON, 2-space indented, keys sorted: a stable text under version control.
std::string write_record(const Record& record);

/// How a unit of the current source stands in a record.
struct Match {
  enum class Kind { translated, stale, missing };
  Kind kind = Kind::missing;
  const RecordEntry* entry = nullptr;  // translated: its translation; stale: the old one
  std::string id;                      // the entry's unit id in the record
};

/// Translated: the record holds the unit's id (or, for a block that moved, the same
/// source text in the same file) with a state other than "initial". Stale: the record
/// holds the same place with another source text, or a draft. Missing: neither.
Match match_unit(const SourceUnit& unit, const Record& record);

/// `target`'s codes given the data of the `source` codes with the same id and kind; a
/// code the source lacks becomes the text of its own data (empty when it has none).
Content with_source_data(const Content& target, const Content& source);

}  // namespace coursepack::xliff
