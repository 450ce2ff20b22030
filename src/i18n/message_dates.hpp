// Dates in the styles of ICU's DateFormat, for the date arguments of messages; never included
// outside src/i18n/.
#pragma once

#include <unicode/datefmt.h>
#include <unicode/locid.h>

#include <optional>
#include <string>

#include "i18n/i18n.hpp"

namespace fiscgen::i18n {

/// What ICU's DateFormat::createDateInstance(style, locale), in GMT, writes for `date`, taken
/// from the locale's date pattern and month names alone; nullopt where the pattern needs more
/// (weekdays, eras, stand-alone or narrow months), or where the locale counts in another
/// calendar or other digits, or names a variant or keywords, or the year is 1582 or before
/// (ICU's calendar is Julian then, and the change of calendar skips days). A SimpleDateFormat
/// costs about a million instructions to build, mostly for symbols a date never prints; this
/// reads the few it needs.
std::optional<std::string> plain_date(const Date& date, const icu::Locale& locale,
                                      icu::DateFormat::EStyle style);

/// The same text, from ICU's own DateFormat where plain_date declines. Kept per thread and per
/// locale and style.
std::string date_in_style(const Date& date, const icu::Locale& locale,
                          icu::DateFormat::EStyle style);

}  // namespace fiscgen::i18n
