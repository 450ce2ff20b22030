// Every form of the FISC library renders from a small input, under the court's caption, with
// the words that make it that form.
#include <doctest/doctest.h>

#include "tools.hpp"

namespace {

const std::filesystem::path inputs = std::filesystem::path(FISCGEN_TEST_DATA) / "forms";

struct Expected {
  const char* input;
  int pages;
  std::vector<std::string> phrases;  // in reading order
};

}  // namespace

TEST_CASE("the FISC form library: amicus motion, response, notice, certificate, order") {
  const std::vector<Expected> forms = {
      {"amicus-motion",
       3,
       {"MOTION FOR LEAVE TO FILE BRIEF AS AMICUS CURIAE", "studies transparency reporting",
        "Argument", "Respectfully submitted,", "CERTIFICATE OF SERVICE", "[PROPOSED] ORDER",
        "The motion for leave is GRANTED."}},
      {"response",
       2,
       {"REPLY IN SUPPORT OF MOTION", "identifies no harm", "CERTIFICATE OF SERVICE"}},
      {"notice",
       2,
       {"NOTICE OF APPEARANCE", "the undersigned attorney enters an appearance as counsel for",
        "Ruth T. Abernathy", "CERTIFICATE OF SERVICE"}},
      {"certificate",
       1,
       {"Docket No. Misc. 13-04", "CERTIFICATE OF SERVICE", "on July 2, 2013",
        "copy of the Brief of", "Chief, Litigation Security Group"}},
      {"order", 1, {"[PROPOSED] ORDER", "accepted for filing", "SO ORDERED."}},
  };
  for (const auto& form : forms) {
    INFO(form.input);
    e2e::TempDir dir;
    const auto pdf = dir / "out.pdf";
    const auto run = e2e::fiscgen(
        {"render", (inputs / (std::string(form.input) + ".xml")).string(), "-o", pdf.string()});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(e2e::pdf_pages(pdf) == form.pages);
    CHECK(e2e::check_readers(pdf) == "");
    const auto text = e2e::pdf_text(pdf);
    CHECK(e2e::pdf_text(pdf, 1).find("UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT") !=
          std::string::npos);
    std::size_t at = 0;
    for (const auto& phrase : form.phrases) {
      INFO(phrase);
      std::string flat;  // pdftotext breaks lines; compare with single spaces
      for (const char c : text) flat += (c == '\n' ? ' ' : c);
      const auto found = flat.find(phrase, at);
      CHECK(found != std::string::npos);
      if (found != std::string::npos) at = found;
    }
  }
}
