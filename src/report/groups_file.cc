#include "coursepack/report/groups_file.h"

#include <map>

#include "coursepack/report/cohort.h"
#include "csv_reader.h"

namespace coursepack::report {

GroupsFile read_groups_csv(std::string_view text, const std::string& file) {
  GroupsFile out;
  CsvReader reader(text, file, out.problems, guess_separator(text));
  CsvRow header;
  if (!reader.next(header)) {
    if (out.problems.empty()) out.problems.push_back(reader.problem(1, 1, "empty: a header row with a learner column is needed"));
    return out;
  }
  int learner_column = -1;
  std::array<int, 4> group_columns{-1, -1, -1, -1};
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    const std::string name = ascii_lower(header.cells[c]);
    if (name == "learner") learner_column = static_cast<int>(c);
    for (std::size_t d = 0; d < kDimensionNames.size(); ++d)
      if (name == kDimensionNames[d]) group_columns[d] = static_cast<int>(c);
  }
  if (learner_column < 0) {
    out.problems.push_back(reader.problem(header.line, 1, "no \"learner\" column in the header row"));
    return out;
  }
  std::map<std::string, std::size_t> seen;  // learner -> entry
  CsvRow row;
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
