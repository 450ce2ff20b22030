// Fuzz target: template XPath. The input is one expression, put into a minimal template as
// <t:value select>, <t:if test>, an attribute value "{…}" (when it holds no brace),
// <t:for-each select> (evaluated again for each item) and <t:copy select>, in that order (the
// last two need a node-set: an error there comes after the others ran); the
// template is read (its XPath checked for cost, xpath_cost.hpp) and merged with a small input
// in a data folder of the target's own (forms/ with the real fisc-2010 rules).
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "../temp_dir.hpp"
#include "base/data_paths.hpp"
#include "doc/document.hpp"
#include "fuzz.hpp"
#include "i18n/i18n.hpp"
#include "input/input.hpp"
#include "template/template.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* input_text =
    "<motion form=\"fuzz\">\n"
    "  <docket>13-01</docket>\n"
    "  <list><item n=\"1\">one</item><item n=\"2\">two <em>bold</em></item><item/></list>\n"
    "  <body><p>x</p><p>y <em>z</em></p></body>\n"
    "  <count>3</count><date>2013-07-16</date>\n"
    "</motion>\n";

struct Setup {
  test_support::TempDir dir;
  fiscgen::DataPaths paths;
  fs::path form;

  Setup() {
    fiscgen::i18n::initialise();
    const fs::path source = FISCGEN_SOURCE_DATA_DIR;
    fs::create_directories(dir / "forms/rules");
    fs::create_directories(dir / "letters");
    fs::copy_file(source / "forms/rules/fisc-2010.xml", dir / "forms/rules/fisc-2010.xml");
    paths = fiscgen::DataPaths::discover();
    paths.forms = dir / "forms";
    paths.letters = dir / "letters";
    form = dir / "forms/fuzz.xml";
  }
};

/// `text` as the value of an attribute in double quotes, its white space kept.
std::string escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Setup setup;
  const std::string_view expression(reinterpret_cast<const char*>(data), size);
  const auto xpath = escaped(expression);
  const bool no_braces = expression.find_first_of("{}") == std::string_view::npos;
  {
    std::ofstream out(setup.form, std::ios::binary | std::ios::trunc);
    out << "<t:template xmlns:t=\"urn:fiscgen:template\" kind=\"motion\" rules=\"fisc-2010\">\n"
        << "<document>\n"
        << "<paragraph><t:value select=\"" << xpath << "\"/></paragraph>\n"
        << "<t:if test=\"" << xpath << "\"><paragraph>yes</paragraph></t:if>\n"
        << (no_braces ? "<paragraph><a href=\"{" + xpath + "}\">l</a></paragraph>\n" : "")
        << "<t:for-each select=\"" << xpath << "\"><paragraph><t:value select=\"" << xpath
        << "\"/> <t:value select=\"position()\"/></paragraph></t:for-each>\n"
        << "<t:copy select=\"" << xpath << "\"/>\n"
        << "</document></t:template>\n";
  }
  fiscgen::input::Matter matter;
  fiscgen::Warnings warnings;
  try {
    fiscgen::input::read_text(matter, "fuzz.xml", input_text);
    const auto document = fiscgen::templ::merge(matter, {setup.paths, &warnings, nullptr});
    (void)fiscgen::doc::to_xml(document);
  } catch (const fiscgen::Error& error) {
    (void)error.describe();
  }
  return 0;
}
