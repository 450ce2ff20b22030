// Internal to layout/: the flow of lines cut into pages, footnotes at the foot of the page that
// references them.
#pragma once

#include <vector>

#include "layout/context.hpp"

namespace fiscgen::layout::detail {

/// Fills `model.pages` (at least one page) and the pages and y of `model.outline` entries.
void paginate(Context& context, const std::vector<FlowLine>& lines, PageModel& model);

}  // namespace fiscgen::layout::detail
