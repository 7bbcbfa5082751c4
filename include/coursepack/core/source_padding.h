#pragma once
// Whitespace padding: a source file far larger than what it holds (a course.json of 100 MB
// whose content is 28 KB) slows every build and breaks editors and translation tools.

#include <cstddef>
#include <optional>
#include <string_view>

namespace coursepack {

/// A file is padded when it is more than this many times its content ...
inline constexpr std::size_t padding_ratio = 4;
/// ... and larger than this many bytes (small files do not matter, whatever their layout).
inline constexpr std::size_t padding_min_bytes = 64 * 1024;

struct Padding {
  std::size_t bytes = 0;          // size of the file
  std::size_t content_bytes = 0;  // size with every run of whitespace counted as one byte
  std::size_t longest_run_offset = 0;
  std::size_t longest_run_length = 0;  // in bytes: whitespace is ASCII
};

/// Measures `text`; whitespace is space, tab, carriage return and line feed.
Padding measure_padding(std::string_view text);

/// The measure of `text` when it is padded (see padding_ratio, padding_min_bytes).
std::optional<Padding> find_padding(std::string_view text);

}  // namespace coursepack
