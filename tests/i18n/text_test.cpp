#include <doctest/doctest.h>

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
