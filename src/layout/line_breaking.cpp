#include "layout/line_breaking.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace fiscgen::layout::detail {
namespace {

// Widths are sums of many doubles: forgive rounding noise when testing "does it fit".
constexpr double fit_tolerance = 1e-9;

// Optimal fit. Spaces of a justified line may stretch by half their width and shrink by a third
// of it at badness 100 (TeX's Computer Modern ratios: a 1/3 em space with 1/6 em of stretch and
// 1/9 em of shrink); place_line spreads the difference over the gaps either way. With the
// default tolerance of 200 a space may grow to about 1.6 times its width, or shrink to 0.58.
// Lines set ragged (the last, those ended by <br/>) never shrink.
constexpr double space_stretch = 0.5;
constexpr double space_shrink = 1.0 / 3;
// TeX's "infinitely bad": the badness of a short line with no space to stretch, per point it
// is short. Not a cap on 100 r³: when nothing fits the tolerance, the second search must still
// tell a line stretched twice from one stretched ten times.
constexpr double infinitely_bad = 10000;
// Fitness classes by badness, as TeX: decent up to 12, loose up to 99, very loose beyond;
// tight when shrunk with badness over 12.
constexpr double loose_badness = 12;
constexpr double very_loose_badness = 99;
// TeX's \adjdemerits: a very loose line next to a decent one (classes two apart) looks like a
// hole in the page; as costly as a line of badness ~100.
constexpr double adjacent_demerits = 10000;
// TeX's \doublehyphendemerits: two lines in a row ending in a hyphen.
constexpr double double_hyphen_demerits = 10000;

enum Fitness : int { very_loose = 0, loose = 1, decent = 2, tight = 3 };

/// A feasible break: the best way found to end a line at `position` in a given fitness class.
struct Node {
  std::size_t position = 0;
  int fitness = decent;
  bool hyphen = false;
  double total = 0;              // demerits of the paragraph up to here
  std::ptrdiff_t previous = -1;  // index into the node list
  // What every line from here measures against, kept with the node: the search asks each
  // active node about every later break.
  std::size_t start = 0;    // the next line's first non-space item
  double width_before = 0;  // ItemSums::width and ::spaces at `start`
  double spaces_before = 0;
  double available = 0;  // the next line's width, rounding noise forgiven
};

/// A line from a node's position to a break, as the search weighs it.
struct LineFrom {
  bool too_long = false;  // with every space shrunk: no later break fits either
  bool feasible = false;  // a line the search may take
  int fitness = decent;
  double demerits = 0;  // all but the adjacency demerits, which depend on the node's class
};

/// Prefix sums over a paragraph's items, so any line's measures take O(1).
struct ItemSums {
  explicit ItemSums(const std::vector<BreakItem>& items) {
    const std::size_t n = items.size();
    width.assign(n + 1, 0);
    spaces.assign(n + 1, 0);
    first_content.assign(n + 1, n);
    content_end.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      width[i + 1] = width[i] + items[i].width;
      spaces[i + 1] = spaces[i] + (items[i].space ? items[i].width : 0);
      content_end[i + 1] = items[i].space ? content_end[i] : i + 1;
    }
    for (std::size_t i = n; i-- > 0;) first_content[i] = items[i].space ? first_content[i + 1] : i;
  }
  // Width of all items, and of spaces only (the stretchable part).
  std::vector<double> width, spaces;
  // first_content[i]: first non-space item at or after i; content_end[i]: end of the last
  // non-space item at or before i (lines do not measure their leading and trailing spaces).
  std::vector<std::size_t> first_content, content_end;
};

