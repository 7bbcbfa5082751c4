#pragma once
// RFC 4180 rows with the line and column of each cell, for the CSV files trainers give
// (`report --groups`, `attendance`). Internal to the report library.

#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/diagnostic.h"

namespace coursepack::report {

struct CsvRow {
  std::vector<std::string> cells;  // trimmed of spaces and tabs
  std::vector<int> columns;        // where each cell starts (1-based, in characters)
  int line = 1;

  const std::string& cell(int c) const { return cells[static_cast<std::size_t>(c)]; }
  int column(int c) const { return columns[static_cast<std::size_t>(c)]; }
};

/// Quoted cells ("" for a quote, line breaks allowed inside), CRLF or LF, blank lines
/// skipped, an optional UTF-8 byte order mark. An unclosed quote is a problem located at
/// the quote, and ends the file.
class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& file, std::vector<Diagnostic>& problems, char separator = ',');

  /// The next row; false at the end or after a problem that leaves the rest unreadable.
  bool next(CsvRow& row);

  Diagnostic problem(int line, int column, std::string message) const;

 private:
  void advance();

  std::string_view text_;
  std::string file_;
  std::vector<Diagnostic>& problems_;
  char separator_;
  std::size_t at_ = 0;
  int line_ = 1, column_ = 1;
};

/// The separator of a file whose first line is `text`'s: ';' when its first line holds more
/// semicolons than commas outside quotes (spreadsheets in French and most of Europe), else ','.
char guess_separator(std::string_view text);

/// ASCII lower case, for header names.
std::string ascii_lower(std::string text);

}  // namespace coursepack::report
