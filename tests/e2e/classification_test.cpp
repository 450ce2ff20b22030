// Classification markings: a motion whose paragraphs are marked TS//SI//NF carries the CAPCO
// banner at the top and the bottom of every page, and each paragraph its portion mark.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <fstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

/// Whether `block` stands in `text` as consecutive whole lines, in order.
bool has_lines(const std::string& text, const std::vector<std::string>& block) {
  const auto lines = e2e::non_blank_lines(text);
  return std::search(lines.begin(), lines.end(), block.begin(), block.end()) != lines.end();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// `input` with every portion not yet marked marked (U): a classified filing marks every
/// paragraph, heading, list item, footnote and its title or subject (32 C.F.R. § 2001.21(c)).
std::string marked_unclassified(std::string input) {
  for (const std::string portion : {"p", "heading", "item", "fn", "title", "subject"}) {
    const std::string open = "<" + portion + ">";
    const std::string marked = "<" + portion + " class=\"U\">";
    for (auto at = input.find(open); at != std::string::npos; at = input.find(open, at))
      input.replace(at, open.size(), marked);
  }
  return input;
}

}  // namespace

TEST_CASE("a TS//SI//NF motion has its banner at the top and bottom of every page") {
  e2e::TempDir dir;
  std::string input = e2e::read_file(examples / "motion.xml");
  std::size_t marked = 0;
  for (auto at = input.find("<p>"); at != std::string::npos; at = input.find("<p>", at)) {
    input.replace(at, 3, "<p class=\"TS//SI//NF\">");
    ++marked;
  }
  REQUIRE(marked > 5);
  input = marked_unclassified(input);
  std::ofstream(dir / "motion.xml") << input;
  const auto pdf = dir / "motion.pdf";
  const auto run = e2e::fiscgen({"render", (dir / "motion.xml").string(), "-o", pdf.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  const int pages = e2e::pdf_pages(pdf);
  REQUIRE(pages > 3);
  const std::string banner = "TOP SECRET//SI//NOFORN";
  for (int p = 1; p <= pages; ++p) {
    CAPTURE(p);
    const auto lines = e2e::non_blank_lines(e2e::pdf_text(pdf, p));
    REQUIRE(lines.size() > 3);
    CHECK(lines.front() == banner);
    // At the foot: the banner and the page number, in either order (the proposed order's
    // pages are numbered from 1 again).
    const auto& last = lines[lines.size() - 1];
    const auto& before = lines[lines.size() - 2];
    CHECK((last == banner || before == banner));
    const auto& number = last == banner ? before : last;
    CHECK(number.find_first_not_of("0123456789") == std::string::npos);
  }
  const std::string text = e2e::pdf_text(pdf);
  // Marks never break inside; a <p> a template prints outside the body may not be copied.
  CHECK(count(text, "(TS//SI//NF)") >= marked - 2);
  CHECK(count(text, banner) == 2 * static_cast<std::size_t>(pages));
  CHECK(text.find("(TS//SI//NF) Cascade Software Corporation") != std::string::npos);
}

TEST_CASE("an unmarked motion has no banner") {
  e2e::TempDir dir;
  const auto pdf = dir / "motion.pdf";
  const auto run = e2e::fiscgen({"render", (examples / "motion.xml").string(), "-o", pdf.string()});
  REQUIRE(run.status == 0);
  const std::string text = e2e::pdf_text(pdf);
  CHECK(text.find("SECRET") == std::string::npos);
  CHECK(text.find("UNCLASSIFIED") == std::string::npos);
  CHECK(text.find("(U)") == std::string::npos);
}

namespace {

std::filesystem::path write(const e2e::TempDir& dir, const std::string& name,
                            const std::string& text) {
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

/// `text` with the first `from` replaced by `to` (which must be there).
std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

e2e::Run render(const std::filesystem::path& input, const std::filesystem::path& pdf,
                std::vector<std::string> options = {}) {
  std::vector<std::string> arguments{"render", input.string(), "-o", pdf.string()};
  arguments.insert(arguments.end(), options.begin(), options.end());
  return e2e::fiscgen(arguments);
}

/// The sample motion with a (derivative) classification authority block, one paragraph marked
/// S//NF and every other portion U.
std::string authority_motion() {
  auto text = with(e2e::read_file(examples / "motion.xml"), "<date>2013-06-19</date>",
                   "<date>2013-06-19</date>\n  <classification-authority><classified-by>Jane Roe, "
                   "Deputy Assistant Attorney General, NSD</classified-by>"
                   "<derived-from>NSA/CSSM 1-52</derived-from><declassify-on>20380619"
                   "</declassify-on></classification-authority>");
  text = with(text, "<p>Recent reports", "<p class=\"S//NF\">Recent reports");
  return marked_unclassified(text);
}

/// One page's text as MuPDF reads it (diagonal text included).
std::string mupdf_text(const std::filesystem::path& pdf, int page) {
  const auto run =
      e2e::run({MUTOOL, "draw", "-F", "txt", "-o", "-", pdf.string(), std::to_string(page)});
  REQUIRE(run.status == 0);
  return run.out;
}

/// Pixels of a page (pdftoppm, grey, no anti-aliasing) whose grey lies strictly between black
/// and white: only the watermark is drawn in such a grey. Counted per quarter of the page
/// (0 top left, 1 top right, 2 bottom left, 3 bottom right).
std::array<int, 4> grey_pixels(const e2e::TempDir& dir, const std::filesystem::path& pdf) {
  const auto run = e2e::run({"pdftoppm", "-gray", "-r", "20", "-aa", "no", "-aaVector", "no", "-f",
                             "1", "-l", "1", pdf.string(), (dir / "page").string()});
  REQUIRE(run.status == 0);
  std::filesystem::path pgm;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    if (entry.path().extension() == ".pgm") pgm = entry.path();
  REQUIRE(!pgm.empty());
  std::ifstream in(pgm, std::ios::binary);
  std::string magic;
  int width = 0, height = 0, max = 0;
  in >> magic >> width >> height >> max;
  in.get();
  REQUIRE(magic == "P5");
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width * height));
  in.read(reinterpret_cast<char*>(pixels.data()), static_cast<std::streamsize>(pixels.size()));
  std::array<int, 4> counts{};
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const int value = pixels[static_cast<std::size_t>(y * width + x)];
      if (value > 150 && value < 250) ++counts[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)];
    }
  std::filesystem::remove(pgm);
  return counts;
}

}  // namespace

