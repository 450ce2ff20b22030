// A date in a DateFormat style, read from the locale's own pattern and month names.
//
// SimpleDateFormat's constructor loads every symbol of the calendar (weekdays, eras, quarters,
// day periods, zone names…) and a NumberFormat; a date argument of a message prints a day, a
// month and a year. When the locale's pattern for the style holds only those fields (y, M, d)
// and literal text, the text is put together here as SimpleDateFormat puts it together:
// quoted text and '' as in its format loop, numbers zero-padded to the field's width in ASCII
// digits (only for locales whose digits are "latn"), months from the format names. Anything
// else is left to ICU. tests/i18n/message_dates_test.cpp compares both over every locale ICU
// has, every style and dates across the years.
#include "i18n/message_dates.hpp"

#include <unicode/calendar.h>
#include <unicode/numsys.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/ures.h>

#include <array>
#include <map>
#include <memory>
#include <vector>

#include "i18n/icu_util.hpp"

// ICU's own lookup of a resource path with the locale's fallback, as its DateFormat reads its
// patterns: exported by libicuuc (the version-renamed symbol), declared in ICU's internal
// uresimp.h only. ures_getByKey falls back for top-level keys alone.
U_CAPI UResourceBundle* U_EXPORT2 ures_getByKeyWithFallback(const UResourceBundle* bundle,
                                                            const char* path,
                                                            UResourceBundle* fill_in,
                                                            UErrorCode* status);