/// TeX's badness of a line `slack` points short (negative: over) of its width, with
/// `stretch` and `shrink` points to give; a ragged line (the last, or one ended by <br/>) is
/// never bad.
double badness_of(double slack, double stretch, double shrink, bool ragged) {
  // Cubed by multiplying: std::pow was 1.2% of a motion's instructions.
  const auto cube = [](double ratio) { return ratio * ratio * ratio; };
  if (!ragged && slack > fit_tolerance)
    return stretch > 0 ? 100 * cube(slack / stretch) : infinitely_bad * slack;
  if (!ragged && slack < -fit_tolerance) return 100 * cube(-slack / shrink);
  return 0;
}

int fitness_of(double slack, double badness) {
  return slack < 0 && badness > loose_badness ? tight
         : badness > very_loose_badness       ? very_loose
         : badness > loose_badness            ? loose
                                              : decent;
}

/// The line ends of the best node at the paragraph's end, following `previous` back; empty
/// when no active node reached it.
std::optional<std::vector<std::size_t>> chosen_breaks(const std::vector<Node>& nodes,
                                                      const std::vector<std::size_t>& active,
                                                      std::size_t n) {
  std::ptrdiff_t chosen = -1;
  for (const std::size_t a : active)
    if (nodes[a].position == n &&
        (chosen < 0 || nodes[a].total < nodes[static_cast<std::size_t>(chosen)].total))
      chosen = static_cast<std::ptrdiff_t>(a);
  if (chosen < 0) return std::nullopt;
  std::vector<std::size_t> ends;
  for (std::ptrdiff_t k = chosen; k > 0; k = nodes[static_cast<std::size_t>(k)].previous)
    ends.push_back(nodes[static_cast<std::size_t>(k)].position);
  std::reverse(ends.begin(), ends.end());
  return ends;
}

/// One run of the optimal-fit search with lines up to `tolerance`; empty when no breaking
/// keeps every line fitting and within it.
std::optional<std::vector<std::size_t>> optimal_search(const std::vector<BreakItem>& items,
                                                       const ItemSums& sums,
                                                       const LineWidths& widths,
                                                       const FitWeights& weights,
                                                       double tolerance) {
  const std::size_t n = items.size();
  // A node at `position` with what lines from it measure against filled in.
  const auto node_at = [&](std::size_t position, int fitness, bool hyphen, double total,
                           std::ptrdiff_t previous) {
    const std::size_t start = sums.first_content[position];
    return Node{position,
                fitness,
                hyphen,
                total,
                previous,
                start,
                sums.width[start],
                sums.spaces[start],
                widths.at(position == 0 ? 0 : 1) + fit_tolerance};
  };
  // A line from `from` to the break being tried: what all nodes at from's position share.
  const auto measure_line = [&](const Node& from, std::size_t content_end, bool hyphen,
                                double hyphen_width, bool forced, bool ragged) {
    LineFrom out;
    // A line from `from` to here measures items [start, e), e = max(start, content_end).
    const bool empty = content_end <= from.start;
    const double natural = empty ? 0 : sums.width[content_end] - from.width_before;
    const double spaces = empty ? 0 : sums.spaces[content_end] - from.spaces_before;
    const double available = from.available;
    const double shrink = spaces * space_shrink;
    out.too_long = natural - shrink > available;
    if (out.too_long) return out;
    if (empty && !forced) return out;  // no empty lines, except between two <br/>
    const double line = natural + (hyphen && !empty ? hyphen_width : 0);
    if (line - (ragged ? 0 : shrink) > available) return out;
    const double slack = available - fit_tolerance - line;
    const double stretch = spaces * space_stretch;
    const double badness = badness_of(slack, stretch, shrink, ragged);
    if (badness > tolerance) return out;
    out.feasible = true;
    out.fitness = fitness_of(slack, badness);
    const double penalty = hyphen ? weights.hyphen_penalty : 0;
    out.demerits = std::pow(weights.line_penalty + badness, 2) + penalty * penalty;
    if (hyphen && from.hyphen) out.demerits += double_hyphen_demerits;
    return out;
  };
  std::vector<Node> nodes{node_at(0, decent, false, 0, -1)};
  std::vector<std::size_t> active{0};
  std::vector<std::size_t> still_active;  // swapped with `active`: no allocation per break
  for (std::size_t b = 1; b <= n; ++b) {
    const BreakItem& last_item = items[b - 1];
    const bool end = b == n;
    const bool forced = last_item.forced_after;
    if (!end && !forced && !last_item.break_after) continue;
    const bool hyphen = !end && last_item.hyphen_width > 0;
    const bool ragged = end || forced;  // the last line and a line ended by <br/>
    const std::size_t content_end = sums.content_end[b];
    // The best new node per fitness class.
    std::array<std::optional<Node>, 4> best;
    still_active.clear();
    // Nodes at one position (up to one per fitness class) lie side by side in `active`, and a
    // line from any of them measures alike: measured once for all of them (in the search
    // without tolerance most positions hold several). Only the adjacency demerits differ.
    std::size_t measured_position = std::numeric_limits<std::size_t>::max();
    LineFrom line{};
    for (const std::size_t a : active) {
      const Node& from = nodes[a];
      if (from.position != measured_position) {
        measured_position = from.position;
        line = measure_line(from, content_end, hyphen, last_item.hyphen_width, forced, ragged);
      }
      if (line.too_long) continue;  // too long now, and for every later break
      still_active.push_back(a);
      if (!line.feasible) continue;
      double demerits = line.demerits;
      if (std::abs(line.fitness - from.fitness) > 1) demerits += adjacent_demerits;
      const double total = from.total + demerits;
      auto& slot = best[static_cast<std::size_t>(line.fitness)];
      if (!slot || total < slot->total)
        slot = node_at(b, line.fitness, hyphen, total, static_cast<std::ptrdiff_t>(a));
    }
    // A forced break ends every line running through it.
    if (forced || end) still_active.clear();
    for (const auto& node : best) {
      if (!node) continue;
      still_active.push_back(nodes.size());
      nodes.push_back(*node);
    }
    if (still_active.empty()) return std::nullopt;
    active.swap(still_active);
  }
  // After the last item only nodes at n are active.
  return chosen_breaks(nodes, active, n);
}

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

