// Fonts: fontconfig resolution, HarfBuzz metrics that match libharu's, coverage, hb-subset.
// Needs fonts-liberation2 and fonts-dejavu-core, as the product does.

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "../temp_dir.hpp"
#include "base/utf8.hpp"
#include "fonts/fonts.hpp"

namespace fs = std::filesystem;
using fiscgen::Error;
using fiscgen::fonts::Face;
using fiscgen::fonts::Font;
using fiscgen::fonts::FontconfigResolver;
using fiscgen::fonts::FontResolver;
using fiscgen::fonts::FontSet;

namespace {

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.describe();
  }
  return "(no error)";
}

fs::path find(const std::string& family, Face face, bool exact = true) {
  FontconfigResolver resolver;
  return resolver.find(family, face, exact);
}

// A private temporary file, removed at the end of the test.
struct TempFile {
  test_support::TempDir dir;
  fs::path path;
  explicit TempFile(const std::string& name) : path(dir / name) {}
  void write(const void* data, std::size_t size) const {
    std::ofstream out(path, std::ios::binary);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
};

// Hands out fixed files and records what was asked, to see FontSet's choices.
class RecordingResolver : public FontResolver {
 public:
  std::vector<std::string> calls;
  fs::path find(const std::string& family, Face face, bool exact) override {
    calls.push_back(family + "/" + std::to_string(static_cast<int>(face)) + "/" +
                    (exact ? "exact" : "any"));
    return real_.find(family, face, exact);
  }
  fs::path find_covering(char32_t code_point, Face face) override {
    calls.push_back("covering/" + std::to_string(static_cast<int>(face)));
    return real_.find_covering(code_point, face);
  }

 private:
  FontconfigResolver real_;
};

}  // namespace

TEST_CASE("the resolver finds each Liberation Serif face in its own file") {
  CHECK(find("Liberation Serif", Face::regular).filename() == "LiberationSerif-Regular.ttf");
  CHECK(find("Liberation Serif", Face::bold).filename() == "LiberationSerif-Bold.ttf");
  CHECK(find("Liberation Serif", Face::italic).filename() == "LiberationSerif-Italic.ttf");
  CHECK(find("Liberation Serif", Face::bold_italic).filename() == "LiberationSerif-BoldItalic.ttf");
  CHECK(find("liberation serif", Face::bold).filename() == "LiberationSerif-Bold.ttf");
  CHECK(find("DejaVu Serif", Face::regular).filename() == "DejaVuSerif.ttf");
}

TEST_CASE("the fast font-folder lookup finds the same files as the system configuration") {
  FontconfigResolver fast;
  FontconfigResolver system(FontconfigResolver::Mode::system_only);
  for (const char* family : {"Liberation Serif", "Liberation Sans", "DejaVu Serif"})
    for (const Face face : {Face::regular, Face::bold, Face::italic, Face::bold_italic})
      CHECK_MESSAGE(fast.find(family, face, true) == system.find(family, face, true),
                    family << " face " << static_cast<int>(face));
  // A miss in the font folders still gets the system's answer and message.
  CHECK(message_of([&] { fast.find("No Such Family", Face::regular, true); }) ==
        message_of([&] { system.find("No Such Family", Face::regular, true); }));
}

TEST_CASE("an exact request for a missing family names it, the face and the package") {
  const auto liberation = message_of([] { find("Liberation Nonexistent", Face::bold, true); });
  CHECK(liberation.find("Liberation Nonexistent") != std::string::npos);
  CHECK(liberation.find("bold") != std::string::npos);
  CHECK(liberation.find("fonts-liberation2") != std::string::npos);

  const auto dejavu = message_of([] { find("DejaVu Nonexistent", Face::italic, true); });
  CHECK(dejavu.find("fonts-dejavu-core") != std::string::npos);
  CHECK(dejavu.find("italic") != std::string::npos);

  const auto unknown = message_of([] { find("Zz No Such Family", Face::regular, true); });
  CHECK(unknown.find("Zz No Such Family") != std::string::npos);
  CHECK(unknown.find("Debian package") != std::string::npos);
}

