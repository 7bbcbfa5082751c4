#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace coursepack {

/// The first byte that breaks UTF-8 (overlong forms, surrogates and code points past
/// U+10FFFF included), or nothing when `text` is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// A character that text in a course must not hold, and where.
struct ForbiddenCharacter {
  std::size_t offset;  // byte offset in the text
  char32_t code;
};

/// The first control character (U+0000-U+001F, U+007F; line feed allowed when
/// `allow_newline`) or noncharacter U+FFFE/U+FFFF in valid UTF-8 `text`: none of them
/// has a place in a title, and XML 1.0 (imsmanifest.xml, tincan.xml) forbids most of them.
std::optional<ForbiddenCharacter> find_forbidden_character(std::string_view text, bool allow_newline);

/// "U+000D": how messages name a code point.
std::string code_point_name(char32_t code);

/// Appends the UTF-8 form of `code` (at most U+10FFFF; surrogates are the caller's affair).
void append_utf8(std::string& out, char32_t code);

/// Number of code points, counting each invalid byte as one.
std::size_t count_code_points(std::string_view text);

}  // namespace coursepack
