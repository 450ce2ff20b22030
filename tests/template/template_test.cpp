// The template engine, asserted on the document tree (the --emit tree seam), with the real
// forms and letters and with small templates written for one directive each.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "base/data_paths.hpp"
#include "i18n/i18n.hpp"
#include "scratch.hpp"
#include "template/template.hpp"

namespace fs = std::filesystem;
using namespace fiscgen;

namespace {

const fs::path source = FISCGEN_SOURCE_DATA_DIR;

DataPaths real_paths() {
  return DataPaths::discover();
}

doc::Document merge_text(const std::string& text, const DataPaths& paths,
                         const std::vector<std::string>& overrides = {}) {
  i18n::initialise();
  input::Matter matter;
  input::read_text(matter, "input.xml", text, overrides);
  Warnings warnings;
  return templ::merge(matter, {paths, &warnings});
}

std::string tree_of(const std::string& text, const DataPaths& paths,
                    const std::vector<std::string>& overrides = {}) {
  return doc::to_xml(merge_text(text, paths, overrides));
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.describe();
  }
  return "(no error)";
}

using template_test::Scratch;

}  // namespace

TEST_CASE("the sample motion merges into caption, numbered headings, footnotes and parts") {
  const auto tree = tree_of(read(source / "examples" / "motion.xml"), real_paths());
  CHECK(tree.find("UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT") != std::string::npos);
  CHECK(tree.find("IN RE MOTION FOR DECLARATORY JUDGMENT") != std::string::npos);
  CHECK(tree.find("Docket No. Misc. 13-04") != std::string::npos);
  CHECK(tree.find("<heading level=\"1\" label=\"I.\" outline=\"I. Introduction\">") !=
        std::string::npos);
  CHECK(tree.find("label=\"A.\" outline=\"A. The demands Cascade receives\"") != std::string::npos);
  CHECK(tree.find("outline=\"IV. Relief Requested\"") != std::string::npos);
  CHECK(tree.find("<fn n=\"3\">") != std::string::npos);
  CHECK(tree.find("<item label=\"3.\">") != std::string::npos);
  CHECK(tree.find("Dated: June 19, 2013") != std::string::npos);
  CHECK(tree.find("CERTIFICATE OF SERVICE") != std::string::npos);
  CHECK(tree.find("on June 19, 2013, I caused") != std::string::npos);
  CHECK(tree.find("[PROPOSED] ORDER") != std::string::npos);
  CHECK(tree.find("ENTERED this ____ day of ______________, 2013.") != std::string::npos);
  const auto document = merge_text(read(source / "examples" / "motion.xml"), real_paths());
  CHECK(document.meta.title == "Motion for Declaratory Judgment");
  CHECK(document.meta.author == "Margaret A. Lindqvist");
  CHECK(document.meta.rules == "fisc-2010");
  CHECK(document.meta.locale == "en_US");
  CHECK(document.meta.date == "2013-06-19");
}

TEST_CASE("a letter takes its recipient from the directory, and what the input writes wins") {
  const auto letter = read(source / "examples" / "letter.xml");
  const auto tree = tree_of(letter, real_paths());
  CHECK(tree.find("July 16, 2013") != std::string::npos);
  CHECK(tree.find("950 Pennsylvania Avenue, N.W.") != std::string::npos);
  CHECK(tree.find("Dear Mr. Attorney General:") != std::string::npos);
  CHECK(tree.find("Re: Publishing aggregate figures") != std::string::npos);
  CHECK(tree.find("Enclosure<") != std::string::npos);

  const auto own = tree_of(letter, real_paths(),
                           {"to/salutation=Dear Madam Attorney General:", "enclosure[2]=Exhibit"});
  CHECK(own.find("Dear Madam Attorney General:") != std::string::npos);
  CHECK(own.find("Dear Mr. Attorney General:") == std::string::npos);
  CHECK(own.find("Enclosures (2)") != std::string::npos);

  const auto message =
      error_of([&] { tree_of(letter, real_paths(), {"to/@ref=attorney-genral"}); });
  CHECK(message.find("input.xml:") == 0);
  CHECK(message.find("no recipient \"attorney-genral\"") != std::string::npos);
  CHECK(message.find("known: attorney-general") != std::string::npos);
}

