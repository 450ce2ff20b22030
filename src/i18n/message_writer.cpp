// Writing a message as MessageFormat::format writes it, part by part, for the messages that
// need no formatter of ICU's: the text between the parts of its MessagePattern (SKIP_SYNTAX
// parts are the apostrophes that quote), each argument's text, and for select and plural the
// sub-message that SelectFormat::findSubMessage and PluralFormat::findSubMessage choose, with
// the plural keyword from the locale's PluralRules. Compiling a MessageFormat, and the number
// format its plural selector builds, cost more than the text. tests/i18n/message_writer_test.cpp
// compares the two over every locale ICU has.
#include "i18n/message_writer.hpp"

#include <unicode/plurrule.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "i18n/icu_util.hpp"
#include "i18n/message_dates.hpp"

namespace fiscgen::i18n {
namespace {

/// Pattern_White_Space, which MessageFormat trims from a style before reading it as a keyword.
bool pattern_white_space(char16_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0x200E || c == 0x200F ||
         c == 0x2028 || c == 0x2029;
}

/// The style MessageFormat gives a "date" argument with this ARG_STYLE when it is a keyword, as
/// its findKeyword reads one (trimmed, in any case); a pattern or a skeleton is left to ICU.
std::optional<icu::DateFormat::EStyle> date_style(icu::UnicodeString style) {
  int32_t start = 0, end = style.length();
  while (start < end && pattern_white_space(style[start])) ++start;
  while (end > start && pattern_white_space(style[end - 1])) --end;
  style.retainBetween(start, end);
  style.toLower("");
  if (style == u"short") return icu::DateFormat::kShort;
  if (style == u"medium") return icu::DateFormat::kMedium;
  if (style == u"long") return icu::DateFormat::kLong;
  if (style == u"full") return icu::DateFormat::kFull;
  return std::nullopt;
}

/// A locale's plural rules of one type (cardinal, ordinal), kept per thread.
const icu::PluralRules* plural_rules(const icu::Locale& locale, UPluralType type) {
  thread_local std::map<std::pair<std::string, int>, std::unique_ptr<icu::PluralRules>> kept;
  const auto key = std::pair{std::string(locale.getName()), static_cast<int>(type)};
  if (const auto found = kept.find(key); found != kept.end()) return found->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(locale, type, status));
  if (U_FAILURE(status) || !rules) return nullptr;
  if (kept.size() >= 64) kept.clear();  // bounded; a pointer is used before the next lookup
  return kept.emplace(key, std::move(rules)).first->second.get();
}

class Writer {
 public:
  Writer(const icu::MessagePattern& pattern, const MessageArguments& arguments,
         const icu::Locale& locale)
      : pattern_(pattern), arguments_(arguments), locale_(locale) {}

  /// Appends the message whose MSG_START is part `start`; false where ICU must write it.
  bool message(int32_t start, icu::UnicodeString& out) const {
    const icu::UnicodeString& text = pattern_.getPatternString();
    int32_t from = pattern_.getPart(start).getLimit();
    for (int32_t i = start + 1; i < pattern_.countParts(); ++i) {
      const auto& part = pattern_.getPart(i);
      out.append(text, from, part.getIndex() - from);
      const auto type = part.getType();
      if (type == UMSGPAT_PART_TYPE_MSG_LIMIT) return true;
      from = part.getLimit();
      if (type == UMSGPAT_PART_TYPE_REPLACE_NUMBER) return false;  // '#': a number to format
      if (type != UMSGPAT_PART_TYPE_ARG_START) continue;           // syntax, not text
      const int32_t limit = pattern_.getLimitPartIndex(i);
      if (!argument(i, out)) return false;
      from = pattern_.getPart(limit).getLimit();
      i = limit;
    }
    return false;
  }