/// Optimal fit, after Knuth and Plass ("Breaking Paragraphs into Lines", 1981), as TeX does it.
/// Every break opportunity is a candidate end of line. A line from break a to break b has a
/// badness, 100·r³ where r is how far its spaces must stretch (or shrink) to reach the right
/// margin as a fraction of what they may (space_stretch, space_shrink of their width); lines
/// over `tolerance` are refused, and lines that would have to shrink more are impossible. A line
/// costs demerits (line_penalty + badness)² + penalty², the penalty being hyphen_penalty when
/// it ends at a soft hyphen, plus double_hyphen_demerits after another hyphenated line and
/// adjacent_demerits when its fitness class (tight, decent, loose, very loose) is two classes from
/// the line before: a loose line beside a tight one shows. Dynamic programming over breaks finds
/// the breaking of least total demerits: for each break, the best path to it per fitness class
/// (the class decides the next line's cost); a break stays "active" while lines from it can
/// still fit. The last line, and a line ended by <br/>, is set ragged and costs no badness.
/// When nothing fits within the tolerance the search is repeated with any badness allowed
/// (very loose lines rather than overfull ones), and when even that fails, because a word is
/// wider than the line, greedy breaking (which splits the word) takes over. Cost: each break
/// is compared with the breaks of about one line before it, so linear in practice.
std::vector<std::size_t> optimal_breaks(const std::vector<BreakItem>& items,
                                        const LineWidths& widths, const FitWeights& weights) {
  if (items.empty()) return {};
  const ItemSums sums(items);  // both searches measure with the same sums
  if (auto ends = optimal_search(items, sums, widths, weights, weights.tolerance)) return *ends;
  if (auto ends =
          optimal_search(items, sums, widths, weights, std::numeric_limits<double>::infinity()))
    return *ends;
  return greedy_breaks(items, widths);
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
