#pragma once
// The translatable blocks of a lesson's Markdown, found by cmark-gfm with their source
// positions: paragraphs (in lists and quotes too), headings and table cells. Everything
// else (code blocks, HTML blocks such as the country markers, list markers, table
// delimiter rows) is not text to translate and is kept byte for byte.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace coursepack::xliff {

struct LessonBlock {
  std::string kind;       // "paragraph", "list item", "heading", "table cell", "quote"
  std::size_t begin = 0;  // byte range of the block's inline text in the file
  std::size_t end = 0;
  int line = 1;    // 1-based line and column (bytes) of `begin`
  int column = 1;
};

/// The blocks of `markdown` in document order. Never fails (cmark accepts any text).
std::vector<LessonBlock> lesson_blocks(std::string_view markdown);

/// `markdown` with the inline text of each block replaced by `texts[i]` (same size as
/// `blocks`); every byte outside the blocks is kept.
std::string replace_blocks(std::string_view markdown, const std::vector<LessonBlock>& blocks,
                           const std::vector<std::string>& texts);

}  // namespace coursepack::xliff
