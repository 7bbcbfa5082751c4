#pragma once
// A CSV of learners and their groups, given with `coursepack report --groups`: a header
// row naming a "learner" column (the key learner_id() makes: "mailto:...", or
// "<homePage>|<name>" for an account) and any of cohort, partner, country, language;
// other columns are ignored, so report.csv itself can be given back. Pure.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "coursepack/core/diagnostic.h"

namespace coursepack::report {

struct GroupEntry {
  std::string learner;
  std::array<std::string, 4> groups;  // per Dimension; "" when the file does not say
};

struct GroupsFile {
  std::vector<GroupEntry> entries;
  std::vector<Diagnostic> problems;  // each located file:line:column; entries are void then
};

/// Reads `text` (RFC 4180: quoted cells, "" for a quote, CRLF or LF, an optional UTF-8
/// byte order mark). A missing learner column, a row whose cell count differs from the
/// header's, an empty learner, an unclosed quote, or one learner given two different
/// groups are problems, reported with `file`, line and column.
GroupsFile read_groups_csv(std::string_view text, const std::string& file);

}  // namespace coursepack::report
