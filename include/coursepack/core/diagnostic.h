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
  /// Non-zero on the one entry that stands for the problems found past
  /// max_kept_diagnostics and not kept: how many of them there were (its text is
  /// omitted_message(omitted), its message empty).
  std::size_t omitted = 0;

  /// How many problems this entry counts for in a summary ("N problems found").
  std::size_t problems() const { return omitted > 0 ? omitted : 1; }

  /// The one-line form users see and tests pin; control characters of the pointer and
  /// the message (a key may hold any) as \u escapes, a pointer past 200 bytes cut.
  std::string to_string() const;
};

/// How many problems of one document are kept. A hostile course.json of 99,000 wrong values
/// would otherwise keep 99,000 messages (~100 MiB, issue 10's 64 MB bound); nobody reads
/// past the first screens, and the count of the rest is still reported.
inline constexpr std::size_t max_kept_diagnostics = 1000;

/// Appends `diagnostic` to `out`, or past max_kept_diagnostics counts it in the one
/// `omitted` entry at the end of `out` (sorted last in its file, printed as "... and N
/// more"). Every report into a document's list goes through here.
void keep_diagnostic(std::vector<Diagnostic>& out, Diagnostic diagnostic);

/// What the `omitted` entry says: "... and N more problems not listed (...)".
std::string omitted_message(std::size_t omitted);

/// How many problems `diagnostics` stands for: the kept ones and the omitted ones.
std::size_t count_diagnostics(const std::vector<Diagnostic>& diagnostics, Severity severity);

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
