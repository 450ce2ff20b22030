// Layout: the page model of real documents, measured with the real fonts (Liberation Serif,
// DejaVu Serif) and the FISC rules profile.

#include "layout/layout.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "rules/profile.hpp"

using namespace fiscgen;

namespace {

const std::filesystem::path repo_root = FISCGEN_SOURCE_DATA_DIR;

doc::Document parse(const std::string& text) {
  pugi::xml_document xml;
  REQUIRE(xml.load_string(text.c_str()));
  auto document = doc::from_xml(xml.document_element(), LineIndex("tree.xml", text));
  doc::number_footnotes(document);
  return document;
}

rules::Profile fisc() {
  return rules::load_profile(repo_root / "forms/rules/fisc-2010.xml");
}

struct Setup {
  fonts::FontconfigResolver resolver;
  fonts::FontSet fonts{resolver, "Liberation Serif", "DejaVu Serif"};
  rules::Profile profile = fisc();
  Warnings warnings;

  layout::PageModel run(const std::string& tree) {
    return layout::lay_out(parse(tree), profile, fonts, warnings);
  }
  double right_of(const layout::TextRun& run) {
    return run.x + fonts.font(run.font).width(run.text, run.size);
  }
};

// "p12x": built without `"literal" + std::string`, which trips GCC 12's -Wrestrict.
std::string id(const char* prefix, int number, const char* suffix = "") {
  std::string text = prefix;
  text += std::to_string(number);
  text += suffix;
  return text;
}

std::string document(const std::string& body) {
  return "<document locale=\"en_US\" rules=\"fisc-2010\">" + body + "</document>";
}

// A sentence of ordinary legal prose, numbered so that every word is distinct.
std::string prose(int words, const std::string& tag = "w") {
  static const char* const pool[] = {"the",        "Court",   "has",         "jurisdiction",
                                     "under",      "section", "provider",    "aggregate",
                                     "disclosure", "of",      "orders",      "directives",
                                     "Government", "motion",  "declaratory", "judgment"};
  std::string text;
  for (int i = 0; i < words; ++i) {
    if (i) text += ' ';
    text += pool[i % 16];
    text += tag + std::to_string(i);
  }
  return text;
}

struct TextLine {
  double y = 0;
  double left = 0, right = 0;
  std::string text;  // runs joined, a space between runs that do not touch
  std::vector<const layout::TextRun*> runs;
};

// Body lines of a page (runs grouped by baseline, top to bottom), without the page number.
std::vector<TextLine> text_lines(Setup& setup, const layout::Page& page, double min_y = 60) {
  std::map<long, std::vector<const layout::TextRun*>> by_y;
  for (const auto& run : page.runs)
    if (run.y > min_y) by_y[-std::lround(run.y * 100)].push_back(&run);
  std::vector<TextLine> lines;
  for (auto& [key, runs] : by_y) {
    std::sort(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->x < b->x; });
    TextLine line;
    line.y = -key / 100.0;
    line.left = runs.front()->x;
    double pen = line.left;
    for (const auto* run : runs) {
      if (!line.text.empty() && run->x > pen + 0.01 && line.text.back() != ' ') line.text += ' ';
      line.text += run->text;
      pen = setup.right_of(*run);
      line.right = std::max(line.right, pen);
    }
    line.runs = runs;
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string all_text(Setup& setup, const layout::PageModel& model) {
  std::string text;
  for (const auto& page : model.pages)
    for (const auto& line : text_lines(setup, page, 0)) text += line.text + "\n";
  return text;
}

// Nothing crosses the right margin, every run is valid for the PDF writer.
void check_runs(Setup& setup, const layout::PageModel& model) {
  for (const auto& page : model.pages)
    for (const auto& run : page.runs) {
      CHECK(setup.right_of(run) <= setup.profile.page_width - setup.profile.margin_right + 0.01);
      CHECK(run.x >= setup.profile.margin_left - 0.01);
      CHECK(run.y >= 0);
      CHECK(run.y <= setup.profile.page_height);
      CHECK(!run.text.empty());
    }
}

int page_of_text(Setup& setup, const layout::PageModel& model, const std::string& word) {
  for (std::size_t p = 0; p < model.pages.size(); ++p)
    for (const auto& line : text_lines(setup, model.pages[p], 0))
      if (line.text.find(word) != std::string::npos) return static_cast<int>(p);
  return -1;
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.describe();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("justified lines end exactly at the right margin, the last line is ragged") {
  Setup s;
  const auto model = s.run(document("<paragraph>" + prose(150) + "</paragraph>"));
  check_runs(s, model);
  REQUIRE(model.pages.size() == 1);
  const auto lines = text_lines(s, model.pages[0]);
  REQUIRE(lines.size() > 5);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    CAPTURE(lines[i].text);
    CHECK(std::abs(lines[i].right - 540) < 0.01);
  }
  CHECK(lines.back().right < 530);
  // The first line starts at the first-line indent, the others at the margin.
  CHECK(lines[0].left == doctest::Approx(108));
  CHECK(lines[1].left == doctest::Approx(72));
  // Double spacing: 24 points baseline to baseline, first baseline at the ascent under the top.
  CHECK(lines[0].y == doctest::Approx(720 - 12 * 0.891));
  CHECK(lines[1].y == doctest::Approx(lines[0].y - 24));
}

TEST_CASE("every word of a long paragraph appears in the runs, in order") {
  Setup s;
  const std::string text = prose(1500);
  const auto model = s.run(document("<paragraph>" + text + "</paragraph>"));
  check_runs(s, model);
  CHECK(model.pages.size() > 3);
  std::string body;
  for (const auto& page : model.pages)
    for (const auto& line : text_lines(s, page)) body += line.text + " ";
  CHECK(words_of(body) == words_of(text));
}

TEST_CASE("left, centred and right aligned lines, spaces at line ends are not measured") {
  Setup s;
  const auto model =
      s.run(document("<paragraph align=\"center\">Centred title</paragraph>"
                     "<paragraph align=\"right\">Right   </paragraph>"
                     "<paragraph style=\"single\">Left</paragraph>"));
  const auto lines = text_lines(s, model.pages[0]);
  REQUIRE(lines.size() == 3);
  CHECK((lines[0].left + lines[0].right) / 2 == doctest::Approx(306));
  CHECK(lines[1].right == doctest::Approx(540));
  CHECK(lines[2].left == doctest::Approx(72));
}

TEST_CASE("soft hyphens and word joiners never reach a run") {
  Setup s;
  std::string text;
  for (int i = 0; i < 120; ++i) text += "extra\u00ADordinarily in\u2060divisible zero\u200Bwidth ";
  const auto model = s.run(document("<paragraph>" + text + "</paragraph>"));
  check_runs(s, model);
  for (const auto& page : model.pages)
    for (const auto& run : page.runs) {
      CHECK(run.text.find("\u00AD") == std::string::npos);
      CHECK(run.text.find("\u2060") == std::string::npos);
      CHECK(run.text.find("\u200B") == std::string::npos);
    }
  for (const auto& line : text_lines(s, model.pages[0]))
    CHECK(line.text.find("in divisible") == std::string::npos);
}

TEST_CASE("a line may end at a soft hyphen, which then shows as a hyphen") {
  Setup s;
  int hyphenated = 0;
  for (int k = 0; k < 40; ++k) {
    const auto model = s.run(document("<paragraph style=\"single\">" + prose(k) +
                                      " extra\u00ADordinarily " + prose(20, "t") + "</paragraph>"));
    check_runs(s, model);
    const auto lines = text_lines(s, model.pages[0]);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
      if (lines[i].text.size() > 6 && lines[i].text.substr(lines[i].text.size() - 6) == "extra-") {
        CHECK(lines[i + 1].text.rfind("ordinarily", 0) == 0);
        ++hyphenated;
      }
  }
  CHECK(hyphenated > 0);
}

TEST_CASE("redacted text is in no run, a black box as wide as the text takes its place") {
  Setup s;
  const auto model =
      s.run(document("<paragraph style=\"single\">Met <redact>Agent Smithers</redact> on "
                     "Tuesday.</paragraph>"));
  const auto& page = model.pages[0];
  for (const auto& run : page.runs) {
    CHECK(run.text.find("Smithers") == std::string::npos);
    CHECK(run.text.find("Agent") == std::string::npos);
  }
  REQUIRE(page.boxes.size() == 1);
  const double hidden = s.fonts.font(0).width("Agent Smithers", 12);
  CHECK(page.boxes[0].width == doctest::Approx(hidden));
  CHECK(page.boxes[0].height > 10);
  const auto lines = text_lines(s, page);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text == "Met  on Tuesday.");
  // The text after the box (from its space) starts where the hidden text would have ended.
  const auto* after = lines[0].runs.back();
  CHECK(after->x == doctest::Approx(page.boxes[0].x + hidden));
}

TEST_CASE("emphasis, strong and both pick the faces, underline draws a rule, links get areas") {
  Setup s;
  const auto model = s.run(document(
      "<paragraph style=\"single\">a <em>b</em> <strong>c</strong> <strong><em>d</em></strong> "
      "<u>under lined</u> <a href=\"https://example.org/\">link</a></paragraph>"
      "<heading level=\"1\">Bold <em>both</em></heading>"));
  const auto& page = model.pages[0];
  std::map<std::string, int> font_of;
  for (const auto& run : page.runs) font_of[run.text] = run.font;
  CHECK(font_of["b"] == 2);
  CHECK(font_of["c"] == 1);
  CHECK(font_of["d"] == 3);
  CHECK(font_of["both"] == 3);
  REQUIRE(page.lines.size() == 1);
  CHECK(page.lines[0].x2 - page.lines[0].x1 ==
        doctest::Approx(s.fonts.font(0).width("under lined", 12)));
  CHECK(page.lines[0].y1 == doctest::Approx(720 - 12 * 0.891 - 1.5));
  REQUIRE(page.links.size() == 1);
  CHECK(page.links[0].uri == "https://example.org/");
  CHECK(page.links[0].width == doctest::Approx(s.fonts.font(0).width("link", 12)));
}

TEST_CASE("small capitals are upper-cased at 80% size") {
  Setup s;
  const auto model =
      s.run(document("<paragraph style=\"single\"><sc>Smith</sc> v. Jones</paragraph>"));
  std::vector<std::pair<std::string, double>> runs;
  for (const auto& run : model.pages[0].runs) runs.emplace_back(run.text, run.size);
  REQUIRE(runs.size() >= 2);
  CHECK(runs[0] == std::make_pair(std::string("S"), 12.0));
  CHECK(runs[1].first == "MITH");
  CHECK(runs[1].second == doctest::Approx(9.6));
}

TEST_CASE("a heading starts with its label at a tab stop") {
  Setup s;
  const auto model =
      s.run(document("<heading level=\"1\" label=\"I.\">Introduction</heading>"
                     "<heading level=\"2\" label=\"A.\">Background</heading>"));
  const auto lines = text_lines(s, model.pages[0]);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == "I. Introduction");
  CHECK(lines[0].runs[1]->x == doctest::Approx(72 + 36));
  CHECK(lines[1].runs[0]->x == doctest::Approx(72 + 36));  // subheading indent
  CHECK(lines[1].runs[1]->x == doctest::Approx(72 + 36 + 36));
}

