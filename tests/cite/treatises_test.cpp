// A treatise by one author cited by its volume and the author's surname, as the classic
// treatises are ("2 Wigmore, Evidence § 285 (3d ed. 1940)"), and again without the edition.
#include <doctest/doctest.h>

#include <string>

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;
using fiscgen::cite_tests::reader;

TEST_CASE("a one-author treatise by volume and surname is a full citation, and its short form") {
  Warnings warnings;
  const auto found = reader().find(
      "The rule against hearsay is old, and its exceptions older. 5 Wigmore, Evidence § 1420 (3d "
      "ed. 1940). The necessity principle explains most of them. 5 Wigmore, Evidence § 1421. The "
      "circumstantial guarantee explains the rest. Id. § 1422.",
      {"opinion.txt", 1, 1}, warnings);
  CHECK(warnings.empty());
  REQUIRE(found.size() == 3);
  CHECK(found[0].kind == cite::Kind::secondary);
  CHECK(found[0].category == cite::Category::secondary);
  CHECK(found[0].case_name == "Wigmore");
  CHECK(found[0].title == "Evidence");
  CHECK(found[0].key == "Wigmore, Evidence");
  CHECK(found[0].normalised ==
        "5 Wigmore, Evidence \xC2\xA7\xC2\xA0"
        "1420 (3d ed. 1940)");
  CHECK(found[1].short_form == cite::ShortForm::supra);
  CHECK(found[1].text == "5 Wigmore, Evidence § 1421");
  CHECK(found[1].key == "Wigmore, Evidence");
  CHECK(found[2].key == "Wigmore, Evidence");
}

TEST_CASE("the short form of a one-author treatise finds the author cited with first names") {
  Warnings warnings;
  const auto found = reader().find(
      "See 1 Wayne R. LaFave, Search and Seizure § 2.7(c) (5th ed. 2012). The third-party cases "
      "are gathered in the same volume. 1 LaFave, Search and Seizure § 2.7(d). So are the "
      "pen-register cases. 1 Ōtsuka, Tsūshin Bōju § 3:2 (2d ed. 2010); 1 Ōtsuka, Tsūshin Bōju § "
      "3:4.",
      {"brief.txt", 1, 1}, warnings);
  CHECK(warnings.empty());
  REQUIRE(found.size() == 4);
  CHECK(found[0].key == "Wayne R. LaFave, Search and Seizure");
  CHECK(found[1].text == "1 LaFave, Search and Seizure § 2.7(d)");
  CHECK(found[1].key == found[0].key);
  CHECK(found[2].key == "Ōtsuka, Tsūshin Bōju");  // a surname in any script's capitals
  CHECK(found[3].key == found[2].key);
}

TEST_CASE("a one-author short form with no treatise cited before it is a warning") {
  Warnings warnings;
  const auto found = reader().find(
      "Counsel relied on a treatise never cited in full. 2 Moore, Federal Practice § 12.34.",
      {"brief.txt", 1, 1}, warnings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].key.empty());
  CHECK(warnings.list().size() == 1);
}

TEST_CASE("a surname after a number without a volume's shape is not read as a treatise") {
  Warnings warnings;
  // A year is no volume, and a lower-case word after the comma is no title.
  CHECK(
      reader()
          .find("In 2019 Wigmore, Evidence § 2 (3d ed. 1940) was reprinted.", {"t", 1, 1}, warnings)
          .empty());
  CHECK(reader()
            .find("On count 2 Smith, in § 3 of the plea, admitted it.", {"t", 1, 1}, warnings)
            .empty());
  CHECK(warnings.empty());
}
