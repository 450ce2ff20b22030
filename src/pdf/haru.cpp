// RAII document handle and error translation for libharu.

#include "pdf/haru.hpp"

#include <hpdf_doc.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "base/error.hpp"

namespace fiscgen::pdf::haru {

namespace {

/// The memory of the documents open on this thread. libharu makes a document of a thousand and
/// more small blocks and frees them one by one with it: malloc and free were 0.2M instructions
/// of a batch letter's 7.9M. Here blocks are carved from large chunks and never freed alone; the
/// chunks are emptied when the thread's last open document is freed, the first kept for the
/// next. A Doc is made and freed on one thread (it is neither copied nor moved).
class Arena {
 public:
  void* allocate(std::size_t size) {
    size = std::max<std::size_t>(1, (size + alignment - 1) / alignment) * alignment;
    if (size > room_ && !grow(size)) return nullptr;
    void* block = next_;
    next_ += size;
    room_ -= size;
    return block;
  }
  void open() { ++open_; }
  void close() {
    if (--open_ > 0) return;
    // Kept: the first chunk, if it is of the usual size.
    if (!chunks_.empty() && chunks_.front().size != chunk_size) chunks_.clear();
    if (chunks_.size() > 1) chunks_.resize(1);
    next_ = chunks_.empty() ? nullptr : chunks_.front().bytes.get();
    room_ = chunks_.empty() ? 0 : chunk_size;
  }

 private:
  struct Free {
    void operator()(char* bytes) const { std::free(bytes); }
  };
  struct Chunk {
    std::unique_ptr<char, Free> bytes;
    std::size_t size = 0;
  };
  bool grow(std::size_t size) {
    const std::size_t bytes = std::max(size, chunk_size);
    auto* chunk = static_cast<char*>(std::malloc(bytes));
    if (!chunk) return false;
    chunks_.push_back({std::unique_ptr<char, Free>(chunk), bytes});
    next_ = chunk;
    room_ = bytes;
    return true;
  }
  static constexpr std::size_t alignment = alignof(std::max_align_t),
                               chunk_size = std::size_t{256} * 1024;
  std::vector<Chunk> chunks_;
  char* next_ = nullptr;
  std::size_t room_ = 0;
  int open_ = 0;
};

thread_local Arena arena;

}  // namespace

void* HPDF_STDCALL allocate(HPDF_UINT size) {
  return arena.allocate(size);
}

void HPDF_STDCALL release(void* /*block*/) {}

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
  arena.open();
  doc_ = HPDF_NewEx(&Doc::on_error, &allocate, &release, 0, &error_);
  if (!doc_) {
    arena.close();
    throw Error("the PDF library could not start (out of memory?)");
  }
}

Doc::~Doc() {
  if (doc_) HPDF_Free(doc_);
  arena.close();
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
  // The saved document is a memory stream's buffers: copied from them whole, where reading it
  // back went through libharu's stream reader into a string zeroed first.
  if (const HPDF_Stream stream = doc_->stream; stream && stream->type == HPDF_STREAM_MEMORY) {
    std::string bytes;
    bytes.reserve(stream->size);
    const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(stream);
    for (HPDF_UINT i = 0; i < buffers; ++i) {
      HPDF_UINT length = 0;
      const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(stream, i, &length);
      if (!data) break;
      bytes.append(reinterpret_cast<const char*>(data), length);
    }
    check("reading the saved document");
    if (bytes.size() == stream->size) return bytes;
  }
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
