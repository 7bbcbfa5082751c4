#pragma once
// Reads statements from an input of any size without holding it: a JSON array of
// statements, or statements one after another (JSON lines, or pretty-printed objects),
// with or without a UTF-8 byte order mark. Memory is bounded by the largest statement.

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "coursepack/core/diagnostic.h"

namespace coursepack::lrs {

/// A statement larger than this is refused (LRSs refuse far smaller ones).
inline constexpr std::size_t kMaxStatementBytes = 16u << 20;
/// Nesting deeper than this is refused before parsing (a statement needs about 10).
inline constexpr int kMaxStatementDepth = 64;

struct ReadStatement {
  nlohmann::json statement;  // as written, not yet checked
  TextPosition at;           // where it starts
  std::string pointer;       // "/7": its place in the input
};

class StatementReader {
 public:
  /// `file` names the input in messages.
  StatementReader(std::istream& in, std::string file);

  /// The next statement, or nothing at the end. A problem is added to `problems` and
  /// reading goes on where it can (the next line of JSON lines); where it cannot (inside
  /// a broken array), the end is reported.
  std::optional<ReadStatement> next(std::vector<Diagnostic>& problems);

 private:
  int get();  // next byte or -1, counting lines and columns
  int peek();
  void skip_space();
  enum class Scan { value, broken, broken_here };  // broken_here: the next value starts where it stopped
  Scan read_value(std::string& text, std::vector<Diagnostic>& problems);
  void skip_to_next_line();
  void report(std::vector<Diagnostic>& problems, TextPosition at, std::string pointer, std::string message);

  std::istream& in_;
  std::string file_;
  int line_ = 1, column_ = 1;
  enum class Shape { unknown, array, sequence, done } shape_ = Shape::unknown;
  std::size_t count_ = 0;  // values read so far: the next pointer
};

}  // namespace coursepack::lrs
