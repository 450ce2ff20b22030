// Layout of pages: footnotes, keeps, widows and orphans, page furniture, outline, speed.

#include <chrono>

#include "layout_helpers.hpp"

using namespace fiscgen;
using namespace fiscgen::layout_test;

TEST_CASE("a footnote lands on the page of its reference, even near page ends") {
  Setup s;
  std::string body;
  for (int i = 1; i <= 60; ++i)
    body += "<paragraph>" + prose(20 + (i * 7) % 40, id("p", i, "x")) + "<fn>Note" +
            std::to_string(i) + "text " + prose(10 + (i * 13) % 50, "n") +
            "</fn> and more words follow here.</paragraph>";
  const auto model = s.run(document(body));
  check_runs(s, model);
  CHECK(model.pages.size() > 5);
  for (int i = 1; i <= 60; ++i) {
    CAPTURE(i);
    const int note_page = page_of_text(s, model, "Note" + std::to_string(i) + "text");
    // the reference and the note's own number: 7.2-point runs, raised, on that page only
    // (a kerned mark such as "11" may come as one run per digit: touching runs are joined)
    std::set<int> mark_pages;
    for (std::size_t p = 0; p < model.pages.size(); ++p) {
      std::vector<const layout::TextRun*> marks;
      for (const auto& run : model.pages[p].runs)
        if (std::abs(run.size - 7.2) < 1e-9) marks.push_back(&run);
      std::sort(marks.begin(), marks.end(),
                [](auto* a, auto* b) { return a->y != b->y ? a->y < b->y : a->x < b->x; });
      for (std::size_t k = 0; k < marks.size();) {
        std::string mark = marks[k]->text;
        std::size_t next = k + 1;
        for (; next < marks.size() && marks[next]->y == marks[k]->y &&
               std::abs(marks[next]->x - s.right_of(*marks[next - 1])) < 0.5;
             ++next)
          mark += marks[next]->text;
        if (mark == std::to_string(i)) mark_pages.insert(static_cast<int>(p));
        k = next;
      }
    }
    CHECK(note_page >= 0);
    CHECK(mark_pages == std::set<int>{note_page});
  }
  // Notes sit below the body, under a 144-point rule at the left margin.
  for (const auto& page : model.pages) {
    bool has_rule = false;
    for (const auto& line : page.lines)
      if (line.x1 == 72 && std::abs(line.x2 - line.x1 - 144) < 1e-9) has_rule = true;
    bool has_note = false;
    for (const auto& run : page.runs)
      if (run.text.find("Note") == 0) has_note = true;
    CHECK(has_rule == has_note);
  }
}

TEST_CASE("a note taller than a page continues at the foot of the next page") {
  Setup s;
  const auto model = s.run(document("<paragraph>Start<fn>Longnote " + prose(1200, "q") +
                                    " Lastword</fn> of the text.</paragraph><paragraph>" +
                                    prose(300) + "</paragraph>"));
  check_runs(s, model);
  CHECK(page_of_text(s, model, "Longnote") == 0);
  CHECK(page_of_text(s, model, "Lastword") > 0);
  // the body's words are all there
  std::string all = all_text(s, model);
  CHECK(all.find("directivesw299") != std::string::npos);
  // nothing overlaps: on each page, each note line is below every body line
  for (const auto& page : model.pages) {
    double rule = -1;
    for (const auto& line : page.lines)
      if (std::abs(line.x2 - line.x1 - 144) < 1e-9) rule = line.y1;
    if (rule < 0) continue;
    for (const auto& run : page.runs) {
      if (run.size == 12 && run.text.find("w") != std::string::npos && run.y > 60 &&
          run.text.find("q") == std::string::npos &&
          run.text.find("Longnote") == std::string::npos &&
          run.text.find("Lastword") == std::string::npos)
        CHECK(run.y > rule);
    }
  }
}

TEST_CASE("a heading is never the last line of a page") {
  Setup s;
  for (int filler = 10; filler < 70; filler += 3) {
    CAPTURE(filler);
    const auto model = s.run(
        document("<paragraph>" + prose(filler * 12) + "</paragraph><heading level=\"1\" " +
                 "label=\"II.\">Argument</heading><paragraph>" + prose(200, "a") + "</paragraph>"));
    const int page = page_of_text(s, model, "Argument");
    REQUIRE(page >= 0);
    const auto lines = text_lines(s, model.pages[static_cast<std::size_t>(page)]);
    std::size_t at = 0;
    while (at < lines.size() && lines[at].text.find("Argument") == std::string::npos) ++at;
    CHECK(lines.size() - at >= 3);  // the heading and two lines after it
  }
}

