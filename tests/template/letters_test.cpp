// The letter library (letters/) and the localised words, asserted on the document tree: every
// template on the shared parts, every office of the directory in every language, and the
// directive features letters rely on (legal dates, arguments written as content, keys chosen
// by the input).
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <functional>

#include <pugixml.hpp>

#include "base/data_paths.hpp"
#include "i18n/i18n.hpp"
#include "scratch.hpp"
#include "template/template.hpp"

namespace fs = std::filesystem;
using namespace fiscgen;

namespace {

const fs::path source = FISCGEN_SOURCE_DATA_DIR;
const fs::path test_letters = fs::path(FISCGEN_TEST_DATA) / "letters";
const std::vector<std::string> five_locales{"en_US", "en_GB", "fr", "de", "es"};

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string tree_of(const std::string& text, const std::vector<std::string>& overrides = {},
                    const std::string& locale = {},
                    const DataPaths& paths = DataPaths::discover()) {
  i18n::initialise();
  input::Matter matter;
  input::read_text(matter, "input.xml", text, overrides, locale);
  Warnings warnings;
  return doc::to_xml(templ::merge(matter, {paths, &warnings}));
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.describe();
  }
  return "(no error)";
}

bool has(const std::string& tree, const std::string& text) {
  return tree.find(text) != std::string::npos;
}

/// The text of the paragraph just before the letter's body: the salutation.
std::string salutation_in(const std::string& tree) {
  const std::string marker = "<paragraph style=\"body\" align=\"left\">";
  const auto start = tree.find(marker);
  if (start == std::string::npos) return "(no salutation)";
  const auto from = start + marker.size();
  return tree.substr(from, tree.find("</paragraph>", from) - from);
}

std::string closing_in(const std::string& tree) {
  const std::string marker = "<paragraph style=\"closing\">";
  const auto start = tree.find(marker);
  if (start == std::string::npos) return "(no closing)";
  const auto from = start + marker.size();
  return tree.substr(from, tree.find("</paragraph>", from) - from);
}

const std::string sample_letter = read(source / "examples" / "letter.xml");

using template_test::Scratch;

}  // namespace

TEST_CASE("each letter template renders its test input: address, salutation, date") {
  const auto madam = tree_of(read(test_letters / "to-attorney-general-madam.xml"));
  CHECK(has(madam, "August 1, 2013"));
  CHECK(has(madam, "950 Pennsylvania Avenue, N.W."));
  CHECK(salutation_in(madam) == "Dear Madam Attorney General:");
  CHECK(closing_in(madam) == "Sincerely,");
  CHECK(has(madam, "Enclosures (3)"));

  const auto fbi = tree_of(read(test_letters / "to-fbi-director.xml"));
  CHECK(has(fbi, "September 4, 2013"));
  CHECK(has(fbi, "The Director of the Federal Bureau of Investigation"));
  CHECK(has(fbi, "935 Pennsylvania Avenue, N.W."));
  CHECK(has(fbi, "Washington, D.C. 20535"));
  CHECK(salutation_in(fbi) == "Dear Director:");
  CHECK(has(fbi, "Re: National security letters"));

  const auto clerk = tree_of(read(test_letters / "to-fisc-clerk.xml"));
  CHECK(has(clerk, "E. Barrett Prettyman U.S. Courthouse"));
  CHECK(has(clerk, "333 Constitution Avenue, N.W."));
  CHECK(has(clerk, "Washington, D.C. 20001"));
  CHECK(salutation_in(clerk) == "Dear Clerk of Court:");

  const auto person = tree_of(read(test_letters / "to-person-inline.xml"));
  CHECK(has(person, "Jane Q. Roe"));
  CHECK(has(person, "Arlington, Virginia 22210"));
  CHECK(salutation_in(person) == "Dear Ms. Roe:");
  CHECK(salutation_in(tree_of(read(test_letters / "to-person-inline.xml"), {}, "de")) ==
        "Sehr geehrte Frau Roe,");
  CHECK(salutation_in(tree_of(read(test_letters / "to-person-inline.xml"), {"to/honorific="})) ==
        "Dear Jane Q. Roe:");
}

