// Messages::format writes messages without arguments, and dates in a keyword style, without
// ICU's MessageFormat building them: each message of the test bundle's same_as_icu table, in
// several locales and with names from many languages, must come out as MessageFormat itself
// formats it.
#include <doctest/doctest.h>

#include <unicode/datefmt.h>
#include <unicode/msgfmt.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/ures.h>

#include <memory>
#include <string>
#include <vector>

#include "i18n/i18n.hpp"
#include "i18n/icu_util.hpp"

using namespace fiscgen;
using namespace fiscgen::i18n;

namespace {

const std::filesystem::path bundles = FISCGEN_TEST_LOCALES;

struct Closer {
  void operator()(UResourceBundle* bundle) const { ures_close(bundle); }
};
using Bundle = std::unique_ptr<UResourceBundle, Closer>;

/// The patterns of root's same_as_icu table, by key.
std::vector<std::pair<std::string, icu::UnicodeString>> patterns() {
  UErrorCode status = U_ZERO_ERROR;
  Bundle root(ures_openDirect(bundles.string().c_str(), "root", &status));
  Bundle table(ures_getByKey(root.get(), "same_as_icu", nullptr, &status));
  REQUIRE(U_SUCCESS(status));
  std::vector<std::pair<std::string, icu::UnicodeString>> out;
  while (ures_hasNext(table.get())) {
    Bundle entry(ures_getNextResource(table.get(), nullptr, &status));
    int32_t length = 0;
    const UChar* text = ures_getString(entry.get(), &length, &status);
    REQUIRE(U_SUCCESS(status));
    out.emplace_back(ures_getKey(entry.get()), icu::UnicodeString(text, length));
  }
  return out;
}

/// What ICU's MessageFormat writes for `pattern` with these arguments, its dates in GMT.
std::string by_icu(const icu::UnicodeString& pattern, const std::string& locale,
                   const std::string& name, long long n, const Date& date, const std::string& who) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  icu::MessageFormat format(pattern, icu::Locale(locale.c_str()), where, status);
  REQUIRE(U_SUCCESS(status));
  std::unique_ptr<icu::StringEnumeration> formats(format.getFormatNames(status));
  while (const icu::UnicodeString* id = formats->snext(status))
    if (auto* dates = dynamic_cast<icu::DateFormat*>(format.getFormat(*id, status)))
      dates->adoptTimeZone(icu::TimeZone::createTimeZone("GMT"));
  const icu::UnicodeString names[] = {u"name", u"title", u"n", u"d", u"who"};
  const icu::Formattable values[] = {
      icu::Formattable(to_icu(name)), icu::Formattable(to_icu("Motion to Seal")),
      icu::Formattable(static_cast<int64_t>(n)),
      icu::Formattable(to_udate(date), icu::Formattable::kIsDate), icu::Formattable(to_icu(who))};
  icu::UnicodeString out;
  format.format(names, values, 5, out, status);
  REQUIRE(U_SUCCESS(status));
  return to_std(out);
}

}  // namespace

TEST_CASE("messages without arguments and dates in keyword styles read as ICU writes them") {
  initialise();
  const auto all = patterns();
  REQUIRE(all.size() >= 15);
  const std::vector<std::string> names{"Ana Gómez",   "Nguyễn Văn An", "O'Brien",
                                       "أحمد بن علي", "王小明",        "{not an argument}"};
  const std::vector<Date> dates{{2013, 7, 16},  {1999, 12, 31}, {2024, 2, 29},  {1600, 1, 1},
                                {1582, 10, 15}, {1066, 10, 14}, {9999, 12, 31}, {2001, 1, 1}};
  for (const std::string locale : {"en_US", "en_GB", "de", "de_CH", "fr", "fr_CA", "root"}) {
    const Messages messages(bundles, locale);
    for (const auto& [key, pattern] : all)
      for (std::size_t i = 0; i < dates.size(); ++i) {
        const std::string& name = names[i % names.size()];
        const long long n = static_cast<long long>(i % 4 == 3 ? 21 : i % 4);
        const std::string who = i % 2 ? "none" : name;
        CAPTURE(locale);
        CAPTURE(key);
        CAPTURE(name);
        CHECK(messages.format("same_as_icu/" + key, {{"name", name},
                                                     {"title", std::string("Motion to Seal")},
                                                     {"n", n},
                                                     {"d", dates[i]},
                                                     {"who", who}}) ==
              by_icu(pattern, locale, name, n, dates[i], who));
      }
  }
}

TEST_CASE("a literal message drops the apostrophes that quote, as ICU does") {
  const Messages en(bundles, "en_US");
  CHECK(en.format("same_as_icu/apostrophe") == "O'Brien's letter of today");
  CHECK(en.format("same_as_icu/doubled") == "O'Brien's letter");
  CHECK(en.format("same_as_icu/quoted_braces") == "{literal braces} and '#' and }");
  CHECK(en.format("same_as_icu/quoted_to_end") == "the rest is {quoted");
  CHECK(en.format("same_as_icu/names") == "Ana Gómez, Nguyễn Văn An, أحمد بن علي, 王小明");
}

TEST_CASE("a date argument given as text is still ICU's to refuse") {
  const Messages en(bundles, "en_US");
  CHECK_THROWS_WITH_AS(en.format("same_as_icu/dates", {{"d", std::string("2013-07-16")}}),
                       doctest::Contains("formatting message \"same_as_icu/dates\""), Error);
}
