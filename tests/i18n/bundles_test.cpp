// The real bundles of locales/: complete (every key of root translated, or its inheritance
// declared in locales/inherited.list), well-formed in every locale, and saying what each
// language really writes.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "i18n/i18n.hpp"

using namespace fiscgen;
using namespace fiscgen::i18n;

namespace {

const std::filesystem::path bundles = FISCGEN_BUILD_LOCALE_DIR;
const std::filesystem::path declared_file =
    std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "locales" / "inherited.list";
const Date july16{2013, 7, 16};

struct Declared {
  std::string locale, key;
};

/// locales/inherited.list: "locale key # why"; '#' starts a comment.
std::vector<Declared> read_declared() {
  std::ifstream in(declared_file);
  REQUIRE_MESSAGE(in, "cannot read " << declared_file.string());
  std::vector<Declared> out;
  for (std::string line; std::getline(in, line);) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    Declared entry;
    if (!(words >> entry.locale)) continue;
    const bool has_key = static_cast<bool>(words >> entry.key);
    REQUIRE_MESSAGE(has_key, "no key in inherited.list line: " << line);
    out.push_back(entry);
  }
  return out;
}

bool is_declared(const std::vector<Declared>& declared, const std::string& locale,
                 const std::string& key) {
  return std::any_of(declared.begin(), declared.end(), [&](const Declared& d) {
    if (d.locale != locale) return false;
    if (d.key == "*" || d.key == key) return true;
    return d.key.size() > 2 && d.key.ends_with("/*") &&
           key.rfind(d.key.substr(0, d.key.size() - 1), 0) == 0;
  });
}

std::vector<std::string> translations() {
  auto all = available_locales(bundles);
  all.erase(std::remove(all.begin(), all.end(), "root"), all.end());
  return all;
}

/// A value for every argument any message takes (docs/locales.md lists them).
const std::map<std::string, MessageArgument> sample_arguments{
    {"docket", std::string("Misc. 13-04")},
    {"date", july16},
    {"party", std::string("Cascade")},
    {"document", std::string("Motion")},
    {"method", std::string("hand delivery")},
    {"movant", std::string("Cascade")},
    {"year", std::string("2013")},
    {"day", 16LL},
    {"month", std::string("July")},
    {"subject", std::string("Aggregate figures")},
    {"count", 2LL},
    {"name", std::string("Roe")},
    {"label", std::string("A")},  // exhibit/slip
    {"value", std::string("25X1")},
    {"honorific", std::string("ms")},
    {"address", std::string("Madam Director")},
    {"limit_rule", std::string("FRAP 32(a)(7)(B)(i)")},  // compliance/*
    {"exempted_by", std::string("FRAP 32(f)")},
    {"words", 1147LL},
    {"type_rule", std::string("FRAP 32(a)(5)(A)")},
    {"size", std::string("14")},
    {"font", std::string("Liberation Serif")},
    {"earlier", std::string("motion-june.xml")},  // compare/*
    {"later", std::string("motion-september.xml")},
    {"section", std::string("I. Introduction")},
    {"inserted", 12LL},
    {"deleted", 1LL},
    {"moved", 0LL},
    {"decision", std::string("an Order")},  // review/*
    {"court", std::string("United States Foreign Intelligence Surveillance Court")},
    {"petitioner", std::string("Cascade")},  // papers/*
    {"challenged", std::string("the directive of April 2, 2013")},
    {"provision", std::string("50 U.S.C. § 1881a(i)(4)")},
    {"declarant", std::string("Ana Lucía Pérez")},
    {"place", std::string("Seattle, Washington")},
    {"submission", std::string("the declaration")},
    {"filed", std::string("the declaration")},
    {"paper", std::string("its motion")},
    {"act", std::string("file its reply")},
    {"now", july16},
    {"requested", july16},
    {"on", std::string("its motion")},
    // order/judge uses "court" above, letter/date_line "place" above
    {"channel", std::string("Security and Emergency Planning Staff")},  // service/filed_through
    {"organization", std::string("U.S. Department of Justice")},
    {"surname", std::string("Holder")},                               // letter/named/KEY
    {"title", std::string("Attorney General of the United States")},  // letter/office
    {"addressee", std::string("Eric H. Holder, Jr.")},                // letter/continuation
    {"page", std::string("2")},
};

