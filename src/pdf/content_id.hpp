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

/// The SHA-256 of an embedded font subset: what stands for it (and for its font file) in the
/// content ID, and what its tag is made from.
using SubsetDigest = std::array<std::uint8_t, 32>;
SubsetDigest subset_digest(const std::vector<std::uint8_t>& subset);

/// Hashes the page model, the info and the embedded font subsets' digests, each field
/// length-prefixed so that no two different inputs serialise alike.
ContentId content_id(const layout::PageModel& model, const Info& info,
                     const std::vector<SubsetDigest>& font_subsets);

/// The six capital letters that name the `index`-th embedded subset ("ABCDEF+LiberationSerif"):
/// five from the subset's own digest, so different subsets get different names across
/// documents and the same subset the same name in every document (its font program, which
/// carries the name, is then the same bytes, and a batch compresses it once); the last from the
/// index, so they never collide within one document.
std::string subset_tag(const SubsetDigest& subset, std::size_t index);

}  // namespace fiscgen::pdf
