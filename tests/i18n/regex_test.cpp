#include <doctest/doctest.h>

#include <string>

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
  // (a+)+b on a run of a's without a b tries every split of the run: 2^40 ways.
  const std::string text = "ab aab " + std::string(40, 'a');
  const Regex explosive("(a+)+b");
  const auto found = explosive.find_all(Regex::Text(text));
  CHECK_FALSE(found.complete);
  CHECK(found.matches.size() == 2);  // what was found before the limit is kept
  CHECK(explosive.found_in(Regex::Text(std::string(40, 'a'))));  // unsure counts as found
}

TEST_CASE("a bad pattern names ICU's reason and where") {
  try {
    Regex("(unclosed");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.describe().find("bad regular expression (U_REGEX_MISMATCHED_PAREN at offset") !=
          std::string::npos);
  }
}

TEST_CASE("a pattern compiled for a Latin scope finds there what the whole pattern finds") {
  // Categories bare and in sets, a category with no Latin member (marks), a look-behind, and a
  // case-insensitive part (whose sets ICU closes over case: K and ſ fold with k and s).
  const std::string pattern =
      R"((?<![\p{L}\p{Nd}])(?<name>\p{Lu}[\p{L}\p{M}'’\-]*)(?:\s+\p{Lu}\p{Ll}+)*,\s+(?i:[\p{Lu}]{2,})\s+\p{Nd}+)";
  const std::string texts[] = {
      "Ørsted Ærø, KSS 12; Łódź Wrocław, ſub 3 and Dvořák Ñúñez, ÆÐ 4",
      "see “Smith v. Jones,” № 5 — Øresund Bridge, Ca 1861 ¶ 7 € 9 ™ K 8",
      "x Über-Straße, ẞß 10, Ÿves, ÿ 2",
      "Ørsted Ærø, KSS 12 and Çelik Ñúñez, ÆÐ 4; µ-Bär, ſſ 5",  // Latin-1 and its case forms
  };
  const Regex whole(pattern), latin(pattern, Regex::Scope::latin),
      latin_1(pattern, Regex::Scope::latin_1);
  for (const auto& text : texts) {
    CAPTURE(text);
    const Regex::Text prepared(text);
    REQUIRE(prepared.scope() != Regex::Scope::any);
    const auto a = whole.find_all(prepared), b = latin.find_all(prepared);
    CHECK_FALSE(a.matches.empty());
    CHECK(a.matches == b.matches);
    CHECK(whole.group("name") == latin.group("name"));
    if (prepared.scope() == Regex::Scope::latin_1) {
      CHECK(a.matches == latin_1.find_all(prepared).matches);
      CHECK(whole.group("name") == latin_1.group("name"));
    }
  }
  CHECK(Regex::Text(texts[3]).scope() == Regex::Scope::latin_1);
  // \d bare (where a pattern starts, and looped) and in a set, as \p{Nd}.
  const std::string numbers = R"(\d{1,3}\s+[\d,.]+(?:-\d)?)";
  const Regex::Text numbered("§ 12 1,861.5-2, ¶ 3 45 and 9 x");
  CHECK(Regex(numbers).find_all(numbered).matches ==
        Regex(numbers, Regex::Scope::latin).find_all(numbered).matches);
  CHECK(Regex(numbers).find_all(numbered).matches ==
        Regex(numbers, Regex::Scope::latin_1).find_all(numbered).matches);
  CHECK(Regex(numbers).find_all(numbered).matches.size() == 2);
  const Regex marks(R"(a[\p{M}]?b|c\p{Mn}d)", Regex::Scope::latin);
  CHECK(marks.find_all(Regex::Text("ab cd")).matches.size() == 1);
}

TEST_CASE("a text is served by the narrowest scope whose alphabet holds it") {
  using Scope = Regex::Scope;
  CHECK(Regex::Text("Smith v. Jones, 442 U.S. 735 — “§ 5” ¶ 2 № 3 ™ €").scope() == Scope::latin_1);
  CHECK(Regex::Text("Núñez v. Müller, Ÿ and K").scope() == Scope::latin_1);  // case forms
  CHECK(Regex::Text("Łódź v. Dvořák").scope() == Scope::latin);              // Latin Extended-A
  CHECK(Regex::Text("Nguyễn v. Trần").scope() == Scope::any);  // Latin Extended Additional
  CHECK(Regex::Text("Σωκράτης").scope() == Scope::any);
  CHECK(Regex::Text("e\xCC\x81").scope() == Scope::any);  // a combining accent
  CHECK(Regex::Text("a\xFF").scope() == Scope::any);      // ill-formed: U+FFFD
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
  CHECK(prepared.scope() == Regex::Scope::latin_1);
  CHECK(Regex(R"(a \p{Lu}\p{Ll}+)", Regex::Scope::latin_1).find_all(prepared).matches.size() == 1);
}

TEST_CASE("stand-ins: the stand-in's own character in a text is not one") {
  const std::string text = "12 \xEF\xB7\x90 9";  // U+FDD0 written in the text itself
  const Regex cite(std::string(R"(\d+ )") + Regex::stand_in + R"( \d+)");
  CHECK(cite.find_all(Regex::Text(text, {})).matches.empty());
  CHECK(cite.find_all(Regex::Text("12 x 9", {{3, 4}})).matches.size() == 1);
}
