#include "layout/furniture.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numbers>

#include "i18n/i18n.hpp"
#include "layout/paragraph.hpp"
#include "layout/text.hpp"

namespace fiscgen::layout::detail {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
    text.replace(at, from.size(), to), at += to.size();
  return text;
}

// The watermark runs corner to corner, filling this share of the diagonal, at most this size:
// large enough to see at a glance, small enough to stay off the banners' and numbers' lines.
constexpr double watermark_share = 0.6;
constexpr double watermark_max_size = 160;
// Light enough that the black text over it stays easy to read, in print and on screen.
constexpr double watermark_gray = 0.85;
// A continuation heading's baseline stands this far above the top of the text area.
constexpr double continuation_rise = 2;
// Liberation Serif's capitals stand about 0.65 em; half of that centres them on the diagonal.
constexpr double cap_height_share = 0.33;

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
  page.append(std::move(fragment));
}

}  // namespace

void add_marks(Context& context, PageModel& model) {
  const auto& marks = context.profile.marks;
  if (model.pages.empty() || marks.length <= 0) return;
  // Thin: a guide for the hand, not part of the letter.
  constexpr double mark_width = 0.5;
  for (const double at : {marks.first_fold, marks.hole, marks.second_fold})
    if (at > 0 && at < model.height)
      model.pages.front().lines.push_back(Line{marks.from_edge, model.height - at,
                                               marks.from_edge + marks.length, model.height - at,
                                               mark_width});
}

void add_banners(Context& context, PageModel& model) {
  // template/ resolved the banner from the marks and the vocabulary (doc::banner).
  const std::string& text = context.document.meta.classification;
  if (text.empty()) return;
  const auto& number = context.profile.page_number;
  rules::Style style;
  style.face = fonts::Face::regular;
  style.size = number.size;
  // Banners go where the page number goes, one line further out on the numbered edge.
  const bool numbered = number.position != "none";
  const bool number_on_top = numbered && number.position == "top-right";
  const bool number_at_bottom = numbered && !number_on_top;
  // A banner shares its margin with the page number: it sits the profile's banners clearance
  // nearer the paper's edge, so the two lines do not touch.
  const double banner_clearance = context.profile.banner_clearance;
  const double top = number.offset + (number_on_top ? banner_clearance : 0);
  const double bottom = number.offset - (number_at_bottom ? banner_clearance : 0);
  for (auto& page : model.pages) {
    add_line(context, page, text, style, doc::Align::center, model.height - top);
    add_line(context, page, text, style, doc::Align::center, bottom);
  }
}

void add_watermark(Context& context, PageModel& model) {
  const std::string& text = context.document.meta.watermark;
  if (text.empty()) return;
  const SourceLocation where{"the watermark", 0, 0};
  rules::Style style;
  style.face = fonts::Face::bold;
  const auto shape = [&](double size) {
    style.size = size;
    Shaper shaper(context, style);
    shaper.add_text(text, where);
    Shaped shaped = shaper.finish();
    double width = 0;
    for (const auto& atom : shaped.atoms) width += atom.width;
    return std::pair{std::move(shaped), width};
  };
  // Measured at 100 points, then scaled to fill the given share of the page's diagonal.
  const double diagonal = std::hypot(model.width, model.height);
  const double measured = shape(100).second;
  if (measured <= 0) return;
  const double size = std::min(watermark_max_size, 100 * watermark_share * diagonal / measured);
  const auto [shaped, width] = shape(size);
  // Centred on the origin: half the width to the left, the baseline a half cap height below.
  Fragment fragment = place_line(context, shaped, 0, shaped.atoms.size(), -width / 2, width,
                                 doc::Align::left, cap_height_share * size, size);
  Watermark watermark;
  watermark.runs = std::move(fragment.runs);
  watermark.x = model.width / 2;
  watermark.y = model.height / 2;
  watermark.angle = std::atan2(model.height, model.width) * 180 / std::numbers::pi;
  watermark.gray = watermark_gray;
  for (auto& page : model.pages) page.watermark = watermark;
}

void add_continuation_heading(Context& context, PageModel& model, const std::string& text) {
  if (text.empty()) return;
  const rules::Style& style = context.profile.style("single");
  // Its baseline just above the text, so that its descenders stay clear of the first line and
  // its capitals of a classification banner further out in the margin.
  const double baseline = model.height - context.profile.margin_top + continuation_rise;
  for (std::size_t p = 1; p < model.pages.size(); ++p)
    add_line(context, model.pages[p], replace_all(text, "{page}", std::to_string(p + 1)), style,
             doc::Align::left, baseline);
}

void mark_cover(Context& context, PageModel& model) {
  // A document with front matter that opens with its caption has a cover: it counts as page i
  // (the next page prints ii) but prints no number, as a brief's cover never does.
  const auto& blocks = context.document.blocks;
  model.cover = model.front_matter_pages > 1 && !blocks.empty() &&
                blocks.front().kind == doc::BlockKind::caption;
  if (model.cover) model.cover_label = context.document.meta.cover_label;
}

std::vector<std::size_t> numbering_starts(const PageModel& model) {
  const auto front =
      std::min(static_cast<std::size_t>(std::max(0, model.front_matter_pages)), model.pages.size());
  std::vector<std::size_t> starts{0};
  if (front > 0) starts.push_back(front);
  for (std::size_t p = front + 1; p < model.pages.size(); ++p)
    if (model.pages[p].restart_numbering) starts.push_back(p);
  return starts;
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
  // Front matter is numbered i, ii, …; the body from 1, so the tables' numbers are those
  // printed; a page marked to restart (a proposed order) is 1 again. {pages} counts the
  // numbering the page belongs to.
  const auto front = static_cast<std::size_t>(std::max(0, model.front_matter_pages));
  const auto roman = [&](std::size_t n) {
    return i18n::format_number(static_cast<long long>(n), context.locale, "lower-roman");
  };
  const auto sequences = numbering_starts(model);
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    if (p == 0 && (!number.first_page || model.cover)) continue;
    const bool in_front = p < front;
    // The numbering this page belongs to: from `start` up to the next start (or the end).
    const auto next = std::upper_bound(sequences.begin(), sequences.end(), p);
    const std::size_t start = *std::prev(next);
    const std::size_t end = next == sequences.end() ? model.pages.size() : *next;
    const std::string page = in_front ? roman(p + 1) : std::to_string(p - start + 1);
    const std::string text = replace_all(replace_all(number.format, "{page}", page), "{pages}",
                                         in_front ? roman(front) : std::to_string(end - start));
    add_line(context, model.pages[p], text, style, align,
             top ? model.height - number.offset : number.offset);
  }
}

}  // namespace fiscgen::layout::detail
