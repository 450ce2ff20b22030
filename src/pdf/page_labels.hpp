// Page labels: the page numbers a viewer shows, as the document prints them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fiscgen::pdf {

/// One range of /PageLabels: from `first_page` (0-based, in the final file) on, pages are
/// labelled `prefix` then a number counting from `start` in `style`; with Style::none the label
/// is the prefix alone (a cover, which prints no number).
struct LabelRange {
  enum class Style { decimal, lower_roman, none };
  int first_page = 0;
  Style style = Style::decimal;
  std::string prefix;
  int start = 1;
  bool operator==(const LabelRange&) const = default;
};

/// Where an appended PDF goes and how long it is, for labelling.
struct AppendedPages {
  int after_page = 0;  // 0-based page of the main document
  int count = 0;
  std::string label;  // its pages are "label-1", "label-2", …
};

/// The ranges for a main document of `main_pages` pages whose first `front_matter` are numbered
/// i, ii, … and the rest 1, 2, …, with `appended` (in document order) inserted after their pages:
/// those are labelled "A-1", "A-2", … and the main numbering resumes after them. Each main page
/// of `restarts` (0-based, after the front matter: a proposed order) is numbered 1 again. With a
/// `cover`, the first page is labelled by those words alone, and the front matter after it
/// keeps the numbers it prints (ii, iii, …).
std::vector<LabelRange> page_label_ranges(int main_pages, int front_matter,
                                          const std::vector<AppendedPages>& appended,
                                          const std::vector<int>& restarts = {},
                                          const std::optional<std::string>& cover = {});

}  // namespace fiscgen::pdf
