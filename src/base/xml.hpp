// Locating pugixml nodes in the text they were parsed from.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.hpp"

namespace fiscgen {

/// Where `node` starts in the text `lines` indexes: an element at its '<', text at its first
/// character. Parse with pugixml's default options (offsets are kept by offset_debug()).
SourceLocation locate(const LineIndex& lines, const pugi::xml_node& node);

/// A data file (markings, citation table, …) read whole and parsed, its text kept so that
/// every node can be located for an error.
struct XmlFile {
  /// Reads `file`, whose root element must be `root_name`; `what` names the file in errors
  /// ("the citation table"). Unreadable or malformed files are Errors at the file or line:col.
  XmlFile(const std::filesystem::path& file, const std::string& what, const char* root_name);
  /// The same from `bytes` already read (through Sources); `name` stands for the file.
  XmlFile(const std::string& name, std::string bytes, const std::string& what,
          const char* root_name);
  /// The bytes of `file`; an Error at the file when it cannot be read.
  static std::string bytes_of(const std::filesystem::path& file, const std::string& what);
  XmlFile(const XmlFile&) = delete;
  XmlFile& operator=(const XmlFile&) = delete;

  SourceLocation at(const pugi::xml_node& node) const { return locate(lines(), node); }
  /// The index of `text`'s lines, built the first time a place is asked for: most files read
  /// are never asked for one, and indexing the citation table cost a sixth of reading it.
  const LineIndex& lines() const;
  /// The value of `node`'s yes/no attribute `name`: absent or "no" is false, "yes" true,
  /// anything else an Error at the node.
  bool yes_no(const pugi::xml_node& node, const char* name) const;
  /// The same of the attribute's `value`, already found.
  bool yes_no(const pugi::xml_node& node, const char* name, std::string_view value) const;

  std::string text;
  pugi::xml_document xml;
  pugi::xml_node root;

 private:
  std::string name_;
  mutable std::optional<LineIndex> lines_;  // one thread reads a file: no lock
};

}  // namespace fiscgen
