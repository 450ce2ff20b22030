// Fuzz target: the input reader (input::read_text) on arbitrary bytes.
#include <string_view>

#include "fuzz.hpp"
#include "input/input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fiscgen::input::Matter matter;
  try {
    fiscgen::input::read_text(matter, "fuzz.xml",
                              std::string_view(reinterpret_cast<const char*>(data), size));
    for (const auto& node : matter.root().children()) (void)matter.locate(node);
  } catch (const fiscgen::Error& error) {
    (void)error.describe();
  }
  return 0;
}
