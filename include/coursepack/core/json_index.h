#pragma once
// Where each value of a JSON text starts, by JSON pointer.
//
// nlohmann/json (3.11, Debian 12) keeps no source positions, yet every error we print
// names a line and column. This index is a second, light scan of the same text: a fixed
// number of bytes per value, so that its memory is bounded by `max_json_values`.

#include <cstddef>
#include <cstdint>
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

/// How many values (objects, arrays, strings, numbers, true, false, null; not keys) a
/// source may hold. The parsed document, the index and the messages (one per value at
/// worst: `"languages": [0, 0, ...]`) cost tens to hundreds of bytes per value, so this is
/// what bounds their memory whatever a 16 MB source holds (16 MB of `0,` is eight million
/// values). SETS courses hold about 1,200 values per 90 KB.
inline constexpr std::size_t max_json_values = 100'000;

/// Offset of the first `[` or `{` nested deeper than `max_depth`, outside strings, if any.
/// One pass and no recursion: it runs before anything that could recurse on the text.
std::optional<std::size_t> find_too_deep(std::string_view text, int max_depth = max_json_depth);

/// A limit of the text found exceeded by `find_over_limits`: where, and the message.
struct JsonLimitExceeded {
  std::size_t offset = 0;
  std::string message;
};

/// The first place where `text` nests deeper than `max_json_depth` or starts a value past
/// the `max_values`th, if any. One pass, no recursion, no allocation: it runs before the
/// index and the parser, whose memory it bounds.
std::optional<JsonLimitExceeded> find_over_limits(std::string_view text, std::size_t max_values = max_json_values);

class JsonIndex {
 public:
  /// Scans `text`. Never fails: on malformed JSON it stops at the first error and
  /// remembers the pointer of the value being read there (see `error_pointer`).
  /// The index reads keys back from `text` when asked for a position: `text` must outlive it.
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

  /// Values indexed. Each costs a fixed `bytes_per_value` (no pointer strings are kept:
  /// a pointer is resolved by walking the tree, reading keys back from the text).
  std::size_t size() const { return nodes_.size(); }
  static constexpr std::size_t bytes_per_value = 44;

 private:
  friend class JsonScanner;
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // One value, in document order (so positions increase with the index).
  struct Node {
    TextPosition value;             // where the value starts
    TextPosition key;               // where its key starts (an object's member); `value` otherwise
    std::uint64_t key_hash = 0;     // of the decoded key (members)
    std::uint32_t key_offset = kNone;  // byte offset of the key's opening quote (members)
    std::uint32_t first_child = 0;  // in children_, once the container is read
    std::uint32_t child_count = 0;
    bool object = false;
  };
  // The node `pointer` names, or its nearest indexed ancestor (`exact` false); kNone when
  // the text held no value at all.
  std::uint32_t find(std::string_view pointer, bool& exact) const;
  std::string key_of(const Node& node) const;
  std::string_view text_;
  std::vector<Node> nodes_;
  // Each container's children, contiguous: an array's in order, an object's sorted by
  // (key_hash, node), so that a key is found by binary search.
  std::vector<std::uint32_t> children_;
  std::vector<DuplicateKey> duplicates_;
  std::string error_pointer_;
};

}  // namespace coursepack
