#include "pdf/page_labels.hpp"

#include <algorithm>

namespace fiscgen::pdf {

std::vector<LabelRange> page_label_ranges(int main_pages, int front_matter,
                                          const std::vector<AppendedPages>& appended,
                                          const std::vector<int>& restarts,
                                          const std::optional<std::string>& cover) {
  using Style = LabelRange::Style;
  std::vector<LabelRange> ranges;
  const auto restarted = [&](int page) {
    return page > front_matter &&
           std::find(restarts.begin(), restarts.end(), page) != restarts.end();
  };
  // The first page of the numbering `page` belongs to.
  const auto numbering_start = [&](int page) {
    int start = front_matter;
    for (const int restart : restarts)
      if (restart > start && restart <= page) start = restart;
    return start;
  };
  // The label of the main page `page`, as the page number printed on it.
  const auto main_range = [&](int page, int final_page) {
    if (page == 0 && cover) return LabelRange{final_page, Style::none, *cover, 1};
    if (page < front_matter) return LabelRange{final_page, Style::lower_roman, "", page + 1};
    return LabelRange{final_page, Style::decimal, "", page - numbering_start(page) + 1};
  };
  int inserted = 0;  // appended pages before the current main page
  std::size_t next = 0;
  for (int page = 0; page < main_pages; ++page) {
    const bool after_appended = page > 0 && next > 0 && appended[next - 1].after_page == page - 1;
    const bool after_cover = page == 1 && cover;
    if (page == 0 || after_cover || page == front_matter || after_appended || restarted(page))
      ranges.push_back(main_range(page, page + inserted));
    for (; next < appended.size() && appended[next].after_page == page; ++next) {
      if (appended[next].count <= 0) continue;
      ranges.push_back(
          LabelRange{page + 1 + inserted, Style::decimal, appended[next].label + "-", 1});
      inserted += appended[next].count;
    }
  }
  return ranges;
}

}  // namespace fiscgen::pdf
