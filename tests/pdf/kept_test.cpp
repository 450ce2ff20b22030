// What the PDF writer keeps on a thread between documents (the UTF-8 encoder's attributes,
// recent subsets, compressed streams, font programs) never changes a document's bytes: each is
// what a thread that wrote nothing before gives.

#include <doctest/doctest.h>
#include <hpdf.h>

#include <string>
#include <thread>
#include <vector>

#include "base/utf8.hpp"
#include "fonts/fonts.hpp"
#include "pdf/haru.hpp"
#include "pdf/pdf.hpp"
#include "pdf_tools.hpp"

using fiscgen::fonts::Face;
using fiscgen::fonts::FontSet;
using fiscgen::layout::PageModel;
using fiscgen::pdf::Info;
using pdf_test::Fonts;

namespace {

/// A page of `lines`, each a run in `face`, drawn in whichever font of the set has its first
/// character (non-Latin scripts reach the fallback or a covering font).
PageModel page_of(FontSet& fonts, const std::vector<std::string>& lines, Face face) {
  PageModel model;
  model.pages.emplace_back();
  double y = 700;
  for (const auto& line : lines) {
    std::size_t at = 0;
    char32_t first = 0;
    REQUIRE(fiscgen::utf8::next_code_point(line, at, first));
    const int font = fonts.pick(face, first);
    REQUIRE(font >= 0);
    model.pages[0].runs.push_back({72, y, font, 12, line});
    y -= 20;
  }
  return model;
}

/// Letters much alike, as a batch's are: the same words, other names and numbers.
std::vector<PageModel> models(FontSet& fonts) {
  std::vector<PageModel> all;
  all.push_back(pdf_test::sample_model());
  all.push_back(page_of(fonts, {"Dear Ms. Gómez,", "Request 2041 of 12 March", "Łódź, Kraków"},
                        Face::regular));
  all.push_back(
      page_of(fonts, {"Dear Ms. Gómez,", "Request 7785 of 30 April", "Ελληνικά"}, Face::regular));
  all.push_back(page_of(fonts, {"עברית", "中文", "Request 7785"}, Face::bold));
  all.push_back(page_of(fonts, {"Dear Ms. Gómez,", "Request 2041 of 12 March", "Łódź, Kraków"},
                        Face::regular));
  return all;
}

constexpr std::size_t model_count = 5;

Info info_of(std::size_t i) {
  Info info;
  info.title = "Letter " + std::to_string(i);
  return info;
}

/// Each model written on a thread of its own, which kept nothing from another document.
std::vector<std::string> written_alone() {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < model_count; ++i) {
    std::thread alone([&] {
      Fonts own;  // the same picks, so the same font indices, as every other FontSet's
      out.push_back(fiscgen::pdf::write_to_memory(models(own.set).at(i), own.set, info_of(i)));
    });
    alone.join();
  }
  return out;
}

}  // namespace

TEST_CASE("documents written one after another on a thread are the bytes each gives alone") {
  const auto alone = written_alone();
  std::vector<std::string> in_turn;
  std::thread worker([&] {
    // One font set for all, as a batch worker keeps its fonts: their recent subsets are reused.
    Fonts fonts;
    const auto all = models(fonts.set);
    for (int round = 0; round < 2; ++round)
      for (std::size_t i = 0; i < all.size(); ++i)
        in_turn.push_back(fiscgen::pdf::write_to_memory(all[i], fonts.set, info_of(i)));
  });
  worker.join();
  REQUIRE(alone.size() == model_count);
  REQUIRE(in_turn.size() == 2 * alone.size());
  for (std::size_t i = 0; i < in_turn.size(); ++i) {
    CAPTURE(i);
    CHECK(in_turn[i] == alone[i % alone.size()]);
  }
}

TEST_CASE("a document written while another document is open is the bytes it gives alone") {
  const auto alone = written_alone();
  Fonts fonts;
  const auto all = models(fonts.set);
  // This open document's UTF-8 encoder holds what the thread keeps: the next one makes its own.
  fiscgen::pdf::haru::Doc open;
  REQUIRE(HPDF_UseUTFEncodings(open.get()) == HPDF_OK);
  REQUIRE(HPDF_SetCurrentEncoder(open.get(), "UTF-8") == HPDF_OK);
  for (std::size_t i = 0; i < all.size(); ++i) {
    CAPTURE(i);
    CHECK(fiscgen::pdf::write_to_memory(all[i], fonts.set, info_of(i)) == alone[i]);
  }
}
