// What fiscgen prints about bad values: escaped, short, located where the value was given, and
// readable (issue 16, "Messages").
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

std::string letter() {
  return (examples / "letter.xml").string();
}

/// The sample letter with `from` replaced by `to`, written into `dir`.
std::filesystem::path letter_with(const e2e::TempDir& dir, const std::string& from,
                                  const std::string& to) {
  std::string text = e2e::read_file(examples / "letter.xml");
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  const auto file = dir / "letter.xml";
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

/// No byte a terminal would act on: only newlines end lines, and no escape, bell or C1 control.
bool terminal_safe(const std::string& text) {
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && byte != '\n') || byte == 0x7F;
  });
}

}  // namespace

TEST_CASE("values from a CSV, --set, a file name or a typed option reach the terminal escaped") {
  e2e::TempDir dir;
  const auto csv = dir / "rows.csv";
  std::ofstream(csv, std::ios::binary) << "date,subject\n2013\x1B[2J-07-16,a\n2013-07-16,b\x07\n";
  const auto merged =
      e2e::fiscgen({"render", letter(), "--data", csv.string(), "-o", (dir / "out").string()});
  CHECK(merged.status == 1);
  CHECK(terminal_safe(merged.err));
  CHECK(merged.err.find("\\x1B[2J") != std::string::npos);

  const auto set = e2e::fiscgen(
      {"render", letter(), "--set", "subject=\x1B]0;owned\x07", "-o", (dir / "x.pdf").string()});
  CHECK(set.status == 1);
  CHECK(terminal_safe(set.err));
  CHECK(set.err.find("\\x1B]0;owned\\x07") != std::string::npos);

  const auto typed = e2e::fiscgen({"render", letter(), "--\x1B[31mred"});
  CHECK(typed.status >= 2);
  CHECK(terminal_safe(typed.err));

  const auto named = dir / "\x1B[31m.xml";
  std::ofstream(named) << "<letter>";
  const auto file = e2e::fiscgen({"render", named.string()});
  CHECK(file.status == 1);
  CHECK(terminal_safe(file.err));
}

TEST_CASE("a message quotes at most a short excerpt of document text") {
  e2e::TempDir dir;
  const auto input =
      letter_with(dir, "<date>2013-07-16</date>", "<date>" + std::string(5000, 'x') + "</date>");
  const auto run = e2e::fiscgen({"render", input.string(), "-o", (dir / "x.pdf").string()});
  CHECK(run.status == 1);
  CHECK(run.err.find("\"" + std::string(60, 'x') + "…\" is not a date") != std::string::npos);
  CHECK(run.err.size() < 300);
}

TEST_CASE("on a terminal, a long line is quoted near its column only, escaped, caret under it") {
  e2e::TempDir dir;
  // One line of 100,000 characters with a bad entity at its end.
  const auto input = dir / "long.xml";
  std::ofstream(input) << "<letter><p>" << std::string(100000, 'a') << "\x01&bad;</p></letter>";
  const auto terminal = e2e::run(
      {"env", "NO_COLOR=1", "script", "-qec",
       "'" + std::string(FISCGEN_BINARY) + "' check '" + input.string() + "'", "/dev/null"});
  CHECK(terminal.status == 1);
  CHECK(terminal.out.size() < 600);
  CHECK(terminal.out.find("\\x01") != std::string::npos);
}

TEST_CASE("a NUL byte is reported on its own line, not where the parser stopped") {
  e2e::TempDir dir;
  const auto input = dir / "nul.xml";
  std::ofstream(input, std::ios::binary)
      << "<letter template=\"attorney-general\">\n<date>2013-07-16</date>\n<a/>\n<a/>\n<a/>\n"
      << "<subject>x" << '\0' << "y</subject>\n</letter>\n";
  const auto run = e2e::fiscgen({"check", input.string()});
  CHECK(run.status == 1);
  CHECK(run.err.find(input.string() + ":6:11: a NUL byte (U+0000)") != std::string::npos);
}

TEST_CASE("an unknown rules profile is located at the attribute that names it") {
  e2e::TempDir dir;
  const auto input =
      letter_with(dir, "locale=\"en_US\"", "locale=\"en_US\" rules=\"../../etc/passwd\"");
  const auto run = e2e::fiscgen({"render", input.string(), "-o", (dir / "x.pdf").string()});
  CHECK(run.status == 1);
  CHECK(run.err.find(input.string() + ":4:52: unknown rules profile \"../../etc/passwd\"; known "
                                      "profiles: ") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.pdf"));
}

TEST_CASE("root and an empty name are not locales to write in: refused, listing the available") {
  e2e::TempDir dir;
  const auto root =
      e2e::fiscgen({"render", letter(), "--locale", "root", "-o", (dir / "x.pdf").string()});
  CHECK(root.status == 1);
  CHECK(root.err ==
        "error: --locale: \"root\" (ICU's fallback) is not a language to write a document in; "
        "available: de, en, en_GB, es, fr\n");
  const auto empty =
      e2e::fiscgen({"render", letter(), "--locale", "", "-o", (dir / "x.pdf").string()});
  CHECK(empty.status >= 2);
  CHECK(empty.err.find("--locale: expected a locale") != std::string::npos);
  const auto attribute =
      e2e::fiscgen({"render", letter_with(dir, "locale=\"en_US\"", "locale=\"ROOT\"").string(),
                    "-o", (dir / "x.pdf").string()});
  CHECK(attribute.status == 1);
  CHECK(attribute.err.find("letter.xml:4:37: \"ROOT\" (ICU's fallback) is not a language") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.pdf"));
}

TEST_CASE("--jobs and SOURCE_DATE_EPOCH out of range say what is expected") {
  e2e::TempDir dir;
  for (const char* jobs : {"0", "-1", "1.5", "x", "100000"}) {
    const auto run =
        e2e::fiscgen({"batch", examples.string(), "-o", dir.path().string(), "--jobs", jobs});
    CHECK(run.status >= 2);
    CHECK_MESSAGE(run.err.find("--jobs: expected a whole number of documents rendered at once, "
                               "from 1 to 256") != std::string::npos,
                  run.err);
  }
  for (const char* epoch : {"1e20", "99999999999999999999", "-5", "253402300800", " 1"}) {
    const auto run = e2e::run({"env", std::string("SOURCE_DATE_EPOCH=") + epoch, FISCGEN_BINARY,
                               "render", letter(), "-o", (dir / "x.pdf").string()});
    CHECK(run.status == 1);
    CHECK_MESSAGE(run.err.find("\": expected a whole number of seconds since 1970-01-01 UTC, "
                               "from 0 to 253402300799") != std::string::npos,
                  run.err);
  }
  const auto last = e2e::run({"env", "SOURCE_DATE_EPOCH=253402300799", FISCGEN_BINARY, "render",
                              letter(), "-o", (dir / "x.pdf").string()});
  CHECK(last.status == 0);
  CHECK(e2e::pdf_info(dir / "x.pdf", "CreationDate").find("9999") != std::string::npos);
}

TEST_CASE("--set of text over an element's elements blames the --set") {
  const auto run = e2e::fiscgen({"render", letter(), "--emit", "tree", "--set", "body=<p>x</p>"});
  CHECK(run.status == 1);
  CHECK(run.err ==
        "error: --set body=…: <body> holds elements (<p>…), and --set gives only text: set one "
        "of them instead, such as body/p[1]=…\n");
}