TEST_CASE("widows and orphans: a split paragraph leaves two lines on each page") {
  Setup s;
  for (int filler = 20; filler < 60; filler += 1) {
    CAPTURE(filler);
    const auto model = s.run(document("<paragraph>" + prose(filler * 10) +
                                      "</paragraph><paragraph>" + prose(60, "z") + "</paragraph>"));
    // the second paragraph's lines on each page
    std::vector<int> counts;
    for (const auto& page : model.pages) {
      int n = 0;
      for (const auto& line : text_lines(s, page))
        if (line.text.find("z") != std::string::npos && line.text.find("w") == std::string::npos)
          ++n;
      if (n) counts.push_back(n);
    }
    for (const int n : counts) CHECK(n >= 2);
  }
}

TEST_CASE("a short paragraph moves to the next page whole") {
  Setup s;
  for (int filler = 20; filler < 60; filler += 1) {
    CAPTURE(filler);
    const auto model = s.run(document("<paragraph>" + prose(filler * 10) +
                                      "</paragraph><paragraph>" + prose(18, "z") + "</paragraph>"));
    std::set<int> pages;
    for (std::size_t p = 0; p < model.pages.size(); ++p)
      for (const auto& line : text_lines(s, model.pages[p]))
        if (line.text.find("z") != std::string::npos && line.text.find("w") == std::string::npos)
          pages.insert(static_cast<int>(p));
    CHECK(pages.size() == 1);
  }
}

TEST_CASE("a caption is never split across pages") {
  Setup s;
  std::string caption = "<caption>";
  for (int i = 0; i < 12; ++i)
    caption += "<paragraph>Caption line " + std::to_string(i) + "</paragraph>";
  caption += "</caption>";
  for (int filler = 20; filler < 60; filler += 2) {
    CAPTURE(filler);
    const auto model =
        s.run(document("<paragraph>" + prose(filler * 10) + "</paragraph>" + caption));
    CHECK(page_of_text(s, model, "Caption line 0") == page_of_text(s, model, "Caption line 11"));
  }
}

TEST_CASE("a keep group moves whole when it fits on a page, and flows when it does not") {
  Setup s;
  std::string group = "<keep>";
  for (int i = 0; i < 6; ++i)
    group += "<paragraph style=\"single\">Kept " + std::to_string(i) + "</paragraph>";
  group += "</keep>";
  for (int filler = 20; filler < 60; filler += 2) {
    CAPTURE(filler);
    const auto model = s.run(document("<paragraph>" + prose(filler * 10) + "</paragraph>" + group));
    CHECK(page_of_text(s, model, "Kept 0") == page_of_text(s, model, "Kept 5"));
  }
  std::string tall = "<keep>";
  for (int i = 0; i < 80; ++i)
    tall += "<paragraph style=\"single\">Tall " + std::to_string(i) + "</paragraph>";
  tall += "</keep>";
  const auto model = s.run(document("<paragraph>Before</paragraph>" + tall));
  check_runs(s, model);
  CHECK(page_of_text(s, model, "Before") == 0);
  CHECK(page_of_text(s, model, "Tall 79") > 0);
  for (const auto& page : model.pages)
    for (const auto& run : page.runs)
      if (run.y != 40) CHECK(run.y > 72);  // above the bottom margin, page number apart
}

TEST_CASE("the signature stays with \"Respectfully submitted,\"") {
  Setup s;
  const std::string tail =
      "<paragraph style=\"closing\">Respectfully submitted,</paragraph>"
      "<signature><paragraph>/s/ Jane Roe</paragraph><paragraph>Jane Roe</paragraph>"
      "<paragraph>Counsel for Movant</paragraph><paragraph>Firm LLP</paragraph></signature>";
  for (int filler = 20; filler < 60; filler += 1) {
    CAPTURE(filler);
    const auto model = s.run(document("<paragraph>" + prose(filler * 10) + "</paragraph>" + tail));
    const int closing = page_of_text(s, model, "Respectfully");
    CHECK(closing == page_of_text(s, model, "/s/ Jane Roe"));
    CHECK(closing == page_of_text(s, model, "Firm LLP"));
  }
  const auto model = s.run(document(tail));
  const auto lines = text_lines(s, model.pages[0]);
  REQUIRE(lines.size() == 5);
  CHECK(lines[1].left == doctest::Approx(72 + 252));
}

TEST_CASE("page numbers on every page, or from the second page on") {
  Setup s;
  const std::string tree = document("<paragraph>" + prose(1200) + "</paragraph>");
  auto model = s.run(tree);
  REQUIRE(model.pages.size() >= 3);
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    const auto numbers = text_lines(s, model.pages[p], -1);
    const auto& last = numbers.back();
    CHECK(last.text == std::to_string(p + 1));
    CHECK(last.y == doctest::Approx(40));
    CHECK((last.left + last.right) / 2 == doctest::Approx(306));
  }
  s.profile.page_number.first_page = false;
  s.profile.page_number.format = "Page {page} of {pages}";
  s.profile.page_number.position = "top-right";
  model = s.run(tree);
  for (const auto& run : model.pages[0].runs) CHECK(run.text.find("Page") == std::string::npos);
  bool found = false;
  for (const auto& run : model.pages[1].runs)
    if (run.text.rfind("Page 2 of", 0) == 0) {
      found = true;
      CHECK(run.y == doctest::Approx(792 - 40));
      CHECK(s.right_of(run) == doctest::Approx(540));
    }
  CHECK(found);
}

