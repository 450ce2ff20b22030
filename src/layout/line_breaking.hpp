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
/// lets a line overflow its width when a break exists (optimal_breaks may leave a justified line
/// up to a third of its spaces too long: place_line shrinks them), and breaks inside a word
/// (between any two items) when the word alone is wider than the line.
using LineBreaker =
    std::function<std::vector<std::size_t>(const std::vector<BreakItem>&, const LineWidths&)>;

/// First fit: each line takes as many items as fit, ending at the last opportunity.
std::vector<std::size_t> greedy_breaks(const std::vector<BreakItem>& items,
                                       const LineWidths& widths);

/// Weights of optimal fit, in TeX's names and units (badness 100 = every space stretched by
/// `space_stretch` of its width). They come from the rules profile's <breaking> element.
struct FitWeights {
  double tolerance = 200;      // largest badness a line may have on the first try
  double line_penalty = 10;    // added to every line's badness before squaring: fewer lines
  double hyphen_penalty = 50;  // for ending a line at a soft hyphen
};

/// Optimal fit (Knuth–Plass) over the same break opportunities, for justified text; falls back
/// to greedy_breaks when no breaking fits (a word wider than the line). See the .cpp.
std::vector<std::size_t> optimal_breaks(const std::vector<BreakItem>& items,
                                        const LineWidths& widths, const FitWeights& weights);

/// The breakers of one layout: ragged text is filled greedily, justified text optimally.
struct Breakers {
  LineBreaker ragged = greedy_breaks;
  LineBreaker justified = greedy_breaks;
  const LineBreaker& pick(bool justify) const { return justify ? justified : ragged; }
};

/// Natural width of items [begin, end) as a line: leading and trailing spaces not counted, the
/// hyphen of a line ending at a soft hyphen counted.
double line_width(const std::vector<BreakItem>& items, std::size_t begin, std::size_t end);

}  // namespace fiscgen::layout::detail
