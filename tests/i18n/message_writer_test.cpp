// written_message writes select and plural messages as MessageFormat does: for every locale ICU
// has, cardinal and ordinal plurals with keywords and explicit values, over whole numbers, it
// either declines or writes MessageFormat's text.
#include <doctest/doctest.h>

#include <unicode/msgfmt.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "i18n/icu_util.hpp"
#include "i18n/message_writer.hpp"

using namespace fiscgen;
using namespace fiscgen::i18n;

namespace {

icu::MessagePattern parsed(const icu::UnicodeString& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  icu::MessagePattern out(pattern, &where, status);
  REQUIRE(U_SUCCESS(status));
  return out;
}

std::string by_icu(const icu::UnicodeString& pattern, const icu::Locale& locale,
                   const std::vector<std::pair<icu::UnicodeString, icu::Formattable>>& values) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  icu::MessageFormat format(pattern, locale, where, status);
  REQUIRE(U_SUCCESS(status));
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> formattables;
  for (const auto& [name, value] : values) {
    names.push_back(name);
    formattables.push_back(value);
  }
  icu::UnicodeString out;
  format.format(names.data(), formattables.data(), static_cast<int32_t>(names.size()), out, status);
  REQUIRE(U_SUCCESS(status));
  return to_std(out);
}

std::vector<long long> numbers() {
  std::vector<long long> out;
  for (long long n = -3; n <= 130; ++n) out.push_back(n);
  for (long long n : {200LL, 999LL, 1000LL, 1001LL, 100000LL, 1000000LL, 21000000LL})
    out.push_back(n);
  return out;
}

}  // namespace

TEST_CASE("plurals and ordinals are chosen as MessageFormat chooses them, in every locale") {
  initialise();
  const std::vector<std::pair<icu::UnicodeString, UMessagePatternArgType>> patterns{
      {u"{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}",
       UMSGPAT_ARG_TYPE_PLURAL},
      {u"{n, plural, =0 {none} =1 {just one} one {o} other {x} one {second one}}",
       UMSGPAT_ARG_TYPE_PLURAL},
      {u"{n, plural, other {always} one {never first}}", UMSGPAT_ARG_TYPE_PLURAL},
      {u"{n, selectordinal, zero {z} one {o} two {t} few {f} many {m} other {x}}",
       UMSGPAT_ARG_TYPE_SELECTORDINAL},
      {u"{n, selectordinal, =2 {second} one {o} few {f} other {x}}",
       UMSGPAT_ARG_TYPE_SELECTORDINAL}};
  int32_t count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
  REQUIRE(count > 500);
  const auto all = numbers();
  const std::map<std::string, std::vector<DateArgument>> dates;
  for (const auto& [text, type] : patterns) {
    const auto pattern = parsed(text);
    const std::map<std::string, UMessagePatternArgType> first_use{{"n", type}};
    for (int32_t i = 0; i < count; ++i)
      for (const long long n : all) {
        const std::map<std::string, MessageArgument> values{{"n", n}};
        const auto written = written_message(pattern, {values, first_use, dates}, locales[i]);
        CAPTURE(locales[i].getName());
        CAPTURE(to_std(text));
        CAPTURE(n);
        REQUIRE(written);
        REQUIRE(to_std(*written) ==
                by_icu(text, locales[i], {{u"n", icu::Formattable(static_cast<int64_t>(n))}}));
      }
  }
}

TEST_CASE("select, nested plurals and quoted text are written as MessageFormat writes them") {
  const icu::UnicodeString text =
      u"'{'{who, select, female {{n, plural, one {Ms. {name} filed it} other {{name}''s "
      u"filings}}} male {O''Brien''s '{'brief'}'} other {{name}, {n, plural, =0 {none} "
      u"other {some}}}}'}' – {name}!";
  const auto pattern = parsed(text);
  const std::map<std::string, UMessagePatternArgType> first_use{{"who", UMSGPAT_ARG_TYPE_SELECT},
                                                                {"n", UMSGPAT_ARG_TYPE_PLURAL},
                                                                {"name", UMSGPAT_ARG_TYPE_NONE}};
  const std::map<std::string, std::vector<DateArgument>> dates;
  for (const char* locale : {"en_US", "fr", "de", "es", "ar", "zh", "vi", "ru", "pl"})
    for (const std::string who : {"female", "male", "unknown", ""})
      for (const std::string name : {"Ana Gómez", "Nguyễn Văn An", "O'Brien", "王小明", "أحمد"})
        for (const long long n : {0LL, 1LL, 2LL, 5LL, 21LL}) {
          const std::map<std::string, MessageArgument> values{
              {"who", who}, {"n", n}, {"name", name}};
          const auto written =
              written_message(pattern, {values, first_use, dates}, icu::Locale(locale));
          CAPTURE(locale);
          CAPTURE(who);
          CAPTURE(n);
          REQUIRE(written);
          CHECK(to_std(*written) == by_icu(text, icu::Locale(locale),
                                           {{u"who", icu::Formattable(to_icu(who))},
                                            {u"n", icu::Formattable(static_cast<int64_t>(n))},
                                            {u"name", icu::Formattable(to_icu(name))}}));
        }
}

TEST_CASE("what needs ICU's formatters is left to MessageFormat") {
  const std::map<std::string, std::vector<DateArgument>> dates;
  const std::map<std::string, MessageArgument> values{{"n", 3LL}, {"s", std::string("x")}};
  const std::map<std::string, UMessagePatternArgType> plural{{"n", UMSGPAT_ARG_TYPE_PLURAL}};
  const icu::Locale en("en_US");
  // '#' in the branch taken, an offset, the number used again inside, a number as {n}, choice.
  for (const char16_t* text :
       {u"{n, plural, one {one} other {# items}}", u"{n, plural, offset:1 one {o} other {x}}",
        u"{n, plural, one {o} other {{n, number} x}}", u"{n}", u"{n, number}",
        u"{n, choice, 0#none|1#some}"})
    CHECK_FALSE(written_message(parsed(text), {values, plural, dates}, en));
  // '#' in a branch not taken is not read.
  CHECK(to_std(*written_message(parsed(u"{n, plural, one {# item} other {items}}"),
                                {values, plural, dates}, en)) == "items");
  // A number given to a name a select uses first is text: the select reads "3".
  const std::map<std::string, UMessagePatternArgType> select{{"n", UMSGPAT_ARG_TYPE_SELECT}};
  CHECK(to_std(*written_message(parsed(u"{n, select, 3 {three} other {?}} ({n})"),
                                {values, select, dates}, en)) == "three (3)");
}
