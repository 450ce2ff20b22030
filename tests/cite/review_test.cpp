// Forms found by an acceptance review on text written in the style of opinions the project's
// tests did not cover: each test failed before its fix.
#include <doctest/doctest.h>

#include "base/sources.hpp"

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;

namespace {

using cite_tests::reader;

}  // namespace

TEST_CASE("Washington Appellate Reports' second series is its own reporter, not the first") {
  Warnings warnings;
  const auto found = reader().find(
      "State v. Nguyen, 10 Wn. App. 2d 797, 805, 450 P.3d 630 (2019). State v. Hall, 10 Wn. "
      "App. 797 (1974). Foo v. Bar, 12 Wn.App.2d 1 (2020). Hall, 10 Wash. App. at 800.",
      {}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[0].normalised == "State v. Nguyen, 10 Wash. App. 2d 797, 805, 450 P.3d 630 (2019)");
  CHECK(found[0].key == "10 Wash. App. 2d 797");
  CHECK(found[1].key == "10 Wash. App. 797");
  CHECK(found[2].normalised == "Foo v. Bar, 12 Wash. App. 2d 1 (2020)");
  // The short form of the first series' volume 10 is Hall, not Nguyen of the second's.
  CHECK(found[3].key == "10 Wash. App. 797");
  CHECK(warnings.empty());
}

