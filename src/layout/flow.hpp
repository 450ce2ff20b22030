// Internal to layout/: the block tree flattened into one column of lines for the paginator, with
// what may not be separated marked on the lines.
#pragma once

#include <vector>

#include "layout/context.hpp"
#include "layout/line_breaking.hpp"

namespace fiscgen::layout::detail {

/// Lays out every block in reading order. Also sets every footnote's text into context.notes.
/// Text blocks are counted from `first_block` (FlowLine::start).
std::vector<FlowLine> build_flow(Context& context, const std::vector<doc::Block>& blocks,
                                 const Breakers& breakers, int first_block = 0);

/// The same in a column from `left` to `right` (points from the paper's left edge).
std::vector<FlowLine> build_flow(Context& context, const std::vector<doc::Block>& blocks,
                                 const Breakers& breakers, int first_block, double left,
                                 double right);

/// Forces a page break before each start of `plan` this flow holds (see layout::lay_out); a
/// start inside a block that has fewer lines here begins the page with a copy of the block's
/// first line. Returns the starts it could not find.
std::vector<PageStart> apply_plan(std::vector<FlowLine>& lines, const std::vector<PageStart>& plan);

}  // namespace fiscgen::layout::detail
