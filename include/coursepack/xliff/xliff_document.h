#pragma once
// An XLIFF 2.0 document as coursepack writes and reads it: files of units, each unit one
// segment (a source, maybe a target), notes, and the data of its inline codes.

#include <optional>
#include <string>
#include <vector>

#include "coursepack/core/json_index.h"
#include "coursepack/xliff/inline_content.h"

namespace coursepack::xliff {

struct Note {
  std::string category;  // "location", "limit", "stale"; tools may drop it
  std::string text;
};

struct Unit {
  std::string id;
  std::vector<Note> notes;
  Content source;
  std::optional<Content> target;  // absent: no <target>
  std::string state;              // segment state: "initial", "translated", "reviewed", "final" or ""
  bool preserve_space = false;    // xml:space="preserve" on the unit (its text has significant blanks)
  TextPosition position;          // where the unit starts (read files only)
  TextPosition target_position;   // where its target starts (read files only)
};

struct File {
  std::string id;
  std::string original;  // the course file it comes from, relative to the course
  std::vector<Unit> units;
  TextPosition position = {};  // read files only
};

struct Document {
  std::string source_language;
  std::string target_language;
  std::vector<File> files;
  TextPosition position = {};  // of <xliff> (read files only)
};

/// The document as XLIFF 2.0 core (UTF-8, 2-space indentation, one code data entry per
/// code end in <originalData>). Valid against the OASIS core schema.
std::string write_xliff(const Document& document);

struct ReadResult {
  std::optional<Document> document;  // set when `errors` is empty
  std::vector<std::string> errors;   // "LINE:COLUMN: message", in file order
  std::vector<std::string> assumptions;  // what the reader had to assume, for the report
};

/// XML whitespace rules for a text that is not xml:space="preserve": a run of blanks next
/// to a code or an edge of the segment is cut at its first line break (indentation a tool
/// added), then every run of blanks becomes one space. Returns whether anything changed.
bool normalize_space(Content& content);

/// Parses XLIFF 2.0 text. Codes are read as the pieces of `Content`, their data left empty
/// (a tool may drop <originalData>: the importer takes the data from the course). Whitespace
/// follows XML rules: unless xml:space="preserve", a line break and the indentation after it
/// next to an inline code or the segment's edge are dropped (tools pretty-print there), and
/// other runs of blanks become one space. Never throws.
ReadResult read_xliff(std::string_view text);

}  // namespace coursepack::xliff
