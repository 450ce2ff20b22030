// The mail-merge CSV reader: what it refuses, and where.
#include <doctest/doctest.h>

#include "input/csv.hpp"
#include "input/input.hpp"
#include "input/overrides.hpp"

using namespace fiscgen;
using namespace fiscgen::input;

namespace {

std::string error_of(std::string_view text) {
  try {
    read_csv_text("rows.csv", text);
  } catch (const Error& e) {
    return e.describe();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a repeated column header is an error at the second") {
  // The later column silently overwrote the earlier one's value.
  CHECK(error_of("to/@ref,date,\"to/@ref\"\nattorney-general,2013-07-16,fbi-director\n") ==
        "rows.csv:1:14: column 3 repeats the header \"to/@ref\" of column 1: expected each input "
        "path once");
  CHECK(error_of("date,subject\n2013-07-16,\n") == "(no error)");
}

TEST_CASE("a header that is not an input path is an error where it is written") {
  // Found by the csv_header fuzz target's seeds: "a=b" over a cell "c" became the override
  // "a=b=c", setting a to "b=c"; other headers failed once per row, without their column.
  CHECK(error_of("date,docket=X\n2013-07-16,13-01\n") ==
        "rows.csv:1:6: column 2 of the header, \"docket=X\", is not an input path: expected "
        "names separated by '/', an optional [n] counting from 1 and a final @attribute, such "
        "as to/@ref");
  for (const char* header : {"to//name", "to/", "to name", "to[0]", "to/@", "to@ref", "/to"})
    CHECK_MESSAGE(
        error_of(std::string(header) + "\nx\n").find("is not an input path") != std::string::npos,
        header);
  CHECK(error_of("to/@ref,to/name[2],@locale,sub.ject\nx,y,en_US,z\n") == "(no error)");
}

TEST_CASE("an empty cell keeps its place, for mail merge to read as absent") {
  const auto table = read_csv_text("rows.csv", "to/@ref,to/name\n,Jane Roe\nfbi-director,\n");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].fields == std::vector<std::string>{"", "Jane Roe"});
  CHECK(table.rows[1].fields == std::vector<std::string>{"fbi-director", ""});
}

TEST_CASE("remove_path takes out an attribute or an element, and ignores what is not there") {
  Matter matter;
  read_text(matter, "letter.xml",
            "<letter><to ref=\"attorney-general\"><name>A</name></to><date>x</date></letter>");
  remove_path(matter, "to/@ref");
  remove_path(matter, "date");
  remove_path(matter, "cc/name");
  remove_path(matter, "to/name[2]");
  CHECK_FALSE(matter.root().child("to").attribute("ref"));
  CHECK_FALSE(matter.root().child("date"));
  CHECK(std::string(matter.root().child("to").child_value("name")) == "A");
  CHECK_THROWS_AS(remove_path(matter, "to//name"), Error);
}
