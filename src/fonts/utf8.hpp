// UTF-8 decoding shared by fonts/ (measuring) and pdf/ (collecting code points). Internal helper,
// not a stage interface.
#pragma once

#include <cstddef>
#include <string_view>

namespace fiscgen::fonts {

/// Decodes the code point starting at `pos` in `text` into `cp` and advances `pos` past it.
/// Returns false (and advances by one byte) on malformed input: overlong forms, surrogates,
/// code points above U+10FFFF and truncated sequences are all rejected.
inline bool next_code_point(std::string_view text, std::size_t& pos, char32_t& cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    cp = lead;
    pos += 1;
    return true;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    pos += 1;
    return false;
  }
  if (pos + length > text.size()) {
    pos += 1;
    return false;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) {
      pos += 1;
      return false;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    pos += 1;
    return false;
  }
  pos += length;
  return true;
}

}  // namespace fiscgen::fonts
