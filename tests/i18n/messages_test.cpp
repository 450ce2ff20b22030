#include <doctest/doctest.h>

#include <unicode/locid.h>
#include <unicode/timezone.h>

#include "i18n/i18n.hpp"

using namespace fiscgen;
using namespace fiscgen::i18n;

namespace {
const std::filesystem::path bundles = FISCGEN_TEST_LOCALES;
const Date july16{2013, 7, 16};
}  // namespace

TEST_CASE("available locales are the compiled bundles, sorted") {
  CHECK(available_locales(bundles) == std::vector<std::string>{"de", "en", "fr", "root"});
  CHECK(available_locales(bundles / "missing").empty());
}

TEST_CASE("messages fall back fr_CA → fr → root") {
  initialise();
  const Messages fr_ca(bundles, "fr_CA");
  CHECK(fr_ca.locale() == "fr_CA");
  CHECK(fr_ca.format("greeting") == "Bonjour");
  CHECK(fr_ca.format("only_root") == "only in root");
  // Nested keys inherit entry by entry, not table by table.
  CHECK(fr_ca.format("letter/subject", {{"topic", std::string("FISA")}}) == "Objet : FISA");
  CHECK(fr_ca.format("letter/closing") == "Respectfully (root)");
  CHECK(fr_ca.has("letter/closing"));
  CHECK_FALSE(fr_ca.has("letter/nothing"));
  CHECK_FALSE(fr_ca.has("nothing"));
}

TEST_CASE("locale names are canonicalised") {
  CHECK(Messages(bundles, "en-US").locale() == "en_US");
  CHECK(Messages(bundles, "en_us").locale() == "en_US");
  CHECK(Messages(bundles, "en_US").format("greeting") == "Hello");
}

TEST_CASE("an unknown locale lists the available ones") {
  CHECK_THROWS_WITH_AS(Messages(bundles, "es_ES"),
                       "unknown locale \"es_ES\"; available: de, en, fr", Error);
  CHECK_THROWS_WITH_AS(Messages(bundles, "xx"), doctest::Contains("available: de, en, fr"), Error);
}

TEST_CASE("a default locale set before initialise does not leak into fallback") {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale::setDefault(icu::Locale("de_DE"), status);
  REQUIRE(U_SUCCESS(status));
  // Even without initialise(), the chain never reaches the default locale's bundle.
  CHECK(Messages(bundles, "fr_CA").format("only_root") == "only in root");
  CHECK(Messages(bundles, "en_US").format("only_root") == "only in root");
  initialise();
  CHECK(std::string(icu::Locale::getDefault().getName()) != "de_DE");
  CHECK(Messages(bundles, "en_US").format("only_root") == "only in root");
  CHECK(Messages(bundles, "de_AT").format("only_root") == "aus de");
}

TEST_CASE("plural and select messages") {
  initialise();
  const Messages en(bundles, "en_US");
  CHECK(en.format("enclosures", {{"n", 1LL}}) == "1 enclosure");
  CHECK(en.format("enclosures", {{"n", 3LL}}) == "3 enclosures");
  CHECK(en.format("filed", {{"who", std::string("female")}, {"d", july16}}) ==
        "She filed on July 16, 2013.");
  const Messages fr(bundles, "fr");
  CHECK(fr.format("enclosures", {{"n", 1LL}}) == "1 pièce jointe");
  CHECK(fr.format("enclosures", {{"n", 2LL}}) == "2 pièces jointes");
  CHECK(fr.format("filed", {{"who", std::string("male")}, {"d", july16}}) ==
        "Il a déposé le 16 juillet 2013.");
}

TEST_CASE("date arguments keep their day in any time zone") {
  const Messages en(bundles, "en_US");
  for (const char* zone : {"Pacific/Kiritimati", "America/Los_Angeles"}) {
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone(zone));
    CHECK(en.format("filed", {{"who", std::string("x")}, {"d", july16}}) ==
          "They filed on July 16, 2013.");
    // A bare {d} is a date, not a date and time.
    CHECK(en.format("dated", {{"d", july16}}) == "Dated July 16, 2013.");
  }
}

TEST_CASE("message errors name the key and the locale") {
  const Messages fr(bundles, "fr");
  CHECK_THROWS_WITH_AS(fr.format("nothing/here"),
                       "no message \"nothing/here\" in locale \"fr\" (nor in its parent locales)",
                       Error);
  CHECK_THROWS_WITH_AS(fr.format("enclosures"), doctest::Contains("needs the argument \"n\""),
                       Error);
  CHECK_THROWS_WITH_AS(fr.format("enclosures", {{"n", std::string("three")}}),
                       doctest::Contains("must be a number"), Error);
  CHECK_THROWS_WITH_AS(fr.format("letter"), doctest::Contains("is a table"), Error);
  CHECK_THROWS_WITH_AS(
      fr.format("broken", {{"n", 1LL}}),
      doctest::Contains("\"broken\" in locale \"fr\" (from root.res) is not a valid"), Error);
}

TEST_CASE("a name not written as a locale is refused before ICU reads it") {
  for (const char* name :
       {"en", "en_US", "en-US", "fr_CA", "sr_Latn_RS", "de_DE_1996", "es_419", "root"})
    CHECK_NOTHROW(check_locale_name(name));
  for (const char* name : {"", "e", "english", "en US", "en_", "_US", "12_US", "en__US",
                           "en_Foo bar", "en_abcdefghi", "en_US\xC3\xA9", "en@calendar=x"})
    CHECK_THROWS_WITH_AS(check_locale_name(name), doctest::Contains("is not a locale name"), Error);
  // Long names are cut in what is printed (the fuzzer's was 160 characters of a letter).
  const std::string long_name = "en_" + std::string(200, 'X');
  CHECK_THROWS_WITH_AS(check_locale_name(long_name),
                       ("\"en_" + std::string(37, 'X') +
                        "…\" is not a locale name: expected a language code, then a script or "
                        "region if any (en, en_US, fr_CA, sr_Latn_RS)")
                           .c_str(),
                       Error);
  CHECK_THROWS_WITH_AS(Messages(bundles, long_name), doctest::Contains("is not a locale name"),
                       Error);
  CHECK_THROWS_WITH_AS(Messages(bundles, "en_Foo bar baz"),
                       doctest::Contains("is not a locale name"), Error);
}
