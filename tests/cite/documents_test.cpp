// A court's document cited by its title and docket number, as FISC opinions and orders are
// (Bluebook rule 10.8.1, table BT1): read as a case citation with its court and date.
#include <doctest/doctest.h>

#include <string>

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;

namespace {

using cite_tests::reader;

std::vector<cite::Citation> read(const std::string& text, Warnings& warnings) {
  return reader().find(text, {}, warnings);
}

}  // namespace

TEST_CASE("a memorandum opinion cited by its docket is a case with its court and date") {
  Warnings warnings;
  const auto found = read(
      "The Court has said as much before. Mem. Op., Misc. No. 13-02 (FISA Ct. Sept. 13, 2013).",
      warnings);
  REQUIRE(found.size() == 1);
  const auto& c = found[0];
  CHECK(c.kind == cite::Kind::case_law);
  CHECK(c.category == cite::Category::cases);
  CHECK(c.title == "Mem. Op.");
  CHECK(c.case_name.empty());
  CHECK(c.court == "FISA Ct.");
  CHECK(c.date == "Sept. 13, 2013");
  CHECK(c.text == "Mem. Op., Misc. No. 13-02 (FISA Ct. Sept. 13, 2013)");
  CHECK(c.normalised == c.text);
  CHECK(c.key == "Mem. Op., Misc. No. 13-02 (FISA Ct. Sept. 13, 2013)");
  CHECK(warnings.empty());
}

TEST_CASE("the titles and docket forms the FISC and its filers write are read in Bluebook form") {
  const std::pair<std::string, std::string> cases[] = {
      {"Op. & Order, No. BR 14-01 (FISA Ct. Mar. 7, 2014)",
       "Op. & Order, No. BR 14-01 (FISA Ct. Mar. 7, 2014)"},
      {"Order, Docket No. BR 14-01 (FISA Ct. Mar. 20, 2014)",
       "Order, No. BR 14-01 (FISA Ct. Mar. 20, 2014)"},
      {"Mem. Op. at 5, Misc. No. 13-02 (FISA Ct. Sept. 13, 2013)",
       "Mem. Op. at 5, Misc. No. 13-02 (FISA Ct. Sept. 13, 2013)"},
      {"Memorandum Opinion, Docket No. Misc. 13-02, at 5 (Foreign Intelligence Surveillance Court "
       "September 13, 2013)",
       "Mem. Op., No. Misc. 13-02, at 5 (FISA Ct. Sept. 13, 2013)"},
      {"Amended Memorandum Opinion, No. BR 13-109, slip op. at 9 (FISA Ct. Aug. 29, 2013)",
       "Am. Mem. Op., No. BR 13-109, slip op. at 9 (FISA Ct. Aug. 29, 2013)"},
      {"Primary Order, No. BR 13-158, at 3 (FISC Oct. 11, 2013)",
       "Primary Order, No. BR 13-158, at 3 (FISA Ct. Oct. 11, 2013)"},
      {"Opinion and Order, No. BR 15-75 (FISA Ct. June 29, 2015)",
       "Op. & Order, No. BR 15-75 (FISA Ct. June 29, 2015)"},
      {"Mem. Op., Misc. No. 13-02, 2013 WL 5460064, at *3 (FISA Ct. Sept. 13, 2013)",
       "Mem. Op., Misc. No. 13-02, 2013 WL 5460064, at *3 (FISA Ct. Sept. 13, 2013)"},
  };
  for (const auto& [written, normalised] : cases) {
    CAPTURE(written);
    Warnings warnings;
    const auto found = read("See " + written + ".", warnings);
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == written);  // the signal is not part of it
    CHECK(found[0].normalised == normalised);
    CHECK(found[0].kind == cite::Kind::case_law);
    CHECK(warnings.empty());
  }
}

TEST_CASE("two orders in one docket are two authorities, and an Id. points to the one before") {
  Warnings warnings;
  const auto found = read(
      "Order, No. BR 14-01 (FISA Ct. Mar. 7, 2014); Order, No. BR 14-01 (FISA Ct. Mar. 20, 2014). "
      "The Court later explained why. Mem. Op. at 4, No. BR 14-01 (FISA Ct. Apr. 1, 2014). Id. at "
      "6.",
      warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[0].key != found[1].key);
  CHECK(found[3].kind == cite::Kind::short_form);
  CHECK(found[3].key == found[2].key);
  CHECK(found[3].key == "Mem. Op., No. BR 14-01 (FISA Ct. Apr. 1, 2014)");
}

