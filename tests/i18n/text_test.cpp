#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <memory>

#include "base/utf8.hpp"
#include "i18n/i18n.hpp"

using namespace fiscgen;
using namespace fiscgen::i18n;

namespace {
const SourceLocation here{"t.xml", 3, 7};

std::string error_of(std::string_view text) {
  try {
    normalise(text, here);
  } catch (const Error& e) {
    return e.describe();
  }
  return "no error";
}
}  // namespace

TEST_CASE("normalise composes to NFC") {
  CHECK(normalise("Cafe\u0301 Mu\u0308ller", here) == "Caf\u00E9 M\u00FCller");
  CHECK(normalise("e\u0301", here) == "\u00E9");
  CHECK(normalise("plain ASCII\ttab\nline\r\n", here) == "plain ASCII\ttab\nline\r\n");
  CHECK(normalise("", here).empty());
}

TEST_CASE("normalise reports invalid UTF-8 with its byte offset") {
  CHECK(error_of("abc\xE9 def") ==
        "t.xml:3:7: invalid UTF-8 at byte 3 (0xE9); save the file as UTF-8");
  CHECK(error_of("\xC0\xAF").find("invalid UTF-8 at byte 0") != std::string::npos);  // overlong
  CHECK(error_of("ok \xED\xA0\x80").find("invalid UTF-8 at byte 3") !=
        std::string::npos);                                                    // surrogate
  CHECK(error_of("\xF4\x90\x80\x80").find("at byte 0") != std::string::npos);  // past U+10FFFF
  CHECK(error_of("\xE2\x82").find("at byte 0") != std::string::npos);          // cut short
  CHECK(invalid_utf8_at("\xC2\xA7 1861 \xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(invalid_utf8_at("\xC2\xA7\xFF") == 2);
}

TEST_CASE("normalise rejects control characters but keeps tab, LF and CR") {
  CHECK(error_of("a\x07z") ==
        "t.xml:3:7: control character U+0007 at byte 1 is not allowed in text");
  CHECK(error_of("\xC2\xA7\xC2\x85").find("U+0085 at byte 2") != std::string::npos);  // C1 NEL
  CHECK(error_of(std::string_view("a\0b", 3)).find("U+0000") != std::string::npos);
}

TEST_CASE("plain text reads whitespace-like controls as spaces and locates what it refuses") {
  const SourceLocation start{"<stdin>", 1, 1};
  // Form feed (pdftotext's page break), VT, NEL, LS, PS: one space each, so columns stay.
  CHECK(normalise_plain_text("a\fb\vc\xC2\x85"
                             "d\xE2\x80\xA8"
                             "e\xE2\x80\xA9"
                             "f",
                             start) == "a b c d e f");
  CHECK(normalise_plain_text("tab\tand\r\nline", start) == "tab\tand\r\nline");
  const auto refused = [&](std::string_view text) {
    try {
      normalise_plain_text(text, start);
    } catch (const Error& e) {
      return e.describe();
    }
    return std::string("no error");
  };
  CHECK(refused("one\ntwo\n\xC2\xA7 x\x07") ==
        "<stdin>:3:4: control character U+0007 is not allowed in text");
  CHECK(refused("one\n\xC2\x9B") == "<stdin>:2:1: control character U+009B is not allowed in text");
  CHECK(refused("one\ntw\xFFo") == "<stdin>:2:3: invalid UTF-8 (0xFF); save the file as UTF-8");
  // Counted from where the text starts when that is not 1:1.
  try {
    normalise_plain_text("ab\x01", here);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().str() == "t.xml:3:9");
  }
}

TEST_CASE("UTF-8 and UTF-32 round-trip") {
  const std::string text = "\u00A7 1861 \u2014 \U0001D400";
  const std::u32string wide = to_utf32(text);
  CHECK(wide == U"\u00A7 1861 \u2014 \U0001D400");
  CHECK(to_utf8(wide) == text);
}

TEST_CASE("to_upper follows the locale") {
  CHECK(to_upper("stra\u00DFe", "de") == "STRASSE");
  CHECK(to_upper("istanbul", "tr") == "\u0130STANBUL");
  CHECK(to_upper("istanbul", "en_US") == "ISTANBUL");
}

TEST_CASE("starts_with_capital knows capitals of every script, title case too") {
  for (const char* word :
       {"Ōtsuka", "Ørsted", "Ǆukić", "Ǉubljana", "Σωκράτης", "Дмитрий", "Nguyễn", "İstanbul"})
    CHECK_MESSAGE(starts_with_capital(word), word);
  for (const char* word : {"ōtsuka", "øre", "σωκράτης", "de la Fuente", "1U.S.", "§", "", "\xC5"})
    CHECK_FALSE_MESSAGE(starts_with_capital(word), word);
}

TEST_CASE("line breaks are byte offsets at spaces") {
  const std::string text = "\u00A7 1861(d)(1) and text";
  const auto breaks = line_breaks(text, "en_US");
  REQUIRE(!breaks.empty());
  CHECK(breaks.back() == text.size());
  std::size_t previous = 0;
  for (std::size_t at : breaks) {
    CHECK(at > previous);
    previous = at;
    CHECK(at <= text.size());
    // Each break starts a line after a space (or before "(1)", the citation gotchas).
    if (at < text.size()) CHECK((text[at - 1] == ' ' || text[at - 1] == ')'));
  }
  // "§ " is two bytes plus a space: the first break is at byte 3, not character 2.
  CHECK(breaks.front() == 3);
  CHECK(line_breaks("", "en").empty());
}

TEST_CASE("line breaks convert UTF-16 positions to UTF-8 bytes") {
  // é is 2 bytes, 𝐀 is 4 bytes and two UTF-16 units.
  const std::string text = "caf\u00E9 \U0001D400bc d\u00E9j\u00E0 vu";
  const auto breaks = line_breaks(text, "fr");
  REQUIRE(breaks.size() == 4);
  CHECK(breaks[0] == 6);   // after "café "
  CHECK(breaks[1] == 13);  // after "𝐀bc "
  CHECK(breaks[2] == 20);  // after "déjà "
  CHECK(breaks[3] == text.size());
}

TEST_CASE("collation keys order numbers as numbers and follow the locale") {
  const std::vector<std::string> texts{"50 U.S.C. \u00A7 1881a",
                                       "50 U.S.C. \u00A7 1861",
                                       "50 U.S.C. \u00A7 202",
                                       "\u00C9tats-Unis",
                                       "Zurich",
                                       "Katz v. United States"};
  const auto keys = collation_keys(texts, "en_US");
  REQUIRE(keys.size() == texts.size());
  CHECK(keys[2] < keys[1]);  // § 202 before § 1861: numeric, not by characters
  CHECK(keys[1] < keys[0]);  // § 1861 before § 1881a
  CHECK(keys[3] < keys[5]);  // É sorts with E, before K
  CHECK(keys[5] < keys[4]);
  // Swedish puts Z before its own letters; Ö after Z.
  const auto swedish = collation_keys({"\u00D6rebro", "Zurich"}, "sv");
  CHECK(swedish[1] < swedish[0]);
  const auto english = collation_keys({"\u00D6rebro", "Zurich"}, "en");
  CHECK(english[0] < english[1]);
}

TEST_CASE("character roles: drawn, invisible and separators, in ASCII and beyond") {
  for (char32_t cp = 0x20; cp < 0x7F; ++cp) CHECK(character_role(cp) == CharacterRole::drawn);
  CHECK(character_role(U'\u00E9') == CharacterRole::drawn);      // é
  CHECK(character_role(U'\u05D0') == CharacterRole::drawn);      // Hebrew alef
  CHECK(character_role(U'\u4E2D') == CharacterRole::drawn);      // 中
  CHECK(character_role(U'\u00AD') == CharacterRole::invisible);  // soft hyphen
  CHECK(character_role(U'\u200B') == CharacterRole::invisible);  // zero width space
  CHECK(character_role(U'\u200D') == CharacterRole::invisible);  // zero width joiner
  CHECK(character_role(U'\u2060') == CharacterRole::invisible);  // word joiner
  CHECK(character_role(U'\uFEFF') == CharacterRole::invisible);  // byte order mark
  CHECK(character_role(U'\u2028') == CharacterRole::separator);  // line separator
  CHECK(character_role(U'\u2029') == CharacterRole::separator);  // paragraph separator
}

namespace {
/// line_breaks as first written: ICU's UTF-16 positions mapped to bytes through a table of
/// every unit's first byte. The function now walks one cursor instead; both must agree.
std::vector<std::size_t> breaks_by_table(std::string_view utf8, const char* locale) {
  std::vector<std::size_t> byte_of_unit;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    const auto start = static_cast<std::size_t>(i);
    UChar32 c;
    U8_NEXT(s, i, n, c);
    for (int k = U16_LENGTH(c < 0 ? 0xFFFD : c); k > 0; --k) byte_of_unit.push_back(start);
  }
  byte_of_unit.push_back(utf8.size());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createLineInstance(icu::Locale(locale), status));
  REQUIRE(U_SUCCESS(status));
  const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), n));
  iterator->setText(text);
  std::vector<std::size_t> breaks;
  for (int32_t at = iterator->next(); at != icu::BreakIterator::DONE; at = iterator->next()) {
    const auto unit = static_cast<std::size_t>(at);
    breaks.push_back(unit < byte_of_unit.size() ? byte_of_unit[unit] : utf8.size());
  }
  return breaks;
}
}  // namespace

