#include "csv_reader.h"

namespace coursepack::report {
namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

CsvReader::CsvReader(std::string_view text, const std::string& file, std::vector<Diagnostic>& problems, char separator)
    : text_(text), file_(file), problems_(problems), separator_(separator) {
  if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
}

bool CsvReader::next(CsvRow& row) {
  row.cells.clear();
  row.columns.clear();
  while (at_ < text_.size() && (text_[at_] == '\n' || text_[at_] == '\r')) advance();  // blank lines
  if (at_ >= text_.size()) return false;
  row.line = line_;
  for (;;) {
    row.columns.push_back(column_);
    std::string cell;
    if (at_ < text_.size() && text_[at_] == '"') {
      const int open_line = line_, open_column = column_;
      advance();
      for (;;) {
        if (at_ >= text_.size()) {
          problems_.push_back(problem(open_line, open_column, "a quoted cell is never closed"));
          return false;
        }
        if (text_[at_] == '"') {
          if (at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
            cell += '"';
            advance();
            advance();
            continue;
          }
          advance();
          break;
        }
        cell += text_[at_];
        advance();
      }
    }
    while (at_ < text_.size() && text_[at_] != separator_ && text_[at_] != '\n' && text_[at_] != '\r') {
      cell += text_[at_];
      advance();
    }
    row.cells.push_back(trim(cell));
    if (at_ < text_.size() && text_[at_] == separator_) {
      advance();
      continue;
    }
    if (at_ < text_.size() && text_[at_] == '\r') advance();
    if (at_ < text_.size() && text_[at_] == '\n') advance();
    return true;
  }
}

Diagnostic CsvReader::problem(int line, int column, std::string message) const {
  Diagnostic d;
  d.file = file_;
  d.position = {line, column};
  d.message = std::move(message);
  return d;
}

void CsvReader::advance() {
  if (text_[at_] == '\n') {
    ++line_;
    column_ = 1;
  } else if ((static_cast<unsigned char>(text_[at_]) & 0xC0) != 0x80) {
    ++column_;  // a column is a character, not a byte
  }
  ++at_;
}

char guess_separator(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  int commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) break;
    else if (!quoted && c == ',') ++commas;
    else if (!quoted && c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

std::string ascii_lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

}  // namespace coursepack::report
