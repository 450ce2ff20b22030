// Fuzz target: merging an arbitrary input with the real forms and letters (seeds: examples/).
// The input names its template, so mutations of a seed mostly stay with a real one.
#include <string_view>

#include "doc/document.hpp"
#include "fuzz.hpp"
#include "input/input.hpp"
#include "template/template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fiscgen::DataPaths paths = fiscgen::DataPaths::discover();
  fiscgen::input::Matter matter;
  fiscgen::Warnings warnings;
  try {
    fiscgen::input::read_text(matter, "fuzz.xml",
                              std::string_view(reinterpret_cast<const char*>(data), size));
    const auto document = fiscgen::templ::merge(matter, {paths, &warnings, nullptr});
    (void)fiscgen::doc::to_xml(document);
  } catch (const fiscgen::Error& error) {
    (void)error.describe();
  }
  return 0;
}
