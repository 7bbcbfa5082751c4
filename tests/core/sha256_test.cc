#include "coursepack/core/sha256.h"

#include <catch2/catch.hpp>

namespace coursepack {
namespace {

// FIPS 180-4 examples (NIST CSRC "Example Values") and a multi-block message.
TEST_CASE("SHA-256 matches the published test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 gives the same digest whatever the pieces it is fed in") {
  const std::string text(200, 'x');
  Sha256 pieces;
  pieces.update(text.substr(0, 63)).update(text.substr(63, 2)).update(text.substr(65));
  CHECK(Sha256().update(text).digest() == pieces.digest());
}

TEST_CASE("a UUID from a name is version 8, stable, and differs with the name") {
  const std::string id = uuid_from_name("coursepack");
  CHECK(id == uuid_from_name("coursepack"));
  CHECK(id != uuid_from_name("coursepack "));
  REQUIRE(id.size() == 36);
  CHECK(id[14] == '8');
  CHECK(std::string("89ab").find(id[19]) != std::string::npos);
  CHECK(id.substr(0, 8) == sha256_hex("coursepack").substr(0, 8));
}

}  // namespace
}  // namespace coursepack
