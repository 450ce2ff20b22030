// A firm's own data in a --templates folder (issue 15, "Firm overrides are applied, or
// refused"): a rules profile or a recipients directory there is the one read, as a form or
// letter there is; a profile only there is listed and usable.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>

#include "tools.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path source = FISCGEN_SOURCE_DATA_DIR;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

/// fisc-2010 as shipped, with a left margin of 1.5 inches and the name `name`.
std::string wide_fisc(const std::string& name = "fisc-2010") {
  auto text = e2e::read_file(source / "forms/rules/fisc-2010.xml");
  text = replace(text, "<margins top=\"72\" right=\"72\" bottom=\"72\" left=\"72\"/>",
                 "<margins top=\"72\" right=\"72\" bottom=\"72\" left=\"108\"/>");
  return replace(text, "<rules name=\"fisc-2010\"", "<rules name=\"" + name + "\"");
}

/// The smallest left edge of the words on a page, as pdftotext -bbox reads it.
double left_edge(const fs::path& pdf, int page) {
  const auto run = e2e::run({PDFTOTEXT, "-bbox", "-f", std::to_string(page), "-l",
                             std::to_string(page), pdf.string(), "-"});
  REQUIRE(run.status == 0);
  static const std::regex word(R"re(<word xMin="([\d.]+)")re");
  double least = 1e9;
  for (auto it = std::sregex_iterator(run.out.begin(), run.out.end(), word);
       it != std::sregex_iterator(); ++it)
    least = std::min(least, std::stod((*it)[1]));
  return least;
}

std::string full_name(const fs::path& file) {
  return fs::absolute(file).lexically_normal().string();
}

}  // namespace

TEST_CASE("overrides: a firm's fisc-2010 in --templates is the profile read: the margin moves") {
  e2e::TempDir firm, dir;
  const auto profile = firm / "forms/rules/fisc-2010.xml";
  write(profile, wide_fisc());
  const auto motion = (source / "examples/motion.xml").string();

  const auto ours = dir / "ours.pdf", theirs = dir / "theirs.pdf";
  REQUIRE(e2e::fiscgen({"render", motion, "-o", ours.string()}).status == 0);
  const auto run = e2e::fiscgen(
      {"--templates", firm.path().string(), "-v", "render", motion, "-o", theirs.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(left_edge(ours, 2) == doctest::Approx(72).epsilon(0.02));
  CHECK(left_edge(theirs, 2) == doctest::Approx(108).epsilon(0.02));
  // -v names the file read: the firm's, and not ours.
  CHECK_MESSAGE(run.err.find("read " + full_name(profile) + "\n") != std::string::npos, run.err);
  CHECK_MESSAGE(
      run.err.find("read " + full_name(source / "forms/rules/fisc-2010.xml")) == std::string::npos,
      run.err);
  // check measures under the same profile.
  const auto checked = e2e::fiscgen({"--templates", firm.path().string(), "-v", "check", motion});
  CHECK_MESSAGE(checked.status == 0, checked.err);
}

TEST_CASE("overrides: a profile only in --templates is listed, compared and used") {
  e2e::TempDir firm, dir;
  write(firm / "forms/rules/firm-wide.xml", wide_fisc("firm-wide"));
  const std::string templates = firm.path().string();

  const auto listed = e2e::fiscgen({"--templates", templates, "rules"});
  REQUIRE_MESSAGE(listed.status == 0, listed.err);
  CHECK(listed.out.find("firm-wide\tversion 1\t") != std::string::npos);
  CHECK(listed.out.find("fisc-2010\tversion 1\t") != std::string::npos);
  CHECK(e2e::fiscgen({"rules"}).out.find("firm-wide") == std::string::npos);

  const auto diff =
      e2e::fiscgen({"--templates", templates, "rules", "diff", "fisc-2010", "firm-wide"});
  REQUIRE_MESSAGE(diff.status == 0, diff.err);
  CHECK(diff.out.find("72 \u2192 108") != std::string::npos);

  const auto pdf = dir / "wide.pdf";
  const auto run =
      e2e::fiscgen({"--templates", templates, "render", (source / "examples/motion.xml").string(),
                    "--set", "@rules=firm-wide", "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(left_edge(pdf, 2) == doctest::Approx(108).epsilon(0.02));

  // Without the folder, the name is unknown, and the message lists what is known.
  const auto unknown = e2e::fiscgen({"render", (source / "examples/motion.xml").string(), "--set",
                                     "@rules=firm-wide", "-o", pdf.string()});
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("unknown rules profile \"firm-wide\"") != std::string::npos);
}

TEST_CASE("overrides: a firm's recipients directory is the one read") {
  e2e::TempDir firm, dir;
  write(firm / "letters/recipients.xml",
        replace(e2e::read_file(source / "letters/recipients.xml"),
                "<title>The Attorney General of the United States",
                "<title>The Acting Attorney General of the United States"));
  const auto pdf = dir / "letter.pdf";
  const auto run = e2e::fiscgen({"--templates", firm.path().string(), "render",
                                 (source / "examples/letter.xml").string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(e2e::pdf_text(pdf).find("The Acting Attorney General") != std::string::npos);
  const auto listed = e2e::fiscgen({"--templates", firm.path().string(), "recipients"});
  CHECK(listed.out.find("Acting Attorney General") != std::string::npos);
}
