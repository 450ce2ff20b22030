#include <doctest/doctest.h>

#include <random>
#include <string>

#include "../unicode_blocks.hpp"
#include "i18n/i18n.hpp"

using namespace fiscgen;
using namespace fiscgen::i18n;

namespace {
std::string_view span_text(std::string_view text, const Regex::Span& span) {
  return text.substr(span.begin, span.end - span.begin);
}
}  // namespace

TEST_CASE("regex matches report UTF-8 byte offsets, past accents and surrogate pairs") {
  // "é" is 2 bytes and 1 UTF-16 unit; "𝄞" is 4 bytes and 2 units.
  const std::string text = "é 𝄞 Smith v. Jones, 𝄞 Doe v. Roe";
  const Regex parties(R"((?<first>\p{Lu}\p{L}+) v\. (?<second>\p{Lu}\p{L}+))");
  const auto found = parties.find_all(Regex::Text(text));
  CHECK(found.complete);
  REQUIRE(found.matches.size() == 2);
  CHECK(span_text(text, found.matches[0][0]) == "Smith v. Jones");
  CHECK(found.matches[0][0].begin == text.find("Smith"));
  CHECK(span_text(text, found.matches[1][0]) == "Doe v. Roe");
  const int second = parties.group("second");
  REQUIRE(second > 0);
  CHECK(span_text(text, found.matches[1][static_cast<std::size_t>(second)]) == "Roe");
  CHECK(parties.group("third") == -1);
}

TEST_CASE("one prepared text serves several patterns") {
  const std::string text = "50 U.S.C. § 1861, then Id. at 4";
  const Regex::Text prepared(text);
  const Regex section(R"(§\s*(\d+))"), id(R"(Id\. at (\d+))"), supra("supra");
  REQUIRE(section.find_all(prepared).matches.size() == 1);
  CHECK(span_text(text, section.find_all(prepared).matches[0][1]) == "1861");
  CHECK(span_text(text, id.find_all(prepared).matches[0][1]) == "4");
  CHECK(section.found_in(prepared));
  CHECK_FALSE(supra.found_in(prepared));
  CHECK(supra.find_all(prepared).matches.empty());
}

TEST_CASE("a group that took no part has no span") {
  const std::string text = "Id.";
  const Regex id(R"(Id\.(?: at (?<pin>\d+))?)");
  const auto found = id.find_all(Regex::Text(text));
  REQUIRE(found.matches.size() == 1);
  CHECK_FALSE(found.matches[0][static_cast<std::size_t>(id.group("pin"))].matched());
}

TEST_CASE("ill-formed UTF-8 is matched as U+FFFD, with offsets still in bytes") {
  const std::string text =
      "a\xFF"
      "b 12";
  const auto found = Regex(R"(\d+)").find_all(Regex::Text(text));
  REQUIRE(found.matches.size() == 1);
  CHECK(found.matches[0][0].begin == 4);
  CHECK(found.matches[0][0].end == 6);
}

TEST_CASE("a pattern that backtracks without end is stopped, and says it was") {
  // (a+)+[bc] on a run of a's without a b or c tries every split of the run: 2^40 ways.
  const std::string text = "ab aac " + std::string(40, 'a');
  const Regex explosive("(a+)+[bc]");
  const auto found = explosive.find_all(Regex::Text(text));
  CHECK_FALSE(found.complete);
  CHECK(found.matches.size() == 2);  // what was found before the limit is kept
  CHECK(explosive.found_in(Regex::Text(std::string(40, 'a'))));  // unsure counts as found
}

TEST_CASE("a bad pattern names the reason and where") {
  try {
    Regex("(unclosed");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.describe().find("bad regular expression (missing closing parenthesis at offset 9)") !=
          std::string::npos);
  }
}

