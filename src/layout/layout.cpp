#include "layout/layout.hpp"

#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/furniture.hpp"
#include "layout/pagination.hpp"

namespace fiscgen::layout {

/// Three passes: the blocks become a flow of lines (shaping, line breaking, word placement, and
/// on each line the vetoes on breaking a page before it), the flow is cut into pages with the
/// footnotes at the foot of their page, then the page numbers and classification banners go on.
PageModel lay_out(const doc::Document& document, const rules::Profile& profile,
                  fonts::FontSet& fonts, Warnings& warnings) {
  detail::Context context(document, profile, fonts, warnings);
  // Ragged lines are filled greedily, as a reader expects of ragged text; justified lines are
  // broken optimally with the profile's weights, so that no line is left with gaping spaces.
  const auto& weights = profile.breaking;
  detail::Breakers breaker;
  breaker.justified =
      [fit = detail::FitWeights{weights.tolerance, weights.line_penalty, weights.hyphen_penalty}](
          const auto& items, const auto& widths) {
        return detail::optimal_breaks(items, widths, fit);
      };
  const auto flow = detail::build_flow(context, document.blocks, breaker);
  PageModel model;
  model.width = profile.page_width;
  model.height = profile.page_height;
  detail::paginate(context, flow, model);
  detail::add_page_numbers(context, model);
  detail::add_banners(context, model);
  detail::add_watermark(context, model);
  return model;
}

}  // namespace fiscgen::layout
