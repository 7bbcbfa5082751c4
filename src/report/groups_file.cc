#include "coursepack/report/groups_file.h"

#include <map>

#include "coursepack/report/cohort.h"

namespace coursepack::report {
namespace {

struct Row {
  std::vector<std::string> cells;
  std::vector<int> columns;  // where each cell starts
  int line = 1;
};

class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& file, std::vector<Diagnostic>& problems)
      : text_(text), file_(file), problems_(problems) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
  }

  // The next row; false at the end or after a problem that leaves the rest unreadable.
  bool next(Row& row) {
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
      while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r') {
        cell += text_[at_];
        advance();
      }
      row.cells.push_back(trim(cell));
      if (at_ < text_.size() && text_[at_] == ',') {
        advance();
        continue;
      }
      if (at_ < text_.size() && text_[at_] == '\r') advance();
      if (at_ < text_.size() && text_[at_] == '\n') advance();
      return true;
    }
  }

  Diagnostic problem(int line, int column, std::string message) const {
    Diagnostic d;
    d.file = file_;
    d.position = {line, column};
    d.message = std::move(message);
    return d;
  }

 private:
  static std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
  }

  void advance() {
    if (text_[at_] == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(text_[at_]) & 0xC0) != 0x80) {
      ++column_;
    }
    ++at_;
  }

  std::string_view text_;
  const std::string& file_;
  std::vector<Diagnostic>& problems_;
  std::size_t at_ = 0;
  int line_ = 1, column_ = 1;
};

std::string lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

}  // namespace

GroupsFile read_groups_csv(std::string_view text, const std::string& file) {
  GroupsFile out;
  CsvReader reader(text, file, out.problems);
  Row header;
  if (!reader.next(header)) {
    if (out.problems.empty()) out.problems.push_back(reader.problem(1, 1, "empty: a header row with a learner column is needed"));
    return out;
  }
  int learner_column = -1;
  std::array<int, 4> group_columns{-1, -1, -1, -1};
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    const std::string name = lower(header.cells[c]);
    if (name == "learner") learner_column = static_cast<int>(c);
    for (std::size_t d = 0; d < kDimensionNames.size(); ++d)
      if (name == kDimensionNames[d]) group_columns[d] = static_cast<int>(c);
  }
  if (learner_column < 0) {
    out.problems.push_back(reader.problem(header.line, 1, "no \"learner\" column in the header row"));
    return out;
  }
  std::map<std::string, std::size_t> seen;  // learner -> entry
  Row row;
  while (reader.next(row)) {
    if (row.cells.size() != header.cells.size()) {
      out.problems.push_back(reader.problem(row.line, 1, std::to_string(row.cells.size()) + " cells where the header has " +
                                                             std::to_string(header.cells.size())));
      continue;
    }
    GroupEntry entry;
    entry.learner = row.cells[static_cast<std::size_t>(learner_column)];
    if (entry.learner.empty()) {
      out.problems.push_back(reader.problem(row.line, row.columns[static_cast<std::size_t>(learner_column)], "no learner"));
      continue;
    }
    for (std::size_t d = 0; d < group_columns.size(); ++d)
      if (group_columns[d] >= 0) entry.groups[d] = row.cells[static_cast<std::size_t>(group_columns[d])];
    if (auto it = seen.find(entry.learner); it != seen.end()) {
      if (out.entries[it->second].groups != entry.groups)
        out.problems.push_back(reader.problem(row.line, row.columns[static_cast<std::size_t>(learner_column)],
                                              "learner \"" + entry.learner + "\" is given other groups on an earlier line"));
      continue;
    }
    seen.emplace(entry.learner, out.entries.size());
    out.entries.push_back(std::move(entry));
  }
  if (!out.problems.empty()) out.entries.clear();
  return out;
}

}  // namespace coursepack::report