TEST_CASE("a word wider than the line is broken, never overflowing") {
  Setup s;
  const std::string word(300, 'm');
  const auto model = s.run(document("<paragraph>short " + word + " end</paragraph>"));
  check_runs(s, model);
  std::string joined;
  for (const auto& line : text_lines(s, model.pages[0])) joined += line.text;
  CHECK(joined.find("short") == 0);
  CHECK(std::count(joined.begin(), joined.end(), 'm') == 300);
}

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
    std::set<int> mark_pages;
    for (std::size_t p = 0; p < model.pages.size(); ++p)
      for (const auto& run : model.pages[p].runs)
        if (run.text == std::to_string(i) && std::abs(run.size - 7.2) < 1e-9)
          mark_pages.insert(static_cast<int>(p));
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
          run.text.find("q") == std::string::npos && run.text.find("Longnote") == std::string::npos)
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

TEST_CASE("lists hang their labels, quotes are indented on both sides") {
  Setup s;
  const auto model =
      s.run(document("<list><item label=\"1.\"><paragraph>First item</paragraph></item>"
                     "<item label=\"2.\"><paragraph>Second</paragraph></item></list>"
                     "<quote><paragraph>" +
                     prose(60) + "</paragraph></quote>"));
  check_runs(s, model);
  const auto lines = text_lines(s, model.pages[0]);
  REQUIRE(lines.size() > 4);
  CHECK(lines[0].text == "1. First item");
  CHECK(lines[0].runs[0]->x == doctest::Approx(72 + 72 - 24));
  CHECK(lines[0].runs[1]->x == doctest::Approx(72 + 72));
  CHECK(lines[2].left == doctest::Approx(144));
  CHECK(lines[2].right == doctest::Approx(468).epsilon(1e-6));
  CHECK(lines[3].y == doctest::Approx(lines[2].y - 14));  // quotes are single-spaced
}

