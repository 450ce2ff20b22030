// Classification markings: a motion whose paragraphs are marked TS//SI//NF carries the CAPCO
// banner at the top and the bottom of every page, and each paragraph its portion mark.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(" \f\t\r") != std::string::npos) lines.push_back(line);
  return lines;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a TS//SI//NF motion has its banner at the top and bottom of every page") {
  e2e::TempDir dir;
  std::string input = e2e::read_file(examples / "motion.xml");
  std::size_t marked = 0;
  for (auto at = input.find("<p>"); at != std::string::npos; at = input.find("<p>", at)) {
    input.replace(at, 3, "<p class=\"TS//SI//NF\">");
    ++marked;
  }
  REQUIRE(marked > 5);
  std::ofstream(dir / "motion.xml") << input;
  const auto pdf = dir / "motion.pdf";
  const auto run = e2e::fiscgen({"render", (dir / "motion.xml").string(), "-o", pdf.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  const int pages = e2e::pdf_pages(pdf);
  REQUIRE(pages > 3);
  const std::string banner = "TOP SECRET//SI//NOFORN";
  for (int p = 1; p <= pages; ++p) {
    CAPTURE(p);
    const auto lines = lines_of(e2e::pdf_text(pdf, p));
    REQUIRE(lines.size() > 3);
    CHECK(lines.front() == banner);
    // At the foot: the banner and the page number, in either order.
    const auto& last = lines[lines.size() - 1];
    const auto& before = lines[lines.size() - 2];
    CHECK((last == banner || before == banner));
    CHECK((last == std::to_string(p) || before == std::to_string(p)));
  }
  const std::string text = e2e::pdf_text(pdf);
  // Marks never break inside; a <p> a template prints outside the body may not be copied.
  CHECK(count(text, "(TS//SI//NF)") >= marked - 2);
  CHECK(count(text, banner) == 2 * static_cast<std::size_t>(pages));
  CHECK(text.find("(TS//SI//NF) Cascade Software Corporation") != std::string::npos);
}

TEST_CASE("an unmarked motion has no banner") {
  e2e::TempDir dir;
  const auto pdf = dir / "motion.pdf";
  const auto run = e2e::fiscgen({"render", (examples / "motion.xml").string(), "-o", pdf.string()});
  REQUIRE(run.status == 0);
  const std::string text = e2e::pdf_text(pdf);
  CHECK(text.find("SECRET") == std::string::npos);
  CHECK(text.find("UNCLASSIFIED") == std::string::npos);
  CHECK(text.find("(U)") == std::string::npos);
}
