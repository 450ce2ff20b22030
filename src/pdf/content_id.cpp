// Canonical serialisation of the writer's input, hashed with SHA-256.

#include "pdf/content_id.hpp"

#include <array>
#include <bit>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "pdf/sha256.hpp"

namespace fiscgen::pdf {
namespace {

// Bump when the output for the same input changes, so old and new files get different IDs.
constexpr const char* format_tag = "fiscgen-pdf-6";  // 6: text in literal strings

/// Feeds values to the hash, each with its length where it has one, so that no two different
/// sequences of values feed the same bytes. Structs of the page model go by their fields().
/// The bytes are gathered and hashed a few kilobytes at a time: a motion's model is thousands of
/// small values, a hash update each.
class Feeder {
 public:
  explicit Feeder(Sha256& sha) : sha_(sha) {}
  Feeder(const Feeder&) = delete;
  Feeder& operator=(const Feeder&) = delete;

  void number(std::uint64_t value) {
    // Little-endian bytes: the value's own, where the machine is little-endian (one store).
    if constexpr (std::endian::native != std::endian::little) value = __builtin_bswap64(value);
    add(&value, sizeof value);
  }
  void real(double value) { number(std::bit_cast<std::uint64_t>(value)); }
  void text(std::string_view value) {
    number(value.size());
    add(value.data(), value.size());
  }
  /// Hashes what is gathered: call it before anything else updates the hash, and before its
  /// digest is read.
  void flush() {
    sha_.update(buffer_.data(), used_);
    used_ = 0;
  }

  template <class T>
  void operator()(const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
      text(value);
    } else if constexpr (std::is_floating_point_v<T>) {
      real(value);
    } else if constexpr (std::is_integral_v<T>) {
      number(static_cast<std::uint64_t>(value));
    } else if constexpr (std::is_enum_v<T>) {
      number(static_cast<std::uint64_t>(value));
    } else if constexpr (std::is_same_v<T, std::shared_ptr<const std::string>>) {
      number(value ? 1 : 0);  // bytes read for the page (an image's), or none yet
      if (value) text(*value);
    } else if constexpr (requires { value.fields(); }) {
      std::apply([this](const auto&... field) { ((*this)(field), ...); }, value.fields());
    } else {
      number(value.size());  // a vector
      for (const auto& item : value) (*this)(item);
    }
  }

 private:
  void add(const void* data, std::size_t size) {
    if (used_ + size > buffer_.size()) {
      flush();
      if (size > buffer_.size()) return sha_.update(data, size);  // an image's bytes
    }
    std::memcpy(buffer_.data() + used_, data, size);
    used_ += size;
  }

  Sha256& sha_;
  std::array<std::uint8_t, 4096> buffer_{};
  std::size_t used_ = 0;
};

}  // namespace

SubsetDigest subset_digest(const std::vector<std::uint8_t>& subset) {
  // The documents of a batch mostly embed the same subsets (fonts::Font keeps its recent ones),
  // and hashing one cost more than comparing it byte by byte with the last few hashed on this
  // thread (0.5M instructions of a batch letter's 13M): an equal one has the same digest.
  constexpr std::size_t kept = 8;
  thread_local std::deque<std::pair<std::vector<std::uint8_t>, SubsetDigest>> recent;
  for (const auto& [bytes, digest] : recent)
    if (bytes == subset) return digest;
  Sha256 sha;
  sha.update(subset.data(), subset.size());
  const SubsetDigest digest = sha.finish();
  recent.emplace_front(subset, digest);
  if (recent.size() > kept) recent.pop_back();
  return digest;
}

ContentId content_id(const layout::PageModel& model, const Info& info,
                     const std::vector<SubsetDigest>& font_subsets) {
  Sha256 sha;
  Feeder feed(sha);
  feed.text(format_tag);
  feed.text(FISCGEN_VERSION);
  for (const auto* field :
       {&info.title, &info.subject, &info.author, &info.keywords, &info.creation_date})
    feed.text(*field);
  feed(model);
  feed.number(font_subsets.size());
  feed.flush();
  for (const auto& subset : font_subsets) sha.update(subset.data(), subset.size());

  ContentId id;
  id.digest = sha.finish();
  std::memcpy(id.bytes.data(), id.digest.data(), id.bytes.size());
  return id;
}

std::string subset_tag(const SubsetDigest& subset, std::size_t index) {
  std::string tag(6, 'A');
  for (std::size_t i = 0; i < 5; ++i) tag[i] = static_cast<char>('A' + subset[i] % 26);
  tag[5] = static_cast<char>('A' + index % 26);
  return tag;
}

}  // namespace fiscgen::pdf
