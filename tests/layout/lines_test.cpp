// Layout of lines: faces, alignment, justification, breaking, characters and fonts.

#include "layout_helpers.hpp"

using namespace fiscgen;
using namespace fiscgen::layout_test;

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

TEST_CASE("a redaction is one black box of fixed width, whatever it hid, and no run") {
  Setup s;
  const auto model =
      s.run(document("<paragraph style=\"single\">Met <redact>Agent Smithers</redact> on "
                     "Tuesday <redact>ab</redact> and <redact length=\"14\"/> then.</paragraph>"));
  const auto& page = model.pages[0];
  for (const auto& run : page.runs) {
    CHECK(run.text.find("Smithers") == std::string::npos);
    CHECK(run.text.find("Agent") == std::string::npos);
  }
  REQUIRE(page.boxes.size() == 3);
  // Five ems of 12-point type for any redaction; half an em a character for a measured one.
  CHECK(page.boxes[0].width == doctest::Approx(60));
  CHECK(page.boxes[1].width == doctest::Approx(60));
  CHECK(page.boxes[2].width == doctest::Approx(14 * 6));
  CHECK(page.boxes[0].height > 10);
  const auto lines = text_lines(s, page);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text == "Met  on Tuesday  and  then.");
  // The text after a box (from its space) starts where the box ends.
  const layout::TextRun* after = nullptr;
  for (const auto* run : lines[0].runs)
    if (!after && run->x > page.boxes[0].x) after = run;
  REQUIRE(after != nullptr);
  CHECK(after->x == doctest::Approx(page.boxes[0].x + 60));
}

TEST_CASE("a measured box longer than a line is cut to the line: a box never breaks") {
  Setup s;
  const auto model =
      s.run(document("<paragraph style=\"single\">a <redact length=\"500\"/> b</paragraph>"));
  const auto& page = model.pages[0];
  REQUIRE(page.boxes.size() == 1);
  CHECK(page.boxes[0].width <=
        s.profile.page_width - s.profile.margin_left - s.profile.margin_right + 1e-6);
  CHECK(page.boxes[0].width > 400);
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

TEST_CASE("characters in no font are one error listing each at its source location") {
  Setup s;
  // U+0378 and U+0379 are unassigned: in no font, whatever is installed.
  const std::string message = error_of([&] {
    s.run(document("<paragraph>Date: \xCD\xB8</paragraph><paragraph>\xCD\xB9</paragraph>"));
  });
  CHECK(message.find("tree.xml:1:") == 0);
  CHECK(message.find("U+0378") != std::string::npos);
  CHECK(message.find("U+0379") != std::string::npos);
  CHECK(message.find("no installed font") != std::string::npos);
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
