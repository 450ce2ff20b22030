#include "rules/compliance.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <filesystem>

using namespace fiscgen;

namespace {

const std::filesystem::path rules_dir =
    std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/rules";

doc::Document parse(const std::string& text) {
  pugi::xml_document xml;
  REQUIRE(xml.load_string(text.c_str()));
  return doc::from_xml(xml.document_element(), LineIndex("tree.xml", text));
}

std::string words(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "word ";
  return out;
}

/// A filing of `body` words: caption, body, signature with a name, certificate of service.
doc::Document filing(int body, const std::string& kind = "motion") {
  return parse("<document kind=\"" + kind +
               "\">"
               "<caption><paragraph>IN RE A MATTER</paragraph></caption>"
               "<paragraph style=\"title\" part=\"caption\">MOTION</paragraph>"
               "<paragraph>" +
               words(body) +
               "</paragraph>"
               "<signature><paragraph part=\"signature/name\">Jane Counsel</paragraph>"
               "<paragraph part=\"signature/email\">jane@example.com</paragraph></signature>"
               "<group part=\"certificate-of-service\"><paragraph>I certify service.</paragraph>"
               "<signature><paragraph>Jane Counsel</paragraph></signature></group>"
               "</document>");
}

std::vector<std::string> messages(const rules::Compliance& c) {
  std::vector<std::string> out;
  for (const auto& v : c.violations) out.push_back(v.message());
  return out;
}

}  // namespace

TEST_CASE("words are counted between white space, footnotes in, redactions and labels out") {
  const auto d = parse(
      "<document><heading label=\"I.\">Two words</heading>"
      "<paragraph>Seen<fn>A note here.</fn> by <redact>Agent X</redact> to-day, "
      "<em>in</em>deed.</paragraph></document>");
  CHECK(rules::count_words(d.blocks[0].inlines) == 2);
  CHECK(rules::count_words(d.blocks[1].inlines) == 7);  // Seen by to-day, indeed. + 3 in the note
}

TEST_CASE("parts are inherited, and captions and signatures have their own") {
  const auto d = parse(
      "<document><caption><paragraph>x</paragraph></caption><signature><paragraph>y</paragraph>"
      "</signature><group part=\"certificate-of-service\"><signature><paragraph part=\"a/b\">z"
      "</paragraph></signature></group><paragraph>w</paragraph></document>");
  CHECK(doc::part_of(d.blocks[0], "") == "caption");
  CHECK(doc::part_of(d.blocks[1], "") == "signature");
  CHECK(doc::part_of(d.blocks[2].children[0], "certificate-of-service") ==
        "certificate-of-service");
  CHECK(doc::part_of(d.blocks[2].children[0].children[0], "certificate-of-service") == "a/b");
  CHECK(doc::part_of(d.blocks[3], "").empty());
  CHECK(doc::to_xml(d).find("<group part=\"certificate-of-service\">") != std::string::npos);
}

TEST_CASE("a bad part name in the tree is an error at its element") {
  try {
    parse("<document>\n<keep part=\"Cert of Service\"/></document>");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.describe().find("tree.xml:2:1: part=\"Cert of Service\": expected") == 0);
  }
}

TEST_CASE("the word limit counts only the parts the profile counts") {
  const auto frap = rules::load_named_profile(rules_dir, "frap-32");
  auto ok = rules::check_compliance(filing(13000), frap, {{"caption", "body"}});
  CHECK(ok.words == 13000);
  CHECK(ok.pages == 1);
  // Only the certificate of compliance is missing.
  CHECK(messages(ok) ==
        std::vector<std::string>{"FRAP 32(g)(1) requires a certificate of compliance with the word "
                                 "limit; the motion has none"});

  const auto over = rules::check_compliance(filing(13412), frap, {});
  REQUIRE(over.violations.size() == 2);
  CHECK(over.violations[0].message() ==
        "the motion has 13,412 words; FRAP 32(a)(7)(B)(i) allows 13,000 for a principal brief "
        "(cover, tables, signature block, certificates and proof of service not counted)");

  const auto reply = rules::check_compliance(filing(6501, "reply"), frap, {});
  CHECK(reply.limit->words == 6500);
  CHECK(messages(reply)[0].find("the reply has 6,501 words; FRAP 32(a)(7)(B)(ii) allows 6,500") ==
        0);
}