TEST_CASE("every office of the directory has an address and a salutation in every language") {
  pugi::xml_document directory;
  REQUIRE(directory.load_file((source / "letters" / "recipients.xml").c_str()));
  std::vector<std::string> ids;
  for (const auto& recipient : directory.document_element().children("recipient")) {
    const std::string id = recipient.attribute("id").value();
    // A filing channel (a certificate's filing note) is no one a letter is written to.
    if (recipient.child("filing-channel")) continue;
    ids.push_back(id);
    INFO("recipient " << id);
    CHECK(recipient.child("title"));
    CHECK(recipient.child("organization"));
    CHECK(recipient.child("address").child("line"));
    CHECK_FALSE(std::string(recipient.child_value("form-of-address")).empty());
    CHECK_FALSE(recipient.child("salutation"));  // English text would defeat the locales
    for (const auto& locale : five_locales) {
      for (const char* honorific : {"mr", "ms", ""}) {
        INFO(locale << " honorific \"" << honorific << "\"");
        std::string tree;
        CHECK_NOTHROW(tree = tree_of(sample_letter,
                                     {"@template=letter", "to/@ref=" + id,
                                      "closing=", std::string("to/honorific=") + honorific},
                                     locale));
        const auto salutation = salutation_in(tree);
        CHECK(salutation.size() > 5);
        CHECK(salutation.find('{') == std::string::npos);
        CHECK(has(tree, recipient.child("address").last_child().child_value()));
      }
    }
  }
  const std::vector<std::string> offices{"attorney-general",
                                         "deputy-attorney-general",
                                         "assistant-attorney-general-national-security",
                                         "national-security-division",
                                         "fbi-director",
                                         "director-of-national-intelligence",
                                         "fisc-clerk"};
  CHECK(ids == offices);
  const auto unknown = error_of([] { tree_of(sample_letter, {"to/@ref=fbi"}); });
  CHECK(has(unknown, "known: attorney-general, deputy-attorney-general,"));
  CHECK(has(unknown, "fisc-clerk"));
}

TEST_CASE("the sample letter in five languages: date, salutation, closing, enclosure, cc") {
  struct Expected {
    std::string locale, date, salutation, closing, cc, enclosure;
  };
  const std::vector<Expected> expected{
      {"en_US", "July 16, 2013", "Dear Mr. Attorney General:", "Sincerely,", "cc:", "Enclosure"},
      {"en_GB", "16 July 2013", "Dear Attorney General,", "Yours sincerely,", "cc:", "Enclosure"},
      {"fr", "Le 16 juillet 2013", "Monsieur le Ministre,",
       "Je vous prie d’agréer, Monsieur le Ministre, l’expression de ma haute considération.",
       "Copie\u00A0:", "Pièce jointe"},
      {"de", "16. Juli 2013", "Sehr geehrter Herr Justizminister,", "Mit freundlichen Grüßen",
       "Kopie an:", "Anlage"},
      {"es", "16 de julio de 2013", "Estimado Sr. Fiscal General:", "Atentamente,",
       "c.c.:", "Anexo"},
  };
  for (const auto& want : expected) {
    INFO(want.locale);
    // The sample leaves the closing to the locale; an empty one counts as absent too.
    const auto tree = tree_of(sample_letter, {"closing="}, want.locale);
    CHECK(closing_in(tree_of(sample_letter, {}, want.locale)) == want.closing);
    CHECK(has(tree, ">" + want.date + "<"));
    CHECK(salutation_in(tree) == want.salutation);
    CHECK(closing_in(tree) == want.closing);
    CHECK(has(tree, ">" + want.cc + "<"));
    CHECK(has(tree, ">" + want.enclosure + "<"));
  }
  // What the input writes itself wins, in any language.
  const auto own =
      tree_of(sample_letter, {"salutation=Cher Maître,", "closing=Bien à vous,"}, "fr");
  CHECK(salutation_in(own) == "Cher Maître,");
  CHECK(closing_in(own) == "Bien à vous,");
  CHECK(salutation_in(tree_of(sample_letter, {"to/honorific=ms"}, "fr")) == "Madame la Ministre,");
}

