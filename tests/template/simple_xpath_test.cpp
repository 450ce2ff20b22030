// SimpleXPath (src/template/simple_xpath.hpp) against pugixml's XPath: every expression it
// accepts must give pugixml's type, nodes (in the same order), string and boolean, from every
// node of varied documents; the shapes it does not know are left to pugixml.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "base/data_paths.hpp"
#include "template/simple_xpath.hpp"
#include "template/xpath_cost.hpp"

using fiscgen::templ::SimpleXPath;

namespace {

const char* const documents[] = {
    // The letter's shapes: repeated, missing, blank and nested fields, attributes.
    R"(<letter template="x"><to ref="ag"><name> Jane  Roe </name><title>Attorney General</title>
       <address><line>1 Main St</line><line>  </line><line>Łódź</line></address>
       <honorific>ms</honorific><surname/></to>
       <from><name>Gómez</name><address><line/><line>Ελληνικά <em>b</em> c</line></address></from>
       <references><yours>12</yours><ours>  </ours></references>
       <postal-note>  </postal-note><postal-note>Air mail</postal-note>
       <subject class="S">Re: <![CDATA[a < b]]> עברית</subject><date>2026-12-07</date>
       <cc>A</cc><cc>B</cc><cc>C</cc><enclosure/><body><p>x</p><p>y<!-- c --><?pi z?></p></body>
       </letter>)",
    // Non-ASCII names, namespaces and prefixed names, attributes repeated on siblings.
    R"(<Gómez xmlns="urn:d" xmlns:x="urn:x" a="1" x:a="2">
       <Łódź a="3"><中文>一</中文><中文 a="4">二<中文>三</中文></中文></Łódź>
       <x:Łódź a="5">p</x:Łódź><Ελληνικά/><עברית b="6">ש</עברית><Łódź a="7"/>
       <a.b-c_d>dotted</a.b-c_d><and>word</and><or/><not>n</not></Gómez>)",
    // Deep repetition, where per-parent positions differ from document positions.
    R"(<m><a><b><c>1</c><c>2</c></b><b/><b><c>3</c></b></a><a><b><c>4</c></b></a>
       <a><b><c> </c><c>5</c></b></a><docket>  12-345 </docket><title class="T">T</title>
       <signature><attorney><name>One</name></attorney><attorney><name>Two</name></attorney>
       </signature></m>)",
};

const char* const accepted[] = {
    ".",
    "title",
    "date",
    "name",
    "to/title",
    "to/name",
    "to/address/line",
    "from/address/line",
    "signature/attorney[1]/name",
    "signature/attorney[2]/name",
    "signature/attorney[3]/name",
    "signature/attorney/name",
    "title/@class",
    "subject/@class",
    "@a",
    "@b",
    "@template",
    "@missing",
    "to/@ref",
    "a/b/c",
    "a/b[1]/c",
    "a/b[2]/c",
    "a/b/c[2]",
    "a[3]/b/c[2]",
    "a[2]",
    "a/b[3]",
    "postal-note[normalize-space()]",
    "from/address/line[normalize-space()]",
    "to/address/line[normalize-space()]",
    "a/b/c[normalize-space()]",
    "Łódź",
    "Łódź/@a",
    "Łódź/中文",
    "Łódź/中文/中文",
    "Łódź[2]/@a",
    "Łódź/中文[2]/@a",
    "x",
    "Ελληνικά",
    "עברית/@b",
    "a.b-c_d",
    "and",
    "or",
    "not",
    "not/x",
    "cc",
    "cc[2]",
    "body/p",
    "subject",
    "enclosure",
    "missing/deeper",
    "normalize-space(.)",
    "normalize-space()",
    "normalize-space(to/name)",
    "normalize-space(to/honorific)",
    "normalize-space(to/surname)",
    "normalize-space(@a)",
    "normalize-space(docket)",
    "normalize-space(subject)",
    "normalize-space(title/@class)",
    "normalize-space(references/ours)",
    "normalize-space(from/address/line)",
    "normalize-space(postal-note)",
    "normalize-space(Łódź/中文)",
    "normalize-space(missing)",
    "not(subject)",
    "not(to/title)",
    "not(normalize-space(references/ours))",
    "not( normalize-space(docket) )",
    "to/title and to/courtesy",
    "to/title and to/name",
    "normalize-space(to/name) and to/title",
    "normalize-space(to/honorific) and "
    "normalize-space(to/surname)",
    "normalize-space(return-address) or postal-note[normalize-space()]",
    "normalize-space(references/yours) or normalize-space(references/ours)",
    "(normalize-space(references/yours) or normalize-space(references/ours)) and "
    "(normalize-space(to/name) or cc)",
    "a or Łódź and not(中文)",
    "(title)",
    "(a/b/c)",
    "not(a) or not(b) or c",
    "normalize-space(a) and normalize-space(b) and normalize-space(c)",
};

