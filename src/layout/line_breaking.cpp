#include "layout/line_breaking.hpp"

namespace fiscgen::layout::detail {
namespace {

// Widths are sums of many doubles: forgive rounding noise when testing "does it fit".
constexpr double fit_tolerance = 1e-9;

}  // namespace

/// Greedy first fit, as word processors do: walk the items keeping the width of the line so far
/// (spaces count only between words) and the last break opportunity seen. When the next
/// non-space item would cross the width, the line ends at that opportunity; with none on the
/// line the word alone is too wide, and the line ends before the item that overflows, so that
/// nothing ever crosses the right margin. A forced break ends the line at once.
std::vector<std::size_t> greedy_breaks(const std::vector<BreakItem>& items,
                                       const LineWidths& widths) {
  std::vector<std::size_t> ends;
  const std::size_t n = items.size();
  std::size_t start = 0;
  while (start < n) {
    const double available = widths.at(ends.size()) + fit_tolerance;
    double width = 0;    // through the current item, inner spaces included
    double content = 0;  // through the last non-space item
    bool seen_content = false;
    std::size_t last_ok = 0;  // 0: none yet (every end is past start)
    std::size_t end = n;
    for (std::size_t i = start; i < n; ++i) {
      const BreakItem& item = items[i];
      if (item.space) {
        if (seen_content) width += item.width;
      } else {
        if (seen_content && width + item.width > available) {
          end = last_ok != 0 ? last_ok : i;
          break;
        }
        width += item.width;
        content = width;
        seen_content = true;
      }
      if (item.forced_after) {
        end = i + 1;
        break;
      }
      if (item.break_after && (!seen_content || content + item.hyphen_width <= available))
        last_ok = i + 1;
    }
    ends.push_back(end);
    start = end;
  }
  return ends;
}

double line_width(const std::vector<BreakItem>& items, std::size_t begin, std::size_t end) {
  while (begin < end && items[begin].space) ++begin;
  while (end > begin && items[end - 1].space) --end;
  double width = 0;
  for (std::size_t i = begin; i < end; ++i) width += items[i].width;
  if (end > begin && end < items.size()) width += items[end - 1].hyphen_width;
  return width;
}

}  // namespace fiscgen::layout::detail
