#include "template/portions.hpp"

#include <doctest/doctest.h>

using namespace fiscgen;
using namespace fiscgen::templ;

namespace {

const doc::Markings& shipped() {
  static const auto markings =
      doc::Markings::load(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/markings.xml");
  return markings;
}

/// The mark a portion printing `expressions` from the petition below gets.
std::string mark_of(const std::vector<std::string>& expressions) {
  pugi::xml_document input;
  input.load_string(
      "<petition><classification>TOP SECRET</classification>"
      "<petitioner class=\"U\">Łódź Telekom S.A.</petitioner>"
      "<challenged class=\"S//NF\">the directive</challenged>"
      "<signature><attorney><name class=\"C//REL TO USA, GBR\">Ana</name></attorney>"
      "<attorney><name class=\"U\">Bo</name></attorney></signature>"
      "<date>2013-05-20</date></petition>");
  PortionMarks marks(shipped(), [](const pugi::xml_node& node) {
    return SourceLocation{"in.xml", static_cast<int>(node.offset_debug()), 1};
  });
  marks.open();
  for (const auto& expression : expressions) marks.printed(expression, input.document_element());
  return marks.close();
}

}  // namespace

TEST_CASE("portions: a form's portion takes the highest mark of the fields it prints") {
  CHECK(mark_of({}) == "U");
  CHECK(mark_of({"normalize-space(petitioner)"}) == "U");
  CHECK(mark_of({"normalize-space(petitioner)", "concat(challenged, ' and ', 'x')"}) == "S//NF");
  // Predicates are left out: every attorney's name counts, with every caveat.
  CHECK(mark_of({"signature/attorney[1]/name"}) == "C//REL TO USA, GBR");
  CHECK(mark_of({"challenged", "signature/attorney[position() = 2]/name"}) ==
        "S//NF//REL TO USA, GBR");
  // Quoted text, variables and numbers name no field.
  CHECK(mark_of({"'date'", "$position", "substring('abc', 1, 2)"}) == "U");
}

TEST_CASE("portions: an input is classified by its <classification> or a mark above U") {
  pugi::xml_document input;
  input.load_string(
      "<motion><title class=\"U\">T</title><classification>UNCLASSIFIED"
      "</classification></motion>");
  CHECK_FALSE(input_is_classified(input.document_element(), shipped()));
  input.document_element().child("classification").text().set("SECRET//NOFORN");
  CHECK(input_is_classified(input.document_element(), shipped()));
  input.document_element().remove_child("classification");
  CHECK_FALSE(input_is_classified(input.document_element(), shipped()));
  input.document_element().child("title").attribute("class").set_value("TS//SI");
  CHECK(input_is_classified(input.document_element(), shipped()));
}

TEST_CASE("portions: an unmarked field printed in a portion is an error at the field") {
  try {
    mark_of({"substring(date, 1, 4)", "petitioner"});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().file == "in.xml");
    CHECK(e.message().find("<date> is printed in a portion of a classified filing") !=
          std::string::npos);
    CHECK(e.message().find("class=\"U\" or higher") != std::string::npos);
  }
}
