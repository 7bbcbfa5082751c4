#pragma once
// Markdown the renderer must not be given as is. Debian's cmark-gfm (0.29.0.gfm.6) matches
// brackets in time that grows with the square of the unmatched "[" of a paragraph and more:
// 292 KB of "![[]()" took 15 s per package. Validation refuses such a paragraph, located
// in the lesson; the renderer escapes its brackets (markdown.cc), so that no caller, the
// fuzz target included, can make it slow.

#include <cstddef>
#include <string_view>
#include <vector>

namespace coursepack {

/// Most "[" one paragraph (text between blank lines) may hold: thousands of links still
/// fit, and 4,000 render in milliseconds.
inline constexpr std::size_t max_brackets_per_paragraph = 4000;

/// A paragraph over the limit: its byte range in the text.
struct BracketFlood {
  std::size_t begin;
  std::size_t end;
};

/// Every paragraph of `markdown` holding more than `limit` "[" characters, in order.
std::vector<BracketFlood> find_bracket_floods(std::string_view markdown,
                                              std::size_t limit = max_brackets_per_paragraph);

}  // namespace coursepack
