// The page text written as TJ arrays (pdf/text_object.cpp), read back by poppler: every run
// starts where layout put it and reads as it was written, whatever the gaps, fonts, sizes,
// baselines and colours between runs.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <regex>

#include "fonts/fonts.hpp"
#include "pdf/pdf.hpp"
#include "pdf_tools.hpp"

using fiscgen::layout::PageModel;
using fiscgen::layout::TextRun;

namespace {

struct Word {
  double x, y;
  std::string text;
};

/// The words of page 1 of `pdf` as `pdftotext -bbox` reads them: where each starts, its box's
/// top and its text (XML entities for &, < and > undone).
std::vector<Word> words_of(const std::filesystem::path& pdf) {
  const auto out = pdf_test::run("pdftotext -bbox -f 1 -l 1 " + pdf_test::quote(pdf) + " -");
  const std::regex word("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\"[^>]*>([^<]*)</word>");
  std::vector<Word> words;
  for (std::sregex_iterator it(out.text.begin(), out.text.end(), word), end; it != end; ++it) {
    std::string text = (*it)[3];
    for (const auto& [entity, plain] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}})
      for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity))
        text.replace(at, std::string(entity).size(), plain);
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), text});
  }
  return words;
}

std::vector<Word> drawn(const PageModel& model) {
  pdf_test::TempDir dir;
  fiscgen::fonts::FontconfigResolver resolver;
  fiscgen::fonts::FontSet fonts(resolver, "Liberation Serif", "DejaVu Serif");
  const auto pdf = dir / "runs.pdf";
  fiscgen::pdf::write(model, fonts, {}, pdf);
  return words_of(pdf);
}

/// The expected (x, text) pairs none of `words` matches: poppler orders words by its own idea of
/// columns and blocks, so each is looked for among all the words, each word matched once.
std::vector<std::string> unmatched(std::vector<Word> words,
                                   const std::vector<std::pair<double, std::string>>& expected) {
  std::vector<std::string> missing;
  for (const auto& [x, text] : expected) {
    const auto found = std::find_if(words.begin(), words.end(), [&](const Word& word) {
      return word.text == text && std::abs(word.x - x) < 0.01;
    });
    if (found == words.end())
      missing.push_back(text + " at " + std::to_string(x));
    else
      words.erase(found);
  }
  return missing;
}

PageModel one_page(std::vector<TextRun> runs) {
  PageModel model;
  model.pages.emplace_back();
  model.pages.back().runs = std::move(runs);
  return model;
}

}  // namespace

TEST_CASE("text objects: each run starts where layout put it, across fonts, sizes and marks") {
  using fiscgen::doc::Change;
  // One baseline: a kerning-sized gap, justified gaps, a font change in the line, a
  // superscript (another baseline and size), a blackline's colour and back, a run to the left.
  const auto words = drawn(one_page({
      {72, 700, 0, 12, "Cascade"},
      {120.25, 700, 0, 12, "Software"},
      {181.7, 700, 1, 12, "Corporation"},
      {260.003, 700, 2, 12, "moves"},
      {300.5, 704.5, 0, 7, "12"},
      {312, 700, 0, 12, "inserted", Change::inserted},
      {370, 700, 0, 12, "Ana", Change::inserted},
      {400, 700, 3, 12, "Gómez"},
      {450, 700, 4, 12, "Ελληνικά"},
      {520, 700, 0, 12, "Σ"},
      {90, 650, 0, 10.5, "Nguyễn"},
      {72, 620, 0, 12, "left"},
  }));
  const std::vector<std::pair<double, std::string>> expected{
      {72, "Cascade"},   {120.25, "Software"}, {181.7, "Corporation"}, {260.003, "moves"},
      {300.5, "12"},     {312, "inserted"},    {370, "Ana"},           {400, "Gómez"},
      {450, "Ελληνικά"}, {520, "Σ"},           {90, "Nguyễn"},         {72, "left"}};
  CHECK(words.size() == expected.size());
  CHECK(unmatched(words, expected) == std::vector<std::string>{});
  // The superscript is drawn higher than the line it sits on.
  const auto top_of = [&](const std::string& text) {
    for (const auto& word : words)
      if (word.text == text) return word.y;
    return -1.0;
  };
  CHECK(top_of("12") < top_of("moves"));
}

