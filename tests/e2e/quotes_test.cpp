// Straight quotes in the input print as the locale's quotation marks, read back from the PDF;
// <literal>, citations and URLs keep theirs; a redaction's letters decide nothing.
#include <doctest/doctest.h>

#include <fstream>

#include "tools.hpp"

namespace {

/// A letter whose body is `body` (input markup), in `locale`.
std::string letter(const std::string& locale, const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<letter template="attorney-general" locale=")" +
         locale + R"(">
  <date>2013-07-16</date>
  <from><name>Eleanor M. Hart</name><title>General Counsel</title>
    <organization>Cascade Software Corporation</organization>
    <address><line>One Harbor Way</line></address></from>
  <to ref="attorney-general"/>
  <subject>The "aggregate" figures</subject>
  <body>)" +
         body +
         R"(</body>
</letter>
)";
}

struct Rendered {
  e2e::TempDir dir;
  std::filesystem::path pdf = dir / "letter.pdf";
  std::string text;  // pdftotext, lines joined by spaces
  std::string tree;  // --emit tree
  Rendered(const std::string& locale, const std::string& body,
           const std::vector<std::string>& options = {}) {
    const auto input = dir / "letter.xml";
    std::ofstream(input) << letter(locale, body);
    std::vector<std::string> arguments{"render", input.string(), "-o", pdf.string()};
    arguments.insert(arguments.end(), options.begin(), options.end());
    const auto run = e2e::fiscgen(arguments);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(e2e::check_readers(pdf) == "");
    text = e2e::pdf_text(pdf);
    for (auto& c : text)
      if (c == '\n') c = ' ';
    arguments = {"render", input.string(), "--emit", "tree"};
    arguments.insert(arguments.end(), options.begin(), options.end());
    tree = e2e::fiscgen(arguments).out;
    const auto check = e2e::fiscgen({"check", input.string()});
    CHECK_MESSAGE(check.status == 0, check.out << check.err);
  }
};

/// The text of the page content streams as libharu writes it: hex strings of UTF-16 code units.
std::string content_hex(const std::filesystem::path& pdf, const e2e::TempDir& dir) {
  const auto qdf = dir / "qdf.pdf";
  const auto run =
      e2e::run({QPDF, "--qdf", "--object-streams=disable", pdf.string(), qdf.string()});
  REQUIRE(run.status == 0);
  std::string text = e2e::read_file(qdf);
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

const std::string sentence = R"(<p>The Court's order said "no 'further' disclosure" in '13.</p>)";

}  // namespace

TEST_CASE("quotes: each shipped locale prints its own marks, in the PDF and the tree alike") {
  struct Expected {
    std::string locale, printed;  // pdftotext reads U+202F as a space
  };
  const std::vector<Expected> cases{
      {"en_US", "The Court’s order said “no ‘further’ disclosure” in ’13."},
      {"en_GB", "The Court’s order said “no ‘further’ disclosure” in ’13."},
      {"fr", "The Court’s order said « no « further » disclosure » in ’13."},
      {"de", "The Court’s order said „no ‚further‘ disclosure“ in ’13."},
      {"es", "The Court’s order said «no “further” disclosure» in ’13."},
      {"fr_CA", "The Court’s order said « no ”further“ disclosure » in ’13."},
  };
  for (const auto& c : cases) {
    CAPTURE(c.locale);
    const Rendered r(c.locale, sentence);
    CHECK(r.text.find(c.printed) != std::string::npos);
    CHECK(r.text.find('"') == std::string::npos);
    CHECK(r.text.find('\'') == std::string::npos);
    // The tree says what the PDF says (with the real narrow no-break space in French).
    std::string in_tree = c.printed;
    if (c.locale.starts_with("fr")) {
      for (const std::string& mark : {std::string("« "), std::string(" »")}) {
        const std::string narrow = mark == "« " ? std::string("«\u202F") : std::string("\u202F»");
        for (std::size_t at; (at = in_tree.find(mark)) != std::string::npos;)
          in_tree.replace(at, mark.size(), narrow);
      }
    }
    CHECK(r.tree.find(in_tree) != std::string::npos);
  }
}

