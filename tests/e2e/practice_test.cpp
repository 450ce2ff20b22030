// FISC practice as practitioners know it (issue 18), read back from the PDF: the drafting of the
// proposed order, the signature and the certificate of service; classified filings checked
// against the marking rules (32 C.F.R. §§ 2001.21, 2001.22); letters to an office-holder.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

std::string flat(std::string text) {
  for (auto& c : text)
    if (c == '\n' || c == '\f') c = ' ';
  return text;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// `text` with every `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

/// `text` with the first `from` replaced by `to` (which must be there).
std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

std::filesystem::path write(const e2e::TempDir& dir, const std::string& name,
                            const std::string& text) {
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

e2e::Run render(const std::filesystem::path& input, const std::filesystem::path& pdf,
                std::vector<std::string> options = {}) {
  std::vector<std::string> arguments{"render", input.string(), "-o", pdf.string()};
  arguments.insert(arguments.end(), options.begin(), options.end());
  return e2e::fiscgen(arguments);
}

/// The 1-based page whose text holds `what`; 0 when none.
int page_with(const std::filesystem::path& pdf, const std::string& what) {
  const int pages = e2e::pdf_pages(pdf);
  for (int p = 1; p <= pages; ++p)
    if (flat(e2e::pdf_text(pdf, p)).find(what) != std::string::npos) return p;
  return 0;
}

const std::string motion = e2e::read_file(examples / "motion.xml");

}  // namespace

TEST_CASE("the sample motion is American, cites without a doubled period, orders once") {
  e2e::TempDir dir;
  const auto pdf = dir / "motion.pdf";
  const auto run = render(examples / "motion.xml", pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto text = flat(e2e::pdf_text(pdf));
  CHECK(text.find("recognized this") != std::string::npos);
  CHECK(text.find("Amendment favors") != std::string::npos);
  for (const char* british : {"recognis", "favour", "colour", "behaviour", "honour", "organis",
                              "licence", "defence", "judgement", "programme"})
    CHECK_MESSAGE(text.find(british) == std::string::npos, british);
  // Footnote 2 cites § 1861(d)(1) twice: the second is "See id." ending its sentence once.
  CHECK(text.find("See id.") != std::string::npos);
  CHECK(text.find("id..") == std::string::npos);
  // The order: the template's preamble once, on the motion by its title.
  CHECK(count(text, "it is hereby ORDERED that") == 1);
  CHECK(text.find("Upon consideration of the Motion for Declaratory Judgment filed by Cascade") !=
        std::string::npos);
}

TEST_CASE("every example is written in American spelling, as its en_US locale says") {
  e2e::TempDir dir;
  for (const char* example : {"motion", "brief", "letter"}) {
    CAPTURE(example);
    const auto pdf = dir / (std::string(example) + ".pdf");
    const auto run = render(examples / (std::string(example) + ".xml"), pdf);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const auto text = flat(e2e::pdf_text(pdf));
    for (const char* british :
         {"recognis", "favour", "colour", "behaviour", "honour", "organis", "licence", "defence",
          "judgement", "programme", "authoris", "realis", "analyse", "centre", "whilst"})
      CHECK_MESSAGE(text.find(british) == std::string::npos, british);
  }
}

TEST_CASE("the judge's line reads on one line under a line for the name") {
  e2e::TempDir dir;
  const auto pdf = dir / "motion.pdf";
  REQUIRE(render(examples / "motion.xml", pdf).status == 0);
  const int order = page_with(pdf, "[PROPOSED] ORDER");
  REQUIRE(order > 0);
  const auto lines = e2e::non_blank_lines(e2e::pdf_text(pdf, order));
  bool found = false;
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (lines[i].find("Judge, United States Foreign Intelligence Surveillance Court") !=
        std::string::npos) {
      found = true;
      CHECK(lines[i - 1].find("______") != std::string::npos);
    }
  CHECK(found);
  CHECK(e2e::pdf_text(pdf).find("INTELLIGENCE SURVEILLANCE\nCOURT") == std::string::npos);
}

TEST_CASE("the proposed order is numbered from 1 on its own") {
  e2e::TempDir dir;
  const auto pdf = dir / "motion.pdf";
  REQUIRE(render(examples / "motion.xml", pdf).status == 0);
  const int order = page_with(pdf, "[PROPOSED] ORDER");
  REQUIRE(order > 2);
  const auto order_lines = e2e::non_blank_lines(e2e::pdf_text(pdf, order));
  CHECK(order_lines.back() == "1");
  // The page before it is the motion's own last page, numbered as the motion's.
  const auto before = e2e::non_blank_lines(e2e::pdf_text(pdf, order - 1));
  CHECK(before.back() == std::to_string(order - 1));
  // A viewer labels the pages as printed: the order's first page is "1" again.
  const auto labels = e2e::pdf_uncompressed(pdf, dir / "qdf.pdf");
  const auto nums = labels.find("/Nums [");
  REQUIRE(nums != std::string::npos);
  std::string ranges;  // the /Nums array, its white space made single spaces
  for (const char c : labels.substr(nums, labels.find(']', nums) - nums))
    if (!std::isspace(static_cast<unsigned char>(c)) || (!ranges.empty() && ranges.back() != ' '))
      ranges += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
  CHECK(ranges.find(std::to_string(order - 1) + " <<") != std::string::npos);
  CHECK(count(ranges, "/St 1") == 2);
}

TEST_CASE("an order whose text has its own operative words is not given a second preamble") {
  e2e::TempDir dir;
  const auto input = write(
      dir, "motion.xml",
      with(motion, "<p>The motion is GRANTED.",
           "<p>Upon consideration of the Motion for Declaratory Judgment, the opposition, and "
           "the entire record, it is hereby ORDERED that the motion is GRANTED."));
  const auto pdf = dir / "motion.pdf";
  const auto run = render(input, pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto text = flat(e2e::pdf_text(pdf, page_with(pdf, "[PROPOSED] ORDER")));
  CHECK(count(text, "Upon consideration") == 1);
  CHECK(count(text, "hereby ORDERED") == 1);
}

TEST_CASE("a proposed order attached to a brief orders on the motion, never on the brief") {
  e2e::TempDir dir;
  const auto brief = e2e::read_file(examples / "brief.xml");
  const std::string named = "<proposed-order motion=\"Motion for Declaratory Judgment\">";
  REQUIRE(brief.find(named) != std::string::npos);
  {
    // The sample brief names the motion it supports, and its order is on that motion.
    const auto pdf = dir / "named.pdf";
    const auto run = render(examples / "brief.xml", pdf);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const auto text = flat(e2e::pdf_text(pdf, page_with(pdf, "[PROPOSED] ORDER")));
    CHECK(text.find("Upon consideration of the Motion for Declaratory Judgment filed by") !=
          std::string::npos);
    CHECK(text.find("Upon consideration of the Brief") == std::string::npos);
  }
  // Without the motion's name the order is still on "the motion", never on the brief.
  const auto pdf = dir / "brief.pdf";
  REQUIRE(render(write(dir, "brief.xml", with(brief, named, "<proposed-order>")), pdf).status == 0);
  const auto text = flat(e2e::pdf_text(pdf, page_with(pdf, "[PROPOSED] ORDER")));
  CHECK(text.find("Upon consideration of the motion filed by") != std::string::npos);
  CHECK(text.find("Upon consideration of the Brief") == std::string::npos);
}

TEST_CASE("the signature block never starts a page alone: the relief's last lines go with it") {
  // Longer and longer bodies move the end of the relief down the page, past a page break.
  e2e::TempDir dir;
  const std::string sentence =
      " Le juge Müller-Lüdenscheidt et la juge O’Connor-Nakamura ont rappelé que le secret "
      "d’une enquête ne couvre pas un simple décompte.";
  int checked = 0;
  for (int extra = 0; extra < 14; ++extra) {
    std::string filler;
    for (int i = 0; i < extra; ++i) filler += sentence;
    const auto input = write(dir, "motion.xml",
                             with(motion, "and so avoid the constitutional question.",
                                  "and so avoid the constitutional question." + filler));
    const auto pdf = dir / "motion.pdf";
    const auto run = render(input, pdf);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const int page = page_with(pdf, "Respectfully submitted,");
    REQUIRE(page > 0);
    const auto text = flat(e2e::pdf_text(pdf, page));
    const auto dated = text.find("Dated:");
    REQUIRE(dated != std::string::npos);
    // Something of the relief stands above "Dated:" on the page the signature is on.
    CAPTURE(extra);
    CHECK(text.substr(0, dated).find("Court finds just.") != std::string::npos);
    ++checked;
  }
  CHECK(checked == 14);
}

TEST_CASE("the citation after a block quotation begins at the left margin") {
  e2e::TempDir dir;
  const auto pdf = dir / "motion.pdf";
  REQUIRE(render(examples / "motion.xml", pdf).status == 0);
  const auto bbox = e2e::run({"pdftotext", "-bbox", pdf.string(), "-"});
  REQUIRE(bbox.status == 0);
  // The word "1861(d)(1)." after "§" after "U.S.C." after "50": the citation's first word.
  const auto words = bbox.out;
  const auto cite = words.find(">1861(d)(1).</word>");
  REQUIRE(cite != std::string::npos);
  auto start = words.rfind("<word", cite);
  for (int back = 0; back < 3; ++back) start = words.rfind("<word", start - 1);
  const auto x = words.find("xMin=\"", start);
  REQUIRE(x != std::string::npos);
  const double x_min = std::stod(words.substr(x + 6));
  CHECK(words.substr(words.find('>', start) + 1, 2) == "50");
  CHECK(x_min == doctest::Approx(72).epsilon(0.01));
}

TEST_CASE("the certificate serves Government counsel and names the filing channel in a note") {
  e2e::TempDir dir;
  for (const char* example : {"motion.xml", "brief.xml"}) {
    CAPTURE(example);
    const auto pdf = dir / "paper.pdf";
    REQUIRE(render(examples / example, pdf).status == 0);
    const int page = page_with(pdf, "CERTIFICATE OF SERVICE");
    REQUIRE(page > 0);
    const auto text = flat(e2e::pdf_text(pdf, page));
    const auto served = text.find("National Security Division");
    const auto signed_at = text.find("/s/ Margaret A. Lindqvist");
    const auto note = text.find(
        "Filed with the Court through the Security and Emergency Planning Staff, U.S. "
        "Department of Justice.");
    CHECK(served != std::string::npos);
    CHECK(text.find("950 Pennsylvania Avenue, N.W.") != std::string::npos);
    CHECK(text.find("By hand delivery") != std::string::npos);
    REQUIRE(note != std::string::npos);
    CHECK(served < signed_at);
    CHECK(signed_at < note);  // after those served and the signature: not among them
    CHECK(text.find("Litigation Security Group") == std::string::npos);
  }
}

namespace {

/// The sample motion classified TOP SECRET, derivatively, with every portion marked.
std::string classified_motion() {
  auto text = replaced(motion, "<p>", "<p class=\"TS//SI//NF\">");
  text = replaced(text, "<heading>", "<heading class=\"U\">");
  text = replaced(text, "<item>", "<item class=\"S//NF\">");
  text = replaced(text, "<fn>", "<fn class=\"U\">");
  text = with(text, "<title>", "<title class=\"U\">");
  return with(text, "<date>2013-06-19</date>",
              "<date>2013-06-19</date>\n  <classification>TOP SECRET//SI//NOFORN</classification>\n"
              "  <classification-authority><classified-by>Jane Roe, Deputy Assistant Attorney "
              "General, NSD</classified-by><derived-from>NSA/CSSM 1-52</derived-from>"
              "<declassify-on>20380619</declassify-on></classification-authority>");
}

}  // namespace

TEST_CASE("a classified filing with every portion marked shows each mark") {
  e2e::TempDir dir;
  const auto input = write(dir, "motion.xml", classified_motion());
  const auto check = e2e::fiscgen({"check", input.string()});
  CHECK_MESSAGE(check.status == 0, check.err);
  const auto pdf = dir / "motion.pdf";
  const auto run = render(input, pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto text = flat(e2e::pdf_text(pdf));
  CHECK(text.find("(U) MOTION FOR DECLARATORY JUDGMENT") != std::string::npos);
  CHECK(text.find("(S//NF) the total number of FISA orders") != std::string::npos);
  CHECK(text.find("(U) Cascade makes this motion on its own behalf") != std::string::npos);
  CHECK(text.find("Derived From: NSA/CSSM 1-52") != std::string::npos);
  CHECK(text.find("TOP SECRET//SI//NOFORN") != std::string::npos);
}

TEST_CASE("check and render refuse each unmarked portion of a classified filing, at its place") {
  e2e::TempDir dir;
  auto text = classified_motion();
  text = with(text, "<p class=\"TS//SI//NF\">Recent reports", "<p>Recent reports");
  text = with(text, "<item class=\"S//NF\">the total number of user",
              "<item>the total number of user");
  text = with(text, "<fn class=\"U\">The\n          Government", "<fn>The\n          Government");
  text = with(text, "<title class=\"U\">", "<title>");
  const auto input = write(dir, "motion.xml", text);
  const auto line_of = [&](const std::string& what) {
    const auto at = text.find(what);
    REQUIRE(at != std::string::npos);
    return std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  };
  const auto check = e2e::fiscgen({"check", input.string()});
  CHECK(check.status == 1);
  for (const char* what : {"<p>Recent reports", "<item>the total number of user",
                           "<fn>The\n          Government", "<title>"}) {
    CAPTURE(what);
    CHECK(check.err.find("motion.xml:" + line_of(what) + ":") != std::string::npos);
  }
  CHECK(check.err.find("32 C.F.R. § 2001.21(c)") != std::string::npos);
  const auto pdf = dir / "motion.pdf";
  const auto rendered = render(input, pdf);
  CHECK(rendered.status == 1);
  CHECK(rendered.err.find("motion.xml:" + line_of("<p>Recent reports") + ":") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(pdf));
  const auto public_run = render(input, pdf, {"--public"});
  CHECK(public_run.status == 1);
  CHECK(public_run.err.find("has no portion mark") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(pdf));
}

TEST_CASE("every paper's printed title is a portion: marked, or refused at the <title>") {
  e2e::TempDir dir;
  // The sample ex parte motion marks its title, and the Court's copy prints the mark.
  const auto ex_parte = e2e::read_file(examples / "motion-ex-parte.xml");
  const auto pdf = dir / "ex-parte.pdf";
  REQUIRE(render(examples / "motion-ex-parte.xml", pdf).status == 0);
  CHECK(flat(e2e::pdf_text(pdf, 1)).find("(U) MOTION FOR LEAVE TO FILE DECLARATION") !=
        std::string::npos);
  // Unmarked, in a paper of each shared heading and in the Court of Review's cover: refused.
  struct Case {
    std::string name, text;
  };
  const std::string authority =
      "<classification>SECRET</classification><classification-authority><classified-by>Jane "
      "Roe, NSD</classified-by><derived-from>NSA/CSSM 1-52</derived-from><declassify-on>"
      "20380619</declassify-on></classification-authority>\n  <date>";
  for (const Case& c :
       {Case{"ex-parte.xml", with(ex_parte, "<title class=\"U\">", "<title>")},
        Case{"seal.xml", with(e2e::read_file(examples / "motion-to-seal.xml"),
                              "<title class=\"U\">", "<title>")},
        Case{"fiscr.xml", replaced(replaced(with(e2e::read_file(examples / "fiscr-brief.xml"),
                                                 "<date>", authority),
                                            "<p>", "<p class=\"U\">"),
                                   "<heading>", "<heading class=\"U\">")}}) {
    CAPTURE(c.name);
    const auto input = write(dir, c.name, c.text);
    const auto at = c.text.find("<title>");
    REQUIRE(at != std::string::npos);
    const auto line = std::to_string(1 + std::count(c.text.begin(), c.text.begin() + at, '\n'));
    const auto check = e2e::fiscgen({"check", input.string()});
    CHECK(check.status == 1);
    CHECK_MESSAGE(check.err.find(c.name + ":" + line + ":") != std::string::npos, check.err);
    CHECK(check.err.find("has no portion mark") != std::string::npos);
  }
}

TEST_CASE("a stated classification lower than a portion is an error at <classification>") {
  e2e::TempDir dir;
  auto text = with(classified_motion(), "TOP SECRET//SI//NOFORN</classification>",
                   "SECRET//NOFORN</classification>");
  const auto input = write(dir, "motion.xml", text);
  const auto run = render(input, dir / "motion.pdf");
  CHECK(run.status == 1);
  CHECK(run.err.find("is lower than the portions it covers") != std::string::npos);
  CHECK(run.err.find("TOP SECRET//SI//NOFORN") != std::string::npos);
  // Missing a control a portion carries is lower too.
  text = with(classified_motion(), "TOP SECRET//SI//NOFORN</classification>",
              "TOP SECRET//SI</classification>");
  const auto caveat = render(write(dir, "caveat.xml", text), dir / "caveat.pdf");
  CHECK(caveat.status == 1);
  CHECK(caveat.err.find("caveat.xml:") != std::string::npos);
}

TEST_CASE("an authority block mixing original and derivative classification is refused") {
  e2e::TempDir dir;
  const auto mixed =
      with(classified_motion(), "<derived-from>", "<reason>1.4(c)</reason><derived-from>");
  const auto run = render(write(dir, "mixed.xml", mixed), dir / "mixed.pdf");
  CHECK(run.status == 1);
  CHECK(run.err.find("<derived-from> and <reason>") != std::string::npos);
  CHECK(run.err.find("mixed.xml:") != std::string::npos);
  const auto original = with(classified_motion(), "<derived-from>NSA/CSSM 1-52</derived-from>",
                             "<reason>1.4(c)</reason>");
  const auto pdf = dir / "original.pdf";
  const auto ok = render(write(dir, "original.xml", original), pdf);
  REQUIRE_MESSAGE(ok.status == 0, ok.err);
  const auto text = flat(e2e::pdf_text(pdf));
  CHECK(text.find("Classified By: Jane Roe") != std::string::npos);
  CHECK(text.find("Reason: 1.4(c)") != std::string::npos);
  CHECK(text.find("Derived From") == std::string::npos);
}

namespace {

const std::string letter = e2e::read_file(examples / "letter.xml");

}  // namespace

TEST_CASE("a letter to a named Attorney General: The Honorable, the bare title, his surname") {
  e2e::TempDir dir;
  const auto input = write(dir, "letter.xml",
                           with(letter, "<to ref=\"attorney-general\"/>",
                                "<to ref=\"attorney-general\"><name>Eric H. Holder, Jr.</name>"
                                "<surname>Holder</surname></to>"));
  const auto pdf = dir / "letter.pdf";
  const auto run = render(input, pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto text = e2e::pdf_text(pdf);
  CHECK(text.find("The Honorable Eric H. Holder, Jr.\nAttorney General of the United States\n") !=
        std::string::npos);
  CHECK(text.find("The Attorney General") == std::string::npos);
  CHECK(text.find("Dear Attorney General Holder:") != std::string::npos);
}

TEST_CASE("a letter to the office unnamed: the formal salutation, enclosures before cc") {
  e2e::TempDir dir;
  const auto pdf = dir / "letter.pdf";
  const auto run = render(examples / "letter.xml", pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto text = flat(e2e::pdf_text(pdf));
  CHECK(text.find("The Attorney General of the United States") != std::string::npos);
  CHECK(text.find("Dear Mr. Attorney General:") != std::string::npos);
  const auto enclosure = text.find("Enclosure");
  const auto cc = text.find("cc:");
  REQUIRE(enclosure != std::string::npos);
  REQUIRE(cc != std::string::npos);
  CHECK(enclosure < cc);
}

TEST_CASE("pages after a letter's first carry the addressee, the date and the page") {
  e2e::TempDir dir;
  std::string body;
  for (int i = 0; i < 14; ++i)
    body +=
        "<p>Nous avons, à plusieurs reprises, demandé au ministère la permission de publier "
        "des chiffres agrégés; Dvořák, Søndergaard and Nguyễn reported the same answer "
        "each time, and the public debate went on without the facts it needed.</p>";
  const auto input = write(dir, "letter.xml", with(letter, "<body>", "<body>" + body));
  const auto pdf = dir / "letter.pdf";
  const auto run = render(input, pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const int pages = e2e::pdf_pages(pdf);
  REQUIRE(pages >= 2);
  CHECK(run.err == "");
  // A line that is only a number: a page number at the foot (or the head) of the page.
  const auto bare_numbers = [](const std::vector<std::string>& lines) {
    return std::count_if(lines.begin(), lines.end(), [](const std::string& line) {
      return line.find_first_not_of("0123456789 ") == std::string::npos;
    });
  };
  // The first page has no number at all; each later page has its number once, in the heading.
  const auto first = e2e::non_blank_lines(e2e::pdf_text(pdf, 1));
  CHECK(bare_numbers(first) == 0);
  CHECK(flat(e2e::pdf_text(pdf, 1)).find("Page") == std::string::npos);
  for (int p = 2; p <= pages; ++p) {
    CAPTURE(p);
    const auto lines = e2e::non_blank_lines(e2e::pdf_text(pdf, p));
    REQUIRE(!lines.empty());
    CHECK(lines.front().find("Attorney General of the United States") != std::string::npos);
    CHECK(lines.front().find("July 16, 2013") != std::string::npos);
    CHECK(lines.front().find("Page " + std::to_string(p)) != std::string::npos);
    CHECK(count(flat(e2e::pdf_text(pdf, p)), "Page ") == 1);
    CHECK(bare_numbers(lines) == 0);
  }
  // A firm's profile that numbers the pages as well would print the number twice: rendered all
  // the same, with a warning at the template's heading that says so.
  std::filesystem::create_directories(dir / "firm" / "forms" / "rules");
  write(dir, "firm/forms/rules/letter-numbered.xml",
        with(with(e2e::read_file(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms" /
                                 "rules" / "letter-us.xml"),
                  "name=\"letter-us\"", "name=\"letter-numbered\""),
             "<page-number position=\"none\"", "<page-number position=\"bottom-center\""));
  const auto numbered =
      e2e::fiscgen({"--templates", (dir / "firm").string(), "render", input.string(), "-o",
                    (dir / "numbered.pdf").string(), "--set", "@rules=letter-numbered"});
  REQUIRE_MESSAGE(numbered.status == 0, numbered.err);
  CHECK(numbered.err.find("letters/parts/letter.xml:") != std::string::npos);
  CHECK(numbered.err.find("prints the page number and rules profile letter-numbered numbers") !=
        std::string::npos);
  // Classified, the banner stands above the heading, each on a line of its own.
  auto marked = with(with(letter, "<body>", "<body>" + body), "<subject>",
                     "<classification>SECRET//NOFORN</classification>\n  <subject>");
  marked = replaced(marked, "<p>", "<p class=\"S//NF\">");
  marked = with(marked, "<subject>", "<subject class=\"U\">");
  const auto classified = dir / "classified.pdf";
  const auto secret = render(write(dir, "classified.xml", marked), classified);
  REQUIRE_MESSAGE(secret.status == 0, secret.err);
  const auto second = e2e::non_blank_lines(e2e::pdf_text(classified, 2));
  REQUIRE(second.size() > 2);
  CHECK(second[0] == "SECRET//NOFORN");
  CHECK(second[1].find("Attorney General of the United States") == 0);
  CHECK(second[1].find("Page 2") != std::string::npos);
}

TEST_CASE("letters in French, German and Spanish are on A4, with the locale's date line") {
  e2e::TempDir dir;
  const auto input = write(dir, "letter.xml",
                           with(letter, "<name>Eleanor M. Hart</name>",
                                "<name>Eleanor M. Hart</name><city>Seattle</city>"));
  struct Case {
    std::string locale, date_line, size;
  };
  for (const Case& c : {Case{"fr", "Seattle, le 16 juillet 2013", "595.28 x 841.89"},
                        Case{"de", "Seattle, 16. Juli 2013", "595.28 x 841.89"},
                        Case{"es", "Seattle, 16 de julio de 2013", "595.28 x 841.89"},
                        Case{"en_US", "July 16, 2013", "612 x 792"}}) {
    CAPTURE(c.locale);
    const auto pdf = dir / (c.locale + ".pdf");
    const auto run = render(input, pdf, {"--locale", c.locale});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(e2e::pdf_info(pdf, "Page size").find(c.size) != std::string::npos);
    CHECK(flat(e2e::pdf_text(pdf)).find(c.date_line) != std::string::npos);
  }
  // A profile the input names wins over the locale's.
  const auto named = write(dir, "named.xml",
                           with(e2e::read_file(input), "<letter template=\"attorney-general\"",
                                "<letter rules=\"letter-us\" template=\"attorney-general\""));
  const auto pdf = dir / "named.pdf";
  REQUIRE(render(named, pdf, {"--locale", "fr"}).status == 0);
  CHECK(e2e::pdf_info(pdf, "Page size").find("612 x 792") != std::string::npos);
}

namespace {

using e2e::Word;

/// The words of page 1 of `pdf` with their boxes, as pdftotext -bbox reads them.
std::vector<Word> words_of_first_page(const std::filesystem::path& pdf) {
  auto words = e2e::pdf_words(pdf, 1);
  REQUIRE(!words.empty());
  return words;
}

const Word& word_of(const std::vector<Word>& words, const std::string& text) {
  const auto found =
      std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.text == text; });
  REQUIRE_MESSAGE(found != words.end(), text);
  return *found;
}

constexpr double mm = 72 / 25.4;

}  // namespace

TEST_CASE("DIN 5008 Form B: the address in the envelope's window, the date in the info block") {
  e2e::TempDir dir;
  const auto pdf = dir / "de.pdf";
  const auto run = render(examples / "letter.xml", pdf, {"--locale", "de"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.err == "");
  const auto words = words_of_first_page(pdf);
  // The address field: 20 mm from the left edge, 45 mm from the top, 85 x 45 mm; the address
  // written from 62.7 mm down (the 17.7 mm above are for the return address and notes).
  const auto& first = word_of(words, "Attorney");
  CHECK(first.left == doctest::Approx(20 * mm).epsilon(0.001));
  CHECK(first.top == doctest::Approx(62.7 * mm).epsilon(0.001));
  bool in_address = false;
  int address_words = 0;
  for (const auto& w : words) {
    in_address = in_address || &w == &first;
    if (!in_address) continue;
    CAPTURE(w.text);
    CHECK(w.left >= 20 * mm - 0.01);
    CHECK(w.right <= 105 * mm);
    CHECK(w.top >= 45 * mm);
    CHECK(w.bottom <= 90 * mm);
    ++address_words;
    if (w.text == "20530") break;  // the address's last word
  }
  CHECK(address_words >= 12);
  // The information block (the date line): 125 mm from the left, 50 mm from the top.
  const auto& date = word_of(words, "Juli");
  CHECK(date.top == doctest::Approx(50 * mm).epsilon(0.001));
  CHECK(date.left > 125 * mm);
  CHECK(word_of(words, "16.").left == doctest::Approx(125 * mm).epsilon(0.001));
  // The letter's text begins below the address field.
  CHECK(word_of(words, "Publishing").top > 90 * mm);
  // An address longer than the window's six lines is set all the same, with a warning.
  const auto long_address = write(
      dir, "long.xml",
      with(e2e::read_file(examples / "letter.xml"), "<to ref=\"attorney-general\"/>",
           "<to><name>Dr. Małgorzata Wiśniewska-Ødegaard</name><title>Referatsleiterin</title>"
           "<organization>Bundesministerium der Justiz</organization><address>"
           "<line>Referat IV B 3</line><line>Zimmer 4.117</line><line>Mohrenstraße 37</line>"
           "<line>10117 Berlin</line><line>GERMANY</line></address></to>"));
  const auto warned = render(long_address, dir / "long.pdf", {"--locale", "de"});
  REQUIRE_MESSAGE(warned.status == 0, warned.err);
  CHECK(warned.err.find("the address-field is ") != std::string::npos);
  CHECK(warned.err.find("rules profile letter-din-5008 gives it 77 pt") != std::string::npos);
  // In US Letter practice the address is in the text, at the left margin under the date.
  const auto us = dir / "us.pdf";
  REQUIRE(render(examples / "letter.xml", us).status == 0);
  const auto us_words = words_of_first_page(us);
  CHECK(word_of(us_words, "950").left == doctest::Approx(72).epsilon(0.001));
  CHECK(word_of(us_words, "July").left == doctest::Approx(72).epsilon(0.001));
  CHECK(word_of(us_words, "950").top > word_of(us_words, "July").top);
}

TEST_CASE("--public --keep-pages keeps the classified version's pages and footnote numbers") {
  e2e::TempDir dir;
  auto text = classified_motion();
  // Two paragraphs may be shown; the rest stays TOP SECRET.
  text = with(text, "<p class=\"TS//SI//NF\">Recent reports", "<p class=\"U\">Recent reports");
  text = with(text, "<p class=\"TS//SI//NF\">The public interest",
              "<p class=\"U\">The public interest");
  const auto input = write(dir, "motion.xml", text);
  const auto classified = dir / "classified.pdf", kept = dir / "kept.pdf",
             closed = dir / "closed.pdf";
  REQUIRE(render(input, classified).status == 0);
  const auto run = render(input, kept, {"--public", "--keep-pages"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.err == "");
  REQUIRE(render(input, closed, {"--public"}).status == 0);
  const int pages = e2e::pdf_pages(classified);
  CHECK(e2e::pdf_pages(kept) == pages);
  CHECK(e2e::pdf_pages(closed) < pages);
  // What may be shown stands on the same page in both versions.
  for (const char* shown : {"Recent reports in the press", "The public interest points"}) {
    CAPTURE(shown);
    CHECK(page_with(kept, shown) == page_with(classified, shown));
  }
  // The classified words are gone; the footnotes keep their numbers, each saying [Redacted].
  const auto public_text = flat(e2e::pdf_text(kept));
  CHECK(public_text.find("Declaratory Judgment Act") == std::string::npos);
  CHECK(public_text.find("Cascade makes this motion") == std::string::npos);
  CHECK(public_text.find("Derived From") == std::string::npos);
  CHECK(count(public_text, "[Redacted]") >= 3 + 3);
  CHECK(e2e::decoded_hex_strings(e2e::read_file(kept)).find("Declaratory Judgment Act") ==
        std::string::npos);
  // Only with --public.
  const auto alone = render(input, dir / "alone.pdf", {"--keep-pages"});
  CHECK(alone.status >= 2);
  CHECK(alone.err.find("--public") != std::string::npos);
}

TEST_CASE("--keep-pages: a page that begins with a letter's copy list begins with it in public") {
  e2e::TempDir dir;
  // Classified throughout, the sample letter's copy list (a row of columns) begins page 2.
  auto marked =
      with(letter, "<subject>", "<classification>SECRET//NOFORN</classification>\n  <subject>");
  marked = replaced(marked, "<p>", "<p class=\"S//NF\">");
  marked = with(marked, "<subject>", "<subject class=\"U\">");
  marked = with(marked, "</cc>\n  <enclosure>",
                "</cc>\n  <cc><name>Søren Kierkegaard-Ødegaard</name></cc>\n  <enclosure>");
  const auto input = write(dir, "letter.xml", marked);
  const auto classified = dir / "classified.pdf", kept = dir / "kept.pdf",
             closed = dir / "closed.pdf";
  REQUIRE(render(input, classified).status == 0);
  const auto first_of_page_2 = [](const std::filesystem::path& pdf) {
    const auto lines = e2e::non_blank_lines(e2e::pdf_text(pdf, 2));
    return lines.size() > 2 ? lines[2] : std::string();  // after the banner and the heading
  };
  REQUIRE(e2e::pdf_pages(classified) == 2);
  REQUIRE(first_of_page_2(classified) == "cc:");
  // The public version, closed up, fits on one page; on the classified pages, the copy list
  // begins page 2 again.
  REQUIRE(render(input, closed, {"--public"}).status == 0);
  CHECK(e2e::pdf_pages(closed) == 1);
  const auto run = render(input, kept, {"--public", "--keep-pages"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.err == "");
  CHECK(e2e::pdf_pages(kept) == 2);
  CHECK(first_of_page_2(kept) == "cc:");
  CHECK(flat(e2e::pdf_text(kept, 2)).find("Søren Kierkegaard-Ødegaard") != std::string::npos);
  CHECK(flat(e2e::pdf_text(kept)).find("Nearly a month later") == std::string::npos);
  CHECK(flat(e2e::pdf_text(classified)).find("Nearly a month later") != std::string::npos);
}

TEST_CASE("batch --public --keep-pages makes what render --public --keep-pages makes") {
  e2e::TempDir dir;
  auto text = classified_motion();
  text = with(text, "<p class=\"TS//SI//NF\">Recent reports", "<p class=\"U\">Recent reports");
  std::filesystem::create_directories(dir / "in");
  const auto input = write(dir, "in/motion.xml", text);
  const auto rendered = dir / "rendered.pdf";
  REQUIRE(render(input, rendered, {"--public", "--keep-pages"}).status == 0);
  const auto run = e2e::fiscgen(
      {"batch", (dir / "in").string(), "-o", (dir / "out").string(), "--public", "--keep-pages"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto batched = dir / "out" / "motion.pdf";
  CHECK(e2e::pdf_pages(batched) == e2e::pdf_pages(rendered));
  CHECK(e2e::pdf_text(batched) == e2e::pdf_text(rendered));
  CHECK(flat(e2e::pdf_text(batched)).find("Declaratory Judgment Act") == std::string::npos);
  // The pages kept are a key of their own: without --keep-pages the batch renders again.
  const auto again = e2e::fiscgen(
      {"batch", (dir / "in").string(), "-o", (dir / "out").string(), "--public", "--explain"});
  REQUIRE_MESSAGE(again.status == 0, again.err);
  CHECK(again.err.find("--keep-pages no longer given") != std::string::npos);
  // Only with --public, as render.
  const auto alone = e2e::fiscgen(
      {"batch", (dir / "in").string(), "-o", (dir / "alone").string(), "--keep-pages"});
  CHECK(alone.status >= 2);
  CHECK(alone.err.find("--public") != std::string::npos);
}

TEST_CASE("a letterhead may carry a rule across the page") {
  e2e::TempDir dir;
  const auto input =
      write(dir, "letter.xml", with(letter, "<date>", "<letterhead rule=\"yes\"/>\n  <date>"));
  const auto pdf = dir / "letter.pdf";
  const auto run = render(input, pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  // The rule is a stroked path across the text width, in the page's content.
  const auto content = e2e::pdf_uncompressed(pdf, dir / "qdf.pdf");
  CHECK(content.find(" l\n") != std::string::npos);
  const auto plain = dir / "plain.pdf";
  REQUIRE(render(examples / "letter.xml", plain).status == 0);
  CHECK(e2e::pdf_uncompressed(plain, dir / "plain-qdf.pdf").find(" l\n") == std::string::npos);
  // Neither yes nor no: refused at the <letterhead>.
  const auto maybe =
      write(dir, "maybe.xml", with(letter, "<date>", "<letterhead rule=\"maybe\"/>\n  <date>"));
  const auto refused = render(maybe, dir / "maybe.pdf");
  CHECK(refused.status == 1);
  CHECK(refused.err.find("maybe.xml:5:") != std::string::npos);
  CHECK(refused.err.find("expected yes or no") != std::string::npos);
}

TEST_CASE("a letterhead may carry a logo: a PNG beside the input, drawn once, refused if not PNG") {
  e2e::TempDir dir;
  std::filesystem::copy_file(std::filesystem::path(FISCGEN_TEST_DATA) / "letters" / "logo.png",
                             dir / "logo.png");
  const auto input =
      write(dir, "letter.xml",
            with(letter, "<date>", "<letterhead logo=\"logo.png\" logo-height=\"36\"/>\n  <date>"));
  const auto pdf = dir / "letter.pdf";
  const auto run = render(input, pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto list = e2e::run({"pdfimages", "-list", pdf.string()});
  REQUIRE(list.status == 0);
  const auto rows = e2e::non_blank_lines(list.out);
  REQUIRE(rows.size() == 3);  // two header lines and one image
  std::istringstream row(rows[2]);
  std::string page, number, type, width, height;
  row >> page >> number >> type >> width >> height;
  CHECK(page == "1");
  CHECK(type == "image");
  CHECK(width == "24");
  CHECK(height == "8");
  CHECK(e2e::check_readers(pdf) == "");
  // The letterhead's words are still there, under it.
  CHECK(flat(e2e::pdf_text(pdf)).find("Cascade Software Corporation") != std::string::npos);

  // Not a PNG: refused at the <letterhead>, and nothing written.
  std::ofstream(dir / "logo.png", std::ios::binary) << "GIF89a not a png";
  const auto bad = render(input, dir / "bad.pdf");
  CHECK(bad.status == 1);
  CHECK(bad.err.find("letter.xml:") != std::string::npos);
  CHECK(bad.err.find("is not a PNG file") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "bad.pdf"));
  // Outside the input's folder: refused as an exhibit would be.
  const auto outside = write(
      dir, "outside.xml", with(letter, "<date>", "<letterhead logo=\"../logo.png\"/>\n  <date>"));
  const auto refused = render(outside, dir / "outside.pdf");
  CHECK(refused.status == 1);
  CHECK(refused.err.find("leads out of") != std::string::npos);
}

TEST_CASE("the sample French letter: A4 by its locale, the French date line, a logo and a rule") {
  e2e::TempDir dir;
  const auto pdf = dir / "letter-fr.pdf";
  const auto run = render(examples / "letter-fr.xml", pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(e2e::check_readers(pdf) == "");
  // letter-a4, chosen by the fr locale: the input names no profile.
  CHECK(e2e::read_file(examples / "letter-fr.xml").find("rules=") == std::string::npos);
  CHECK(e2e::pdf_info(pdf, "Page size").find("595.28 x 841.89") != std::string::npos);
  const auto text = flat(e2e::pdf_text(pdf));
  CHECK(text.find("Seattle, le 16 juillet 2013") != std::string::npos);
  CHECK(text.find("Madame,") != std::string::npos);
  CHECK(text.find("Je vous prie d’agréer, Madame,") != std::string::npos);
  // Enclosure before the copy.
  CHECK(text.find("Pièce jointe") < text.find("Copie :"));
  // The logo: one image on page 1, 96 by 32 pixels; the rule: a stroked line.
  const auto list = e2e::run({"pdfimages", "-list", pdf.string()});
  REQUIRE(list.status == 0);
  const auto rows = e2e::non_blank_lines(list.out);
  REQUIRE(rows.size() == 3);
  std::istringstream row(rows[2]);
  std::string page, number, type, width, height;
  row >> page >> number >> type >> width >> height;
  CHECK(page == "1");
  CHECK(width == "96");
  CHECK(height == "32");
  CHECK(e2e::pdf_uncompressed(pdf, dir / "qdf.pdf").find(" l\n") != std::string::npos);
}
