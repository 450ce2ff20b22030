// SHA-256 against the FIPS 180-4 example vectors.

#include "pdf/sha256.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

std::string hex(std::string_view text, int repeat = 1) {
  fiscgen::pdf::Sha256 sha;
  for (int i = 0; i < repeat; ++i) sha.update(text);
  std::string out;
  for (const auto byte : sha.finish()) {
    static const char digits[] = "0123456789abcdef";
    out += digits[byte >> 4];
    out += digits[byte & 15];
  }
  return out;
}

}  // namespace

TEST_CASE("SHA-256 matches the standard's examples") {
  CHECK(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // Fed in pieces that straddle block boundaries: one million 'a'.
  CHECK(hex(std::string(1000, 'a'), 1000) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
