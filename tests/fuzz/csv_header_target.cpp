// Fuzz target: a mail-merge CSV's header as input paths. The CSV is read (input::read_csv_text)
// and each row applied to a small input as render_rows does: a filled cell is the override
// HEADER=CELL, an empty one removes HEADER (input::remove_path).
#include <string>
#include <string_view>
#include <vector>

#include "fuzz.hpp"
#include "input/csv.hpp"
#include "input/input.hpp"
#include "input/overrides.hpp"
#include "small_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto table = fiscgen::input::read_csv_text(
        "fuzz.csv", std::string_view(reinterpret_cast<const char*>(data), size));
    for (const auto& row : table.rows) {
      if (row.fields.size() != table.header.size()) continue;  // reported by render_rows
      std::vector<std::string> overrides;
      std::vector<std::string> absent;
      for (std::size_t column = 0; column < table.header.size(); ++column)
        if (row.fields[column].empty())
          absent.push_back(table.header[column]);
        else
          overrides.push_back(table.header[column] + "=" + row.fields[column]);
      try {
        fiscgen::input::Matter matter;
        fiscgen::input::read_text(matter, "fuzz.xml", fuzz_support::small_input, overrides);
        for (const auto& path : absent) fiscgen::input::remove_path(matter, path);
        for (const auto& node : matter.root().children()) (void)matter.locate(node);
      } catch (const fiscgen::Error& error) {
        (void)error.describe();
      }
    }
  } catch (const fiscgen::Error& error) {
    (void)error.describe();
  }
  return 0;
}
