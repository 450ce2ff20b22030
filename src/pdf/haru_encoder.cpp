// libharu 2.3's UTF-8 encoder and the Type 0 fonts drawn through it: the encoder's attributes,
// made once per thread and lent to each document, and the font dictionaries narrowed to the code
// points a font draws. Reaches into libhpdf-dev 2.3.0's semi-internal headers, like
// haru_internals.cpp.

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_mmgr.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/haru.hpp"

namespace fiscgen::pdf::haru {

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
  /// This thread's tables: zero once, and zero again after each use. calloc: where the block
  /// comes from fresh pages (a mapping of its own, or heap never used) it is not cleared again,
  /// where value-initialising it always wrote 256 KB of zeros.
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

namespace {

/// Appends "<XXXX>", `code` in (at least four) capital hex digits, as printf's "<%04X>" writes it
/// (a thousand codes a motion: printf was a quarter of this function).
void append_code(std::string& out, unsigned code) {
  if (code > 0xFFFF) {
    char wide[16];
    std::snprintf(wide, sizeof wide, "<%04X>", code);
    out += wide;
    return;
  }
  constexpr const char* digits = "0123456789ABCDEF";
  const char text[6] = {'<',
                        digits[code >> 12],
                        digits[(code >> 8) & 0xF],
                        digits[(code >> 4) & 0xF],
                        digits[code & 0xF],
                        '>'};
  out.append(text, sizeof text);
}

/// `count` entries in blocks of at most 100 (PDF 32000-1 §9.10.3, after the CMap
/// specification), each block "N beginKIND" ... "endKIND", entry i written by `entry` on a line.
template <typename Entry>
void append_blocks(std::string& text, std::size_t count, std::string_view kind,
                   const Entry& entry) {
  for (std::size_t from = 0; from < count; from += 100) {
    const std::size_t to = std::min(count, from + 100);
    text += std::to_string(to - from);
    text += " begin";
    text += kind;
    text += '\n';
    for (std::size_t i = from; i < to; ++i) {
      entry(i);
      text += '\n';
    }
    text += "end";
    text += kind;
    text += '\n';
  }
}

}  // namespace

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
  append_blocks(text, singles.size(), "bfchar", [&](std::size_t i) {
    append_code(text, singles[i].first);
    text += ' ';
    append_code(text, singles[i].first);
  });
  append_blocks(text, ranges.size(), "bfrange", [&](std::size_t i) {
    append_code(text, ranges[i].first);
    text += ' ';
    append_code(text, ranges[i].second);
    text += ' ';
    append_code(text, ranges[i].first);
  });
  text +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return text;
}

}  // namespace fiscgen::pdf::haru

namespace {

/// What HPDF_CMapEncoder_InitAttr makes of a new block: both tables' 128 KB, the unicode_map
/// filled with U+25A1 (libharu draws undefined characters as a square), the rest zero.
void initialise(HPDF_CMapEncoderAttr attr) {
  std::memset(static_cast<void*>(attr), 0, sizeof(HPDF_CMapEncoderAttr_Rec));
  std::fill_n(&attr->unicode_map[0][0], std::size_t{256} * 256, HPDF_UNICODE{0x25A1});
}

/// This thread's UTF-8 encoder attributes, lent to one document at a time. Zeroing and filling
/// a new 256 KB block was 0.3M instructions of a batch letter's 8.5M. A document changes only
/// the UTF-8 decoder's state, which libharu keeps at the start of cid_map[0], and the fields
/// after the tables: give_back() makes those as new (the encoder's lists are freed first).
class LentAttributes {
 public:
  /// The block if no document of this thread holds it, else nullptr.
  HPDF_CMapEncoderAttr lend() {
    if (lent_) return nullptr;
    if (!block_) {
      block_.reset(
          static_cast<HPDF_CMapEncoderAttr>(std::malloc(sizeof(HPDF_CMapEncoderAttr_Rec))));
      if (!block_) return nullptr;
      initialise(block_.get());
    }
    lent_ = true;
    return block_.get();
  }
  bool owns(const void* attr) const { return attr == block_.get(); }
  void give_back() {
    HPDF_CMapEncoderAttr attr = block_.get();
    std::memset(attr->cid_map[0], 0, sizeof attr->cid_map[0]);
    constexpr std::size_t tail = offsetof(HPDF_CMapEncoderAttr_Rec, jww_line_head);
    std::memset(reinterpret_cast<char*>(attr) + tail, 0, sizeof(HPDF_CMapEncoderAttr_Rec) - tail);
    lent_ = false;
  }
  ~LentAttributes() {
    // A document still holding it (never, in fiscgen) keeps it: leaked rather than freed twice.
    if (lent_) static_cast<void>(block_.release());
  }

