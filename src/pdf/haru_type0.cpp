// libharu 2.3's Type 0 font for a subset that draws only a known set of code points, built
// without its walk over all 65,536 codes (see HPDF_Type0Font_New below). Like
// haru_internals.cpp, this reaches into libharu's semi-internal headers (libhpdf-dev 2.3.0).

#include <dlfcn.h>
#include <hpdf.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_utils.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <type_traits>
#include <vector>

#include "base/utf8.hpp"
#include "pdf/haru.hpp"

namespace fiscgen::pdf::haru {
namespace {

/// The code points of the font HPDF_GetFont is making on this thread (see Type0Narrowing).
thread_local const std::set<char32_t>* narrowed_code_points = nullptr;

}  // namespace

Type0Narrowing::Type0Narrowing(const std::set<char32_t>& code_points) {
  narrowed_code_points = &code_points;
}

Type0Narrowing::~Type0Narrowing() {
  narrowed_code_points = nullptr;
}

}  // namespace fiscgen::pdf::haru

// What follows repeats libharu 2.3's hpdf_font_cid.c for a TrueType font (its Type 0 font, the
// CIDFontType2 descendant, their width and write functions, all static there), the same calls in
// the same order, so the same objects are numbered and written alike. Only the descendant's
// widths and CIDToGIDMap are computed from the code points, where libharu visits every entry of
// the encoder's 256 x 256 code table and zeroes a 128 KB map, for each font (1.5M instructions
// of a letter's 29M).
namespace {

using fiscgen::pdf::haru::narrowed_code_points;

// libharu's count of a text's width, words and spaces, as its TextWidth functions keep it: a
// white space code ends a word; the text's last byte ends one too unless it is white space.
void add_width(HPDF_TextWidth& tw, HPDF_UINT code, HPDF_UINT width) {
  if (HPDF_IS_WHITE_SPACE(code)) {
    tw.numwords++;
    tw.numspace++;
  }
  tw.width += width;
}
HPDF_TextWidth finished(HPDF_TextWidth tw, HPDF_BYTE last) {
  if (!HPDF_IS_WHITE_SPACE(last)) tw.numwords++;
  return tw;
}

/// libharu's width of one code of a Type 0 font's text, in thousandths of an em: the TrueType
/// width of its Unicode value written horizontally, the font box's height (DW2) vertically.
HPDF_INT code_width(HPDF_FontAttr attr, HPDF_UINT16 code) {
  if (attr->writing_mode != HPDF_WMODE_HORIZONTAL)
    return -static_cast<HPDF_INT>(attr->fontdef->font_bbox.bottom - attr->fontdef->font_bbox.top);
  const HPDF_UNICODE unicode = attr->encoder->to_unicode_fn(attr->encoder, code);
  return HPDF_TTFontDef_GetCharWidth(attr->fontdef, unicode);
}

HPDF_TextWidth any_text_width(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT len) {
  HPDF_TextWidth tw = {0, 0, 0, 0};
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  HPDF_ParseText_Rec parse_state;
  HPDF_Encoder encoder = attr->encoder;
  HPDF_BYTE b = 0;
  HPDF_Encoder_SetParseText(encoder, &parse_state, text, len);
  for (HPDF_UINT i = 0; i < len; ++i) {
    const HPDF_ByteType btype = encoder->byte_type_fn(encoder, &parse_state);
    HPDF_UINT w = 0;
    b = *text++;
    auto code = static_cast<HPDF_UINT16>(b);
    if (btype == HPDF_BYTE_TYPE_LEAD) code = static_cast<HPDF_UINT16>((code << 8) + *text);
    if (btype != HPDF_BYTE_TYPE_TRIAL) {
      w = static_cast<HPDF_UINT>(code_width(attr, code));
      tw.numchars++;
    }
    add_width(tw, code, w);
  }
  return finished(tw, b);
}

/// A Type 0 font's attributes (libharu's, first, as it reads them) and the widths its text
/// measured so far, by code point in pages of 256 made when first needed (a batch worker's heap
/// hands out large blocks zeroed by calloc's memset): 0 not yet, else 0x10000 | the width.
struct Type0Attr {
  HPDF_FontAttr_Rec rec;
  std::int32_t* widths[256];
};
static_assert(std::is_standard_layout_v<Type0Attr> && offsetof(Type0Attr, rec) == 0);

/// HPDF_TTFontDef_GetCharWidth, asked once per code point and font: the first call marks the
/// glyph used (embedded), later ones return the same width and change nothing.
HPDF_INT16 char_width(Type0Attr& attr, HPDF_UINT16 unicode) {
  std::int32_t*& page = attr.widths[unicode >> 8];
  if (!page) page = static_cast<std::int32_t*>(std::calloc(256, sizeof(std::int32_t)));
  if (!page) return HPDF_TTFontDef_GetCharWidth(attr.rec.fontdef, unicode);
  std::int32_t& known = page[unicode & 0xFF];
  if (known == 0)
    known =
        0x10000 | static_cast<HPDF_UINT16>(HPDF_TTFontDef_GetCharWidth(attr.rec.fontdef, unicode));
  return static_cast<HPDF_INT16>(known & 0xFFFF);
}

/// libharu's TextWidth for a Type 0 font: for the UTF-8 encoder read here, widths asked once per
/// code point (0.35M instructions of a letter through the encoder's callbacks).
HPDF_TextWidth type0_text_width(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT len) {
  auto* attr = static_cast<Type0Attr*>(font->attr);
  if (!fiscgen::pdf::haru::is_utf8_encoder(attr->rec.encoder) ||
      attr->rec.writing_mode != HPDF_WMODE_HORIZONTAL)
    return any_text_width(font, text, len);
  HPDF_TextWidth tw = {0, 0, 0, 0};
  HPDF_BYTE b = 0;
  fiscgen::pdf::haru::Utf8Reader reader(attr->rec.encoder);
  for (HPDF_UINT i = 0; i < len; ++i) {
    b = text[i];
    const int unicode = reader.next(b);
    HPDF_UINT w = 0;
    if (unicode >= 0) {
      w = static_cast<HPDF_UINT>(char_width(*attr, static_cast<HPDF_UINT16>(unicode)));
      tw.numchars++;
    }
    add_width(tw, b, w);
  }
  return finished(tw, b);
}

}  // namespace

