// Right-to-left text in a left-to-right document: a Hebrew name, an Arabic greeting. Lines are
// ordered by the Unicode BiDi algorithm, so the PDF draws them as a reader sees them: MuPDF,
// which gives the text in the order it is drawn, must read the expected visual order, and
// poppler, which rebuilds the logical order, the words as typed.
#include <doctest/doctest.h>

#include <fstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

std::filesystem::path render_subject(const e2e::TempDir& dir, const std::string& subject) {
  const auto pdf = dir / "out.pdf";
  const auto run = e2e::fiscgen({"render", (examples / "letter.xml").string(), "--set",
                                 "subject=" + subject, "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  return pdf;
}

}  // namespace

TEST_CASE("Hebrew in an English line is drawn in visual order, brackets mirrored") {
  const e2e::TempDir dir;
  const auto pdf = render_subject(dir, "Signed by שלום עולם (ב) today, 12 ירושלים end");
  // Each right-to-left run reversed in place; "(ב)" inside it keeps its brackets facing out.
  const auto drawn = e2e::pdf_text_mupdf(pdf);
  CHECK_MESSAGE(
      drawn.find("Re: Signed by (ב) םלוע םולש today, 12 םילשורי end") != std::string::npos, drawn);
  const auto words = e2e::pdf_text(pdf);
  for (const char* word : {"שלום", "עולם", "ירושלים"})
    CHECK_MESSAGE(words.find(word) != std::string::npos, word);
  CHECK(e2e::check_readers(pdf).empty());
}

TEST_CASE("a paragraph with no right-to-left text is drawn exactly as before") {
  const e2e::TempDir dir;
  const auto pdf = render_subject(dir, "Smith (1979), § 1861(d) and 12–14");
  CHECK(e2e::pdf_text_mupdf(pdf).find("Re: Smith (1979), § 1861(d) and 12–14") !=
        std::string::npos);
}

TEST_CASE("Arabic letters join: drawn in their contextual forms, right to left") {
  const e2e::TempDir dir;
  const auto pdf = render_subject(dir, "سلام عليكم Ahmad");
  const auto drawn = e2e::pdf_text_mupdf(pdf);
  // Final meem, medial kaf, medial yeh, medial lam, initial ain: عليكم drawn right to left.
  CHECK_MESSAGE(drawn.find("\uFEE2\uFEDC\uFEF4\uFEE0\uFECB") != std::string::npos, drawn);
  // Nothing is drawn in the isolated base forms U+0621-U+064A.
  for (const char* base : {"س", "ل", "ا", "م", "ع", "ي", "ك"})
    CHECK_MESSAGE(drawn.find(base) == std::string::npos, base);
  CHECK(e2e::check_readers(pdf).empty());
}
