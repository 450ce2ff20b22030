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
