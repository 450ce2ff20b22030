// The command line as people really type it: global options after the command, typos in a
// command or an option, and `new` for every kind of input there is a form for.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <pugixml.hpp>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

/// Fills every required field of a `fiscgen new` skeleton with the example its comment gives
/// ("required: … Example: X"), as a user following the comments would.
void fill_required(pugi::xml_node parent) {
  for (auto node = parent.first_child(); node; node = node.next_sibling()) {
    if (node.type() == pugi::node_element) {
      fill_required(node);
      continue;
    }
    if (node.type() != pugi::node_comment) continue;
    std::string comment = node.value();
    const bool attribute = comment.rfind(" @", 0) == 0;
    if (comment.find("required: ") == std::string::npos) continue;
    const auto example_at = comment.find("Example: ");
    REQUIRE_MESSAGE(example_at != std::string::npos,
                    "a required field without an example: ", comment);
    auto example = comment.substr(example_at + 9);
    while (!example.empty() && example.back() == ' ') example.pop_back();
    for (std::size_t at; (at = example.find("- -")) != std::string::npos;)
      example.replace(at, 3, "--");
    auto field = node.next_sibling();
    while (field && field.type() != pugi::node_element) field = field.next_sibling();
    REQUIRE_MESSAGE(field, comment);
    if (attribute) {
      const auto name = comment.substr(2, comment.find(' ', 2) - 2);
      field.attribute(name.c_str()).set_value(example.c_str());
    } else if (example.find('<') != std::string::npos) {
      field.remove_children();
      REQUIRE(field.append_buffer(example.data(), example.size()));
    } else {
      field.text().set(example.c_str());
    }
  }
}

}  // namespace

TEST_CASE("cli: global options work after the command as before it") {
  e2e::TempDir dir;
  const auto pdf = dir / "letter.pdf";
  const auto verbose =
      e2e::fiscgen({"render", (examples / "letter.xml").string(), "-o", pdf.string(), "-v"});
  REQUIRE_MESSAGE(verbose.status == 0, verbose.err);
  CHECK(verbose.err.find("rendered " + pdf.string()) != std::string::npos);

  // A firm's folder named after the command is searched: its form is listed.
  const auto firm = dir / "firm";
  std::filesystem::create_directories(firm / "forms" / "firm");
  std::filesystem::create_directories(firm / "letters");
  std::filesystem::copy_file(
      std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms" / "fisc" / "response.xml",
      firm / "forms" / "firm" / "reply.xml");
  const auto forms = e2e::fiscgen({"forms", "--templates", firm.string()});
  REQUIRE_MESSAGE(forms.status == 0, forms.err);
  CHECK(forms.out.find("firm/reply") != std::string::npos);
  const auto rendered = e2e::fiscgen({"render", (examples / "letter.xml").string(), "-o",
                                      pdf.string(), "--templates", firm.string(), "--quiet"});
  CHECK_MESSAGE(rendered.status == 0, rendered.err);
  CHECK(rendered.err.empty());
}

TEST_CASE("cli: a mistyped command or option gets the nearest declared names") {
  const auto letter = (examples / "letter.xml").string();
  const auto command = e2e::fiscgen({"rendr", letter});
  CHECK(command.status >= 2);
  CHECK(command.err.find("unknown command \"rendr\"; did you mean render?") != std::string::npos);
  CHECK(e2e::fiscgen({"chekc", letter}).err.find("did you mean check?") != std::string::npos);

  const auto option = e2e::fiscgen({"render", letter, "--pubic"});
  CHECK(option.status >= 2);
  CHECK(option.err.find("unknown option \"--pubic\"; did you mean --public?") != std::string::npos);
  CHECK(option.err.find("fiscgen render --help") != std::string::npos);
  // A global option is a candidate after the command too; a value after = is not part of it.
  CHECK(e2e::fiscgen({"render", letter, "--verbsoe"}).err.find("did you mean --verbose?") !=
        std::string::npos);
  CHECK(e2e::fiscgen({"render", letter, "--loacle=fr"}).err.find("did you mean --locale?") !=
        std::string::npos);

  // Nothing close: no guess, and no guess from one letter.
  const auto far = e2e::fiscgen({"render", letter, "--colour"});
  CHECK(far.status >= 2);
  CHECK(far.err.find("unknown option \"--colour\"") != std::string::npos);
  CHECK(far.err.find("did you mean") == std::string::npos);
  CHECK(e2e::fiscgen({"render", letter, "-x"}).err.find("did you mean") == std::string::npos);
  CHECK(e2e::fiscgen({"xyzzy"}).err.find("did you mean") == std::string::npos);
}

TEST_CASE("cli: new writes, for every kind it offers, an input that checks and renders") {
  const auto unknown = e2e::fiscgen({"new", "memorandum"});
  CHECK(unknown.status == 1);
  const std::string lead = "the kinds are: ";
  const auto at = unknown.err.find(lead);
  REQUIRE_MESSAGE(at != std::string::npos, unknown.err);
  std::vector<std::string> kinds;
  std::string list = unknown.err.substr(at + lead.size());
  list = list.substr(0, list.find('\n'));
  for (std::size_t from = 0; from < list.size();) {
    const auto comma = list.find(", ", from);
    kinds.push_back(list.substr(from, comma - from));
    from = comma == std::string::npos ? list.size() : comma + 2;
  }
  for (const char* expected : {"brief", "letter", "motion", "response"})
    CHECK(std::find(kinds.begin(), kinds.end(), expected) != kinds.end());

  e2e::TempDir dir;
  for (const auto& kind : kinds) {
    INFO(kind);
    const auto input = dir / (kind + ".xml");
    const auto made = e2e::fiscgen({"new", kind, "-o", input.string()});
    REQUIRE_MESSAGE(made.status == 0, made.err);
    pugi::xml_document xml;
    REQUIRE(xml.load_file(input.c_str(), pugi::parse_default | pugi::parse_comments));
    CHECK(std::string(xml.document_element().name()) == kind);
    fill_required(xml.document_element());
    REQUIRE(xml.save_file(input.c_str()));

    const auto checked = e2e::fiscgen({"check", input.string()});
    CHECK_MESSAGE(checked.status == 0, checked.err);
    const auto pdf = dir / (kind + ".pdf");
    const auto rendered = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
    CHECK_MESSAGE(rendered.status == 0, rendered.err);
    CHECK(e2e::pdf_pages(pdf) >= 1);
  }
}
