#pragma once
// A translatable text as XLIFF sees it: text and inline codes. A code carries the exact
// source bytes it stands for (its data), so serialising the pieces gives back the source
// byte for byte, and a translator never sees nor breaks Markdown syntax or link addresses.

#include <string>
#include <string_view>
#include <vector>

namespace coursepack::xliff {

struct Piece {
  // text: translatable text. open/close: the two ends of a paired code (<pc>); standalone:
  // a placeholder (<ph>).
  enum class Kind { text, open, close, standalone };
  Kind kind = Kind::text;
  std::string text = {};      // text: the text; a code: its data (the source bytes)
  std::string id = {};        // codes: the code's id, unique within the unit ("1", "2", ...)
  std::string type = {};      // codes: XLIFF type ("fmt", "link", "image", "other")
  std::string sub_type = {};  // codes: XLIFF subType ("xlf:b", "xlf:i", "xlf:lb") or ""
  std::string disp = {};      // codes: what a CAT tool may show for it
  bool can_delete = false;  // codes: may be left out of a target (a line break)
};

using Content = std::vector<Piece>;

/// Splits the raw Markdown of one block's inline text (a paragraph, heading or table
/// cell, container prefixes of continuation lines included) into text and codes:
/// emphasis, strong and strikethrough become paired codes, a link or image a paired code
/// around its text (the address in the closing code's data), code spans, inline HTML,
/// autolinks and line breaks placeholders. Anything it does not recognise stays text, so
/// `serialize(tokenize(raw)) == raw` always holds. Never fails.
Content tokenize_markdown(std::string_view raw);

/// A plain text (course.json): one text piece, no codes.
Content plain_content(std::string_view text);

/// The bytes the pieces stand for: texts and code data concatenated.
std::string serialize(const Content& content);

/// The text a translator reads, codes left out: for notes and status listings.
std::string visible_text(const Content& content);

/// True when the content holds no non-whitespace text.
bool is_blank(const Content& content);

}  // namespace coursepack::xliff
