// Helpers of the layout tests: documents written as trees, the real fonts (Liberation Serif,
// DejaVu Serif) and the FISC rules profile, and readers of the page model.
#pragma once

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "../prose.hpp"
#include "i18n/i18n.hpp"
#include "layout/layout.hpp"
#include "rules/profile.hpp"

namespace fiscgen::layout_test {

using namespace fiscgen;

inline const std::filesystem::path repo_root = FISCGEN_SOURCE_DATA_DIR;

inline doc::Document parse(const std::string& text) {
  pugi::xml_document xml;
  REQUIRE(xml.load_string(text.c_str()));
  auto document = doc::from_xml(xml.document_element(), LineIndex("tree.xml", text));
  doc::number_footnotes(document);
  return document;
}

inline rules::Profile fisc() {
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
inline std::string id(const char* prefix, int number, const char* suffix = "") {
  std::string text = prefix;
  text += std::to_string(number);
  text += suffix;
  return text;
}

inline std::string document(const std::string& body) {
  return "<document locale=\"en_US\" rules=\"fisc-2010\">" + body + "</document>";
}

using test_text::prose;

struct TextLine {
  double y = 0;
  double left = 0, right = 0;
  std::string text;  // runs joined, a space between runs that do not touch
  std::vector<const layout::TextRun*> runs;
};

// Body lines of a page (runs grouped by baseline, top to bottom), without the page number.
inline std::vector<TextLine> text_lines(Setup& setup, const layout::Page& page, double min_y = 60) {
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

inline std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

inline std::string all_text(Setup& setup, const layout::PageModel& model) {
  std::string text;
  for (const auto& page : model.pages)
    for (const auto& line : text_lines(setup, page, 0)) text += line.text + "\n";
  return text;
}

// Nothing crosses the right margin, every run is valid for the PDF writer.
inline void check_runs(Setup& setup, const layout::PageModel& model) {
  for (const auto& page : model.pages)
    for (const auto& run : page.runs) {
      CHECK(setup.right_of(run) <= setup.profile.page_width - setup.profile.margin_right + 0.01);
      CHECK(run.x >= setup.profile.margin_left - 0.01);
      CHECK(run.y >= 0);
      CHECK(run.y <= setup.profile.page_height);
      CHECK(!run.text.empty());
      for (const char32_t cp : i18n::to_utf32(run.text)) {
        CHECK(cp >= 0x20);
        CHECK(cp <= 0xFFFF);
        CHECK(setup.fonts.font(run.font).has_glyph(cp));
        CHECK(cp != 0x00AD);
        CHECK(cp != 0x2060);
      }
    }
}

inline int page_of_text(Setup& setup, const layout::PageModel& model, const std::string& word) {
  for (std::size_t p = 0; p < model.pages.size(); ++p)
    for (const auto& line : text_lines(setup, model.pages[p], 0))
      if (line.text.find(word) != std::string::npos) return static_cast<int>(p);
  return -1;
}

inline std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.describe();
  }
  return "(no error)";
}

}  // namespace fiscgen::layout_test
