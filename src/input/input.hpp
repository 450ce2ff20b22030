// Reading the matter file: the user's facts, as XML (design §3).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "base/error.hpp"
#include "base/sources.hpp"

namespace fiscgen::input {

/// A parsed, validated input: UTF-8 checked and every text and attribute in NFC.
struct Matter {
  std::string file;        // as the user named it, for messages
  pugi::xml_document xml;  // parsed with offsets kept for every node
  LineIndex lines;         // offsets → line:col of the original text
  std::string kind;        // root element: "motion", "letter", …
  /// Nodes that --set added (pugixml keeps no offset for them), keyed by internal_object().
  std::map<const void*, SourceLocation> added;
  /// Where a node of `xml` came from; nodes added by --set locate to "--set path=value".
  SourceLocation locate(const pugi::xml_node& node) const;
  /// Where `attribute` of `element` is written (its name), "--set …" for one that --set gave,
  /// or the element when the attribute is not found where it was parsed.
  SourceLocation locate(const pugi::xml_node& element, const pugi::xml_attribute& attribute) const;
  pugi::xml_node root() const { return xml.document_element(); }
};

/// Reads `file`. Malformed XML, invalid UTF-8 and forbidden constructs (DOCTYPE, entities
/// other than the five predefined) throw Error with file:line:col and what was expected.
/// `overrides` are --set "path=value" strings applied after reading: path is relative to the
/// root, with '/' between elements, an optional [n] index, and a final @attribute; missing
/// elements are created. `locale`, when non-empty, replaces the root's locale attribute.
/// The file is read through `sources` (recorded, and read from disk once however often it is
/// parsed).
void read(Matter& matter, Sources& sources, const std::filesystem::path& file,
          const std::vector<std::string>& overrides = {}, const std::string& locale = {});

/// The same from text in memory (for tests): `name` stands for the file in messages.
void read_text(Matter& matter, const std::string& name, std::string_view text,
               const std::vector<std::string>& overrides = {}, const std::string& locale = {});

}  // namespace fiscgen::input
