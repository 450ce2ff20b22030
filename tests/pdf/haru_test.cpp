// What src/pdf writes in place of libharu's own routines gives libharu's bytes.

#include <doctest/doctest.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <set>
#include <string>
#include <vector>

#include "fonts/fonts.hpp"
#include "pdf/haru.hpp"

using fiscgen::fonts::FontconfigResolver;
using fiscgen::fonts::FontSet;
namespace haru = fiscgen::pdf::haru;

namespace {

std::vector<HPDF_BYTE> bytes_of(HPDF_Stream stream) {
  std::vector<HPDF_BYTE> out;
  for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(stream); ++i) {
    HPDF_UINT length = 0;
    const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(stream, i, &length);
    out.insert(out.end(), data, data + length);
  }
  return out;
}

/// The font program of `code_points`' subset of font `index` of the set, written by
/// save_font_program (ours) or libharu's HPDF_TTFontDef_SaveFontData, and its Length1.
std::pair<std::vector<HPDF_BYTE>, HPDF_UINT> program(int index,
                                                     const std::set<char32_t>& code_points,
                                                     bool ours) {
  FontconfigResolver resolver;
  FontSet set{resolver, "Liberation Serif", "DejaVu Serif"};
  const auto subset = set.font(index).subset(code_points);
  haru::Doc doc;
  const char* name = haru::load_truetype_from_memory(doc.get(), subset, "QWERTY");
  REQUIRE(name != nullptr);
  HPDF_FontDef def = HPDF_GetFontDef(doc.get(), name);
  REQUIRE(def != nullptr);
  // Measuring marks the glyphs used (and a composite's parts), as drawing text does.
  for (const char32_t cp : code_points)
    HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UINT16>(cp));
  HPDF_Stream stream = HPDF_MemStream_New(doc.get()->mmgr, 4096);
  REQUIRE(stream != nullptr);
  const HPDF_STATUS status =
      ours ? haru::save_font_program(def, stream) : HPDF_TTFontDef_SaveFontData(def, stream);
  CHECK(status == HPDF_OK);
  auto bytes = bytes_of(stream);
  HPDF_Stream_Free(stream);
  return {bytes, static_cast<HPDF_TTFontDefAttr>(def->attr)->length1};
}

}  // namespace

TEST_CASE("a subset's font program is libharu's, byte for byte, with the same Length1") {
  // Composite glyphs (é, Ç, ŵ), a glyph used only as another's part, the tagged names, digits.
  const std::set<char32_t> text = {
      ' ', '1', '7', 'A',       'C',       'T',       'V',       'a',       'f',
      'i', 'o', 'y', U'\u00C7', U'\u00E9', U'\u0175', U'\u2019', U'\u2014', U'\u00A7'};
  for (const int face : {0, 1, 2, 3}) {
    CAPTURE(face);
    const auto ours = program(face, text, true);
    const auto libharus = program(face, text, false);
    CHECK(ours.second == libharus.second);
    CHECK(ours.first.size() == libharus.first.size());
    CHECK(ours.first == libharus.first);
  }
  // A single character: most glyphs unused, 'loca' almost flat.
  const auto ours = program(0, {'x'}, true);
  CHECK(ours == program(0, {'x'}, false));
}
