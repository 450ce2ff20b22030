// The classification vocabulary read from data, the banner it gives, and the public version.
#include "doc/markings.hpp"
#include "../temp_dir.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <fstream>

using namespace fiscgen;

namespace {

const std::filesystem::path shipped =
    std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/markings.xml";

doc::Document parse(const std::string& text) {
  pugi::xml_document xml;
  REQUIRE(xml.load_string(text.c_str()));
  return doc::from_xml(xml.document_element(), LineIndex("tree.xml", text));
}

/// A vocabulary written to a temporary file and read back.
doc::Markings vocabulary(const std::string& text) {
  const test_support::TempDir dir;
  const auto file = dir / "markings.xml";
  std::ofstream(file, std::ios::binary) << text;
  return doc::Markings::load(file);
}

std::string load_error(const std::string& text) {
  try {
    vocabulary(text);
  } catch (const Error& e) {
    return e.describe();
  }
  return "";
}

}  // namespace

TEST_CASE("the shipped vocabulary: four levels in order, NF and OC written out") {
  const auto markings = doc::Markings::load(shipped);
  REQUIRE(markings.levels.size() == 4);
  CHECK(markings.rank("U") == 0);
  CHECK(markings.rank("UNCLASSIFIED") == 0);
  CHECK(markings.rank("TS") == 3);
  CHECK(markings.rank("TOP SECRET") == 3);
  CHECK(markings.rank("R") == -1);
  CHECK(markings.level_list() == "U, C, S or TS");
  const auto d = parse(
      "<document><paragraph class=\"S//REL TO USA, GBR//NF\">a</paragraph>"
      "<heading class=\"TS//SI//OC\">b</heading><paragraph "
      "class=\"C//TK\">c</paragraph></document>");
  // Dissemination controls after the others, each once, in their banner form.
  CHECK(doc::banner(d, markings) == "TOP SECRET//SI//TK//REL TO USA, GBR//NOFORN//ORCON");
}

TEST_CASE("another vocabulary gives other banners: nothing is left in the C++") {
  const auto markings = vocabulary(
      "<markings><level mark=\"O\" banner=\"OPEN\"/><level mark=\"R\" banner=\"RESTRICTED\"/>"
      "<caveat mark=\"X\" banner=\"EXPORT\" dissemination=\"yes\"/><caveat "
      "mark=\"K\"/></markings>");
  const auto d = parse(
      "<document><paragraph class=\"R//X\">a</paragraph><paragraph class=\"O//K\">b</paragraph>"
      "</document>");
  CHECK(doc::banner(d, markings) == "RESTRICTED//K//EXPORT");
  doc::check_markings(d, markings);
  // The shipped levels are unknown here.
  const auto ts = parse("<document><paragraph class=\"TS\">a</paragraph></document>");
  CHECK_THROWS_WITH_AS(doc::check_markings(ts, markings), doctest::Contains("a level (O or R)"),
                       Error);
}

TEST_CASE("a malformed vocabulary is an error at its line and column") {
  CHECK(load_error("<markings><level mark=\"U\"/></markings>").find(":1:11: <level> needs") !=
        std::string::npos);
  CHECK(load_error("<markings>\n<colour/></markings>").find(":2:1: unknown element <colour>") !=
        std::string::npos);
  CHECK(load_error("<markings><caveat/></markings>").find("either mark") != std::string::npos);
  CHECK(load_error("<markings></markings>").find("names no <level>") != std::string::npos);
  CHECK(load_error("<markings>").find("not well-formed") != std::string::npos);
}

TEST_CASE("the public version: classified blocks say only the notice: what remains is the banner") {
  const auto markings = doc::Markings::load(shipped);
  auto d = parse(
      "<document classification=\"TOP SECRET//NOFORN\">"
      "<keep part=\"classification-authority\"><paragraph>Classified By: Roe</paragraph></keep>"
      "<heading level=\"1\" class=\"S\" outline=\"I. Hidden heading\">Hidden heading</heading>"
      "<paragraph class=\"TS//SI//NF\">Hidden words<fn>Hidden note</fn>.</paragraph>"
      "<paragraph class=\"U//FOUO\">Open words.</paragraph>"
      "<quote><paragraph class=\"C\">Hidden quote</paragraph></quote></document>");
  doc::make_public(d, markings, "[Redacted]");
  const auto xml = doc::to_xml(d);
  CHECK(xml.find("Hidden") == std::string::npos);
  CHECK(xml.find("Roe") == std::string::npos);
  REQUIRE(d.blocks.size() == 4);
  CHECK(d.blocks[0].kind == doc::BlockKind::heading);
  CHECK(doc::plain_text(d.blocks[0].inlines) == "[Redacted]");
  CHECK(d.blocks[0].outline.empty());
  CHECK(d.blocks[0].marking.empty());
  CHECK(d.blocks[1].inlines.size() == 1);  // the footnote went with its paragraph
  CHECK(doc::plain_text(d.blocks[2].inlines) == "Open words.");
  CHECK(d.blocks[2].marking == "U//FOUO");
  CHECK(doc::plain_text(d.blocks[3].children[0].inlines) == "[Redacted]");
  CHECK(d.meta.classification == "UNCLASSIFIED//FOUO");
  CHECK(doc::banner(d, markings) == "UNCLASSIFIED//FOUO");

  // Nothing marked remains: the lowest level's banner.
  auto all = parse("<document><paragraph class=\"S\">a</paragraph></document>");
  doc::make_public(all, markings, "[Redacted]");
  CHECK(all.meta.classification == "UNCLASSIFIED");
  // A document with no banner at all keeps none.
  auto none = parse("<document><paragraph>a</paragraph></document>");
  doc::make_public(none, markings, "[Redacted]");
  CHECK(none.meta.classification.empty());
  // Classified, but nothing says which paragraphs may be shown.
  auto unmarked = parse("<document classification=\"SECRET\"><paragraph>a</paragraph></document>");
  CHECK_THROWS_WITH_AS(doc::make_public(unmarked, markings, "[Redacted]"),
                       doctest::Contains("marks none of its paragraphs"), Error);
}