TEST_CASE("every missing required field is reported at once, with what it is") {
  const auto message = error_of([] {
    tree_of("<motion form=\"fisc/motion\">\n  <title>T</title>\n</motion>", real_paths());
  });
  CHECK(message.find("input.xml:1:1: forms/fisc/motion.xml needs what this input lacks:") == 0);
  for (const char* field : {"docket", "matter", "movant", "body", "date", "signature/attorney/name",
                            "service/recipient"})
    CHECK_MESSAGE(
        message.find(std::string("\n  input.xml:1:1: missing ") + field + ":") != std::string::npos,
        field);
  CHECK(message.find("missing title:") == std::string::npos);
  CHECK(message.find("(e.g. Misc. 13-04)") != std::string::npos);
}

TEST_CASE("template names stay inside the template roots") {
  const auto unknown = error_of([] { tree_of("<motion form=\"fisc/motoin\"/>", real_paths()); });
  CHECK(unknown.find("no template \"fisc/motoin\"") != std::string::npos);
  CHECK(unknown.find("fisc/motion") != std::string::npos);
  CHECK(unknown.find("fisc/caption") == std::string::npos);  // includes are not templates

  const auto escape = error_of([] { tree_of("<motion form=\"../rules/x\"/>", real_paths()); });
  CHECK(escape.find("without \"..\"") != std::string::npos);
  const auto absolute = error_of([] { tree_of("<motion form=\"/etc/passwd\"/>", real_paths()); });
  CHECK(absolute.find("without \"..\" or a leading \"/\"") != std::string::npos);

  Scratch scratch;
  scratch.write("elsewhere/x.xml", "<t:template xmlns:t=\"urn:fiscgen:template\"/>");
  fs::create_directory_symlink(scratch.root / "elsewhere", scratch.root / "forms" / "outside");
  const auto link = error_of([&] { tree_of("<motion form=\"outside/x\"/>", scratch.paths); });
  CHECK(link.find("leads out of forms/ (a link?): refused") != std::string::npos);
}

TEST_CASE("directives: value, copy, if, choose, for-each with $position, attributes, rule") {
  Scratch scratch;
  scratch.form(
      "t/all",
      "<paragraph style=\"x{name}y{{z}}\"><t:value select=\"name\" case=\"upper\"/></paragraph>"
      "<t:if test=\"flag\"><paragraph>flagged</paragraph></t:if>"
      "<t:if test=\"not(flag)\"><paragraph>unflagged</paragraph></t:if>"
      "<t:choose><t:when test=\"n &gt; 2\"><paragraph>many</paragraph></t:when>"
      "<t:otherwise><paragraph>few</paragraph></t:otherwise></t:choose>"
      "<t:for-each select=\"item\"><paragraph><t:value select=\"$position\"/> of "
      "<t:value select=\"$count\"/>: <t:value select=\".\"/></paragraph></t:for-each>"
      "<t:copy select=\"text\"/>"
      "<paragraph><t:rule name=\"court-place\"/> <t:number select=\"n\" "
      "style=\"upper-roman\"/></paragraph>");
  const auto tree = tree_of(
      "<motion form=\"t/all\"><name>straße</name><n>4</n><item>a</item><item>b</item>"
      "<text><p>One <em>two</em><fn>three</fn></p></text></motion>",
      scratch.paths);
  CHECK(tree.find("style=\"xstraßey{z}\">STRASSE</paragraph>") != std::string::npos);
  CHECK(tree.find("unflagged") != std::string::npos);
  CHECK(tree.find(">flagged") == std::string::npos);
  CHECK(tree.find(">many<") != std::string::npos);
  CHECK(tree.find("1 of 2: a") != std::string::npos);
  CHECK(tree.find("2 of 2: b") != std::string::npos);
  CHECK(tree.find("<paragraph>One <em>two</em><fn n=\"1\">three</fn></paragraph>") !=
        std::string::npos);
  CHECK(tree.find("WASHINGTON, D.C. IV") != std::string::npos);
}

