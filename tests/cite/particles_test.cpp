// Lower-case particles of a name after "v." ("von Bülow v. von Bülow") and before it with a
// given name first ("Ludwig van Beethoven v. Smith"): the table's <name-particle>s.
#include <doctest/doctest.h>

#include <string>

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;
using fiscgen::cite_tests::reader;

namespace {

std::vector<cite::Citation> found_in(const cite::Reader& with, const std::string& text) {
  Warnings warnings;
  auto found = with.find(text, {"opinion.txt", 1, 1}, warnings);
  CHECK(warnings.empty());
  return found;
}

}  // namespace

TEST_CASE("a party after v. that starts with a particle keeps its name") {
  const auto found = found_in(
      reader(),
      "The journalist's privilege protects one who gathers information intending to publish it. "
      "von Bülow v. von Bülow, 811 F.2d 136, 144 (2d Cir. 1987). A later panel read it narrowly. "
      "von Bülow, 811 F.2d at 142. See also Nakamura v. van der Berg, 12 F.4th 300, 305 (9th Cir. "
      "2021); In re van Gogh, 3 F.3d 4 (2d Cir. 1993); Okafor v. dos Santos e Silva, 5 F.3d 6 "
      "(11th Cir. 1993); Haddad v. bin Talal, 7 F.3d 8 (D.C. Cir. 1993).");
  REQUIRE(found.size() == 6);
  CHECK(found[0].case_name == "von Bülow v. von Bülow");
  CHECK(found[0].normalised == "von Bülow v. von Bülow, 811 F.2d 136, 144 (2d Cir. 1987)");
  CHECK(found[1].key == "811 F.2d 136");
  CHECK(found[2].case_name == "Nakamura v. van der Berg");
  CHECK(found[3].case_name == "In re van Gogh");
  CHECK(found[4].case_name == "Okafor v. dos Santos e Silva");
  CHECK(found[5].case_name == "Haddad v. bin Talal");
}

TEST_CASE("a given name before a particle and v. is part of the name, a signal is not") {
  const auto found = found_in(
      reader(),
      "Ludwig van Beethoven v. Smith, 1 F.3d 2 (2d Cir. 1993), is illustrative. See Johann "
      "Ludwig van Beethoven v. Smith, 1 F.3d 2, 4 (2d Cir. 1993). The court in Carl von "
      "Ossietzky v. Reich, 3 F.3d 4 (2d Cir. 1993), agreed. Smith v. Ludwig van Beethoven, 5 "
      "F.3d 6 (2d Cir. 1993).");
  REQUIRE(found.size() == 4);
  CHECK(found[0].case_name == "Ludwig van Beethoven v. Smith");
  CHECK(found[0].offset == 0);
  CHECK(found[1].case_name == "Johann Ludwig van Beethoven v. Smith");  // not "See"
  CHECK(found[2].case_name == "Carl von Ossietzky v. Reich");
  CHECK(found[3].case_name == "Smith v. Ludwig van Beethoven");
}

TEST_CASE("the particles read after v. are the citation table's") {
  const std::string text = "Smith v. von Bülow, 1 U.S. 2 (1790).";
  const auto table = [](const std::string& particles) {
    return cite::Reader(
        cite::Table::read("citations.xml", "<citations><reporter abbreviation=\"U.S.\"/>" +
                                               particles + "<signal>See</signal></citations>"));
  };
  const auto without = found_in(table(""), text);
  REQUIRE(without.size() == 1);
  CHECK(without[0].case_name.empty());
  const auto with = found_in(table("<name-particle>von</name-particle>"), text);
  REQUIRE(with.size() == 1);
  CHECK(with[0].case_name == "Smith v. von Bülow");
}
