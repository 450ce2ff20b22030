// Everyday use: live preview with --watch, diagnostics that quote the line on a terminal, doctor.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

/// Waits up to `seconds` for `ready` to hold.
template <typename Ready>
bool eventually(Ready ready, int seconds = 20) {
  for (int i = 0; i < seconds * 20; ++i) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

}  // namespace

TEST_CASE("--watch renders again when the input changes, and keeps the last good PDF on error") {
  e2e::TempDir dir;
  const auto input = dir / "letter.xml";
  const auto pdf = dir / "letter.pdf";
  const auto log = dir / "watch.log";
  std::filesystem::copy_file(examples / "letter.xml", input);
  const std::string command = quoted(FISCGEN_BINARY) + " render " + quoted(input.string()) +
                              " -o " + quoted(pdf.string()) + " --watch >" + quoted(log.string()) +
                              " 2>&1 & echo $!";
  FILE* started = popen(command.c_str(), "r");
  REQUIRE(started);
  int pid = 0;
  REQUIRE(std::fscanf(started, "%d", &pid) == 1);
  pclose(started);

  CHECK(eventually([&] { return std::filesystem::exists(pdf); }));
  CHECK(eventually([&] { return e2e::read_file(log).find("rendered ") != std::string::npos; }));
  CHECK(e2e::pdf_text(pdf).find("July 16, 2013") != std::string::npos);

  // An editor saves a new date: a new PDF follows.
  auto text = e2e::read_file(input);
  text.replace(text.find("2013-07-16"), 10, "2013-08-01");
  std::ofstream(dir / "letter.xml.new") << text;
  std::filesystem::rename(dir / "letter.xml.new", input);
  CHECK(eventually([&] { return e2e::pdf_text(pdf).find("August 1, 2013") != std::string::npos; }));

  // A broken save is reported; the last good PDF stays.
  std::ofstream(input) << "<letter template=\"attorney-general\"><date>";
  CHECK(eventually([&] { return e2e::read_file(log).find("error: ") != std::string::npos; }));
  CHECK(e2e::pdf_text(pdf).find("August 1, 2013") != std::string::npos);
  CHECK(e2e::run({"kill", std::to_string(pid)}).status == 0);
}

TEST_CASE("on a terminal an error quotes its line with a caret: colour only without NO_COLOR") {
  e2e::TempDir dir;
  const auto input = dir / "bad.xml";
  std::ofstream(input)
      << "<letter template=\"attorney-general\">\n  <date>2013-02-30</date>\n</letter>\n";
  const std::string check = quoted(FISCGEN_BINARY) + " check " + quoted(input.string());
  const auto terminal = e2e::run({"script", "-qec", check, "/dev/null"});
  CHECK(terminal.status == 1);
  CHECK(terminal.out.find("  <date>2013-02-30</date>") != std::string::npos);
  CHECK(terminal.out.find("\n    ") != std::string::npos);  // the caret line, under column 3
  CHECK(terminal.out.find("\033[1;31merror:") != std::string::npos);

  const auto plain = e2e::run({"env", "NO_COLOR=1", "script", "-qec", check, "/dev/null"});
  CHECK(plain.out.find("\033[") == std::string::npos);
  CHECK(plain.out.find("error: ") != std::string::npos);

  const auto piped = e2e::fiscgen({"check", input.string()});  // not a terminal: no quoting
  CHECK(piped.err.find("  <date>") == std::string::npos);
  CHECK(piped.err.find(input.string() + ":2:3: 2013-02-30 is not a date") != std::string::npos);
}

TEST_CASE("doctor reports what it found and fails, naming the gap, when data is missing") {
  const auto found = e2e::fiscgen({"doctor"});
  CHECK(found.status == 0);
  CHECK(found.out.find("Liberation Serif bold italic") != std::string::npos);
  CHECK(found.out.find("ICU: 72") != std::string::npos);
  e2e::TempDir empty;
  const auto missing = e2e::fiscgen({"--data-dir", empty.path().string(), "doctor"});
  CHECK(missing.status == 1);
  CHECK(missing.out.find("MISSING  forms") != std::string::npos);
}

TEST_CASE("--quiet silences warnings: --verbose says what was read") {
  e2e::TempDir dir;
  const auto verbose = e2e::fiscgen(
      {"--verbose", "render", (examples / "letter.xml").string(), "-o", (dir / "l.pdf").string()});
  CHECK(verbose.status == 0);
  CHECK(verbose.err.find("read ") != std::string::npos);
  CHECK(verbose.err.find("letters/parts/letter.xml") != std::string::npos);
  CHECK(verbose.err.find("rendered ") != std::string::npos);

  const auto input = dir / "greek.xml";
  auto text = e2e::read_file(examples / "letter.xml");
  text.replace(text.find("I write"), 7, "\u2200 I write");  // ∀: only in the fallback font
  std::ofstream(input) << text;
  const auto warned = e2e::fiscgen({"render", input.string(), "-o", (dir / "g.pdf").string()});
  CHECK(warned.status == 0);
  CHECK(warned.err.find("warning: ") != std::string::npos);
  const auto quiet = e2e::fiscgen({"-q", "render", input.string(), "-o", (dir / "q.pdf").string()});
  CHECK(quiet.status == 0);
  CHECK(quiet.err == "");
}

TEST_CASE("--templates: a firm's own letterhead replaces ours: its own forms are listed") {
  e2e::TempDir firm;
  std::filesystem::create_directories(firm / "letters");
  std::filesystem::create_directories(firm / "forms" / "firm");
  const std::filesystem::path source = FISCGEN_SOURCE_DATA_DIR;
  auto letterhead = e2e::read_file(source / "letters" / "letterhead.xml");
  const std::string organization = "<t:value select=\"from/organization\"/>";
  letterhead.replace(letterhead.find(organization), organization.size(),
                     "Hart &amp; Partners for " + organization);
  std::ofstream(firm / "letters" / "letterhead.xml") << letterhead;
  std::ofstream(firm / "forms" / "firm" / "memo.xml")
      << "<t:template xmlns:t=\"urn:fiscgen:template\" kind=\"motion\" rules=\"fisc-2010\" "
         "description=\"The firm's memo\"><document><paragraph>memo</paragraph></document>"
         "</t:template>";

  e2e::TempDir dir;
  const auto pdf = dir / "letter.pdf";
  const auto run = e2e::fiscgen({"--templates", firm.path().string(), "render",
                                 (examples / "letter.xml").string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(e2e::pdf_text(pdf).find("Hart & Partners for Cascade Software Corporation") !=
        std::string::npos);
  const auto ours = e2e::fiscgen(
      {"render", (examples / "letter.xml").string(), "-o", (dir / "ours.pdf").string()});
  CHECK(e2e::pdf_text(dir / "ours.pdf").find("Hart & Partners") == std::string::npos);

  const auto listed = e2e::fiscgen({"--templates", firm.path().string(), "forms"});
  CHECK(listed.out.find("firm/memo") != std::string::npos);
  CHECK(listed.out.find("fisc/motion") != std::string::npos);
}
