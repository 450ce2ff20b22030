// The command line as people really type it: global options after the command, typos in a
// command or an option.
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
