// plain_date writes a date from the locale's pattern and month names: for every locale ICU
// has, every style and dates across the years, either it declines or it writes what ICU's
// DateFormat writes.
#include <doctest/doctest.h>

#include <unicode/datefmt.h>
#include <unicode/timezone.h>

#include <memory>
#include <string>
#include <vector>

#include "i18n/icu_util.hpp"
#include "i18n/message_dates.hpp"

using namespace fiscgen;
using namespace fiscgen::i18n;

namespace {

constexpr icu::DateFormat::EStyle styles[] = {icu::DateFormat::kFull, icu::DateFormat::kLong,
                                              icu::DateFormat::kMedium, icu::DateFormat::kShort};

std::vector<Date> dates() {
  std::vector<Date> out;
  for (int year : {1583, 1600, 1899, 1900, 1970, 2000, 2009, 2013, 2024, 2100, 9999})
    for (int month = 1; month <= 12; ++month)
      out.push_back(Date{year, month, 1 + (month * 7) % 28});
  out.push_back(Date{2024, 2, 29});
  out.push_back(Date{2013, 7, 16});
  out.push_back(Date{1999, 12, 31});
  return out;
}

std::string by_icu(const Date& date, const icu::Locale& locale, icu::DateFormat::EStyle style) {
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(style, locale));
  REQUIRE(format);
  format->adoptTimeZone(icu::TimeZone::createTimeZone("GMT"));
  icu::UnicodeString out;
  format->format(to_udate(date), out);
  return to_std(out);
}

}  // namespace

TEST_CASE("a plain date is ICU's date in every locale and style it does not decline") {
  initialise();
  int32_t count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
  REQUIRE(count > 500);
  const auto all = dates();
  int written = 0;
  for (int32_t i = 0; i < count; ++i)
    for (const auto style : styles) {
      const icu::Locale& locale = locales[i];
      if (!plain_date(all.front(), locale, style)) continue;
      ++written;
      std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(style, locale));
      format->adoptTimeZone(icu::TimeZone::createTimeZone("GMT"));
      for (const auto& date : all) {
        icu::UnicodeString expected;
        format->format(to_udate(date), expected);
        CAPTURE(locale.getName());
        CAPTURE(static_cast<int>(style));
        CAPTURE(date.year);
        CAPTURE(date.month);
        REQUIRE(plain_date(date, locale, style) == to_std(expected));
      }
    }
  // Most of them: every Latin-script locale's long, medium and short dates.
  CHECK(written > count);
}

TEST_CASE("the locales fiscgen writes in have plain long, medium and short dates") {
  const Date july16{2013, 7, 16};
  for (const char* name : {"en_US", "en", "en_GB", "de", "de_DE", "de_CH", "fr", "fr_FR", "fr_CA",
                           "es", "es_ES", "es_MX"})
    for (const auto style :
         {icu::DateFormat::kLong, icu::DateFormat::kMedium, icu::DateFormat::kShort}) {
      CAPTURE(name);
      const icu::Locale locale(name);
      const auto text = plain_date(july16, locale, style);
      REQUIRE(text);
      CHECK(*text == by_icu(july16, locale, style));
      CHECK(date_in_style(july16, locale, style) == *text);
    }
  CHECK(*plain_date(july16, icu::Locale("en_US"), icu::DateFormat::kLong) == "July 16, 2013");
  CHECK(*plain_date(july16, icu::Locale("de"), icu::DateFormat::kLong) == "16. Juli 2013");
  CHECK(*plain_date(july16, icu::Locale("es"), icu::DateFormat::kLong) == "16 de julio de 2013");
}

TEST_CASE("what plain_date declines ICU writes") {
  const Date july16{2013, 7, 16};
  // Another calendar, other digits, a keyword, a date before the Gregorian calendar was ICU's.
  for (const char* name :
       {"th_TH", "ar_EG", "fa_IR", "en_US@calendar=buddhist", "hi_IN@numbers=deva"})
    CHECK_FALSE(plain_date(july16, icu::Locale(name), icu::DateFormat::kLong));
  CHECK_FALSE(plain_date(Date{1582, 10, 4}, icu::Locale("en_US"), icu::DateFormat::kLong));
  for (const char* name : {"th_TH", "ar_EG", "en_US@calendar=buddhist"})
    CHECK(date_in_style(july16, icu::Locale(name), icu::DateFormat::kLong) ==
          by_icu(july16, icu::Locale(name), icu::DateFormat::kLong));
  CHECK(date_in_style(Date{1582, 10, 10}, icu::Locale("en_US"), icu::DateFormat::kLong) ==
        by_icu(Date{1582, 10, 10}, icu::Locale("en_US"), icu::DateFormat::kLong));
  // The full style names the weekday: ICU's.
  CHECK(date_in_style(july16, icu::Locale("en_US"), icu::DateFormat::kFull) ==
        "Tuesday, July 16, 2013");
}
