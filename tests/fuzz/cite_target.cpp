// Fuzz target: the citation reader (cite::Reader::find) on arbitrary bytes, with the real table.
#include <filesystem>
#include <string_view>

#include "cite/cite.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fiscgen::cite::Reader reader(fiscgen::cite::Table::load(
      std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/cite/reporters.xml"));
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fiscgen::Warnings warnings;
  fiscgen::cite::Trail trail;
  try {
    // Twice through one trail: the second pass resolves every short form against the first.
    for (int pass = 0; pass < 2; ++pass)
      for (const auto& citation : reader.find(text, {"fuzz.txt", 1, 1}, warnings, trail)) {
        if (citation.offset + citation.length > size || citation.normalised.empty())
          __builtin_trap();
        (void)citation.where.str();
      }
  } catch (const fiscgen::Error& error) {
    (void)error.describe();
  }
  return 0;
}