TEST_CASE("enclosures are counted in the locale's plural: 1, 2 and 5") {
  const std::vector<std::string> five{"enclosure[2]=B", "enclosure[3]=C", "enclosure[4]=D",
                                      "enclosure[5]=E"};
  const std::vector<std::string> two{"enclosure[2]=B"};
  struct Expected {
    std::string locale, one, two, five;
  };
  for (const auto& want :
       std::vector<Expected>{{"en_US", "Enclosure", "Enclosures (2)", "Enclosures (5)"},
                             {"fr", "Pièce jointe", "Pièces jointes (2)", "Pièces jointes (5)"},
                             {"de", "Anlage", "2 Anlagen", "5 Anlagen"}}) {
    INFO(want.locale);
    CHECK(has(tree_of(sample_letter, {}, want.locale), ">" + want.one + "<"));
    CHECK(has(tree_of(sample_letter, two, want.locale), ">" + want.two + "<"));
    CHECK(has(tree_of(sample_letter, five, want.locale), ">" + want.five + "<"));
  }
}

TEST_CASE("the letter templates are thin and declare their fields, with the shared parts'") {
  const auto paths = DataPaths::discover();
  for (const char* name : {"attorney-general", "fbi-director", "letter"}) {
    INFO(name);
    const auto file = paths.letters / (std::string(name) + ".xml");
    const auto text = read(file);
    CHECK(has(text, "<t:include src=\"parts/letter.xml\"/>"));
    CHECK_FALSE(has(text, "<document"));
    const auto fields = templ::fields_of(file, paths);
    for (const char* expected :
         {"to", "date", "body", "from/name", "from/organization", "subject", "salutation",
          "closing", "cc/name", "enclosure", "to/honorific", "to/form-of-address"}) {
      const auto found = std::find_if(fields.begin(), fields.end(),
                                      [&](const templ::Field& f) { return f.name == expected; });
      INFO(expected);
      REQUIRE(found != fields.end());
      CHECK_FALSE(found->description.empty());
      CHECK_FALSE(found->example.empty());
    }
  }
  const auto fbi = templ::fields_of(paths.letters / "fbi-director.xml", paths);
  CHECK(has(fbi.front().example, "fbi-director"));  // the template's own "to" comes first
}

TEST_CASE("t:date style=legal: the ordinal day of English legal writing, in a message") {
  Scratch scratch;
  scratch.form("legal",
               "<paragraph><t:date select=\"d\" style=\"legal\"/></paragraph>"
               "<paragraph><t:message key=\"date/dated_this\">"
               "<t:arg name=\"date\"> <t:date select=\"d\" style=\"legal\"/> </t:arg>"
               "</t:message></paragraph>");
  auto legal = [&](const std::string& date, const std::string& locale) {
    return tree_of("<motion form=\"legal\"><d>" + date + "</d></motion>", {}, locale,
                   scratch.paths);
  };
  CHECK(has(legal("2013-07-16", "en_US"), ">16th day of July, 2013<"));
  CHECK(has(legal("2013-07-16", "en_US"), ">Dated this 16th day of July, 2013.<"));
  CHECK(has(legal("2013-07-01", "en_US"), ">1st day of July, 2013<"));
  CHECK(has(legal("2013-07-22", "en_US"), ">22nd day of July, 2013<"));
  CHECK(has(legal("2013-07-23", "en_US"), ">23rd day of July, 2013<"));
  CHECK(has(legal("2013-07-11", "en_US"), ">11th day of July, 2013<"));
  CHECK(has(legal("2013-07-16", "en_GB"), ">Dated this 16th day of July 2013.<"));
  CHECK(has(legal("2013-07-01", "fr"), ">Fait le 1er juillet 2013.<"));
  CHECK(has(legal("2013-07-16", "es"), ">Dado a 16 de julio de 2013.<"));
  CHECK(has(error_of([&] { legal("2013-02-29", "en_US"); }), "2013 has 28 days"));
}

