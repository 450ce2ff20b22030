// The only file that reaches into libharu's semi-internal headers (shipped by libhpdf-dev 2.3.0:
// hpdf_doc.h exposes struct _HPDF_Doc_Rec, hpdf_fontdef.h the TrueType loader). If libharu
// gains HPDF_LoadTTFontFromMemory, use that.

#include <dlfcn.h>
#include <hpdf.h>
#include <hpdf_catalog.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <list>
#include <memory>
#include <new>
#include <vector>

#include "pdf/haru.hpp"

namespace fiscgen::pdf::haru {

const char* load_truetype_from_memory(HPDF_Doc doc, const std::vector<std::uint8_t>& data,
                                      const std::string& tag) {
  if (data.empty() || tag.size() != 6) return nullptr;
  const auto size = static_cast<HPDF_UINT>(data.size());
  // One byte more than the data: libharu 2.3's MemStream_SeekFunc finds the buffer holding a
  // position as pos / buffer size, so with a buffer exactly as large as the font a seek to its
  // end (an empty glyph last in 'glyf', read when a width is first asked for) looks for a second
  // buffer that does not exist and fails with HPDF_INVALID_OBJECT (0x1033). Fixed in 2.4.
  HPDF_Stream stream = HPDF_MemStream_New(doc->mmgr, size + 1);
  if (!stream) return nullptr;
  if (HPDF_Stream_Write(stream, data.data(), size) != HPDF_OK ||
      HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK) {
    HPDF_Stream_Free(stream);
    return nullptr;
  }
  // The font definition owns the stream from here on, and frees it on failure too.
  HPDF_FontDef def = HPDF_TTFontDef_Load(doc->mmgr, stream, HPDF_TRUE);
  if (!def) return nullptr;
  char tag_buffer[7];
  std::memcpy(tag_buffer, tag.c_str(), 7);
  HPDF_TTFontDef_SetTagName(def, tag_buffer);
  // Registering hands the definition to the document (freed with it, or at once on failure).
  if (HPDF_Doc_RegisterFontDef(doc, def) != HPDF_OK) return nullptr;
  return def->base_font;
}

namespace {

// libharu's UTF-8 encoder makes every 2-byte code (CID) the code point itself, and its CMap
// encoder table cid_map[hi][lo] holds that identity for all 65,536 codes. HPDF_GetFont builds
// the CIDFont from that table: it looks up a glyph for each of the 65,536 codes, writes /W up to
// the highest one and a CIDToGIDMap of 65,536 x 2 bytes, per font. When the encoder's to_unicode
// function is the table-driven HPDF_CMapEncoder_ToUnicode, it visits only the non-zero entries of
// cid_map, reading the code point from unicode_map. NarrowedEncoder hands HPDF_GetFont such a
// table, holding just the code points the font draws: the encoder's attributes are swapped, for
// the duration of HPDF_GetFont, for a copy whose tables are kept per thread, zero but for the
// entries filled here and cleared again after. (Zeroing, saving and restoring the encoder's own
// 128 KB table for every font instead cost 0.8M instructions a letter.)
class NarrowedEncoder {
 public:
  NarrowedEncoder(HPDF_Encoder encoder, const std::set<char32_t>& code_points)
      : encoder_(encoder), saved_attr_(encoder->attr), narrowed_(kept_tables()) {
    // What follows the two tables (code ranges, registry, ordering, writing mode) is the
    // encoder's own.
    constexpr std::size_t rest = offsetof(HPDF_CMapEncoderAttr_Rec, jww_line_head);
    std::memcpy(reinterpret_cast<char*>(&narrowed_) + rest,
                reinterpret_cast<const char*>(saved_attr_) + rest,
                sizeof(HPDF_CMapEncoderAttr_Rec) - rest);
    // Row 0 is left empty, as the encoder's UTF-8 decoder keeps its state in cid_map[0].
    const auto add = [&](HPDF_UINT16 code) {
      narrowed_.cid_map[slot_ >> 8][slot_ & 0xFF] = code;
      narrowed_.unicode_map[slot_ >> 8][slot_ & 0xFF] = code;
      ++slot_;
    };
    for (const char32_t cp : code_points) add(static_cast<HPDF_UINT16>(cp));
    // libharu writes /W and the CIDToGIDMap for codes *below* the highest one it saw, so one
    // more code (unused, its glyph .notdef) keeps the last real one in both.
    add(static_cast<HPDF_UINT16>(*code_points.rbegin() + 1));
    saved_to_unicode_ = encoder_->to_unicode_fn;
    encoder_->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
    encoder_->attr = &narrowed_;
  }
  ~NarrowedEncoder() {
    encoder_->attr = saved_attr_;
    encoder_->to_unicode_fn = saved_to_unicode_;
    for (std::size_t slot = first_slot; slot < slot_; ++slot) {
      narrowed_.cid_map[slot >> 8][slot & 0xFF] = 0;
      narrowed_.unicode_map[slot >> 8][slot & 0xFF] = 0;
    }
  }
  NarrowedEncoder(const NarrowedEncoder&) = delete;
  NarrowedEncoder& operator=(const NarrowedEncoder&) = delete;

