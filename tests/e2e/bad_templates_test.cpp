// Bad templates, as a firm that keeps its own would write them: each fails with the exact
// message, its place, and exit code 1, and leaves no PDF.
#include <doctest/doctest.h>

#include <fstream>

#include "tools.hpp"

namespace {

const std::filesystem::path source = FISCGEN_SOURCE_DATA_DIR;

/// A data folder: the real rules and recipients, plus the templates a test writes.
struct DataDir {
  e2e::TempDir dir;
  DataDir() {
    std::filesystem::create_directories(dir / "forms" / "t");
    std::filesystem::copy(source / "forms" / "rules", dir / "forms" / "rules");
    std::filesystem::copy(source / "letters", dir / "letters");
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
  }
  e2e::Run render(const std::string& input) const {
    write("input.xml", input);
    return e2e::fiscgen({"--data-dir", dir.path().string(), "render", (dir / "input.xml").string(),
                         "-o", (dir / "out.pdf").string()});
  }
};

const char* const fragment_open = "<t:fragment xmlns:t=\"urn:fiscgen:template\">";
const char* const template_open =
    "<t:template xmlns:t=\"urn:fiscgen:template\" kind=\"motion\" rules=\"fisc-2010\">";

}  // namespace

TEST_CASE("an include cycle is refused where it closes") {
  DataDir data;
  data.write("forms/t/a.xml",
             std::string(fragment_open) + "\n<t:include src=\"t/b\"/></t:fragment>");
  data.write("forms/t/b.xml",
             std::string(fragment_open) + "\n\n<t:include src=\"t/a\"/></t:fragment>");
  data.write("forms/t/main.xml", std::string(template_open) +
                                     "<document><t:include src=\"t/a\"/></document></t:template>");
  const auto run = data.render("<motion form=\"t/main\"/>");
  CHECK(run.status == 1);
  CHECK(run.err ==
        "error: forms/t/b.xml:3:1: include cycle: forms/t/a.xml includes itself, through "
        "forms/t/b.xml\n");
  CHECK_FALSE(std::filesystem::exists(data.dir / "out.pdf"));
}

TEST_CASE("an include that leaves the template root is refused") {
  DataDir data;
  data.write("forms/t/main.xml",
             std::string(template_open) +
                 "<document>\n  <t:include src=\"../../etc/passwd\"/></document></t:template>");
  const auto run = data.render("<motion form=\"t/main\"/>");
  CHECK(run.status == 1);
  CHECK(run.err ==
        "error: forms/t/main.xml:2:3: include \"../../etc/passwd\" must be a name inside forms/, "
        "without \"..\" or a leading \"/\"\n");

  std::filesystem::create_directory_symlink(data.dir / "letters", data.dir / "forms" / "out");
  data.write("forms/t/link.xml",
             std::string(template_open) +
                 "<document><t:include src=\"out/letterhead\"/></document></t:template>");
  const auto link = data.render("<motion form=\"t/link\"/>");
  CHECK(link.status == 1);
  CHECK(link.err.find("include \"out/letterhead\" leads out of forms/ (a link?): refused") !=
        std::string::npos);
}

TEST_CASE("an unknown directive and an unknown element in the input are named where they are") {
  DataDir data;
  data.write("forms/t/main.xml", std::string(template_open) +
                                     "<document>\n<t:valeu select=\"x\"/></document></t:template>");
  const auto run = data.render("<motion form=\"t/main\"/>");
  CHECK(run.status == 1);
  CHECK(run.err.rfind("error: forms/t/main.xml:2:1: unknown directive <t:valeu>; expected", 0) ==
        0);

  data.write("forms/t/copy.xml", std::string(template_open) +
                                     "<document><t:copy select=\"body\"/></document></t:template>");
  const auto input =
      data.render("<motion form=\"t/copy\">\n<body><p>a</p>\n <para>b</para></body></motion>");
  CHECK(input.status == 1);
  CHECK(input.err.rfind("error: " + (data.dir / "input.xml").string() +
                            ":3:2: <para> is not allowed in <body>; expected section, heading, p",
                        0) == 0);
}

TEST_CASE("a style the rules profile lacks is refused at the element naming it") {
  DataDir data;
  data.write("forms/t/main.xml", std::string(template_open) +
                                     "<document>\n  <paragraph>Head</paragraph>\n"
                                     "  <paragraph style=\"tablehead\">Cell</paragraph>"
                                     "</document></t:template>");
  const auto run = data.render("<motion form=\"t/main\"/>");
  CHECK(run.status == 1);
  CHECK(run.err.find("error: forms/t/main.xml:3:3: style=\"tablehead\": rules profile "
                     "fisc-2010 has no such style; expected one of ") == 0);
  CHECK(run.err.find("body") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(data.dir / "out.pdf"));
  const auto checked = e2e::fiscgen(
      {"--data-dir", data.dir.path().string(), "check", (data.dir / "input.xml").string()});
  CHECK(checked.status == 1);
  CHECK(checked.err.find("forms/t/main.xml:3:3: style=\"tablehead\"") != std::string::npos);
}

TEST_CASE("a column width that is not a fraction is refused where it is written") {
  DataDir data;
  data.write("forms/t/main.xml",
             std::string(template_open) +
                 "<document>\n  <columns>\n    <column width=\"20%\"><paragraph>Left</paragraph>"
                 "</column>\n    <column><paragraph>Right</paragraph></column>\n  </columns>"
                 "</document></t:template>");
  const auto run = data.render("<motion form=\"t/main\"/>");
  CHECK(run.status == 1);
  CHECK(run.err ==
        "error: forms/t/main.xml:3:5: width=\"20%\": expected a fraction of the line's width, "
        "more than 0 and at most 1 (e.g. 0.2 for a fifth)\n");
  CHECK_FALSE(std::filesystem::exists(data.dir / "out.pdf"));
}