TEST_CASE("expressions compiled for one merge give each later merge its own input and positions") {
  // The evaluator keeps compiled XPath per thread, with the $position and $count they read:
  // nested loops, a second input and a malformed expression met twice come out as if each
  // merge compiled its own.
  Scratch scratch;
  scratch.form("t/loops",
               "<t:for-each select=\"group\"><paragraph>g<t:value select=\"$position\"/>/"
               "<t:value select=\"$count\"/>:<t:for-each select=\"item\">"
               " <t:value select=\"concat($position, '/', $count, '=', .)\"/></t:for-each> after "
               "<t:value select=\"$position\"/></paragraph></t:for-each>");
  scratch.form("t/bad", "<paragraph>\n<t:value select=\"name(\"/></paragraph>");
  const auto first = tree_of(
      "<motion form=\"t/loops\"><group><item>Ana Gómez</item><item>O'Brien</item></group>"
      "<group><item>Nguyễn Văn An</item></group></motion>",
      scratch.paths);
  CHECK(first.find("g1/2: 1/2=Ana Gómez 2/2=O'Brien after 1") != std::string::npos);
  CHECK(first.find("g2/2: 1/1=Nguyễn Văn An after 2") != std::string::npos);
  const auto second = tree_of(
      "<motion form=\"t/loops\"><group><item>王小明</item></group></motion>", scratch.paths);
  CHECK(second.find("g1/1: 1/1=王小明 after 1") != std::string::npos);
  CHECK(second.find("Gómez") == std::string::npos);
  for (int round = 0; round < 2; ++round)
    CHECK(error_of([&] {
            tree_of("<motion form=\"t/bad\"/>", scratch.paths);
          }).find("forms/t/bad.xml:3:1: the XPath \"name(\" cannot be read: ") == 0);
}

TEST_CASE("the recipients directory is read again for every document, and its changes seen") {
  // Its parse is kept for the next document of the thread with the same bytes.
  Scratch scratch;
  scratch.form("t/to", "<paragraph><t:value select=\"to/name\"/></paragraph>");
  const std::string input = "<motion form=\"t/to\">\n  <to ref=\"a\"/></motion>";
  const auto directory = [&](const std::string& name) {
    scratch.write("letters/recipients.xml", "<recipients><recipient id=\"a\"><name>" + name +
                                                "</name></recipient></recipients>");
  };
  directory("Ana Gómez");
  CHECK(tree_of(input, scratch.paths).find("Ana Gómez") != std::string::npos);
  CHECK(tree_of(input, scratch.paths).find("Ana Gómez") != std::string::npos);
  directory("Nguyễn Văn An");
  CHECK(tree_of(input, scratch.paths).find("Nguyễn Văn An") != std::string::npos);
  scratch.write("letters/recipients.xml", "<recipients>\n<recipient id=\"a\"></recipients>");
  for (int round = 0; round < 2; ++round)
    CHECK(error_of([&] { tree_of(input, scratch.paths); }).find("letters/recipients.xml:2:") !=
          std::string::npos);
  directory("O'Brien");
  CHECK(tree_of(input, scratch.paths).find("O'Brien") != std::string::npos);
  CHECK(error_of([&] {
          tree_of("<motion form=\"t/to\">\n  <to ref=\"b\"/></motion>", scratch.paths);
        }) == "input.xml:2:3: no recipient \"b\" in letters/recipients.xml; known: a");
}

