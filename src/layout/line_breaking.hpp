// Internal to layout/: choosing where a paragraph's lines end. The breaker sees only widths and
// break opportunities, so greedy filling can be swapped for optimal fit without touching the
// rest of the layout.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace fiscgen::layout::detail {

/// One unit of a paragraph as the breaker sees it (one drawn code point, a space, a box).
struct BreakItem {
  double width = 0;
  bool space = false;         // neither measured nor drawn at the start or end of a line
  bool break_after = false;   // a line may end after it
  bool forced_after = false;  // a line must end after it
  double hyphen_width = 0;    // added when a line ends after it (soft hyphen)
};

/// Available widths: the first line may differ (first-line indent).
struct LineWidths {
  double first = 0, rest = 0;
  double at(std::size_t line) const { return line == 0 ? first : rest; }
};

/// Returns the end index (exclusive) of each line; the last is items.size(). A breaker never
/// lets a line overflow its width when a break exists, and breaks inside a word (between any
/// two items) when the word alone is wider than the line.
using LineBreaker =
    std::function<std::vector<std::size_t>(const std::vector<BreakItem>&, const LineWidths&)>;

/// First fit: each line takes as many items as fit, ending at the last opportunity.
std::vector<std::size_t> greedy_breaks(const std::vector<BreakItem>& items,
                                       const LineWidths& widths);

/// Natural width of items [begin, end) as a line: leading and trailing spaces not counted, the
/// hyphen of a line ending at a soft hyphen counted.
double line_width(const std::vector<BreakItem>& items, std::size_t begin, std::size_t end);

}  // namespace fiscgen::layout::detail
