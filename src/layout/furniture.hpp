// Internal to layout/: what every page carries besides the text: page numbers, classification
// banners.
#pragma once

#include "layout/context.hpp"

namespace fiscgen::layout::detail {

/// Adds the page number to every page the profile numbers ({page} and {pages} in its format).
void add_page_numbers(Context& context, PageModel& model);

/// Centres doc::banner(document) at the top and the bottom of every page, in the margins;
/// nothing when the document has no banner.
void add_banners(Context& context, PageModel& model);

}  // namespace fiscgen::layout::detail
