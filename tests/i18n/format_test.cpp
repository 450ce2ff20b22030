#include <doctest/doctest.h>

#include <unicode/timezone.h>

#include "i18n/i18n.hpp"

using namespace fiscgen;
using namespace fiscgen::i18n;

namespace {
const SourceLocation here{"m.xml", 4, 9};
const Date july16{2013, 7, 16};

std::string date_error(std::string_view text) {
  try {
    Date::parse(text, here);
  } catch (const Error& e) {
    return e.describe();
  }
  return "no error";
}
}  // namespace

TEST_CASE("dates parse strictly and check the calendar") {
  const Date d = Date::parse("2013-07-16", here);
  CHECK(d.year == 2013);
  CHECK(d.month == 7);
  CHECK(d.day == 16);
  CHECK(Date::parse("2012-02-29", here).day == 29);
  CHECK(Date::parse("2000-02-29", here).day == 29);
  CHECK(date_error("2013-02-30") ==
        "m.xml:4:9: 2013-02-30 is not a date: February 2013 has 28 days");
  CHECK(date_error("1900-02-29") ==
        "m.xml:4:9: 1900-02-29 is not a date: February 1900 has 28 days");
  CHECK(date_error("2013-04-31").find("April 2013 has 30 days") != std::string::npos);
  CHECK(date_error("2013-13-01").find("there is no month 13") != std::string::npos);
  CHECK(date_error("2013-7-16") ==
        "m.xml:4:9: \"2013-7-16\" is not a date: expected YYYY-MM-DD, e.g. 2013-07-16");
  CHECK(date_error("2013-07-16T00:00").find("expected YYYY-MM-DD") != std::string::npos);
  CHECK(date_error("２013-07-16").find("expected YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("long dates in five locales") {
  CHECK(format_date(july16, "en_US", "long") == "July 16, 2013");
  CHECK(format_date(july16, "en_GB", "long") == "16 July 2013");
  CHECK(format_date(july16, "fr", "long") == "16 juillet 2013");
  CHECK(format_date(july16, "de", "long") == "16. Juli 2013");
  CHECK(format_date(july16, "es", "long") == "16 de julio de 2013");
}

TEST_CASE("date styles and skeletons") {
  CHECK(format_date(july16, "en_US", "full") == "Tuesday, July 16, 2013");
  CHECK(format_date(july16, "en_US", "short") == "7/16/13");
  CHECK(format_date(july16, "de_DE", "medium") == "16.07.2013");
  CHECK(format_date(july16, "es", "yMMMMd") == "16 de julio de 2013");
  CHECK(format_date(july16, "fr", "MMMM") == "juillet");
  CHECK(format_date(july16, "en-US", "yMMMMd") == "July 16, 2013");
  CHECK_THROWS_WITH_AS(format_date(july16, "en", "longest"),
                       doctest::Contains("unknown date style \"longest\""), Error);
}

TEST_CASE("a date never shifts by a day, whatever ICU's default time zone") {
  for (const char* zone : {"Pacific/Kiritimati", "America/Los_Angeles", "Pacific/Pago_Pago"}) {
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone(zone));
    CHECK(format_date(july16, "en_US", "long") == "July 16, 2013");
    CHECK(format_date(Date{2013, 1, 1}, "en_US", "yMd") == "1/1/2013");
  }
}

TEST_CASE("decimal, ordinal and spellout numbers") {
  CHECK(format_number(1234567, "en_US", "decimal") == "1,234,567");
  CHECK(format_number(1234567, "de", "decimal") == "1.234.567");
  CHECK(format_number(16, "en_US", "ordinal") == "16th");
  CHECK(format_number(22, "en", "ordinal") == "22nd");
  CHECK(format_number(16, "fr", "ordinal") == "16e");
  CHECK(format_number(1, "fr", "ordinal") == "1er");
  CHECK(format_number(16, "de", "ordinal") == "16.");
  CHECK(format_number(16, "en", "spellout") == "sixteen");
  CHECK(format_number(21, "fr", "spellout") == "vingt-et-un");
}

TEST_CASE("roman and alphabetic numbering") {
  CHECK(format_number(1, "en", "upper-roman") == "I");
  CHECK(format_number(4, "en", "upper-roman") == "IV");
  CHECK(format_number(14, "en", "upper-roman") == "XIV");
  CHECK(format_number(1994, "en", "upper-roman") == "MCMXCIV");
  CHECK(format_number(3999, "en", "lower-roman") == "mmmcmxcix");
  CHECK_THROWS_AS(format_number(0, "en", "upper-roman"), Error);
  CHECK(format_number(1, "en", "upper-alpha") == "A");
  CHECK(format_number(26, "en", "upper-alpha") == "Z");
  CHECK(format_number(27, "en", "upper-alpha") == "AA");
  CHECK(format_number(28, "en", "lower-alpha") == "ab");
  CHECK(format_number(702, "en", "upper-alpha") == "ZZ");
  CHECK(format_number(703, "en", "upper-alpha") == "AAA");
  CHECK_THROWS_AS(format_number(0, "en", "lower-alpha"), Error);
}

TEST_CASE("an unknown number style lists the styles") {
  CHECK_THROWS_WITH_AS(format_number(3, "en", "greek"),
                       "unknown number style \"greek\": use decimal, ordinal, spellout, "
                       "upper-roman, lower-roman, upper-alpha or lower-alpha",
                       Error);
}