TEST_CASE("line breaks agree with a table of every UTF-16 unit's byte, in many scripts") {
  const char* const locales[] = {"en_US", "fr", "de", "he", "ar", "th", "ja", "zh", "ko", "hi"};
  const std::string texts[] = {
      "The Court GRANTS the motion. See 50 U.S.C. \u00A7 1861(d)(1); In re Sealed Case, 310 "
      "F.3d 717, 720 (FISA Ct. Rev. 2002) (per curiam).",
      "Le requ\u00E9rant \u00AB\u00A0soutient\u00A0\u00BB que l\u2019ordonnance\u2014"
      "rendue le 3 mars\u2014est nulle\u202F; voir art. L. 851-1.",
      "Stra\u00DFe 12, M\u00FCnchen \u2013 \u201EZitat\u201C, Gr\u00FC\u00DFe.",
      "\u05D1\u05D9\u05EA \u05D4\u05DE\u05E9\u05E4\u05D8 (\u05E2\u05DE\u05D5\u05D3 "
      "12) \u05E7\u05D1\u05E2 \u05DB\u05D9 The Court",
      "\u0642\u0631\u0627\u0631 \u0627\u0644\u0645\u062D\u0643\u0645\u0629 "
      "\u0631\u0642\u0645 \u0661\u0662\u0663 \u0628\u062A\u0627\u0631\u064A\u062E",
      "\u0E28\u0E32\u0E25\u0E44\u0E14\u0E49\u0E1E\u0E34\u0E08\u0E32\u0E23\u0E13\u0E32"
      "\u0E04\u0E33\u0E23\u0E49\u0E2D\u0E07\u0E41\u0E25\u0E49\u0E27",
      "\u88C1\u5224\u6240\u306F\u7533\u7ACB\u3066\u3092\u8A8D\u3081\u305F\u3002"
      "\u300C\u547D\u4EE4\u300D\uFF08\u7B2C\uFF11\u6761\uFF09\u3002",
      "\uBC95\uC6D0\uC740 \uC2E0\uCCAD\uC744 \uC778\uC6A9\uD55C\uB2E4. "
      "\u0928\u094D\u092F\u093E\u092F\u093E\u0932\u092F \u0928\u0947 \u0906\u0926"
      "\u0947\u0936 \u0926\u093F\u092F\u093E\u0964",
      "\U0001D400\U0001D401 \U0001F600 \U00020000\U00020001\u3001\U0001F1FA\U0001F1F8 "
      "\u041F\u0440\u0438\u043A\u0430\u0437 \u2116 5 \u03A3\u03CD\u03BD\u03C4\u03B1"
      "\u03B3\u03BC\u03B1 a\u200Bb c\u00ADd e\u2060f",
      "https://www.fisc.uscourts.gov/public-filings?docket=BR%2014-01 and/or 1801-1812\n"
      "next line\u2028after a separator",
      "invalid \xC3( bytes \xE2\x82 and \xF0\x9F\x98 here \xFF end"};
  for (const char* locale : locales)
    for (const auto& text : texts) {
      CAPTURE(locale);
      CAPTURE(text);
      CHECK(line_breaks(text, locale) == breaks_by_table(text, locale));
    }
}

