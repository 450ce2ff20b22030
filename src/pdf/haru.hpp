// A thin RAII layer over libharu: the document handle, error reporting, and the few things
// libharu 2.3 can only do through its semi-internal headers (see haru_internals.cpp).
#pragma once

#include <hpdf.h>
#include <hpdf_fontdef.h>

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fiscgen::pdf::haru {

/// Owns one HPDF_Doc. libharu reports errors through a C callback; throwing through C frames is
/// undefined, so the callback only records the first error and check() turns it into
/// fiscgen::Error on our side of the boundary.
class Doc {
 public:
  Doc();
  ~Doc();
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;

  HPDF_Doc get() const { return doc_; }
  /// Throws fiscgen::Error naming `doing` if libharu reported an error since the last check.
  void check(std::string_view doing);
  /// The same, also treating a non-OK returned status as an error (some libharu calls set an
  /// error code without calling the handler).
  void check(HPDF_STATUS status, std::string_view doing);

  /// The whole saved document as bytes (HPDF_SaveToStream, then read back).
  std::string save_to_memory();

 private:
  struct ErrorState {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
  };
  static void HPDF_STDCALL on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data);

  ErrorState error_;  // address handed to libharu; Doc is neither copied nor moved
  HPDF_Doc doc_ = nullptr;
};

/// The memory functions every Doc gives libharu: malloc and free.
void* HPDF_STDCALL allocate(HPDF_UINT size);
void HPDF_STDCALL release(void* block);

/// A short English description of a libharu error code, for messages.
std::string describe_error(HPDF_STATUS code, HPDF_STATUS detail);

// --- haru_internals.cpp, haru_encoder.cpp: routes through libharu's semi-internal structures --

/// Loads a TrueType font held in memory (libharu 2.3 can only load from files) for embedding,
/// names its subset `tag` (six capital letters, unique in the document) and returns the name
/// to pass to HPDF_GetFont, or nullptr after libharu recorded an error.
const char* load_truetype_from_memory(HPDF_Doc doc, const std::vector<std::uint8_t>& data,
                                      const std::string& tag);

/// HPDF_GetFont(doc, name, "UTF-8") for a font that will draw only `code_points` (BMP, not
/// empty), with the font dictionaries sized to them: libharu 2.3 would otherwise map, measure and
/// write a CIDToGIDMap for all 65,536 code points per font. Also replaces libharu's ToUnicode
/// CMap (begincidrange, invalid there) with unicode_cmap(code_points), and names the CIDFont's
/// character collection Adobe-Identity-0 as Identity-H requires. nullptr after an error.
HPDF_Font get_unicode_font(HPDF_Doc doc, const char* name, const std::set<char32_t>& code_points);

/// While one is in scope, HPDF_GetFont on this thread makes its Type 0 font for exactly
/// `code_points` through haru_type0.cpp's HPDF_Type0Font_New, which visits only those codes
/// where libharu's walks all 65,536 of the encoder's table (get_unicode_font uses it).
class Type0Narrowing {
 public:
  explicit Type0Narrowing(const std::set<char32_t>& code_points);
  ~Type0Narrowing();
  Type0Narrowing(const Type0Narrowing&) = delete;
  Type0Narrowing& operator=(const Type0Narrowing&) = delete;
};

/// HPDF_Font_TextWidth(font, text).width: for a font get_unicode_font made, each character's
/// width read once per font (as libharu's measuring does, it marks the glyph used, so the subset
/// embeds it) without reading the text a byte at a time through the encoder's callbacks.
HPDF_UINT text_width(HPDF_Font font, std::string_view text);

/// Writes the font program of a TrueType definition loaded by load_truetype_from_memory to
/// `stream` (and sets its Length1), the same bytes as libharu's HPDF_TTFontDef_SaveFontData,
/// which it calls for any other definition.
HPDF_STATUS save_font_program(HPDF_FontDef fontdef, HPDF_Stream stream);

/// libharu 2.3's UTF-8 encoder's reading of a text, one byte at a time (its state machine, kept
/// in the encoder between texts, without its two callbacks per byte). next() gives the code point
/// a byte completes, or -1 while a character is incomplete or a byte is skipped.
class Utf8Reader {
 public:
  explicit Utf8Reader(HPDF_Encoder encoder);  // the encoder is_utf8_encoder
  ~Utf8Reader();
  Utf8Reader(const Utf8Reader&) = delete;
  Utf8Reader& operator=(const Utf8Reader&) = delete;
  int next(HPDF_BYTE byte);

 private:
  int to_unicode() const;
  HPDF_Encoder encoder_;
  HPDF_BYTE current_ = 0;
  HPDF_BYTE end_ = 0;
  HPDF_BYTE bytes_[8] = {};
};

/// Whether `encoder` is libharu's UTF-8 encoder (HPDF_UseUTFEncodings), initialised.
bool is_utf8_encoder(HPDF_Encoder encoder);

/// The ToUnicode CMap of a font whose 2-byte CIDs are the BMP code points themselves (what
/// libharu's UTF-8 encoding writes): each used CID maps to itself, consecutive ones as ranges.
std::string unicode_cmap(const std::set<char32_t>& code_points);

/// Sets the trailer's /ID to [<id> <id>]; libharu writes none unless encrypting.
HPDF_STATUS set_trailer_id(HPDF_Doc doc, const std::array<std::uint8_t, 16>& id);

/// Makes `dst` [page /XYZ left top null]: land at `top` and keep the reader's zoom (the public
/// HPDF_Destination_SetXYZ insists on a zoom factor).
HPDF_STATUS set_destination_keep_zoom(HPDF_Doc doc, HPDF_Destination dst, HPDF_Page page,
                                      HPDF_REAL left, HPDF_REAL top);

/// Adds to /PageLabels, from page `page` (0-based), a label that is `prefix` alone, with no
/// number (no /S): HPDF_AddPageLabel insists on a numbering style. `prefix` is UTF-8.
HPDF_STATUS add_unnumbered_page_label(HPDF_Doc doc, HPDF_UINT page, const std::string& prefix);

}  // namespace fiscgen::pdf::haru

/// libharu's UTF8_Encoder_EncodeText_Func, run by Utf8Reader (haru_utf8.cpp): the UTF-8 encoder's
/// encode_text_fn once a Type 0 font uses it (haru_type0.cpp).
extern "C" char* fiscgen_utf8_encode_text(HPDF_Encoder encoder, const char* text, HPDF_UINT len,
                                          HPDF_UINT* length);
