// Canonical serialisation of the writer's input, hashed with SHA-256.

#include "pdf/content_id.hpp"

#include <bit>
#include <cstring>

#include "pdf/sha256.hpp"

namespace fiscgen::pdf {
namespace {

// Bump when the output for the same input changes, so old and new files get different IDs.
constexpr const char* format_tag = "fiscgen-pdf-2";

class Feeder {
 public:
  explicit Feeder(Sha256& sha) : sha_(sha) {}
  void number(std::uint64_t value) {
    std::uint8_t bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<std::uint8_t>(value >> (8 * i));
    sha_.update(bytes, 8);
  }
  void real(double value) { number(std::bit_cast<std::uint64_t>(value)); }
  void text(std::string_view value) {
    number(value.size());
    sha_.update(value);
  }
  void bytes(const std::vector<std::uint8_t>& value) {
    number(value.size());
    sha_.update(value.data(), value.size());
  }

 private:
  Sha256& sha_;
};

}  // namespace

ContentId content_id(const layout::PageModel& model, const Info& info,
                     const std::vector<std::vector<std::uint8_t>>& font_subsets) {
  Sha256 sha;
  Feeder feed(sha);
  feed.text(format_tag);
  feed.text(FISCGEN_VERSION);
  for (const auto* field :
       {&info.title, &info.subject, &info.author, &info.keywords, &info.creation_date})
    feed.text(*field);
  feed.real(model.width);
  feed.real(model.height);
  feed.number(model.pages.size());
  for (const auto& page : model.pages) {
    feed.number(page.runs.size());
    for (const auto& run : page.runs) {
      feed.real(run.x), feed.real(run.y), feed.number(static_cast<std::uint64_t>(run.font));
      feed.real(run.size), feed.text(run.text), feed.number(static_cast<std::uint64_t>(run.change));
    }
    feed.number(page.lines.size());
    for (const auto& line : page.lines)
      feed.real(line.x1), feed.real(line.y1), feed.real(line.x2), feed.real(line.y2),
          feed.real(line.width), feed.number(static_cast<std::uint64_t>(line.change));
    feed.number(page.boxes.size());
    for (const auto& box : page.boxes)
      feed.real(box.x), feed.real(box.y), feed.real(box.width), feed.real(box.height);
    feed.number(page.links.size());
    for (const auto& link : page.links)
      feed.real(link.x), feed.real(link.y), feed.real(link.width), feed.real(link.height),
          feed.text(link.uri), feed.number(static_cast<std::uint64_t>(link.page + 1)),
          feed.real(link.top);
    const auto& mark = page.watermark;
    feed.number(mark.runs.size());
    for (const auto& run : mark.runs) {
      feed.real(run.x), feed.real(run.y), feed.number(static_cast<std::uint64_t>(run.font));
      feed.real(run.size), feed.text(run.text);
    }
    feed.real(mark.x), feed.real(mark.y), feed.real(mark.angle), feed.real(mark.gray);
  }
  feed.number(model.outline.size());
  for (const auto& entry : model.outline) {
    feed.text(entry.title), feed.number(static_cast<std::uint64_t>(entry.level));
    feed.number(static_cast<std::uint64_t>(entry.page)), feed.real(entry.y);
  }
  feed.number(font_subsets.size());
  for (const auto& subset : font_subsets) feed.bytes(subset);

  ContentId id;
  id.digest = sha.finish();
  std::memcpy(id.bytes.data(), id.digest.data(), id.bytes.size());
  return id;
}

std::string subset_tag(const ContentId& id, std::size_t index) {
  std::string tag(6, 'A');
  for (std::size_t i = 0; i < 5; ++i) tag[i] = static_cast<char>('A' + id.digest[16 + i] % 26);
  tag[5] = static_cast<char>('A' + index % 26);
  return tag;
}

}  // namespace fiscgen::pdf
