#include "layout/placed.hpp"

#include <algorithm>
#include <cmath>

#include "layout/flow.hpp"

namespace fiscgen::layout::detail {
namespace {

/// The part of the spacer left where the placed parts were: no part a template may name.
constexpr const char* room_part = "#placed";
/// Placed parts count their text blocks from here: they are in no version's page plan.
constexpr int placed_blocks_first = 2000000;

const rules::Placement* placement_of(const rules::Profile& profile, const std::string& part) {
  for (const auto& [name, placement] : profile.placements())
    if (name == part && placement->width > 0) return placement;
  return nullptr;
}

/// The height of `lines` set one under the other, as a page sets them.
double height_of(const std::vector<FlowLine>& lines) {
  double height = 0;
  for (std::size_t i = 0; i < lines.size(); ++i)
    height += (i > 0 ? lines[i].gap_before : 0) + lines[i].height;
  return height;
}

/// Warns when the text above the placed parts (a letterhead) runs into the highest of them:
/// DIN 5008's Form A leaves a letterhead 27 mm. Once per document: the flow is built again
/// while a table of contents settles.
void warn_overlap(const Context& context, const std::vector<FlowLine>& before,
                  const std::vector<PlacedPart>& placed) {
  if (placed.empty() || placed.front().overlap_reported) return;
  // The boxes, not their text: the zone above the boxes is all a letterhead has.
  const auto highest = std::min_element(
      placed.begin(), placed.end(),
      [](const PlacedPart& a, const PlacedPart& b) { return a.placement->top < b.placement->top; });
  const double top = highest->placement->top;
  double y = context.profile.margin_top, ink = y;
  const FlowLine* last = nullptr;
  for (std::size_t i = 0; i < before.size(); ++i) {
    y += (i > 0 ? before[i].gap_before : 0) + before[i].height;
    if (!before[i].discardable) ink = y, last = &before[i];
  }
  if (!last || ink <= top + 0.01) return;
  placed.front().overlap_reported = true;
  context.warnings.add(last->where, "the text above the " + highest->part + " ends " +
                                        std::to_string(std::lround(ink - top)) +
                                        " pt below its top, where rules profile " +
                                        context.profile.name + " sets it: they overlap");
}

}  // namespace

bool has_placed(const std::vector<doc::Block>& blocks, const rules::Profile& profile) {
  return std::any_of(blocks.begin(), blocks.end(),
                     [&](const doc::Block& b) { return placement_of(profile, b.part) != nullptr; });
}

std::vector<PlacedPart> take_placed(Context& context, const Breakers& breakers,
                                    std::vector<doc::Block>& blocks) {
  const auto& profile = context.profile;
  std::vector<PlacedPart> placed;
  std::vector<doc::Block> kept;
  for (auto& block : blocks) {
    const rules::Placement* placement = placement_of(profile, block.part);
    if (!placement) {
      kept.push_back(std::move(block));
      continue;
    }
    if (placed.empty()) {  // the text after it begins below the placed parts
      doc::Block room;
      room.kind = doc::BlockKind::spacer;
      room.part = room_part;
      room.where = block.where;
      kept.push_back(std::move(room));
    }
    auto found = std::find_if(placed.begin(), placed.end(),
                              [&](const PlacedPart& p) { return p.part == block.part; });
    if (found == placed.end()) {
      PlacedPart part;
      part.part = block.part;
      part.placement = placement;
      found = placed.insert(placed.end(), std::move(part));
    }
    found->blocks.push_back(std::move(block));
  }
  blocks = std::move(kept);
  for (auto& p : placed) {
    const auto& box = *p.placement;
    if (box.left + box.width > profile.page_width || box.top >= profile.page_height)
      throw Error(p.blocks.front().where, "rules profile " + profile.name + " sets the " + p.part +
                                              " off the page (its <" + p.part + ">)");
    p.lines = build_flow(context, p.blocks, breakers, placed_blocks_first, box.left,
                         box.left + box.width);
    for (const auto& line : p.lines)
      if (!line.notes.empty())
        throw Error(line.where, "a footnote cannot stand in the " + p.part +
                                    ", which rules profile " + profile.name +
                                    " sets at a fixed place on the first page");
    const double height = height_of(p.lines);
    if (box.height > 0 && height > box.height + 0.01)
      context.warnings.add(p.blocks.front().where,
                           "the " + p.part + " is " + std::to_string(std::lround(height)) +
                               " pt tall; rules profile " + profile.name + " gives it " +
                               std::to_string(std::lround(box.height)) + " pt");
    // A zone written upwards ends at its lower edge; taller than its box, it grows upwards.
    const bool upwards = box.anchor == rules::Placement::Anchor::bottom && box.height > 0;
    p.top = upwards ? box.top + box.height - height : box.top;
    p.bottom = std::max(box.top + box.height, p.top + height);
  }
  return placed;
}

void make_room(const Context& context, std::vector<FlowLine>& lines,
               const std::vector<PlacedPart>& placed) {
  const auto marker = std::find_if(lines.begin(), lines.end(),
                                   [](const FlowLine& line) { return line.part == room_part; });
  if (marker == lines.end()) return;
  double bottom = 0;
  for (const auto& p : placed) bottom = std::max(bottom, p.bottom);
  // Where the marker stands on the first page, below the top margin.
  const std::vector<FlowLine> before(lines.begin(), marker);
  const double at = height_of(before) + (before.empty() ? 0 : marker->gap_before);
  warn_overlap(context, before, placed);
  marker->height = std::max(0.0, bottom - context.profile.margin_top - at);
  marker->discardable = false;
  marker->keep = keep_hard;  // on the first page, with what comes before it
  marker->part.clear();
}

void set_placed(const std::vector<PlacedPart>& placed, PageModel& model) {
  if (model.pages.empty()) return;
  Page& page = model.pages.front();
  for (const auto& p : placed) {
    double y = model.height - p.top;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      if (i > 0) y -= p.lines[i].gap_before;
      page.append(p.lines[i].content, y);
      y -= p.lines[i].height;
    }
  }
}

}  // namespace fiscgen::layout::detail
