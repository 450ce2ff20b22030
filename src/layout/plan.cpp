// --keep-pages: the pages of one version begin where another's began (layout::lay_out).
#include "layout/flow.hpp"

namespace fiscgen::layout::detail {

std::vector<PageStart> apply_plan(std::vector<FlowLine>& lines,
                                  const std::vector<PageStart>& plan) {
  std::vector<PageStart> missed;
  for (const auto& start : plan) {
    if (start.block < 0) continue;  // a page that began with no counted block: nothing to match
    std::size_t first = lines.size(), last = lines.size();  // the block's lines here
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].start.block != start.block) continue;
      if (first == lines.size()) first = i;
      last = i;
      if (lines[i].start.line == start.line) break;
    }
    if (first == lines.size()) {
      if (start.line > 0 || start.block > 0) missed.push_back(start);
      continue;
    }
    if (lines[last].start == start) {
      lines[last].forced = true;
      continue;
    }
    // A row of columns or a table with fewer bands here: the page begins at its last band, as
    // near as this version comes (a band repeated would print its text twice).
    if (lines[last].band) {
      lines[last].forced = true;
      missed.push_back(start);
      continue;
    }
    // Shorter here (a redacted paragraph): its first line again, on the page it reached there.
    FlowLine again = lines[first];
    again.start = start;
    again.forced = true;
    again.keep = keep_free;
    again.notes.clear();
    again.outline.clear();
    again.authorities.clear();
    again.exhibits.clear();
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(last) + 1, std::move(again));
  }
  return missed;
}

}  // namespace fiscgen::layout::detail
