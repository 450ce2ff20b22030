// Kerning by pairs: wherever a font's tables prove it exact, it equals shaping the whole word,
// for every font installed on this machine and words of many scripts, languages and kinds.
#include <doctest/doctest.h>
#include <fontconfig/fontconfig.h>

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/error.hpp"
#include "fonts/fonts.hpp"

using fiscgen::fonts::Face;
using fiscgen::fonts::Font;
using fiscgen::fonts::FontconfigResolver;

namespace {

// Every font file fontconfig lists (each style of each family is its own file here).
std::set<std::filesystem::path> installed_font_files() {
  // The system's configuration loaded as fiscgen loads it, once per process, before fontconfig
  // is asked directly: fontconfig loses a little memory each time it parses one (tests/lsan.supp
  // names fiscgen's loads only).
  FontconfigResolver system(FontconfigResolver::Mode::system_only);
  system.find("Liberation Serif", Face::regular, true);
  std::set<std::filesystem::path> files;
  FcPattern* pattern = FcPatternCreate();
  FcObjectSet* objects = FcObjectSetBuild(FC_FILE, nullptr);
  FcFontSet* fonts = FcFontList(nullptr, pattern, objects);
  for (int i = 0; fonts && i < fonts->nfont; ++i) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
      files.insert(reinterpret_cast<const char*>(file));
  }
  if (fonts) FcFontSetDestroy(fonts);
  FcObjectSetDestroy(objects);
  FcPatternDestroy(pattern);
  return files;
}

// Each installed font fiscgen can use (not Type 1 or CFF outlines), opened; returns how many.
template <typename Each>
int for_each_usable_font(Each each) {
  int fonts = 0;
  for (const auto& file : installed_font_files()) {
    std::unique_ptr<Font> font;
    try {
      font = std::make_unique<Font>(file);
    } catch (const fiscgen::Error&) {
      continue;
    }
    ++fonts;
    each(file, *font);
  }
  return fonts;
}

