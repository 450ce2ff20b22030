// Internal to layout/: parts a rules profile sets at a fixed place on the first page, out of the
// text's flow (rules::Placement: DIN 5008's postal zone, address field and information block).
#pragma once

#include <string>
#include <vector>

#include "layout/context.hpp"
#include "layout/line_breaking.hpp"

namespace fiscgen::layout::detail {

/// The blocks of one placed part, taken out of the flow, and their lines in its width.
struct PlacedPart {
  std::string part;
  const rules::Placement* placement = nullptr;
  std::vector<doc::Block> blocks;
  std::vector<FlowLine> lines;
  double top = 0;     // from the paper's top edge: where its first line starts
  double bottom = 0;  // from the paper's top edge: its box, or its text when taller
  mutable bool overlap_reported = false;  // the first part's: warn_overlap reports once
};

/// Whether `blocks` hold a top-level block of a part the profile places.
bool has_placed(const std::vector<doc::Block>& blocks, const rules::Profile& profile);

/// Takes the top-level blocks of every part the profile places out of `blocks`, sets them in
/// their widths, and leaves a marker where the first was: the text from there on begins below
/// them all (make_room). Empty when the profile places none of the blocks' parts.
std::vector<PlacedPart> take_placed(Context& context, const Breakers& breakers,
                                    std::vector<doc::Block>& blocks);

/// Makes the marker's line of `lines` (when it is there) as tall as puts the line after it
/// below every placed part.
void make_room(const Context& context, std::vector<FlowLine>& lines,
               const std::vector<PlacedPart>& placed);

/// Puts each placed part at its place on the first page.
void set_placed(const std::vector<PlacedPart>& placed, PageModel& model);

}  // namespace fiscgen::layout::detail
