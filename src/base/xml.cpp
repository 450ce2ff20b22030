#include "base/xml.hpp"

namespace fiscgen {

SourceLocation locate(const LineIndex& lines, const pugi::xml_node& node) {
  std::ptrdiff_t offset = node.offset_debug();
  // pugixml's offset of an element is that of its name, one past the '<'.
  if (node.type() == pugi::node_element && offset > 0) --offset;
  return lines.locate(offset);
}

}  // namespace fiscgen
