#include "base/xml.hpp"

#include <fstream>
#include <sstream>
#include <string_view>

namespace fiscgen {

SourceLocation locate(const LineIndex& lines, const pugi::xml_node& node) {
  std::ptrdiff_t offset = node.offset_debug();
  // pugixml's offset of an element is that of its name, one past the '<'.
  if (node.type() == pugi::node_element && offset > 0) --offset;
  return lines.locate(offset);
}

std::string XmlFile::bytes_of(const std::filesystem::path& file, const std::string& what) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(SourceLocation{file.string()}, "cannot read " + what);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

XmlFile::XmlFile(const std::filesystem::path& file, const std::string& what, const char* root_name)
    : XmlFile(file.string(), bytes_of(file, what), what, root_name) {}

XmlFile::XmlFile(const std::string& name, std::string bytes, const std::string& what,
                 const char* root_name)
    : text(std::move(bytes)) {
  lines = LineIndex(name, text);
  const auto parsed = xml.load_buffer(text.data(), text.size());
  if (!parsed)
    throw Error(lines.locate(parsed.offset),
                std::string("not well-formed XML: ") + parsed.description());
  root = xml.document_element();
  if (std::string_view(root.name()) != root_name)
    throw Error(at(root), std::string("expected <") + root_name + "> at the root of " + what);
}

bool XmlFile::yes_no(const pugi::xml_node& node, const char* name) const {
  const std::string_view value = node.attribute(name).value();
  if (value.empty() || value == "no") return false;
  if (value == "yes") return true;
  throw Error(at(node), std::string(name) + "=\"" + std::string(value) + "\": expected yes or no");
}

}  // namespace fiscgen
