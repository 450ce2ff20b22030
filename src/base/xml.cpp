#include "base/xml.hpp"

#include <cstring>
#include <string_view>

#include "base/sources.hpp"

namespace fiscgen {

SourceLocation locate(const LineIndex& lines, const pugi::xml_node& node) {
  std::ptrdiff_t offset = node.offset_debug();
  // pugixml's offset of an element is that of its name, one past the '<'.
  if (node.type() == pugi::node_element && offset > 0) --offset;
  return lines.locate(offset);
}

std::string XmlFile::bytes_of(const std::filesystem::path& file, const std::string& what) {
  auto read = read_file(file, Sources::default_limit);
  switch (read.outcome) {
    case FileRead::Outcome::read:
      return std::move(read.bytes);
    case FileRead::Outcome::folder:
      throw Error(SourceLocation{file.string()}, "cannot read " + what + ": it is a folder");
    case FileRead::Outcome::failed:
      throw Error(SourceLocation{file.string()},
                  "cannot read " + what + ": " + std::strerror(read.error));
    case FileRead::Outcome::too_big:
      break;
  }
  throw Error(SourceLocation{file.string()},
              what + ": " + too_big_message(read.size, Sources::default_limit));
}

XmlFile::XmlFile(const std::filesystem::path& file, const std::string& what, const char* root_name)
    : XmlFile(file.string(), bytes_of(file, what), what, root_name) {}

XmlFile::XmlFile(const std::string& name, std::string bytes, const std::string& what,
                 const char* root_name)
    : text(std::move(bytes)), name_(name) {
  const auto parsed = xml.load_buffer(text.data(), text.size());
  if (!parsed)
    throw Error(lines().locate(parsed.offset),
                std::string("not well-formed XML: ") + parsed.description());
  root = xml.document_element();
  if (std::string_view(root.name()) != root_name)
    throw Error(at(root), std::string("expected <") + root_name + "> at the root of " + what);
}

const LineIndex& XmlFile::lines() const {
  if (!lines_) lines_.emplace(name_, text);
  return *lines_;
}

bool XmlFile::yes_no(const pugi::xml_node& node, const char* name) const {
  return yes_no(node, name, node.attribute(name).value());
}

bool XmlFile::yes_no(const pugi::xml_node& node, const char* name, std::string_view value) const {
  if (value.empty() || value == "no") return false;
  if (value == "yes") return true;
  throw Error(at(node), std::string(name) + "=\"" + std::string(value) + "\": expected yes or no");
}

}  // namespace fiscgen
