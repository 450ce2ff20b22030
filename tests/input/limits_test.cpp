// The input limits (src/input/limits.hpp) where the end-to-end tests do not reach: CSV data,
// --set values, and text in memory.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "input/csv.hpp"
#include "input/input.hpp"
#include "input/limits.hpp"

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
