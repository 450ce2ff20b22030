// The citation reader over the shipped table, built once for every test of the stage, and the
// document trees the stage's tests annotate.
#pragma once

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <string>

#include "base/sources.hpp"
#include "cite/cite.hpp"

namespace fiscgen::cite_tests {

inline const cite::Reader& reader() {
  static const cite::Reader instance(cite::Table::load(
      std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/cite/reporters.xml"));
  return instance;
}

/// The document tree of `text`, a whole <document> as `render --emit tree` writes it.
inline doc::Document document_of(const std::string& text) {
  pugi::xml_document xml;
  REQUIRE(xml.load_string(text.c_str()));
  return doc::from_xml(xml.document_element(), LineIndex("tree.xml", text));
}

}  // namespace fiscgen::cite_tests