  /// Whether the code points fit: BMP, below U+FFFF (the marker above the last needs a code),
  /// and no more than the table's rows 1-255 hold.
  static bool fits(const std::set<char32_t>& code_points) {
    return !code_points.empty() && *code_points.rbegin() < 0xFFFF &&
           code_points.size() + 1 <= table_size - first_slot && *code_points.begin() > 0;
  }

 private:
  static constexpr std::size_t table_size = std::size_t{256} * 256, first_slot = 256;
  /// This thread's tables: zero once, and zero again after each use. calloc: a block this large
  /// comes from fresh (zero) pages, where value-initialising it wrote 256 KB of zeros per process.
  static HPDF_CMapEncoderAttr_Rec& kept_tables() {
    struct Free {
      void operator()(HPDF_CMapEncoderAttr_Rec* tables) const { std::free(tables); }
    };
    thread_local const std::unique_ptr<HPDF_CMapEncoderAttr_Rec, Free> kept(
        static_cast<HPDF_CMapEncoderAttr_Rec*>(std::calloc(1, sizeof(HPDF_CMapEncoderAttr_Rec))));
    if (!kept) throw std::bad_alloc();
    return *kept;
  }
  HPDF_Encoder encoder_;
  void* saved_attr_;
  HPDF_CMapEncoderAttr_Rec& narrowed_;
  std::size_t slot_ = first_slot;
  HPDF_Encoder_ToUnicode_Func saved_to_unicode_ = nullptr;
};

HPDF_STATUS replace_to_unicode(HPDF_Font font, const std::set<char32_t>& code_points) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  HPDF_Dict cmap = attr->cmap_stream;  // the ToUnicode stream libharu made (see get_unicode_font)
  if (!cmap || !cmap->stream || cmap->stream->type != HPDF_STREAM_MEMORY)
    return HPDF_INVALID_OBJECT;
  HPDF_MemStream_FreeData(cmap->stream);
  const std::string text = unicode_cmap(code_points);
  HPDF_STATUS status =
      HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                        static_cast<HPDF_UINT>(text.size()));
  // The dictionary of an Encoding CMap, meaningless for a ToUnicode stream.
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) {
    if (status != HPDF_OK) break;
    status = HPDF_Dict_RemoveElement(cmap, key);
    if (status == HPDF_DICT_ITEM_NOT_FOUND) status = HPDF_OK;
  }
  return status;
}

// Identity-H needs a CIDFont whose character collection is Adobe-Identity; libharu writes the
// encoder's "Identity-H" as the ordering.
HPDF_STATUS set_identity_ordering(HPDF_Font font) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr->descendant_font) return HPDF_INVALID_OBJECT;
  auto info = static_cast<HPDF_Dict>(
      HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo", HPDF_OCLASS_DICT));
  if (!info) return HPDF_INVALID_OBJECT;
  HPDF_String ordering = HPDF_String_New(font->mmgr, "Identity", nullptr);
  return ordering ? HPDF_Dict_Add(info, "Ordering", ordering) : HPDF_FAILD_TO_ALLOC_MEM;
}

}  // namespace

