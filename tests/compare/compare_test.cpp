#include "compare/compare.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

using namespace fiscgen;

namespace {

doc::Document parse(const std::string& body) {
  const std::string text = "<document>" + body + "</document>";
  pugi::xml_document xml;
  REQUIRE(xml.load_string(text.c_str()));
  auto document = doc::from_xml(xml.document_element(), LineIndex("tree.xml", text));
  doc::number_footnotes(document);
  return document;
}

const compare::Words words{"Moved from above", "Moved from below", "Moved above", "Moved below"};

/// The marked text of inlines: {+inserted+} [-deleted-] {>moved here>} [<moved away<], a note
/// as (fn …), a citation as <…>, a redaction as ▮.
void describe(const std::vector<doc::Inline>& inlines, doc::Change outer, std::string& out) {
  for (const auto& in : inlines) {
    const auto change = in.change;
    const char* open = "";
    const char* close = "";
    if (change != outer) {
      switch (change) {
        case doc::Change::inserted:
          open = "{+", close = "+}";
          break;
        case doc::Change::deleted:
          open = "[-", close = "-]";
          break;
        case doc::Change::moved_to:
          open = "{>", close = ">}";
          break;
        case doc::Change::moved_from:
          open = "[<", close = "<]";
          break;
        case doc::Change::none:
          break;
      }
    }
    out += open;
    switch (in.kind) {
      case doc::InlineKind::text:
        out += in.text;
        break;
      case doc::InlineKind::footnote:
        out += "(fn ";
        describe(in.children, change, out);
        out += ")";
        break;
      case doc::InlineKind::citation:
        out += "<";
        describe(in.children, change, out);
        out += ">";
        break;
      case doc::InlineKind::redaction:
        out += "▮";
        break;
      default:
        describe(in.children, change, out);
    }
    out += close;
  }
}

std::string describe(const doc::Block& block) {
  std::string out = block.margin_note.empty() ? "" : "(" + block.margin_note + ") ";
  describe(block.inlines, doc::Change::none, out);
  return out;
}

/// Every paragraph and heading of the tree, in order, described.
void leaves(const std::vector<doc::Block>& blocks, std::vector<std::string>& out) {
  for (const auto& block : blocks) {
    if (block.kind == doc::BlockKind::paragraph || block.kind == doc::BlockKind::heading)
      out.push_back(describe(block));
    else
      leaves(block.children, out);
  }
}

std::vector<std::string> blackline(const std::string& earlier, const std::string& later) {
  const auto result = compare::compare(parse(earlier), parse(later), words);
  std::vector<std::string> out;
  leaves(result.blackline.blocks, out);
  return out;
}

}  // namespace

TEST_CASE("an inserted word is marked inserted and nothing else is marked") {
  const auto out = blackline("<paragraph>The provider asks the Court.</paragraph>",
                             "<paragraph>The provider respectfully asks the Court.</paragraph>");
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "The provider {+respectfully +}asks the Court.");
}

TEST_CASE("a deleted word is put back, marked deleted, where it stood") {
  const auto out = blackline("<paragraph>Die Anbieterin bittet das Gericht sehr.</paragraph>",
                             "<paragraph>Die Anbieterin bittet das Gericht.</paragraph>");
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "Die Anbieterin bittet das Gericht[- sehr-].");
}

TEST_CASE("a replaced word shows the old one struck and the new one inserted, a space apart") {
  const auto out = blackline("<paragraph>Ελληνικά κείμενα εδώ.</paragraph>",
                             "<paragraph>Ελληνικά έγγραφα εδώ.</paragraph>");
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "Ελληνικά [-κείμενα -]{+έγγραφα+} εδώ.");
}

