// UTF-8 decoding and encoding, and how messages name a code point: one home for what fonts/,
// layout/, i18n/ and pdf/ each had a copy of.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace fiscgen::utf8 {

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

/// Appends the UTF-8 form of `cp` (at most U+10FFFF) to `out`.
inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// "U+0378": how messages name a code point.
inline std::string hex(char32_t cp) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(cp));
  return text;
}

/// "U+00E9 (é)": the code point and the character.
inline std::string name(char32_t cp) {
  std::string out = hex(cp) + " (";
  append(out, cp);
  return out + ")";
}

}  // namespace fiscgen::utf8