TEST_CASE("an empty document is one page with its number, empty paragraphs take no space") {
  Setup s;
  auto model = s.run(document(""));
  REQUIRE(model.pages.size() == 1);
  REQUIRE(model.pages[0].runs.size() == 1);
  CHECK(model.pages[0].runs[0].text == "1");
  model = s.run(document("<paragraph/><paragraph>Text</paragraph>"));
  CHECK(text_lines(s, model.pages[0])[0].y == doctest::Approx(720 - 12 * 0.891));
}

TEST_CASE("page breaks start a new page, never a blank one") {
  Setup s;
  const auto model =
      s.run(document("<page-break/><paragraph>One</paragraph><page-break/><page-break/>"
                     "<spacer lines=\"2\"/><paragraph>Two</paragraph><page-break/>"));
  REQUIRE(model.pages.size() == 2);
  CHECK(page_of_text(s, model, "One") == 0);
  CHECK(page_of_text(s, model, "Two") == 1);
  // the spacer vanished at the top of the page
  CHECK(text_lines(s, model.pages[1])[0].y == doctest::Approx(720 - 12 * 0.891));
}

TEST_CASE("outline entries name the page and top of their blocks") {
  Setup s;
  const auto model = s.run(document(
      "<heading level=\"1\" label=\"I.\" outline=\"I. Introduction\">Introduction</heading>"
      "<paragraph>" +
      prose(900) +
      "</paragraph>"
      "<heading level=\"2\" outline=\"A. Later\">Later</heading><paragraph>x</paragraph>"));
  REQUIRE(model.outline.size() == 2);
  CHECK(model.outline[0].title == "I. Introduction");
  CHECK(model.outline[0].page == 0);
  CHECK(model.outline[0].y == doctest::Approx(720));
  CHECK(model.outline[1].level == 2);
  CHECK(model.outline[1].page == page_of_text(s, model, "Later"));
  CHECK(model.outline[1].page > 0);
}

// Speed is measured in bench/, never asserted here: a loaded or sanitized build is slower.
TEST_CASE("a ten-page motion lays out the same every time") {
  Setup s;
  std::string body;
  for (int i = 0; i < 40; ++i) {
    if (i % 8 == 0) body += "<heading level=\"1\" label=\"I.\">Section</heading>";
    body += "<paragraph>" + prose(80, id("s", i)) + "<fn>" + prose(20, "n") +
            "</fn> <em>emphasis</em> <cite>50 U.S.C. 1861</cite>.</paragraph>";
  }
  const auto tree = parse(document(body));
  auto first = layout::lay_out(tree, s.profile, s.fonts, s.warnings);
  constexpr int rounds = 10;
  std::vector<layout::PageModel> again;
  for (int i = 0; i < rounds; ++i)
    again.push_back(layout::lay_out(tree, s.profile, s.fonts, s.warnings));
  for (const auto& model : again) {
    REQUIRE(model.pages.size() == first.pages.size());
    for (std::size_t p = 0; p < first.pages.size(); ++p) {
      REQUIRE(model.pages[p].runs.size() == first.pages[p].runs.size());
      for (std::size_t r = 0; r < first.pages[p].runs.size(); ++r) {
        CHECK(model.pages[p].runs[r].text == first.pages[p].runs[r].text);
        CHECK(model.pages[p].runs[r].x == first.pages[p].runs[r].x);
        CHECK(model.pages[p].runs[r].y == first.pages[p].runs[r].y);
      }
    }
  }
  CHECK(first.pages.size() >= 10);
}

TEST_CASE("2,000 pages are laid out, the 2,001st is refused") {
  Setup s;
  std::string pages;
  for (int i = 0; i < 2000; ++i) pages += "<paragraph>Page</paragraph><page-break/>";
  CHECK(s.run(document(pages)).pages.size() == 2000);
  pages += "<paragraph>Page</paragraph>";
  CHECK_THROWS_AS(s.run(document(pages)), layout::TooManyPages);
}

TEST_CASE("lines adding up to more than 2,000 pages are refused") {
  Setup s;
  // Lines of 24 pt on a FISC page's 648 pt: 27 a page, so 60,000 lines need more than 2,000
  // pages whatever the paginator would do with them (the flow stops at line 54,001).
  std::string lines;
  for (int i = 0; i < 60000; ++i) lines += "<paragraph>Line</paragraph>";
  try {
    s.run(document(lines));
    FAIL("no error");
  } catch (const layout::TooManyPages& e) {
    CHECK(e.message() ==
          "the document needs more than 2000 pages; fiscgen writes at most 2000 (split it into "
          "volumes)");
  }
}