namespace fiscgen::pdf::haru {

HPDF_UINT text_width(HPDF_Font font, std::string_view text) {
  auto* attr = static_cast<Type0Attr*>(font->attr);
  const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(text.data());
  const auto length = static_cast<HPDF_UINT>(text.size());
  if (attr->rec.text_width_fn != type0_text_width || !is_utf8_encoder(attr->rec.encoder) ||
      attr->rec.writing_mode != HPDF_WMODE_HORIZONTAL)
    return HPDF_Font_TextWidth(font, bytes, length).width;
  HPDF_UINT width = 0;
  for (std::size_t at = 0; at < text.size();) {
    char32_t cp = 0;
    // Malformed text: libharu's reading of it (a byte skipped, a character cut short).
    if (!utf8::next_code_point(text, at, cp)) return HPDF_Font_TextWidth(font, bytes, length).width;
    // libharu's decoder reads a character beyond the BMP as a space.
    const auto unicode = static_cast<HPDF_UINT16>(cp > 0xFFFF ? 32 : cp);
    // A width known already is read here; char_width finds the others (and marks their glyphs).
    const std::int32_t* page = attr->widths[unicode >> 8];
    const std::int32_t known = page ? page[unicode & 0xFF] : 0;
    width += static_cast<HPDF_UINT>(known != 0 ? static_cast<HPDF_INT16>(known & 0xFFFF)
                                               : char_width(*attr, unicode));
  }
  return width;
}

}  // namespace fiscgen::pdf::haru

