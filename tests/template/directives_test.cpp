#include "template/directives.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace fiscgen::templ;

TEST_CASE(
    "every directive has one row, found by its name, and is documented for template writers") {
  std::ifstream in(std::string(FISCGEN_SOURCE_DATA_DIR) + "/docs/templates.md");
  std::ostringstream docs;
  docs << in.rdbuf();
  REQUIRE(!docs.str().empty());
  for (const auto& row : directives) {
    CAPTURE(row.name);
    REQUIRE(directive_named(row.name).has_value());
    CHECK(*directive_named(row.name) == row.directive);
    CHECK(std::string(info(row.directive).name) == row.name);
    CHECK(docs.str().find(std::string("t:") + row.name) != std::string::npos);
  }
  CHECK_FALSE(directive_named("for_each").has_value());
  CHECK_FALSE(directive_named("").has_value());
}

TEST_CASE("an unknown directive's message lists those that stand in content") {
  CHECK(content_directive_list() ==
        "field, value, copy, if, choose, for-each, include, date, number, message or rule");
}
