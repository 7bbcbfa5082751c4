#include "coursepack/xliff/lesson_blocks.h"

#include <catch2/catch.hpp>

namespace coursepack::xliff {
namespace {

constexpr std::string_view kLesson =
    "# Title here #\n"
    "\n"
    "A paragraph on\n"
    "two lines.\n"
    "\n"
    "<!-- country: FR -->\n"
    "\n"
    "- **Item** one\n"
    "  continued\n"
    "2. a new list\n"
    "\n"
    "```\n"
    "code stays\n"
    "```\n"
    "\n"
    "| Name | Role |\n"
    "|------|------|\n"
    "| Ana  | `a|b` |\n"
    "\n"
    "Setext heading\n"
    "--------------\n";

std::vector<std::string> texts(std::string_view markdown) {
  std::vector<std::string> out;
  for (const auto& block : lesson_blocks(markdown)) out.emplace_back(markdown.substr(block.begin, block.end - block.begin));
  return out;
}

TEST_CASE("Blocks are headings, paragraphs, list items and table cells, without their markers") {
  CHECK(texts(kLesson) == std::vector<std::string>{"Title here", "A paragraph on\ntwo lines.",
                                                   "**Item** one\n  continued", "a new list", "Name", "Role",
                                                   "Ana", "`a|b`", "Setext heading"});
  const auto blocks = lesson_blocks(kLesson);
  CHECK(blocks[2].kind == "list item");
  CHECK(blocks[2].line == 8);
  CHECK(blocks[2].column == 3);
  CHECK(blocks[4].kind == "table cell");
}

TEST_CASE("Replacing each block by itself gives the file back; by another text changes only the block") {
  const auto blocks = lesson_blocks(kLesson);
  const auto same = texts(kLesson);
  CHECK(replace_blocks(kLesson, blocks, same) == kLesson);
  auto changed = same;
  changed[0] = "Titre";
  const std::string out = replace_blocks(kLesson, blocks, changed);
  CHECK(out.starts_with("# Titre #\n\nA paragraph on"));
  CHECK(out.substr(out.find('\n')) == std::string(kLesson.substr(kLesson.find('\n'))));
}

}  // namespace
}  // namespace coursepack::xliff
