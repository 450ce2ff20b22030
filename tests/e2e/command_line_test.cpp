// The command line as people really type it: global options after the command.
#include <doctest/doctest.h>

#include <fstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

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
