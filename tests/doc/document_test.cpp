#include "doc/document.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

using namespace fiscgen;

namespace {

doc::Document parse(const std::string& text) {
  pugi::xml_document xml;
  REQUIRE(xml.load_string(text.c_str()));
  return doc::from_xml(xml.document_element(), LineIndex("tree.xml", text));
}

}  // namespace

TEST_CASE("white space in running text is collapsed and trimmed as in HTML") {
  const auto d = parse(
      "<document><paragraph>\n   The  Court\n  has <em> jurisdiction </em> under"
      "\n <cite>50 U.S.C. § 1861</cite>.  </paragraph></document>");
  REQUIRE(d.blocks.size() == 1);
  const auto& p = d.blocks[0];
  CHECK(p.kind == doc::BlockKind::paragraph);
  CHECK(doc::plain_text(p.inlines) == "The Court has jurisdiction under 50 U.S.C. § 1861.");
  CHECK(p.inlines.front().text == "The Court has ");
  CHECK(p.inlines[1].kind == doc::InlineKind::emphasis);
  CHECK(p.inlines[1].children[0].text == "jurisdiction ");
}

TEST_CASE("runs of tabs, line ends and spaces are one space, around text in any script") {
  const auto d = parse(
      "<document><paragraph at=\"input.xml:4:2\">\t\r\nNguyễn\t\tVăn An,\n O'Brien\r"
      " <em>\t</em> 王小明 أحمد\t</paragraph><paragraph>x<br/> \n\t y</paragraph></document>");
  const auto& first = d.blocks[0].inlines;
  CHECK(doc::plain_text(first) == "Nguyễn Văn An, O'Brien 王小明 أحمد");
  CHECK(first.front().text == "Nguyễn Văn An, O'Brien ");
  CHECK(first.front().where.str() == "input.xml:4:2");
  CHECK(doc::plain_text(d.blocks[1].inlines) == "x y");
}

TEST_CASE("plain text leaves out footnotes and redactions") {
  const auto d = parse(
      "<document><paragraph>Seen<fn>A note.</fn> by <redact>Agent X</redact> "
      "today.</paragraph></document>");
  CHECK(doc::plain_text(d.blocks[0].inlines) == "Seen by  today.");
}

TEST_CASE("a redaction in the tree is empty: what is written inside it is dropped, length kept") {
  const auto d = parse(
      "<document><paragraph>a <redact>Agent <fn>X</fn></redact> b <redact length=\"7\"/>"
      "</paragraph></document>");
  const auto& inlines = d.blocks[0].inlines;
  REQUIRE(inlines.size() == 4);
  CHECK(inlines[1].kind == doc::InlineKind::redaction);
  CHECK(inlines[1].children.empty());
  CHECK(inlines[1].hidden_length == 0);
  CHECK(inlines[3].hidden_length == 7);
  const auto xml = doc::to_xml(d);
  CHECK(xml.find("a <redact/> b <redact length=\"7\"/>") != std::string::npos);
  CHECK(xml.find("Agent") == std::string::npos);
}

TEST_CASE("footnotes are numbered in reading order across blocks") {
  auto d = parse(
      "<document><paragraph>a<fn>one</fn></paragraph><quote><paragraph>b<fn>two</fn>"
      "</paragraph></quote><list><item>c<fn>three</fn></item></list></document>");
  doc::number_footnotes(d);
  CHECK(d.blocks[0].inlines[1].note == 1);
  CHECK(d.blocks[1].children[0].inlines[1].note == 2);
  REQUIRE(d.blocks[2].children[0].children.size() == 1);  // bare item text became a paragraph
  CHECK(d.blocks[2].children[0].children[0].inlines[1].note == 3);
}

