// Short forms tied to their authority as Bluebook rule 4.1 says: Id. refers to the authority cited
// just before it, whatever its kind, and never reaches back past a citation it cannot read.
#include <doctest/doctest.h>

#include <string>

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;

namespace {

using cite_tests::reader;

bool has_warning(const Warnings& warnings, const std::string& part) {
  for (const auto& w : warnings.list())
    if (w.message.find(part) != std::string::npos) return true;
  return false;
}

// The citation that starts with `start` in what was found; fails the test when there is none.
const cite::Citation& starting(const std::vector<cite::Citation>& found, const std::string& start) {
  for (const auto& c : found)
    if (c.text.rfind(start, 0) == 0) return c;
  FAIL("no citation starts with \"" << start << "\"");
  throw 0;
}

}  // namespace

TEST_CASE(
    "an Id. after a section of a code fiscgen cannot read points to nothing, with a warning") {
  Warnings warnings;
  const auto found = reader().find(
      "Søndergaard v. Ødegård, 512 U.S. 218 (1994). Kōdo Hōki § 7. Id. at 221.", {}, warnings);
  const auto& id = starting(found, "Id.");
  CHECK(id.key.empty());
  CHECK(has_warning(warnings, "follows \"Kōdo Hōki § 7\", which fiscgen does not read"));
  // One warning for the Id., not a second saying it points to nothing.
  CHECK(warnings.list().size() == 1);
}

TEST_CASE("the chain an unread section broke stays broken for the next Id.") {
  Warnings warnings;
  const auto found = reader().find(
      "Nwosu v. Adeyemi, 530 U.S. 12 (2000). See Estatuto Orgánico § 14(b)(2). Id. Id. at 15.", {},
      warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[1].key.empty());
  CHECK(found[2].key.empty());
  CHECK(has_warning(warnings, "follows \"Estatuto Orgánico § 14(b)(2)\""));
  CHECK(has_warning(warnings, "\"Id. at 15\" points to no earlier citation"));
}

TEST_CASE("a section cited on its own after a signal or in parentheses breaks the chain too") {
  for (const std::string between :
       {"See § 1861(b)(2).", "Cf. Ley Federal § 3.", "(Blah § 2).", "Blah §§ 2-4;"}) {
    CAPTURE(between);
    Warnings warnings;
    const auto found =
        reader().find("Kowalczyk v. Zieliński, 1 U.S. 1. " + between + " Id. at 2.", {}, warnings);
    CHECK(starting(found, "Id.").key.empty());
  }
}

TEST_CASE("a section in a textual sentence or in a host's parenthetical does not break the chain") {
  for (const std::string between :
       {"Under § 1861, the Bureau may ask for records.", "FISA § 702 reaches no further.",
        "The statute, in § 1881a(b), says so.", "(quoting Blah § 2)."}) {
    CAPTURE(between);
    Warnings warnings;
    const auto found = reader().find(
        "Nguyễn v. Thành, 533 U.S. 53, 56 (2001) " + between + " Id. at 57.", {}, warnings);
    CHECK(starting(found, "Id.").key == "533 U.S. 53");
    CHECK_FALSE(has_warning(warnings, "does not read as a citation"));
  }
}

TEST_CASE("an Id. after a statute the table knows refers to the statute, not the case before it") {
  Warnings warnings;
  const auto found = reader().find(
      "Foo v. Bar, 1 U.S. 100. Ala. Code § 92. Id. Mass. Gen. Laws ch. 272, § 99. Id.", {},
      warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[2].key == found[1].key);
  CHECK(found[2].category == cite::Category::statutes);
  CHECK(found[4].key == found[3].key);
  CHECK(warnings.empty());
}

TEST_CASE("a paragraph or star pin after a case cited by page points to nothing, with a warning") {
  Warnings warnings;
  const auto found = reader().find(
      "Haddad v. Al-Amin, 1 U.S. 100. Id. at ¶ 100. Haddad v. Al-Amin, 1 U.S. 100. Id. at *3. "
      "Haddad, 1 U.S. at *4.",
      {}, warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[1].key.empty());
  CHECK(found[3].key.empty());
  CHECK(found[4].key.empty());
  CHECK(has_warning(warnings,
                    "\"Id. at ¶ 100\" cites ¶ 100, but Haddad v. Al-Amin, 1 U.S. 100 is "
                    "cited by page: it points to no authority, nor does an Id. after it"));
  CHECK(has_warning(warnings, "\"Id. at *3\" cites *3"));
  CHECK(has_warning(warnings, "\"Haddad, 1 U.S. at *4\" cites *4"));
  // A public-domain citation is cited by paragraph: no warning.
  Warnings none;
  const auto paragraphs = reader().find("State v. Xu, 2014 WI 89. Id. at ¶ 12.", {}, none);
  CHECK(paragraphs.at(1).key == paragraphs.at(0).key);
  CHECK(none.empty());
}