// Text is written in literal strings of 2-byte codes: parentheses, backslashes and a CR byte
// must be escaped, whether they are a character or one byte of a character's code (č is 01 0D,
// Ĩ 01 28, ĩ 01 29, Ŝ 01 5C). Unescaped, poppler ends a string early; a bare CR is kept by
// poppler and MuPDF, but read as a LF by readers that follow the standard, as qpdf does.
TEST_CASE("text objects: parentheses, backslashes and codes holding their bytes read back whole") {
  const std::vector<std::pair<double, std::string>> expected{
      {72, "(a)"},  {130, "back\\slash"}, {230, "Vojtěch"}, {300, "Babič"},
      {360, "Ĩĩ)"}, {420, "Ŝ\\(Ŝ"},       {72, "((("}};
  std::vector<TextRun> runs;
  for (std::size_t i = 0; i < expected.size(); ++i)
    runs.push_back(
        {expected[i].first, i + 1 < expected.size() ? 700.0 : 650.0, 0, 12, expected[i].second});
  pdf_test::TempDir dir;
  fiscgen::fonts::FontconfigResolver resolver;
  fiscgen::fonts::FontSet fonts(resolver, "Liberation Serif", "DejaVu Serif");
  const auto pdf = dir / "escapes.pdf";
  fiscgen::pdf::write(one_page(runs), fonts, {}, pdf);
  const auto words = words_of(pdf);
  CHECK(words.size() == expected.size());
  CHECK(unmatched(words, expected) == std::vector<std::string>{});
  // qpdf writes each string it read as hex: č's code whole, no 01 0A in its place.
  const auto qdf =
      pdf_test::run("qpdf --qdf --object-streams=disable " + pdf_test::quote(pdf) + " -");
  CHECK(qdf.text.find("0042006100620069010d") != std::string::npos);  // Babič
  CHECK(qdf.text.find("010a") == std::string::npos);
}

TEST_CASE("text objects: random runs from many scripts are read back where they were put") {
  // Texts from the scripts the test fonts cover (Liberation Serif, DejaVu Serif as fallback).
  const std::vector<std::string> texts{
      "Smith",  "Maryland", "Gómez",  "Nguyễn",  "Łódź",     "Ærøskøbing", "Straße", "Øresund",
      "Дело",   "Москва",   "Ἀθῆναι", "ΦΙΣΑ",    "İstanbul", "Đặng",       "§1861",  "(d)(1)",
      "“FISA”", "50",       "U.S.C.", "O’Brien", "AVAWAY",   "Tłumacz",    "Čapek",  "Ŋŋ"};
  std::mt19937 random(20131209);
  for (int round = 0; round < 4; ++round) {
    std::vector<TextRun> runs;
    std::vector<std::pair<double, std::string>> expected;
    for (double y = 740; y > 100; y -= 30) {
      double x = 72 + std::uniform_real_distribution<double>(0, 5)(random);
      while (x < 480) {
        const auto& text = texts[random() % texts.size()];
        const int font = static_cast<int>(random() % 8);
        const double size = std::uniform_real_distribution<double>(8, 14)(random);
        const auto change = static_cast<fiscgen::doc::Change>(random() % 3);
        runs.push_back({x, y, font, size, text, change});
        expected.emplace_back(x, text);
        // Far enough apart that poppler sees separate words, however wide the text.
        x += size * 0.75 * static_cast<double>(text.size()) + 6 +
             std::uniform_real_distribution<double>(0, 20)(random);
      }
    }
    const auto words = drawn(one_page(runs));
    CHECK(words.size() == expected.size());
    CHECK(unmatched(words, expected) == std::vector<std::string>{});
  }
}
