// Kerning: HarfBuzz shaping with the kern feature, as layout measures and places words.
#include <doctest/doctest.h>

#include <string>

#include "fonts/fonts.hpp"

using fiscgen::fonts::Face;
using fiscgen::fonts::Font;
using fiscgen::fonts::FontconfigResolver;

namespace {

Font liberation_serif() {
  FontconfigResolver resolver;
  return Font(resolver.find("Liberation Serif", Face::regular, true));
}

double sum_of_advances(const Font& font, const std::u32string& text, double size) {
  double total = 0;
  for (const char32_t cp : text) total += font.advance(cp);
  return total * size / 1000.0;
}

}  // namespace

TEST_CASE("AVAVAV is narrower shaped than the sum of its advances") {
  const Font font = liberation_serif();
  const double shaped = font.shaped_width("AVAVAV", 12);
  CHECK(shaped < sum_of_advances(font, U"AVAVAV", 12) - 1.0);
  // Every pair closes up, the last glyph has nothing to kern with.
  const auto kerning = font.kerning(U"AVAVAV");
  REQUIRE(kerning.size() == 6);
  for (std::size_t i = 0; i + 1 < kerning.size(); ++i) CHECK(kerning[i] < 0);
  CHECK(kerning.back() == 0);
}

TEST_CASE("the font's kerning pairs To and Ye close up: a word without pairs is unchanged") {
  const Font font = liberation_serif();
  CHECK(font.kerning(U"To").front() < 0);
  CHECK(font.kerning(U"Ye").front() < 0);
  CHECK(font.shaped_width("min", 12) == doctest::Approx(sum_of_advances(font, U"min", 12)));
}

TEST_CASE("shaping never substitutes: fi stays two glyphs, measured as their advances") {
  const Font font = liberation_serif();
  // Liberation Serif has an fi ligature; the PDF draws each code point's own glyph.
  const auto kerning = font.kerning(U"fi");
  REQUIRE(kerning.size() == 2);
  CHECK(font.shaped_width("fi", 10) ==
        doctest::Approx(sum_of_advances(font, U"fi", 10) + kerning[0] * 10 / 1000.0));
}