TEST_CASE("columns sit side by side") {
  Setup s;
  const auto model = s.run(
      document("<columns><column width=\"0.5\"><paragraph style=\"single\">Left one</paragraph>"
               "<paragraph style=\"single\">Left two</paragraph></column>"
               "<column><paragraph style=\"single\">Right</paragraph></column></columns>"
               "<paragraph style=\"single\">After</paragraph>"));
  const auto lines = text_lines(s, model.pages[0]);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text == "Left one Right");
  CHECK(lines[0].runs[1]->x == doctest::Approx(72 + 234));
  CHECK(lines[2].text == "After");
  CHECK(lines[2].y == doctest::Approx(lines[1].y - 14));
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

TEST_CASE("a character in no font is an error at its source location") {
  Setup s;
  const std::string message =
      error_of([&] { s.run(document("<paragraph>Date: \xE6\x97\xA5</paragraph>")); });
  CHECK(message.find("tree.xml:1:") == 0);
  CHECK(message.find("U+65E5") != std::string::npos);
  CHECK(message.find("Liberation Serif") != std::string::npos);
  CHECK(message.find("DejaVu Serif") != std::string::npos);
}

TEST_CASE("a character outside the BMP is an error") {
  Setup s;
  const std::string message =
      error_of([&] { s.run(document("<paragraph>Smile \xF0\x9F\x98\x80</paragraph>")); });
  CHECK(message.find("tree.xml:1:") == 0);
  CHECK(message.find("U+1F600") != std::string::npos);
  CHECK(message.find("Basic Multilingual Plane") != std::string::npos);
}

