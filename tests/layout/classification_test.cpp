// Classification: portion marks before marked paragraphs and headings, the banner at the top and
// bottom of every page.

#include "doc/markings.hpp"
#include "layout_helpers.hpp"

using namespace fiscgen;
using namespace fiscgen::layout_test;

namespace {

const doc::Markings& markings() {
  static const auto vocabulary = doc::Markings::load(repo_root / "forms/markings.xml");
  return vocabulary;
}

std::string banner_of(const std::string& tree) {
  return doc::banner(parse(tree), markings());
}

/// Lays out a tree whose banner is resolved as template/ resolves it.
layout::PageModel run_marked(Setup& s, const std::string& tree) {
  auto document = parse(tree);
  doc::check_markings(document, markings());
  document.meta.classification = doc::banner(document, markings());
  return layout::lay_out(document, s.profile, s.fonts, s.warnings);
}

// Runs of a page whose baseline is at `y`, joined.
std::string text_at(Setup& s, const layout::Page& page, double y) {
  for (const auto& line : text_lines(s, page, -1))
    if (std::abs(line.y - y) < 0.01) return line.text;
  return "";
}

}  // namespace

TEST_CASE("the banner is the highest portion marking with every caveat, written out") {
  CHECK(banner_of(document("<paragraph>Plain</paragraph>")).empty());
  CHECK(banner_of(document("<paragraph class=\"U\">a</paragraph>")) == "UNCLASSIFIED");
  CHECK(banner_of(
            document("<paragraph class=\"C\">a</paragraph><paragraph class=\"U\">b</paragraph>")) ==
        "CONFIDENTIAL");
  CHECK(banner_of(document("<paragraph class=\"S//NF\">a</paragraph>"
                           "<quote><paragraph class=\"TS//SI\">b</paragraph></quote>"
                           "<heading class=\"U\">c</heading>")) == "TOP SECRET//SI//NOFORN");
  // The document's classification wins when it is not lower than the marks.
  CHECK(banner_of("<document classification=\"TOP SECRET//NOFORN\"><paragraph class=\"S\">a"
                  "</paragraph></document>") == "TOP SECRET//NOFORN");
  CHECK(banner_of("<document classification=\"TS//NF\"></document>") == "TOP SECRET//NOFORN");
  CHECK(banner_of("<document classification=\"UNCLASSIFIED\"></document>") == "UNCLASSIFIED");
  CHECK(banner_of("<document classification=\"SECRET\"><paragraph class=\"TS//SI//NF\">a"
                  "</paragraph></document>") == "TOP SECRET//SI//NOFORN");
}

TEST_CASE("class=\"…\" is read, written back, and checked") {
  const auto tree =
      parse(document("<heading class=\"S\">H</heading><paragraph class=\"TS//SI//NF\">"
                     "P</paragraph>"));
  CHECK(tree.blocks[0].marking == "S");
  CHECK(tree.blocks[1].marking == "TS//SI//NF");
  CHECK(doc::to_xml(tree).find("<paragraph class=\"TS//SI//NF\">P</paragraph>") !=
        std::string::npos);
  // Shaped like a mark, but SECRET is a banner's word: the vocabulary refuses it, naming U…TS.
  const auto secret = error_of([] {
    doc::check_markings(parse(document("<paragraph class=\"SECRET\">P</paragraph>")), markings());
  });
  CHECK(secret.find("class=\"SECRET\"") != std::string::npos);
  CHECK(secret.find("U, C, S or TS") != std::string::npos);
  CHECK(secret.find("tree.xml:1:") != std::string::npos);
  CHECK(error_of([] {
          parse(document("<paragraph class=\"top secret\">P</paragraph>"));
        }).find("portion marking") != std::string::npos);
  CHECK(error_of([] {
          parse(document("<paragraph class=\"S//\">P</paragraph>"));
        }).find("portion marking") != std::string::npos);
  CHECK(error_of([] {
          parse(document("<quote class=\"S\"><paragraph>P</paragraph></quote>"));
        }).find("portion marking") != std::string::npos);
}

TEST_CASE("banners on every page, top and bottom, and portion marks before each marked block") {
  Setup s;
  std::string body = "<heading level=\"1\" label=\"I.\" class=\"U\">Introduction</heading>";
  for (int i = 0; i < 12; ++i)
    body += std::string("<paragraph class=\"") + (i == 5 ? "TS//SI//NF" : "S") + "\">" +
            prose(120, id("c", i).c_str()) + "</paragraph>";
  body += "<paragraph>Unmarked closing words.</paragraph>";
  const auto model = run_marked(s, document(body));
  check_runs(s, model);
  REQUIRE(model.pages.size() >= 3);
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    CAPTURE(p);
    const auto& page = model.pages[p];
    CHECK(text_at(s, page, 792 - 40) == "TOP SECRET//SI//NOFORN");
    CHECK(text_at(s, page, 40 - 14) == "TOP SECRET//SI//NOFORN");
    CHECK(text_at(s, page, 40) == std::to_string(p + 1));  // the page number is still there
    for (const auto& run : page.runs)
      if (run.text == "TOP") CHECK(run.x > 72);  // centred, not at the margin
  }
  const auto lines = text_lines(s, model.pages[0], 60);
  // Line 0 is the top banner, then the heading with its mark after the number.
  REQUIRE(lines.size() > 3);
  CHECK(lines[1].text == "I. (U) Introduction");
  CHECK(lines[2].text.rfind("(S) the", 0) == 0);
  const std::string all = all_text(s, model);
  CHECK(all.find("(TS//SI//NF) thec5") != std::string::npos);
  CHECK(all.find("Unmarked closing") != std::string::npos);
  CHECK(all.find("(U) Unmarked") == std::string::npos);
  CHECK(all.find("(S) thec11") != std::string::npos);
}

TEST_CASE("an unmarked document without a classification has no banner") {
  Setup s;
  const auto model = s.run(document("<paragraph>" + prose(50) + "</paragraph>"));
  for (const auto& run : model.pages[0].runs) {
    CHECK(run.text.find("CLASSIFIED") == std::string::npos);
    CHECK(run.text.find("SECRET") == std::string::npos);
  }
  CHECK(model.pages[0].runs.back().text == "1");
}