TEST_CASE("t:arg may hold content: t:message's key may hold {xpath}") {
  Scratch scratch;
  scratch.form("args",
               "<paragraph><t:message key=\"letter/enclosures\">"
               "<t:arg name=\"count\" type=\"number\"><t:value select=\"n\"/></t:arg>"
               "</t:message></paragraph>"
               "<paragraph><t:message key=\"letter/address/{office}\">"
               "<t:arg name=\"honorific\">m<t:value select=\"'s'\"/></t:arg>"
               "</t:message></paragraph>"
               "<paragraph><t:message key=\"motion/dated\">"
               "<t:arg name=\"date\" type=\"date\"><t:value select=\"d\"/></t:arg>"
               "</t:message></paragraph>");
  const auto tree = tree_of(
      "<motion form=\"args\"><n>3</n><office>fbi_director</office><d>2013-07-16</d></motion>", {},
      "en_US", scratch.paths);
  CHECK(has(tree, ">Enclosures (3)<"));
  CHECK(has(tree, ">Madam Director<"));
  CHECK(has(tree, ">Dated: July 16, 2013<"));

  const auto unknown = error_of([&] {
    tree_of("<motion form=\"args\"><n>3</n><office>mayor</office><d>2013-07-16</d></motion>", {},
            "en_US", scratch.paths);
  });
  CHECK(unknown.find("forms/args.xml:") == 0);
  CHECK(has(unknown, "no message \"letter/address/mayor\""));
  const auto not_number = error_of([&] {
    tree_of("<motion form=\"args\"><n>three</n><office>x</office></motion>", {}, "en_US",
            scratch.paths);
  });
  CHECK(has(not_number, "\"three\" is not a number"));
}

TEST_CASE("t:arg's content is its text in document order, inside elements and CDATA too") {
  Scratch scratch;
  // "m" inside two elements, then "s" in CDATA: the honorific "ms", which selects "Madam".
  scratch.form("nested",
               "<paragraph><t:message key=\"letter/address/{office}\"><t:arg name=\"honorific\">"
               "\n  <em><strong><t:value select=\"'m'\"/></strong></em><![CDATA[s]]>\n"
               "</t:arg></t:message></paragraph>");
  const auto tree = tree_of("<motion form=\"nested\"><office>fbi_director</office></motion>", {},
                            "en_US", scratch.paths);
  CHECK(has(tree, ">Madam Director<"));
}

TEST_CASE("captions are upper-cased with the document locale's rules") {
  Scratch scratch;
  scratch.form("upper", "<paragraph><t:value select=\"matter\" case=\"upper\"/></paragraph>");
  const std::string input =
      "<motion form=\"upper\"><matter>In re Straße, Maß und istihbarat</matter></motion>";
  CHECK(has(tree_of(input, {}, "de", scratch.paths), ">IN RE STRASSE, MASS UND ISTIHBARAT<"));
  CHECK(has(tree_of(input, {}, "en_US", scratch.paths), ">IN RE STRASSE, MASS UND ISTIHBARAT<"));

  // Turkish has no bundle of its own; a stand-in (English words) lets the document be Turkish,
  // so that its dotted i is upper-cased as Turkish writes it.
  const fs::path bundles = scratch.root / "locales";
  fs::create_directories(bundles);
  for (const auto& entry : fs::directory_iterator(scratch.paths.locales))
    fs::copy_file(entry.path(), bundles / entry.path().filename());
  fs::copy_file(bundles / "en.res", bundles / "tr.res");
  DataPaths turkish = scratch.paths;
  turkish.locales = bundles / "";
  CHECK(has(tree_of(input, {}, "tr", turkish), ">IN RE STRASSE, MASS UND \u0130ST\u0130HBARAT<"));
  CHECK(has(tree_of(input, {}, "de", turkish), ">IN RE STRASSE, MASS UND ISTIHBARAT<"));
}
