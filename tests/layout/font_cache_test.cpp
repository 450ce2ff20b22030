// FontCache, layout's memory of the fonts' answers: whatever it keeps, it must answer exactly
// what the fonts answer, the first time (when it asks them) and every time after (when it
// answers from its tables alone).
#include <string>
#include <vector>

#include "../unicode_blocks.hpp"
#include "layout/context.hpp"
#include "layout_helpers.hpp"

using namespace fiscgen;
using layout_test::Setup;

namespace {

constexpr fonts::Face faces[] = {fonts::Face::regular, fonts::Face::bold, fonts::Face::italic,
                                 fonts::Face::bold_italic};

// Code points the cache is asked about: the blocks users type in, a few letters of scripts
// the main family lacks (drawn from the fallback or a covering font), and some outside the
// BMP (never kept in the tables).
std::vector<char32_t> asked() {
  std::vector<char32_t> out;
  for (const auto& block : test_support::typed_blocks)
    for (const char32_t cp : test_support::characters_of(block)) out.push_back(cp);
  for (char32_t cp = 0x20; cp < 0x7F; ++cp) out.push_back(cp);
  for (const char32_t cp : {U'\u05D0', U'\u05E9', U'\u0627', U'\u0644', U'\u0915', U'\u0E01',
                            U'\u4E2D', U'\uAC00', U'\u2116', U'\u00A7', U'\U0001D400'})
    out.push_back(cp);
  return out;
}

}  // namespace

TEST_CASE("the font cache picks the fonts' font and advance, first asked and after") {
  Setup setup;
  layout::detail::FontCache cache(setup.fonts);
  const auto code_points = asked();
  for (int round = 0; round < 2; ++round)
    for (const auto face : faces)
      for (const char32_t cp : code_points) {
        CAPTURE(round);
        CAPTURE(static_cast<unsigned>(cp));
        const int font = setup.fonts.pick(face, cp);
        REQUIRE(cache.pick(face, cp) == font);
        if (font >= 0) REQUIRE(cache.advance(font, cp) == setup.fonts.font(font).advance(cp));
      }
}

TEST_CASE("the font cache's kerning of a word is the font's, first asked and after") {
  Setup setup;
  layout::detail::FontCache cache(setup.fonts);
  const std::vector<std::u32string> words = {U"AVATAR",
                                             U"Wa",
                                             U"To",
                                             U"LTAVY",
                                             U"jurisdiction",
                                             U"F.3d",
                                             U"\u201CYes,\u201D",
                                             U"Stra\u00DFe",
                                             U"\u0152uvre",
                                             U"Vy\u0161\u0161\u00ED",
                                             U"\u0391\u03B8\u03AE\u03BD\u03B1",
                                             U"\u041C\u043E\u0441\u043A\u0432\u0430",
                                             U"\u0141\u00F3d\u017A",
                                             U"\u1E9E\u1EA0\u1EF8",
                                             U"A",
                                             U""};
  for (int round = 0; round < 2; ++round)
    for (const auto face : faces)
      for (const auto& word : words) {
        if (word.empty()) continue;
        const int font = setup.fonts.pick(face, word.front());
        REQUIRE(font >= 0);
        const auto expected = setup.fonts.font(font).kerning(word);
        const auto kept = cache.kerning(font, word);
        CAPTURE(round);
        CAPTURE(i18n::to_utf8(word));
        CHECK(std::vector<int>(kept.begin(), kept.end()) == expected);
      }
}
