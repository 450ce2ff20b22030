// Internal to layout/: a row of columns (<columns>) cut into bands across the row, which the
// flow (flow.cpp) keeps together.
#pragma once

#include <vector>

#include "doc/document.hpp"
#include "layout/context.hpp"

namespace fiscgen::layout::detail {

/// A column of a row laid out on its own.
struct PlacedColumn {
  std::vector<FlowLine> lines;
  std::vector<double> tops;  // of each line, from the row's top
  double height = 0;
};

/// A repeated column (the ")" between a caption's matter and its docket) has its first line
/// again and again, as many times as the other columns have height for.
void repeat_columns(const doc::Block& b, std::vector<PlacedColumn>& placed, double& row_height);

/// The tops of the row's bands, then its height: the cuts at which every column has a line
/// starting or has ended above.
std::vector<double> clean_cuts(const std::vector<PlacedColumn>& placed, double row_height);

}  // namespace fiscgen::layout::detail
