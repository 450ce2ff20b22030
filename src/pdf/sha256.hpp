// SHA-256 (FIPS 180-4), small and dependency-free: the PDF's /ID is a digest of its content.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fiscgen::pdf {

/// Incremental SHA-256. update() any number of times, then finish() once.
class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  void update(std::string_view text) { update(text.data(), text.size()); }
  /// The digest; the object must not be updated afterwards.
  std::array<std::uint8_t, 32> finish();

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

}  // namespace fiscgen::pdf
