// Fonts: found through fontconfig, measured and subset with HarfBuzz. No libharu here.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"

namespace fiscgen::fonts {

enum class Face { regular = 0, bold = 1, italic = 2, bold_italic = 3 };

class Font;

/// Finds font files. The real one asks fontconfig; tests may hand in their own.
class FontResolver {
 public:
  virtual ~FontResolver() = default;
  /// The file for `family` in `face`, or an Error naming the family, the face and the Debian
  /// package that provides it. With `exact` false, a close substitute is acceptable.
  virtual std::filesystem::path find(const std::string& family, Face face, bool exact) = 0;
  /// A font file of any family that has `code_point`, in `face` where one does, for text the
  /// document's own families cannot draw; empty when no installed font has it. Every resolver
  /// answers it: one that quietly found nothing made batch refuse what render drew.
  virtual std::filesystem::path find_covering(char32_t code_point, Face face) = 0;
  /// The font in `file`, loaded. This one loads it afresh; a resolver serving many documents
  /// may keep fonts loaded between them (batch keeps them per worker).
  virtual std::shared_ptr<const Font> open(const std::filesystem::path& file);
};

class FontconfigResolver : public FontResolver {
 public:
  /// Which fontconfig configuration answers. `font_dirs_first`: an exact lookup first asks a
  /// configuration holding only the font and cache folders (under 1 ms to load, where the
  /// system's, with every rule file in conf.d, takes 6-9 ms per process); a miss, a substitute
  /// lookup, or a user's own configuration (FONTCONFIG_FILE, ~/.config/fontconfig) goes to the
  /// system configuration. `system_only` skips the first step (tests compare the two).
  enum class Mode { font_dirs_first, system_only };
  explicit FontconfigResolver(Mode mode = Mode::font_dirs_first) : mode_(mode) {}
  std::filesystem::path find(const std::string& family, Face face, bool exact) override;
  /// Asks fontconfig for the installed TrueType fonts whose charset has the character, best
  /// match for the face first (the system configuration's ranking).
  std::filesystem::path find_covering(char32_t code_point, Face face) override;

 private:
  Mode mode_;
};

/// The tables of a TrueType font program embedded in a PDF, in the order libharu writes them
/// (hpdf_fontdef_tt.c's REQUIRED_TAGS): a subset holds no other.
inline constexpr std::array<const char*, 13> embedded_tables = {
    "OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea",
    "hmtx", "loca", "maxp", "name", "post", "prep"};

/// One font file: metrics and glyph coverage (HarfBuzz), and subsetting (hb-subset).
class Font {
 public:
  explicit Font(const std::filesystem::path& file);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  const std::filesystem::path& file() const { return file_; }
  /// Different for every Font made in the process: what a cache of its answers is keyed by,
  /// since a file may be replaced, and an address reused, between two Fonts.
  std::uint64_t serial() const { return serial_; }
  const std::string& family() const { return family_; }  // from the font's name table
  bool has_glyph(char32_t code_point) const;
  /// Advance width in thousandths of an em, truncated as PDF /W widths are, so that what
  /// layout measures is exactly what the PDF viewer advances.
  int advance(char32_t code_point) const;
  /// The font's kerning within `text`, drawn as one run: for each code point, the adjustment
  /// in thousandths of an em (negative: closer) between it and the next, from HarfBuzz shaping
  /// with the kern feature and without substitutions (the PDF draws each code point's nominal
  /// glyph). All zeros when shaping does not keep one glyph per code point.
  /// Kept per font once known (a batch's documents share their fonts and most words). Where the
  /// font's tables prove it exact (fonts/pair_proof.hpp), each code point's adjustment is that
  /// of the pair it starts, each pair read from the font's tables once per font; else the whole
  /// text is shaped.
  std::vector<int> kerning(std::u32string_view text) const;
  /// kerning() by shaping the whole text, never kept (tests compare the two ways).
  std::vector<int> shaped_kerning(std::u32string_view text) const;
  /// kerning() from pairs, or nothing where the font's tables do not prove that exact.
  std::optional<std::vector<int>> pair_kerning(std::u32string_view text) const;
  /// Width of UTF-8 text at `size` points as one PDF text run draws it: the sum of advances.
  double width(std::string_view utf8, double size) const;
  /// The same with the font's kerning, as layout measures and places words.
  double shaped_width(std::string_view utf8, double size) const;
  int ascent() const { return ascent_; }    // thousandths of an em, positive
  int descent() const { return descent_; }  // thousandths of an em, negative
  /// A TrueType font holding only the glyphs for these code points (and .notdef), unhinted, and
  /// only the embedded_tables.
  /// One of the last few made for the same code points is reused (a batch worker keeps its
  /// fonts, and letters mostly draw the same characters): the same bytes as a new one.
  std::vector<std::uint8_t> subset(const std::set<char32_t>& code_points) const;
  /// The same, always made anew with hb-subset (the benchmark's floor subsets every document).
  std::vector<std::uint8_t> new_subset(const std::set<char32_t>& code_points) const;

 private:
  std::filesystem::path file_;
  std::uint64_t serial_;
  std::string family_;
  int ascent_ = 0, descent_ = 0;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The fonts of one document: the profile's family in four faces, then the fallback family,
/// then whatever installed fonts draw the characters neither has. A font is named by an index,
/// stable for the document (layout and the PDF writer pass it around); which family and face an
/// index stands for is known here only: main_font(), fallback_font(), family_of().
class FontSet {
 public:
  /// More fonts than this in one document is surely a mistake (each costs its file's load).
  static constexpr int max_fonts = 64;

  FontSet(FontResolver& resolver, std::string family, std::string fallback_family);
  ~FontSet();

  int count() const { return static_cast<int>(fonts_.size()); }
  /// The font at `index`, loading it on first use.
  const Font& font(int index);
  /// Index of the font that draws `code_point` in `face`: the main face if it has the glyph,
  /// else the fallback face, else a covering font (found once per character and face); -1 if
  /// no installed font has it.
  int pick(Face face, char32_t code_point);
  /// Where a font comes from: the profile's family, its fallback family, or any installed font
  /// that covers a character both lack.
  enum class Family { main, fallback, covering };
  /// The index of the profile's family in `face`.
  static int main_font(Face face) { return static_cast<int>(face); }
  /// The index of the fallback family in `face`.
  static int fallback_font(Face face) { return faces + static_cast<int>(face); }
  static Family family_of(int index) {
    return index < faces ? Family::main : index < 2 * faces ? Family::fallback : Family::covering;
  }
  /// Whether `index` is a font other than the profile's main family.
  static bool is_fallback(int index) { return family_of(index) != Family::main; }
  /// True once font(index) has been loaded: the fonts a document actually used.
  bool loaded(int index) const {
    return index >= 0 && index < count() && fonts_[static_cast<std::size_t>(index)] != nullptr;
  }

 private:
  static constexpr int faces = 4;  // Face's values
  static constexpr std::size_t first_covering = std::size_t{2} * faces;
  int covering(Face face, char32_t code_point);

  FontResolver& resolver_;
  std::string family_, fallback_family_;
  std::vector<std::shared_ptr<const Font>> fonts_;
  struct Covering {
    std::filesystem::path file;
    Face face;
  };
  std::vector<Covering> covering_;  // fonts_[first_covering + i] is covering_[i]'s
};

}  // namespace fiscgen::fonts