TEST_CASE("the classification vocabulary is data: editing forms/markings.xml changes the banner") {
  e2e::TempDir dir, data;
  const auto source = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR);
  std::filesystem::copy(source / "forms", data / "forms", std::filesystem::copy_options::recursive);
  std::filesystem::copy(source / "letters", data / "letters",
                        std::filesystem::copy_options::recursive);
  const auto input = write(dir, "motion.xml", authority_motion());
  // The shipped vocabulary: S//NF is the highest mark, NF written out.
  REQUIRE(render(input, dir / "shipped.pdf").status == 0);
  CHECK(e2e::non_blank_lines(e2e::pdf_text(dir / "shipped.pdf", 2)).front() == "SECRET//NOFORN");

  const auto vocabulary = data / "forms/markings.xml";
  write(data, "forms/markings.xml",
        with(with(e2e::read_file(vocabulary), "banner=\"NOFORN\"", "banner=\"NOT RELEASABLE\""),
             "banner=\"SECRET\"", "banner=\"GEHEIM\""));
  const auto edited = e2e::fiscgen({"--data-dir", data.path().string(), "render", input.string(),
                                    "-o", (dir / "edited.pdf").string()});
  INFO(edited.err);
  REQUIRE(edited.status == 0);
  CHECK(e2e::non_blank_lines(e2e::pdf_text(dir / "edited.pdf", 2)).front() ==
        "GEHEIM//NOT RELEASABLE");
  CHECK(e2e::pdf_text(dir / "edited.pdf").find("(S//NF) Recent reports") != std::string::npos);

  // A level the vocabulary lacks is an error at the mark, naming the levels it has.
  const auto bad =
      write(dir, "bad.xml", with(authority_motion(), "class=\"S//NF\"", "class=\"R//NF\""));
  const auto refused = render(bad, dir / "bad.pdf");
  CHECK(refused.status == 1);
  CHECK(refused.err.find(bad.string() + ":") != std::string::npos);
  CHECK(refused.err.find("class=\"R//NF\"") != std::string::npos);
  CHECK(refused.err.find("U, C, S or TS") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "bad.pdf"));
}

