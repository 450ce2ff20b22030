// One letter in five languages, read back from the PDF: the locale's date and fixed words, with
// quiet fallback for a regional variant and a clear error for an unknown locale.
#include <doctest/doctest.h>

#include <fstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

/// pdftotext's text on one line, with no-break spaces as spaces: phrases may wrap.
std::string flat(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\u00A0") == 0) {
      out += ' ';
      ++i;
    } else {
      out += text[i] == '\n' ? ' ' : text[i];
    }
  }
  return out;
}

/// Each phrase appears, after the one before it.
void check_in_order(const std::string& text, const std::vector<std::string>& phrases) {
  std::size_t at = 0;
  for (const auto& phrase : phrases) {
    INFO("phrase: " << phrase);
    const auto found = text.find(phrase, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found + phrase.size();
  }
}

struct Rendered {
  e2e::TempDir dir;
  e2e::Run run;
  std::string text;
  int pages = 0;
  Rendered(const std::string& input, const std::vector<std::string>& options) {
    const auto pdf = dir / "out.pdf";
    std::vector<std::string> arguments{"render", (examples / input).string(), "-o", pdf.string()};
    arguments.insert(arguments.end(), options.begin(), options.end());
    run = e2e::fiscgen(arguments);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(e2e::check_readers(pdf) == "");
    text = flat(e2e::pdf_text(pdf));
    pages = e2e::pdf_pages(pdf);
  }
};

}  // namespace

TEST_CASE("the sample letter in five languages: date, salutation, closing, enclosure, cc") {
  struct Expected {
    std::string locale, date, salutation, closing, cc, enclosure;
  };
  const std::vector<Expected> languages{
      {"en_US", "July 16, 2013", "Dear Mr. Attorney General:", "Sincerely,", "cc:", "Enclosure"},
      {"en_GB", "16 July 2013", "Dear Attorney General,", "Yours sincerely,", "cc:", "Enclosure"},
      {"fr", "16 juillet 2013", "Monsieur le Ministre,",
       "Je vous prie d’agréer, Monsieur le Ministre, l’expression de ma haute considération.",
       "Copie :", "Pièce jointe"},
      {"de", "16. Juli 2013", "Sehr geehrter Herr Justizminister,", "Mit freundlichen Grüßen",
       "Kopie an:", "Anlage"},
      {"es", "16 de julio de 2013", "Estimado Sr. Fiscal General:", "Atentamente,",
       "c.c.:", "Anexo"},
  };
  for (const auto& want : languages) {
    INFO("locale " << want.locale);
    // The sample leaves its closing to the locale.
    Rendered letter("letter.xml", {"--locale", want.locale});
    CHECK(letter.run.err == "");
    CHECK(letter.pages == 1);
    check_in_order(letter.text,
                   {want.date, "950 Pennsylvania Avenue, N.W.", want.salutation, "I write to ask",
                    want.closing, "Eleanor M. Hart", want.enclosure,
                    "Motion for Declaratory Judgment", want.cc, "The Deputy Attorney General"});
  }
}

TEST_CASE("subjects in the language's form: Re:, Objet :, Asunto:, none in German") {
  const std::string subject = "Publishing aggregate figures";
  CHECK(Rendered("letter.xml", {"--locale", "en_GB"}).text.find("Re: " + subject) !=
        std::string::npos);
  CHECK(Rendered("letter.xml", {"--locale", "fr"}).text.find("Objet : " + subject) !=
        std::string::npos);
  CHECK(Rendered("letter.xml", {"--locale", "es"}).text.find("Asunto: " + subject) !=
        std::string::npos);
  const auto german = Rendered("letter.xml", {"--locale", "de"}).text;
  CHECK(german.find(subject) != std::string::npos);
  CHECK(german.find("Re: ") == std::string::npos);
}

TEST_CASE("a regional variant falls back quietly to its language") {
  Rendered canadian("letter.xml", {"--locale", "fr_CA"});
  CHECK(canadian.run.err == "");
  check_in_order(canadian.text, {"16 juillet 2013", "Monsieur le Ministre,", "Je vous prie"});
  Rendered austrian("letter.xml", {"--locale", "de_AT", "--set", "to/honorific=ms"});
  CHECK(austrian.run.err == "");
  check_in_order(austrian.text, {"Juli 2013", "Sehr geehrte Frau Justizministerin,"});
}

TEST_CASE("an unknown locale is an error listing the available ones, and nothing is written") {
  e2e::TempDir dir;
  const auto pdf = dir / "out.pdf";
  const auto run = e2e::fiscgen(
      {"render", (examples / "letter.xml").string(), "--locale", "xx", "-o", pdf.string()});
  CHECK(run.status == 1);
  CHECK(run.err.find("unknown locale \"xx\"; available: de, en, en_GB, es, fr") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(pdf));
}

TEST_CASE("a malformed locale is an error where it is named, and nothing is written") {
  e2e::TempDir dir;
  const auto pdf = dir / "out.pdf";
  const auto option = e2e::fiscgen(
      {"render", (examples / "letter.xml").string(), "--locale", "en US", "-o", pdf.string()});
  CHECK(option.status == 1);
  CHECK(option.err ==
        "error: --locale: \"en US\" is not a locale name: expected a language code, then a "
        "script or region if any (en, en_US, fr_CA, sr_Latn_RS)\n");

  // In the file: located at the attribute that names it; a name longer than any locale
  // (the fuzzer's was 160 characters) is cut in the message.
  auto text = e2e::read_file(examples / "letter.xml");
  const std::string sample_locale = "locale=\"en_US\"";
  const auto named = text.find(sample_locale);
  REQUIRE(named != std::string::npos);
  text.replace(named, sample_locale.size(), "locale=\"en_" + std::string(300, 'X') + "\"");
  const auto input = dir / "letter.xml";
  std::ofstream(input) << text;
  const auto attribute = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
  CHECK(attribute.status == 1);
  CHECK(attribute.err.rfind("error: " + input.string() + ":4:37: \"en_XXX", 0) == 0);
  CHECK(attribute.err.find("…\" is not a locale name") != std::string::npos);
  CHECK(attribute.err.size() < input.string().size() + 200);
  CHECK_FALSE(std::filesystem::exists(pdf));
}

TEST_CASE("the sample motion in French and German: the court's words from the bundles") {
  Rendered french("motion.xml", {"--locale", "fr"});
  check_in_order(french.text,
                 {"Dossier n° Misc. 13-04", "Mesures demandées", "Fait le 19 juin 2013",
                  "CERTIFICAT DE SIGNIFICATION", "PROJET D’ORDONNANCE", "AINSI ORDONNÉ."});
  Rendered german("motion.xml", {"--locale", "de"});
  check_in_order(german.text, {"Aktenzeichen: Misc. 13-04", "Anträge", "Datum: 19. Juni 2013",
                               "ZUSTELLUNGSNACHWEIS", "BESCHLUSS (ENTWURF)", "SO BESCHLOSSEN."});
  // Captions are upper-cased with the document's locale; the court's name stays the rules'.
  CHECK(german.text.find("UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT") !=
        std::string::npos);
}