TEST_CASE("the Id. after a short form whose pin cannot be in its case points to nothing") {
  Warnings warnings;
  const auto found = reader().find(
      "Qwerty v. Uiop, 2 F.3d 500, 555 (2d Cir. 1993). Qwerty, 2 F.3d at 450. Id. at 560. Qwerty "
      "v. Uiop, 2 F.3d 500. See Id. at 400. Id. at 567.",
      {}, warnings);
  REQUIRE(found.size() == 6);
  CHECK(found[1].key.empty());
  CHECK(found[2].key.empty());
  CHECK(found[4].key.empty());
  CHECK(found[5].key.empty());
  CHECK(has_warning(warnings, "\"Qwerty, 2 F.3d at 450\" cites page 450, before the first page"));
  CHECK(has_warning(warnings, "\"Id. at 400\" cites page 400, before the first page"));
  CHECK(has_warning(warnings, "\"Id. at 567\" points to no earlier citation"));
}

TEST_CASE("an Id. far past its case's first page stays tied: a case's length is unknown") {
  Warnings warnings;
  const auto found = reader().find("Ōkubo v. Lindqvist, 1 U.S. 100. Id. at 5000.", {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[1].key == "1 U.S. 100");
  CHECK(warnings.empty());
}

TEST_CASE("a name with no v. that a signal leads to is the case's name, the signal not in it") {
  for (const std::string signal : {"See", "See, e.g.,", "Cf.", "But see", "Accord", "See also",
                                   "see generally", "But cf.", "Contra", "Compare"}) {
    CAPTURE(signal);
    Warnings warnings;
    const auto found = reader().find(signal + " Ōtomo, 1 U.S. 2 (1990).", {}, warnings);
    REQUIRE(found.size() == 1);
    CHECK(found[0].case_name == "Ōtomo");
    CHECK(found[0].text.rfind("Ōtomo, 1 U.S. 2", 0) == 0);
    CHECK(found[0].normalised == "Ōtomo, 1 U.S. 2 (1990)");
    CHECK(found[0].key == "1 U.S. 2");
  }
}

TEST_CASE("a name after a signal keeps its particles and business words, and needs the signal") {
  Warnings warnings;
  const auto found = reader().find(
      "See de la Cruz, 1 U.S. 2 (1990). Cf. Østergaard Ltd., 3 U.S. 4; see also Van der Berg, 5 "
      "U.S. 6. In Kaczmarek, 7 U.S. 8, the Court held so. Under Abebe, 9 U.S. 10.",
      {}, warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[0].case_name == "de la Cruz");
  CHECK(found[1].case_name == "Østergaard Ltd.");
  CHECK(found[2].case_name == "Van der Berg");
  // "In" and "Under" are words of the sentence, not signals: the name is not read.
  CHECK(found[3].case_name.empty());
  CHECK(found[4].case_name.empty());
}

TEST_CASE("a short form after a case named after a signal is tied by name and pin") {
  Warnings warnings;
  const auto found = reader().find(
      "Ferreira v. Barros, 1 U.S. 1 (1790). See Ferreira, 1 U.S. 20 (1791). Barros, 1 U.S., at 5. "
      "Ferreira, 1 U.S., at 22.",
      {}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[2].key == "1 U.S. 1");   // only Ferreira v. Barros is named Barros
  CHECK(found[3].key == "1 U.S. 20");  // both are named Ferreira: the page nearest before 22
  CHECK(warnings.empty());  // Ferreira v. Barros ends by page 20, and is cited at 5 at most
}

TEST_CASE("an Id. after a blank-page citation is tied to it, its pin not checked") {
  // Rule 4.1: Id. is the authority just cited. "573 U.S. ___" has no first page yet, so a pin
  // (a page of the slip opinion, as "576 U.S. ___, 13" cites) cannot be checked against one.
  Warnings warnings;
  const auto found =
      reader().find("Mbeki v. Okonkwo, 1 U.S. ___ (2021). Id. at 100. Id. at 3.", {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[1].key == "Mbeki v. Okonkwo, 1 U.S. ___");
  CHECK(found[2].key == found[1].key);
  CHECK(warnings.empty());
}

TEST_CASE("two blank-page cases of one volume are two authorities, told apart by name") {
  Warnings warnings;
  const auto found = reader().find(
      "Riley v. California, 573 U.S. ___ (2014); Szabó v. Kovács, 573 U.S. ____ (2014). The "
      "search needs a warrant. Riley, 573 U.S., at ___ (slip op., at 9). Id. at 12. Szabó, 573 "
      "U.S., at 14.",
      {}, warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[0].key == "Riley v. California, 573 U.S. ___");
  CHECK(found[1].key == "Szabó v. Kovács, 573 U.S. ___");
  CHECK(found[1].normalised == "Szabó v. Kovács, 573 U.S. ___ (2014)");  // three underscores
  CHECK(found[2].normalised == "Riley, 573 U.S. at ___ (slip op. at 9)");
  CHECK(found[2].key == found[0].key);
  CHECK(found[3].key == found[0].key);  // the short form before it, not the string cite's last
  CHECK(found[4].key == found[1].key);
}

TEST_CASE("the warning names a code's whole abbreviated name before the unread section") {
  Warnings warnings;
  reader().find(
      "People v. Müller-Ramírez, 21 N.Y.3d 90, 94 (2013). D.C. Mun. Regs. tit. 24, § 1300.1. Id.",
      {}, warnings);
  CHECK(has_warning(warnings, "follows \"D.C. Mun. Regs. tit. 24, § 1300.1\""));
  Warnings sentence;
  // "Court." ends the sentence before: a word, not an abbreviation of a code's name.
  reader().find("Foo v. Bar, 1 U.S. 1, as the Court said. Blah § 2. Id.", {}, sentence);
  CHECK(has_warning(sentence, "follows \"Blah § 2\""));
}

TEST_CASE("an Id. with a paragraph takes no at, and is tied with its pin") {
  Warnings warnings;
  const auto found = reader().find(
      "State v. Öztürk, 2014 WI 89, ¶ 10. Id. ¶ 12. Id. ¶¶ 14-15. Id. at ¶ 16.", {}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[1].normalised == "Id. ¶ 12");
  CHECK(found[1].pin_cites == std::vector<std::string>{"¶ 12"});
  CHECK(found[2].normalised == "Id. ¶¶ 14–15");
  CHECK(found[3].normalised == "Id. at ¶ 16");
  for (std::size_t i = 1; i < found.size(); ++i) CHECK(found[i].key == found[0].key);
  CHECK(warnings.empty());
}

TEST_CASE("a name with no v. after a string cite's semicolon is the case's name") {
  Warnings warnings;
  const auto found = reader().find(
      "United States v. Lopez-Lima, 738 F. Supp. 1404 (S.D. Fla. 1990); Sealed Case, 551 F.3d "
      "1047 (D.C. Cir. 2008); Þórsdóttir, 12 F.4th 9 (1st Cir. 2021).",
      {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[1].case_name == "Sealed Case");
  CHECK(found[1].normalised == "Sealed Case, 551 F.3d 1047 (D.C. Cir. 2008)");
  CHECK(found[2].case_name == "Þórsdóttir");
}

TEST_CASE("a government party gives no short name: its words followed by a page are no reference") {
  Warnings warnings;
  const auto found = reader().find(
      "Nguyễn v. United States, 1 U.S. 12, 14 (1790). As the People argued, the United States at "
      "1776 was a small country; the Court in Nguyễn at 13 said so. People of the State of New "
      "York v. Ōtsuka, 2 U.S. 30 (1791). See Ōtsuka at 31; compare the People at 32.",
      {}, warnings);
  std::vector<std::string> references;
  for (const auto& c : found)
    if (c.short_form == cite::ShortForm::name_page) references.push_back(c.normalised);
  CHECK(references == std::vector<std::string>{"Nguyễn, 1 U.S. at 13", "Ōtsuka, 2 U.S. at 31"});
}

TEST_CASE("California's name, supra, and volume at page is one short form of the case") {
  Warnings warnings;
  const auto found = reader().find(
      "Kaiser Foundation Health Plan, Inc. v. Superior Court, 13 Cal.App.5th 1125 (2017). The "
      "plan did not waive it. Kaiser Foundation, supra, 13 Cal.App.5th at 1146. Id. at 1147.",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[1].short_form == cite::ShortForm::short_case);
  CHECK(found[1].text == "Kaiser Foundation, supra, 13 Cal.App.5th at 1146");
  CHECK(found[1].normalised == "Kaiser Foundation, supra, 13 Cal. App. 5th at 1146");
  CHECK(found[1].key == "13 Cal. App. 5th 1125");
  CHECK(found[1].where.column == 111);
  CHECK(found[2].key == "13 Cal. App. 5th 1125");
  CHECK(warnings.empty());
}

TEST_CASE("a treatise by volume, surnames and title after its full citation is its short form") {
  Warnings warnings;
  const auto found = reader().find(
      "David S. Kris & J. Douglas Wilson, National Security Investigations & Prosecutions § 16:5 "
      "(2d ed. 2012). Minimization is treated at length. 1 Kris & Wilson, National Security "
      "Investigations § 9:12. Id. § 9:13.",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 3);
  const std::string key =
      "David S. Kris & J. Douglas Wilson, National Security Investigations & Prosecutions";
  CHECK(found[1].short_form == cite::ShortForm::supra);
  CHECK(found[1].text == "1 Kris & Wilson, National Security Investigations § 9:12");
  CHECK(found[1].key == key);
  CHECK(found[2].key == key);
  CHECK(warnings.empty());
}

TEST_CASE(
    "a named supra with no full citation before it is a warning, and the Id. after it points "
    "nowhere") {
  Warnings warnings;
  const auto found = reader().find(
      "Kerr v. Ødegaard, 512 U.S. 218 (1994). Nakamura, supra, at 14. Id. at 15.", {}, warnings);
  const auto& supra = starting(found, "Nakamura");
  CHECK(supra.key.empty());
  CHECK(has_warning(warnings, "\"Nakamura, supra, at 14\" has no full citation before it"));
  CHECK(starting(found, "Id.").key.empty());
}

TEST_CASE("a short form by a parallel reporter's pages, and the Id. after it, mean the authority") {
  Warnings warnings;
  const auto found = reader().find(
      "Nwosu v. Lindqvist, 500 U.S. 900, 111 S. Ct. 100, 114 L. Ed. 2d 9 (1991). The court looked "
      "to the record. Nwosu, 111 S. Ct. at 104. Id. at 105. Later it said more. 500 U.S. at 910.",
      {}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[1].key == "500 U.S. 900");
  // A page before the first page in U.S., but in S. Ct.'s pages: it fits.
  CHECK(found[2].key == "500 U.S. 900");
  CHECK(found[3].key == "500 U.S. 900");
  CHECK(warnings.empty());
}

TEST_CASE("Ohio's official, public-domain and regional citations are one authority, by paragraph") {
  Warnings warnings;
  const auto found = reader().find(
      "State v. Smith, 124 Ohio St. 3d 163, 2009-Ohio-6426, 920 N.E.2d 949, ¶ 29. Id. ¶ 33. "
      "The court went on. Smith, 920 N.E.2d at 955. Much later: Smith, 2009-Ohio-6426, ¶ 30.",
      {}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[0].normalised ==
        "State v. Smith, 124 Ohio St. 3d 163, 2009-Ohio-6426, 920 N.E.2d 949, ¶ 29");
  CHECK(found[0].pin_cites.empty());  // "2009" is no pin
  for (const auto& c : found) CHECK(c.key == "124 Ohio St. 3d 163");
  CHECK(warnings.empty());
}

TEST_CASE(
    "a supra by the name a bracketed hereinafter gave is that authority, the whole name read") {
  Warnings warnings;
  const auto found = reader().find(
      "H.R. Rep. No. 95-1283, pt. 1, at 21 (1978) [hereinafter House Report]. The committee said "
      "so. House Report, supra, at 30. Orin S. Kerr, The Case for the Third-Party Doctrine, 107 "
      "Mich. L. Rev. 561 (2009) [hereinafter “Kerr, Third-Party Doctrine”]. Kerr, Third-Party "
      "Doctrine, supra, at 565. Id. at 566. See HPSCI Report, supra, at 9.",
      {"brief.txt", 3, 1}, warnings);
  REQUIRE(found.size() == 6);
  CHECK(found[1].key == "H.R. Rep. No. 95-1283");
  CHECK(found[1].category == cite::Category::legislative);
  const auto& kerr = starting(found, "Kerr, Third-Party");
  CHECK(kerr.key == "107 Mich. L. Rev. 561");
  CHECK(kerr.normalised == "Kerr, Third-Party Doctrine, supra, at 565");
  CHECK(kerr.where.column == 249);
  CHECK(starting(found, "Id.").key == "107 Mich. L. Rev. 561");
  // No hereinafter named it: no authority, and a warning.
  CHECK(starting(found, "HPSCI").key.empty());
  CHECK(has_warning(warnings, "\"HPSCI Report, supra, at 9\" has no full citation before it"));
}

TEST_CASE("an opinion the FISC names in a parenthetical is cited again by the name and a page") {
  Warnings warnings;
  const auto found = reader().find(
      "The Court addressed upstream collection at length. [Caption Redacted], 2011 WL 10945618, "
      "at *27 (FISA Ct. Oct. 3, 2011) (“Oct. 3, 2011 Mem. Op.”). It approved amended procedures "
      "later. [Caption Redacted], 2011 WL 10947772, at *2 (FISA Ct. Nov. 30, 2011).\nSee Oct. 3, "
      "2011 Mem. Op. at 73 n.67. Id. at 74. The Oct. 3, 2011 Mem. Op. was published in 2013.",
      {"opinion.txt", 10, 1}, warnings);
  REQUIRE(found.size() == 4);
  const auto& reference = found[2];
  CHECK(reference.text == "Oct. 3, 2011 Mem. Op. at 73 n.67");
  CHECK(reference.normalised == "Oct. 3, 2011 Mem. Op. at 73 n.67");
  CHECK(reference.key == "2011 WL 10945618");
  CHECK(reference.where.line == 11);
  CHECK(reference.where.column == 5);
  CHECK(found[3].key == "2011 WL 10945618");  // the Id. after it
  CHECK(warnings.empty());
}

TEST_CASE("a case's parallels count when it is cited with them only the second time") {
  Warnings warnings;
  const auto found = reader().find(
      "Smith v. Maryland, 442 U.S. 735 (1979). Older briefs give every reporter. Smith v. "
      "Maryland, 442 U.S. 735, 742, 99 S. Ct. 2577 (1979). Smith, 99 S. Ct. at 2581.",
      {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[2].key == "442 U.S. 735");
  CHECK(warnings.empty());
}

TEST_CASE("a name and a database's star page after a Westlaw citation is its short form") {
  Warnings warnings;
  const auto found = reader().find(
      "United States v. Moalin, No. 10-cr-4246, 2013 WL 6079518, at *3 (S.D. Cal. Nov. 18, "
      "2013). The court agreed. Moalin at *6. Id. at *7. Smith v. Maryland, 442 U.S. 735 (1979). "
      "Smith at *4.",
      {}, warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[1].normalised == "Moalin, 2013 WL 6079518, at *6");
  CHECK(found[1].key == "2013 WL 6079518");
  CHECK(found[2].key == "2013 WL 6079518");
  // A star page is no page of the U.S. Reports: no authority, and a warning says why.
  CHECK(found[4].key.empty());
  CHECK(has_warning(warnings, "\"Smith at *4\" cites *4, but Smith v. Maryland"));
}

TEST_CASE("a name and a paragraph find the public-domain parallel when a pin follows it") {
  Warnings warnings;
  const auto found = reader().find(
      "State v. Smith, 124 Ohio St. 3d 163, 2009-Ohio-6426, ¶ 29, 920 N.E.2d 949. Smith at ¶ 30. "
      "Id. ¶ 31.",
      {}, warnings);
  REQUIRE(found.size() == 3);
  // Not "Smith, 124 Ohio St. 3d at ¶ 30": a paged reporter has no paragraphs.
  CHECK(found[1].normalised == "Smith, 2009-Ohio-6426, ¶ 30");
  CHECK(found[1].key == "124 Ohio St. 3d 163");
  CHECK(found[2].key == "124 Ohio St. 3d 163");
  CHECK(warnings.empty());
}