TEST_CASE("the classification authority block is on the first page, in the locale's words") {
  e2e::TempDir dir;
  const auto input = write(dir, "motion.xml", authority_motion());
  const auto pdf = dir / "motion.pdf";
  const auto run = render(input, pdf);
  INFO(run.err);
  REQUIRE(run.status == 0);
  const auto first = e2e::pdf_text(pdf, 1);
  CHECK(has_lines(first, {"Classified By: Jane Roe, Deputy Assistant Attorney General, NSD",
                          "Derived From: NSA/CSSM 1-52", "Declassify On: 20380619"}));
  // Under the caption (docket), above the title.
  CHECK(first.find("Docket No. Misc. 13-04") < first.find("Classified By"));
  CHECK(first.find("Classified By") < first.find("\nMOTION FOR DECLARATORY JUDGMENT"));
  // Elsewhere only on the proposed order's first page, which has a caption of its own.
  for (int p = 2; p <= e2e::pdf_pages(pdf); ++p) {
    CAPTURE(p);
    const auto page = e2e::pdf_text(pdf, p);
    CHECK(count(page, "Classified By") == count(page, "[PROPOSED] ORDER"));
  }

  const auto french = render(input, dir / "fr.pdf", {"--locale", "fr"});
  REQUIRE(french.status == 0);
  const auto french_text = e2e::pdf_text(dir / "fr.pdf", 1);
  // (pdftotext writes the no-break space before ':' as a space.)
  CHECK(french_text.find("Classifié par : Jane Roe") != std::string::npos);
  CHECK(french_text.find("Déclassifier le : 20380619") != std::string::npos);

  // Without the element, no block.
  const auto plain = dir / "plain.pdf";
  REQUIRE(render(examples / "motion.xml", plain).status == 0);
  CHECK(e2e::pdf_text(plain, 1).find("Classified") == std::string::npos);
}

TEST_CASE("a letter prints the classification authority block on its first page, under its date") {
  e2e::TempDir dir;
  auto text = with(e2e::read_file(examples / "letter.xml"), "<subject>",
                   "<classification-authority><classified-by>Jane Roe, Deputy Assistant Attorney "
                   "General, NSD</classified-by><reason>1.4(c)</reason><declassify-on>20380619"
                   "</declassify-on></classification-authority>\n  <subject>");
  text = with(text, "<p>I write to ask", "<p class=\"S//NF\">I write to ask");
  text = marked_unclassified(with(text, "<p>On June 19", "<p class=\"U\">On June 19"));
  const auto input = write(dir, "letter.xml", text);
  const auto pdf = dir / "letter.pdf";
  const auto run = render(input, pdf);
  INFO(run.err);
  REQUIRE(run.status == 0);
  const auto first = e2e::pdf_text(pdf, 1);
  // The lines given, in order, and no "Derived From" line, which the input left out.
  CHECK(has_lines(first, {"Classified By: Jane Roe, Deputy Assistant Attorney General, NSD",
                          "Reason: 1.4(c)", "Declassify On: 20380619"}));
  CHECK(first.find("Derived From") == std::string::npos);
  // Under the date, above the inside address and the letter.
  CHECK(first.find("July 16, 2013") < first.find("Classified By"));
  CHECK(first.find("Declassify On") < first.find("Attorney General\n"));
  CHECK(first.find("Declassify On") < first.find("I write to ask"));
  for (int p = 2; p <= e2e::pdf_pages(pdf); ++p)
    CHECK(e2e::pdf_text(pdf, p).find("Classified By") == std::string::npos);
  CHECK(e2e::check_readers(pdf) == "");

  // The public version leaves it out, as a filing's.
  const auto open = dir / "public.pdf";
  REQUIRE(render(input, open, {"--public"}).status == 0);
  CHECK(e2e::pdf_text(open).find("Classified By") == std::string::npos);
  // The sample letter has none.
  const auto plain = dir / "plain.pdf";
  REQUIRE(render(examples / "letter.xml", plain).status == 0);
  CHECK(e2e::pdf_text(plain).find("Classified") == std::string::npos);
}