TEST_CASE("the tree survives a round trip through its XML form") {
  const std::string text =
      "<document title=\"Motion\" locale=\"en_US\" rules=\"fisc-2010\" date=\"2013-06-19\">"
      "<caption><columns><column width=\"0.6\"><paragraph style=\"caption\">IN RE "
      "MOTION</paragraph></column><column><paragraph align=\"right\">Docket No. Misc. "
      "13-04</paragraph></column></columns></caption>"
      "<heading level=\"1\" label=\"I.\" outline=\"I. Introduction\">Introduction</heading>"
      "<paragraph>Text with <strong>bold</strong>, <a href=\"https://example.org\">a "
      "link</a><br/>and a note<fn n=\"1\">Note.</fn>.</paragraph>"
      "<paragraph>Type <literal>\"as typed\"</literal>.</paragraph>"
      "<page-break/><spacer lines=\"2\"/><signature><paragraph>Jane Roe</paragraph></signature>"
      "</document>";
  const auto first = parse(text);
  const std::string xml = doc::to_xml(first);
  const auto second = parse(xml);
  CHECK(doc::to_xml(second) == xml);
  CHECK(
      xml.find(
          "<heading level=\"1\" label=\"I.\" outline=\"I. Introduction\">Introduction</heading>") !=
      std::string::npos);
  CHECK(xml.find("<paragraph>Text with <strong>bold</strong>, <a href=\"https://example.org\">a "
                 "link</a><br/>and a note<fn n=\"1\">Note.</fn>.</paragraph>") !=
        std::string::npos);
  CHECK(xml.find("<paragraph>Type <literal>\"as typed\"</literal>.</paragraph>") !=
        std::string::npos);
  CHECK(second.blocks[3].inlines[1].kind == doc::InlineKind::literal);
  CHECK(second.meta.rules == "fisc-2010");
  CHECK(second.blocks[0].children[0].children[0].width == doctest::Approx(0.6));
}

TEST_CASE("an unknown element is an error at its line and column") {
  const std::string text =
      "<document>\n  <paragraph>ok</paragraph>\n  <para>no</para>\n</document>";
  try {
    parse(text);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 3);
    CHECK(e.message().find("unknown block <para>") != std::string::npos);
  }
}

TEST_CASE("an element's `at` attribute names where its content came from") {
  try {
    parse(
        "<document><paragraph at=\"in/motion.xml:14:7\">x<blink>y</blink></paragraph></document>");
    FAIL("expected an error");
  } catch (const Error& e) {
    // The inline has no `at` of its own; it is located in the tree text, not in the input.
    CHECK(e.message().find("unknown inline <blink>") != std::string::npos);
  }
  const auto d = parse("<document><paragraph at=\"in/motion.xml:14:7\">x</paragraph></document>");
  CHECK(d.blocks[0].where.str() == "in/motion.xml:14:7");
}

TEST_CASE("an `at` is read as atoi reads its numbers: white space and a sign, then digits") {
  const auto at = [](const std::string& value) {
    return parse("<document><paragraph at=\"" + value + "\">x</paragraph></document>")
        .blocks[0]
        .where;
  };
  CHECK(at("C:/in/motion.xml: 14:+7").str() == "C:/in/motion.xml:14:7");
  CHECK(at("in.xml:12x:-3").line == 12);
  CHECK(at("in.xml:12x:-3").column == -3);
  CHECK(at("in.xml::").line == 0);
  CHECK(at("in.xml:2147483647:0").line == 2147483647);
  CHECK(at("in.xml").file == "in.xml");
  // The paragraph's own attributes are still read with its at= (one list of them).
  const auto d =
      parse("<document><heading at=\"in.xml:3:1\" level=\"2\" label=\"B.\">x</heading></document>");
  CHECK(d.blocks[0].level == 2);
  CHECK(d.blocks[0].label == "B.");
}

TEST_CASE("bad attribute values are refused") {
  CHECK_THROWS_WITH_AS(parse("<document><paragraph align=\"middle\">x</paragraph></document>"),
                       doctest::Contains("expected left, center, right or justify"), Error);
  CHECK_THROWS_WITH_AS(parse("<document><paragraph><a>x</a></paragraph></document>"),
                       doctest::Contains("needs an href"), Error);
  CHECK_THROWS_WITH_AS(parse("<document>loose text</document>"),
                       doctest::Contains("put it in a <paragraph>"), Error);
}