TEST_CASE("without exact, a substitute is accepted") {
  const fs::path path = find("Zz No Such Family", Face::regular, false);
  CHECK(fs::exists(path));
}

TEST_CASE("advances are libharu's truncated per-mille widths") {
  const Font serif(find("Liberation Serif", Face::regular));
  CHECK(serif.family() == "Liberation Serif");
  CHECK(serif.advance(U'A') == 722);
  CHECK(serif.advance(U'V') == 722);
  CHECK(serif.advance(U'§') == 500);
  CHECK(serif.advance(U'—') == 1000);
  CHECK(serif.advance(U'é') == 443);  // 909/2048 em = 443.8: truncated, not rounded
  CHECK(serif.width("AVAWAY", 12) == doctest::Approx(54.636));
  CHECK(serif.width("", 12) == 0);
  CHECK(serif.ascent() == 891);
  CHECK(serif.descent() == -216);
}

TEST_CASE("glyph coverage: Liberation has no CJK, DejaVu has Cyrillic") {
  const Font serif(find("Liberation Serif", Face::regular));
  CHECK(serif.has_glyph(U'A'));
  CHECK(serif.has_glyph(U'§'));
  CHECK_FALSE(serif.has_glyph(U'\u65E5'));
  CHECK_FALSE(serif.has_glyph(U'\u2200'));
  const Font dejavu(find("DejaVu Serif", Face::regular));
  CHECK(dejavu.family() == "DejaVu Serif");
  CHECK(dejavu.has_glyph(U'Ж'));
  CHECK(dejavu.has_glyph(U'\u2200'));
}

TEST_CASE("a subset is much smaller and keeps exactly the glyphs asked for") {
  const Font serif(find("Liberation Serif", Face::regular));
  const std::set<char32_t> wanted{U'M', U'o', U't', U'i', U'n', U'§', U' ', U'1'};
  const auto bytes = serif.subset(wanted);
  const auto full = fs::file_size(serif.file());
  CHECK(bytes.size() > 1000);
  CHECK(bytes.size() * 10 < full);

  TempFile temp("subset.ttf");
  temp.write(bytes.data(), bytes.size());
  const Font subset(temp.path);
  CHECK(subset.family() == "Liberation Serif");
  for (const char32_t cp : wanted) {
    CHECK(subset.has_glyph(cp));
    CHECK(subset.advance(cp) == serif.advance(cp));
  }
  CHECK_FALSE(subset.has_glyph(U'Z'));
  CHECK(subset.ascent() == serif.ascent());

  // Unhinted: no hinting programs in the table directory (big-endian tags from offset 12).
  const auto tag_at = [&](std::size_t at) {
    return std::string(bytes.begin() + at, bytes.begin() + at + 4);
  };
  const std::size_t tables = static_cast<std::size_t>(bytes[4]) * 256 + bytes[5];
  REQUIRE(bytes.size() >= 12 + 16 * tables);
  std::set<std::string> tags;
  for (std::size_t i = 0; i < tables; ++i) tags.insert(tag_at(12 + 16 * i));
  CHECK(tags.count("glyf") == 1);
  CHECK(tags.count("fpgm") == 0);
  // 'prep' holds one instruction that changes nothing, for libharu's sake (fonts.cpp).
  REQUIRE(tags.count("prep") == 1);
  for (std::size_t i = 0; i < tables; ++i)
    if (tag_at(12 + 16 * i) == "prep") {
      const auto length = (static_cast<std::size_t>(bytes[12 + 16 * i + 12]) << 24) |
                          (static_cast<std::size_t>(bytes[12 + 16 * i + 13]) << 16) |
                          (static_cast<std::size_t>(bytes[12 + 16 * i + 14]) << 8) |
                          bytes[12 + 16 * i + 15];
      CHECK(length == 1);
    }
}

TEST_CASE("unreadable font files are errors naming the file") {
  CHECK(message_of([] { Font font("/nonexistent/font.ttf"); }).find("/nonexistent/font.ttf") !=
        std::string::npos);
  TempFile junk("junk.ttf");
  junk.write("not a font at all", 17);
  CHECK(message_of([&] { Font font(junk.path); }).find(junk.path.string()) != std::string::npos);
}