TEST_CASE("an executive order's section and where it is reprinted belong to the order") {
  Warnings warnings;
  const auto found = reader().find(
      "Exec. Order No. 12,333, § 2.3, 3 C.F.R. 200, 210 (1981), reprinted as amended in 50 "
      "U.S.C. § 3001 note. Id. § 2.4. See 73 Fed. Reg. 45,325, 45,328 (July 30, 2008).",
      {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[0].normalised ==
        "Exec. Order No. 12,333, §\u00a02.3, 3 C.F.R. 200, 210 (1981), reprinted as amended in "
        "50 U.S.C. §\u00a03001 note");
  CHECK(found[0].key == "Exec. Order No. 12,333");
  CHECK(found[0].category == cite::Category::executive);
  // The Id. names a section of the order, not "50 U.S.C. § 2.4" nor a section of the C.F.R.
  CHECK(found[1].key == "Exec. Order No. 12,333");
  CHECK(found[2].normalised == "73 Fed. Reg. 45,325, 45,328 (July 30, 2008)");
  CHECK(found[2].key == "73 Fed. Reg. 45,325");
}

TEST_CASE("a committee report reprinted in U.S.C.C.A.N. is one citation, the report's") {
  Warnings warnings;
  const auto found = reader().find(
      "S. Rep. No. 95-604, pt. 1, at 7 (1978), reprinted in 1978 U.S.C.C.A.N. 3904, 3908. Id. "
      "at 9.",
      {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[0].normalised ==
        "S. Rep. No. 95-604, pt. 1, at 7 (1978), reprinted in 1978 U.S.C.C.A.N. 3904, 3908");
  CHECK(found[0].key == "S. Rep. No. 95-604");
  CHECK(found[1].key == "S. Rep. No. 95-604");
}

TEST_CASE("California's year after the name and bracketed parallels are read, Bluebook's way") {
  Warnings warnings;
  const auto found = reader().find(
      "(People v. Leyba (1981) 29 Cal.3d 591, 596-597.) (Riley v. California (2014) 573 U.S. "
      "373, 386 [134 S.Ct. 2473, 189 L.Ed.2d 430].) (Id. at p. 387.)",
      {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[0].normalised == "People v. Leyba, 29 Cal. 3d 591, 596–97 (1981)");
  CHECK(found[0].case_name == "People v. Leyba");
  CHECK(found[1].normalised ==
        "Riley v. California, 573 U.S. 373, 386, 134 S. Ct. 2473, 189 L. Ed. 2d 430 (2014)");
  // The bracketed parallel is the same case, not an authority of its own that the Id. names.
  CHECK(found[2].key == "573 U.S. 373");
  CHECK(warnings.empty());
}

TEST_CASE("New York's bracketed date is the citation's date") {
  Warnings warnings;
  const auto found = reader().find(
      "(People v Berrios, 28 NY2d 361, 367 [1971]; Matter of Kese v Kese, 110 AD3d 1023 [2d "
      "Dept 2013]).",
      {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[0].normalised == "People v. Berrios, 28 N.Y.2d 361, 367 (1971)");
  CHECK(found[1].normalised == "Matter of Kese v. Kese, 110 A.D.3d 1023 (2d Dep't 2013)");
}

TEST_CASE("an article or a treatise is listed by its author and title, not its volume alone") {
  const std::string text =
      "<document><paragraph><cite>See Orin S. Kerr, The Case for the Third-Party Doctrine, 107 "
      "Mich. L. Rev. 561, 563 (2009)</cite>. <cite>David S. Kris &amp; J. Douglas Wilson, "
      "National Security Investigations &amp; Prosecutions § 16:5 (2d ed. 2012)</cite>. "
      "<cite>65 N.Y.U. L. Rev. 1373</cite>.</paragraph></document>";
  auto document = cite_tests::document_of(text);
  Warnings warnings;
  cite::annotate(document, reader(), {}, warnings);
  REQUIRE(document.authorities.size() == 3);
  const auto& kerr = document.authorities[0];
  CHECK(kerr.sort_key ==
        "Orin S. Kerr, The Case for the Third-Party Doctrine, 107 Mich. L. Rev. 561 (2009)");
  REQUIRE(kerr.entry.size() == 3);
  CHECK(kerr.entry[1].kind == doc::InlineKind::emphasis);  // the title
  CHECK(document.authorities[1].sort_key ==
        "David S. Kris & J. Douglas Wilson, National Security Investigations & Prosecutions (2d "
        "ed. 2012)");
  CHECK(document.authorities[2].sort_key == "65 N.Y.U. L. Rev. 1373");
}

TEST_CASE("an Arabic name keeps its particle before v., spaced or joined by a hyphen") {
  Warnings warnings;
  const auto found = reader().find(
      "Abd al-Rahman v. Ibn Khaldun Ass'n, 901 F.2d 1, 4 (1st Cir. 1990); al Odah v. United "
      "States, 321 F.3d 1134 (D.C. Cir. 2003); see el-Masri v. Tenet, 437 F. Supp. 2d 530 (E.D. "
      "Va. 2006). Ali bin Hassan v. Smith, 2 F.3d 3. The well-Known v. Other, 3 F.3d 4.",
      {}, warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[0].case_name == "Abd al-Rahman v. Ibn Khaldun Ass'n");
  CHECK(found[0].normalised == "Abd al-Rahman v. Ibn Khaldun Ass'n, 901 F.2d 1, 4 (1st Cir. 1990)");
  CHECK(found[1].case_name == "al Odah v. United States");
  CHECK(found[2].case_name == "el-Masri v. Tenet");
  CHECK(found[3].case_name == "Ali bin Hassan v. Smith");
  // A hyphen before a word that is no particle joins nothing.
  CHECK(found[4].case_name == "Known v. Other");
}

TEST_CASE("an Id. pin past 999 written with a thousands comma is one page") {
  Warnings warnings;
  const auto found = reader().find(
      "124 Cong. Rec. 10,887 (1978). Id. at 10,889. Id. at 10,890, 10,892. Foo v. Bar, 1 U.S. 1 "
      "(1999). Id. at 5, 7.",
      {}, warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[1].normalised == "Id. at 10,889");
  CHECK(found[1].pin_cites == std::vector<std::string>{"10,889"});
  CHECK(found[2].pin_cites == std::vector<std::string>{"10,890", "10,892"});
  CHECK(found[4].pin_cites == std::vector<std::string>{"5", "7"});
}

TEST_CASE("a relator's name keeps the party before ex rel.") {
  Warnings warnings;
  const auto found = reader().find(
      "See United States ex rel. Touhy v. Ragen, 340 U.S. 462, 468 (1951); Missouri ex rel. "
      "Gaines v. Canada, 305 U.S. 337 (1938).",
      {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[0].case_name == "United States ex rel. Touhy v. Ragen");
  CHECK(found[1].case_name == "Missouri ex rel. Gaines v. Canada");
}

TEST_CASE("New Jersey's Appellate Division is not made New York's") {
  Warnings warnings;
  const auto found = reader().find(
      "State v. Earls, 420 N.J. Super. 583, 590, 22 A.3d 114 (App. Div. 2011).", {}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].normalised ==
        "State v. Earls, 420 N.J. Super. 583, 590, 22 A.3d 114 (App. Div. 2011)");
}

TEST_CASE("later history under another name or quashed or as modified is the case history") {
  Warnings warnings;
  const auto found = reader().find(
      "United States v. Jones, 615 F.3d 544, 563 (D.C. Cir. 2010), aff'd in part sub nom. United "
      "States v. Jones, 565 U.S. 400 (2012). Tracey v. State, 69 So. 3d 992, 995 (Fla. Dist. Ct. "
      "App. 2011), quashed, 152 So. 3d 504 (Fla. 2014). State v. Earls, 420 N.J. Super. 583 (App. "
      "Div. 2011), aff'd as modified, 214 N.J. 564 (2013).",
      {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[0].history == "aff'd in part sub nom. United States v. Jones, 565 U.S. 400 (2012)");
  CHECK(found[0].key == "615 F.3d 544");
  CHECK(found[1].history == "quashed, 152 So. 3d 504 (Fla. 2014)");
  CHECK(found[2].history == "aff'd as modified, 214 N.J. 564 (2013)");
  CHECK(warnings.empty());
}

TEST_CASE("a section of a title's appendix is read with the appendix") {
  Warnings warnings;
  const auto found = reader().find(
      "The Classified Information Procedures Act, 18 U.S.C. app. 3 §§ 1-16, governs. 18 U.S.C. "
      "app. 3 § 6(c). Id. § 4.",
      {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[0].normalised == "18 U.S.C. app. 3 §§\u00a01–16");
  CHECK(found[1].key == "18 U.S.C. app. 3 §\u00a06");
  CHECK(found[2].key == "18 U.S.C. app. 3 §\u00a04");
  CHECK(warnings.empty());
}

TEST_CASE("more subsections of one section after a comma stay with it") {
  Warnings warnings;
  const auto found = reader().find("5 U.S.C. § 552(b)(1), (3). Id. § 552a.", {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[0].normalised == "5 U.S.C. §\u00a0552(b)(1), (3)");
  CHECK(found[0].key == "5 U.S.C. §\u00a0552");
  CHECK(found[1].key == "5 U.S.C. §\u00a0552a");
}

TEST_CASE("the Supreme Court's Amdt. is an amendment of the Constitution") {
  Warnings warnings;
  const auto found =
      reader().find("U. S. Const., Amdt. 4. U. S. Const., Amdt. 14, §1.", {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[0].normalised == "U.S. Const. amend. IV");
  CHECK(found[1].normalised == "U.S. Const. amend. XIV, §\u00a01");
  CHECK(warnings.empty());
}

TEST_CASE("a blank pin and the slip opinion's page are kept in a full citation and in Id.") {
  Warnings warnings;
  const auto found = reader().find(
      "Carpenter v. United States, 585 U. S. ___, ___ (2018) (slip op., at 11). Id., at ___ (slip "
      "op., at 12).",
      {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[0].normalised ==
        "Carpenter v. United States, 585 U.S. ___, ___ (2018) (slip op. at 11)");
  CHECK(found[0].date == "2018");
  CHECK(found[1].normalised == "Id. at ___ (slip op. at 12)");
  CHECK(found[1].key == "Carpenter v. United States, 585 U.S. ___");
  CHECK(warnings.empty());
}

TEST_CASE("an Ohio appellate citation keeps its name before the district and docket") {
  Warnings warnings;
  const auto found = reader().find(
      "The court relied on State v. Jones, 8th Dist. Cuyahoga No. 101234, 2015-Ohio-1234, ¶ 22.",
      {}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].case_name == "State v. Jones");
  CHECK(found[0].normalised ==
        "State v. Jones, 8th Dist. Cuyahoga No. 101234, 2015-Ohio-1234, ¶ 22");
  CHECK(found[0].key == "2015-Ohio-1234");
}

TEST_CASE("the Supreme Court's rules and the District of Columbia's local rules are court rules") {
  Warnings warnings;
  const auto found = reader().find(
      "Sup. Ct. R. 10(a). The local rule is D.D.C. LCvR 7(h). See LCvR 7(m).", {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[0].normalised == "Sup. Ct. R. 10(a)");
  CHECK(found[1].normalised == "D.D.C. LCvR 7(h)");
  CHECK(found[2].normalised == "D.D.C. LCvR 7(m)");
  CHECK(found[2].category == cite::Category::rules);
}

TEST_CASE("Florida's numbered district courts of appeal are written the Bluebook's way") {
  Warnings warnings;
  const auto found = reader().find(
      "Tracey v. State, 69 So. 3d 992, 995 (Fla. 4th DCA 2011); Smith v. State, 1 So. 3d 2 (Fla. "
      "2d DCA 2009).",
      {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[0].normalised == "Tracey v. State, 69 So. 3d 992, 995 (Fla. Dist. Ct. App. 2011)");
  CHECK(found[1].court == "Fla. Dist. Ct. App.");
}

TEST_CASE("a regulation keeps its subsections, in a list of sections too") {
  Warnings warnings;
  const auto found =
      reader().find("28 C.F.R. § 0.85(l). 28 C.F.R. §§ 0.85(l), 0.112 (2019).", {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[0].normalised == "28 C.F.R. §\u00a00.85(l)");
  CHECK(found[0].key == "28 C.F.R. §\u00a00.85");
  CHECK(found[1].normalised == "28 C.F.R. §§\u00a00.85(l), 0.112 (2019)");
  CHECK(warnings.empty());
}

TEST_CASE("the daily Congressional Record's pages without a comma and a statement of a member") {
  Warnings warnings;
  const auto found =
      reader().find("See 154 Cong. Rec. H5756 (daily ed. June 20, 2008) (statement of Rep. Hoyer).",
                    {}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].normalised ==
        "154 Cong. Rec. H5756 (daily ed. June 20, 2008) (statement of Rep. Hoyer)");
  CHECK(found[0].key == "154 Cong. Rec. H5756");
}

TEST_CASE("a name and a paragraph after a public-domain citation are read and cite it") {
  Warnings warnings;
  const auto found = reader().find(
      "People v. Burns, 2016 IL 118973, ¶ 19. Burns at ¶ 21. State v. Leak, 145 Ohio St.3d 165, "
      "2016-Ohio-154, 47 N.E.3d 821, ¶ 13. Leak at ¶ 15.",
      {}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[1].normalised == "Burns, 2016 IL 118973, ¶ 21");
  CHECK(found[1].key == "2016 IL 118973");
  CHECK(found[3].normalised == "Leak, 2016-Ohio-154, ¶ 15");
  CHECK(found[3].key == "145 Ohio St. 3d 165");
}

TEST_CASE("a state's abbreviation inside a name ends no sentence") {
  Warnings warnings;
  const auto found = reader().find(
      "Fed. Election Comm'n v. Wis. Right to Life, Inc., 551 U.S. 449, 457 (2007). Wis. Right to "
      "Life, 551 U.S. at 460.",
      {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[1].case_name == "Wis. Right to Life");
  CHECK(found[1].key == "551 U.S. 449");
}

TEST_CASE("the matter's name in parentheses is part of a case name, a sentence's is not") {
  Warnings warnings;
  const auto found = reader().find(
      "Doe v. United States (In re Grand Jury Subpoena), 383 F.3d 905, 908 (9th Cir. 2004). The "
      "Act (As amended in 2008) Smith v. Jones, 1 U.S. 1. United States v. Smith (Smith II), 1 "
      "F.3d 2.",
      {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[0].case_name == "Doe v. United States (In re Grand Jury Subpoena)");
  CHECK(found[1].case_name == "Smith v. Jones");
  CHECK(found[2].case_name == "United States v. Smith (Smith II)");
}

TEST_CASE("an undated case is listed with its public-domain parallel, which dates it") {
  const std::string text =
      "<document><paragraph><cite>State v. Leak, 145 Ohio St.3d 165, 2016-Ohio-154, 47 N.E.3d "
      "821, ¶ 13</cite>.</paragraph></document>";
  auto document = cite_tests::document_of(text);
  Warnings warnings;
  cite::annotate(document, reader(), {}, warnings);
  REQUIRE(document.authorities.size() == 1);
  CHECK(document.authorities[0].sort_key == "State v. Leak, 145 Ohio St. 3d 165, 2016-Ohio-154");
}

TEST_CASE("New York's unreported decisions are read with their slip opinion number") {
  Warnings warnings;
  const auto found = reader().find(
      "People v Jones, 45 Misc 3d 1201[A], 2014 NY Slip Op 51456[U] (Sup Ct, Kings County 2014). "
      "Id.",
      {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[0].normalised ==
        "People v. Jones, 45 Misc. 3d 1201(A), 2014 NY Slip Op 51456(U) (Sup Ct, Kings County "
        "2014)");
  CHECK(found[0].key == "45 Misc. 3d 1201(A)");
  CHECK(found[1].key == "45 Misc. 3d 1201(A)");
}

TEST_CASE("California's short form by name, a comma and a page is read") {
  Warnings warnings;
  const auto found = reader().find(
      "(People v. Glaser (1995) 11 Cal.4th 354, 362.) (Glaser, at p. 365.) In Chicago, at 5 "
      "p.m., it rained.",
      {}, warnings);
  REQUIRE(found.size() == 2);
  CHECK(found[1].normalised == "Glaser, 11 Cal. 4th at 365");
  CHECK(found[1].key == "11 Cal. 4th 354");
}

TEST_CASE("an Id. to a page of the daily Congressional Record is read") {
  Warnings warnings;
  const auto found = reader().find(
      "154 Cong. Rec. H5756 (daily ed. June 20, 2008). Id. at H5757. 147 Cong. Rec. S10,990 "
      "(daily ed. Oct. 25, 2001). Id. at S10,991.",
      {}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[1].normalised == "Id. at H5757");
  CHECK(found[1].key == "154 Cong. Rec. H5756");
  CHECK(found[3].normalised == "Id. at S10,991");
  CHECK(warnings.empty());
}