TEST_CASE("a letter carries a classification and portion marks like a filing") {
  e2e::TempDir dir;
  auto text = with(e2e::read_file(examples / "letter.xml"), "<subject>",
                   "<classification>UNCLASSIFIED//FOUO</classification>\n  <subject>");
  text = with(text, "<p>I write to ask", "<p class=\"C\">I write to ask");
  text = marked_unclassified(with(text, "<p>On June 19", "<p class=\"U//FOUO\">On June 19"));
  // A stated classification lower than a mark is refused at <classification>.
  const auto lower = render(write(dir, "lower.xml", text), dir / "lower.pdf");
  CHECK(lower.status == 1);
  CHECK(lower.err.find("lower.xml:") != std::string::npos);
  CHECK(lower.err.find("<classification>UNCLASSIFIED//FOUO</classification> is lower") !=
        std::string::npos);
  CHECK(lower.err.find("CONFIDENTIAL//FOUO") != std::string::npos);
  text = with(text, "UNCLASSIFIED//FOUO</classification>", "CONFIDENTIAL//FOUO</classification>");
  const auto input = write(dir, "letter.xml", text);
  const auto pdf = dir / "letter.pdf";
  const auto run = render(input, pdf);
  INFO(run.err);
  REQUIRE(run.status == 0);
  const auto all = e2e::pdf_text(pdf);
  CHECK(all.find("(C) I write to ask") != std::string::npos);
  CHECK(all.find("(U//FOUO) On June 19") != std::string::npos);
  // The banner: the highest level, with every control.
  for (int p = 1; p <= e2e::pdf_pages(pdf); ++p) {
    CAPTURE(p);
    const auto lines = e2e::non_blank_lines(e2e::pdf_text(pdf, p));
    REQUIRE(lines.size() > 2);
    CHECK(lines.front() == "CONFIDENTIAL//FOUO");
    CHECK(std::count(lines.begin(), lines.end(), "CONFIDENTIAL//FOUO") == 2);
  }
  // The stated classification alone, when no mark is higher.
  const auto stated =
      write(dir, "stated.xml",
            with(with(text, "<p class=\"C\">", "<p class=\"U\">"),
                 "CONFIDENTIAL//FOUO</classification>", "UNCLASSIFIED//FOUO</classification>"));
  REQUIRE(render(stated, dir / "stated.pdf").status == 0);
  CHECK(e2e::non_blank_lines(e2e::pdf_text(dir / "stated.pdf", 1)).front() == "UNCLASSIFIED//FOUO");
}

