#include "layout/columns.hpp"

#include <algorithm>

namespace fiscgen::layout::detail {

void repeat_columns(const doc::Block& b, std::vector<PlacedColumn>& placed, double& row_height) {
  for (std::size_t c = 0; c < placed.size(); ++c) {
    PlacedColumn& p = placed[c];
    if (!b.children[c].repeat || p.lines.empty()) continue;
    const FlowLine first = p.lines.front();
    p.lines.clear();
    p.tops.clear();
    double y = 0;
    do {
      p.tops.push_back(y);
      p.lines.push_back(first);
      y += first.height;
    } while (first.height > 0 && y + first.height <= row_height + 0.01);
    p.height = y;
    row_height = std::max(row_height, y);
  }
}

std::vector<double> clean_cuts(const std::vector<PlacedColumn>& placed, double row_height) {
  std::vector<double> cuts{0};
  for (const auto& p : placed)
    for (const double top : p.tops)
      if (top > 0) cuts.push_back(top);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  const auto clean = [&](double cut) {
    for (const auto& p : placed) {
      if (cut >= p.height) continue;
      if (std::find(p.tops.begin(), p.tops.end(), cut) == p.tops.end()) return false;
    }
    return true;
  };
  std::vector<double> bands;
  for (const double cut : cuts)
    if ((cut == 0 || cut < row_height) && clean(cut)) bands.push_back(cut);
  bands.push_back(row_height);
  return bands;
}

}  // namespace fiscgen::layout::detail
