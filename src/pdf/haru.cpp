// RAII document handle and error translation for libharu.

#include "pdf/haru.hpp"

#include <cstdio>
#include <cstdlib>

#include "base/error.hpp"

namespace fiscgen::pdf::haru {

// libharu's own allocator is malloc and free; these are the same, named so that
// HPDF_CMapEncoder_InitAttr (haru_internals.cpp) knows a block it allocates may come from calloc.
void* HPDF_STDCALL allocate(HPDF_UINT size) {
  return std::malloc(size);
}

void HPDF_STDCALL release(void* block) {
  std::free(block);
}

std::string describe_error(HPDF_STATUS code, HPDF_STATUS detail) {
  const char* what = nullptr;
  switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM:
      what = "out of memory";
      break;
    case HPDF_DUPLICATE_REGISTRATION:
      what = "two embedded fonts have the same PostScript name";
      break;
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
      what = "the font's licence (OS/2 fsType) forbids embedding";
      break;
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_MISSING_TABLE:
      what = "the font is not a TrueType font libharu can read";
      break;
    case HPDF_PAGE_INVALID_SIZE:
      what = "the page size is outside 3-14400 points";
      break;
    case HPDF_PAGE_INVALID_FONT_SIZE:
      what = "a font size is outside what PDF viewers accept";
      break;
    case HPDF_INVALID_PARAMETER:
    case HPDF_REAL_OUT_OF_RANGE:
      what = "a number is out of range (negative, NaN or too large)";
      break;
    case HPDF_STRING_OUT_OF_RANGE:
      what = "a string is too long";
      break;
    case HPDF_INVALID_URI:
      what = "a link's URI is invalid";
      break;
    case HPDF_INVALID_DATE_TIME:
      what = "the date is invalid";
      break;
    case HPDF_ZLIB_ERROR:
      what = "compression failed";
      break;
    default:
      break;
  }
  char code_text[48];
  std::snprintf(code_text, sizeof code_text, "libharu error 0x%04X/%u", static_cast<unsigned>(code),
                static_cast<unsigned>(detail));
  return what ? std::string(what) + " (" + code_text + ")" : std::string(code_text);
}

void HPDF_STDCALL Doc::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
  // Called from C: record only, never throw. Keep the first error; later ones are fallout.
  auto* state = static_cast<ErrorState*>(user_data);
  if (state->code == HPDF_OK) {
    state->code = code;
    state->detail = detail;
  }
}

Doc::Doc() {
  doc_ = HPDF_NewEx(&Doc::on_error, &allocate, &release, 0, &error_);
  if (!doc_) throw Error("the PDF library could not start (out of memory?)");
}

Doc::~Doc() {
  if (doc_) HPDF_Free(doc_);
}

void Doc::check(std::string_view doing) {
  check(HPDF_OK, doing);
}

void Doc::check(HPDF_STATUS status, std::string_view doing) {
  if (error_.code == HPDF_OK && status == HPDF_OK) return;
  const HPDF_STATUS code = error_.code != HPDF_OK ? error_.code : status;
  const HPDF_STATUS detail = error_.code != HPDF_OK ? error_.detail : 0;
  error_ = {};
  HPDF_ResetError(doc_);
  throw Error("PDF writer, while " + std::string(doing) + ": " + describe_error(code, detail));
}

std::string Doc::save_to_memory() {
  check(HPDF_SaveToStream(doc_), "saving the document");
  const HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  const HPDF_STATUS status =
      HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
  // Reading the whole stream ends at its end: libharu reports that as STREAM_EOF.
  if ((status == HPDF_OK || status == HPDF_STREAM_EOF) && read == size) {
    if (error_.code == HPDF_STREAM_EOF) {
      error_ = {};
      HPDF_ResetError(doc_);
    }
    check("reading the saved document");
    return bytes;
  }
  check(status == HPDF_OK ? HPDF_STREAM_EOF : status, "reading the saved document");
  return bytes;  // not reached: check() threw
}

}  // namespace fiscgen::pdf::haru
