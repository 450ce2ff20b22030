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

}  // namespace

void add_page_numbers(Context& context, PageModel& model) {
  const auto& number = context.profile.page_number;
  if (number.position == "none") return;
  rules::Style style;
  style.face = fonts::Face::regular;
  style.size = number.size;
  const double left = context.content_left(), right = context.content_right();
  const bool top = number.position == "top-right";
  const doc::Align align =
      number.position == "bottom-center" ? doc::Align::center : doc::Align::right;
  const std::string pages = std::to_string(model.pages.size());
  const SourceLocation where{"rules profile " + context.profile.name, 0, 0};
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    if (p == 0 && !number.first_page) continue;
    const std::string text =
        replace_all(replace_all(number.format, "{page}", std::to_string(p + 1)), "{pages}", pages);
    Shaper shaper(context, style);
    shaper.add_text(text, where);
    const Shaped shaped = shaper.finish();
    const double baseline_y = top ? model.height - number.offset : number.offset;
    // place_line puts the baseline at -baseline from its origin: origin 0 means y = -baseline.
    Fragment fragment = place_line(context, shaped, 0, shaped.atoms.size(), left, right - left,
                                   align, -baseline_y, number.size);
    auto& page = model.pages[p];
    for (auto& run : fragment.runs) page.runs.push_back(std::move(run));
  }
}

}  // namespace fiscgen::layout::detail