TEST_CASE("the fields required are those of the files as they are now") {
  // Fields are kept per thread by the files' parses: an include changed between two merges
  // gives its new fields.
  Scratch scratch;
  scratch.form("t/fields",
               "<t:field name=\"docket\" required=\"yes\" description=\"d\"/>"
               "<t:include src=\"t/part\"/>");
  const auto part = [&](const std::string& name) {
    scratch.write("forms/t/part.xml",
                  "<t:fragment xmlns:t=\"urn:fiscgen:template\"><t:field name=\"" + name +
                      "\" required=\"yes\" description=\"Ana Gómez\"/></t:fragment>");
  };
  part("movant");
  for (int round = 0; round < 2; ++round) {
    const auto missing = error_of([&] { tree_of("<motion form=\"t/fields\"/>", scratch.paths); });
    CHECK(missing.find("missing docket: d") != std::string::npos);
    CHECK(missing.find("missing movant: Ana Gómez") != std::string::npos);
  }
  part("signature/attorney/name");
  const auto changed = error_of([&] { tree_of("<motion form=\"t/fields\"/>", scratch.paths); });
  CHECK(changed.find("missing signature/attorney/name: Ana Gómez") != std::string::npos);
  CHECK(changed.find("missing movant") == std::string::npos);
}

TEST_CASE("t:if and t:when ask the rules profile: rule-has, rule-places, an unknown name refused") {
  Scratch scratch;
  // fisc-2010 gives no docket label and places no part.
  scratch.form("t/rules",
               "<t:choose><t:when rule-has=\"docket-label\"><paragraph>labelled</paragraph>"
               "</t:when><t:when rule-has=\"court\"><paragraph>named</paragraph></t:when>"
               "</t:choose><t:if rule-places=\"postal-zone\"><paragraph>zone</paragraph></t:if>"
               "<t:if rule-places=\"address-field\"><paragraph>field</paragraph></t:if>");
  const auto tree = tree_of("<motion form=\"t/rules\"/>", scratch.paths);
  CHECK(tree.find(">named<") != std::string::npos);
  CHECK(tree.find("labelled") == std::string::npos);
  CHECK(tree.find(">zone<") == std::string::npos);
  CHECK(tree.find(">field<") == std::string::npos);
  scratch.form("t/misspelt", "\n<t:if rule-places=\"adress-field\"/>");
  const auto place = error_of([&] { tree_of("<motion form=\"t/misspelt\"/>", scratch.paths); });
  CHECK(place.find("forms/t/misspelt.xml:3:1: <t:if rule-places=\"adress-field\">: expected one "
                   "of postal-zone, address-field, info-block") == 0);
  scratch.form("t/unknown", "\n<t:if rule-has=\"docket-lable\"/>");
  const auto has = error_of([&] { tree_of("<motion form=\"t/unknown\"/>", scratch.paths); });
  CHECK(has.find("forms/t/unknown.xml:3:1: <t:if rule-has=\"docket-lable\">: expected court,") ==
        0);
}

TEST_CASE("errors in templates and in copied content name the file, line and column") {
  Scratch scratch;
  scratch.form("t/bad", "\n<t:vaule select=\"x\"/>");
  const auto directive = error_of([&] { tree_of("<motion form=\"t/bad\"/>", scratch.paths); });
  CHECK(directive.find("forms/t/bad.xml:3:1: unknown directive <t:vaule>") == 0);

  scratch.form("t/xpath", "<paragraph><t:value select=\"a[\"/></paragraph>");
  const auto xpath = error_of([&] { tree_of("<motion form=\"t/xpath\"/>", scratch.paths); });
  CHECK(xpath.find("forms/t/xpath.xml:2:") == 0);
  CHECK(xpath.find("the XPath \"a[\" cannot be read") != std::string::npos);

  scratch.form("t/copy", "<t:copy select=\"body\"/>");
  const auto content = error_of([&] {
    tree_of("<motion form=\"t/copy\">\n<body>\n  <para>x</para></body></motion>", scratch.paths);
  });
  CHECK(content.find("input.xml:3:3: <para> is not allowed in <body>") == 0);

  scratch.form("t/date", "<paragraph><t:date select=\"d\"/></paragraph>");
  const auto date = error_of(
      [&] { tree_of("<motion form=\"t/date\">\n <d>2013-02-30</d></motion>", scratch.paths); });
  CHECK(date.find("input.xml:2:2:") == 0);
}