TEST_CASE("line breaks asked again are those ICU gives, whatever was asked in between") {
  // line_breaks keeps the breaks of a text asked twice (a batch's repeated paragraphs): the
  // third answer comes from what it kept, and must still be ICU's, per locale.
  const char* const locales[] = {"en_US", "th", "ja", "fr"};
  const std::string texts[] = {
      "G\u00F3mez v. \u0141\u00F3d\u017A Corp., 573 U.S. 373 (2014); see 50 U.S.C. "
      "\u00A7 1861(d)(1).",
      "\u0395\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC \u05E2\u05D1\u05E8\u05D9\u05EA "
      "\u4E2D\u6587\u88C1\u5224\u6240\u306F\u7533\u7ACB\u3066\u3092\u8A8D\u3081\u305F",
      "\u0E28\u0E32\u0E25\u0E44\u0E14\u0E49\u0E1E\u0E34\u0E08\u0E32\u0E23\u0E13\u0E32 "
      "a\u200Bb c\u00ADd 1801-1812 and/or https://example.com/x?y=1",
      "G\u00F3mez v. \u0141\u00F3d\u017A Corp., 573 U.S. 373 (2014); see 50 U.S.C. "
      "\u00A7 1861(d)(2).",  // the first text but for one character
      "x"};
  for (int round = 0; round < 4; ++round)
    for (const char* locale : locales)
      for (const auto& text : texts) {
        CAPTURE(round);
        CAPTURE(locale);
        CAPTURE(text);
        CHECK(line_breaks(text, locale) == breaks_by_table(text, locale));
      }
}

TEST_CASE("every right-to-left character and control is found, whatever its block") {
  // The search for right-to-left text skips what cannot hold any by its bytes: none may be
  // missed. Every code point ICU calls right to left (R, AL, and the RLE, RLO, RLI controls),
  // alone and between Latin letters, gives levels; U+2019 and U+2014 alone give none.
  int found = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const auto direction = u_charDirection(static_cast<UChar32>(cp));
    if (direction != U_RIGHT_TO_LEFT && direction != U_RIGHT_TO_LEFT_ARABIC &&
        direction != U_RIGHT_TO_LEFT_EMBEDDING && direction != U_RIGHT_TO_LEFT_OVERRIDE &&
        direction != U_RIGHT_TO_LEFT_ISOLATE)
      continue;
    std::string text = "a";
    fiscgen::utf8::append(text, cp);
    text += "b";
    CAPTURE(static_cast<unsigned>(cp));
    REQUIRE_FALSE(bidi_levels(text).empty());
    ++found;
  }
  CHECK(found > 5000);
  CHECK(bidi_levels("\u2018quoted\u2019 \u2014 \u00A7 1861 \u201Cagain\u201D").empty());
  CHECK(shape_arabic("\u2019\u2014") == "\u2019\u2014");
}
