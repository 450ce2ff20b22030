// Footnotes too long for their page: where they break, how much of each page they take, and
// the continuation mark.

#include "layout_helpers.hpp"

using namespace fiscgen;
using namespace fiscgen::layout_test;

namespace {

std::string marked_document(const std::string& body) {
  return "<document locale=\"en_US\" rules=\"fisc-2010\" note-continued=\"(continued)\">" + body +
         "</document>";
}

// The y of the footnote rule on a page, or -1.
double rule_of(const layout::Page& page) {
  for (const auto& line : page.lines)
    if (std::abs(line.x2 - line.x1 - 144) < 1e-9) return line.y1;
  return -1;
}

// Lines of the page under its footnote rule (the page number apart).
std::vector<TextLine> note_lines(Setup& s, const layout::Page& page) {
  std::vector<TextLine> lines;
  const double rule = rule_of(page);
  for (auto& line : text_lines(s, page))
    if (line.y < rule) lines.push_back(std::move(line));
  return lines;
}

int count_tagged(const std::vector<TextLine>& lines, const std::string& tag) {
  int n = 0;
  for (const auto& line : lines)
    if (line.text.find(tag) != std::string::npos) ++n;
  return n;
}

}  // namespace

TEST_CASE("a long note breaks on the page of its reference, and each part but the last is marked") {
  Setup s;
  const auto model =
      s.run(marked_document("<paragraph>" + prose(30) + " Refword<fn>Notestart " + prose(700, "q") +
                            " Noteend</fn> " + prose(600, "a") + "</paragraph>"));
  check_runs(s, model);
  const int first = page_of_text(s, model, "Notestart");
  const int last = page_of_text(s, model, "Noteend");
  CHECK(first == 0);
  CHECK(page_of_text(s, model, "Refword") == first);
  REQUIRE(last >= first + 2);
  for (int p = first; p <= last; ++p) {
    CAPTURE(p);
    const auto& page = model.pages[static_cast<std::size_t>(p)];
    const auto notes = note_lines(s, page);
    REQUIRE(!notes.empty());
    CHECK(count_tagged(notes, "q") >= 2);
    // the mark closes the part, flush right, under its last line
    const bool marked = notes.back().text == "(continued)";
    CHECK(marked == (p < last));
    if (marked) CHECK(notes.back().right == doctest::Approx(540));
    // every body line is above the rule
    for (const auto& line : text_lines(s, page))
      if (line.text.find("q") == std::string::npos && line.text != "(continued)" &&
          line.text.find("Note") == std::string::npos &&
          line.text.find_first_not_of("0123456789") != std::string::npos)
        CHECK(line.y > rule_of(page));
  }
  // While the body goes on, a continued note takes at most half of the text height.
  const double rule = rule_of(model.pages[static_cast<std::size_t>(first + 1)]);
  CHECK(rule - 72 <= 648 * 0.5 + 24);  // and less than a body line the body could not use
  CHECK(page_of_text(s, model, "aggregatea599") >= first + 1);
}

TEST_CASE("once the body has ended, a continued note fills whole pages") {
  Setup s;
  const auto model = s.run(marked_document("<paragraph>Refword<fn>Notestart " + prose(1500, "q") +
                                           " Noteend</fn></paragraph>"));
  check_runs(s, model);
  REQUIRE(model.pages.size() >= 3);
  // a middle page is all note: its rule sits at the top of the text area
  const double rule = rule_of(model.pages[1]);
  CHECK(rule > 720 - 14 - 6 - 1e-6);
}

TEST_CASE("the profile's footnote min-lines: at least that many lines of a note on each side") {
  Setup s;
  for (const int min_lines : {2, 4}) {
    s.profile.footnote_min_lines = min_lines;
    bool broke = false;
    for (int filler = 120; filler <= 280; filler += 5) {
      CAPTURE(min_lines);
      CAPTURE(filler);
      const auto model = s.run(
          marked_document("<paragraph>" + prose(filler) + " Refword<fn>Notestart " +
                          prose(100, "q") + " Noteend</fn> " + prose(200, "a") + "</paragraph>"));
      const int first = page_of_text(s, model, "Notestart");
      const int last = page_of_text(s, model, "Noteend");
      CHECK(page_of_text(s, model, "Refword") == first);
      if (first == last) continue;
      broke = true;
      CHECK(last == first + 1);
      for (const int p : {first, last}) {
        const auto notes = note_lines(s, model.pages[static_cast<std::size_t>(p)]);
        int lines = 0;
        for (const auto& line : notes)
          if (line.text != "(continued)") ++lines;
        CHECK(lines >= min_lines);
      }
    }
    CHECK(broke);
  }
}

TEST_CASE("a note too short to leave two lines on each side is never broken") {
  Setup s;
  for (int filler = 120; filler <= 280; filler += 5) {
    CAPTURE(filler);
    const auto model = s.run(marked_document("<paragraph>" + prose(filler) +
                                             " Refword<fn>Notestart " + prose(20, "q") +
                                             " Noteend</fn> " + prose(200, "a") + "</paragraph>"));
    // three lines
    CHECK(page_of_text(s, model, "Notestart") == page_of_text(s, model, "Noteend"));
    CHECK(page_of_text(s, model, "Refword") == page_of_text(s, model, "Notestart"));
  }
}

TEST_CASE("without words for the mark, a note still breaks, unmarked") {
  Setup s;
  const auto model = s.run(document("<paragraph>Refword<fn>Notestart " + prose(900, "q") +
                                    " Noteend</fn> " + prose(300, "a") + "</paragraph>"));
  check_runs(s, model);
  CHECK(page_of_text(s, model, "Noteend") > 0);
  CHECK(all_text(s, model).find("continued") == std::string::npos);
}
