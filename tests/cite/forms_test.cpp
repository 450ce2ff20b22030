// Forms read by their shape rather than by a reporter of the table alone: designations cited by
// year and number, roman pages, journals the table does not list, supra with no name.
#include <doctest/doctest.h>

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;

namespace {

using cite_tests::reader;

std::vector<std::string> forms_of(const std::vector<cite::Citation>& found) {
  std::vector<std::string> out;
  for (const auto& c : found) out.push_back(c.normalised);
  return out;
}

}  // namespace

TEST_CASE("Tax Court designations are read by year and number, in the court's spelling") {
  Warnings warnings;
  const auto found = reader().find(
      "Crimi v. Commissioner, T.C. Memo. 2013-51, at *35; Jones v. Commissioner, T. C. Memo "
      "2019-233; Altera Corp. v. Commissioner, 145 T.C. No. 3 (2015); Øvergaard v. "
      "Commissioner, T.C. Summary Opinion 2014-63.",
      {"t", 1, 1}, warnings);
  CHECK(forms_of(found) ==
        std::vector<std::string>{"Crimi v. Commissioner, T.C. Memo. 2013-51, at *35",
                                 "Jones v. Commissioner, T.C. Memo. 2019-233",
                                 "Altera Corp. v. Commissioner, 145 T.C. No. 3 (2015)",
                                 "Øvergaard v. Commissioner, T.C. Summary Opinion 2014-63"});
  REQUIRE(found.size() == 4);
  CHECK(found[0].key == "T.C. Memo. 2013-51");
  CHECK(found[0].category == cite::Category::cases);
  CHECK(warnings.empty());
}

TEST_CASE("a roman page is read when it is a numeral, never a word of its letters") {
  Warnings warnings;
  auto found = reader().find("State v. Halvorsen, 12 Neb. App. lxiv (2004).", {}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].normalised == "State v. Halvorsen, 12 Neb. Ct. App. lxiv (2004)");
  for (const char* text : {"In 12 U.S. civil cases arose.", "See 3 F.3d mix of rules.",
                           "and 12 Neb. App. ill health", "Smith, 12 U.S. v. Jones"}) {
    CAPTURE(text);
    Warnings none;
    CHECK(reader().find(text, {}, none).empty());
  }
}

TEST_CASE("a law review the table does not list is read by its shape, with a year range") {
  Warnings warnings;
  const auto found = reader().find(
      "Note, Tracking the Tracker, 58 Hastings L. J. 1203, 1210 (2007); 77 Marq. L. Rev. "
      "475 (1993-94). The 12 Judges Rev. 4 panel and 3 Lakes L. Rev. are not.",
      {}, warnings);
  CHECK(forms_of(found) ==
        std::vector<std::string>{"Note, Tracking the Tracker, 58 Hastings L.J. 1203, 1210 (2007)",
                                 "77 Marq. L. Rev. 475 (1993\xE2\x80\x93"
                                 "94)"});
  REQUIRE(found.size() == 2);
  CHECK(found[1].kind == cite::Kind::secondary);
  CHECK(found[1].reporter == "Marq. L. Rev.");
}

TEST_CASE("supra with no name is a reference within the text, to no authority") {
  Warnings warnings;
  const auto found = reader().find(
      "Smith v. Maryland, 442 U.S. 735 (1979). See supra Part II.A. Id. at 740. As discussed "
      "supra, the rule holds; the panel, supra, agreed. supra.",
      {"t", 1, 1}, warnings);
  CHECK(forms_of(found) == std::vector<std::string>{"Smith v. Maryland, 442 U.S. 735 (1979)",
                                                    "supra Part II.A", "Id. at 740", "supra"});
  REQUIRE(found.size() == 4);
  CHECK(found[1].key.empty());
  CHECK(found[1].category == cite::Category::none);
  CHECK(found[2].key.empty());  // an Id. after it points to nothing, and says so
  CHECK(warnings.list().size() == 2);
  bool bare_warned = false;
  for (const auto& w : warnings.list())
    bare_warned = bare_warned || (w.message.find("names no authority") != std::string::npos &&
                                  w.where.column == 136);
  CHECK(bare_warned);
}

TEST_CASE("a designation cited by something other than year and number is an error at its line") {
  try {
    cite::Table::read("citations.xml",
                      "<citations>\n  <reporter abbreviation=\"T.C. Memo.\" cited=\"page\"/>\n"
                      "</citations>\n");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().line == 2);
    CHECK(e.message().find("expected \"year-number\"") != std::string::npos);
    CHECK(e.message().find("\"paragraph\"") != std::string::npos);
  }
}

TEST_CASE("a signal before an article's author or a treatise's is not part of the citation") {
  Warnings warnings;
  const auto found = reader().find(
      "See Orin S. Kerr, The Case for the Third-Party Doctrine, 107 Mich. L. Rev. 561 (2009). See, "
      "e.g., Note, Tracking the Tracker, 58 Hastings L.J. 1203 (2007). But see David S. Kris & "
      "J. Douglas Wilson, National Security Investigations & Prosecutions § 16:5 (2d ed. 2012).",
      {"t", 1, 1}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[0].case_name == "Orin S. Kerr");
  CHECK(found[0].where.column == 5);
  CHECK(found[1].normalised == "Note, Tracking the Tracker, 58 Hastings L.J. 1203 (2007)");
  CHECK(found[1].text.rfind("Note,", 0) == 0);
  CHECK(found[2].case_name == "David S. Kris & J. Douglas Wilson");
  CHECK(found[2].normalised.rfind("David S. Kris", 0) == 0);
}

TEST_CASE("a looseleaf service is read by paragraph, West's P written as the Bluebook's sign") {
  Warnings warnings;
  const auto found = reader().find(
      "In re Ødegaard Sec. Litig., [1990 Transfer Binder] Fed. Sec. L. Rep. (CCH) ¶ 95,123 "
      "(S.D.N.Y. 1990); Doe v. United States, 90-1 USTC P50,123 (9th Cir. 1990); Bankr. L. Rep. "
      "(CCH) P12,345.",
      {}, warnings);
  CHECK(forms_of(found) ==
        std::vector<std::string>{"In re Ødegaard Sec. Litig., [1990 Transfer Binder] Fed. Sec. L. "
                                 "Rep. (CCH) ¶ 95,123 (S.D.N.Y. 1990)",
                                 "Doe v. United States, 90-1 U.S. Tax Cas. (CCH) ¶ 50,123 (9th "
                                 "Cir. 1990)",
                                 "Bankr. L. Rep. (CCH) ¶ 12,345"});
  CHECK(warnings.empty());
}

TEST_CASE("a court cited by docket and date keeps its own spelling of both") {
  Warnings warnings;
  const auto found = reader().find(
      "State v. Guidry, 2009-1234 (La.App. 4 Cir. 2/3/10); State v. Broussard, 2009 KA 0412 (La. "
      "App. 1 Cir. 9/14/09). In 2009 (La. 5/10/10) nothing is cited.",
      {}, warnings);
  CHECK(forms_of(found) ==
        std::vector<std::string>{"State v. Guidry, 2009-1234 (La. App. 4 Cir. 2/3/10)",
                                 "State v. Broussard, 2009 KA 0412 (La. App. 1 Cir. 9/14/09)"});
  REQUIRE(found.size() == 2);
  CHECK(found[0].key == "2009-1234 (La. App. 4 Cir. 2/3/10)");
  CHECK(found[0].court == "La. App. 4 Cir.");
  CHECK(warnings.empty());
}
