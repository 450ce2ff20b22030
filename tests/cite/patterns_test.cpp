// Every expression of the shipped table's kinds compiles; the spelling trie reads as patterns did.
#include <doctest/doctest.h>

#include <filesystem>

#include "cite/internal.hpp"

using namespace fiscgen;

TEST_CASE("every kind's expression compiles") {
  const auto table = cite::Table::load(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) /
                                       "forms/cite/reporters.xml");
  const cite::Patterns patterns(table);
  std::size_t compiled = 0;
  for (const auto& reading : patterns.readers) {
    CHECK_NOTHROW(reading->regex.get());
    if (!reading->anchor.empty()) CHECK_NOTHROW(reading->anchor.get());
    ++compiled;
  }
  for (const auto& suspect : patterns.suspects) CHECK_NOTHROW(suspect.second->get());
  CHECK(compiled > 10);
}

TEST_CASE("a spelling trie reads spellings as the case patterns did: spaces after periods free") {
  cite::SpellingTrie trie;
  for (const char* spelling : {"U.S.", "U.S.C.", "F. Supp. 2d", "NY2d", "Ct. Int'l Trade", "So 2d"})
    trie.add(spelling);
  using Ends = std::vector<std::size_t>;
  CHECK(trie.ends("U.S.C. 1", 0) == Ends{4, 6});
  CHECK(trie.ends("U. S. 1", 0) == Ends{5});
  CHECK(trie.ends("F.Supp.2d 1", 0) == Ends{9});
  CHECK(trie.ends("F. Supp.\u00A0 2d 1", 0) == Ends{std::string("F. Supp.\u00A0 2d").size()});
  CHECK(trie.ends("Ct. Int\u2019l Trade 4", 0) == Ends{std::string("Ct. Int\u2019l Trade").size()});
  // A space of the spelling not after a period is one or more white-space characters.
  CHECK(trie.ends("So  2d 5", 0) == Ends{6});
  CHECK(trie.ends("So2d 5", 0).empty());
  CHECK(trie.ends("NY 2d 5", 0).empty());
  CHECK(trie.ends("u.s. 1", 0).empty());
}

TEST_CASE("a reporter's place: after a number, and before what follows a reporter in a case") {
  const auto table = cite::Table::load(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) /
                                       "forms/cite/reporters.xml");
  const cite::Patterns patterns(table);
  const auto places = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& [begin, end] : patterns.reporter_places(text))
      out.emplace_back(text.substr(begin, end - begin));
    return out;
  };
  using Spellings = std::vector<std::string>;
  CHECK(places("442 U.S. 735, 742, 99 S. Ct. 2577") == Spellings{"U.S.", "S. Ct."});
  CHECK(places("442 U. S., at 742; 5 U.S. (1 Cranch) 137; 576 U.S. ___") ==
        Spellings{"U. S.", "U.S.", "U.S."});
  CHECK(places("12 Neb. App. lxiv") == Spellings{"Neb. App."});
  // "U.S." starts "U.S.C." but a title of the code is no case's volume; nor are words.
  CHECK(places("50 U.S.C. § 1861 and the U.S. 5 times").empty());
  CHECK(places("In 2001\u00A0F.3d 12 and ٤٤٢ U.S. 735") == Spellings{"F.3d", "U.S."});
}

