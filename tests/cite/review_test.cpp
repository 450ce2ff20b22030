// Forms found by an acceptance review on text written in the style of opinions the project's
// tests did not cover: each test failed before its fix.
#include <doctest/doctest.h>

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