namespace {

HPDF_UINT type0_measure_text(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT len, HPDF_REAL width,
                             HPDF_REAL font_size, HPDF_REAL char_space, HPDF_REAL word_space,
                             HPDF_BOOL wordwrap, HPDF_REAL* real_width) {
  HPDF_REAL w = 0;
  HPDF_UINT tmp_len = 0;
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  HPDF_Encoder encoder = attr->encoder;
  HPDF_ParseText_Rec parse_state;
  HPDF_Encoder_SetParseText(encoder, &parse_state, text, len);
  for (HPDF_UINT i = 0; i < len; ++i) {
    const HPDF_BYTE b = *text++;
    const HPDF_BYTE b2 = *text;  // the next byte
    const HPDF_ByteType btype = HPDF_Encoder_ByteType(encoder, &parse_state);
    auto code = static_cast<HPDF_UINT16>(b);
    HPDF_UINT16 tmp_w = 0;
    if (btype == HPDF_BYTE_TYPE_LEAD) code = static_cast<HPDF_UINT16>((code << 8) + b2);
    if (HPDF_IS_WHITE_SPACE(b)) {
      tmp_len = i + 1;
      if (real_width) *real_width = w;
    } else if (!wordwrap && (btype == HPDF_BYTE_TYPE_SINGLE || btype == HPDF_BYTE_TYPE_LEAD)) {
      tmp_len = i;
      if (real_width) *real_width = w;
    }
    if (HPDF_IS_WHITE_SPACE(b)) w += word_space;
    if (btype != HPDF_BYTE_TYPE_TRIAL) {
      tmp_w = static_cast<HPDF_UINT16>(code_width(attr, code));
      if (i > 0) w += char_space;
    }
    w += static_cast<HPDF_REAL>(static_cast<HPDF_DOUBLE>(tmp_w) * font_size / 1000);
    if (w > width || b == 0x0A) return tmp_len;
  }
  if (real_width) *real_width = w;
  return len;
}

void type0_free(HPDF_Dict obj) {
  if (!obj->attr) return;
  for (std::int32_t* page : static_cast<Type0Attr*>(obj->attr)->widths) std::free(page);
  HPDF_FreeMem(obj->mmgr, obj->attr);
}

/// The FontDescriptor and FontFile2, made when the font is first written (one per definition).
HPDF_STATUS type2_descriptor(HPDF_Dict obj) {
  auto* font_attr = static_cast<HPDF_FontAttr>(obj->attr);
  HPDF_FontDef def = font_attr->fontdef;
  auto* def_attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
  HPDF_STATUS ret = 0;
  HPDF_Dict descriptor = HPDF_Dict_New(obj->mmgr);
  if (!descriptor) return HPDF_Error_GetCode(obj->error);
  if (def_attr->embedding) {
    HPDF_Dict font_data = HPDF_DictStream_New(obj->mmgr, font_attr->xref);
    if (!font_data) return HPDF_Error_GetCode(obj->error);
    if (fiscgen::pdf::haru::save_font_program(def, font_data->stream) != HPDF_OK)
      return HPDF_Error_GetCode(obj->error);
    ret += HPDF_Dict_Add(descriptor, "FontFile2", font_data);
    ret += HPDF_Dict_AddNumber(font_data, "Length1", static_cast<HPDF_INT32>(def_attr->length1));
    ret += HPDF_Dict_AddNumber(font_data, "Length2", 0);
    ret += HPDF_Dict_AddNumber(font_data, "Length3", 0);
    font_data->filter = obj->filter;
    if (ret != HPDF_OK) return HPDF_Error_GetCode(obj->error);
  }
  ret += HPDF_Xref_Add(font_attr->xref, descriptor);
  ret += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  ret += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
  ret += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
  ret += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
  ret += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(obj->mmgr, def->font_bbox));
  ret += HPDF_Dict_AddName(descriptor, "FontName", def_attr->base_font);
  ret += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
  ret += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
  ret += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
  if (ret != HPDF_OK) return HPDF_Error_GetCode(obj->error);
  def->descriptor = descriptor;
  return HPDF_OK;
}