TEST_CASE("identical documents give a blackline with no mark at all") {
  const std::string body =
      "<heading level=\"1\" label=\"I.\">Introduction</heading>"
      "<paragraph>Text<fn>A note.</fn> with <em>emphasis</em>.</paragraph>";
  const auto result = compare::compare(parse(body), parse(body), words);
  CHECK(result.inserted == 0);
  CHECK(result.deleted == 0);
  CHECK(result.moved == 0);
  std::vector<std::string> out;
  leaves(result.blackline.blocks, out);
  CHECK(out == std::vector<std::string>{"Introduction", "Text(fn A note.) with emphasis."});
}

TEST_CASE("a paragraph moved elsewhere is shown as moved, with notes in the margin") {
  const std::string a = "<paragraph>Alpha paragraph about aggregate numbers of orders.</paragraph>";
  const std::string b = "<paragraph>Bravo paragraph on the First Amendment and speech.</paragraph>";
  const std::string c =
      "<paragraph>Charlie paragraph on the relief the provider seeks.</paragraph>";
  const auto out = blackline(a + b + c, b + c + a);
  REQUIRE(out.size() == 4);
  CHECK(out[0] == "(Moved below) [<Alpha paragraph about aggregate numbers of orders.<]");
  CHECK(out[1] == "Bravo paragraph on the First Amendment and speech.");
  CHECK(out[2] == "Charlie paragraph on the relief the provider seeks.");
  CHECK(out[3] == "(Moved from above) {>Alpha paragraph about aggregate numbers of orders.>}");
}

TEST_CASE("a paragraph deleted and nothing like it inserted is struck through whole") {
  const auto out =
      blackline("<paragraph>Kept.</paragraph><paragraph>Gone entirely now.</paragraph>",
                "<paragraph>Kept.</paragraph>");
  REQUIRE(out.size() == 2);
  CHECK(out[1] == "[-Gone entirely now.-]");
  const auto result = compare::compare(
      parse("<paragraph>Kept.</paragraph><paragraph>Gone entirely now.</paragraph>"),
      parse("<paragraph>Kept.</paragraph>"), words);
  CHECK(result.deleted == 3);
  CHECK(result.inserted == 0);
}

TEST_CASE("a citation rewritten into its short form, or into Id., is no change") {
  const auto out = blackline(
      "<paragraph>See <cite authority=\"442 U.S. 735\">Smith v. Maryland, 442 U.S. 735 "
      "(1979)</cite> and <cite authority=\"50 U.S.C. § 1861\">50 U.S.C. § 1861</cite>.</paragraph>",
      "<paragraph>See <cite authority=\"442 U.S. 735\">Smith, 442 U.S. at 742</cite> and "
      "<cite authority=\"50 U.S.C. § 1861\">Id.</cite>.</paragraph>");
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "See <Smith, 442 U.S. at 742> and <Id.>.");
}

TEST_CASE("a citation to another authority is a change") {
  const auto out = blackline(
      "<paragraph>See <cite authority=\"442 U.S. 735\">Smith v. Maryland</cite>.</paragraph>",
      "<paragraph>See <cite authority=\"573 U.S. 373\">Riley v. California</cite>.</paragraph>");
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "See [-<Smith v. Maryland>-][- -]{+<Riley v. California>+}.");
}

TEST_CASE("a footnote's changed words are marked inside the note") {
  const auto out = blackline(
      "<paragraph>The motion<fn>Filed in June under seal.</fn> stands.</paragraph>",
      "<paragraph>The motion<fn>Filed in June, unsealed in July.</fn> stands.</paragraph>");
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "The motion(fn Filed in June[- under seal-]{+, unsealed in July+}.) stands.");
}

TEST_CASE("an inserted footnote is marked inserted, mark and text") {
  const auto result = compare::compare(
      parse("<paragraph>The motion stands.</paragraph>"),
      parse("<paragraph>The motion<fn>Amended in September.</fn> stands.</paragraph>"), words);
  std::vector<std::string> out;
  leaves(result.blackline.blocks, out);
  CHECK(out[0] == "The motion{+(fn Amended in September.)+} stands.");
  CHECK(result.inserted == 3);
}

