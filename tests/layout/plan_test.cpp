// --keep-pages in the layout: a version laid out with another's page starts begins its pages
// where that one's began, also where a page begins with a row of columns.

#include "layout_helpers.hpp"

using namespace fiscgen;
using namespace fiscgen::layout_test;

namespace {

/// Two columns side by side: names at left, their offices at right, `rows` lines each.
std::string columns(int rows) {
  std::string left, right;
  for (int i = 1; i <= rows; ++i) {
    left += "<paragraph>" + id("Name", i) + "</paragraph>";
    right += "<paragraph>" + id("Office", i) + " of Dvořák &amp; Nguyễn</paragraph>";
  }
  return "<columns><column width=\"0.3\">" + left + "</column><column>" + right +
         "</column></columns>";
}

std::vector<layout::PageStart> starts(const layout::PageModel& model) {
  std::vector<layout::PageStart> out;
  for (const auto& page : model.pages) out.push_back(page.start);
  return out;
}

}  // namespace

TEST_CASE("a page that begins with a row of columns begins with it in the other version too") {
  Setup s;
  // The classified version: a long paragraph, then the columns on a page of their own.
  const auto classified = s.run(
      document("<paragraph>" + prose(120, "secret") + "</paragraph><page-break/>" + columns(3)));
  REQUIRE(classified.pages.size() == 2);
  CHECK(classified.pages[1].start.block >= 0);  // the columns are counted
  CHECK(page_of_text(s, classified, "Name1") == 1);
  // The public version: the paragraph is a notice, the columns would fit on the first page.
  const auto tree = parse(document("<paragraph>[Redacted]</paragraph>" + columns(3)));
  CHECK(layout::lay_out(tree, s.profile, s.fonts, s.warnings).pages.size() == 1);
  Warnings warnings;
  const auto kept = layout::lay_out(tree, s.profile, s.fonts, warnings, starts(classified));
  CHECK(kept.pages.size() == 2);
  CHECK(page_of_text(s, kept, "Name1") == 1);
  CHECK(page_of_text(s, kept, "Office1") == 1);
  CHECK(warnings.empty());
}

TEST_CASE("a row of columns shorter in the other version: its last band begins the page") {
  Setup s;
  s.profile.page_height = 300;  // a short page: the columns run over two
  const auto classified = s.run(document(columns(8)));
  REQUIRE(classified.pages.size() == 2);
  const auto second = classified.pages[1].start;
  CHECK(second.block == 0);
  CHECK(second.line > 3);
  // Three bands here: the page begins at the third, never with a band printed twice.
  Warnings warnings;
  const auto kept = layout::lay_out(parse(document(columns(3))), s.profile, s.fonts, warnings,
                                    starts(classified));
  REQUIRE(kept.pages.size() == 2);
  CHECK(page_of_text(s, kept, "Name3") == 1);
  CHECK(page_of_text(s, kept, "Name1") == 0);
  CHECK(all_text(s, kept).find("Name3") == all_text(s, kept).rfind("Name3"));
  REQUIRE(warnings.list().size() == 1);
  CHECK(warnings.list().front().message.find("page citations may not match") != std::string::npos);
}
