// Dates and numbers in the words of a locale.
#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uversion.h>

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <memory>

#include "i18n/i18n.hpp"
#include "i18n/icu_util.hpp"
#include "i18n/message_dates.hpp"

namespace fiscgen::i18n {
namespace {

constexpr std::array<const char*, 12> month_names{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

// Reads exactly `width` ASCII digits at `at`, or returns -1.
int digits(std::string_view text, std::size_t at, std::size_t width) {
  int value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::unique_ptr<icu::TimeZone> gmt() {
  return std::unique_ptr<icu::TimeZone>(icu::TimeZone::createTimeZone("GMT"));
}

// Letters an ICU date skeleton may hold (UTS #35 date field symbols).
bool is_skeleton(const std::string& style) {
  static constexpr std::string_view fields = "GyYuUrQqMLlwWdDFgEecabBhHkKjJCmsSAzZOvVXx";
  if (style.empty()) return false;
  for (char c : style)
    if (fields.find(c) == std::string_view::npos) return false;
  return true;
}

std::string roman(long long value) {
  // Past 3999 there is no standard form (the vinculum has no ASCII spelling).
  if (value < 1 || value > 3999)
    throw Error("roman numerals go from 1 to 3999, not " + std::to_string(value));
  static constexpr std::array<std::pair<int, const char*>, 13> steps{{{1000, "M"},
                                                                      {900, "CM"},
                                                                      {500, "D"},
                                                                      {400, "CD"},
                                                                      {100, "C"},
                                                                      {90, "XC"},
                                                                      {50, "L"},
                                                                      {40, "XL"},
                                                                      {10, "X"},
                                                                      {9, "IX"},
                                                                      {5, "V"},
                                                                      {4, "IV"},
                                                                      {1, "I"}}};
  std::string out;
  for (const auto& [step, letters] : steps)
    for (; value >= step; value -= step) out += letters;
  return out;
}

// Bijective base 26, as list markers count: Z is followed by AA, not BA.
std::string alphabetic(long long value) {
  if (value < 1) throw Error("alphabetic numbering starts at 1 (A), not " + std::to_string(value));
  std::string out;
  for (; value > 0; value = (value - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (value - 1) % 26));
  return out;
}

std::string lower_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string rule_based(long long value, const std::string& locale, icu::URBNFRuleSetTag tag,
                       const char* what) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat format(tag, icu_locale(locale), status);
  check(status, std::string("creating the ") + what + " format for \"" + locale + "\"");
  icu::UnicodeString out;
  format.format(static_cast<int64_t>(value), out, status);
  check(status, std::string("formatting ") + std::to_string(value) + " as " + what);
  return to_std(out);
}

}  // namespace

Date Date::parse(std::string_view iso, const SourceLocation& where) {
  // Built with append: GCC 12's -Wrestrict misfires on "\"" + std::string(...) here.
  std::string quoted = "\"";
  quoted.append(iso).append("\"");
  const bool shaped = iso.size() == 10 && iso[4] == '-' && iso[7] == '-';
  const int year = shaped ? digits(iso, 0, 4) : -1;
  const int month = shaped ? digits(iso, 5, 2) : -1;
  const int day = shaped ? digits(iso, 8, 2) : -1;
  if (year < 0 || month < 0 || day < 0)
    throw Error(where, quoted + " is not a date: expected YYYY-MM-DD, e.g. 2013-07-16");
  const std::string text(iso);
  if (year == 0) throw Error(where, text + " is not a date: there is no year 0000");
  if (month < 1 || month > 12)
    throw Error(where, text + " is not a date: there is no month " + std::to_string(month));
  const int last = days_in_month(year, month);
  if (day < 1 || day > last)
    throw Error(where, text + " is not a date: " + month_names[month - 1] + " " +
                           std::to_string(year) + " has " + std::to_string(last) + " days");
  return Date{year, month, day};
}

UDate to_udate(const Date& date) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(gmt().release(), status);
  check(status, "creating a Gregorian calendar");
  calendar.clear();
  calendar.set(date.year, date.month - 1, date.day);
  const UDate time = calendar.getTime(status);
  check(status, "computing a date");
  return time;
}

std::string format_date(const Date& date, const std::string& locale, const std::string& style) {
  const icu::Locale where = icu_locale(locale);
  if (style == "full" || style == "long" || style == "medium" || style == "short") {
    // As a message's {d, date, long} is written: the same text, kept per thread.
    return date_in_style(date, where,
                         style == "full"     ? icu::DateFormat::kFull
                         : style == "long"   ? icu::DateFormat::kLong
                         : style == "medium" ? icu::DateFormat::kMedium
                                             : icu::DateFormat::kShort);
  }
  if (!is_skeleton(style))
    throw Error("unknown date style \"" + style +
                "\": use full, long, medium, short or an ICU skeleton such as yMMMMd");
  // A skeleton names fields, not order: the generator puts them as the locale writes them
  // ("16 de julio de 2013"), which a fixed pattern cannot (library-probe §2).
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(where, status));
  check(status, "creating a date pattern generator for \"" + locale + "\"");
  const icu::UnicodeString pattern = generator->getBestPattern(to_icu(style), status);
  check(status, "finding a date pattern for skeleton \"" + style + "\"");
  auto format = std::make_unique<icu::SimpleDateFormat>(pattern, where, status);
  check(status, "creating a date format for skeleton \"" + style + "\"");
  format->adoptTimeZone(gmt().release());
  icu::UnicodeString out;
  format->format(to_udate(date), out);
  return to_std(out);
}