 private:
  struct Free {
    void operator()(HPDF_CMapEncoderAttr attr) const { std::free(attr); }
  };
  std::unique_ptr<HPDF_CMapEncoderAttr_Rec, Free> block_;
  bool lent_ = false;
};

thread_local LentAttributes lent_attributes;

void free_list(HPDF_MMgr mmgr, HPDF_List list) {
  if (!list) return;
  for (HPDF_UINT i = 0; i < list->count; ++i) HPDF_FreeMem(mmgr, HPDF_List_ItemAt(list, i));
  HPDF_List_Free(list);
}

/// libharu's HPDF_CMapEncoder_Free for an encoder holding this thread's lent attributes: the
/// lists freed as libharu frees them, the block given back instead of freed. A document is
/// freed on the thread that made it (haru::Doc is neither copied nor moved).
void give_back_attributes(HPDF_Encoder encoder) {
  auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
  if (!attr) return;
  free_list(encoder->mmgr, attr->cmap_range);
  free_list(encoder->mmgr, attr->notdef_range);
  free_list(encoder->mmgr, attr->code_space_range);
  if (lent_attributes.owns(attr))
    lent_attributes.give_back();
  else
    HPDF_FreeMem(encoder->mmgr, attr);  // not reached: only lent blocks come here
  encoder->attr = nullptr;
}

}  // namespace

// libharu 2.3's HPDF_CMapEncoder_InitAttr, called through its PLT when a document first uses a
// CMap encoder: the attributes, their lists. libharu fills its 65,536-entry unicode_map one
// entry at a time, per document (0.33M instructions); this fills it vectorised, and for the
// UTF-8 encoder of a Doc lends this thread's block, filled once (see LentAttributes).
extern "C" HPDF_STATUS HPDF_CMapEncoder_InitAttr(HPDF_Encoder encoder) {
  if (encoder->attr) return HPDF_INVALID_ENCODER;
  HPDF_MMgr mmgr = encoder->mmgr;
  HPDF_CMapEncoderAttr attr = nullptr;
  const bool ours = !mmgr->mpool && mmgr->alloc_fn == &fiscgen::pdf::haru::allocate;
  // Other CMap encoders (Chinese, Japanese, Korean) fill the tables: never lent.
  if (ours && std::strcmp(encoder->name, "UTF-8") == 0 &&
      encoder->free_fn == HPDF_CMapEncoder_Free) {
    attr = lent_attributes.lend();
    if (attr) encoder->free_fn = give_back_attributes;
  }
  if (!attr) {
    attr = static_cast<HPDF_CMapEncoderAttr>(HPDF_GetMem(mmgr, sizeof(HPDF_CMapEncoderAttr_Rec)));
    if (!attr) return encoder->error->error_no;
    std::memset(static_cast<void*>(attr), 0, sizeof(HPDF_CMapEncoderAttr_Rec));
    std::fill_n(&attr->unicode_map[0][0], std::size_t{256} * 256, HPDF_UNICODE{0x25A1});
  }
  encoder->attr = attr;
  attr->writing_mode = HPDF_WMODE_HORIZONTAL;
  attr->cmap_range = HPDF_List_New(encoder->mmgr, HPDF_DEF_RANGE_TBL_NUM);
  if (!attr->cmap_range) return encoder->error->error_no;
  attr->notdef_range = HPDF_List_New(encoder->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
  if (!attr->notdef_range) return encoder->error->error_no;
  attr->code_space_range = HPDF_List_New(encoder->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
  if (!attr->code_space_range) return encoder->error->error_no;
  return HPDF_OK;
}