TEST_CASE("a title with no docket and date, or a docket in a textual sentence, is no citation") {
  Warnings warnings;
  CHECK(read("The Court's Order, No. 5 of the docket, was sealed in 2014.", warnings).empty());
  CHECK(read("In its Mem. Op. the Court said so.", warnings).empty());
  CHECK(read("The Primary Order, No. BR 13-158, expired.", warnings).empty());
}

TEST_CASE("a case name before a docket keeps its No., and a docket names its inner kind") {
  Warnings warnings;
  const auto found = read(
      "In re Orders of This Court Interpreting Section 215 of the PATRIOT Act, No. Misc. 13-02, "
      "2013 WL 5460064, at *7 (FISA Ct. Sept. 13, 2013); United States v. Ghailani, No. 98 Crim. "
      "1023, 2010 WL 4058043 (S.D.N.Y. Oct. 6, 2010); United States v. Núñez-Ibáñez, No. 99 Civ. "
      "9404 (S.D.N.Y. Mar. 2, 2000).",
      warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[0].case_name ==
        "In re Orders of This Court Interpreting Section 215 of the PATRIOT Act");
  CHECK(found[1].case_name == "United States v. Ghailani");
  CHECK(found[1].normalised ==
        "United States v. Ghailani, No. 98 Crim. 1023, 2010 WL 4058043 (S.D.N.Y. Oct. 6, 2010)");
  CHECK(found[2].normalised ==
        "United States v. Núñez-Ibáñez, No. 99 Civ. 9404 (S.D.N.Y. Mar. "
        "2, 2000)");
  CHECK(warnings.empty());
}

TEST_CASE("a business form after a comma is still part of a name") {
  Warnings warnings;
  const auto found =
      read("Société Générale v. Nakamura, Inc., 2 F.3d 500 (2d Cir. 1993).", warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].case_name == "Société Générale v. Nakamura, Inc.");
}

TEST_CASE("a document title with no abbreviation is an error at its line") {
  try {
    cite::Table::read("citations.xml",
                      "<citations>\n  <reporter abbreviation=\"U.S.\"/>\n  <document-title>"
                      "<variant>Memorandum Opinion</variant></document-title>\n</citations>\n");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().line == 3);
    CHECK(e.message().find("abbreviation") != std::string::npos);
  }
}

TEST_CASE("a table's own document titles are read, and a variant written as its abbreviation") {
  const cite::Reader own(cite::Table::read(
      "citations.xml",
      "<citations><reporter abbreviation=\"U.S.\"/><court abbreviation=\"FISA Ct.\"/>"
      "<document-title abbreviation=\"Mem. Decision\"><variant>Memorandum Decision</variant>"
      "</document-title></citations>"));
  Warnings warnings;
  const auto found =
      own.find("Memorandum Decision, No. 21-7 (FISA Ct. Jan. 4, 2022).", {}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].normalised == "Mem. Decision, No. 21-7 (FISA Ct. Jan. 4, 2022)");
  // A title the table does not hold is not read as one.
  CHECK(own.find("Mem. Op., No. 21-7 (FISA Ct. Jan. 4, 2022).", {}, warnings).empty());
}

TEST_CASE("a document's title with a page after its full citation is its short form") {
  Warnings warnings;
  const auto found = read(
      "Mem. Op., Misc. No. 13-02 (FISA Ct. Sept. 13, 2013). The Court found no standing. Mem. Op. "
      "at 7. It reached the merits all the same. Memorandum Opinion at 9, 11.",
      warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[1].kind == cite::Kind::short_form);
  CHECK(found[1].text == "Mem. Op. at 7");
  CHECK(found[1].normalised == "Mem. Op. at 7");
  CHECK(found[1].key == "Mem. Op., Misc. No. 13-02 (FISA Ct. Sept. 13, 2013)");
  CHECK(found[2].normalised == "Mem. Op. at 9, 11");
  CHECK(found[2].key == found[0].key);
  CHECK(warnings.empty());
}

TEST_CASE("a title short form two documents of that title fit points to nothing, with a warning") {
  // The title names no docket: the latest of the two is no likelier than the first.
  Warnings warnings;
  const auto found = read(
      "Order, No. BR 14-01 (FISA Ct. Mar. 7, 2014); Order, No. BR 14-01 (FISA Ct. Mar. 20, 2014). "
      "The second narrowed the first. Order at 3.",
      warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[2].key.empty());
  REQUIRE(warnings.list().size() == 1);
  CHECK(warnings.list()[0].message.find("give the docket and date of the one meant") !=
        std::string::npos);
}

TEST_CASE("a title and a page with no document of that title cited before is no citation") {
  Warnings warnings;
  CHECK(read("The Primary Order at 3 says so.", warnings).empty());
  CHECK(warnings.empty());
}