TEST_CASE("quotes: one batch worker prints each letter's locale's marks, in any order") {
  // A worker keeps each locale's marks: the fifth letter, French again, and its neighbours in
  // other locales must each get their own.
  e2e::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> letters{
      {"fr", "« no « further » disclosure »"}, {"de", "„no ‚further‘ disclosure“"},
      {"en_US", "“no ‘further’ disclosure”"},  {"es", "«no “further” disclosure»"},
      {"fr", "« no « further » disclosure »"}, {"en_GB", "“no ‘further’ disclosure”"}};
  std::filesystem::create_directories(dir / "in");
  for (std::size_t i = 0; i < letters.size(); ++i)
    std::ofstream(dir / "in" / ("letter-" + std::to_string(i) + ".xml"))
        << letter(letters[i].first, sentence);
  const auto run =
      e2e::fiscgen({"batch", (dir / "in").string(), "-o", (dir / "out").string(), "--jobs", "1"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  for (std::size_t i = 0; i < letters.size(); ++i) {
    CAPTURE(i);
    std::string text = e2e::pdf_text(dir / "out" / ("letter-" + std::to_string(i) + ".pdf"));
    for (auto& c : text)
      if (c == '\n') c = ' ';
    CHECK(text.find("said " + letters[i].second) != std::string::npos);
  }
}

TEST_CASE("quotes: the subject line and footnotes are typeset too") {
  const Rendered r("de", R"(<p>Text.<fn>Eine "Fußnote".</fn></p>)");
  CHECK(r.text.find("„aggregate“ figures") != std::string::npos);
  CHECK(r.text.find("Eine „Fußnote“.") != std::string::npos);
}

TEST_CASE("quotes: a heading's bookmark says what the heading prints") {
  e2e::TempDir dir;
  const auto pdf = dir / "motion.pdf";
  const auto motion = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples" / "motion.xml";
  const auto run = e2e::fiscgen({"render", motion.string(), "--set",
                                 "body/section[1]/heading=The \"Gag\" Order", "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(e2e::pdf_text(pdf).find("The “Gag” Order") != std::string::npos);
  const auto outline = e2e::run({MUTOOL, "show", pdf.string(), "outline"});
  CHECK(outline.out.find("\"I. The “Gag” Order\"") != std::string::npos);
}

TEST_CASE("quotes: French sets a narrow no-break space (U+202F) inside « », typed or not") {
  const Rendered r("fr", R"(<p>Il a dit "oui" puis " non ".</p>)");
  CHECK(r.text.find("Il a dit « oui » puis « non ».") != std::string::npos);
  const auto hex = content_hex(r.pdf, r.dir);
  // «, U+202F, o u i, U+202F, »: the space is in the page's text, not a gap between words.
  CHECK(hex.find("00ab202f006f00750069202f00bb") != std::string::npos);
  CHECK(hex.find("00ab202f006e006f006e202f00bb") != std::string::npos);
}

TEST_CASE("quotes: <literal>, citations, URLs and links keep the straight marks as typed") {
  const Rendered r("en_US",
                   R"(<p>Type <literal>"fiscgen" --set 'a=b'</literal> to see "it".</p>)"
                   R"(<p>See <cite>Restatement "Second" of Torts</cite> and "more."</p>)"
                   R"(<p>At https://example.org/?q="x"&amp;y='z' or )"
                   R"(<a href="https://example.org/?q='x'">https://example.org/?q='x'</a>.</p>)");
  CHECK(r.text.find(R"(Type "fiscgen" --set 'a=b' to see “it”.)") != std::string::npos);
  CHECK(r.text.find(R"(Restatement "Second" of Torts and “more.”)") != std::string::npos);
  CHECK(r.text.find(R"(https://example.org/?q="x"&y='z')") != std::string::npos);
  CHECK(r.text.find(R"(https://example.org/?q='x'.)") != std::string::npos);
  CHECK(r.tree.find(R"(<literal>"fiscgen" --set 'a=b'</literal>)") != std::string::npos);
}

TEST_CASE("quotes: what a redaction hides decides none of the marks around it") {
  // Quotes inside the redaction, and letters or spaces at its edges, would each decide a mark
  // next to it if its text were read. (The box's width is the layout's rule, unchanged here.)
  const auto body = [](const std::string& hidden) {
    const std::string redacted = "<redact>" + hidden + "</redact>";
    return "<p>He said \"" + redacted + "\" and '" + redacted + "' and " + redacted + "'s.</p>";
  };
  const Rendered a("en_US", body("x"));
  const Rendered b("en_US", body("\"it's\" ( "));
  for (const auto* r : {&a, &b})
    CHECK(e2e::find_in_order({"he", "said", "“", "”", "and", "“", "”", "and", "’s."},
                             e2e::words(r->text)) == "");
  // The hidden text never reaches the tree, so the two trees are the same.
  CHECK(a.tree == b.tree);
  CHECK(b.tree.find("it's") == std::string::npos);
}
