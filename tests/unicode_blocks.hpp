// The Unicode blocks users type in names and words, and the characters of each that a document
// can hold, as ICU's character data says (not a hand-picked list): tests draw from these.
#pragma once

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <string>
#include <vector>

#include "base/utf8.hpp"

namespace test_support {

struct Block {
  const char* name;
  char32_t first, last;
};

inline constexpr Block typed_blocks[] = {
    {"Latin-1 Supplement", 0x00A0, 0x00FF},  {"Latin Extended-A", 0x0100, 0x017F},
    {"Latin Extended-B", 0x0180, 0x024F},    {"Latin Extended Additional", 0x1E00, 0x1EFF},
    {"Greek and Coptic", 0x0370, 0x03FF},    {"Cyrillic", 0x0400, 0x04FF},
    {"General Punctuation", 0x2000, 0x206F},
};

/// What a reader of the PDF sees of a character.
enum class Visibility {
  drawn,      // a glyph: pdftotext gives the character back
  spacing,    // a space or a line or paragraph separator: read back as white space
  invisible,  // a format control (joiners, direction marks): nothing drawn
};

/// Every assigned character of `block` that is not a C0/C1 control.
inline std::vector<char32_t> characters_of(const Block& block) {
  std::vector<char32_t> out;
  for (char32_t cp = block.first; cp <= block.last; ++cp) {
    const auto type = u_charType(static_cast<UChar32>(cp));
    if (type != U_UNASSIGNED && type != U_CONTROL_CHAR) out.push_back(cp);
  }
  return out;
}

inline Visibility visibility(char32_t cp) {
  const auto type = u_charType(static_cast<UChar32>(cp));
  if (type == U_SPACE_SEPARATOR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR)
    return Visibility::spacing;
  if (type == U_FORMAT_CHAR ||
      u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
    return Visibility::invisible;
  return Visibility::drawn;
}

/// Whether the character is its own NFC form: the input is normalised, so U+0374 GREEK
/// NUMERAL SIGN comes back as U+02B9, and a generator expecting it back must not draw it.
inline bool nfc_stable(char32_t cp) {
  return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

/// UTF-8 of one code point.
inline std::string utf8(char32_t cp) {
  std::string out;
  fiscgen::utf8::append(out, cp);
  return out;
}

}  // namespace test_support