TEST_CASE("a character only the fallback font has draws from it, with one warning") {
  Setup s;
  const char32_t cp = 0x2200;  // ∀
  REQUIRE(!s.fonts.font(0).has_glyph(cp));
  REQUIRE(s.fonts.font(4).has_glyph(cp));
  const auto model =
      s.run(document("<paragraph style=\"single\">\xE2\x88\x80x and \xE2\x88\x80y</paragraph>"));
  REQUIRE(s.warnings.list().size() == 1);
  CHECK(s.warnings.list()[0].describe().find("U+2200") != std::string::npos);
  CHECK(s.warnings.list()[0].describe().find("DejaVu Serif") != std::string::npos);
  CHECK(s.warnings.list()[0].where.file == "tree.xml");
  int fallback_runs = 0;
  for (const auto& run : model.pages[0].runs)
    if (run.text == "\xE2\x88\x80") {
      CHECK(run.font == 4);
      ++fallback_runs;
    }
  CHECK(fallback_runs == 2);
}

TEST_CASE("a missing style is an error naming the profile") {
  Setup s;
  const std::string message =
      error_of([&] { s.run(document("<paragraph style=\"nonesuch\">x</paragraph>")); });
  CHECK(message.find("nonesuch") != std::string::npos);
}

TEST_CASE("a ten-page motion lays out in milliseconds, the same every time") {
  Setup s;
  std::string body;
  for (int i = 0; i < 40; ++i) {
    if (i % 8 == 0) body += "<heading level=\"1\" label=\"I.\">Section</heading>";
    body += "<paragraph>" + prose(80, id("s", i)) + "<fn>" + prose(20, "n") +
            "</fn> <em>emphasis</em> <cite>50 U.S.C. 1861</cite>.</paragraph>";
  }
  const auto tree = parse(document(body));
  auto first = layout::lay_out(tree, s.profile, s.fonts, s.warnings);
  const auto start = std::chrono::steady_clock::now();
  constexpr int rounds = 10;
  for (int i = 0; i < rounds; ++i) {
    const auto again = layout::lay_out(tree, s.profile, s.fonts, s.warnings);
    REQUIRE(again.pages.size() == first.pages.size());
    for (std::size_t p = 0; p < first.pages.size(); ++p) {
      REQUIRE(again.pages[p].runs.size() == first.pages[p].runs.size());
      for (std::size_t r = 0; r < first.pages[p].runs.size(); ++r) {
        CHECK(again.pages[p].runs[r].text == first.pages[p].runs[r].text);
        CHECK(again.pages[p].runs[r].x == first.pages[p].runs[r].x);
      }
    }
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() /
      rounds;
  MESSAGE("pages: " << first.pages.size() << ", layout time: " << ms << " ms");
  CHECK(first.pages.size() >= 10);
  CHECK(ms < 100);
}
