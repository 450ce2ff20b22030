#include "layout/layout.hpp"

#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/furniture.hpp"
#include "layout/pagination.hpp"

namespace fiscgen::layout {

/// Three passes: the blocks become a flow of lines (shaping, line breaking, word placement, and
/// on each line the vetoes on breaking a page before it), the flow is cut into pages with the
/// footnotes at the foot of their page, then the page numbers go on.
PageModel lay_out(const doc::Document& document, const rules::Profile& profile,
                  fonts::FontSet& fonts, Warnings& warnings) {
  detail::Context context(document, profile, fonts, warnings);
  const detail::LineBreaker breaker = detail::greedy_breaks;
  const auto flow = detail::build_flow(context, document.blocks, breaker);
  PageModel model;
  model.width = profile.page_width;
  model.height = profile.page_height;
  detail::paginate(context, flow, model);
  detail::add_page_numbers(context, model);
  return model;
}

}  // namespace fiscgen::layout