TEST_CASE("--draft: the locale's DRAFT, light grey, corner to corner on every page, same bytes") {
  e2e::TempDir dir;
  const auto pdf = dir / "draft.pdf";
  const auto run = render(examples / "motion.xml", pdf, {"--draft"});
  INFO(run.err);
  REQUIRE(run.status == 0);
  const int pages = e2e::pdf_pages(pdf);
  REQUIRE(pages > 3);
  // pdftotext leaves diagonal text out (so a draft's text reads as the final's); MuPDF reads it.
  for (int p = 1; p <= pages; ++p) {
    CAPTURE(p);
    CHECK(count(mupdf_text(pdf, p), "DRAFT") == 1);
    CHECK(e2e::pdf_text(pdf, p).find("DRAFT") == std::string::npos);
  }
  CHECK(e2e::run({QPDF, "--check", pdf.string()}).status == 0);
  // Deterministic: the same command gives the same bytes.
  REQUIRE(render(examples / "motion.xml", dir / "again.pdf", {"--draft"}).status == 0);
  CHECK(e2e::read_file(pdf) == e2e::read_file(dir / "again.pdf"));

  // Seen as pixels: a grey between black and white, in the bottom-left and the top-right
  // quarters (the diagonal), and none of it without --draft.
  const auto grey = grey_pixels(dir, pdf);
  CHECK(grey[1] > 100);
  CHECK(grey[2] > 100);
  REQUIRE(render(examples / "motion.xml", dir / "final.pdf").status == 0);
  const auto none = grey_pixels(dir, dir / "final.pdf");
  CHECK(none[0] + none[1] + none[2] + none[3] == 0);
  CHECK(mupdf_text(dir / "final.pdf", 1).find("DRAFT") == std::string::npos);

  REQUIRE(
      render(examples / "letter.xml", dir / "projet.pdf", {"--draft", "--locale", "fr"}).status ==
      0);
  CHECK(mupdf_text(dir / "projet.pdf", 1).find("PROJET") != std::string::npos);
  CHECK(mupdf_text(dir / "projet.pdf", 1).find("DRAFT") == std::string::npos);
}

TEST_CASE("--public: classified portions say [Redacted], banners say UNCLASSIFIED") {
  e2e::TempDir dir;
  auto text = with(authority_motion(), "<date>2013-06-19</date>",
                   "<date>2013-06-19</date><classification>TS//SI//NF</classification>");
  text = with(text, "<heading class=\"U\">Argument</heading>",
              "<heading class=\"TS\">Argument</heading>");
  const auto input = write(dir, "motion.xml", text);
  const auto pdf = dir / "public.pdf";
  const auto run = render(input, pdf, {"--public"});
  INFO(run.err);
  REQUIRE(run.status == 0);
  const auto all = e2e::pdf_text(pdf);
  CHECK(all.find("Recent reports") == std::string::npos);
  CHECK(all.find("III.\n\n[Redacted]") != std::string::npos);  // the heading keeps its number
  CHECK(count(all, "[Redacted]") == 2);
  CHECK(all.find("(U) Cascade Software Corporation") != std::string::npos);
  CHECK(all.find("Classified By") == std::string::npos);
  CHECK(all.find("SECRET") == std::string::npos);
  for (int p = 1; p <= e2e::pdf_pages(pdf); ++p) {
    CAPTURE(p);
    CHECK(e2e::non_blank_lines(e2e::pdf_text(pdf, p)).front() == "UNCLASSIFIED");
  }
  // The tree shows the same; French says its own notice.
  const auto tree = e2e::fiscgen({"render", input.string(), "--public", "--emit", "tree"});
  REQUIRE(tree.status == 0);
  CHECK(tree.out.find("classification=\"UNCLASSIFIED\"") != std::string::npos);
  CHECK(tree.out.find("Recent reports") == std::string::npos);
  REQUIRE(render(input, dir / "fr.pdf", {"--public", "--locale", "fr"}).status == 0);
  CHECK(e2e::pdf_text(dir / "fr.pdf").find("[Expurgé]") != std::string::npos);

  // A classified document that marks nothing cannot be made public.
  const auto unmarked =
      write(dir, "unmarked.xml",
            with(e2e::read_file(examples / "motion.xml"), "<date>2013-06-19</date>",
                 "<date>2013-06-19</date><classification>SECRET</classification>"));
  const auto refused = render(unmarked, dir / "unmarked.pdf", {"--public"});
  CHECK(refused.status == 1);
  CHECK(refused.err.find("has no portion mark") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "unmarked.pdf"));
}