HPDF_STATUS type2_before_write(HPDF_Dict obj) {
  auto* font_attr = static_cast<HPDF_FontAttr>(obj->attr);
  auto* def_attr = static_cast<HPDF_TTFontDefAttr>(font_attr->fontdef->attr);
  if (font_attr->map_stream) font_attr->map_stream->filter = obj->filter;
  if (font_attr->cmap_stream) font_attr->cmap_stream->filter = obj->filter;
  if (!font_attr->fontdef->descriptor) {
    if (const HPDF_STATUS ret = type2_descriptor(obj); ret != HPDF_OK) return ret;
  }
  if (const HPDF_STATUS ret = HPDF_Dict_AddName(obj, "BaseFont", def_attr->base_font);
      ret != HPDF_OK)
    return ret;
  if (const HPDF_STATUS ret =
          HPDF_Dict_AddName(font_attr->descendant_font, "BaseFont", def_attr->base_font);
      ret != HPDF_OK)
    return ret;
  return HPDF_Dict_Add(font_attr->descendant_font, "FontDescriptor",
                       font_attr->fontdef->descriptor);
}

/// The /W array: the runs of codes below `max` whose width is not the default `dw`, each as
/// `first [w1 w2 …]`, as libharu writes it.
template <typename WidthOf>
bool add_widths(HPDF_Array array, HPDF_INT dw, HPDF_UINT max, WidthOf width_of) {
  HPDF_Array run = nullptr;
  for (HPDF_UINT i = 0; i < max; ++i) {
    const HPDF_INT w = width_of(i);
    if (w == dw) {
      run = nullptr;
      continue;
    }
    if (!run) {
      if (HPDF_Array_AddNumber(array, static_cast<HPDF_INT32>(i)) != HPDF_OK) return false;
      run = HPDF_Array_New(array->mmgr);
      if (!run || HPDF_Array_Add(array, run) != HPDF_OK) return false;
    }
    if (HPDF_Array_AddNumber(run, w) != HPDF_OK) return false;
  }
  return true;
}

/// add_widths for codes whose width is `dw` wherever a code is not in `codes`: the same runs,
/// visiting only `codes` (ascending) where add_widths visits every code below the highest.
template <typename WidthOf>
bool add_drawn_widths(HPDF_Array array, HPDF_INT dw, const std::set<char32_t>& codes,
                      WidthOf width_of) {
  HPDF_Array run = nullptr;
  HPDF_UINT last = 0;  // the code whose width `run` ends with
  for (const char32_t cp : codes) {
    const auto code = static_cast<HPDF_UINT>(cp);
    const HPDF_INT w = width_of(code);
    // A code between this one and the last had the default width and ended the run.
    if (w == dw || (run && code != last + 1)) run = nullptr;
    if (w == dw) continue;
    if (!run) {
      if (HPDF_Array_AddNumber(array, static_cast<HPDF_INT32>(code)) != HPDF_OK) return false;
      run = HPDF_Array_New(array->mmgr);
      if (!run || HPDF_Array_Add(array, run) != HPDF_OK) return false;
    }
    if (HPDF_Array_AddNumber(run, w) != HPDF_OK) return false;
    last = code;
  }
  return true;
}

