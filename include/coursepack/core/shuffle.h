#pragma once

#include <cstdint>
#include <vector>

namespace coursepack {

/// A permutation of 0..count-1 drawn from `seed` and `salt` (the question index): the same
/// inputs give the same order on every platform, so a stored seed replays the post-test
/// exactly. Not for anything secret.
std::vector<int> seeded_permutation(int count, std::uint32_t seed, std::uint32_t salt);

}  // namespace coursepack
