// Every expression of the shipped table's kinds, compiled both ways the reader may compile it.
#include <doctest/doctest.h>

#include <filesystem>

#include "cite/internal.hpp"

using namespace fiscgen;

TEST_CASE("every kind's expression compiles for Latin text and for any text") {
  const auto table = cite::Table::load(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) /
                                       "forms/cite/reporters.xml");
  const cite::Patterns patterns(table);
  const i18n::Regex::Text latin("Smith v. Jones"), greek("Σωκράτης v. Jones");
  REQUIRE(latin.latin_script());
  REQUIRE_FALSE(greek.latin_script());
  std::size_t compiled = 0;
  for (const auto* text : {&latin, &greek}) {
    for (const auto& reading : patterns.readers) {
      CHECK_NOTHROW(reading->regex.get(*text));
      if (!reading->anchor.empty()) CHECK_NOTHROW(reading->anchor.get(*text));
      ++compiled;
    }
    for (const auto& suspect : patterns.suspects) CHECK_NOTHROW(suspect.second->get(*text));
  }
  // The same expression, compiled for either, numbers its groups alike.
  for (const auto& reading : patterns.readers)
    for (const char* group : {"name", "volume", "reporter", "page", "pin", "year"})
      CHECK(reading->regex.get(latin).group(group) == reading->regex.get(greek).group(group));
  CHECK(compiled > 10);
}