/// libharu's CIDFontType2_New for a font whose codes are the code points `codes` themselves (what
/// the narrowed encoder's table of get_unicode_font holds, with a marker one past the last: the
/// highest code, below which libharu writes /W and the CIDToGIDMap).
HPDF_Font cid_font_type2(HPDF_Font parent, HPDF_Xref xref, const std::set<char32_t>& codes) {
  HPDF_STATUS ret = HPDF_OK;
  auto* attr = static_cast<HPDF_FontAttr>(parent->attr);
  HPDF_FontDef fontdef = attr->fontdef;
  auto* fontdef_attr = static_cast<HPDF_TTFontDefAttr>(fontdef->attr);
  auto* encoder_attr = static_cast<HPDF_CMapEncoderAttr>(attr->encoder->attr);
  HPDF_Font font = HPDF_Dict_New(parent->mmgr);
  if (!font || HPDF_Xref_Add(xref, font) != HPDF_OK) return nullptr;
  parent->before_write_fn = type2_before_write;
  ret += HPDF_Dict_AddName(font, "Type", "Font");
  ret += HPDF_Dict_AddName(font, "Subtype", "CIDFontType2");
  ret += HPDF_Dict_AddNumber(font, "DW", fontdef->missing_width);
  if (ret != HPDF_OK) return nullptr;
  HPDF_Array array = HPDF_Array_New(font->mmgr);
  if (!array || HPDF_Dict_Add(font, "DW2", array) != HPDF_OK) return nullptr;
  ret += HPDF_Array_AddNumber(array, static_cast<HPDF_INT32>(fontdef->font_bbox.bottom));
  ret += HPDF_Array_AddNumber(
      array, static_cast<HPDF_INT32>(fontdef->font_bbox.bottom - fontdef->font_bbox.top));
  if (ret != HPDF_OK) return nullptr;

  // The glyph of each code up to the highest one (libharu's tmp_map), 0 where none is drawn.
  const auto max = static_cast<HPDF_UINT>(*codes.rbegin() + 1);
  std::vector<HPDF_UINT16> gids(max, 0);
  for (const char32_t cp : codes)
    gids[cp] = HPDF_TTFontDef_GetGlyphid(fontdef, static_cast<HPDF_UINT16>(cp));
  array = HPDF_Array_New(font->mmgr);
  if (!array || HPDF_Dict_Add(font, "W", array) != HPDF_OK) return nullptr;
  // The codes not drawn (most of them) share glyph 0's width: asked once, not per code.
  const HPDF_INT notdef_width = HPDF_TTFontDef_GetGidWidth(fontdef, 0);
  const auto width_of = [&](HPDF_UINT code) {
    return gids[code] == 0 ? notdef_width : HPDF_TTFontDef_GetGidWidth(fontdef, gids[code]);
  };
  // Where that width is the default (as in the fonts fiscgen embeds), /W lists drawn codes only:
  // visiting those alone gives the same runs as visiting every code below the highest.
  if (notdef_width == fontdef->missing_width
          ? !add_drawn_widths(array, fontdef->missing_width, codes, width_of)
          : !add_widths(array, fontdef->missing_width, max, width_of))
    return nullptr;
  if (fontdef_attr->embedding) {
    attr->map_stream = HPDF_DictStream_New(font->mmgr, xref);
    if (!attr->map_stream || HPDF_Dict_Add(font, "CIDToGIDMap", attr->map_stream) != HPDF_OK)
      return nullptr;
    std::vector<HPDF_BYTE> map(std::size_t{max} * 2, 0);
    for (std::size_t i = 0; i < max; ++i) {
      map[2 * i] = static_cast<HPDF_BYTE>(gids[i] >> 8);
      map[2 * i + 1] = static_cast<HPDF_BYTE>(gids[i]);
    }
    if (HPDF_Stream_Write(attr->map_stream->stream, map.data(), max * 2) != HPDF_OK) return nullptr;
  }
  HPDF_Dict cid_system_info = HPDF_Dict_New(parent->mmgr);
  if (!cid_system_info || HPDF_Dict_Add(font, "CIDSystemInfo", cid_system_info) != HPDF_OK)
    return nullptr;
  ret += HPDF_Dict_Add(cid_system_info, "Registry",
                       HPDF_String_New(parent->mmgr, encoder_attr->registry, nullptr));
  ret += HPDF_Dict_Add(cid_system_info, "Ordering",
                       HPDF_String_New(parent->mmgr, encoder_attr->ordering, nullptr));
  ret += HPDF_Dict_AddNumber(cid_system_info, "Supplement", encoder_attr->suppliment);
  return ret == HPDF_OK ? font : nullptr;
}

}  // namespace