TEST_CASE("a gate opens wherever its kind's expression may match, and spares it elsewhere") {
  const auto table = cite::Table::load(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) /
                                       "forms/cite/reporters.xml");
  const cite::Patterns patterns(table);
  const auto holds = [&](cite::Gate gate, std::string_view text) {
    return patterns.may_hold(gate, text);
  };
  using cite::Gate;
  CHECK(holds(Gate::us_code, "50 U.S.C. § 1861"));
  CHECK(holds(Gate::us_code, "50 U. S. C. § 1861 and 18 USC 2511"));
  CHECK(holds(Gate::us_code, "50\u00A0U.S.C.A. § 1861"));
  CHECK_FALSE(holds(Gate::us_code, "442 U.S. 735 (1979), SCOTUS and U.S.S.R."));
  CHECK(holds(Gate::cfr, "28 C.F.R. § 0.85 and 28 CFR 0.85"));
  CHECK_FALSE(holds(Gate::cfr, "Smith v. Maryland, 442 U.S. 735 (1979) (CFR)"));
  // Spaces as the alternation reads them: any after a period, ’ as '.
  CHECK(holds(Gate::state_code, "Fla. Stat. § 934.03"));
  CHECK(holds(Gate::state_code, "(Fla.Stat.\u00A0§ 934.03)"));
  CHECK(holds(Gate::state_code, "see 720 Ill. Comp. Stat. 5/14-2"));
  CHECK_FALSE(holds(Gate::state_code, "50 U.S.C. § 1861; Fla. Bar v. Went For It"));
  CHECK_FALSE(holds(Gate::state_code, "UFla. Stat. § 934.03"));
  CHECK(holds(Gate::surname_after_volume, "8 Wigmore, Evidence § 2374"));
  CHECK(holds(Gate::surname_after_volume, "1 Kris & Wilson, National Security § 10"));
  CHECK(holds(Gate::surname_after_volume, "2 Øverland, Rettergang § 3 and 3\u00A0O’Neil, Law § 4"));
  CHECK_FALSE(holds(Gate::surname_after_volume, "50 U.S.C. § 1861(d)(1) and 28 U.S.C. § 2201"));
  CHECK_FALSE(holds(Gate::surname_after_volume, "3 Wigmore Evidence § 2374"));
  CHECK(holds(Gate::reporter_at, "Smith, 442 U.S. at 742"));
  CHECK(holds(Gate::reporter_at, "442 U. S., at 742 and 568 U.S.,at 401"));
  CHECK_FALSE(holds(Gate::reporter_at, "442 U.S. 735, 742 (1979), the court at once said"));
  CHECK(holds(Gate::document_title, "Mem. Op. at 5; Memorandum Opinion at 7"));
  CHECK(holds(Gate::document_title, "(Mem.Op.\u00A0at 5)"));
  CHECK_FALSE(holds(Gate::document_title, "Smith v. Maryland, 442 U.S. 735 (1979); a Memo. at 5"));
  CHECK_FALSE(holds(Gate::document_title, "SubOrder at 5"));
  CHECK(holds(Gate::rule_set, "Fed. R. Civ. P. 12(b)(6) and Fed.R.Crim.P. 41"));
  CHECK(holds(Gate::rule_set, "Rule 6(d) of the FISC Rules of Procedure"));
  CHECK(holds(Gate::rule_set, "under 3FRCP 12"));  // a digit before is no letter
  CHECK_FALSE(holds(Gate::rule_set, "Rule 6 of this Court’s Rules, 50 U.S.C. § 1803"));
  CHECK_FALSE(holds(Gate::rule_set, "the OFRE and AFISC filings"));
  CHECK(holds(Gate::name_at_page, "Howsam at 84"));
  CHECK(holds(Gate::name_at_page, "Howsam p. 84, Howsam at p. 85, Łódź at n.5"));
  CHECK(holds(Gate::name_at_page, "(Glaser, at p. 365.)"));  // California's comma
  CHECK_FALSE(holds(Gate::name_at_page, "Glaser, p. 365"));
  CHECK(holds(Gate::name_at_page, "(O’Brien\u00A0at\u00A0*3)"));
  CHECK_FALSE(holds(Gate::name_at_page, "Smith v. Maryland, 442 U.S. 735 (1979), at bottom"));
  CHECK_FALSE(holds(Gate::name_at_page, "The Court at once; FBI at 5; xHowsam at 84"));
}

TEST_CASE(
    "a reporter-like suspect is looked for only where a number and a capital are outside "
    "the citations read") {
  const auto table = cite::Table::load(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) /
                                       "forms/cite/reporters.xml");
  const cite::Patterns patterns(table);
  const std::string text = "Smith v. Maryland, 442 U.S. 735 (1979), and 12 Xyz. Rep. 345";
  const auto suspect = cite::Suspect::reporter_like;
  const auto nothing_read = [](std::size_t) { return false; };
  const auto all_read = [](std::size_t) { return true; };
  const auto first_read = [](std::size_t at) { return at < 38; };  // "Smith … (1979)"
  CHECK(patterns.may_hold(suspect, text, nothing_read));
  CHECK(patterns.may_hold(suspect, text, first_read));
  CHECK_FALSE(patterns.may_hold(suspect, text, all_read));
  CHECK_FALSE(patterns.may_hold(suspect, text.substr(0, 38), first_read));
  CHECK(patterns.may_hold(suspect, "In ٤ Ärger. 12", nothing_read));
  CHECK_FALSE(patterns.may_hold(suspect, "in 2019 the court, and 5 of them", nothing_read));
}

