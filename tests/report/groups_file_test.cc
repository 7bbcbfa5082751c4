#include "coursepack/report/groups_file.h"

#include <catch2/catch.hpp>

namespace coursepack::report {
namespace {

TEST_CASE("a groups file: learner and any of the dimensions, other columns ignored") {
  const GroupsFile read = read_groups_csv(
      "\xEF\xBB\xBFLearner,Name,Cohort,country\r\n"
      "mailto:a@example.org,\"Doe, Jane\",2026-autumn,SK\r\n"
      "\r\n"
      "https://moodle.example.org|42,,\"2027 \"\"spring\"\"\",IT\n"
      "mailto:a@example.org,Jane,2026-autumn,SK\n",  // the same again (report.csv repeats learners)
      "learners.csv");
  REQUIRE(read.problems.empty());
  REQUIRE(read.entries.size() == 2);
  CHECK(read.entries[0].learner == "mailto:a@example.org");
  CHECK(read.entries[0].groups == std::array<std::string, 4>{"2026-autumn", "", "SK", ""});
  CHECK(read.entries[1].learner == "https://moodle.example.org|42");
  CHECK(read.entries[1].groups[0] == "2027 \"spring\"");
}

TEST_CASE("a bad groups file: every problem located") {
  struct Row {
    std::string text;
    std::vector<std::string> messages;
  };
  const Row rows[] = {
      {"", {"learners.csv:1:1: empty: a header row with a learner column is needed"}},
      {"email,cohort\nx,A\n", {"learners.csv:1:1: no \"learner\" column in the header row"}},
      {"learner,cohort\na,A\nb\n,C\n",
       {"learners.csv:3:1: 1 cells where the header has 2", "learners.csv:4:1: no learner"}},
      {"learner,cohort\na,A\nb,B\na,C\n", {"learners.csv:4:1: learner \"a\" is given other groups on an earlier line"}},
      {"learner,cohort\na,\"A\n", {"learners.csv:2:3: a quoted cell is never closed"}},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    const GroupsFile read = read_groups_csv(row.text, "learners.csv");
    std::vector<std::string> messages;
    for (const auto& problem : read.problems) messages.push_back(problem.to_string());
    CHECK(messages == row.messages);
    CHECK(read.entries.empty());
  }
}

}  // namespace
}  // namespace coursepack::report
