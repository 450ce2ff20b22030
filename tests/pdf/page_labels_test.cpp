// Page label ranges: the numbers a viewer shows, as the document prints them.
#include <doctest/doctest.h>

#include "pdf/page_labels.hpp"

using fiscgen::pdf::AppendedPages;
using fiscgen::pdf::LabelRange;
using fiscgen::pdf::page_label_ranges;
using Style = LabelRange::Style;

TEST_CASE("a document alone is numbered 1, 2, … from its first page") {
  CHECK(page_label_ranges(5, 0, {}) == std::vector<LabelRange>{{0, Style::decimal, "", 1}});
}

TEST_CASE("front matter is numbered i, ii, … and the body from 1") {
  CHECK(page_label_ranges(6, 2, {}) ==
        std::vector<LabelRange>{{0, Style::lower_roman, "", 1}, {2, Style::decimal, "", 1}});
}

TEST_CASE("exhibits are A-1, A-2, … and the main numbering resumes after them") {
  // Main pages 1-4; exhibit A (3 pages) after page 3, exhibit B (2 pages) after page 4.
  const std::vector<AppendedPages> appended{{2, 3, "A"}, {3, 2, "B"}};
  CHECK(page_label_ranges(4, 0, appended) == std::vector<LabelRange>{
                                                 {0, Style::decimal, "", 1},
                                                 {3, Style::decimal, "A-", 1},
                                                 {6, Style::decimal, "", 4},
                                                 {7, Style::decimal, "B-", 1},
                                             });
}

TEST_CASE("two exhibits after the same page follow each other") {
  const std::vector<AppendedPages> appended{{0, 1, "A"}, {0, 2, "B"}};
  CHECK(page_label_ranges(2, 0, appended) == std::vector<LabelRange>{
                                                 {0, Style::decimal, "", 1},
                                                 {1, Style::decimal, "A-", 1},
                                                 {2, Style::decimal, "B-", 1},
                                                 {4, Style::decimal, "", 2},
                                             });
}

TEST_CASE("a page that restarts the numbering (a proposed order) is labelled 1 again") {
  CHECK(page_label_ranges(6, 0, {}, {4}) ==
        std::vector<LabelRange>{{0, Style::decimal, "", 1}, {4, Style::decimal, "", 1}});
  // After front matter and an exhibit: the exhibit's pages come first, then the order from 1.
  const std::vector<AppendedPages> appended{{2, 3, "A"}};
  CHECK(page_label_ranges(6, 1, appended, {3}) ==
        std::vector<LabelRange>{{0, Style::lower_roman, "", 1},
                                {1, Style::decimal, "", 1},
                                {3, Style::decimal, "A-", 1},
                                {6, Style::decimal, "", 1}});
}

TEST_CASE("a cover is labelled by its word alone, and the front matter after it keeps ii, iii, …") {
  CHECK(page_label_ranges(6, 3, {}, {}, std::string("Cover")) ==
        std::vector<LabelRange>{{0, Style::none, "Cover", 1},
                                {1, Style::lower_roman, "", 2},
                                {3, Style::decimal, "", 1}});
  // An exhibit after the cover (a disclosure statement's attachment): its pages, then ii.
  const std::vector<AppendedPages> appended{{0, 2, "A"}};
  CHECK(page_label_ranges(4, 2, appended, {}, std::string("Deckblatt")) ==
        std::vector<LabelRange>{{0, Style::none, "Deckblatt", 1},
                                {1, Style::decimal, "A-", 1},
                                {3, Style::lower_roman, "", 2},
                                {4, Style::decimal, "", 1}});
}