TEST_CASE("a suspect's literals count only outside the citations read") {
  const cite::LazyRegex regex("Id\\.", {"Id."});
  const std::string text = "Id. at 5; see Id. at";
  const auto nothing_read = [](std::size_t) { return false; };
  const auto first_read = [](std::size_t at) { return at < 8; };  // "Id. at 5"
  const auto all_read = [](std::size_t) { return true; };
  CHECK(regex.may_match(text, nothing_read));
  CHECK(regex.may_match(text, first_read));  // the second "Id." is outside
  CHECK_FALSE(regex.may_match(text.substr(0, 8), first_read));
  CHECK_FALSE(regex.may_match(text, all_read));
  CHECK(cite::LazyRegex("x", {}).may_match(text, all_read));  // no literals: always looked for
}

TEST_CASE("a part is compiled only for a text holding one of its literals, and then with all") {
  namespace expr = cite::expr;
  const cite::LazyRegex regex("Id\\." + expr::part({"§"}, "(?<sec>\\s+§\\s*\\d+)") + "?" +
                                  expr::part({"cmt.", "illus."}, "(?<cmt>\\s+cmt\\.\\s+[a-z])") +
                                  "?",
                              {"Id."});
  const auto whole = [](const i18n::Regex& compiled, const std::string& text) {
    const auto found = compiled.find_all(i18n::Regex::Text(text));
    return found.matches.empty() ? std::string()
                                 : text.substr(found.matches[0][0].begin,
                                               found.matches[0][0].end - found.matches[0][0].begin);
  };
  // Without "§", the part is not compiled, and what could match it is not there.
  const i18n::Regex& bare = regex.get("Id. at 5");
  CHECK(bare.group("sec") < 0);
  CHECK(bare.group("cmt") < 0);
  CHECK(whole(bare, "Id. at 5") == "Id.");
  CHECK(&regex.get("See Id.") == &bare);
  // A text with a literal: compiled again, with every part, and that one serves every text.
  const i18n::Regex& all = regex.get("Id. § 4");
  CHECK(&all != &bare);
  CHECK(all.group("sec") >= 0);
  CHECK(all.group("cmt") >= 0);
  CHECK(whole(all, "Id. § 4") == "Id. § 4");
  CHECK(whole(all, "Id. cmt. b") == "Id. cmt. b");
  CHECK(&regex.get("Id. cmt. b") == &all);
  CHECK(&regex.get("Id.") == &bare);  // the first still serves a text without the literals
  CHECK(&regex.get() == &all);
}

TEST_CASE("an expression with every part compiled first is never compiled again") {
  namespace expr = cite::expr;
  const cite::LazyRegex regex("a" + expr::part({"b"}, "b") + "?", {});
  const i18n::Regex& all = regex.get();
  CHECK(&regex.get("a") == &all);
  CHECK(&regex.get("ab") == &all);
}

TEST_CASE("the parts of an expression are read from its marks, a bit each") {
  namespace expr = cite::expr;
  const cite::LazyRegex plain("a", {});
  CHECK_FALSE(plain.has_parts());
  CHECK(plain.parts_in("abc") == 0);
  const cite::LazyRegex regex(
      "a" + expr::part({"b", "B"}, "b") + "?" + expr::part({"c"}, "c") + "?", {});
  CHECK(regex.has_parts());
  CHECK(regex.parts_in("a") == 0);
  CHECK(regex.parts_in("aB") == 1);
  CHECK(regex.parts_in("ac") == 2);
  CHECK(regex.parts_in("abc") == 3);
  CHECK(regex.get(2).group("x") < 0);  // compiles: "a(?!)?c?"
}