std::string salutation(const std::string& locale, const std::string& office,
                       const std::string& honorific, const std::string& name = "") {
  const Messages messages(bundles, locale);
  const auto address =
      messages.format("letter/address/" + office, {{"honorific", honorific}, {"name", name}});
  return messages.format("letter/salutation", {{"honorific", honorific}, {"address", address}});
}

std::string closing(const std::string& locale, const std::string& office,
                    const std::string& honorific) {
  const Messages messages(bundles, locale);
  const auto address = messages.format("letter/address/" + office, {{"honorific", honorific}});
  return messages.format("letter/closing", {{"honorific", honorific}, {"address", address}});
}

std::string enclosures(const std::string& locale, long long count) {
  return Messages(bundles, locale).format("letter/enclosures", {{"count", count}});
}

}  // namespace

TEST_CASE("the bundles are root, en, en_GB, fr, de and es") {
  CHECK(available_locales(bundles) ==
        std::vector<std::string>{"de", "en", "en_GB", "es", "fr", "root"});
}

TEST_CASE("every key of root is translated in every bundle, or declared inherited") {
  const auto declared = read_declared();
  const auto root_keys = message_keys(bundles, "root");
  REQUIRE(root_keys.size() > 20);
  for (const auto& locale : translations()) {
    const auto keys = message_keys(bundles, locale);
    for (const auto& key : root_keys) {
      const bool translated = std::binary_search(keys.begin(), keys.end(), key);
      CHECK_MESSAGE((translated || is_declared(declared, locale, key)),
                    locale << " neither translates " << key
                           << " nor declares it inherited in locales/inherited.list");
    }
  }
}

TEST_CASE("no bundle holds a key that root lacks, and the declared list names real ones") {
  const auto root_keys = message_keys(bundles, "root");
  const std::set<std::string> known(root_keys.begin(), root_keys.end());
  const auto locales = translations();
  for (const auto& locale : locales)
    for (const auto& key : message_keys(bundles, locale))
      CHECK_MESSAGE(known.count(key) == 1, locale << " has " << key << ", which root lacks");
  for (const auto& entry : read_declared()) {
    INFO(entry.locale << " " << entry.key);
    CHECK(std::find(locales.begin(), locales.end(), entry.locale) != locales.end());
    const bool any = entry.key == "*" ||
                     std::any_of(root_keys.begin(), root_keys.end(), [&](const std::string& key) {
                       return is_declared({entry}, entry.locale, key);
                     });
    CHECK(any);
  }
}

TEST_CASE("every message formats in every locale, the regional fallbacks too") {
  const auto root_keys = message_keys(bundles, "root");
  auto locales = translations();
  locales.insert(locales.end(), {"en_US", "fr_CA", "de_AT", "es_MX"});
  // Empty in root means "nothing" on purpose (quotes/space_inside: no space inside quotes);
  // empty anywhere else is a translation left blank.
  const Messages root(bundles, "root");
  for (const auto& locale : locales) {
    const Messages messages(bundles, locale);
    for (const auto& key : root_keys) {
      INFO(locale << " " << key);
      std::string text;
      CHECK_NOTHROW(text = messages.format(key, sample_arguments));
      if (!root.format(key, sample_arguments).empty()) CHECK_FALSE(text.empty());
      CHECK(text.find('{') == std::string::npos);
    }
  }
}

TEST_CASE("a regional variant falls back quietly to its language: an unknown one lists them") {
  CHECK(Messages(bundles, "fr_CA").format("letter/cc") == "Copie\u00A0:");
  CHECK(Messages(bundles, "de_CH").format("letter/closing") == "Mit freundlichen Grüßen");
  CHECK(Messages(bundles, "en_AU").format("letter/closing") == "Sincerely,");
  CHECK_THROWS_WITH_AS(Messages(bundles, "xx"),
                       "unknown locale \"xx\"; available: de, en, en_GB, es, fr", Error);
  CHECK_THROWS_WITH_AS(Messages(bundles, "tr_TR"), doctest::Contains("available: de, en"), Error);
}

