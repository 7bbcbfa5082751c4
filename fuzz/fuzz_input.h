#pragma once
// What every fuzz target shares: the libFuzzer entry point's signature, and reading the
// input as text (bytes, not necessarily UTF-8: the code under test must cope).

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace coursepack::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace coursepack::fuzz
