// What src/pdf writes in place of libharu's own routines gives libharu's bytes.

#include <doctest/doctest.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "base/utf8.hpp"
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
                                                     bool ours,
                                                     const std::set<char32_t>* measured = nullptr) {
  FontconfigResolver resolver;
  FontSet set{resolver, "Liberation Serif", "DejaVu Serif"};
  const auto subset = set.font(index).subset(code_points);
  haru::Doc doc;
  const char* name = haru::load_truetype_from_memory(doc.get(), subset, "QWERTY");
  REQUIRE(name != nullptr);
  HPDF_FontDef def = HPDF_GetFontDef(doc.get(), name);
  REQUIRE(def != nullptr);
  // Measuring marks the glyphs used (and a composite's parts), as drawing text does.
  for (const char32_t cp : measured ? *measured : code_points)
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
  // Made again (this thread keeps recent programs): the same, as is one of the same subset with
  // fewer glyphs drawn, which must not be taken for it.
  for (const int face : {0, 1}) {
    CAPTURE(face);
    const auto libharus = program(face, text, false);
    CHECK(program(face, text, true) == libharus);
    CHECK(program(face, text, true) == libharus);
    const std::set<char32_t> fewer = {'A', 'o', U'\u00E9'};
    const auto fewer_libharus = program(face, text, false, &fewer);
    CHECK(fewer_libharus != libharus);
    CHECK(program(face, text, true, &fewer) == fewer_libharus);
    CHECK(program(face, text, true) == libharus);
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

TEST_CASE("text_width is HPDF_Font_TextWidth's width, for any text") {
  FontconfigResolver resolver;
  FontSet set{resolver, "Liberation Serif", "DejaVu Serif"};
  const std::vector<std::string> texts = {
      "",
      "Smith v. Maryland",
      "Dear Ms. G\xC3\xB3mez, \xC5\x81\xC3\xB3\xC5\xBA",
      "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC",
      "\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA",
      "caf\xC3\xA9 \xE2\x80\x94 \xC2\xA7 12",
      "\xF0\x9F\x98\x80 beyond",
      "\xE2\x80",
      "\x80\xBF lone continuations",
      "mixed \xC3\x28 \xE2\x28\xA1 \xF0\x28\x8C\xBC",
      "\xFF\xFE",
      std::string("nul \0 inside", 12)};
  std::set<char32_t> code_points;
  for (const auto& text : texts)
    for (std::size_t at = 0; at < text.size();) {
      char32_t cp = 0;
      if (fiscgen::utf8::next_code_point(text, at, cp) && cp > 0 && cp < 0xFFFF &&
          set.font(0).has_glyph(cp))
        code_points.insert(cp);
    }
  haru::Doc doc;
  REQUIRE(HPDF_UseUTFEncodings(doc.get()) == HPDF_OK);
  REQUIRE(HPDF_SetCurrentEncoder(doc.get(), "UTF-8") == HPDF_OK);
  const char* name =
      haru::load_truetype_from_memory(doc.get(), set.font(0).subset(code_points), "QWERTY");
  REQUIRE(name != nullptr);
  HPDF_Font font = haru::get_unicode_font(doc.get(), name, code_points);
  REQUIRE(font != nullptr);
  for (int round = 0; round < 2; ++round)  // widths not yet known, then known
    for (const auto& text : texts) {
      CAPTURE(text);
      const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(text.data());
      const HPDF_UINT ours = haru::text_width(font, text);
      CHECK(ours == HPDF_Font_TextWidth(font, bytes, static_cast<HPDF_UINT>(text.size())).width);
    }
}

TEST_CASE("save_to_memory gives the bytes libharu's stream reader reads back") {
  for (const int pages : {1, 40}) {  // one buffer of libharu's memory stream, then many
    CAPTURE(pages);
    haru::Doc doc;
    REQUIRE(HPDF_SetCompressionMode(doc.get(), HPDF_COMP_NONE) == HPDF_OK);
    for (int p = 0; p < pages; ++p) {
      HPDF_Page page = HPDF_AddPage(doc.get());
      REQUIRE(page != nullptr);
      for (int i = 0; i < 20; ++i) HPDF_Page_Rectangle(page, 10.5F * i, 20, 30, 40);
      HPDF_Page_Fill(page);
    }
    const std::string saved = doc.save_to_memory();
    REQUIRE(HPDF_ResetStream(doc.get()) == HPDF_OK);
    HPDF_UINT32 size = HPDF_GetStreamSize(doc.get());
    REQUIRE(size > 0);
    std::string read(size, '\0');
    HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(read.data()), &size);
    CHECK(size == read.size());
    CHECK(saved == read);
    if (pages > 1) CHECK(saved.size() > 4096);
  }
}

TEST_CASE("a Doc's memory holds blocks larger than the thread's chunks, and documents in turn") {
  const auto page_document = [](std::size_t large) {
    haru::Doc doc;
    std::vector<HPDF_BYTE> pattern(large);
    for (std::size_t i = 0; i < pattern.size(); ++i) pattern[i] = static_cast<HPDF_BYTE>(i * 7);
    // A stream of one buffer as large as asked (libharu allocates it whole from the Doc).
    HPDF_Stream big = HPDF_MemStream_New(doc.get()->mmgr, static_cast<HPDF_UINT>(large));
    REQUIRE(big != nullptr);
    REQUIRE(HPDF_Stream_Write(big, pattern.data(), static_cast<HPDF_UINT>(large)) == HPDF_OK);
    HPDF_Page page = HPDF_AddPage(doc.get());
    REQUIRE(page != nullptr);
    HPDF_Page_Rectangle(page, 10, 20, 30, 40);
    HPDF_Page_Fill(page);
    HPDF_UINT length = 0;
    const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(big, 0, &length);
    REQUIRE(length == large);
    CHECK(std::equal(pattern.begin(), pattern.end(), data));
    HPDF_Stream_Free(big);
    return doc.save_to_memory();
  };
  const std::string small = page_document(100);
  CHECK(page_document(3 * 1024 * 1024) == small);
  CHECK(page_document(300 * 1024) == small);
  CHECK(page_document(100) == small);
}
