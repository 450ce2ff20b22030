#include "layout/furniture.hpp"

#include "layout/paragraph.hpp"
#include "layout/text.hpp"

namespace fiscgen::layout::detail {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
    text.replace(at, from.size(), to), at += to.size();
  return text;
}

// A banner shares its margin with the page number: it sits this much nearer the paper's edge,
// so the two lines do not touch (a 12-point line and a little air).
constexpr double banner_clearance = 14;

/// Places `text` in `style` as one line with its baseline `baseline_y` points above the bottom
/// edge, aligned across the content width.
void add_line(Context& context, Page& page, const std::string& text, const rules::Style& style,
              doc::Align align, double baseline_y) {
  const SourceLocation where{"rules profile " + context.profile.name, 0, 0};
  Shaper shaper(context, style);
  shaper.add_text(text, where);
  const Shaped shaped = shaper.finish();
  const double left = context.content_left(), right = context.content_right();
  // place_line puts the baseline at -baseline from its origin: origin 0 means y = -baseline.
  Fragment fragment = place_line(context, shaped, 0, shaped.atoms.size(), left, right - left, align,
                                 -baseline_y, style.size);
  for (auto& run : fragment.runs) page.runs.push_back(std::move(run));
}

}  // namespace

void add_banners(Context& context, PageModel& model) {
  const std::string text = doc::banner(context.document);
  if (text.empty()) return;
  const auto& number = context.profile.page_number;
  rules::Style style;
  style.face = fonts::Face::regular;
  style.size = number.size;
  // Banners go where the page number goes, one line further out on the numbered edge.
  const bool numbered = number.position != "none";
  const bool number_on_top = numbered && number.position == "top-right";
  const bool number_at_bottom = numbered && !number_on_top;
  const double top = number.offset + (number_on_top ? banner_clearance : 0);
  const double bottom = number.offset - (number_at_bottom ? banner_clearance : 0);
  for (auto& page : model.pages) {
    add_line(context, page, text, style, doc::Align::center, model.height - top);
    add_line(context, page, text, style, doc::Align::center, bottom);
  }
}

void add_page_numbers(Context& context, PageModel& model) {
  const auto& number = context.profile.page_number;
  if (number.position == "none") return;
  rules::Style style;
  style.face = fonts::Face::regular;
  style.size = number.size;
  const bool top = number.position == "top-right";
  const doc::Align align =
      number.position == "bottom-center" ? doc::Align::center : doc::Align::right;
  const std::string pages = std::to_string(model.pages.size());
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    if (p == 0 && !number.first_page) continue;
    const std::string text =
        replace_all(replace_all(number.format, "{page}", std::to_string(p + 1)), "{pages}", pages);
    add_line(context, model.pages[p], text, style, align,
             top ? model.height - number.offset : number.offset);
  }
}

}  // namespace fiscgen::layout::detail
