// libharu 2.3's UTF-8 encoder (hpdf_encoder_utf.c) reads text a byte at a time through two
// callbacks per byte; this is the same reading, state machine and all, in a loop.

#include <hpdf.h>
#include <hpdf_encoder.h>

#include <cstdlib>
#include <cstring>

#include "pdf/haru.hpp"

namespace fiscgen::pdf::haru {
namespace {

/// The encoder's state, as libharu keeps it at the start of its CMap table (UTF8_EncoderAttr).
struct Utf8State {
  HPDF_BYTE current_byte;
  HPDF_BYTE end_byte;
  HPDF_BYTE utf8_bytes[8];
};
static_assert(sizeof(Utf8State) <= sizeof(HPDF_CMapEncoderAttr_Rec::cid_map[0]));

}  // namespace

Utf8Reader::Utf8Reader(HPDF_Encoder encoder) : encoder_(encoder) {
  const auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
  Utf8State state;
  std::memcpy(&state, attr->cid_map[0], sizeof state);
  // UTF8_Encoder_ByteType_Func starts each text with current_byte 0, end_byte as it was.
  current_ = 0;
  end_ = state.end_byte;
  std::memcpy(bytes_, state.utf8_bytes, sizeof bytes_);
}

Utf8Reader::~Utf8Reader() {
  // Left as libharu's callbacks would leave it.
  auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder_->attr);
  Utf8State state;
  state.current_byte = current_;
  state.end_byte = end_;
  std::memcpy(state.utf8_bytes, bytes_, sizeof bytes_);
  std::memcpy(attr->cid_map[0], &state, sizeof state);
}

int Utf8Reader::next(HPDF_BYTE byte) {
  // UTF8_Encoder_ByteType_Func: -1 where it answers HPDF_BYTE_TYPE_TRIAL.
  if (current_ == 0) {
    bytes_[0] = byte;
    current_ = 1;
    if (!(byte & 0x80)) {
      current_ = 0;
      end_ = 0;
      return to_unicode();
    }
    if ((byte & 0xf8) == 0xf0)
      end_ = 3;
    else if ((byte & 0xf0) == 0xe0)
      end_ = 2;
    else if ((byte & 0xe0) == 0xc0)
      end_ = 1;
    else
      current_ = 0;  // not a first byte: skipped
    return -1;
  }
  bytes_[current_] = byte;
  if (current_ == end_) {
    current_ = 0;
    return to_unicode();
  }
  ++current_;
  return -1;
}

int Utf8Reader::to_unicode() const {
  // UTF8_Encoder_ToUnicode_Func, its arithmetic included (the second of four bytes unmasked).
  unsigned value = 0;
  switch (end_) {
    case 3:
      value = ((bytes_[0] & 0x7u) << 18) + (unsigned{bytes_[1]} << 12) +
              ((bytes_[2] & 0x3fu) << 6) + (bytes_[3] & 0x3fu);
      break;
    case 2:
      value = ((bytes_[0] & 0xfu) << 12) + ((bytes_[1] & 0x3fu) << 6) + (bytes_[2] & 0x3fu);
      break;
    case 1:
      value = ((bytes_[0] & 0x1fu) << 6) + (bytes_[1] & 0x3fu);
      break;
    case 0:
      value = bytes_[0];
      break;
    default:
      value = 32;
  }
  return static_cast<int>(value > 65535 ? 32 : value);
}

bool is_utf8_encoder(HPDF_Encoder encoder) {
  return encoder && encoder->type == HPDF_ENCODER_TYPE_DOUBLE_BYTE && encoder->attr &&
         std::strcmp(encoder->name, "UTF-8") == 0;
}

}  // namespace fiscgen::pdf::haru

// UTF8_Encoder_EncodeText_Func: the text as UTF-16BE code units (one per character read, those
// beyond U+FFFF as spaces), in a malloc'd block libharu frees.
extern "C" char* fiscgen_utf8_encode_text(HPDF_Encoder encoder, const char* text, HPDF_UINT len,
                                          HPDF_UINT* length) {
  auto* result = static_cast<char*>(std::malloc(std::size_t{len} * 2));
  char* out = result;
  fiscgen::pdf::haru::Utf8Reader reader(encoder);
  for (HPDF_UINT i = 0; i < len; ++i) {
    const int unicode = reader.next(static_cast<HPDF_BYTE>(text[i]));
    if (unicode < 0) continue;
    *out++ = static_cast<char>(unicode >> 8);
    *out++ = static_cast<char>(unicode & 0xFF);
  }
  *length = static_cast<HPDF_UINT>(out - result);
  return result;
}
