#pragma once
// SHA-256 (FIPS 180-4), for identities that must not change between runs or machines:
// statement ids derived from content, queue names, source hashes. Not for secrets.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace coursepack {

class Sha256 {
 public:
  Sha256();
  /// Adds bytes; may be called any number of times before digest().
  Sha256& update(std::string_view bytes);
  /// The 32-byte digest. The object is spent afterwards.
  std::array<std::uint8_t, 32> digest();

 private:
  void block(const std::uint8_t* data);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes
};

/// The digest of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

/// A UUID (RFC 9562 version 8, "custom") made from the first 128 bits of SHA-256 of
/// `name`: the same name always gives the same UUID, lowercase.
std::string uuid_from_name(std::string_view name);

}  // namespace coursepack