TEST_CASE("enclosures: 1, 2 and 5 in each language's plural rules") {
  CHECK(enclosures("en_US", 1) == "Enclosure");
  CHECK(enclosures("en_US", 2) == "Enclosures (2)");
  CHECK(enclosures("en_US", 5) == "Enclosures (5)");
  CHECK(enclosures("en_GB", 5) == "Enclosures (5)");
  CHECK(enclosures("fr", 1) == "Pièce jointe");
  CHECK(enclosures("fr", 2) == "Pièces jointes (2)");
  CHECK(enclosures("fr", 5) == "Pièces jointes (5)");
  // French counts 0 with 1 (English does not): never printed, but the rule is the language's.
  CHECK(enclosures("fr", 0) == "Pièce jointe");
  CHECK(enclosures("en", 0) == "Enclosures (0)");
  CHECK(enclosures("de", 1) == "Anlage");
  CHECK(enclosures("de", 2) == "2 Anlagen");
  CHECK(enclosures("de", 5) == "5 Anlagen");
  CHECK(enclosures("es", 1) == "Anexo");
  CHECK(enclosures("es", 5) == "Anexos (5)");
}

TEST_CASE("salutations follow the recipient's form of address, as each language writes them") {
  CHECK(salutation("en_US", "attorney_general", "mr") == "Dear Mr. Attorney General:");
  CHECK(salutation("en_US", "attorney_general", "ms") == "Dear Madam Attorney General:");
  CHECK(salutation("en_US", "attorney_general", "") == "Dear Attorney General:");
  CHECK(salutation("en_US", "fbi_director", "ms") == "Dear Madam Director:");
  CHECK(salutation("en_US", "court_clerk", "") == "Dear Clerk of Court:");
  CHECK(salutation("en_US", "person", "ms", "Roe") == "Dear Ms. Roe:");
  CHECK(salutation("en_US", "person", "", "Jane Roe") == "Dear Jane Roe:");

  CHECK(salutation("en_GB", "attorney_general", "mr") == "Dear Attorney General,");
  CHECK(salutation("en_GB", "person", "mr", "Roe") == "Dear Mr Roe,");

  CHECK(salutation("fr", "attorney_general", "mr") == "Monsieur le Ministre,");
  CHECK(salutation("fr", "attorney_general", "ms") == "Madame la Ministre,");
  CHECK(salutation("fr", "court_clerk", "ms") == "Madame la Greffière,");
  CHECK(salutation("fr", "fbi_director", "") == "Madame, Monsieur,");
  CHECK(salutation("fr", "person", "ms", "Roe") == "Madame,");  // French names no one here

  CHECK(salutation("de", "attorney_general", "mr") == "Sehr geehrter Herr Justizminister,");
  CHECK(salutation("de", "attorney_general", "ms") == "Sehr geehrte Frau Justizministerin,");
  CHECK(salutation("de", "fbi_director", "") == "Sehr geehrte Damen und Herren,");
  CHECK(salutation("de", "person", "ms", "Roe") == "Sehr geehrte Frau Roe,");

  CHECK(salutation("es", "attorney_general", "mr") == "Estimado Sr. Fiscal General:");
  CHECK(salutation("es", "fbi_director", "ms") == "Estimada Sra. Directora:");
  CHECK(salutation("es", "person", "mr", "Roe") == "Estimado Sr. Roe:");
}

TEST_CASE("closings: French repeats the form of address, German takes no comma") {
  CHECK(closing("en_US", "attorney_general", "mr") == "Sincerely,");
  CHECK(closing("en_GB", "attorney_general", "mr") == "Yours sincerely,");
  CHECK(closing("fr", "attorney_general", "ms") ==
        "Je vous prie d’agréer, Madame la Ministre, l’expression de ma haute considération.");
  CHECK(closing("fr", "person", "") ==
        "Je vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.");
  CHECK(closing("de", "fbi_director", "mr") == "Mit freundlichen Grüßen");
  CHECK(closing("es", "fbi_director", "mr") == "Atentamente,");
}

