// Writing a message as ICU's MessageFormat writes it, without building one, for the messages
// that need no formatter of ICU's; never included outside src/i18n/.
#pragma once

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "i18n/i18n.hpp"

namespace fiscgen::i18n {

/// A date argument MessageFormat formats with DateFormat::createDateInstance(style): {d, date}
/// or {d, date, short|medium|long|full}, spanning [start, limit) of the pattern.
struct DateArgument {
  std::string name;
  int32_t start = 0, limit = 0;
  icu::DateFormat::EStyle style = icu::DateFormat::kDefault;
};

/// Every argument of `pattern` written as a date in a keyword style (as MessageFormat's
/// findKeyword reads a style: trimmed of Pattern_White_Space, in any case), by name, when every
/// use of that name is one; the others are not listed.
std::map<std::string, std::vector<DateArgument>> date_arguments(const icu::MessagePattern& pattern);

/// "2013-07-16": a date given to a select.
std::string iso(const Date& date);

/// What a message's arguments are: their values, the type of each name's first use (which
/// decides the ICU value Messages::format hands MessageFormat), and the dates in keyword styles.
struct MessageArguments {
  const std::map<std::string, MessageArgument>& values;
  const std::map<std::string, UMessagePatternArgType>& first_use;
  const std::map<std::string, std::vector<DateArgument>>& dates;
};

/// The message as MessageFormat::format writes it, when it needs no formatter of ICU's: text
/// (the apostrophes that quote dropped), {name} given text or a date, dates in keyword styles,
/// select, and plural or selectordinal given a whole number, with no offset, no other use of
/// its name inside it and no '#' in the branch taken. nullopt for anything else (numbers,
/// choice, other styles): MessageFormat's to write. The arguments were checked before.
std::optional<icu::UnicodeString> written_message(const icu::MessagePattern& pattern,
                                                  const MessageArguments& arguments,
                                                  const icu::Locale& locale);

}  // namespace fiscgen::i18n
