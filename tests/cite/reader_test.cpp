// The citation reader's interface: parts, locations, the trail, warnings and the table file.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "../temp_dir.hpp"
#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;

namespace {

using cite_tests::reader;

bool has_warning(const Warnings& warnings, const std::string& part, int line, int column) {
  for (const auto& w : warnings.list())
    if (w.message.find(part) != std::string::npos && w.where.line == line &&
        w.where.column == column)
      return true;
  return false;
}

}  // namespace

TEST_CASE("a case citation is read into its parts") {
  Warnings warnings;
  const auto found = reader().find(
      "See Klayman v. Obama, 957 F.Supp.2d 1, 41-42 (D.D.C. December 16, 2013) (granting an "
      "injunction), vacated, 800 F.3d 559 (D.C. Cir. 2015).",
      {"brief.xml", 3, 10}, warnings);
  REQUIRE(found.size() == 1);
  const auto& c = found[0];
  CHECK(c.kind == cite::Kind::case_law);
  CHECK(c.case_name == "Klayman v. Obama");
  CHECK(c.volume == "957");
  CHECK(c.reporter == "F. Supp. 2d");
  CHECK(c.first_page == "1");
  REQUIRE(c.pin_cites.size() == 1);
  CHECK(c.pin_cites[0] ==
        "41\xE2\x80\x93"
        "42");
  CHECK(c.court == "D.D.C.");
  CHECK(c.date == "Dec. 16, 2013");
  CHECK(c.explanation == "granting an injunction");
  CHECK(c.history == "vacated, 800 F.3d 559 (D.C. Cir. 2015)");
  CHECK(c.key == "957 F. Supp. 2d 1");
  CHECK(c.text.rfind("Klayman", 0) == 0);  // the signal is not part of it
  CHECK(c.where.line == 3);
  CHECK(c.where.column == 14);
  CHECK(warnings.empty());
}

TEST_CASE("a statute's sections, subsections, ranges and et seq.") {
  Warnings warnings;
  auto found = reader().find("50 U.S.C. § 1861(d)(1)", {}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].title == "50");
  CHECK(found[0].sections == std::vector<std::string>{"1861"});
  CHECK(found[0].subsections == "(d)(1)");
  CHECK(found[0].normalised ==
        "50 U.S.C. \xC2\xA7\xC2\xA0"
        "1861(d)(1)");
  CHECK(found[0].key ==
        "50 U.S.C. \xC2\xA7\xC2\xA0"
        "1861");
  found = reader().find("50 U.S.C. §§ 1861-1862", {}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].section_range);
  CHECK(found[0].sections == std::vector<std::string>{"1861", "1862"});
  found = reader().find("50 U.S.C. § 1801 et seq.", {}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].et_seq);
  CHECK(warnings.empty());
}

TEST_CASE("Id. and short forms point to their authority, across texts through the trail") {
  Warnings warnings;
  cite::Trail trail;
  reader().find("Smith v. Maryland, 442 U.S. 735 (1979).", {"a.xml", 1, 1}, warnings, trail);
  reader().find("28 C.F.R. § 0.85.", {"a.xml", 2, 1}, warnings, trail);
  auto found =
      reader().find("Smith, 442 U.S. at 742. Id. at 743.", {"a.xml", 3, 1}, warnings, trail);
  REQUIRE(found.size() == 2);
  CHECK(found[0].key == "442 U.S. 735");
  CHECK(found[1].short_form == cite::ShortForm::id);
  CHECK(found[1].key == "442 U.S. 735");  // Id. follows the short form, not the regulation
  CHECK(found[1].category == cite::Category::cases);
  CHECK(warnings.empty());
}

TEST_CASE("an Id. with nothing before it is a warning at its place") {
  Warnings warnings;
  const auto found = reader().find("As shown,\nId. at 490.", {"b.xml", 7, 5}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].key.empty());
  CHECK(found[0].category == cite::Category::none);
  CHECK(has_warning(warnings, "points to no earlier citation", 8, 1));
}

TEST_CASE("what looks like a citation but cannot be read is a warning with its location") {
  Warnings warnings;
  const auto found = reader().find("Compare 123 F.9th 45 with 50 U.S.C. § and Id. at the end.",
                                   {"c.xml", 2, 1}, warnings);
  CHECK(found.empty());
  CHECK(has_warning(warnings, "F.9th", 2, 9));
  CHECK(has_warning(warnings, "names no section", 2, 27));
  CHECK(has_warning(warnings, "names no page", 2, 43));
}

