// FontCache, layout's memory of the fonts' answers: whatever it keeps, it must answer exactly
// what the fonts answer, the first time (when it asks them) and every time after (when it
// answers from its tables alone).
#include <filesystem>
#include <string>
#include <vector>

#include "../temp_dir.hpp"
#include "../unicode_blocks.hpp"
#include "layout/context.hpp"
#include "layout_helpers.hpp"

using namespace fiscgen;
using layout_test::Setup;
using test_support::TempDir;

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

TEST_CASE("the font cache's kerning and advances kept from an earlier document are the font's") {
  // Caches of later documents on the thread answer from the words and characters earlier ones
  // asked, per font: the same font index may stand for another font (the families
  // swapped here).
  Setup setup;
  fonts::FontconfigResolver resolver;
  fonts::FontSet swapped{resolver, "DejaVu Serif", "Liberation Serif"};
  const std::vector<std::u32string> words = {
      U"AVATAR", U"Wa", U"To", U"LTAVY", U"F.3d", U"\u0141\u00F3d\u017A", U"G\u00F3mez"};
  for (int document = 0; document < 4; ++document) {
    fonts::FontSet& fonts = document % 2 ? swapped : setup.fonts;
    layout::detail::FontCache cache(fonts);
    for (const auto face : faces)
      for (const auto& word : words) {
        const int font = fonts.pick(face, word.front());
        REQUIRE(font >= 0);
        const auto expected = fonts.font(font).kerning(word);
        const auto kept = cache.kerning(font, word);
        CAPTURE(document);
        CAPTURE(i18n::to_utf8(word));
        CHECK(std::vector<int>(kept.begin(), kept.end()) == expected);
        for (const char32_t cp : word) {
          const int drawn_by = fonts.pick(face, cp);
          REQUIRE(drawn_by >= 0);
          CHECK(cache.advance(drawn_by, cp) == fonts.font(drawn_by).advance(cp));
        }
      }
  }
}

namespace {

/// Every family and face is the one file at `file`, whatever it holds when a FontSet opens it.
class OneFile : public fonts::FontResolver {
 public:
  explicit OneFile(std::filesystem::path file) : file_(std::move(file)) {}
  std::filesystem::path find(const std::string&, fonts::Face, bool) override { return file_; }
  std::filesystem::path find_covering(char32_t, fonts::Face) override { return file_; }

 private:
  std::filesystem::path file_;
};

}  // namespace

TEST_CASE("the font cache does not answer for a font file replaced since it was asked") {
  // A process may render again (--watch) after a font file was replaced at the same path: the
  // new Font's answers are its own, not those kept from the old one.
  TempDir dir;
  const auto file = dir / "font.ttf";
  fonts::FontconfigResolver system;
  const auto liberation = system.find("Liberation Serif", fonts::Face::regular, true);
  const auto dejavu = system.find("DejaVu Serif", fonts::Face::regular, true);
  const std::vector<std::u32string> words = {
      U"AVATAR", U"Wa", U"To", U"LTAVY", U"\u0141\u00F3d\u017A", U"G\u00F3mez"};
  for (const auto& source : {liberation, dejavu, liberation}) {
    std::filesystem::copy_file(source, file, std::filesystem::copy_options::overwrite_existing);
    OneFile resolver(file);
    fonts::FontSet fonts{resolver, "Any", "Any"};
    layout::detail::FontCache cache(fonts);
    for (const auto& word : words) {
      CAPTURE(source.string());
      CAPTURE(i18n::to_utf8(word));
      const auto kept = cache.kerning(0, word);
      CHECK(std::vector<int>(kept.begin(), kept.end()) == fonts.font(0).kerning(word));
      for (const char32_t cp : word) CHECK(cache.advance(0, cp) == fonts.font(0).advance(cp));
    }
  }
}
