#include "coursepack/core/shuffle.h"

#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

TEST_CASE("a seeded permutation is a permutation, and the same everywhere") {
  const auto order = seeded_permutation(4, 123, 0);
  auto sorted = order;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == std::vector<int>{0, 1, 2, 3});
  // Pinned: native and wasm builds must agree bit for bit, or a resumed post-test would
  // show its choices in another order.
  CHECK(order == std::vector<int>{3, 2, 0, 1});
  CHECK(seeded_permutation(0, 1, 1).empty());
  CHECK(seeded_permutation(1, 1, 1) == std::vector<int>{0});
}

TEST_CASE("seeds and questions vary the order") {
  std::set<std::vector<int>> orders;
  for (std::uint32_t seed = 0; seed < 50; ++seed) orders.insert(seeded_permutation(4, seed, 3));
  CHECK(orders.size() > 10);
  CHECK(seeded_permutation(5, 9, 0) != seeded_permutation(5, 9, 1));
}

}  // namespace
}  // namespace coursepack
