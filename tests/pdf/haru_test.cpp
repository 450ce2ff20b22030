// What src/pdf writes in place of libharu's own routines gives libharu's bytes.

#include <doctest/doctest.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <cstdlib>
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

TEST_CASE("text is encoded as libharu's UTF-8 encoder encodes it, malformed bytes too") {
  haru::Doc doc;
  REQUIRE(HPDF_UseUTFEncodings(doc.get()) == HPDF_OK);
  HPDF_Encoder encoder = HPDF_GetEncoder(doc.get(), "UTF-8");
  REQUIRE(encoder != nullptr);
  REQUIRE(haru::is_utf8_encoder(encoder));
  const auto libharus = encoder->encode_text_fn;  // no Type 0 font yet: libharu's own
  REQUIRE(bool(libharus));
  const std::vector<std::string> texts = {"",
                                          "Smith v. Maryland",
                                          "caf\xC3\xA9 \xE2\x80\x94 \xC2\xA7 12",
                                          "\xF0\x9F\x98\x80 beyond",
                                          "\xE2\x80",
                                          "\x80\xBF lone continuations",
                                          "\xC3",
                                          "\xE2\x82\xAC\xE2",
                                          "\xF8\x88\x80\x80\x80",
                                          "\xC3\xA9\xF0\x90\x80",
                                          "mixed \xC3\x28 \xE2\x28\xA1 \xF0\x28\x8C\xBC",
                                          "\xFF\xFE"};
  for (const auto& text : texts) {
    CAPTURE(text);
    HPDF_UINT their_length = 0, our_length = 0;
    char* theirs =
        libharus(encoder, text.c_str(), static_cast<HPDF_UINT>(text.size()), &their_length);
    char* ours = fiscgen_utf8_encode_text(encoder, text.c_str(),
                                          static_cast<HPDF_UINT>(text.size()), &our_length);
    CHECK(our_length == their_length);
    CHECK(std::string(ours, our_length) == std::string(theirs, their_length));
    std::free(theirs);
    std::free(ours);
  }
}