TEST_CASE("letters, digits and spaces are Unicode's, in every script") {
  // Categories bare and in sets, and a look-behind.
  const Regex name(
      R"((?<![\p{L}\p{Nd}])(?<name>\p{Lu}[\p{L}\p{M}'’\-]*)(?:\s+\p{Lu}\p{Ll}+)*,\s+\p{L}{2,}\s+\p{Nd}+)");
  const std::pair<std::string, std::string> texts[] = {
      {"Ørsted Ærø, KSS 12", "Ørsted Ærø, KSS 12"},
      {"x Über-Straße, ẞß 10", "Über-Straße, ẞß 10"},
      {"see Nguyễn Trần, ĐK 7", "Nguyễn Trần, ĐK 7"},
      {"and Σωκράτης Πλάτων, ΑΒ 3", "Σωκράτης Πλάτων, ΑΒ 3"},
      {"per Ivanov\u00A0Petrov,\u2003ab ٣",
       "Ivanov\u00A0Petrov,\u2003ab ٣"},             // NBSP, em space, Arabic 3
      {"Dvořa\u0301k, AB 4", "Dvořa\u0301k, AB 4"},  // a combining accent
  };
  for (const auto& [text, expected] : texts) {
    CAPTURE(text);
    const auto found = name.find_all(Regex::Text(text));
    REQUIRE(found.matches.size() == 1);
    CHECK(span_text(text, found.matches[0][0]) == expected);
  }
  // Not after a letter: "xÜber" is no name's start.
  CHECK(name.find_all(Regex::Text("xÜber, AB 1")).matches.empty());
  CHECK(Regex(R"(\d+)").find_all(Regex::Text("§ 12, ¶ ٣٤ and 9")).matches.size() == 3);
  CHECK(Regex(R"(\bto\b)").find_all(Regex::Text("to toe pro-to, Çto")).matches.size() == 2);
}

TEST_CASE("a match after an empty one starts a whole character on") {
  const std::string text = "é𝄞a";
  const auto found = Regex("x*").find_all(Regex::Text(text));
  REQUIRE(found.matches.size() == 4);  // before each of three characters, and at the end
  CHECK(found.matches[1][0].begin == 2);
  CHECK(found.matches[2][0].begin == 6);
  CHECK(found.matches[3][0].begin == 7);
}

TEST_CASE("stand-ins: each range reads as one character, and a group holding one spans it all") {
  const std::string text = "Doe, 442 U. S. 735 and 12 F.Supp.2d 9; a Smith";
  const Regex::Text::Ranges places = {{text.find("U. S."), text.find("U. S.") + 5},
                                      {text.find("F.Supp.2d"), text.find("F.Supp.2d") + 9}};
  const Regex cite(std::string(R"((?<volume>\d+) (?<reporter>)") + Regex::stand_in +
                   R"() (?<page>\d+))");
  const Regex::Text prepared(text, places);
  const auto found = cite.find_all(prepared);
  REQUIRE(found.matches.size() == 2);
  const auto reporter = static_cast<std::size_t>(cite.group("reporter"));
  CHECK(span_text(text, found.matches[0][reporter]) == "U. S.");
  CHECK(span_text(text, found.matches[0][0]) == "442 U. S. 735");
  CHECK(span_text(text, found.matches[1][reporter]) == "F.Supp.2d");
  CHECK(span_text(text, found.matches[1][static_cast<std::size_t>(cite.group("page"))]) == "9");
  // The same text without stand-ins holds none, and words around them are as they were.
  CHECK(cite.find_all(Regex::Text(text)).matches.empty());
  CHECK(Regex(R"(a \p{Lu}\p{Ll}+)").find_all(prepared).matches.size() == 1);
  // A stand-in at the end; the stand-in's own character is U+FFFD, with stand-ins or without.
  const std::string odd = "x \uFDD0 F.3d";
  const Regex::Text with(odd, {{odd.size() - 4, odd.size()}});
  const auto one = Regex(Regex::stand_in).find_all(with);
  REQUIRE(one.matches.size() == 1);
  CHECK(span_text(odd, one.matches[0][0]) == "F.3d");
  CHECK(Regex(Regex::stand_in).find_all(Regex::Text(odd)).matches.empty());
}

