// SHA-256 from Nettle (FIPS 180-4; assembly and, where the processor has them, the SHA
// instructions): the PDF's /ID and subset tags, and the batch cache's keys and file hashes.
// Nettle, not OpenSSL's libcrypto: one small library with no dependencies of its own, where
// libcrypto is several megabytes to load and relocate at every start-up.
#pragma once

#include <nettle/sha2.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fiscgen::pdf {

/// Incremental SHA-256. update() any number of times, then finish() once.
class Sha256 {
 public:
  Sha256() { sha256_init(&context_); }
  void update(const void* data, std::size_t size) {
    sha256_update(&context_, size, static_cast<const std::uint8_t*>(data));
  }
  void update(std::string_view text) { update(text.data(), text.size()); }
  /// The digest; the object must not be updated afterwards.
  std::array<std::uint8_t, 32> finish() {
    std::array<std::uint8_t, 32> digest{};
    sha256_digest(&context_, digest.size(), digest.data());
    return digest;
  }

 private:
  sha256_ctx context_{};
};

}  // namespace fiscgen::pdf