HPDF_Font get_unicode_font(HPDF_Doc doc, const char* name, const std::set<char32_t>& code_points) {
  if (!name || code_points.empty() || *code_points.rbegin() > 0xFFFF) return nullptr;
  HPDF_Encoder encoder = HPDF_GetEncoder(doc, "UTF-8");
  if (!encoder) return nullptr;
  HPDF_Font font = nullptr;
  // Only the UTF-8 encoder this adapter was written against is narrowed; anything else gets
  // libharu's full tables, which are correct, only large.
  if (encoder->type == HPDF_ENCODER_TYPE_DOUBLE_BYTE &&
      encoder->to_unicode_fn != HPDF_CMapEncoder_ToUnicode && NarrowedEncoder::fits(code_points)) {
    const NarrowedEncoder narrowed(encoder, code_points);
    const Type0Narrowing sized(code_points);
    font = HPDF_GetFont(doc, name, "UTF-8");
  } else {
    font = HPDF_GetFont(doc, name, "UTF-8");
  }
  if (!font) return nullptr;
  HPDF_STATUS status = replace_to_unicode(font, code_points);
  if (status == HPDF_OK) status = set_identity_ordering(font);
  if (status != HPDF_OK) {
    HPDF_RaiseError(&doc->error, status, 0);  // reaches Doc's handler like libharu's own
    return nullptr;
  }
  return font;
}

std::string unicode_cmap(const std::set<char32_t>& code_points) {
  // Runs of consecutive codes; a bfrange may not cross a change of the first byte.
  std::vector<std::pair<unsigned, unsigned>> singles, ranges;
  for (auto it = code_points.begin(); it != code_points.end();) {
    const unsigned first = static_cast<unsigned>(*it);
    unsigned last = first;
    for (++it; it != code_points.end() && *it == last + 1 && ((last + 1) & 0xFF) != 0; ++it) ++last;
    (first == last ? singles : ranges).emplace_back(first, last);
  }
  std::string text =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  char line[40];
  // At most 100 entries per block (PDF 32000-1 §9.10.3, after the CMap specification).
  for (std::size_t from = 0; from < singles.size(); from += 100) {
    const std::size_t to = std::min(singles.size(), from + 100);
    text += std::to_string(to - from) + " beginbfchar\n";
    for (std::size_t i = from; i < to; ++i) {
      std::snprintf(line, sizeof line, "<%04X> <%04X>\n", singles[i].first, singles[i].first);
      text += line;
    }
    text += "endbfchar\n";
  }
  for (std::size_t from = 0; from < ranges.size(); from += 100) {
    const std::size_t to = std::min(ranges.size(), from + 100);
    text += std::to_string(to - from) + " beginbfrange\n";
    for (std::size_t i = from; i < to; ++i) {
      std::snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n", ranges[i].first, ranges[i].second,
                    ranges[i].first);
      text += line;
    }
    text += "endbfrange\n";
  }
  text +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return text;
}

HPDF_STATUS set_trailer_id(HPDF_Doc doc, const std::array<std::uint8_t, 16>& id) {
  HPDF_Array array = HPDF_Array_New(doc->mmgr);
  if (!array) return HPDF_FAILD_TO_ALLOC_MEM;
  HPDF_STATUS status = HPDF_Dict_Add(doc->trailer, "ID", array);  // the dict owns it now
  if (status != HPDF_OK) return status;
  // The two halves are equal: this is the document's first (and only) version.
  for (int i = 0; i < 2; ++i) {
    HPDF_Binary part = HPDF_Binary_New(doc->mmgr, const_cast<HPDF_BYTE*>(id.data()),
                                       static_cast<HPDF_UINT>(id.size()));
    if (!part) return HPDF_FAILD_TO_ALLOC_MEM;
    status = HPDF_Array_Add(array, part);
    if (status != HPDF_OK) return status;
  }
  return HPDF_OK;
}

HPDF_STATUS add_unnumbered_page_label(HPDF_Doc doc, HPDF_UINT page, const std::string& prefix) {
  HPDF_Dict label = HPDF_Dict_New(doc->mmgr);
  if (!label) return HPDF_FAILD_TO_ALLOC_MEM;
  if (!prefix.empty()) {
    // Written as text in the UTF-8 encoder (UTF-16 in the file), as outline titles are.
    HPDF_Encoder utf8 = HPDF_GetEncoder(doc, "UTF-8");
    HPDF_String text = utf8 ? HPDF_String_New(doc->mmgr, prefix.c_str(), utf8) : nullptr;
    if (!text) {
      HPDF_Dict_Free(label);
      return HPDF_FAILD_TO_ALLOC_MEM;
    }
    const HPDF_STATUS status = HPDF_Dict_Add(label, "P", text);  // the dict owns it now
    if (status != HPDF_OK) {
      HPDF_Dict_Free(label);
      return status;
    }
  }
  // The catalog's /Nums array owns the label from here on.
  return HPDF_Catalog_AddPageLabel(doc->catalog, page, label);
}

