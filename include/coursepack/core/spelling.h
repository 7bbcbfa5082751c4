#pragma once

#include <span>
#include <string>
#include <string_view>

namespace coursepack {

/// Words longer than this (in bytes) get no suggestion.
inline constexpr std::size_t max_spelling_length = 64;

/// The candidate closest to `word` by edit distance, if it is close enough to be the
/// likely intent (at most a third of the word's length); empty otherwise.
std::string closest_spelling(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace coursepack
