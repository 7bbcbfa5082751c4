#pragma once
// Where each value of a JSON text starts, by JSON pointer.
//
// nlohmann/json (3.11, Debian 12) keeps no source positions, yet every error we print
// names a line and column. This index is a second, light scan of the same text.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coursepack {

/// 1-based line and column; columns count Unicode code points, not bytes.
struct TextPosition {
  int line = 1;
  int column = 1;
  auto operator<=>(const TextPosition&) const = default;
};

/// Line and column of a byte offset in `text` (a leading byte order mark is no column).
TextPosition position_of_offset(std::string_view text, std::size_t offset);

/// How deep arrays and objects may nest in a source. course.json needs 8 levels; checks
/// and the index recurse once per level, so this bounds their stack and memory.
inline constexpr int max_json_depth = 64;

/// Offset of the first `[` or `{` nested deeper than `max_depth`, outside strings, if any.
/// One pass and no recursion: it runs before anything that could recurse on the text.
std::optional<std::size_t> find_too_deep(std::string_view text, int max_depth = max_json_depth);

class JsonIndex {
 public:
  /// Scans `text`. Never fails: on malformed JSON it stops at the first error and
  /// remembers the pointer of the value being read there (see `error_pointer`).
  static JsonIndex scan(std::string_view text);

  /// Start of the value named by `pointer`, or of its nearest indexed ancestor.
  TextPosition value_position(std::string_view pointer) const;
  /// Start of the key of the member named by `pointer`; the value's start otherwise.
  TextPosition key_position(std::string_view pointer) const;
  /// Pointer of the last value that starts at or before `position` (the innermost one of
  /// those starting there); "" when none does.
  std::string value_before(TextPosition position) const;

  /// A key that appears twice in one object (nlohmann/json silently keeps the last).
  struct DuplicateKey {
    std::string pointer;
    TextPosition first;
    TextPosition again;
  };
  const std::vector<DuplicateKey>& duplicate_keys() const { return duplicates_; }

  /// Pointer of the innermost value being read where the scan stopped on an error.
  const std::string& error_pointer() const { return error_pointer_; }

 private:
  friend class JsonScanner;
  std::map<std::string, TextPosition, std::less<>> values_;
  std::map<std::string, TextPosition, std::less<>> keys_;
  std::vector<DuplicateKey> duplicates_;
  std::string error_pointer_;
};

}  // namespace coursepack
