// Internal to layout/: what every page carries besides the text: page numbers.
#pragma once

#include "layout/context.hpp"

namespace fiscgen::layout::detail {

/// Adds the page number to every page the profile numbers ({page} and {pages} in its format).
void add_page_numbers(Context& context, PageModel& model);

}  // namespace fiscgen::layout::detail