HPDF_STATUS set_destination_keep_zoom(HPDF_Doc doc, HPDF_Destination dst, HPDF_Page page,
                                      HPDF_REAL left, HPDF_REAL top) {
  // Rebuild the array the way HPDF_Destination_SetXYZ does, with a null zoom at the end.
  HPDF_Array_Clear(dst);
  HPDF_STATUS status = HPDF_Array_Add(dst, page);
  if (status == HPDF_OK) status = HPDF_Array_AddName(dst, "XYZ");
  if (status == HPDF_OK) status = HPDF_Array_AddReal(dst, left);
  if (status == HPDF_OK) status = HPDF_Array_AddReal(dst, top);
  if (status == HPDF_OK) {
    HPDF_Null null_zoom = HPDF_Null_New(doc->mmgr);
    status = null_zoom ? HPDF_Array_Add(dst, null_zoom) : HPDF_FAILD_TO_ALLOC_MEM;
  }
  return status;
}

}  // namespace fiscgen::pdf::haru

// libharu 2.3 fills and copies memory one byte at a time in HPDF_MemSet and HPDF_MemCpy, and
// zeroes 128 KB tables with them for every document and every font (the UTF-8 encoder's maps,
// each CIDFont's code map): 9% of a batch's instructions. libharu calls both through its PLT,
// so these definitions, exported from the executable, take their place with the C library's
// memset and memcpy. Same results: both return the end of the range written, as libharu's do.
// Should libharu ever bind them directly, its own are used again, only slower.
extern "C" void* HPDF_MemSet(void* s, HPDF_BYTE c, HPDF_UINT n) {
  std::memset(s, c, n);
  return static_cast<HPDF_BYTE*>(s) + n;
}

extern "C" HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n) {
  // libharu's copies forward a byte at a time; overlapping ranges keep that meaning.
  if (out > in && out < in + n) {
    for (HPDF_UINT i = 0; i < n; ++i) out[i] = in[i];
  } else if (n > 0) {
    std::memcpy(out, in, n);
  }
  return out + n;
}