std::string format_number(long long value, const std::string& locale, const std::string& style) {
  if (style == "decimal") {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> format(
        icu::NumberFormat::createInstance(icu_locale(locale), status));
    check(status, "creating a number format for \"" + locale + "\"");
    icu::UnicodeString out;
    format->format(static_cast<int64_t>(value), out);
    return to_std(out);
  }
  // The default ordinal rule set is the locale's own: 16th, 16e, 16.; the names differ
  // per locale, so none is asked for by name.
  if (style == "ordinal") return rule_based(value, locale, icu::URBNF_ORDINAL, "ordinal");
  if (style == "spellout") return rule_based(value, locale, icu::URBNF_SPELLOUT, "spellout");
  if (style == "upper-roman") return roman(value);
  if (style == "lower-roman") return lower_ascii(roman(value));
  if (style == "upper-alpha") return alphabetic(value);
  if (style == "lower-alpha") return lower_ascii(alphabetic(value));
  throw Error("unknown number style \"" + style +
              "\": use decimal, ordinal, spellout, upper-roman, lower-roman, upper-alpha or "
              "lower-alpha");
}

std::string icu_version() {
  UVersionInfo version;
  u_getVersion(version);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, text);
  return text;
}

namespace {

std::vector<std::string> list_locales(const std::filesystem::path& bundle_dir) {
  std::vector<std::string> out;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(bundle_dir, error)) {
    if (entry.path().extension() != ".res") continue;
    const std::string stem = entry.path().stem().string();
    // genrb's bookkeeping bundles, not locales.
    if (stem == "res_index" || stem == "pool") continue;
    out.push_back(stem);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// A folder's listing, kept with the folder's times and inode: a bundle added or removed
/// changes its modification time, so one stat says whether the listing still holds.
struct Listing {
  timespec modified{}, changed{};
  ino_t inode = 0;
  std::vector<std::string> names;
};

bool same_time(const timespec& a, const timespec& b) {
  return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

}  // namespace

std::vector<std::string> available_locales(const std::filesystem::path& bundle_dir) {
  // Every document builds its messages (twice), each asking for the bundles there are: a
  // listing of the folder each time, where one stat does. Per thread, so no lock.
  thread_local std::map<std::string, Listing> listings;
  struct stat info {};
  if (::stat(bundle_dir.c_str(), &info) != 0) return list_locales(bundle_dir);
  auto& kept = listings[bundle_dir.string()];
  if (!kept.names.empty() && kept.inode == info.st_ino && same_time(kept.modified, info.st_mtim) &&
      same_time(kept.changed, info.st_ctim))
    return kept.names;
  auto names = list_locales(bundle_dir);
  // A folder changed within the clock's granularity of the listing could change again with the
  // same times: its listing is not kept.
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto newest = std::chrono::seconds{std::max(info.st_mtim.tv_sec, info.st_ctim.tv_sec)};
  if (now - newest > std::chrono::seconds{2})
    kept = Listing{info.st_mtim, info.st_ctim, info.st_ino, names};
  else
    kept = Listing{};
  return names;
}

}  // namespace fiscgen::i18n