TEST_CASE("quotations, lists and signatures are compared too, and keep their blocks") {
  const auto result = compare::compare(
      parse("<quote><paragraph>The quoted words of the statute.</paragraph></quote>"
            "<list><item label=\"1.\"><paragraph>First request.</paragraph></item>"
            "<item label=\"2.\"><paragraph>Second request.</paragraph></item></list>"
            "<signature><paragraph>Counsel One</paragraph></signature>"),
      parse("<quote><paragraph>The quoted words of the law.</paragraph></quote>"
            "<list><item label=\"1.\"><paragraph>First request.</paragraph></item></list>"
            "<signature><paragraph>Counsel Two</paragraph></signature>"),
      words);
  const auto& blocks = result.blackline.blocks;
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].kind == doc::BlockKind::quote);
  CHECK(describe(blocks[0].children[0]) == "The quoted words of the [-statute -]{+law+}.");
  // The deleted item goes back inside the list, as an item.
  REQUIRE(blocks[1].kind == doc::BlockKind::list);
  REQUIRE(blocks[1].children.size() == 2);
  CHECK(blocks[1].children[1].kind == doc::BlockKind::item);
  CHECK(blocks[1].children[1].label == "2.");
  CHECK(describe(blocks[1].children[1].children[0]) == "[-Second request.-]");
  CHECK(describe(blocks[2].children[0]) == "Counsel [-One -]{+Two+}");
}

TEST_CASE("redactions compare equal whatever they hid, and no hidden text can reach the output") {
  // The trees hold no redacted text (template/ seals it before merging): each box is only its
  // length. A box that grew says nothing of what changed under it.
  const auto result = compare::compare(
      parse("<paragraph>The number is <redact length=\"4\"/> orders.</paragraph>"),
      parse("<paragraph>The number is <redact length=\"9\"/> orders.</paragraph>"), words);
  std::vector<std::string> out;
  leaves(result.blackline.blocks, out);
  CHECK(out[0] == "The number is ▮ orders.");
  CHECK(result.inserted == 0);
  CHECK(result.deleted == 0);
  const auto& box = result.blackline.blocks[0].inlines[1];
  CHECK(box.kind == doc::InlineKind::redaction);
  CHECK(box.children.empty());
  CHECK(box.hidden_length == 9);
}

TEST_CASE("deleted citations leave the table of authorities to the later version") {
  const auto result = compare::compare(
      parse("<paragraph>See <cite authority=\"442 U.S. 735\">Smith</cite>.</paragraph>"),
      parse("<paragraph>See nothing.</paragraph>"), words);
  const auto& inlines = result.blackline.blocks[0].inlines;
  bool found = false;
  for (const auto& in : inlines)
    if (in.kind == doc::InlineKind::citation) {
      found = true;
      CHECK(in.change == doc::Change::deleted);
      CHECK(in.authority.empty());
    }
  CHECK(found);
}

TEST_CASE("the counts are per top-level heading, and per part outside the body") {
  const auto result = compare::compare(
      parse(
          "<heading level=\"1\" label=\"I.\">Introduction</heading><paragraph>One two.</paragraph>"
          "<heading level=\"1\" label=\"II.\">Argument</heading><paragraph>Three.</paragraph>"
          "<signature><paragraph>Name</paragraph></signature>"),
      parse("<heading level=\"1\" label=\"I.\">Introduction</heading><paragraph>One two "
            "more.</paragraph><heading level=\"1\" label=\"II.\">Argument</heading>"
            "<paragraph>Four.</paragraph><signature><paragraph>Name</paragraph></signature>"),
      words);
  REQUIRE(result.sections.size() == 3);
  CHECK(result.sections[0].heading == "I. Introduction");
  CHECK(result.sections[0].inserted == 1);
  CHECK(result.sections[0].deleted == 0);
  CHECK(result.sections[1].heading == "II. Argument");
  CHECK(result.sections[1].inserted == 1);
  CHECK(result.sections[1].deleted == 1);
  CHECK(result.sections[2].part == "signature");
  CHECK(result.sections[2].inserted == 0);
}
