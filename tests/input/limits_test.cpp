// The input limits (src/input/limits.hpp) where the end-to-end tests do not reach: CSV data,
// --set values, and text in memory.
#include <doctest/doctest.h>

#include <functional>
#include <iterator>
#include <string>

#include "input/csv.hpp"
#include "input/input.hpp"
#include "input/limits.hpp"
#include "input/overrides.hpp"

using namespace fiscgen;
using namespace fiscgen::input;

namespace {

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.describe();
  }
  return "no error";
}

}  // namespace

TEST_CASE("CSV data over 16 MiB is refused, naming the file") {
  const std::string text(max_input_bytes + 1, 'a');
  CHECK(error_of([&] { read_csv_text("rows.csv", text); }) ==
        "rows.csv: the file is 16777217 bytes; fiscgen reads at most 16777216 (16 MiB)");
}

TEST_CASE("a --set value over 1 MiB is refused without quoting it") {
  Matter matter;
  const std::string value(max_value_bytes + 1, 'a');
  const auto message =
      error_of([&] { read_text(matter, "m.xml", "<letter/>", {"subject=" + value}); });
  CHECK(message ==
        "--set subject=…: the value is 1048577 bytes long; fiscgen accepts at most "
        "1048576");
}

TEST_CASE("200 levels of elements are read: 201 are refused at the deepest") {
  std::string text;
  for (std::size_t i = 0; i < max_nesting_depth; ++i) text += "<a>";
  for (std::size_t i = 0; i < max_nesting_depth; ++i) text += "</a>";
  Matter matter;
  read_text(matter, "m.xml", text);
  CHECK(matter.kind == "a");
  CHECK(error_of([&] { read_text(matter, "m.xml", "<r>" + text + "</r>"); }) ==
        "m.xml:1:601: elements nested more than 200 deep: refused (is an end tag missing?)");
}

TEST_CASE("a --set path deeper than the 200-level limit is refused before anything is added") {
  std::string path = "a";
  for (std::size_t i = 1; i < max_path_elements; ++i) path += "/a";
  Matter matter;
  read_text(matter, "m.xml", "<letter/>", {path + "=x"});  // 199 below the root: 200 in all
  std::string deep = path;
  for (int i = 0; i < 30000; ++i) deep += "/a";
  const auto message = error_of([&] { read_text(matter, "m.xml", "<letter/>", {deep + "=x"}); });
  CHECK(message == "--set " + deep.substr(0, 40) +
                       "…: a path of 30199 elements; inputs are nested at most 200 deep, the root "
                       "included, so a path names at most 199");
  CHECK(error_of([&] {
          read_text(matter, "m.xml", "<letter/>", {path + "/a/@x=1"});
        }).find("a path of 200 elements") != std::string::npos);
}

TEST_CASE("a CSV header deeper than the 200-level limit is refused where it is written") {
  std::string deep = "a";
  for (int i = 0; i < 30000; ++i) deep += "/a";
  CHECK(error_of([&] { read_csv_text("rows.csv", "date," + deep + "\n2013-07-16,x\n"); }) ==
        "rows.csv:1:6: column 2 of the header is a path of 30001 elements; inputs are nested at "
        "most 200 deep, the root included, so a path names at most 199");
}

TEST_CASE("1,000 attributes on an element are read: 1,001 are refused at the element") {
  const auto element = [](std::size_t attributes) {
    std::string text = "<letter>\n  <p";
    for (std::size_t i = 0; i < attributes; ++i) text += " a" + std::to_string(i) + "=\"\"";
    return text + "/></letter>";
  };
  Matter matter;
  read_text(matter, "m.xml", element(max_attributes));
  CHECK(std::distance(matter.root().child("p").attributes_begin(),
                      matter.root().child("p").attributes_end()) == 1000);
  CHECK(error_of([&] { read_text(matter, "m.xml", element(max_attributes + 1)); }) ==
        "m.xml:2:3: more than 1000 attributes on one element: refused");
  // 100,000 (0.9 MB) took over a minute when each name was compared with every later one.
  CHECK(error_of([&] { read_text(matter, "m.xml", element(100000)); }) ==
        "m.xml:2:3: more than 1000 attributes on one element: refused");
}

TEST_CASE("a repeated attribute is found among the last of 1,000") {
  std::string text = "<letter><p";
  for (std::size_t i = 0; i < max_attributes - 1; ++i) text += " a" + std::to_string(i) + "=\"\"";
  Matter matter;
  CHECK(error_of([&] { read_text(matter, "m.xml", text + " a5=\"\"/></letter>"); }) ==
        "m.xml:1:9: malformed XML: attribute a5 appears twice; expected it once");
}
