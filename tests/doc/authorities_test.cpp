// The tree's citation keys and its list of authorities survive the XML form (--emit tree).
#include <doctest/doctest.h>
#include <pugixml.hpp>

#include "doc/document.hpp"

using namespace fiscgen;

namespace {

doc::Document parse_tree(const std::string& text) {
  pugi::xml_document xml;
  REQUIRE(xml.load_string(text.c_str()));
  return doc::from_xml(xml.document_element(), LineIndex("tree.xml", text));
}

}  // namespace

TEST_CASE("citation keys and authorities round-trip through the tree's XML") {
  const std::string text =
      "<document>"
      "<paragraph><cite authority=\"442 U.S. 735\"><em>Smith v. Maryland</em>, 442 U.S. 735 "
      "(1979)</cite>; <cite authority=\"442 U.S. 735\"><em>id.</em> at 742</cite>; "
      "<cite>unread</cite>.</paragraph>"
      "<authorities>"
      "<authority key=\"442 U.S. 735\" category=\"cases\" sort-key=\"Smith v. Maryland, 442 U.S. "
      "735 (1979)\"><em>Smith v. Maryland</em>, 442 U.S. 735 (1979)</authority>"
      "<authority key=\"U.S. Const. amend. IV\" category=\"constitutional-provisions\" "
      "sort-key=\"U.S. Const. amend. IV\">U.S. Const. amend. IV</authority>"
      "</authorities></document>";
  const auto document = parse_tree(text);
  REQUIRE(document.blocks.size() == 1);
  const auto& inlines = document.blocks[0].inlines;
  REQUIRE(inlines.size() == 6);
  CHECK(inlines[0].authority == "442 U.S. 735");
  CHECK(inlines[2].authority == "442 U.S. 735");
  CHECK(inlines[4].authority.empty());
  REQUIRE(document.authorities.size() == 2);
  CHECK(document.authorities[0].key == "442 U.S. 735");
  CHECK(document.authorities[0].category == doc::AuthorityCategory::cases);
  CHECK(document.authorities[0].sort_key == "Smith v. Maryland, 442 U.S. 735 (1979)");
  REQUIRE(document.authorities[0].entry.size() == 2);
  CHECK(document.authorities[0].entry[0].kind == doc::InlineKind::emphasis);
  CHECK(document.authorities[1].category == doc::AuthorityCategory::constitutional_provisions);

  const auto xml = doc::to_xml(document);
  CHECK(xml.find("<cite authority=\"442 U.S. 735\"><em>id.</em> at 742</cite>") !=
        std::string::npos);
  CHECK(xml.find("<cite>unread</cite>") != std::string::npos);
  CHECK(xml.find("  <authorities>\n    <authority key=\"442 U.S. 735\" category=\"cases\" "
                 "sort-key=\"Smith v. Maryland, 442 U.S. 735 (1979)\"><em>Smith v. "
                 "Maryland</em>, 442 U.S. 735 (1979)</authority>\n") != std::string::npos);
  // Written, read and written again: the same text.
  pugi::xml_document again;
  REQUIRE(again.load_string(xml.c_str()));
  CHECK(doc::to_xml(doc::from_xml(again.document_element(), LineIndex("tree.xml", xml))) == xml);
}

TEST_CASE("a tree citing nothing writes no <authorities>") {
  const auto document = parse_tree("<document><paragraph>Plain.</paragraph></document>");
  CHECK(doc::to_xml(document).find("authorities") == std::string::npos);
}

TEST_CASE("a bad authority is an error at its line and column") {
  try {
    parse_tree(
        "<document>\n<authorities>\n  <authority key=\"x\" category=\"treatises\">x"
        "</authority></authorities></document>");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.describe().find("tree.xml:3:3: category=\"treatises\": expected cases") !=
          std::string::npos);
  }
  CHECK_THROWS_WITH_AS(
      parse_tree("<document><authorities><authority category=\"cases\">x</authority>"
                 "</authorities></document>"),
      doctest::Contains("needs a key="), Error);
  CHECK_THROWS_WITH_AS(parse_tree("<document><authorities><paragraph/></authorities></document>"),
                       doctest::Contains("expected <authority>"), Error);
}
