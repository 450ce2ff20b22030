// The letter library rendered from small inputs (tests/data/letters/) and read back from the
// PDF: each template, an office of the directory or a recipient written out, with the address,
// salutation and date where a reader expects them.
#include <doctest/doctest.h>

#include "tools.hpp"

namespace {

const std::filesystem::path inputs = std::filesystem::path(FISCGEN_TEST_DATA) / "letters";

struct Expected {
  std::string input;
  std::vector<std::string> options;
  std::vector<std::string> phrases;  // in reading order
};

std::string flat(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '\n' ? ' ' : c;
  return out;
}

}  // namespace

TEST_CASE("each letter template renders: the office's address, the salutation, the date") {
  const std::vector<Expected> letters{
      {"to-attorney-general-madam",
       {},
       {"Northwind Mail, Inc.", "August 1, 2013", "The Attorney General of the United States",
        "U.S. Department of Justice", "950 Pennsylvania Avenue, N.W.", "Washington, D.C. 20530",
        "Dear Madam Attorney General:", "renew our request", "Sincerely,", "Tomas Varga",
        "Enclosures (3)", "Proposed form of disclosure"}},
      {"to-fbi-director",
       {},
       {"September 4, 2013", "The Director of the Federal Bureau of Investigation",
        "935 Pennsylvania Avenue, N.W.", "Washington, D.C. 20535",
        "Re: National security letters received in 2012", "Dear Director:", "Sincerely,",
        "cc:", "The General Counsel of the Federal Bureau of Investigation"}},
      {"to-fbi-director",
       {"--locale", "fr", "--set", "to/honorific=ms"},
       {"4 septembre 2013", "935 Pennsylvania Avenue, N.W.", "Madame la Directrice,",
        "Je vous prie d’agréer, Madame la Directrice,"}},
      {"to-fisc-clerk",
       {},
       {"June 19, 2013", "Clerk of the Court",
        "United States Foreign Intelligence Surveillance Court",
        "E. Barrett Prettyman U.S. Courthouse", "333 Constitution Avenue, N.W.",
        "Washington, D.C. 20001", "Dear Clerk of Court:", "Enclosures (2)"}},
      {"to-person-inline",
       {},
       {"July 2, 2013", "Jane Q. Roe", "Senior Counsel", "Litigation Security Group",
        "Post Office Box 14", "Arlington, Virginia 22210", "Dear Ms. Roe:", "Sincerely,"}},
      {"to-person-inline",
       {"--locale", "es"},
       {"2 de julio de 2013", "Jane Q. Roe", "Estimada Sra. Roe:", "Atentamente,"}},
  };
  for (const auto& letter : letters) {
    INFO(letter.input << " " << (letter.options.empty() ? "" : letter.options[1]));
    e2e::TempDir dir;
    const auto pdf = dir / "out.pdf";
    std::vector<std::string> arguments{"render", (inputs / (letter.input + ".xml")).string(), "-o",
                                       pdf.string()};
    arguments.insert(arguments.end(), letter.options.begin(), letter.options.end());
    const auto run = e2e::fiscgen(arguments);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(run.err == "");
    CHECK(e2e::pdf_pages(pdf) == 1);
    CHECK(e2e::check_readers(pdf) == "");
    const auto text = flat(e2e::pdf_text(pdf));
    std::size_t at = 0;
    for (const auto& phrase : letter.phrases) {
      INFO("phrase: " << phrase);
      const auto found = text.find(phrase, at);
      CHECK(found != std::string::npos);
      if (found != std::string::npos) at = found + phrase.size();
    }
  }
}

TEST_CASE("the letter templates are listed, and their shared parts are not") {
  const auto forms = e2e::fiscgen({"forms"});
  REQUIRE(forms.status == 0);
  for (const char* name : {"attorney-general", "fbi-director", "letter"})
    CHECK_MESSAGE(forms.out.find(std::string("  ") + name + " ") != std::string::npos, name);
  CHECK(forms.out.find("parts/") == std::string::npos);
  CHECK(forms.out.find("letterhead") == std::string::npos);

  const auto fields = e2e::fiscgen({"forms", "letter"});
  REQUIRE(fields.status == 0);
  for (const char* field : {"to ", "to/honorific", "to/surname", "date", "body", "closing"})
    CHECK_MESSAGE(fields.out.find(field) != std::string::npos, field);
}