TEST_CASE("the page limit counts pages with text of a counted part") {
  const auto dc = rules::load_named_profile(rules_dir, "dc-local");
  auto document = filing(10);
  document.blocks.push_back(parse("<document><group part=\"proposed-order\"><paragraph>So "
                                  "ordered.</paragraph></group></document>")
                                .blocks[0]);
  std::vector<std::vector<std::string>> pages(45, {"body"});
  pages.push_back({"certificate-of-service"});
  pages.push_back({"proposed-order"});
  auto result = rules::check_compliance(document, dc, pages);
  CHECK(result.pages == 45);
  CHECK(result.violations.empty());
  pages.insert(pages.begin(), {"caption", "body"});
  result = rules::check_compliance(document, dc, pages);
  CHECK(result.pages == 46);
  CHECK(messages(result) ==
        std::vector<std::string>{"the motion has 46 pages; LCvR 7(e) allows 45 for a memorandum "
                                 "of points and authorities (certificate of service and proposed "
                                 "order not counted)"});
}

TEST_CASE("required parts must be there with some text: kinds they do not apply to are free") {
  const auto fisc = rules::load_named_profile(rules_dir, "fisc-2010");
  CHECK(rules::check_compliance(filing(100), fisc, {}).violations.empty());
  const auto bare = parse(
      "<document kind=\"motion\"><paragraph>Argument.</paragraph>"
      "<signature><paragraph part=\"signature/name\"> </paragraph></signature>"
      "</document>");
  CHECK(messages(rules::check_compliance(bare, fisc, {})) ==
        std::vector<std::string>{
            "FISC Rule 8 requires a certificate of service; the motion has none",
            "the fisc-2010 profile requires the name of the signing attorney in the signature "
            "block; the motion has none"});
  auto order = bare;
  order.meta.kind = "order";
  CHECK(rules::check_compliance(order, fisc, {}).violations.empty());
}

TEST_CASE("type below the profile's minimum is reported once per style, where first used") {
  auto frap = rules::load_named_profile(rules_dir, "frap-32");
  frap.styles["small"] = frap.style("body");
  frap.styles["small"].size = 12;
  frap.styles["footnote"].size = 10;
  const auto d = parse(
      "<document><paragraph>Fine<fn>note</fn>.</paragraph>\n"
      "<paragraph style=\"small\">Too small.</paragraph><paragraph style=\"small\">Again."
      "</paragraph></document>");
  const auto result = rules::check_compliance(d, frap, {});
  std::vector<std::string> size_messages;
  for (const auto& v : result.violations)
    if (v.message().find("-point type") != std::string::npos) size_messages.push_back(v.message());
  CHECK(size_messages ==
        std::vector<std::string>{
            "text in style \"small\" is set in 12-point type; FRAP 32(a)(5)(A) requires at least "
            "14 points",
            "footnote text is set in 10-point type; FRAP 32(a)(5)(A) requires at least 14 points"});
  for (const auto& v : result.violations)
    if (v.message().find("\"small\"") != std::string::npos) CHECK(v.where().line == 2);
}

TEST_CASE("numbers are grouped by thousands") {
  CHECK(rules::grouped(0) == "0");
  CHECK(rules::grouped(999) == "999");
  CHECK(rules::grouped(13000) == "13,000");
  CHECK(rules::grouped(1234567) == "1,234,567");
}

TEST_CASE("<toc> and <toa> blocks are the tables a profile requires") {
  const auto profile = rules::load_profile(rules_dir / "frap-32.xml");
  auto brief = filing(100, "brief");
  const auto without = messages(rules::check_compliance(brief, profile, {{"body"}}));
  const auto has = [](const std::vector<std::string>& list, const std::string& what) {
    for (const auto& m : list)
      if (m.find(what) != std::string::npos) return true;
    return false;
  };
  CHECK(has(without, "requires a table of contents"));
  CHECK(has(without, "requires a table of authorities"));
  doc::Block toc, toa;
  toc.kind = doc::BlockKind::table_of_contents;
  toa.kind = doc::BlockKind::table_of_authorities;
  brief.blocks.insert(brief.blocks.begin() + 2, {toc, toa});
  const auto with = messages(rules::check_compliance(brief, profile, {{"body"}}));
  CHECK(!has(with, "requires a table of contents"));
  CHECK(!has(with, "requires a table of authorities"));
}
