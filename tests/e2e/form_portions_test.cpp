// Portion marks on what a form writes (32 C.F.R. § 2001.21(c)): in a classified petition the
// opening sentence and the "Relief Requested" heading the form writes are marked from the
// fields they print, an unmarked field printed there is refused at its line, and --public
// redacts a form paragraph marked above (U). An unclassified petition is as before.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>

#include "tools.hpp"

namespace {

namespace fs = std::filesystem;
const fs::path examples = fs::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

/// One line of text, white space collapsed, so a sentence broken over lines reads whole.
std::string flat(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(\s+)"), " ");
}

void replace(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
}

/// examples/petition-production.xml classified TOP SECRET: every portion the input writes marked
/// (U), the fields the opening sentence prints marked (U) but <challenged>, marked `challenged`
/// (no class= when empty), and the petitioner's name in French.
std::string top_secret_petition(const std::string& challenged) {
  auto input = e2e::read_file(examples / "petition-production.xml");
  for (const std::string portion : {"p", "heading", "title"}) {
    const std::string open = "<" + portion + ">";
    for (auto at = input.find(open); at != std::string::npos; at = input.find(open, at))
      input.replace(at, open.size(), "<" + portion + " class=\"U\">");
  }
  replace(input, "<petitioner>Cascade Software Corporation</petitioner>",
          "<petitioner class=\"U\">Société Générale de Télécommunications Ltée</petitioner>");
  replace(input, "<challenged>the order requiring it",
          "<challenged>the order naming the account of Nguyễn Thị Minh Khai and requiring it");
  if (!challenged.empty())
    replace(input, "<challenged>", "<challenged class=\"" + challenged + "\">");
  replace(input, "<date>", "<classification>TOP SECRET</classification>\n  <date class=\"U\">");
  return input;
}

struct Rendered {
  e2e::Run run;
  std::string text;
};

Rendered render(const e2e::TempDir& dir, const std::string& input,
                std::vector<std::string> extra = {}) {
  const auto file = dir / "petition.xml";
  std::ofstream(file) << input;
  const auto pdf = dir / "petition.pdf";
  std::vector<std::string> args{"render", file.string(), "-o", pdf.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  auto run = e2e::fiscgen(args);
  return {run, run.status == 0 ? flat(e2e::pdf_text(pdf)) : std::string()};
}

const std::string opening = "Société Générale de Télécommunications Ltée respectfully petitions";

}  // namespace

TEST_CASE("form portions: a TOP SECRET petition's opening sentence is marked as its field is") {
  e2e::TempDir dir;
  const auto unclassified = render(dir, top_secret_petition("U"));
  INFO(unclassified.run.err);
  REQUIRE(unclassified.run.status == 0);
  CHECK(unclassified.text.find("(U) " + opening) != std::string::npos);
  CHECK(unclassified.text.find("(U) Relief Requested") != std::string::npos);
  CHECK(unclassified.text.find("Nguyễn Thị Minh Khai") != std::string::npos);

  const auto secret = render(dir, top_secret_petition("S"));
  INFO(secret.run.err);
  REQUIRE(secret.run.status == 0);
  CHECK(secret.text.find("(S) " + opening) != std::string::npos);
  CHECK(secret.text.find("(U) Relief Requested") != std::string::npos);
  CHECK(secret.text.find("TOP SECRET") != std::string::npos);
}

TEST_CASE("form portions: --public redacts the form's paragraph that prints a SECRET field") {
  e2e::TempDir dir;
  const auto input = top_secret_petition("S");
  const auto rendered = render(dir, input, {"--public"});
  INFO(rendered.run.err);
  REQUIRE(rendered.run.status == 0);
  CHECK(rendered.text.find("Nguyễn") == std::string::npos);
  CHECK(rendered.text.find(opening) == std::string::npos);
  CHECK(rendered.text.find("[Redacted]") != std::string::npos);
  CHECK(rendered.text.find("(U) Relief Requested") != std::string::npos);
}

TEST_CASE("form portions: a field printed unmarked in a classified petition is refused at it") {
  e2e::TempDir dir;
  const auto input = top_secret_petition("");
  std::ofstream(dir / "petition.xml") << input;
  // The line of <challenged> in the input: 1-based.
  const auto line = 1 + std::count(input.begin(), input.begin() + input.find("<challenged>"), '\n');
  const std::string where = (dir / "petition.xml").string() + ":" + std::to_string(line) + ":3: ";
  for (const char* command : {"check", "render"}) {
    CAPTURE(command);
    std::vector<std::string> args{command, (dir / "petition.xml").string()};
    if (std::string(command) == "render") {
      args.push_back("-o");
      args.push_back((dir / "petition.pdf").string());
    }
    const auto run = e2e::fiscgen(args);
    CHECK(run.status != 0);
    CHECK(run.err.find(where + "<challenged> is printed in a portion of a classified filing") !=
          std::string::npos);
    CHECK(run.err.find("class=\"U\" or higher") != std::string::npos);
  }
  CHECK(!fs::exists(dir / "petition.pdf"));
}

TEST_CASE("form portions: an unclassified petition prints no mark") {
  e2e::TempDir dir;
  const auto rendered = render(dir, e2e::read_file(examples / "petition-production.xml"));
  INFO(rendered.run.err);
  REQUIRE(rendered.run.status == 0);
  CHECK(rendered.text.find("Cascade Software Corporation respectfully petitions") !=
        std::string::npos);
  CHECK(rendered.text.find("(U)") == std::string::npos);
}

TEST_CASE(
    "form portions: a declaration's numbered paragraph keeps its statement's mark, and "
    "--public withholds a SECRET one") {
  e2e::TempDir dir;
  auto input = e2e::read_file(examples / "declaration.xml");
  for (const std::string field : {"title", "declarant", "declarant-title", "date", "p"}) {
    const std::string open = "<" + field + ">";
    for (auto at = input.find(open); at != std::string::npos; at = input.find(open, at))
      input.replace(at, open.size(), "<" + field + " class=\"U\">");
  }
  replace(input, "<p class=\"U\">I am the Director", "<p class=\"S\">I am the Director");
  replace(input, "<executed ", "<executed class=\"U\" ");
  replace(input, "<date ", "<classification>SECRET</classification>\n  <date ");
  const auto exhibits = std::vector<std::string>{"--exhibits", examples.string()};
  const auto classified = render(dir, input, exhibits);
  INFO(classified.run.err);
  REQUIRE(classified.run.status == 0);
  CHECK(classified.text.find("(S) 1. I am the Director") != std::string::npos);
  CHECK(classified.text.find("(U) 2. Cascade keeps a log") != std::string::npos);
  CHECK(classified.text.find("(U) I, Ana Lucía Pérez, declare") != std::string::npos);
  auto public_args = exhibits;
  public_args.push_back("--public");
  const auto shown = render(dir, input, public_args);
  INFO(shown.run.err);
  REQUIRE(shown.run.status == 0);
  CHECK(shown.text.find("I am the Director") == std::string::npos);
  CHECK(shown.text.find("[Redacted]") != std::string::npos);
  CHECK(shown.text.find("(U) 2. Cascade keeps a log") != std::string::npos);
}
