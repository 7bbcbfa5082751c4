#include "coursepack/core/spelling.h"

#include <algorithm>
#include <vector>

namespace coursepack {
namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// two neighbours each cost 1, so "titel" is one step from "title".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * width] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
                                   d[(i - 1) * width + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        best = std::min(best, d[(i - 2) * width + j - 2] + 1);
      d[i * width + j] = best;
    }
  return d[a.size() * width + b.size()];
}

}  // namespace

std::string closest_spelling(std::string_view word, std::span<const std::string_view> candidates) {
  // The distance costs length times length: a word this long is no misspelling of a key or
  // a command, and a 10 MB key must not cost seconds and gigabytes.
  if (word.size() > max_spelling_length) return {};
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (auto candidate : candidates) {
    // Lengths alone already put it too far.
    const std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size() : candidate.size() - word.size();
    if (gap >= best_distance) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return std::string(best);
}

}  // namespace coursepack
