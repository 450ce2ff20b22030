// Fuzz target: --set overrides (input::apply_override) and mail merge's removals
// (input::remove_path) on a small input. Each line of the input is one override, path=value, or,
// after a '-', a path to remove; an error stops only its own line, so later lines meet whatever
// state the earlier ones left. Every node is then located and the tree written out.
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz.hpp"
#include "input/input.hpp"
#include "input/overrides.hpp"
#include "small_input.hpp"

namespace {

void visit(const fiscgen::input::Matter& matter, const pugi::xml_node& node) {
  (void)matter.locate(node).str();
  for (const auto& attribute : node.attributes()) (void)matter.locate(node, attribute).str();
  for (const auto& child : node.children()) visit(matter, child);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fiscgen::input::Matter matter;
  fiscgen::input::read_text(matter, "fuzz.xml", fuzz_support::small_input);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string line(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    try {
      if (!line.empty() && line[0] == '-')
        fiscgen::input::remove_path(matter, line.substr(1));
      else
        fiscgen::input::apply_override(matter, line);
    } catch (const fiscgen::Error& error) {
      (void)error.describe();
    }
  }
  if (matter.root()) visit(matter, matter.root());
  std::ostringstream out;
  matter.xml.save(out);
  return 0;
}
