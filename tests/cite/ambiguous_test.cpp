// A short form that two authorities still fit once its name is read, and nothing decides which,
// points to nothing, and so does an Id. after it: a wrong page in a table of authorities is worse
// than a gap the writer is told of. Cases of one volume follow one another, so a page decides,
// unless an earlier case may still run to it.
#include <doctest/doctest.h>

#include <string>

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;

namespace {

using cite_tests::reader;

// The warning that holds `part`, or nullptr.
const Warning* warning_with(const Warnings& warnings, const std::string& part) {
  for (const auto& w : warnings.list())
    if (w.message.find(part) != std::string::npos) return &w;
  return nullptr;
}

}  // namespace

TEST_CASE("a page where the second of two cases starts may be the first's last: no authority") {
  Warnings warnings;
  const auto found =
      reader().find("Kaya v. Demir, 1 U.S. 1. Boateng v. Mensah, 1 U.S. 2. 1 U.S., at 2. Id. at 3.",
                    {"brief.txt", 4, 7}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[2].key.empty());
  CHECK(found[3].key.empty());  // the chain stops at the short form that points to nothing
  const auto* ambiguous = warning_with(warnings,
                                       "\"1 U.S., at 2\" may mean Kaya v. Demir, 1 U.S. 1 "
                                       "or Boateng v. Mensah, 1 U.S. 2");
  REQUIRE(ambiguous != nullptr);
  CHECK(ambiguous->where.line == 4);
  CHECK(ambiguous->where.column == 7 + 54);
  CHECK(ambiguous->message.find("page 2 is where Boateng v. Mensah, 1 U.S. 2 starts") !=
        std::string::npos);
  CHECK(ambiguous->message.find("it points to none of them, nor does an Id. after it; write a "
                                "name only the case meant has") != std::string::npos);
  CHECK(warning_with(warnings, "\"Id. at 3\" points to no earlier citation") != nullptr);
}

TEST_CASE("a name two cases of one volume share, at the page the second starts: no authority") {
  Warnings warnings;
  const auto found = reader().find(
      "Sánchez v. Oyelaran, 1 U.S. 1. Sánchez v. Oyelaran, 1 U.S. 2. Sánchez, 1 U.S., at 2. "
      "Sánchez, supra, at 2.",
      {}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[2].key.empty());
  CHECK(found[3].key.empty());
  CHECK(warning_with(warnings, "\"Sánchez, 1 U.S., at 2\" may mean") != nullptr);
  CHECK(warning_with(warnings, "\"Sánchez, supra, at 2\" may mean") != nullptr);
}

TEST_CASE("a case this text cites past where a later one starts may hold the page: no authority") {
  // The pin of the full citation, a short form's and an Id.'s each say how far a case runs.
  for (const std::string reach :
       {"Foo v. Bar, 1 U.S. 1, 77. Foo, 1 U.S. at 99.", "Foo v. Bar, 1 U.S. 1, 40–55.",
        "Foo v. Bar, 1 U.S. 1. Id. at 60."}) {
    CAPTURE(reach);
    Warnings warnings;
    const auto found = reader().find(
        reach + " Lorem v. Ipsum, 1 U.S. 50. 1 U.S., at 51. Lorem, 1 U.S., at 52.", {}, warnings);
    REQUIRE(found.size() >= 4);
    CHECK(found[found.size() - 2].key.empty());
    CHECK(found.back().key == "1 U.S. 50");  // the name decides
    const auto* ambiguous = warning_with(warnings, "\"1 U.S., at 51\" may mean");
    REQUIRE(ambiguous != nullptr);
    CHECK(ambiguous->message.find("this text cites Foo v. Bar, 1 U.S. 1") != std::string::npos);
  }
}

TEST_CASE("a page past every earlier case's reach is in the case that starts nearest before it") {
  Warnings warnings;
  const auto found = reader().find(
      "Foo v. Bar, 1 U.S. 1, 20. Lorem v. Ipsum, 1 U.S. 50. 1 U.S., at 51. 1 U.S. at 21.", {},
      warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[2].key == "1 U.S. 50");
  CHECK(found[3].key == "1 U.S. 1");
  CHECK(warnings.empty());
}

TEST_CASE("a title two court documents share points to nothing, naming both") {
  Warnings warnings;
  const auto found = reader().find(
      "Mem. Op., No. BR 13-109 (FISA Ct. Aug. 29, 2013); Mem. Op., No. BR 13-158 (FISA Ct. Oct. "
      "11, 2013). Mem. Op. at 7. Id. at 8.",
      {}, warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[2].key.empty());
  CHECK(found[3].key.empty());
  const auto* ambiguous =
      warning_with(warnings,
                   "\"Mem. Op. at 7\" may mean Mem. Op., No. BR 13-109 (FISA Ct. Aug. 29, 2013) or "
                   "Mem. Op., No. BR 13-158 (FISA Ct. Oct. 11, 2013)");
  REQUIRE(ambiguous != nullptr);
  CHECK(ambiguous->message.find("give the docket and date of the one meant") != std::string::npos);
}

TEST_CASE("a name-and-page reference to a name two cases share is kept, pointing to nothing") {
  Warnings warnings;
  const auto found = reader().find(
      "Mwangi v. Lindgren, 3 U.S. 22 (1795). Ngata v. Mwangi, 4 U.S. 33 (1799). As the Court said "
      "in Mwangi at 40, the rule is old.",
      {}, warnings);
  REQUIRE(found.size() == 3);
  CHECK(found[2].short_form == cite::ShortForm::name_page);
  CHECK(found[2].normalised == "Mwangi at 40");
  CHECK(found[2].key.empty());
  CHECK(warning_with(warnings,
                     "\"Mwangi at 40\" may mean Mwangi v. Lindgren, 3 U.S. 22 or Ngata v. "
                     "Mwangi, 4 U.S. 33") != nullptr);
}

TEST_CASE("the same case cited twice is one authority: its short forms are not ambiguous") {
  Warnings warnings;
  const auto found = reader().find(
      "Foo v. Bar, 1 U.S. 1. Foo v. Bar, 1 U.S. 1. Foo, 1 U.S., at 2. Foo, supra at 2.", {},
      warnings);
  REQUIRE(found.size() == 4);
  CHECK(found[2].key == "1 U.S. 1");
  CHECK(found[3].key == "1 U.S. 1");
  CHECK(warnings.empty());
}