const char* const refused[] = {
    "a | b",     "self::motion",
    "a[last()]", "../a",
    "//a",       "/m/a",
    "a = 'x'",   "@xmlns",
    "x:Łódź",    "count(cc)",
    "a/*",       "a/text()",
    "a[0]",      "a[01]",
    "a [1]",     "(a)[1]",
    "a/../b",    "a and",
    "a andb",    "string(a)",
    "a/@b/c",    "normalize-space(a or b)",
    "$position", "concat(a, b)",
    "a[@b]",     "a / b",
    "",          "a//b",
    "..",
};

/// Every node of the document, elements and others, to evaluate from.
std::vector<pugi::xml_node> contexts_of(const pugi::xml_document& document) {
  std::vector<pugi::xml_node> contexts{document};
  for (const auto& node : document.select_nodes("//node()")) contexts.push_back(node.node());
  return contexts;
}

/// Every XPath the shipped templates write: select=, test=, PREFIX:at= and {…} in attributes.
std::set<std::string> template_expressions(const fiscgen::DataPaths& paths) {
  std::set<std::string> found;
  for (const auto& root : {paths.forms, paths.letters})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.path().extension() != ".xml") continue;
      pugi::xml_document file;
      if (!file.load_file(entry.path().c_str())) continue;
      for (const auto& element : file.select_nodes("//*"))
        for (const auto& attribute : element.node().attributes()) {
          const std::string name = attribute.name();
          if (name == "select" || name == "test" || name.ends_with(":at"))
            found.insert(attribute.value());
          fiscgen::templ::each_braced_expression(
              attribute.value(), [&](std::string_view braced) { found.emplace(braced); });
        }
    }
  return found;
}

void check_same(const char* expression, const pugi::xml_node& context) {
  const auto simple = SimpleXPath::parse(expression);
  REQUIRE(simple.has_value());
  const pugi::xpath_query query(expression);
  const pugi::xpath_node at(context);
  REQUIRE(simple->type() == query.return_type());
  CHECK(simple->string(context) == query.evaluate_string(at));
  CHECK(simple->boolean(context) == query.evaluate_boolean(at));
  if (query.return_type() != pugi::xpath_type_node_set) return;
  std::vector<pugi::xpath_node> nodes;
  simple->select(context, nodes);
  const auto expected = query.evaluate_node_set(at);
  REQUIRE(nodes.size() == expected.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) CHECK(nodes[i] == expected[i]);
  CHECK(simple->first(context) == expected.first());
}

}  // namespace

TEST_CASE("simple paths give what pugixml's XPath gives, from every node") {
  for (const unsigned options :
       {pugi::parse_default, pugi::parse_default | pugi::parse_ws_pcdata}) {
    for (const char* text : documents) {
      pugi::xml_document document;
      REQUIRE(document.load_string(text, options));
      for (const auto& context : contexts_of(document))
        for (const char* expression : accepted) {
          CAPTURE(expression);
          CAPTURE(context.path());
          check_same(expression, context);
        }
    }
  }
}

TEST_CASE("shapes SimpleXPath does not know are left to pugixml") {
  for (const char* expression : refused) {
    CAPTURE(expression);
    CHECK_FALSE(SimpleXPath::parse(expression).has_value());
  }
}

TEST_CASE("the templates' own simple paths give what pugixml gives on the examples") {
  const auto paths = fiscgen::DataPaths::discover();
  const auto examples = paths.forms.parent_path() / "examples";
  REQUIRE(std::filesystem::is_directory(examples));
  std::vector<std::string> simple;
  for (const auto& expression : template_expressions(paths))
    if (SimpleXPath::parse(expression)) simple.push_back(expression);
  CHECK(simple.size() > 100);  // most of what the templates write
  int inputs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(examples)) {
    if (entry.path().extension() != ".xml") continue;
    pugi::xml_document input;
    REQUIRE(input.load_file(entry.path().c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    ++inputs;
    // The root and its children: the contexts the templates evaluate from (and for-each items).
    std::vector<pugi::xml_node> contexts{input.document_element()};
    for (const auto& child : input.document_element().children()) contexts.push_back(child);
    for (const auto& context : contexts)
      for (const auto& expression : simple) {
        CAPTURE(entry.path().filename().string());
        CAPTURE(expression);
        check_same(expression.c_str(), context);
      }
  }
  CHECK(inputs > 10);
}
