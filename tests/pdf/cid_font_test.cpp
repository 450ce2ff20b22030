// A CIDFont's /W, read back with qpdf: the widths of the codes drawn, as fonts::Font measures them.

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "base/utf8.hpp"
#include "fonts/fonts.hpp"
#include "pdf/pdf.hpp"
#include "pdf_tools.hpp"

namespace fs = std::filesystem;
using fiscgen::layout::PageModel;
using pdf_test::Fonts;
using pdf_test::quote;
using pdf_test::run;
using pdf_test::TempDir;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("/W lists each drawn code whose width is not /DW, in runs of consecutive codes") {
  // Runs, gaps of one code and of many, a code on its own, Polish, Greek and Hebrew letters,
  // quotes far above the rest; the fallback family for U+2200.
  const std::string text =
      "ABCE GHJ Lmnq xyz 0189 \u00C9\u0141\u00F3d\u017A "
      "\u0395\u03BB\u03BB \u05E2\u05D1 \u201C\u201D\u2019";
  PageModel model;
  model.pages.emplace_back();
  model.pages[0].runs.push_back({72, 700, 0, 12, text});
  model.pages[0].runs.push_back({72, 680, 4, 12, "\u2200 yes"});
  TempDir dir;
  const fs::path file = dir / "widths.pdf", plain = dir / "plain.pdf";
  Fonts fonts;
  fiscgen::pdf::write(model, fonts.set, {}, file);
  REQUIRE(run("qpdf --qdf --object-streams=disable " + quote(file) + " " + quote(plain)).status ==
          0);
  const std::string pdf = read_file(plain);
  int fonts_seen = 0;
  for (auto at = pdf.find("/Subtype /CIDFontType2"); at != std::string::npos;
       at = pdf.find("/Subtype /CIDFontType2", at + 1)) {
    const auto begin = pdf.rfind("obj", at), end = pdf.find("endobj", at);
    const std::string object = pdf.substr(begin, end - begin);
    const int index = contains(object, "LiberationSerif") ? 0 : 4;
    const std::string& drawn = index == 0 ? text : model.pages[0].runs[1].text;
    std::set<char32_t> codes;
    for (std::size_t pos = 0; pos < drawn.size();) {
      char32_t cp = 0;
      REQUIRE(fiscgen::utf8::next_code_point(drawn, pos, cp));
      codes.insert(cp);
    }
    const auto dw_at = object.find("/DW ");
    REQUIRE(dw_at != std::string::npos);
    const int dw = std::atoi(object.c_str() + dw_at + 4);
    // The widths /W gives, code by code.
    std::map<char32_t, int> listed;
    std::istringstream tokens(object.substr(object.find("/W [") + 4));
    std::string token;
    long first = -1, next = -1;
    int depth = 0;
    while (tokens >> token) {
      if (token == "[") {
        ++depth;
        next = first;
      } else if (token == "]") {
        if (--depth < 0) break;
      } else if (depth == 0) {
        first = std::stol(token);
      } else {
        CHECK(listed.emplace(static_cast<char32_t>(next++), std::stoi(token)).second);
      }
    }
    // Every drawn code whose width is not /DW is listed with its width, nothing else is, and a
    // run of the array never spans a code that is not listed.
    for (const char32_t cp : codes) {
      CAPTURE(static_cast<unsigned>(cp));
      const int width = fonts.set.font(index).advance(cp);
      if (width == dw)
        CHECK_FALSE(listed.count(cp));
      else
        CHECK(listed[cp] == width);
    }
    for (const auto& [cp, width] : listed) CHECK(codes.count(cp));
    ++fonts_seen;
  }
  CHECK(fonts_seen == 2);
}
