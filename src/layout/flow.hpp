// Internal to layout/: the block tree flattened into one column of lines for the paginator, with
// what may not be separated marked on the lines.
#pragma once

#include <vector>

#include "layout/context.hpp"
#include "layout/line_breaking.hpp"

namespace fiscgen::layout::detail {

/// Lays out every block in reading order. Also sets every footnote's text into context.notes.
std::vector<FlowLine> build_flow(Context& context, const std::vector<doc::Block>& blocks,
                                 const Breakers& breakers);

}  // namespace fiscgen::layout::detail