namespace {

using Type0FontNew = HPDF_Font (*)(HPDF_MMgr, HPDF_FontDef, HPDF_Encoder, HPDF_Xref);

/// libharu's own HPDF_Type0Font_New, for every font but a narrowed TrueType one.
HPDF_Font libharu_type0_font(HPDF_MMgr mmgr, HPDF_FontDef fontdef, HPDF_Encoder encoder,
                             HPDF_Xref xref) {
  static const auto original =
      reinterpret_cast<Type0FontNew>(::dlsym(RTLD_NEXT, "HPDF_Type0Font_New"));
  return original ? original(mmgr, fontdef, encoder, xref) : nullptr;
}

}  // namespace

// HPDF_GetFont calls this through libharu's PLT, so this definition takes the place of
// libharu's for the fonts get_unicode_font asks for (a Type0Narrowing in scope). libharu's
// CreateCMap text is not written: get_unicode_font replaces the stream's text and drops the
// keys it added (replace_to_unicode), so the stream is made empty, in the same place.
extern "C" HPDF_Font HPDF_Type0Font_New(HPDF_MMgr mmgr, HPDF_FontDef fontdef, HPDF_Encoder encoder,
                                        HPDF_Xref xref) {
  const std::set<char32_t>* codes = narrowed_code_points;
  if (!codes || codes->empty() || *codes->rbegin() >= 0xFFFF ||
      fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE || encoder->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE)
    return libharu_type0_font(mmgr, fontdef, encoder, xref);
  auto* encoder_attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
  if (HPDF_StrCmp(encoder_attr->ordering, "Identity-H") != 0)
    return libharu_type0_font(mmgr, fontdef, encoder, xref);
  HPDF_Dict font = HPDF_Dict_New(mmgr);
  if (!font) return nullptr;
  font->header.obj_class |= HPDF_OSUBCLASS_FONT;
  auto* extended = static_cast<Type0Attr*>(HPDF_GetMem(mmgr, sizeof(Type0Attr)));
  if (!extended) {
    HPDF_Dict_Free(font);
    return nullptr;
  }
  std::memset(extended, 0, sizeof(Type0Attr));
  HPDF_FontAttr attr = &extended->rec;
  font->write_fn = nullptr;
  font->free_fn = type0_free;
  font->attr = attr;
  attr->writing_mode = encoder_attr->writing_mode;
  attr->text_width_fn = type0_text_width;
  attr->measure_text_fn = type0_measure_text;
  attr->fontdef = fontdef;
  attr->encoder = encoder;
  attr->xref = xref;
  if (HPDF_Xref_Add(xref, font) != HPDF_OK) return nullptr;
  HPDF_STATUS ret = HPDF_OK;
  ret += HPDF_Dict_AddName(font, "Type", "Font");
  ret += HPDF_Dict_AddName(font, "BaseFont", fontdef->base_font);
  ret += HPDF_Dict_AddName(font, "Subtype", "Type0");
  ret += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
  attr->cmap_stream = HPDF_DictStream_New(mmgr, xref);
  if (!attr->cmap_stream) return nullptr;
  ret += HPDF_Dict_Add(font, "ToUnicode", attr->cmap_stream);
  if (ret != HPDF_OK) return nullptr;
  HPDF_Array descendant_fonts = HPDF_Array_New(mmgr);
  if (!descendant_fonts || HPDF_Dict_Add(font, "DescendantFonts", descendant_fonts) != HPDF_OK)
    return nullptr;
  attr->descendant_font = cid_font_type2(font, xref, *codes);
  attr->type = HPDF_FONT_TYPE0_TT;
  if (!attr->descendant_font || HPDF_Array_Add(descendant_fonts, attr->descendant_font) != HPDF_OK)
    return nullptr;
  // Its text is written through the encoder's encode_text_fn: the same, without callbacks.
  if (fiscgen::pdf::haru::is_utf8_encoder(encoder) && encoder->encode_text_fn)
    encoder->encode_text_fn = fiscgen_utf8_encode_text;
  return font;
}