TEST_CASE("a malformed number is refused at its element, saying what was expected") {
  const auto refused = [](const std::string& block) {
    try {
      parse("<document>\n  " + block + "\n</document>");
    } catch (const Error& e) {
      CHECK(e.where().line == 2);
      return e.message();
    }
    return std::string("accepted");
  };
  // pugixml's as_double read "20%" as 20: the column took twenty lines' width and the other
  // columns vanished.
  CHECK(refused("<column width=\"20%\"/>") ==
        "width=\"20%\": expected a fraction of the line's width, more than 0 and at most 1 (e.g. "
        "0.2 for a fifth)");
  for (const char* width : {"0", "1.5", "-0.2", "abc", " 0.2", "nan", "inf", ""})
    CHECK_MESSAGE(
        refused(std::string("<column width=\"") + width + "\"/>").find("expected a fraction") !=
            std::string::npos,
        width);
  CHECK(refused("<heading level=\"two\">x</heading>") ==
        "level=\"two\": expected a whole number from 1 (a section) up");
  CHECK(refused("<heading level=\"1.5\">x</heading>").find("whole number") != std::string::npos);
  CHECK(refused("<heading level=\"0\">x</heading>").find("whole number") != std::string::npos);
  CHECK(refused("<spacer lines=\"two\"/>") ==
        "lines=\"two\": expected a number of lines, 0 or more (e.g. 1.5)");
  CHECK(refused("<paragraph>x<fn n=\"a\">y</fn></paragraph>").find("a footnote number") !=
        std::string::npos);
  CHECK(refused("<quote style=\"body\"><paragraph>x</paragraph></quote>") ==
        "style=\"body\" on <quote>: expected it on a paragraph, heading or item, which are set "
        "in a style");

  const auto good = parse(
      "<document><heading level=\"2\">h</heading><spacer lines=\"1.5\"/><columns><column "
      "width=\"0.25\"/><column/></columns></document>");
  CHECK(good.blocks[0].level == 2);
  CHECK(good.blocks[1].lines == 1.5);
  CHECK(good.blocks[2].children[0].width == 0.25);
}

TEST_CASE("columns whose widths leave no room for the others are refused") {
  const auto message = [](const std::string& columns) {
    try {
      parse("<document>" + columns + "</document>");
    } catch (const Error& e) {
      return e.message();
    }
    return std::string("accepted");
  };
  CHECK(message("<columns><column width=\"0.6\"/><column width=\"0.6\"/></columns>") ==
        "the columns' widths add up to 1.2: expected widths adding up to at most 1 (the whole "
        "line)");
  CHECK(message("<columns><column width=\"0.5\"/><column width=\"0.5\"/><column/></columns>") ==
        "the columns' widths add up to 1, leaving no room for the 1 column without a width: "
        "expected widths adding up to at most 1 (the whole line)");
  CHECK(message("<columns><column width=\"0.7\"/><column width=\"0.2\"/><column "
                "width=\"0.1\"/></columns>") == "accepted");
}

TEST_CASE("<toc> and <toa> are blocks of the tree, with their words, parts and bookmarks") {
  const auto d = parse(
      "<document><toc title=\"TABLE OF CONTENTS\" page=\"Page\" outline=\"Table of Contents\"/>"
      "<toa title=\"TABLE OF AUTHORITIES\" cases=\"Cases\" passim=\"passim\" "
      "constitutional-provisions=\"Constitutional Provisions\"/></document>");
  REQUIRE(d.blocks.size() == 2);
  CHECK(d.blocks[0].kind == doc::BlockKind::table_of_contents);
  CHECK(d.blocks[0].words.at("title") == "TABLE OF CONTENTS");
  CHECK(d.blocks[0].words.at("page") == "Page");
  CHECK(d.blocks[0].outline == "Table of Contents");
  CHECK(d.blocks[1].kind == doc::BlockKind::table_of_authorities);
  CHECK(d.blocks[1].words.at("constitutional-provisions") == "Constitutional Provisions");
  CHECK(doc::part_of(d.blocks[0], "") == "table-of-contents");
  CHECK(doc::part_of(d.blocks[1], "") == "table-of-authorities");
  const auto xml = doc::to_xml(d);
  CHECK(xml.find("<toc outline=\"Table of Contents\" page=\"Page\" title=\"TABLE OF CONTENTS\"") !=
        std::string::npos);
  const auto again = parse(xml);
  REQUIRE(again.blocks.size() == 2);
  CHECK(again.blocks[1].words == d.blocks[1].words);
  CHECK(doc::to_xml(again) == xml);
}