TEST_CASE("a look-alike after a citation is a warning, one inside a citation read is none") {
  Warnings warnings;
  // Every literal of the suspects inside what was read: none is looked for.
  CHECK(reader().find("50 U.S.C. § 1861; U.S. Const. amend. IV", {}, warnings).size() == 2);
  CHECK(warnings.empty());
  // The same literals again outside the citations: each look-alike is found.
  const auto found = reader().find("50 U.S.C. § 1861; but 50 U.S.C. §, Pub. L. and Id. at the end",
                                   {"e.xml", 1, 1}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(has_warning(warnings, "names no section", 1, 23));
  CHECK(has_warning(warnings, "\"Pub. L.\" is not followed by what it cites", 1, 36));
  CHECK(has_warning(warnings, "names no page", 1, 48));
}

TEST_CASE("a date outside the reporter's years is a warning") {
  Warnings warnings;
  const auto found = reader().find("Doe v. Roe, 12 F.4th 34 (1999)", {"d.xml", 1, 1}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(has_warning(warnings, "covers 2021", 1, 1));
}

TEST_CASE("text without citations gives none and no warning") {
  Warnings warnings;
  CHECK(reader()
            .find("The Fourth Amendment, Section 215 and Rule 12 in 1979.", {}, warnings)
            .empty());
  CHECK(reader().find("", {}, warnings).empty());
  CHECK(warnings.empty());
}

TEST_CASE("a malformed table is an error at its line") {
  const test_support::TempDir dir;
  const auto file = dir / "citations.xml";
  {
    std::ofstream out(file);
    out << "<citations>\n  <reporter name=\"No abbreviation\"/>\n</citations>\n";
  }
  try {
    cite::Table::load(file);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().line == 2);
    CHECK(e.message().find("abbreviation") != std::string::npos);
  }
  CHECK_THROWS_AS(cite::Table::load(file), Error);
}

// A reporter's attributes are found in one pass over them, and the table's lines are indexed
// only when an error needs a place: each error still names the reporter's own line and column,
// the first attribute the reader checks that is wrong, and malformed XML its own place.
TEST_CASE(
    "a reporter's refused attribute is an error at the reporter, malformed XML at its place") {
  const auto error_of = [](const std::string& reporter) -> std::pair<SourceLocation, std::string> {
    try {
      cite::Table::read("citations.xml", "<citations>\n  <reporter abbreviation=\"U.S.\"/>\n   " +
                                             reporter + "\n</citations>\n");
    } catch (const Error& e) {
      return {e.where(), e.message()};
    }
    return {};
  };
  const auto [no_abbreviation, missing] = error_of("<reporter from=\"1790\" name=\"Reports\"/>");
  CHECK(no_abbreviation.str() == "citations.xml:3:4");
  CHECK(missing == "expected an abbreviation= attribute");
  // from= is checked before to=, both before category= and cited=, whatever their order.
  const auto [year_at, year] =
      error_of("<reporter cited=\"bogus\" to=\"20x1\" from=\"179\" abbreviation=\"F.\"/>");
  CHECK(year_at.str() == "citations.xml:3:4");
  CHECK(year == "expected a year (YYYY) in from=, not \"179\"");
  const auto [category_at, category] =
      error_of("<reporter cited=\"bogus\" category=\"novels\" abbreviation=\"F.\"/>");
  CHECK(category_at.str() == "citations.xml:3:4");
  CHECK(category.starts_with("category=\"novels\": expected a heading"));
  const auto [cited_at, cited] = error_of("<reporter abbreviation=\"F.\" cited=\"page\"/>");
  CHECK(cited_at.str() == "citations.xml:3:4");
  CHECK(cited.starts_with("cited=\"page\": expected \"year-number\""));
  // The first of an attribute written twice counts, as pugixml's lookup by name found it.
  const auto [twice_at, twice] = error_of("<reporter abbreviation=\"F.\" to=\"19x\" to=\"1990\"/>");
  CHECK(twice_at.str() == "citations.xml:3:4");
  CHECK(twice == "expected a year (YYYY) in to=, not \"19x\"");
  const auto [xml_at, xml] = error_of("<reporter abbreviation=\"F.\"><variant>F</reporter>");
  CHECK(xml_at.str() == "citations.xml:3:44");
  CHECK(xml.starts_with("not well-formed XML"));
  // A reporter the table takes reads as before.
  const cite::Reader reader(cite::Table::read(
      "citations.xml",
      "<citations><reporter to=\"1999\" abbreviation=\"Zq.\" from=\"1900\"><variant>Zq</variant>"
      "</reporter></citations>"));
  Warnings warnings;
  const auto found = reader.find("Doe v. Roe, 12 Zq 34 (1950).", {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].normalised == "Doe v. Roe, 12 Zq. 34 (1950)");
  CHECK(warnings.empty());
}

TEST_CASE("200,000 Id. in one text are each read, located and resolved") {
  // 800 KB: each candidate was checked against every citation already found (over a minute).
  std::string text = "Smith v. Maryland, 442 U.S. 735 (1979). ";
  const std::size_t times = 200000;
  for (std::size_t i = 0; i < times; ++i) text += "Id. ";
  Warnings warnings;
  const auto found = reader().find(text, {"brief.xml", 1, 1}, warnings);
  REQUIRE(found.size() == times + 1);
  CHECK(found.back().where.column == static_cast<int>(text.size()) - 3);
  CHECK(found.back().key == found.front().key);
}

TEST_CASE("a short form finds the latest of its authorities among many others") {
  // Each short form read every authority before it; 2,000 distinct ones, named Baaa, Baab, …
  const auto name = [](int n) {
    return std::string{'B', static_cast<char>('a' + n / 676 % 26),
                       static_cast<char>('a' + n / 26 % 26), static_cast<char>('a' + n % 26)};
  };
  std::string text;
  for (int volume = 1; volume <= 2000; ++volume)
    text += name(volume) + " v. Roe, " + std::to_string(volume) + " U.S. 1 (1990). ";
  text += name(7) + ", supra, at 2. 1 U.S. at 5.";
  Warnings warnings;
  const auto found = reader().find(text, {"brief.xml", 1, 1}, warnings);
  REQUIRE(found.size() == 2002);
  CHECK(found[2000].key == found[6].key);
  CHECK(found[2001].key == found[0].key);
}

TEST_CASE("Id. after a string cite of two authorities is a warning: it cannot say which") {
  Warnings warnings;
  const auto found = cite_tests::reader().find(
      "See Smith v. Maryland, 442 U.S. 735 (1979); Katz v. United States, 389 U.S. 347 (1967). "
      "Id. at 351. The pen register is no search. Smith, 442 U.S. at 742. Id. at 743.",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[2].key == "389 U.S. 347");
  REQUIRE(warnings.list().size() == 1);
  CHECK(warnings.list()[0].message.find("follows a string of several citations") !=
        std::string::npos);
  CHECK(found[4].key == "442 U.S. 735");
}

// Rule 4.2 and 10.9: a short form repeats the case's name, volume and reporter; of several
// authorities in one volume, the name says which, and where nothing does the reader says so.
TEST_CASE("a short form's case name picks its authority among others of the same volume") {
  Warnings warnings;
  const auto found = reader().find(
      "Peña v. Østergaard, 1 U.S. 1 (1790). Nguyễn v. Đặng, 1 U.S. 2 (1790). "
      "Peña, 1 U.S., at 2. Id. at 3.",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[2].key == "1 U.S. 1");
  CHECK(found[3].key == "1 U.S. 1");
  CHECK(warnings.list().empty());
}

// Cases of one volume follow one another: a page is in the case that starts nearest before it.
TEST_CASE(
    "a short form two cases of one volume fit is the one that starts nearest before its pin") {
  Warnings warnings;
  const auto found = reader().find(
      "Smith v. Maryland, 442 U.S. 735 (1979). Ayala v. Rødby, 442 U.S. 100 (1979). "
      "The Court said so. 442 U.S. at 742. Id. at 743. 442 U.S. at 120.",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 5);
  CHECK(found[2].key == "442 U.S. 735");
  CHECK(found[3].key == "442 U.S. 735");
  CHECK(found[4].key == "442 U.S. 100");
  CHECK(warnings.empty());
}

TEST_CASE("a supra whose name two authorities of different volumes share points to nothing") {
  Warnings warnings;
  const auto found = reader().find(
      "Zhou v. Bar, 1 U.S. 1 (1790). Zhou v. Bar, 2 U.S. 5 (1791). Zhou, supra, at 6. Id. at 7.",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[2].key.empty());
  CHECK(found[3].key.empty());
  CHECK(
      has_warning(warnings,
                  "\"Zhou, supra, at 6\" may mean Zhou v. Bar, 1 U.S. 1 or Zhou v. Bar, 2 U.S. 5: "
                  "it points to none of them",
                  1, 61));
  CHECK(has_warning(warnings, "\"Id. at 7\" points to no earlier citation", 1, 80));
}

TEST_CASE("a pin before its case's first page points to nothing, with a warning") {
  Warnings warnings;
  const auto found =
      reader().find("Ahmed v. Bar, 1 U.S. 100 (1790). Id. at 50. Ahmed, 1 U.S. at 120. Id. at 101.",
                    {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[1].key.empty());
  CHECK(found[2].key == "1 U.S. 100");
  CHECK(found[3].key == "1 U.S. 100");
  REQUIRE(warnings.list().size() == 1);
  CHECK(
      has_warning(warnings,
                  "cites page 50, before the first page of Ahmed v. Bar, 1 U.S. 100: it points to "
                  "no authority",
                  1, 34));
}

TEST_CASE("a citation ending in \"Rev. 1.\" does not swallow the short form after an Id.") {
  // The "v" of "Rev." once began a case name with no plaintiff: "v. 1. Id. at 2. Foo".
  Warnings warnings;
  const auto found =
      reader().find("Foo v. Bar, 1 U.S. 1. 1 Minn. L. Rev. 1. Id. at 2. Foo, 1 U.S., at 2.",
                    {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[3].short_form == cite::ShortForm::short_case);
  CHECK(found[3].key == "1 U.S. 1");
}

// Rule 10.3.2: the early U.S. Reports are cited with their nominative reporter, whether the
// writer gave both ("5 U.S. (1 Cranch) 137") or the nominative alone ("1 Cranch 137").
TEST_CASE("a nominative reporter alone is read as the U.S. Reports volume it became") {
  Warnings warnings;
  const auto found = reader().find(
      "Marbury v. Madison, 1 Cranch 137 (1803). Marbury, 1 Cranch at 177. Id. at 178. "
      "Marbury v. Madison, 5 U.S. (1 Cra.) 137, 177 (1803). McCulloch v. Maryland, 4 Wheat. "
      "316 (1819). Ex parte Milligan, 4 Wall. 2 (1866). Peña v. Løvaas, 10 Johns. 358 (1813).",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 7);
  CHECK(found[0].normalised == "Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803)");
  CHECK(found[1].normalised == "Marbury, 5 U.S. (1 Cranch) at 177");
  CHECK(found[1].key == found[0].key);
  CHECK(found[3].key == found[0].key);
  CHECK(found[3].normalised == "Marbury v. Madison, 5 U.S. (1 Cranch) 137, 177 (1803)");
  CHECK(found[4].normalised == "McCulloch v. Maryland, 17 U.S. (4 Wheat.) 316 (1819)");
  CHECK(found[5].normalised == "Ex parte Milligan, 71 U.S. (4 Wall.) 2 (1866)");
  CHECK(found[6].normalised == "Peña v. Løvaas, 10 Johns. 358 (1813)");
  CHECK(warnings.empty());
}

TEST_CASE("a reporter's official renumbering that cannot be read is an error at its line") {
  for (const char* official : {"U.S.", "U.S. 13-5", "U.S. x-9", "5-13"}) {
    CAPTURE(official);
    try {
      cite::Table::read("citations.xml",
                        std::string("<citations>\n  <reporter abbreviation=\"Cranch\" "
                                    "official=\"") +
                            official + "\"/>\n</citations>\n");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.where().line == 2);
      CHECK(e.message().find("expected the official reporter") != std::string::npos);
    }
  }
}

TEST_CASE("a district court's docket number is no unknown reporter") {
  Warnings warnings;
  const auto found = reader().find(
      "Ortiz v. Sørensen, No. 99 Civ. 9404 (RWS), 2000 WL 1234567, at *2 (S.D.N.Y. Aug. 9, 2000); "
      "United States v. Ng, 12 Cr. 45 (KBF). But 12 Foo. 45 is no reporter.",
      {"t", 1, 1}, warnings);
  REQUIRE(!found.empty());
  CHECK(found[0].key == "2000 WL 1234567");
  REQUIRE(warnings.list().size() == 1);
  CHECK(warnings.list()[0].message.find("\"Foo.\" is no reporter") != std::string::npos);
}

TEST_CASE("a case name after \"and\" and a case cited before is the second case's alone") {
  Warnings warnings;
  const auto found = reader().find(
      "Grutter v. Bollinger, 539 U.S. 306 (2003). In Grutter and Regents of Univ. of Cal. v. "
      "Bakke, 438 U.S. 265 (1978), the Court agreed. Smith and Jones v. Roe, 1 F.3d 1 (1st Cir. "
      "1993).",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[1].case_name == "Regents of Univ. of Cal. v. Bakke");
  CHECK(found[1].text == "Regents of Univ. of Cal. v. Bakke, 438 U.S. 265 (1978)");
  CHECK(found[1].where.column == 59);
  // "Smith" was cited nowhere before: "Smith and Jones" may be one party.
  CHECK(found[2].case_name == "Smith and Jones v. Roe");
}

TEST_CASE("a sentence word before an earlier case and \"and\" is dropped with it") {
  Warnings warnings;
  const auto found = reader().find(
      "Grutter v. Bollinger, 539 U.S. 306 (2003). Both Grutter and Regents of Univ. of Cal. v. "
      "Bakke, 438 U.S. 265 (1978), say so. Both Smith and Jones v. Roe, 1 F.3d 1 (1st Cir. 1993).",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[1].case_name == "Regents of Univ. of Cal. v. Bakke");
  CHECK(found[1].text == "Regents of Univ. of Cal. v. Bakke, 438 U.S. 265 (1978)");
  CHECK(found[1].where.column == 61);
  // "Smith" was cited nowhere before: the name is kept as read.
  CHECK(found[2].case_name == "Both Smith and Jones v. Roe");
}

TEST_CASE("a case cited before and \"in\" before a name are the sentence's, not the name's") {
  Warnings warnings;
  const auto found = reader().find(
      "Smith v. Maryland, 442 U.S. 735 (1979). The Court later distinguished Smith in Carpenter "
      "v. United States, 585 U.S. 296, 309 (2018). Citizens in Charge v. Gale, 810 F. Supp. 2d "
      "916 (D. Neb. 2011).",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[1].case_name == "Carpenter v. United States");
  CHECK(found[1].text == "Carpenter v. United States, 585 U.S. 296, 309 (2018)");
  CHECK(found[1].where.column == 80);
  // "Citizens" was cited nowhere before: a party may hold "in".
  CHECK(found[2].case_name == "Citizens in Charge v. Gale");
}

TEST_CASE("a name never runs back into the citation before it") {
  Warnings warnings;
  // Words of a name may be numbers: the page of a bare citation ended one.
  const auto found = reader().find(
      "799 N.Y.S.2d 795\n\nSee Adarand, 799 N. Y. S. 2d, at 797\n\n"
      "1 U.S. 1\n\nLissner v. Test 1 U.S. 1",
      {"brief.txt", 1, 1}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[0].normalised == "799 N.Y.S.2d 795");
  CHECK(found[1].normalised == "799 N.Y.S.2d at 797");
  CHECK(found[1].key == "799 N.Y.S.2d 795");
  CHECK(found[2].normalised == "1 U.S. 1");
  CHECK(found[3].normalised == "Lissner v. Test, 1 U.S. 1");
}

TEST_CASE("the texts a document expects decide the parts compiled, and what is read is the same") {
  const std::string plain = "Smith v. Maryland, 442 U.S. 735 (1979)";
  const std::string history =
      "Doe v. Roe, 1 F.3d 2 (2d Cir. 1993), aff'd, 5 F.4th 6 (2d Cir. 1994)";
  const std::string sections = "18 U.S.C. §§ 2511, 2518. Id. §§ 4-5.";
  const auto read = [](const std::string& text, cite::Trail& trail) {
    Warnings warnings;
    std::vector<std::string> forms;
    for (const auto& c : reader().find(text, {}, warnings, trail)) forms.push_back(c.normalised);
    return forms;
  };
  cite::Trail expected, alone, unexpected;
  reader().expect({plain, history, sections}, expected);
  CHECK(std::any_of(expected.parts.begin(), expected.parts.end(),
                    [](std::uint32_t parts) { return parts != 0; }));
  reader().expect({plain}, unexpected);  // a text not named still reads its own parts
  for (auto* trail : {&expected, &alone, &unexpected}) {
    CHECK(read(plain, *trail) == std::vector<std::string>{plain});
    CHECK(read(history, *trail) == std::vector<std::string>{history});
    CHECK(read(sections, *trail) ==
          std::vector<std::string>{"18 U.S.C. §§\u00A02511, 2518", "Id. §§\u00A04–5"});
  }
}