// A letter's subject line and a motion's title are portions (32 C.F.R. § 2001.21(c)), and the
// PDF's title and subject metadata repeat them: a public version must hold them in no byte.
TEST_CASE("a classified subject or title is in no byte of the public PDF, metadata included") {
  e2e::TempDir dir;
  const std::string secret = "Operation Kestrel and the Ødegaard accounts";
  auto letter = marked_unclassified(
      with(with(e2e::read_file(examples / "letter.xml"),
                "Publishing aggregate figures on national security demands", secret),
           "<subject>", "<classification>SECRET//NOFORN</classification>\n  <subject>"));
  // Unmarked in a classified letter, the subject is refused at its own line.
  const auto unmarked =
      write(dir, "unmarked.xml", with(letter, "<subject class=\"U\">", "<subject>"));
  const auto check = e2e::fiscgen({"check", unmarked.string()});
  CHECK(check.status == 1);
  CHECK(check.err.find(
            "unmarked.xml:" +
            std::to_string(
                1 + std::count(letter.begin(),
                               letter.begin() + static_cast<long>(letter.find("<subject")), '\n')) +
            ":") != std::string::npos);
  CHECK(check.err.find("has no portion mark") != std::string::npos);

  const auto input =
      write(dir, "letter.xml", with(letter, "<subject class=\"U\">", "<subject class=\"S//NF\">"));
  const auto classified = dir / "classified.pdf";
  REQUIRE(render(input, classified).status == 0);
  CHECK(e2e::pdf_text(classified, 1).find("(S//NF) Re: " + secret) != std::string::npos);
  const auto pdf = dir / "public.pdf";
  const auto run = render(input, pdf, {"--public"});
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(e2e::pdf_text(pdf, 1).find("[Redacted]") != std::string::npos);
  CHECK(e2e::pdf_info(pdf, "Title") == "[Redacted]");
  CHECK(e2e::pdf_info(pdf, "Subject") == "[Redacted]");
  const auto bytes = e2e::pdf_uncompressed(pdf, dir.path() / "qdf.pdf");
  for (const std::string word : {"Kestrel", "KESTREL", "Ødegaard"}) {
    CAPTURE(word);
    CHECK(bytes.find(word) == std::string::npos);
    CHECK(e2e::decoded_hex_strings(bytes).find(word) == std::string::npos);
  }

  // A motion whose title is TOP SECRET: withheld wherever it is used, the caption, the
  // certificate of service ("the foregoing …") and the PDF's title.
  const auto motion = write(
      dir, "motion.xml",
      marked_unclassified(with(with(e2e::read_file(examples / "motion.xml"),
                                    "<title>Motion for Declaratory Judgment</title>",
                                    "<title class=\"TS\">Motion Concerning Operation Nightjar "
                                    "Søgård</title>"),
                               "<date>", "<classification>TOP SECRET</classification><date>")));
  const auto secret_pdf = dir / "secret.pdf";
  REQUIRE(render(motion, secret_pdf).status == 0);
  CHECK(count(e2e::pdf_text(secret_pdf), "Nightjar") >= 2);  // the caption and the certificate
  const auto open = dir / "motion.pdf";
  REQUIRE(render(motion, open, {"--public"}).status == 0);
  CHECK(e2e::pdf_info(open, "Title") == "[Redacted]");
  CHECK(e2e::pdf_text(open).find("[Redacted] to be served") != std::string::npos);
  const auto motion_bytes = e2e::pdf_uncompressed(open, dir.path() / "motion-qdf.pdf");
  for (const std::string word : {"Nightjar", "NIGHTJAR", "Søgård", "SØGÅRD"}) {
    CAPTURE(word);
    CHECK(e2e::decoded_hex_strings(motion_bytes).find(word) == std::string::npos);
    CHECK(motion_bytes.find(word) == std::string::npos);
  }
  // The unclassified versions keep their metadata.
  REQUIRE(render(examples / "motion.xml", dir / "plain.pdf").status == 0);
  CHECK(e2e::pdf_info(dir / "plain.pdf", "Title") == "Motion for Declaratory Judgment");
}
