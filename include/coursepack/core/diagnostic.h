#pragma once
// A located problem in a course source, and the sink that collects them.

#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/json_index.h"

namespace coursepack {

/// An error makes the source unusable; a warning flags a weakness (item writing, padding)
/// that `--strict` turns into an error.
enum class Severity { error, warning };

/// One problem, located as `file:line:column: /json/pointer: message`; a warning's message
/// starts with `warning[code]: `, its code naming the check (see course_warnings.h).
struct Diagnostic {
  std::string file;
  TextPosition position;
  std::string pointer;
  std::string message;
  Severity severity = Severity::error;
  std::string code = {};  // warnings only: e.g. "key-longest"

  /// The one-line form users see and tests pin; control characters of the pointer and
  /// the message (a key may hold any) as \u escapes, a pointer past 200 bytes cut.
  std::string to_string() const;
};

/// Collects diagnostics for one JSON document, resolving pointers to positions
/// through the document's index.
class DiagnosticSink {
 public:
  DiagnosticSink(std::string file, const JsonIndex& index, std::vector<Diagnostic>& out)
      : file_(std::move(file)), index_(index), out_(out) {}

  /// Reports at the start of the value that `pointer` names.
  void at_value(std::string_view pointer, std::string message);
  /// Reports at the key of the object member that `pointer` names (unknown keys).
  void at_key(std::string_view pointer, std::string message);

  const std::string& file() const { return file_; }
  const JsonIndex& index() const { return index_; }

 private:
  std::string file_;
  const JsonIndex& index_;
  std::vector<Diagnostic>& out_;
};

/// Sorts by file, then position, keeping the order of reports made at the same place.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

/// `text` in double quotes for a message: control characters (U+0000-U+001F, U+007F) as
/// \u escapes, so that a key never moves the terminal's cursor, and past `max_bytes` cut at
/// a character boundary and marked "…" (a 10 MB key is not worth printing).
std::string quote_for_message(std::string_view text, std::size_t max_bytes = 200);

/// Appends a JSON pointer reference token, escaping `~` and `/` (RFC 6901).
std::string pointer_join(std::string_view parent, std::string_view token);
std::string pointer_join(std::string_view parent, std::size_t index);

}  // namespace coursepack
