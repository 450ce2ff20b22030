// Text-level services: UTF-8 checking, NFC, case mapping and line-break opportunities.
#include <unicode/brkiter.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/timezone.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/utf8.hpp"
#include "i18n/i18n.hpp"
#include "i18n/icu_util.hpp"

namespace fiscgen::i18n {

void check_locale_name(const std::string& name) {
  constexpr std::size_t max_length = 64;
  bool valid = !name.empty() && name.size() <= max_length;
  std::size_t subtag = 0, length = 0, letters = 0;
  for (std::size_t i = 0; valid && i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : '_';
    if (c == '_' || c == '-') {
      // The language: 2 or 3 letters, or "root"; then subtags of 1 to 8 letters or digits.
      valid = subtag == 0 ? ((length == 2 || length == 3) && letters == length) ||
                                name.compare(0, i, "root") == 0
                          : length >= 1 && length <= 8;
      ++subtag;
      length = letters = 0;
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      ++length;
      letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
    } else {
      valid = false;
    }
  }
  if (valid) return;
  std::size_t cut = std::min<std::size_t>(name.size(), 40);
  while (cut > 0 && cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
    --cut;  // not inside a character
  const std::string shown = name.substr(0, cut) + (cut < name.size() ? "…" : "");
  throw Error("\"" + shown +
              "\" is not a locale name: expected a language code, then a script or region if "
              "any (en, en_US, fr_CA, sr_Latn_RS)");
}
namespace {

// tab, LF and CR are the only controls XML text may meaningfully carry; DEL and the C1 range
// are rejected with C0 because they print as nothing and usually mean a mis-decoded file.
bool is_forbidden_control(char32_t c) {
  if (c == U'\t' || c == U'\n' || c == U'\r') return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

}  // namespace

void initialise() {
  UErrorCode status = U_ZERO_ERROR;
  // "root", not the user's LANG: ures_open falls back to the default locale (library-probe §2).
  uloc_setDefault("root", &status);
  icu::Locale::setDefault(icu::Locale::getRoot(), status);
  // Dates are calendar days, so every formatter (MessageFormat's sub-formats included) works in
  // GMT; a TZ west of Greenwich would otherwise show the day before.
  icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone("GMT"));
}

std::size_t invalid_utf8_at(std::string_view utf8) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t c = 0, minimum = 0;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2, c = b & 0x1F, minimum = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3, c = b & 0x0F, minimum = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4, c = b & 0x07, minimum = 0x10000;
    } else {
      return i;
    }
    if (i + length > n) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      c = (c << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
    if (c < minimum || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string normalise(std::string_view utf8, const SourceLocation& where) {
  if (const auto bad = invalid_utf8_at(utf8); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(utf8[bad]));
    throw Error(where, "invalid UTF-8 at byte " + std::to_string(bad) + " (" + byte +
                           "); save the file as UTF-8");
  }
  bool ascii = true;
  std::size_t offset = 0;
  for (const char32_t c : to_utf32(utf8)) {
    if (is_forbidden_control(c))
      throw Error(where, "control character " + fiscgen::utf8::hex(c) + " at byte " +
                             std::to_string(offset) + " is not allowed in text");
    if (c >= 0x80) ascii = false;
    offset += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  if (ascii) return std::string(utf8);  // ASCII is always NFC

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  check(status, "loading the NFC normaliser");
  const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  const icu::UnicodeString normal = nfc->normalize(text, status);
  check(status, "normalising to NFC");
  return to_std(normal);
}

CharacterRole character_role(char32_t cp) {
  // Printable ASCII, most of any text, is neither a separator nor default-ignorable: answered
  // without ICU's property lookups (1% of a motion's instructions).
  if (cp >= 0x20 && cp < 0x7F) return CharacterRole::drawn;
  const auto c = static_cast<UChar32>(cp);
  const auto type = u_charType(c);
  if (type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR) return CharacterRole::separator;
  if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return CharacterRole::invisible;
  return CharacterRole::drawn;
}

namespace {

// Every right-to-left character (bidi class R or AL, assigned or not) lies in U+0580-U+08FF,
// U+FB00-U+FEFF, U+10000-U+10FFF or U+1E000-U+1EFFF, and the right-to-left controls are U+200F,
// U+202B, U+202E and U+2067: text holding none of their UTF-8 forms is answered without
// decoding. Checked by bytes, not only by lead byte, so that curly quotes and dashes (U+2000
// block, lead byte 0xE2), in most paragraphs of a brief, do not cost a decoding.
bool may_be_right_to_left(std::string_view utf8) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  const auto high = [](unsigned char c) { return c >= 0xD6; };  // the only lead bytes asked about
  for (std::size_t i = 0; i < n; ++i) {
    i = static_cast<std::size_t>(std::find_if(s + i, s + n, high) - s);
    if (i == n) break;
    const unsigned char lead = s[i];
    if (lead <= 0xDF) return true;  // U+0580-U+07FF
    const unsigned char second = i + 1 < n ? s[i + 1] : 0, third = i + 2 < n ? s[i + 2] : 0;
    switch (lead) {
      case 0xE0:  // U+0800-U+08FF
        if (second >= 0xA0 && second <= 0xA3) return true;
        break;
      case 0xE2:  // RLM U+200F, RLE U+202B, RLO U+202E, RLI U+2067
        if ((second == 0x80 && (third == 0x8F || third == 0xAB || third == 0xAE)) ||
            (second == 0x81 && third == 0xA7))
          return true;
        break;
      case 0xEF:  // U+FB00-U+FEFF
        if (second >= 0xAC && second <= 0xBB) return true;
        break;
      case 0xF0:  // U+10000-U+10FFF, U+1E000-U+1EFFF
        if (second == 0x90 || second == 0x9E) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

bool has_right_to_left(std::string_view utf8) {
  if (!may_be_right_to_left(utf8)) return false;
  for (const char32_t cp : to_utf32(utf8)) {
    const auto direction = u_charDirection(static_cast<UChar32>(cp));
    if (direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC ||
        direction == U_RIGHT_TO_LEFT_EMBEDDING || direction == U_RIGHT_TO_LEFT_OVERRIDE ||
        direction == U_RIGHT_TO_LEFT_ISOLATE)
      return true;
  }
  return false;
}

struct BidiDeleter {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};

}  // namespace

std::vector<std::uint8_t> bidi_levels(std::string_view utf8) {
  if (!has_right_to_left(utf8)) return {};
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, BidiDeleter> bidi(ubidi_open());
  if (!bidi) return {};
  ubidi_setPara(bidi.get(), text.getBuffer(), text.length(), UBIDI_LTR, nullptr, &status);
  const UBiDiLevel* levels = U_SUCCESS(status) ? ubidi_getLevels(bidi.get(), &status) : nullptr;
  if (!levels || U_FAILURE(status)) return {};
  // From UTF-16 units to UTF-8 bytes: each code point's level on every byte of it.
  std::vector<std::uint8_t> out(utf8.size(), 0);
  std::size_t byte = 0;
  for (int32_t unit = 0; unit < text.length() && byte < utf8.size();) {
    const UChar32 cp = text.char32At(unit);
    const std::size_t bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (std::size_t k = 0; k < bytes && byte < utf8.size(); ++k) out[byte++] = levels[unit];
    unit += U16_LENGTH(cp);
  }
  return out;
}

std::vector<int> visual_order(const std::vector<std::uint8_t>& levels) {
  std::vector<int> order(levels.size());
  if (levels.empty()) return order;
  ubidi_reorderVisual(reinterpret_cast<const UBiDiLevel*>(levels.data()),
                      static_cast<int32_t>(levels.size()), order.data());
  return order;
}

char32_t mirrored(char32_t cp) {
  return static_cast<char32_t>(u_charMirror(static_cast<UChar32>(cp)));
}

std::string shape_arabic(std::string_view utf8) {
  if (!may_be_right_to_left(utf8)) return std::string(utf8);
  bool arabic = false;
  for (const char32_t cp : to_utf32(utf8))
    arabic = arabic || u_charDirection(static_cast<UChar32>(cp)) == U_RIGHT_TO_LEFT_ARABIC;
  if (!arabic) return std::string(utf8);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Logical order (U_SHAPE_TEXT_DIRECTION_LOGICAL) and a length free to change
  // (U_SHAPE_LENGTH_GROW_SHRINK) are ICU's defaults, both 0: only the letters are asked for.
  const uint32_t options = U_SHAPE_LETTERS_SHAPE;
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> out(static_cast<std::size_t>(text.length()) + 16);
  const int32_t length = u_shapeArabic(text.getBuffer(), text.length(), out.data(),
                                       static_cast<int32_t>(out.size()), options, &status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string shaped;
  icu::UnicodeString(out.data(), length).toUTF8String(shaped);
  return shaped;
}

namespace {

/// Where byte `offset` of `text` is, counting lines and characters from `start` (where the
/// text's first byte is).
SourceLocation locate_in(std::string_view text, std::size_t offset, SourceLocation start) {
  if (start.line <= 0) return start;  // no place to count from
  if (start.column <= 0) start.column = 1;
  for (std::size_t at = 0; at < offset && at < text.size(); ++at) {
    if (text[at] == '\n') {
      ++start.line;
      start.column = 1;
    } else if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) {
      ++start.column;  // a character starts here
    }
  }
  return start;
}

}  // namespace

std::string normalise_plain_text(std::string_view utf8, const SourceLocation& start) {
  if (const auto bad = invalid_utf8_at(utf8); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(utf8[bad]));
    throw Error(locate_in(utf8, bad, start),
                std::string("invalid UTF-8 (") + byte + "); save the file as UTF-8");
  }
  std::string text;
  text.reserve(utf8.size());
  std::size_t offset = 0;
  for (const char32_t c : to_utf32(utf8)) {
    const std::size_t length = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029) {
      text += ' ';
    } else if (is_forbidden_control(c)) {
      throw Error(locate_in(utf8, offset, start),
                  "control character " + fiscgen::utf8::hex(c) + " is not allowed in text");
    } else {
      text.append(utf8.substr(offset, length));
    }
    offset += length;
  }
  return normalise(text, start);
}

std::u32string to_utf32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    fiscgen::utf8::append(out, c);
  }
  return out;
}

std::string to_upper(std::string_view utf8, const std::string& locale) {
  auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  text.toUpper(icu_locale(locale));
  return to_std(text);
}

bool starts_with_capital(std::string_view utf8) {
  if (utf8.empty()) return false;
  std::int32_t at = 0;
  UChar32 first = 0;
  U8_NEXT(utf8.data(), at, static_cast<std::int32_t>(utf8.size()), first);
  return first >= 0 && (u_isupper(first) || u_istitle(first));
}

namespace {

// Bounds of what one thread keeps: a worker that renders thousands of different documents
// starts again rather than grow.
constexpr std::size_t seen_slots = 1024;
constexpr std::size_t max_known_bytes = std::size_t{16} << 20;

/// One locale's line-break iterator, and the breaks of texts it has been asked twice.
/// A batch's letters repeat most of their paragraphs (all but the merged fields), and ICU's
/// iteration was about a seventh of laying out one. A text is kept only when it comes again,
/// so a single document, whose paragraphs differ, pays one hash per paragraph and keeps
/// nothing. The breaks depend on the text and the locale only.
struct LineBreaker {
  std::unique_ptr<icu::BreakIterator> iterator;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  // Hashes of texts asked once, one per slot by the hash's low bits: a text pushed out by
  // another is only kept one asking later.
  std::vector<std::size_t> seen = std::vector<std::size_t>(seen_slots, 0);
  std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>> known;
  std::size_t known_bytes = 0;
};

std::vector<std::size_t> breaks_by_icu(icu::BreakIterator& iterator, std::string_view utf8) {
  std::vector<std::size_t> breaks;
  const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  iterator.setText(text);
  // The iterator answers in UTF-16 units, in increasing order: one cursor walks the UTF-8 once
  // beside it (a table of every unit's byte was a fifth of this function's cost). A break
  // inside a code point, which ICU never gives, would stand for the code point's first byte.
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  int32_t byte = 0, unit = 0, start = 0;  // `start`: the byte where the last code point began
  for (int32_t at = iterator.next(); at != icu::BreakIterator::DONE; at = iterator.next()) {
    while (unit < at && byte < n) {
      start = byte;
      UChar32 c;
      U8_NEXT(s, byte, n, c);
      unit += U16_LENGTH(c < 0 ? 0xFFFD : c);
    }
    breaks.push_back(static_cast<std::size_t>(unit > at ? start : byte));
  }
  return breaks;
}

}  // namespace

std::vector<std::size_t> line_breaks(std::string_view utf8, const std::string& locale) {
  if (utf8.empty()) return {};

  // Creating a line iterator loads rules and dictionaries; layout asks once per paragraph.
  thread_local std::map<std::string, LineBreaker> cache;
  auto& breaker = cache[locale];
  if (!breaker.iterator) {
    UErrorCode status = U_ZERO_ERROR;
    breaker.iterator.reset(icu::BreakIterator::createLineInstance(icu_locale(locale), status));
    check(status, "creating a line-break iterator for \"" + locale + "\"");
  }
  if (!breaker.known.empty())
    if (const auto found = breaker.known.find(utf8); found != breaker.known.end())
      return found->second;
  auto breaks = breaks_by_icu(*breaker.iterator, utf8);
  const std::size_t hash = LineBreaker::Hash{}(utf8);
  auto& seen = breaker.seen[hash % seen_slots];
  if (seen != hash) {
    seen = hash;
  } else {  // asked before (or a text of the same hash was): kept
    if (breaker.known_bytes + utf8.size() > max_known_bytes) {
      breaker.known.clear();
      breaker.known_bytes = 0;
    }
    breaker.known.emplace(std::string(utf8), breaks);
    breaker.known_bytes += utf8.size();
  }
  return breaks;
}

std::vector<std::string> collation_keys(const std::vector<std::string>& texts,
                                        const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu_locale(locale), status));
  check(status, "opening the collator for " + locale);
  collator->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
  check(status, "setting numeric collation");
  std::vector<std::string> keys;
  keys.reserve(texts.size());
  for (const auto& text : texts) {
    const icu::UnicodeString unicode = to_icu(text);
    std::string key(64, '\0');
    auto* bytes = reinterpret_cast<std::uint8_t*>(key.data());
    auto length = collator->getSortKey(unicode, bytes, static_cast<std::int32_t>(key.size()));
    if (static_cast<std::size_t>(length) > key.size()) {
      key.resize(static_cast<std::size_t>(length));
      bytes = reinterpret_cast<std::uint8_t*>(key.data());
      length = collator->getSortKey(unicode, bytes, length);
    }
    key.resize(static_cast<std::size_t>(length));
    keys.push_back(std::move(key));
  }
  return keys;
}

}  // namespace fiscgen::i18n