std::vector<std::u32string> words_of(const std::u32string& text) {
  std::vector<std::u32string> words;
  std::u32string word;
  for (const char32_t cp : text + U" ") {
    if (cp != U' ') {
      word += cp;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// Opinions, briefs and names in many languages; punctuation, digits, ligatures, marks (both
// precomposed and combining), default ignorables, fraction slashes and emoji sequences.
const char32_t* const prose =
    U"MEMORANDUM OPINION AND ORDER. The Government's Motion to Vacate (\"Motion\") is GRANTED; "
    U"see Smith v. Maryland, 442 U.S. 735, 743–44 (1979); Carpenter v. United States, 138 S. Ct. "
    U"2206 (2018); 50 U.S.C. § 1881a(h)(4)(A)–(B); id. ¶¶ 12–14; cf. Fed. R. Civ. P. 26(b)(1). "
    U"AVAVAV To Ye Wa Yo Tw LT AT PA VA Av Aw Ay F. P. T. V. W. Y. 'quoted' “curly” ‘single’ — "
    U"office affidavit fluffiest Th ffl ﬁnal ﬂow ﬀ ½ ¾ 1⁄2 3⁄4 x²+y³ №5 ℠ ™ © ® 10% $1,000.00 "
    U"soft\u00ADhyphen zero\u200Bwidth join\u200Der non\u200Cjoiner nbsp\u00A0here thin\u2009space "
    U"Müller Ølstykke Ångström Łódź Gdańsk Dvořák Şişli İstanbul ıi Ğüz Cœur Straße façade naïve "
    U"Ærø Þórr Eðvarð Piñata São João Nguyễn Đặng Trần Vũ Kraków Iași Țară Ștefan Ōsaka Māori "
    U"cafe\u0301 e\u0301te\u0301 n\u0303 A\u030A a\u0308\u0304 q\u0323\u0307 "
    U"Διάταγμα Αθήνα ἀρχή Москва Суд ПОСТАНОВЛЕНИЕ Київ Беларусь Србија שלום עברית مرحبا المحكمة "
    U"हिन्दी न्यायालय বাংলা தமிழ் ქართული Հայաստան ትግርኛ ไทย ລາວ ខ្មែរ 中华人民共和国 法院 日本語 "
    U"カタカナ ﾊﾞｶﾞ 한국어 법원 😀 👍🏽 🇺🇸 👨\u200D👩\u200D👧 "
    U"☺\uFE0F "
    U"1\uFE0F\u20E3 "
    U"(a) [b] {c} <d> «e» ‹f› „g“ ¿h? ¡i! j… k—l m–n o-p q/r s\\t u|v w@x y#z *&^ ~_= +; 1979 "
    U"2d 3d 4th 5th 1st 2nd 3rd 11th 21st 442 735 2206 19-20 (1979) [1979] 1.2.3 1,2 ⅓ Ⅻ ⑦ "
    U"Yesterday, Tomorrow, Wyoming, Typically, Avoid, Vowel, Pay, Fly, Kelly, LLC, L.L.P., Inc., "
    U"\"Wait.\" 'Yes,' \"AV,\" (T)he [W]ere Yr. Vol. No. Fig. Tbl. P.2d F.3d F.Supp.2d A.L.R.4th";

// Words drawn at random (a fixed LCG: the same words every run) from a Latin-heavy alphabet, so
// that most of them take the pair path and every kind of neighbour meets every other.
std::vector<std::u32string> random_words(int count) {
  const std::u32string latin =
      U"AVTWYPFLKRXavwyfltrxoeihnmc.,;:'\"()[]-–—’”…§¶0123456789éøßñłİıÆœ/&%ﬁ½⁄\u00AD\u0301";
  const std::u32string common = U"0123456789.,;:-–—()[]§¶$%/½²⁄'\"#*+";
  std::uint32_t state = 20261207u;
  const auto next = [&](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  std::vector<std::u32string> words;
  for (int i = 0; i < count; ++i) {
    const std::u32string& alphabet = i % 4 == 0 ? common : latin;
    std::u32string word;
    const auto length = 2 + next(9);
    for (std::uint32_t k = 0; k < length; ++k)
      word += alphabet[next(static_cast<std::uint32_t>(alphabet.size()))];
    words.push_back(word);
  }
  return words;
}

std::vector<std::u32string> test_words() {
  auto words = words_of(prose);
  for (auto& word : random_words(2500)) words.push_back(std::move(word));
  return words;
}

// ASCII as itself, anything else as \\u{decimal}: readable in any terminal.
std::string escaped(const std::u32string& text) {
  std::string out;
  for (const char32_t cp : text) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else {
      out += "\\u{" + std::to_string(static_cast<std::uint32_t>(cp)) + "}";
    }
  }
  return out;
}

// "-12 0 3": what a failed CHECK shows of a kerning.
std::string shown(const std::vector<int>& kerning) {
  std::string text;
  for (const int adjustment : kerning)
    text += (text.empty() ? "" : " ") + std::to_string(adjustment);
  return text;
}

}  // namespace

TEST_CASE("kerning by pairs equals shaping the whole word in every installed font") {
  const auto words = test_words();
  int proven_fonts = 0;
  const int fonts = for_each_usable_font([&](const std::filesystem::path& file, const Font& font) {
    // Each pair shaped alone first, so that a word's kerning below is made of pairs measured
    // apart from it, never of its own shaping.
    for (const auto& word : words)
      for (std::size_t i = 0; i + 1 < word.size(); ++i) (void)font.pair_kerning(word.substr(i, 2));
    int proven = 0;
    for (const auto& word : words) {
      const auto shaped = font.shaped_kerning(word);
      INFO(file.string(), ": ", escaped(word));
      if (const auto pairs = font.pair_kerning(word)) {
        ++proven;
        CHECK(shown(*pairs) == shown(shaped));
      }
      CHECK(shown(font.kerning(word)) == shown(shaped));
    }
    if (proven > 0) ++proven_fonts;
  });
  MESSAGE(fonts, " fonts, ", proven_fonts, " with words kerned by pairs");
  CHECK(fonts > 0);
  CHECK(proven_fonts > 0);
}

// Every pair of a Latin alphabet, read from the tables, against HarfBuzz shaping the pair: the
// test above meets only the pairs its words hold.
TEST_CASE("each pair read from the tables is the pair HarfBuzz shapes, in every installed font") {
  const std::u32string alphabet = U"AVTWYPFLKRXJavwyfltrxojeg.,;:'\"()-–—’”…0123456789ßñłÆœéå/&%";
  int pairs_read = 0;
  const int fonts = for_each_usable_font([&](const std::filesystem::path& file, const Font& font) {
    for (const char32_t first : alphabet)
      for (const char32_t second : alphabet) {
        const std::u32string pair{first, second};
        if (const auto read = font.pair_kerning(pair)) {
          ++pairs_read;
          INFO(file.string(), ": ", escaped(pair));
          CHECK(shown(*read) == shown(font.shaped_kerning(pair)));
        }
      }
  });
  MESSAGE(fonts, " fonts, ", pairs_read, " pairs read from their tables");
  CHECK(pairs_read > 0);
}

TEST_CASE("Liberation Serif kerns words of an opinion from pairs, and refuses what it must") {
  FontconfigResolver resolver;
  const Font font(resolver.find("Liberation Serif", Face::regular, true));
  for (const char32_t* word : {U"AVAVAV", U"Smith", U"Maryland,", U"(Tower)", U"Yesterday."}) {
    const auto pairs = font.pair_kerning(word);
    REQUIRE(pairs.has_value());
    CHECK(*pairs == font.shaped_kerning(word));
  }
  CHECK(font.pair_kerning(U"AVAVAV")->front() < 0);
  // Combining marks, soft hyphens, fraction slashes and other scripts: shaped whole.
  for (const char32_t* word : {U"cafe\u0301", U"soft\u00ADer", U"1\u20442", U"Αθήνα", U"AVД"})
    CHECK_FALSE(font.pair_kerning(word).has_value());
}

TEST_CASE("threads sharing a font get the kerning one thread gets") {
  FontconfigResolver resolver;
  const Font shared(resolver.find("Liberation Serif", Face::italic, true));
  const Font alone(resolver.find("Liberation Serif", Face::italic, true));
  const auto words = random_words(600);
  std::vector<std::vector<int>> results[2];
  std::thread workers[2];
  for (int t = 0; t < 2; ++t)
    workers[t] = std::thread([&, t] {
      for (const auto& word : words) results[t].push_back(shared.kerning(word));
    });
  for (auto& worker : workers) worker.join();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto expected = alone.shaped_kerning(words[i]);
    CHECK(results[0][i] == expected);
    CHECK(results[1][i] == expected);
  }
}