namespace fiscgen::i18n {
namespace {

/// One run of a date pattern: literal text, or a field letter repeated `count` times.
struct Piece {
  char16_t letter = 0;  // 0: literal text
  int count = 0;
  icu::UnicodeString text;
};

/// A style's pattern made ready: its pieces and the month names it prints.
struct Plain {
  std::vector<Piece> pieces;
  std::array<icu::UnicodeString, 12> wide, abbreviated;
};

/// SimpleDateFormat's reading of a pattern: ASCII letters outside quotes are fields, runs of one
/// letter one field; '' is an apostrophe inside quotes or out; everything else is literal.
std::vector<Piece> pieces_of(const icu::UnicodeString& pattern) {
  std::vector<Piece> pieces;
  const auto literal = [&](char16_t c) {
    if (pieces.empty() || pieces.back().letter != 0) pieces.emplace_back();
    pieces.back().text.append(c);
  };
  bool quoted = false;
  for (int32_t i = 0; i < pattern.length(); ++i) {
    const char16_t c = pattern[i];
    if (c == u'\'') {
      if (i + 1 < pattern.length() && pattern[i + 1] == u'\'') {
        literal(c);
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (!quoted && ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))) {
      if (!pieces.empty() && pieces.back().letter == c)
        ++pieces.back().count;
      else
        pieces.push_back(Piece{c, 1, {}});
    } else {
      literal(c);
    }
  }
  return pieces;
}

/// The twelve names at `path` ("calendar/gregorian/monthNames/format/wide"), or false.
bool read_months(UResourceBundle* locale_bundle, const char* path,
                 std::array<icu::UnicodeString, 12>& names) {
  UErrorCode status = U_ZERO_ERROR;
  Bundle months(ures_getByKeyWithFallback(locale_bundle, path, nullptr, &status));
  if (U_FAILURE(status) || ures_getType(months.get()) != URES_ARRAY ||
      ures_getSize(months.get()) != 12)
    return false;
  for (int32_t i = 0; i < 12; ++i) {
    int32_t length = 0;
    const UChar* name = ures_getStringByIndex(months.get(), i, &length, &status);
    if (U_FAILURE(status)) return false;
    names[static_cast<std::size_t>(i)].setTo(name, length);
  }
  return true;
}

/// Whether ICU would count days in the Gregorian calendar and write numbers in ASCII digits for
/// `locale`, as its SimpleDateFormat does (Calendar::createInstance, NumberFormat's system).
bool gregorian_in_ascii(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> keywords(locale.createKeywords(status));
  if (U_FAILURE(status) || keywords || locale.getVariant()[0] != '\0') return false;
  // The calendar Calendar::createInstance would make: the first the locale's region prefers
  // (read from supplementalData, without building a calendar).
  std::unique_ptr<icu::StringEnumeration> calendars(
      icu::Calendar::getKeywordValuesForLocale("calendar", locale, true, status));
  const char* calendar =
      U_SUCCESS(status) && calendars ? calendars->next(nullptr, status) : nullptr;
  if (U_FAILURE(status) || !calendar || std::string_view(calendar) != "gregorian") return false;
  std::unique_ptr<icu::NumberingSystem> numbers(
      icu::NumberingSystem::createInstance(locale, status));
  return U_SUCCESS(status) && !numbers->isAlgorithmic() && numbers->getRadix() == 10 &&
         std::string_view(numbers->getName()) == "latn";
}

std::optional<Plain> load_plain(const icu::Locale& locale, icu::DateFormat::EStyle style) {
  if (locale.isBogus() || style < icu::DateFormat::kFull || style > icu::DateFormat::kShort ||
      !gregorian_in_ascii(locale))
    return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  Bundle bundle(ures_open(nullptr, locale.getBaseName(), &status));
  Bundle patterns(ures_getByKeyWithFallback(bundle.get(), "calendar/gregorian/DateTimePatterns",
                                            nullptr, &status));
  // DateFormat puts the date styles after the four time styles (kDateOffset).
  Bundle entry(
      ures_getByIndex(patterns.get(), style + icu::DateFormat::kDateOffset, nullptr, &status));
  // An array is a pattern with a digit override ("d=hanidec"): ICU's to read.
  if (U_FAILURE(status) || ures_getType(entry.get()) != URES_STRING) return std::nullopt;
  int32_t length = 0;
  const UChar* text = ures_getString(entry.get(), &length, &status);
  if (U_FAILURE(status)) return std::nullopt;

  Plain plain;
  plain.pieces = pieces_of(icu::UnicodeString(text, length));
  bool wide = false, abbreviated = false;
  for (const auto& piece : plain.pieces) {
    if (piece.letter == 0 || piece.letter == u'y' || piece.letter == u'd') continue;
    if (piece.letter != u'M' || piece.count > 4) return std::nullopt;
    wide = wide || piece.count == 4;
    abbreviated = abbreviated || piece.count == 3;
  }
  if (wide && !read_months(bundle.get(), "calendar/gregorian/monthNames/format/wide", plain.wide))
    return std::nullopt;
  if (abbreviated && !read_months(bundle.get(), "calendar/gregorian/monthNames/format/abbreviated",
                                  plain.abbreviated))
    return std::nullopt;
  return plain;
}

/// `value` in ASCII digits, at least `width` of them; at most two when `two` (yy).
void append_number(icu::UnicodeString& out, int value, int width, bool two = false) {
  std::string digits = std::to_string(two ? value % 100 : value);
  if (static_cast<int>(digits.size()) < width)
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  out.append(icu::UnicodeString(digits.c_str(), static_cast<int32_t>(digits.size()), US_INV));
}

std::string write(const Plain& plain, const Date& date) {
  icu::UnicodeString out;
  const auto month = static_cast<std::size_t>(date.month - 1);
  for (const auto& piece : plain.pieces) {
    switch (piece.letter) {
      case 0:
        out.append(piece.text);
        break;
      case u'y':
        append_number(out, date.year, piece.count == 2 ? 2 : piece.count, piece.count == 2);
        break;
      case u'd':
        append_number(out, date.day, piece.count);
        break;
      default:  // M, checked when loaded
        if (piece.count == 4)
          out.append(plain.wide[month]);
        else if (piece.count == 3)
          out.append(plain.abbreviated[month]);
        else
          append_number(out, date.month, piece.count);
    }
  }
  return to_std(out);
}

/// A locale and style's formatter: the plain pieces, or ICU's DateFormat once one was needed.
struct Kept {
  std::optional<Plain> plain;
  std::unique_ptr<icu::DateFormat> icu;
};

Kept& kept_for(const icu::Locale& locale, icu::DateFormat::EStyle style) {
  thread_local std::map<std::pair<std::string, int>, Kept> kept;
  const auto key = std::pair{std::string(locale.getName()), static_cast<int>(style)};
  if (const auto found = kept.find(key); found != kept.end()) return found->second;
  if (kept.size() >= 64) kept.clear();  // bounded: a batch names a few locales
  Kept fresh;
  fresh.plain = load_plain(locale, style);
  return kept.emplace(key, std::move(fresh)).first->second;
}

}  // namespace

std::optional<std::string> plain_date(const Date& date, const icu::Locale& locale,
                                      icu::DateFormat::EStyle style) {
  if (date.year <= 1582) return std::nullopt;
  const auto& kept = kept_for(locale, style);
  if (!kept.plain) return std::nullopt;
  return write(*kept.plain, date);
}

std::string date_in_style(const Date& date, const icu::Locale& locale,
                          icu::DateFormat::EStyle style) {
  if (auto text = plain_date(date, locale, style)) return std::move(*text);
  auto& kept = kept_for(locale, style);
  if (!kept.icu) {
    kept.icu.reset(icu::DateFormat::createDateInstance(style, locale));
    if (!kept.icu)
      throw Error(std::string("ICU has no date format for \"") + locale.getName() + "\"");
    kept.icu->adoptTimeZone(icu::TimeZone::createTimeZone("GMT"));
  }
  icu::UnicodeString out;
  kept.icu->format(to_udate(date), out);
  return to_std(out);
}

}  // namespace fiscgen::i18n
