// Installed like a Debian tool: cmake --install into a fresh prefix, and the installed binary
// finds its own data there, wherever it is run from.
#include <doctest/doctest.h>

#include "tools.hpp"

TEST_CASE("an installed fiscgen renders the examples with the data installed beside it") {
  e2e::TempDir prefix;
  const auto install =
      e2e::run({CMAKE_COMMAND, "--install", FISCGEN_BUILD_DIR, "--prefix", prefix.path().string()});
  REQUIRE_MESSAGE(install.status == 0, install.err);
  const auto binary = (prefix / "bin" / "fiscgen").string();
  const auto share = prefix / "share" / "fiscgen";
  CHECK(std::filesystem::exists(share / "forms" / "fisc" / "motion.xml"));
  CHECK(std::filesystem::exists(share / "locales" / "root.res"));
  CHECK(std::filesystem::exists(prefix / "share" / "man" / "man1" / "fiscgen.1"));
  CHECK(std::filesystem::exists(prefix / "share" / "bash-completion" / "completions" / "fiscgen"));
  CHECK(std::filesystem::exists(prefix / "share" / "zsh" / "vendor-completions" / "_fiscgen"));
  CHECK(
      std::filesystem::exists(prefix / "share" / "fish" / "vendor_completions.d" / "fiscgen.fish"));

  const auto doctor = e2e::run({binary, "doctor"});
  CHECK_MESSAGE(doctor.status == 0, doctor.out);
  CHECK(doctor.out.find(share.string()) != std::string::npos);

  const std::filesystem::path examples =
      std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";
  for (const char* example : {"motion", "letter"}) {
    const auto pdf = prefix / (std::string(example) + ".pdf");
    const auto rendered =
        e2e::run({binary, "render", (examples / (std::string(example) + ".xml")).string(), "-o",
                  pdf.string()});
    CHECK_MESSAGE(rendered.status == 0, rendered.err);
    CHECK(e2e::pdf_pages(pdf) >= 1);
  }

  // --data-dir still wins: an empty folder has no forms.
  e2e::TempDir empty;
  const auto elsewhere = e2e::run({binary, "--data-dir", empty.path().string(), "forms"});
  CHECK(elsewhere.status == 1);
}