 private:
  /// Appends the argument whose ARG_START is part `start`.
  bool argument(int32_t start, icu::UnicodeString& out) const {
    const auto& part = pattern_.getPart(start);
    const std::string name = to_std(pattern_.getSubstring(pattern_.getPart(start + 1)));
    const auto value = arguments_.values.find(name);
    const auto first = arguments_.first_use.find(name);
    if (value == arguments_.values.end() || first == arguments_.first_use.end()) return false;
    switch (part.getArgType()) {
      case UMSGPAT_ARG_TYPE_NONE:
        if (const auto text = text_of(value->second, first->second)) {
          out.append(*text);
          return true;
        }
        return false;
      case UMSGPAT_ARG_TYPE_SIMPLE:
        return date(name, part.getIndex(), value->second, out);
      case UMSGPAT_ARG_TYPE_SELECT: {
        const auto keyword = text_of(value->second, first->second);
        const int32_t chosen = keyword ? selected(start + 2, *keyword) : 0;
        return chosen > 0 && message(chosen, out);
      }
      case UMSGPAT_ARG_TYPE_PLURAL:
      case UMSGPAT_ARG_TYPE_SELECTORDINAL: {
        const auto* number = std::get_if<long long>(&value->second);
        // A number given to a name first used by a select is text to MessageFormat.
        if (!number || first->second == UMSGPAT_ARG_TYPE_SELECT ||
            std::llabs(*number) > 1'000'000'000 || !plain_plural(start, name))
          return false;
        const auto type = part.getArgType() == UMSGPAT_ARG_TYPE_PLURAL ? UPLURAL_TYPE_CARDINAL
                                                                       : UPLURAL_TYPE_ORDINAL;
        const int32_t chosen = plural(start + 2, static_cast<double>(*number), type);
        return chosen > 0 && message(chosen, out);
      }
      default:  // choice
        return false;
    }
  }

  /// The text MessageFormat is given for a value (Messages::format's conversions by the first
  /// use of its name), where it is text.
  std::optional<icu::UnicodeString> text_of(const MessageArgument& value,
                                            UMessagePatternArgType first_use) const {
    if (const auto* text = std::get_if<std::string>(&value)) return to_icu(*text);
    if (const auto* number = std::get_if<long long>(&value))
      return first_use == UMSGPAT_ARG_TYPE_SELECT ? std::optional(to_icu(std::to_string(*number)))
                                                  : std::nullopt;
    const Date& date = std::get<Date>(value);
    if (first_use == UMSGPAT_ARG_TYPE_SELECT) return to_icu(iso(date));
    if (first_use == UMSGPAT_ARG_TYPE_NONE)  // a bare {d}: a date, never date and time
      return to_icu(date_in_style(date, locale_, icu::DateFormat::kLong));
    return std::nullopt;
  }

  /// A date in a keyword style, the use of `name` that starts at `index`.
  bool date(const std::string& name, int32_t index, const MessageArgument& value,
            icu::UnicodeString& out) const {
    const auto uses = arguments_.dates.find(name);
    const auto* date = std::get_if<Date>(&value);
    if (!date || uses == arguments_.dates.end()) return false;
    const auto use = std::find_if(uses->second.begin(), uses->second.end(),
                                  [&](const DateArgument& u) { return u.start == index; });
    if (use == uses->second.end()) return false;
    out.append(to_icu(date_in_style(*date, locale_, use->style)));
    return true;
  }

  /// SelectFormat::findSubMessage: the MSG_START of the branch `keyword` selects, else of the
  /// first "other"; `at` is the first ARG_SELECTOR.
  int32_t selected(int32_t at, const icu::UnicodeString& keyword) const {
    const icu::UnicodeString other(u"other");
    int32_t chosen = 0;
    for (; at < pattern_.countParts(); ++at) {
      const auto& selector = pattern_.getPart(at++);
      if (selector.getType() == UMSGPAT_PART_TYPE_ARG_LIMIT) break;
      if (pattern_.partSubstringMatches(selector, keyword)) return at;
      if (chosen == 0 && pattern_.partSubstringMatches(selector, other)) chosen = at;
      at = pattern_.getLimitPartIndex(at);
    }
    return chosen;
  }

  /// A plural ICU would choose as written here: no offset, and no other use of its name inside
  /// it (MessageFormat would choose by how that use formats the number).
  bool plain_plural(int32_t start, const std::string& name) const {
    if (icu::MessagePattern::Part::hasNumericValue(pattern_.getPartType(start + 2)))
      return false;  // offset:N
    const int32_t limit = pattern_.getLimitPartIndex(start);
    for (int32_t i = start + 2; i < limit; ++i)
      if (pattern_.getPartType(i) == UMSGPAT_PART_TYPE_ARG_START &&
          to_std(pattern_.getSubstring(pattern_.getPart(i + 1))) == name)
        return false;
    return true;
  }

  /// PluralFormat::findSubMessage without an offset: an explicit =N first, else the first
  /// branch of the keyword the locale's rules give `number` (a whole number, so the keyword
  /// ICU's selector reads from the number as its default format writes it), else "other".
  int32_t plural(int32_t at, double number, UPluralType type) const {
    const icu::UnicodeString other(u"other");
    icu::UnicodeString keyword;  // asked for when a branch other than "other" needs it
    bool have_keyword_match = false;
    int32_t chosen = 0;
    for (; at < pattern_.countParts(); ++at) {
      const auto& selector = pattern_.getPart(at++);
      if (selector.getType() == UMSGPAT_PART_TYPE_ARG_LIMIT) break;
      if (icu::MessagePattern::Part::hasNumericValue(pattern_.getPartType(at))) {
        if (number == pattern_.getNumericValue(pattern_.getPart(at++))) return at;
      } else if (!have_keyword_match) {
        if (pattern_.partSubstringMatches(selector, other)) {
          if (chosen == 0) {
            chosen = at;
            have_keyword_match = keyword == other;
          }
        } else {
          if (keyword.isEmpty()) {
            const auto* rules = plural_rules(locale_, type);
            if (!rules) return 0;
            keyword = rules->select(number);
            if (chosen != 0 && keyword == other) have_keyword_match = true;
          }
          if (!have_keyword_match && pattern_.partSubstringMatches(selector, keyword)) {
            chosen = at;
            have_keyword_match = true;
          }
        }
      }
      at = pattern_.getLimitPartIndex(at);
    }
    return chosen;
  }

  const icu::MessagePattern& pattern_;
  const MessageArguments& arguments_;
  const icu::Locale& locale_;
};

}  // namespace

std::map<std::string, std::vector<DateArgument>> date_arguments(
    const icu::MessagePattern& pattern) {
  std::map<std::string, std::vector<DateArgument>> dates;
  std::vector<std::string> other;
  for (int32_t i = 0; i + 2 < pattern.countParts(); ++i) {
    const auto& part = pattern.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) continue;
    const std::string name = to_std(pattern.getSubstring(pattern.getPart(i + 1)));
    std::optional<icu::DateFormat::EStyle> style;
    if (part.getArgType() == UMSGPAT_ARG_TYPE_SIMPLE &&
        pattern.getSubstring(pattern.getPart(i + 2)).toLower("") == u"date") {
      const auto& next = pattern.getPart(i + 3);
      style = next.getType() == UMSGPAT_PART_TYPE_ARG_STYLE
                  ? date_style(pattern.getSubstring(next))
                  : std::optional(icu::DateFormat::kDefault);
    }
    if (!style) {
      other.push_back(name);
      continue;
    }
    const auto& limit = pattern.getPart(pattern.getLimitPartIndex(i));
    dates[name].push_back(DateArgument{name, part.getIndex(), limit.getLimit(), *style});
  }
  for (const auto& name : other) dates.erase(name);
  return dates;
}

std::string iso(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

std::optional<icu::UnicodeString> written_message(const icu::MessagePattern& pattern,
                                                  const MessageArguments& arguments,
                                                  const icu::Locale& locale) {
  icu::UnicodeString out;
  if (!Writer(pattern, arguments, locale).message(0, out)) return std::nullopt;
  return out;
}

}  // namespace fiscgen::i18n
