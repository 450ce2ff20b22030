// Page breaking as a court clerk checks it, on motions built to break each rule, read back page
// by page with pdftotext: footnotes that run over pages, references on a page's last line,
// headings at a page's foot, widows and orphans, the caption, and "Respectfully submitted,".
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "../prose.hpp"
#include "tools.hpp"

namespace {

using test_text::prose;

std::string motion(const std::string& body, const std::string& matter = "In re Pagination") {
  return "<motion form=\"fisc/motion\" locale=\"en_US\" rules=\"fisc-2010\">"
         "<docket>Misc. 13-04</docket><matter>" +
         matter +
         "</matter><title>Motion for Testing</title><movant>Cascade</movant>"
         "<date>2013-06-19</date><body>" +
         body +
         "</body><signature><attorney><name>Jane Roe</name><bar>D.C. Bar No. 1</bar>"
         "<firm>Roe LLP</firm><address><line>1 Main Street</line></address>"
         "<phone>(202) 555-0100</phone><email>jroe@example.com</email></attorney>"
         "<counsel-for>Cascade</counsel-for></signature><service date=\"2013-06-19\"><recipient>"
         "<name>Chief, Litigation Security Group</name><method>hand delivery</method>"
         "</recipient></service></motion>";
}

/// The text of each page of the rendered input, pages[0] being page 1.
std::vector<std::string> render(const std::string& input) {
  e2e::TempDir dir;
  std::ofstream(dir / "in.xml") << input;
  const auto pdf = dir / "in.pdf";
  const auto run = e2e::fiscgen({"render", (dir / "in.xml").string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  std::vector<std::string> pages;
  const int count = e2e::pdf_pages(pdf);
  for (int p = 1; p <= count; ++p) pages.push_back(e2e::pdf_text(pdf, p));
  return pages;
}

/// The 1-based page whose text holds `text`, 0 when none does.
int page_of(const std::vector<std::string>& pages, const std::string& text) {
  for (std::size_t p = 0; p < pages.size(); ++p)
    if (pages[p].find(text) != std::string::npos) return static_cast<int>(p) + 1;
  return 0;
}

std::vector<std::string> lines_of(const std::string& page) {
  std::vector<std::string> lines;
  std::istringstream in(page);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line != "\f") lines.push_back(line);
  return lines;
}

/// How many lines of each page hold a word tagged `tag` (prose above), page by page.
std::vector<int> tagged_lines(const std::vector<std::string>& pages, const std::string& tag) {
  const std::regex word("[A-Za-z]" + tag + "[0-9]+");
  std::vector<int> counts;
  for (const auto& page : pages) {
    int n = 0;
    for (const auto& line : lines_of(page))
      if (std::regex_search(line, word)) ++n;
    counts.push_back(n);
  }
  return counts;
}

constexpr const char* continued = "(continued)";

}  // namespace

TEST_CASE("a footnote three pages long runs on under the rule, each page but its last marked") {
  // The reference is in the first lines of page 1; the note is far too long for what is left.
  const auto pages = render(motion("<p>" + prose(20, "w") + " REFWORD<fn>NOTESTART " +
                                   prose(480, "qq") + " NOTEEND</fn> " + prose(500, "a") + "</p>"));
  const int first = page_of(pages, "NOTESTART");
  const int last = page_of(pages, "NOTEEND");
  CHECK(first == 1);
  CHECK(page_of(pages, "REFWORD") == first);
  CHECK(last == first + 2);
  // Each page holds a run of the note's lines after its own body; only the pages where it
  // breaks end their part with the mark.
  const auto note_lines = tagged_lines(pages, "qq");
  for (int p = first; p <= last; ++p) {
    CAPTURE(p);
    const std::string& text = pages[static_cast<std::size_t>(p - 1)];
    CHECK(note_lines[static_cast<std::size_t>(p - 1)] >= 2);
    CHECK((text.find(continued) != std::string::npos) == (p < last));
  }
  // Not a word lost or repeated, and in order across the pages.
  std::string all;
  for (const auto& page : pages) all += page;
  std::vector<std::string> expected = {"notestart"};
  for (const auto& word : e2e::words(prose(480, "qq"))) expected.push_back(word);
  expected.push_back("noteend");
  CHECK(e2e::find_in_order(expected, e2e::words(all)) == "");
  // The body goes on above the note on its middle page.
  CHECK(tagged_lines(pages, "a")[static_cast<std::size_t>(first)] >= 2);
}

TEST_CASE("a reference on the last line of a page shares its page with the note's first line") {
  bool broke = false;  // some note ran on to the next page
  for (int filler = 80; filler <= 200; filler += 6) {
    CAPTURE(filler);
    const auto pages =
        render(motion("<p>" + prose(filler, "w") + " REFWORD<fn>NOTESTART " + prose(90, "qq") +
                      " NOTEEND</fn> " + prose(120, "a") + "</p>"));
    const int reference = page_of(pages, "REFWORD");
    CHECK(reference == page_of(pages, "NOTESTART"));
    const int end = page_of(pages, "NOTEEND");
    if (end != reference) {
      broke = true;
      CHECK(end == reference + 1);
      CHECK(pages[static_cast<std::size_t>(reference - 1)].find(continued) != std::string::npos);
    }
  }
  CHECK(broke);
}

TEST_CASE("a heading at the foot of a page moves to the next with the lines after it") {
  // The filler grows by less than a line a step, across the foot of page 1: on the way, the
  // heading passes through the last line of the page.
  std::set<int> heading_pages;
  for (int filler = 80; filler <= 200; filler += 6) {
    CAPTURE(filler);
    const auto pages =
        render(motion("<section><heading>Introduction</heading><p>" + prose(filler, "w") +
                      "</p></section><section><heading>HEADINGWORD</heading><p>" + prose(80, "hh") +
                      "</p></section>"));
    const int page = page_of(pages, "HEADINGWORD");
    REQUIRE(page > 0);
    const auto lines = lines_of(pages[static_cast<std::size_t>(page - 1)]);
    std::size_t at = 0;
    while (at < lines.size() && lines[at].find("HEADINGWORD") == std::string::npos) ++at;
    // the heading, then at least two lines of its paragraph on the same page
    int after = 0;
    for (std::size_t i = at + 1; i < lines.size(); ++i)
      if (lines[i].find("hh") != std::string::npos) ++after;
    CHECK(after >= 2);
    heading_pages.insert(page);
  }
  CHECK(heading_pages.size() >= 2);
}

namespace {

// The lines of a "zz" paragraph of `words` words on each page holding any, in a motion where
// `filler` words come before it and `after` follows it.
std::vector<int> zz_lines_per_page(int filler, int words, const std::string& after) {
  const auto pages =
      render(motion("<p>" + prose(filler, "w") + "</p><p>" + prose(words, "zz") + "</p>" + after));
  std::vector<int> on;
  for (const int n : tagged_lines(pages, "zz"))
    if (n > 0) on.push_back(n);
  return on;
}

}  // namespace

TEST_CASE("no widow: a paragraph's last line is never alone at the top of a page") {
  bool split = false;
  for (int filler = 80; filler <= 200; filler += 6) {
    CAPTURE(filler);
    const auto on = zz_lines_per_page(filler, 70, "<p>" + prose(60, "a") + "</p>");
    REQUIRE(!on.empty());
    CHECK(on.back() >= 2);  // the page holding its last line holds another
    if (on.size() > 1) split = true;
  }
  CHECK(split);
}

TEST_CASE("no orphan: a paragraph's first line is never alone at the foot of a page") {
  bool split = false;
  for (int filler = 80; filler <= 200; filler += 6) {
    CAPTURE(filler);
    const auto on = zz_lines_per_page(filler, 90, "");
    REQUIRE(!on.empty());
    CHECK(on.front() >= 2);  // the page holding its first line holds another
    if (on.size() > 1) split = true;
  }
  CHECK(split);
}

TEST_CASE("the caption is never split, and its title stays under it") {
  bool full = false;  // some caption came near the foot of page 1
  for (int words = 60; words <= 100; words += 5) {
    CAPTURE(words);
    const auto pages = render(
        motion("<p>" + prose(100, "w") + "</p>", "In re " + prose(words, "m") + " MATTEREND"));
    CHECK(page_of(pages, "UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT") == 1);
    CHECK(page_of(pages, "MATTEREND") == 1);
    CHECK(page_of(pages, "Docket No. Misc. 13-04") == 1);
    CHECK(page_of(pages, "MOTION FOR TESTING") == 1);
    if (tagged_lines(pages, "w")[0] == 0) full = true;
  }
  CHECK(full);
}

TEST_CASE("\"Respectfully submitted,\" never leaves the signature block") {
  // Less than a line a step, across the foot of page 1: the closing passes through its end.
  std::set<int> closing_pages;
  for (int filler = 80; filler <= 200; filler += 6) {
    CAPTURE(filler);
    const auto pages = render(motion("<p>" + prose(filler, "w") + "</p>"));
    const int closing = page_of(pages, "Respectfully submitted,");
    REQUIRE(closing > 0);
    CHECK(page_of(pages, "/s/ Jane Roe") == closing);
    CHECK(page_of(pages, "jroe@example.com") == closing);
    CHECK(page_of(pages, "Counsel for Cascade") == closing);
    closing_pages.insert(closing);
  }
  CHECK(closing_pages.size() >= 2);
}
