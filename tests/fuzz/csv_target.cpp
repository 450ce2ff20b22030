// Fuzz target: the mail-merge CSV reader (input::read_csv_text) on arbitrary bytes.
#include <string_view>

#include "fuzz.hpp"
#include "input/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto table = fiscgen::input::read_csv_text(
        "fuzz.csv", std::string_view(reinterpret_cast<const char*>(data), size));
    (void)table.rows.size();
  } catch (const fiscgen::Error& error) {
    (void)error.describe();
  }
  return 0;
}
