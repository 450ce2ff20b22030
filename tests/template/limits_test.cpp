// Limits on the work of one merge (src/template/evaluator.cpp, xpath_cost.hpp): loops inside
// loops, what a merge writes, and XPath whose cost grows faster than the input. Each is refused
// at its place, naming the loop or the expression; nothing here is timed.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "i18n/i18n.hpp"
#include "scratch.hpp"
#include "template/template.hpp"
#include "template/xpath_cost.hpp"

using namespace fiscgen;
using template_test::Scratch;

namespace {

std::string merge_error(const std::string& text, const Scratch& scratch) {
  i18n::initialise();
  input::Matter matter;
  input::read_text(matter, "input.xml", text);
  Warnings warnings;
  try {
    templ::merge(matter, {scratch.paths, &warnings});
  } catch (const Error& e) {
    return e.describe();
  }
  return "(no error)";
}

std::string repeated(const std::string& element, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += element;
  return text;
}

std::string reach_error(const std::string& expression) {
  try {
    templ::xpath_reach(expression);
  } catch (const Error& e) {
    return e.message();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("three loops of 300 items inside each other are refused at the innermost") {
  Scratch scratch;
  // 300 × 300 × 300 = 27 million repetitions, each loop under its own limit of 100,000: this
  // ran for over a minute and 3.95 GB.
  scratch.form("t/nested",
               "\n<t:for-each select=\"i\"><t:for-each select=\"/motion/i\">\n"
               "  <t:for-each select=\"/motion/i\"><paragraph>x</paragraph></t:for-each>"
               "</t:for-each></t:for-each>");
  CHECK(merge_error("<motion form=\"t/nested\">" + repeated("<i/>", 300) + "</motion>", scratch) ==
        "forms/t/nested.xml:4:3: <t:for-each select=\"/motion/i\">: the loops of this merge "
        "repeat more than 1000000 items in all (loops inside loops multiply): refused");
  // Within the limit: 300 × 300.
  scratch.form("t/two",
               "<t:for-each select=\"i\"><t:for-each select=\"/motion/i\">"
               "<paragraph>x</paragraph></t:for-each></t:for-each>");
  CHECK(merge_error("<motion form=\"t/two\">" + repeated("<i/>", 300) + "</motion>", scratch) ==
        "(no error)");
}

TEST_CASE("a merge writing more than 4,000,000 nodes is refused at the loop that multiplied it") {
  Scratch scratch;
  scratch.form("t/copies",
               "\n<t:for-each select=\"i\"><t:copy select=\"/motion/body\"/></t:for-each>");
  // 1,000 copies of a body of 2,000 paragraphs (4,000 nodes): 4 million nodes.
  CHECK(merge_error("<motion form=\"t/copies\">" + repeated("<i/>", 1000) + "<body>" +
                        repeated("<p>x</p>", 2000) + "</body></motion>",
                    scratch) ==
        "forms/t/copies.xml:3:1: <t:for-each select=\"i\">: this merge writes more than 4000000 "
        "nodes into the document (loops inside loops multiply): refused");
}

TEST_CASE("XPath that walks the whole input once per item is refused once over budget") {
  Scratch scratch;
  scratch.form("t/square",
               "\n<t:for-each select=\"i\"><paragraph><t:value "
               "select=\"count(//i)\"/></paragraph></t:for-each>");
  // 20,000 items, each counting all 20,000: 400 million nodes walked, over the 100 million.
  const auto message =
      merge_error("<motion form=\"t/square\">" + repeated("<i/>", 20000) + "</motion>", scratch);
  CHECK(message ==
        "forms/t/square.xml:3:1: <t:for-each select=\"i\">: the XPath \"count(//i)\" walks the "
        "whole input (20001 nodes) each time it is evaluated; this merge has walked more than "
        "100000000 nodes: refused (select from the loop's item, not from the root or with //, "
        ".. or another axis that leaves it)");
  // The same count once, outside the loop, is within the budget.
  scratch.form("t/once", "<paragraph><t:value select=\"count(//i)\"/></paragraph>");
  CHECK(merge_error("<motion form=\"t/once\">" + repeated("<i/>", 20000) + "</motion>", scratch) ==
        "(no error)");
}

TEST_CASE("XPath whose one evaluation grows faster than the input is refused when read") {
  Scratch scratch;
  // Cubic: each i counts every i, each of which counts every i.
  scratch.form("t/cubic",
               "\n<paragraph>\n  <t:value select=\"count(//i[count(//i[count(//i) &gt; 0]) &gt; "
               "0])\"/></paragraph>");
  const auto cubic = merge_error("<motion form=\"t/cubic\"><i/></motion>", scratch);
  CHECK(cubic.find("forms/t/cubic.xml:4:3: the XPath \"count(//i[count(//i[count(//i) > 0]) > "
                   "0])\" uses an absolute path inside [ ]") == 0);
  // Refused when the template is read, even where the directive would never run.
  scratch.form("t/unused", "\n<t:if test=\"false()\"><t:value select=\"a//b\"/></t:if>");
  const auto unused = merge_error("<motion form=\"t/unused\"/>", scratch);
  CHECK(unused.find("forms/t/unused.xml:3:22: the XPath \"a//b\" uses \"//\" after a step") == 0);
}

TEST_CASE("the reach of XPath: what a template may write, and what it may not") {
  using templ::XpathReach;
  for (const char* local :
       {"title", ".", "signature/attorney[1]/name", "normalize-space(to/honorific) and name",
        "(service/@date | date)[last()]", "count(enclosure) * 2", "item[name and @x = '1']",
        "concat(@label, substring('AB', $position, number(not(@label))))", "text()", "self::p",
        "n > 2", "a/b div 3"})
    CHECK_MESSAGE(templ::xpath_reach(local) == XpathReach::context, local);
  for (const char* whole : {"/motion/docket", "//p", ".//p", "..", "../name", "ancestor::x",
                            "//item[name]/title", "/descendant::p", "preceding-sibling::p[1]"})
    CHECK_MESSAGE(templ::xpath_reach(whole) == XpathReach::whole_input, whole);
  for (const char* refused :
       {"item[//x]", "item[../x]", "item[/motion]", "p[ancestor::section]", "a//b", "*//b",
        "//a//b", "//a/following::b", "(a | b)/descendant::c", "p[following-sibling::p]"})
    CHECK_MESSAGE(reach_error(refused) != "(no error)", refused);
}

TEST_CASE("the reach kept per thread is xpath_reach's, and a refused shape is refused each time") {
  using templ::XpathReach;
  for (int pass = 0; pass < 2; ++pass) {
    CHECK(templ::known_xpath_reach("signature/attorney[1]/name") == XpathReach::context);
    CHECK(templ::known_xpath_reach("../name") == XpathReach::whole_input);
    try {
      templ::known_xpath_reach("item[../x]");
      FAIL("item[../x] was not refused");
    } catch (const Error& e) {
      CHECK(e.message() == reach_error("item[../x]"));
    }
  }
}
