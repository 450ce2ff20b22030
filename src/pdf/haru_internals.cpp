// Routes through libharu's semi-internal headers (shipped by libhpdf-dev 2.3.0: hpdf_doc.h
// exposes struct _HPDF_Doc_Rec, hpdf_fontdef.h the TrueType loader), as haru_encoder.cpp,
// haru_type0.cpp and haru_font_program.cpp do. If libharu gains HPDF_LoadTTFontFromMemory, use
// that.

#include <dlfcn.h>
#include <hpdf.h>
#include <hpdf_catalog.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <list>
#include <memory>
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
/// (compared byte by byte) gets exactly what compressing it again would give. Small streams are
/// kept too: a ToUnicode CMap or CIDToGIDMap of a few hundred bytes cost libdeflate 25K
/// instructions, mostly its set-up; a page's text, its own, only passes through.
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
  void keep(std::vector<HPDF_BYTE> in, const HPDF_BYTE* out, std::size_t size) {
    kept_.emplace_front(std::move(in), std::vector<HPDF_BYTE>(out, out + size));
    if (kept_.size() > max_kept) kept_.pop_back();
  }

 private:
  // A letter's fonts have four recurring streams each: sixteen leave room for the new ones.
  static constexpr std::size_t max_kept = 16;
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
  // Not zeroed first: libdeflate writes what it returns.
  const std::size_t bound = libdeflate_zlib_compress_bound(deflater, in.size());
  const auto out = std::make_unique_for_overwrite<HPDF_BYTE[]>(bound);
  const std::size_t size =
      libdeflate_zlib_compress(deflater, in.data(), in.size(), out.get(), bound);
  if (size == 0) return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, 0);
  const HPDF_STATUS status = HPDF_Stream_Write(dst, out.get(), static_cast<HPDF_UINT>(size));
  if (status == HPDF_OK) recent.keep(std::move(in), out.get(), size);
  return status;
}