TEST_CASE("a malformed attribute value in a template is refused at its element") {
  Scratch scratch;
  // "20%" was read as 20 line widths: the column ran off the page and the other vanished.
  scratch.form("t/width",
               "<columns>\n<column width=\"20%\"><paragraph>a</paragraph></column><column/>"
               "</columns>");
  CHECK(error_of([&] { tree_of("<motion form=\"t/width\"/>", scratch.paths); }) ==
        "forms/t/width.xml:3:1: width=\"20%\": expected a fraction of the line's width, more "
        "than 0 and at most 1 (e.g. 0.2 for a fifth)");

  // required="true" made the field optional without a word.
  scratch.write("forms/t/field.xml",
                "<t:template xmlns:t=\"urn:fiscgen:template\" kind=\"motion\" "
                "rules=\"fisc-2010\">\n  <t:field name=\"docket\" required=\"true\"/>"
                "<document/></t:template>\n");
  CHECK(error_of([&] { tree_of("<motion form=\"t/field\"/>", scratch.paths); }) ==
        "forms/t/field.xml:2:3: required=\"true\": expected yes or no");

  // Unknown number and date styles were errors with no place at all.
  scratch.form("t/number", "<paragraph>\n<t:number select=\"1\" style=\"roman\"/></paragraph>");
  CHECK(error_of([&] {
          tree_of("<motion form=\"t/number\"/>", scratch.paths);
        }).find("forms/t/number.xml:3:1: unknown number style \"roman\"") == 0);
  scratch.form("t/date",
               "<paragraph>\n<t:date select=\"'2013-07-16'\" style=\"longest\"/></paragraph>");
  CHECK(error_of([&] {
          tree_of("<motion form=\"t/date\"/>", scratch.paths);
        }).find("forms/t/date.xml:3:1: unknown date style \"longest\"") == 0);
}

TEST_CASE("`new KIND` takes the only template for that kind, or the one marked default") {
  Scratch scratch;
  const auto form = [&](const std::string& name, const std::string& kind,
                        const std::string& extra) {
    scratch.write("forms/" + name + ".xml", "<t:template xmlns:t=\"urn:fiscgen:template\" kind=\"" +
                                                kind + "\" " + extra +
                                                " rules=\"fisc-2010\"><document/></t:template>\n");
  };
  form("t/brief", "brief", "");
  form("t/motion", "motion", "");
  form("t/amicus", "motion", "");
  CHECK(templ::template_for_kind(scratch.paths, "brief").name == "t/brief");
  CHECK(error_of([&] { templ::template_for_kind(scratch.paths, "motion"); }) ==
        "the forms for <motion> are t/amicus, t/motion; choose one with --form (or mark one "
        "default=\"yes\")");
  CHECK(error_of([&] { templ::template_for_kind(scratch.paths, "memo"); }) ==
        "no form or letter is for <memo>; the kinds are: brief, motion");
  form("t/motion", "motion", "default=\"yes\"");
  CHECK(templ::template_for_kind(scratch.paths, "motion").name == "t/motion");
  form("t/amicus", "motion", "default=\"true\"");
  CHECK(error_of([&] {
          templ::template_for_kind(scratch.paths, "motion");
        }).find("forms/t/amicus.xml:1:1: default=\"true\": expected yes or no") == 0);

  // The shipped data: every kind has its form.
  const auto paths = real_paths();
  const auto all = templ::list_templates(paths);
  for (const auto& kind : templ::kinds(all)) {
    INFO(kind);
    CHECK(templ::template_for_kind(paths, kind).kind == kind);
  }
}

