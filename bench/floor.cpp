// The floor under `fiscgen batch`: the same documents written with no input, no template and no
// layout. Each document's lines come already broken (pdftotext's text of fiscgen's own PDF, pages
// split at form feeds) and are placed one under another in one font, subset with hb-subset and
// embedded by libharu through the same calls fiscgen's pdf stage makes. What fiscgen spends
// beyond this is reading, merging and laying out. Figures only: bench_batch times this process.
//
//   fiscgen_floor LINES_DIR OUT_DIR      every LINES_DIR/NAME.txt → OUT_DIR/NAME.pdf
#include <hpdf.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "fonts/fonts.hpp"
#include "pdf/haru.hpp"

namespace fs = std::filesystem;
using namespace fiscgen;

namespace {

// Where the lines go: US Letter, one-inch margins, 12-point type on 14-point lines.
constexpr double page_width = 612, page_height = 792, margin = 72, size = 12, leading = 14;

std::vector<std::vector<std::string>> pages_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<std::vector<std::string>> pages(1);
  std::string line;
  for (const char c : text.str()) {
    if (c == '\f' || c == '\n') {
      if (!line.empty()) pages.back().push_back(std::move(line));
      line.clear();
      if (c == '\f') pages.emplace_back();
    } else {
      line += c;
    }
  }
  if (!line.empty()) pages.back().push_back(line);
  while (pages.size() > 1 && pages.back().empty()) pages.pop_back();
  return pages;
}

/// The BMP code points the font has (libharu's UTF-8 path draws 2-byte CIDs); others dropped.
std::set<char32_t> code_points_of(const std::vector<std::vector<std::string>>& pages,
                                  const fonts::Font& font) {
  std::set<char32_t> used;
  for (const auto& page : pages)
    for (const auto& line : page)
      for (std::size_t at = 0; at < line.size();) {
        char32_t cp = 0;
        if (fiscgen::utf8::next_code_point(line, at, cp) && cp <= 0xFFFF && font.has_glyph(cp))
          used.insert(cp);
      }
  if (used.empty()) used.insert(U' ');
  return used;
}

/// `line` with every character the subset lacks left out.
std::string drawable(const std::string& line, const std::set<char32_t>& used) {
  std::string out;
  for (std::size_t at = 0; at < line.size();) {
    const std::size_t start = at;
    char32_t cp = 0;
    if (fiscgen::utf8::next_code_point(line, at, cp) && used.count(cp))
      out.append(line, start, at - start);
  }
  return out;
}

void write_document(const fs::path& lines, const fs::path& output, const fonts::Font& font) {
  const auto pages = pages_of(lines);
  const auto used = code_points_of(pages, font);
  pdf::haru::Doc doc;
  doc.check(HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL), "setting compression");
  doc.check(HPDF_UseUTFEncodings(doc.get()), "enabling UTF-8");
  doc.check(HPDF_SetCurrentEncoder(doc.get(), "UTF-8"), "enabling UTF-8");
  const char* name =
      pdf::haru::load_truetype_from_memory(doc.get(), font.new_subset(used), "FLOORA");
  doc.check(name ? HPDF_OK : HPDF_INVALID_FONTDEF_DATA, "embedding the font");
  HPDF_Font handle = pdf::haru::get_unicode_font(doc.get(), name, used);
  doc.check(handle ? HPDF_OK : HPDF_INVALID_FONT, "embedding the font");
  for (const auto& lines_of_page : pages) {
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetWidth(page, page_width);
    HPDF_Page_SetHeight(page, page_height);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, handle, size);
    double y = page_height - margin;
    for (const auto& line : lines_of_page) {
      HPDF_Page_TextOut(page, margin, static_cast<HPDF_REAL>(std::max(y, margin / 2)),
                        drawable(line, used).c_str());
      y -= leading;
    }
    HPDF_Page_EndText(page);
    doc.check("placing lines");
  }
  const std::string bytes = doc.save_to_memory();
  std::ofstream(output, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fiscgen_floor LINES_DIR OUT_DIR\n";
    return 2;
  }
  try {
    std::vector<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator(argv[1]))
      if (entry.path().extension() == ".txt") inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    fs::create_directories(argv[2]);
    // One font for the whole run, as a batch worker could keep it; looked up exactly, as
    // fiscgen looks up a profile's family (fontconfig's font folders only, not FcInit's rules).
    fonts::FontconfigResolver resolver;
    const fonts::Font font(resolver.find("Liberation Serif", fonts::Face::regular, true));
    for (const auto& input : inputs)
      write_document(input, fs::path(argv[2]) / input.filename().replace_extension(".pdf"), font);
  } catch (const std::exception& error) {
    std::cerr << "fiscgen_floor: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
