// Bad input: a clear message with file:line:col, a non-zero exit, and no file left behind.
#include <doctest/doctest.h>

#include <algorithm>

#include <fstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

std::filesystem::path write(const e2e::TempDir& dir, const std::string& name,
                            const std::string& text) {
  const auto file = dir / name;
  std::ofstream(file) << text;
  return file;
}

/// Only the inputs themselves remain in `dir`: no PDF, no temporary file.
void check_nothing_written(const e2e::TempDir& dir, std::size_t inputs) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    INFO("left behind: " << entry.path().filename().string());
    CHECK(entry.path().extension() == ".xml");
    ++files;
  }
  CHECK(files == inputs);
}

}  // namespace

TEST_CASE("malformed XML is reported at its line and column, and nothing is written") {
  e2e::TempDir dir;
  const auto input = write(dir, "broken.xml",
                           "<letter template=\"attorney-general\" locale=\"en_US\">\n"
                           "  <date>2013-07-16</date>\n"
                           "  <body><p>Unclosed paragraph</body>\n"
                           "</letter>\n");
  const auto run = e2e::fiscgen({"render", input.string(), "-o", (dir / "out.pdf").string()});
  CHECK(run.status == 1);
  CHECK(run.err.find("broken.xml:3:") != std::string::npos);
  CHECK(run.err.rfind("error: ", 0) == 0);
  check_nothing_written(dir, 1);
}

TEST_CASE("characters no installed font has are all listed at once, each where it is") {
  e2e::TempDir dir;
  std::string text = e2e::read_file(examples / "letter.xml");
  const auto body = text.find("<body>");
  REQUIRE(body != std::string::npos);
  // U+0378 and U+0379 are unassigned: no font has them, whatever is installed.
  text.insert(body + 6, "\n<p>Signed \u0378.</p>\n<p>Also \u0379 and \u0378 again.</p>");
  const auto input = write(dir, "glyph.xml", text);
  const auto render = e2e::fiscgen({"render", input.string(), "-o", (dir / "out.pdf").string()});
  CHECK(render.status == 1);
  CHECK(render.err.find("U+0378") != std::string::npos);
  CHECK(render.err.find("U+0379") != std::string::npos);
  // Each at its own line and column: "<p>Signed " is ten characters, "<p>Also " eight, and
  // "<p>Also ͹ and " fourteen.
  const int body_line = static_cast<int>(std::count(text.begin(), text.begin() + body, '\n')) + 1;
  const auto at = [&](int line, int column) {
    return "glyph.xml:" + std::to_string(body_line + line) + ":" + std::to_string(column) +
           ": the character U+";
  };
  CHECK(render.err.find(at(1, 11) + "0378") != std::string::npos);
  CHECK(render.err.find(at(2, 9) + "0379") != std::string::npos);
  CHECK(render.err.find(at(2, 15) + "0378") != std::string::npos);
  check_nothing_written(dir, 1);
  // One the template prints (the signer, in the letterhead and the signature) is found where
  // the input writes it, once.
  const auto name = text.find("<name>Eleanor");
  REQUIRE(name != std::string::npos);
  std::string signed_text = text;
  signed_text.insert(name + 6, "\u0378");
  const auto signer = write(dir, "signer.xml", signed_text);
  const auto signed_run =
      e2e::fiscgen({"render", signer.string(), "-o", (dir / "out.pdf").string()});
  const int name_line = static_cast<int>(std::count(text.begin(), text.begin() + name, '\n')) + 1;
  const int name_column = static_cast<int>(name - text.rfind('\n', name));
  CHECK_MESSAGE(signed_run.err.find("signer.xml:" + std::to_string(name_line) + ":" +
                                    std::to_string(name_column + 6) + ": the character U+0378") !=
                    std::string::npos,
                signed_run.err);
  // check refuses it too, with the same message.
  const auto check = e2e::fiscgen({"check", input.string()});
  CHECK(check.status == 1);
  CHECK(check.err.find(render.err.substr(0, render.err.find('\n'))) != std::string::npos);
}

TEST_CASE("a character the profile's fonts lack comes from an installed font that has it") {
  e2e::TempDir dir;
  std::string text = e2e::read_file(examples / "letter.xml");
  const auto body = text.find("<body>");
  REQUIRE(body != std::string::npos);
  text.insert(body + 6, "<p>Signed in 東京 by Kim 김민수 and 山田.</p>");
  const auto input = write(dir, "cjk.xml", text);
  const auto pdf = dir / "out.pdf";
  const auto run = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  // One warning naming the font drawn from, not one per character.
  const auto fonts = e2e::pdf_fonts(pdf);
  std::string borrowed;
  for (const auto& font : fonts)
    if (font.name.find("Liberation") == std::string::npos) borrowed = font.name;
  REQUIRE(!borrowed.empty());
  CHECK(run.err.find("U+6771") != std::string::npos);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') <= 2);
  const auto text_back = e2e::pdf_text(pdf);
  CHECK(text_back.find("東京") != std::string::npos);
  CHECK(text_back.find("김민수") != std::string::npos);
  CHECK(e2e::check_readers(pdf).empty());
}

TEST_CASE("an unknown form lists the known ones") {
  e2e::TempDir dir;
  std::string text = e2e::read_file(examples / "motion.xml");
  const auto form = text.find("form=\"fisc/motion\"");
  REQUIRE(form != std::string::npos);
  text.replace(form, 18, "form=\"fisc/motoin\"");
  const auto run = e2e::fiscgen({"render", write(dir, "typo.xml", text).string()});
  CHECK(run.status == 1);
  CHECK(run.err.find("fisc/motion") != std::string::npos);
  check_nothing_written(dir, 1);
}

TEST_CASE("an existing PDF is not clobbered when rendering fails") {
  e2e::TempDir dir;
  const auto output = dir / "keep.pdf";
  std::ofstream(output) << "previous good output";
  const auto input = write(
      dir, "bad.xml", "<letter template=\"attorney-general\"><date>2013-02-30</date></letter>");
  const auto run = e2e::fiscgen({"render", input.string(), "-o", output.string()});
  CHECK(run.status == 1);
  CHECK(e2e::read_file(output) == "previous good output");
}

TEST_CASE("--set and --emit tree: the merged tree shows the override") {
  const auto run = e2e::fiscgen(
      {"render", (examples / "letter.xml").string(), "--emit", "tree", "--set", "date=2014-01-02"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.out.rfind("<document", 0) == 0);
  CHECK(run.out.find("January 2, 2014") != std::string::npos);
  CHECK(run.out.find("July 16, 2013") == std::string::npos);
}

TEST_CASE("usage errors exit with 2 or more and say what is wrong") {
  const auto missing = e2e::fiscgen({"render", "/nonexistent/motion.xml"});
  CHECK(missing.status >= 2);
  CHECK(missing.err.find("/nonexistent/motion.xml") != std::string::npos);
  const auto emit = e2e::fiscgen({"render", (examples / "letter.xml").string(), "--emit", "png"});
  CHECK(emit.status >= 2);
}