TEST_CASE("includes: shared pieces, cycles and escapes refused") {
  Scratch scratch;
  scratch.write("forms/t/piece.xml",
                "<t:fragment xmlns:t=\"urn:fiscgen:template\">"
                "<t:field name=\"who\" required=\"yes\" description=\"someone\"/>"
                "<paragraph><t:value select=\"who\"/></paragraph></t:fragment>");
  scratch.form("t/uses", "<t:include src=\"t/piece\"/><t:include src=\"t/piece.xml\"/>");
  CHECK(tree_of("<motion form=\"t/uses\"><who>Ann</who></motion>", scratch.paths)
            .find("<paragraph>Ann</paragraph>\n  <paragraph>Ann</paragraph>") != std::string::npos);
  const auto fields = templ::fields_of(scratch.root / "forms/t/uses.xml", scratch.paths);
  REQUIRE(fields.size() == 1);
  CHECK(fields[0].name == "who");
  CHECK(fields[0].required);

  scratch.write(
      "forms/t/loop.xml",
      "<t:fragment xmlns:t=\"urn:fiscgen:template\"><t:include src=\"t/loop\"/></t:fragment>");
  scratch.form("t/cycle", "<t:include src=\"t/loop\"/>");
  CHECK(error_of([&] {
          tree_of("<motion form=\"t/cycle\"/>", scratch.paths);
        }).find("include cycle") != std::string::npos);

  scratch.form("t/escape", "<t:include src=\"../letters/x\"/>");
  CHECK(error_of([&] {
          tree_of("<motion form=\"t/escape\"/>", scratch.paths);
        }).find("forms/t/escape.xml:2:") == 0);
}

TEST_CASE("fields_of lists what a form declares, includes too") {
  const auto paths = real_paths();
  const auto fields = templ::fields_of(paths.forms / "fisc" / "motion.xml", paths);
  std::vector<std::string> names;
  for (const auto& field : fields) names.push_back(field.name);
  for (const char* expected : {"title", "docket", "matter", "date", "signature/attorney/name",
                               "service/recipient/name", "proposed-order"})
    CHECK_MESSAGE(std::find(names.begin(), names.end(), expected) != names.end(), expected);
}

TEST_CASE("every form and letter merges from its `new` scaffold once required fields are filled") {
  const auto paths = real_paths();
  const auto templates = templ::list_templates(paths);
  REQUIRE(templates.size() >= 6);
  for (const auto& info : templates) {
    INFO(info.name);
    const auto fields = templ::fields_of(info.file, paths);
    pugi::xml_document scaffold;
    REQUIRE(scaffold.load_string(templ::scaffold(info, fields).c_str()));
    // What a user does: fill each required field with its example.
    for (const auto& field : fields) {
      if (!field.required || field.name.find('@') != std::string::npos) continue;
      auto node = scaffold.document_element().first_element_by_path(field.name.c_str());
      REQUIRE_MESSAGE(node, field.name);
      const std::string leaf = node.name();
      if (field.example.rfind("<" + leaf, 0) == 0) {  // the example is the element itself
        auto parent = node.parent();
        pugi::xml_document fragment;
        REQUIRE(fragment.load_string(field.example.c_str()));
        parent.insert_copy_after(fragment.document_element(), node);
        parent.remove_child(node);
      } else if (!field.example.empty() && field.example[0] == '<') {
        REQUIRE(node.append_buffer(field.example.data(), field.example.size()));
      } else {
        node.text().set(field.example.empty() ? "x" : field.example.c_str());
      }
    }
    std::ostringstream text;
    scaffold.save(text);
    const auto document = merge_text(text.str(), paths);
    CHECK_FALSE(document.blocks.empty());
  }
}

TEST_CASE("bookmark and document titles come from the bundles: {message:KEY} in attributes") {
  const auto motion = read(source / "examples" / "motion.xml");
  CHECK(tree_of(motion, real_paths()).find("outline=\"Certificate of Service\"") !=
        std::string::npos);
  const auto french = tree_of(motion, real_paths(), {"@locale=fr"});
  CHECK(french.find("outline=\"Certificat de signification\"") != std::string::npos);
  CHECK(french.find("outline=\"Projet d’ordonnance\"") != std::string::npos);

  Scratch scratch;
  scratch.form("t/missing", "<keep outline=\"{message:no/such}\"/>");
  const auto message = error_of([&] { tree_of("<motion form=\"t/missing\"/>", scratch.paths); });
  CHECK(message.find("forms/t/missing.xml:2:") == 0);
  CHECK(message.find("no/such") != std::string::npos);
}