TEST_CASE("stand-ins: the stand-in's own character in a text is not one") {
  const std::string text = "12 \xEF\xB7\x90 9";  // U+FDD0 written in the text itself
  const Regex cite(std::string(R"(\d+ )") + Regex::stand_in + R"( \d+)");
  CHECK(cite.find_all(Regex::Text(text, Regex::Text::Ranges{})).matches.empty());
  CHECK(cite.find_all(Regex::Text(text)).matches.empty());
  CHECK(cite.find_all(Regex::Text("12 x 9", {{3, 4}})).matches.size() == 1);
}

TEST_CASE("machine code finds what the interpreter finds, a match too deep for its stack too") {
  const std::string text = "x " + std::string(100'000, 'a') + "b 12, 34 and  56";
  const Regex deep("(a|b)+"), numbers(R"(\d+)");
  for (const auto* regex : {&deep, &numbers}) {
    const auto interpreted = regex->find_all(Regex::Text(text));
    const auto machine = regex->find_all(Regex::Text(text, Regex::Engine::machine_code));
    CHECK(interpreted.complete);
    CHECK(machine.complete);
    CHECK(machine.matches == interpreted.matches);
  }
  const auto found = deep.find_all(Regex::Text(text, Regex::Engine::machine_code)).matches;
  REQUIRE(found.size() == 2);  // "a…ab" and the "a" of "and"
  CHECK(found[0][0].end - found[0][0].begin == 100'001);
}

TEST_CASE("property: any text, ill-formed bytes and stand-ins too, is matched in its own bytes") {
  // Texts drawn from every typed block, ASCII, the stand-in's own character, astral characters
  // and bytes that are no UTF-8; stand-ins over random whole characters. "(?s)." visits every
  // character: its matches must tile the text, each span on the text's own boundaries, and a
  // stand-in's span be its whole range.
  std::vector<std::string> pieces = {
      "a", " ", "1", "§", "\xEF\xB7\x90", "𝄞", "\xFF", "\xC3", "\xE2\x80", "\xED\xA0\x80", "\n"};
  for (const auto& block : test_support::typed_blocks)
    for (const char32_t c : test_support::characters_of(block))
      pieces.push_back(test_support::utf8(c));
  std::mt19937 random(19);
  const Regex every("(?s).");
  for (int round = 0; round < 300; ++round) {
    std::string text;
    Regex::Text::Ranges stand_ins;
    const int count = 1 + static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) {
      const std::size_t begin = text.size();
      const int length = 1 + static_cast<int>(random() % 3);
      for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
      if (random() % 4 == 0) stand_ins.emplace_back(begin, text.size());
    }
    CAPTURE(text);
    for (const bool with_stand_ins : {false, true}) {
      for (const auto engine : {Regex::Engine::interpreted, Regex::Engine::machine_code}) {
        const auto prepared =
            with_stand_ins ? Regex::Text(text, stand_ins, engine) : Regex::Text(text, engine);
        const auto found = every.find_all(prepared);
        REQUIRE(found.complete);
        std::size_t at = 0;
        for (const auto& match : found.matches) {
          REQUIRE(match[0].begin == at);
          REQUIRE(match[0].end > at);
          REQUIRE(match[0].end <= text.size());
          at = match[0].end;
        }
        CHECK(at == text.size());
        if (with_stand_ins) {
          const auto ranges = Regex(Regex::stand_in).find_all(prepared).matches;
          REQUIRE(ranges.size() == stand_ins.size());
          for (std::size_t k = 0; k < ranges.size(); ++k)
            CHECK(ranges[k][0] == Regex::Span{stand_ins[k].first, stand_ins[k].second});
        }
      }
    }
  }
}