TEST_CASE("the legal date: an ordinal day in English, the language's own form elsewhere") {
  auto legal = [](const std::string& locale, int day) {
    const Date date{2013, 7, day};
    return Messages(bundles, locale)
        .format("date/legal", {{"day", static_cast<long long>(day)},
                               {"month", format_date(date, locale, "MMMM")},
                               {"year", std::string("2013")},
                               {"date", date}});
  };
  CHECK(legal("en_US", 16) == "16th day of July, 2013");
  CHECK(legal("en_US", 1) == "1st day of July, 2013");
  CHECK(legal("en_US", 2) == "2nd day of July, 2013");
  CHECK(legal("en_US", 3) == "3rd day of July, 2013");
  CHECK(legal("en_US", 11) == "11th day of July, 2013");
  CHECK(legal("en_US", 12) == "12th day of July, 2013");
  CHECK(legal("en_US", 13) == "13th day of July, 2013");
  CHECK(legal("en_US", 21) == "21st day of July, 2013");
  CHECK(legal("en_US", 22) == "22nd day of July, 2013");
  CHECK(legal("en_US", 23) == "23rd day of July, 2013");
  CHECK(legal("en_GB", 31) == "31st day of July 2013");
  CHECK(legal("fr", 1) == "1er juillet 2013");
  CHECK(legal("fr", 16) == "16 juillet 2013");
  CHECK(legal("de", 16) == "16. Juli 2013");
  CHECK(legal("es", 16) == "16 de julio de 2013");
}

TEST_CASE("long dates and the words of a filing in each language") {
  CHECK(Messages(bundles, "en_US").format("motion/dated", {{"date", july16}}) ==
        "Dated: July 16, 2013");
  CHECK(Messages(bundles, "en_GB").format("motion/dated", {{"date", july16}}) ==
        "Dated: 16 July 2013");
  CHECK(Messages(bundles, "fr").format("motion/dated", {{"date", july16}}) ==
        "Fait le 16 juillet 2013");
  CHECK(Messages(bundles, "de").format("motion/dated", {{"date", july16}}) ==
        "Datum: 16. Juli 2013");
  CHECK(Messages(bundles, "es").format("motion/dated", {{"date", july16}}) ==
        "Fecha: 16 de julio de 2013");
  CHECK(Messages(bundles, "de").format("motion/docket", {{"docket", std::string("Misc. 13-04")}}) ==
        "Aktenzeichen: Misc. 13-04");
  CHECK(Messages(bundles, "es").format("order/so_ordered") == "ASÍ SE ORDENA.");
}

TEST_CASE("message_keys lists a bundle's own keys, not its parents'") {
  CHECK(message_keys(bundles, "en").empty());
  const auto en_gb = message_keys(bundles, "en_GB");
  CHECK(std::find(en_gb.begin(), en_gb.end(), "letter/closing") != en_gb.end());
  CHECK(std::find(en_gb.begin(), en_gb.end(), "letter/cc") == en_gb.end());
  const auto root = message_keys(bundles, "root");
  CHECK(std::is_sorted(root.begin(), root.end()));
  CHECK(std::find(root.begin(), root.end(), "letter/address/attorney_general") != root.end());
  CHECK_THROWS_AS(message_keys(bundles, "xx"), Error);
}

TEST_CASE("case mapping follows the locale: German ß, Turkish dotted i") {
  CHECK(to_upper("Straße und Maß", "de") == "STRASSE UND MASS");
  CHECK(to_upper("Straße", "en_US") == "STRASSE");
  CHECK(to_upper("istihbarat ılık", "tr_TR") == "\u0130ST\u0130HBARAT ILIK");
  CHECK(to_upper("istihbarat", "de") == "ISTIHBARAT");
}
