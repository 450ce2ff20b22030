#include <doctest/doctest.h>

#include "input/input.hpp"

using namespace fiscgen;
using namespace fiscgen::input;

namespace {

const char* const letter =
    "<letter locale=\"en_US\">\n"
    "  <date>2013-07-16</date>\n"
    "  <to><name>A</name><name>B</name></to>\n"
    "</letter>\n";

std::string value(const Matter& matter, const char* path) {
  return matter.root().first_element_by_path(path).child_value();
}

std::string error_of(const std::string& override_text) {
  Matter matter;
  try {
    read_text(matter, "m.xml", letter, {override_text});
  } catch (const Error& e) {
    return e.describe();
  }
  return "no error";
}

}  // namespace

TEST_CASE("--set replaces the text of an existing element, keeping its location") {
  Matter matter;
  read_text(matter, "m.xml", letter, {"date=2014-01-02"});
  const auto date = matter.root().child("date");
  CHECK(std::string(date.child_value()) == "2014-01-02");
  CHECK(matter.locate(date).str() == "m.xml:2:3");
  CHECK(matter.locate(date.first_child()).str() == "--set date=2014-01-02");
}

TEST_CASE("--set creates missing elements, located at the option") {
  Matter matter;
  read_text(matter, "m.xml", letter, {"signature/name=Jane Roe"});
  const auto name = matter.root().child("signature").child("name");
  CHECK(std::string(name.child_value()) == "Jane Roe");
  CHECK(matter.locate(name).str() == "--set signature/name=Jane Roe");
  CHECK(matter.locate(name.parent()).str() == "--set signature/name=Jane Roe");
  CHECK(matter.locate(name.first_child()).str() == "--set signature/name=Jane Roe");
}

TEST_CASE("--set [n] picks the n-th element and may add the next one") {
  Matter matter;
  read_text(matter, "m.xml", letter, {"to/name[2]=Bee", "to/name[3]=Cee"});
  const auto to = matter.root().child("to");
  std::vector<std::string> names;
  for (const auto& name : to.children("name")) names.push_back(name.child_value());
  CHECK(names == std::vector<std::string>{"A", "Bee", "Cee"});
  CHECK(matter.locate(to.last_child()).str() == "--set to/name[3]=Cee");
  CHECK(error_of("to/name[5]=E").find("next one is [3]") != std::string::npos);
}

TEST_CASE("--set @attribute sets an attribute, on the root or on a path") {
  Matter matter;
  read_text(matter, "m.xml", letter, {"@rules=fisc-2010", "to/name[1]/@title=Dr", "date=x"});
  CHECK(std::string(matter.root().attribute("rules").value()) == "fisc-2010");
  CHECK(std::string(matter.root().child("to").child("name").attribute("title").value()) == "Dr");
  CHECK(value(matter, "date") == "x");
}

TEST_CASE("--set values are NFC and checked") {
  Matter matter;
  read_text(matter, "m.xml", letter, {"date=Cafe\xCC\x81"});
  CHECK(value(matter, "date") == "Caf\u00E9");
  CHECK(error_of("date=a\x01") ==
        "--set date=a\x01: control character U+0001 at byte 1 is not allowed in text");
}

TEST_CASE("--set applied twice to the same element replaces the first") {
  Matter matter;
  read_text(matter, "m.xml", letter, {"cc=one", "cc=two"});
  CHECK(value(matter, "cc") == "two");
  CHECK(matter.locate(matter.root().child("cc").first_child()).str() == "--set cc=two");
  CHECK(matter.locate(matter.root().child("cc")).str() == "--set cc=one");
}

TEST_CASE("bad --set syntax shows the expected form") {
  const std::string expected =
      "\": expected path=value, e.g. date=2013-07-16 (elements separated by '/', an optional [n] "
      "counting from 1, a final @attribute)";
  CHECK(error_of("date") == "--set \"date" + expected);
  CHECK(error_of("=x") == "--set \"=x" + expected);
  CHECK(error_of("a//b=x") == "--set \"a//b=x" + expected);
  CHECK(error_of("to/name[0]=x") == "--set \"to/name[0]=x" + expected);
  CHECK(error_of("to/name[x]=x") == "--set \"to/name[x]=x" + expected);
  CHECK(error_of("to/@a/b=x") == "--set \"to/@a/b=x" + expected);
  CHECK(error_of("1st=x") == "--set \"1st=x" + expected);
}

TEST_CASE("--locale replaces the root's locale attribute") {
  Matter matter;
  read_text(matter, "m.xml", letter, {}, "en_GB");
  CHECK(std::string(matter.root().attribute("locale").value()) == "en_GB");
  read_text(matter, "m.xml", "<motion/>", {}, "fr");
  CHECK(std::string(matter.root().attribute("locale").value()) == "fr");
  CHECK(matter.kind == "motion");
}

TEST_CASE("--set of an element that holds elements is refused at the --set, not later") {
  // The text took the place of <name>s, and the error blamed the template that copied it.
  CHECK(error_of("to=<p>x</p>") ==
        "--set to=…: <to> holds elements (<name>…), and --set gives only text: set one of them "
        "instead, such as to/name[1]=…");
}

TEST_CASE("an attribute given by --set or --locale is located there, and one read at its name") {
  Matter matter;
  read_text(matter, "m.xml", "<letter\n  rules=\"x\" locale=\"en_US\"/>", {"@rules=y"}, "fr");
  const auto root = matter.root();
  CHECK(matter.locate(root, root.attribute("rules")).str() == "--set @rules=y");
  CHECK(matter.locate(root, root.attribute("locale")).str() == "--locale");
  read_text(matter, "m.xml", "<letter\n  rules=\"x\" locale=\"en_US\"/>");
  CHECK(matter.locate(matter.root(), matter.root().attribute("rules")).str() == "m.xml:2:3");
  CHECK(matter.locate(matter.root(), matter.root().attribute("locale")).str() == "m.xml:2:13");
}
