#include "coursepack/core/source_padding.h"

namespace coursepack {

Padding measure_padding(std::string_view text) {
  Padding p;
  p.bytes = text.size();
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  for (std::size_t at = 0; at < text.size();) {
    if (!is_space(text[at])) {
      ++p.content_bytes;
      ++at;
      continue;
    }
    const std::size_t start = at;
    while (at < text.size() && is_space(text[at])) ++at;
    ++p.content_bytes;
    if (at - start > p.longest_run_length) {
      p.longest_run_length = at - start;
      p.longest_run_offset = start;
    }
  }
  return p;
}

std::optional<Padding> find_padding(std::string_view text) {
  if (text.size() <= padding_min_bytes) return std::nullopt;
  const Padding p = measure_padding(text);
  if (p.bytes <= padding_ratio * p.content_bytes) return std::nullopt;
  return p;
}

}  // namespace coursepack