TEST_CASE("FontSet loads lazily, exact for the main family, and picks the fallback") {
  RecordingResolver resolver;
  FontSet fonts(resolver, "Liberation Serif", "DejaVu Serif");
  CHECK(fonts.count() == 8);
  CHECK(resolver.calls.empty());

  CHECK(fonts.pick(Face::regular, U'A') == 0);
  CHECK(resolver.calls == std::vector<std::string>{"Liberation Serif/0/exact"});
  CHECK(fonts.pick(Face::regular, U'\u2200') == 4);
  CHECK(resolver.calls.back() == "DejaVu Serif/0/any");
  // U+0378 is unassigned: no font has it, so fontconfig is asked and finds none.
  CHECK(fonts.pick(Face::regular, U'\u0378') == -1);
  CHECK(resolver.calls.back() == "covering/0");
  CHECK(fonts.count() == 8);
  CHECK(fonts.pick(Face::bold_italic, U'§') == 3);
  CHECK(fonts.font(3).file().filename() == "LiberationSerif-BoldItalic.ttf");
  CHECK(fonts.font(5).file().filename() == "DejaVuSerif-Bold.ttf");
  CHECK(resolver.calls.size() == 5);  // each face resolved once, and one covering search
  fonts.font(0);
  CHECK(resolver.calls.size() == 5);
  CHECK(FontSet::is_fallback(4));
  CHECK_FALSE(FontSet::is_fallback(3));
  CHECK_THROWS_AS(fonts.font(8), Error);
  CHECK_THROWS_AS(fonts.font(-1), Error);
}

TEST_CASE("FontSet borrows a font that has a character neither family has, once per face") {
  RecordingResolver resolver;
  FontSet fonts(resolver, "Liberation Serif", "DejaVu Serif");
  // What fontconfig says covers the character: the test follows the machine's fonts.
  const auto covering = FontconfigResolver().find_covering(U'\uAC00', Face::regular);
  REQUIRE_MESSAGE(!covering.empty(), "no Korean font: scripts/install-deps installs one");
  const int syllable = fonts.pick(Face::regular, U'\uAC00');
  CHECK(syllable == 8);
  CHECK(fonts.font(syllable).file() == covering);
  CHECK(FontSet::is_fallback(syllable));
  const auto asked = resolver.calls.size();
  // The next syllable comes from the same font without asking fontconfig again.
  CHECK(fonts.pick(Face::regular, U'\uAC01') == syllable);
  CHECK(resolver.calls.size() == asked);
  CHECK(fonts.count() == 9);
}

TEST_CASE("a FontSet whose main family is missing fails on first use, naming the package") {
  FontconfigResolver resolver;
  FontSet fonts(resolver, "Liberation Nonexistent", "DejaVu Serif");
  CHECK(message_of([&] { fonts.pick(Face::regular, U'A'); }).find("fonts-liberation2") !=
        std::string::npos);
}

TEST_CASE("the UTF-8 decoder accepts valid text and rejects malformed bytes") {
  const auto decode = [](std::string_view text) {
    std::vector<char32_t> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
      char32_t cp = 0;
      out.push_back(fiscgen::utf8::next_code_point(text, pos, cp) ? cp : 0xFFFFFFFF);
    }
    return out;
  };
  CHECK(decode("A§—😀") == std::vector<char32_t>{U'A', U'§', U'—', U'\U0001F600'});
  CHECK(decode("\xE9x") == std::vector<char32_t>{0xFFFFFFFF, U'x'});           // Latin-1 é
  CHECK(decode("\xC0\xAF") == std::vector<char32_t>{0xFFFFFFFF, 0xFFFFFFFF});  // overlong /
  CHECK(decode("\xED\xA0\x80").front() == 0xFFFFFFFF);                         // surrogate
  CHECK(decode("\xE2\x80") == std::vector<char32_t>{0xFFFFFFFF, 0xFFFFFFFF});  // truncated
}