// libharu 2.3's HPDF_CMapEncoder_InitAttr, called through its PLT when a document first uses
// the UTF-8 encoder, fills the 65,536 entries of the unicode_map one at a time (0.33M
// instructions a document). The same, with the table filled by std::fill_n, which the compiler
// vectorises.
extern "C" HPDF_STATUS HPDF_CMapEncoder_InitAttr(HPDF_Encoder encoder) {
  if (encoder->attr) return HPDF_INVALID_ENCODER;
  HPDF_MMgr mmgr = encoder->mmgr;
  HPDF_CMapEncoderAttr attr = nullptr;
  if (!mmgr->mpool && mmgr->alloc_fn == &fiscgen::pdf::haru::allocate) {
    // A Doc's blocks are malloc's, freed by free: calloc gives this one zeroed, without writing
    // its 256 KB when they are fresh pages, as they are once per process.
    attr = static_cast<HPDF_CMapEncoderAttr>(std::calloc(1, sizeof(HPDF_CMapEncoderAttr_Rec)));
    if (!attr) HPDF_SetError(mmgr->error, HPDF_FAILD_TO_ALLOC_MEM, HPDF_NOERROR);
  } else {
    attr = static_cast<HPDF_CMapEncoderAttr>(HPDF_GetMem(mmgr, sizeof(HPDF_CMapEncoderAttr_Rec)));
    if (attr) std::memset(attr, 0, sizeof(HPDF_CMapEncoderAttr_Rec));
  }
  if (!attr) return encoder->error->error_no;
  encoder->attr = attr;
  attr->writing_mode = HPDF_WMODE_HORIZONTAL;
  // Undefined characters are drawn as a square (U+25A1), as libharu has it.
  std::fill_n(&attr->unicode_map[0][0], std::size_t{256} * 256, HPDF_UNICODE{0x25A1});
  attr->cmap_range = HPDF_List_New(encoder->mmgr, HPDF_DEF_RANGE_TBL_NUM);
  if (!attr->cmap_range) return encoder->error->error_no;
  attr->notdef_range = HPDF_List_New(encoder->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
  if (!attr->notdef_range) return encoder->error->error_no;
  attr->code_space_range = HPDF_List_New(encoder->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
  if (!attr->code_space_range) return encoder->error->error_no;
  return HPDF_OK;
}

namespace {

using DeflateFunction = HPDF_STATUS (*)(HPDF_Stream, HPDF_Stream, HPDF_Encrypt);

/// libharu's own HPDF_Stream_WriteToStreamWithDeflate, for what the one below does not handle.
HPDF_STATUS libharu_deflate(HPDF_Stream src, HPDF_Stream dst, HPDF_Encrypt e) {
  static const auto original =
      reinterpret_cast<DeflateFunction>(::dlsym(RTLD_NEXT, "HPDF_Stream_WriteToStreamWithDeflate"));
  return original ? original(src, dst, e) : HPDF_UNSUPPORTED_FUNC;
}

/// One libdeflate compressor per thread (batch workers compress at once), made on first use.
libdeflate_compressor* compressor() {
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  // Level 6, zlib's default and libharu's: smaller than zlib's output at about a third of the
  // time (issue 19). The same bytes in always give the same bytes out.
  thread_local const std::unique_ptr<libdeflate_compressor, Free> kept(
      libdeflate_alloc_compressor(6));
  return kept.get();
}

/// The last streams compressed on this thread and what they compressed to, newest first. The
/// documents of a batch mostly embed the same font subsets, with the same CIDToGIDMap and
/// ToUnicode streams (fonts::Font keeps recent subsets): their deflate was 9% of a batch's
/// instructions. libdeflate gives the same bytes for the same input, so a stream found here
/// (compared byte by byte) gets exactly what compressing it again would give.
class RecentStreams {
 public:
  const std::vector<HPDF_BYTE>* find(const std::vector<HPDF_BYTE>& in) {
    for (auto it = kept_.begin(); it != kept_.end(); ++it)
      if (it->first == in) {
        if (it != kept_.begin()) kept_.splice(kept_.begin(), kept_, it);
        return &kept_.front().second;
      }
    return nullptr;
  }
  void keep(std::vector<HPDF_BYTE> in, std::vector<HPDF_BYTE> out) {
    // Small streams (a page's text, mostly its own) cost little to compress again.
    if (in.size() < min_size) return;
    kept_.emplace_front(std::move(in), std::move(out));
    if (kept_.size() > max_kept) kept_.pop_back();
  }

 private:
  static constexpr std::size_t min_size = 1024, max_kept = 8;
  std::list<std::pair<std::vector<HPDF_BYTE>, std::vector<HPDF_BYTE>>> kept_;
};

}  // namespace

// libharu compresses every stream it writes (page contents, font programs, CMaps) with zlib,
// one 4 KB buffer at a time: 12% of a batch's instructions. It calls this function through
// its PLT, so this definition takes its place: the stream's memory buffers compressed whole by
// libdeflate into the zlib format FlateDecode reads. Encrypted output (which fiscgen never
// asks for) and streams not held in memory go to libharu's own.
extern "C" HPDF_STATUS HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst,
                                                            HPDF_Encrypt e) {
  libdeflate_compressor* deflater = compressor();
  if (e || !deflater || src->type != HPDF_STREAM_MEMORY) return libharu_deflate(src, dst, e);
  std::vector<HPDF_BYTE> in;
  in.reserve(src->size);
  const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(src);
  for (HPDF_UINT i = 0; i < buffers; ++i) {
    HPDF_UINT length = 0;
    const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(src, i, &length);
    if (!data) return HPDF_Error_GetCode(src->error);
    in.insert(in.end(), data, data + length);
  }
  if (in.size() != src->size) return libharu_deflate(src, dst, e);
  thread_local RecentStreams recent;
  if (const auto* kept = recent.find(in))
    return HPDF_Stream_Write(dst, kept->data(), static_cast<HPDF_UINT>(kept->size()));
  std::vector<HPDF_BYTE> out(libdeflate_zlib_compress_bound(deflater, in.size()));
  const std::size_t size =
      libdeflate_zlib_compress(deflater, in.data(), in.size(), out.data(), out.size());
  if (size == 0) return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, 0);
  out.resize(size);
  const HPDF_STATUS status = HPDF_Stream_Write(dst, out.data(), static_cast<HPDF_UINT>(size));
  if (status == HPDF_OK) recent.keep(std::move(in), std::move(out));
  return status;
}
