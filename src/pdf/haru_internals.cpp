// The only file that reaches into libharu's semi-internal headers (shipped by libhpdf-dev 2.3.0:
// hpdf_doc.h exposes struct _HPDF_Doc_Rec, hpdf_fontdef.h the TrueType loader). Verified in
// /work/shared/library-probe.md §1.3; if libharu gains HPDF_LoadTTFontFromMemory, use that.

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include <cstring>

#include "pdf/haru.hpp"

namespace fiscgen::pdf::haru {

const char* load_truetype_from_memory(HPDF_Doc doc, const std::vector<std::uint8_t>& data,
                                      const std::string& tag) {
  if (data.empty() || tag.size() != 6) return nullptr;
  const auto size = static_cast<HPDF_UINT>(data.size());
  HPDF_Stream stream = HPDF_MemStream_New(doc->mmgr, size);
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
