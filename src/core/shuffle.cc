#include "coursepack/core/shuffle.h"

#include <numeric>

namespace coursepack {

std::vector<int> seeded_permutation(int count, std::uint32_t seed, std::uint32_t salt) {
  std::vector<int> order(static_cast<std::size_t>(count > 0 ? count : 0));
  std::iota(order.begin(), order.end(), 0);
  // splitmix32-style mixing, then xorshift32: std::shuffle's engines and distributions
  // are not specified bit for bit across standard libraries, this is.
  std::uint32_t x = seed ^ (salt * 0x9E3779B9u);
  x = (x ^ (x >> 16)) * 0x85EBCA6Bu;
  x = (x ^ (x >> 13)) * 0xC2B2AE35u;
  x ^= x >> 16;
  if (x == 0) x = 0x6D2B79F5u;
  for (std::size_t i = order.size(); i > 1; --i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    std::swap(order[i - 1], order[x % i]);
  }
  return order;
}

}  // namespace coursepack
