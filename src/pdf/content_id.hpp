// The PDF's identity, derived from its content so that the same input gives the same bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "pdf/pdf.hpp"

namespace fiscgen::pdf {

struct ContentId {
  std::array<std::uint8_t, 32> digest{};  // SHA-256 of everything that shapes the output
  std::array<std::uint8_t, 16> bytes{};   // the trailer /ID: the digest's first half
};

/// Hashes the page model, the info and the embedded font subsets (which stand for the font
/// files), each field length-prefixed so that no two different inputs serialise alike.
ContentId content_id(const layout::PageModel& model, const Info& info,
                     const std::vector<std::vector<std::uint8_t>>& font_subsets);

/// The six capital letters that name the `index`-th embedded subset ("ABCDEF+LiberationSerif"):
/// five from the content digest, so different subsets get different names across documents,
/// and the last from the index, so they never collide within one.
std::string subset_tag(const ContentId& id, std::size_t index);

}  // namespace fiscgen::pdf
