// Internal to layout/: what every part of the layout shares while one document is laid out.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <memory_resource>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/layout.hpp"

namespace fiscgen::layout::detail {

/// Caches FontSet::pick and Font::advance per code point: a paragraph asks for the same few
/// dozen characters thousands of times, and HarfBuzz lookups dominate otherwise.
/// A table of `Size` entries, all `Unset` until written, whose 256-entry pages are allocated
/// on first use: a document touches a few pages of the BMP, and filling whole tables of 65,536
/// entries was about 0.8M instructions per document (issue 19).
template <typename T, T Unset, std::size_t Size>
class PagedTable {
 public:
  T& operator[](std::size_t index) {
    auto& page = pages_[index / page_size];
    if (!page) {
      page = std::make_unique<std::array<T, page_size>>();
      page->fill(Unset);
    }
    return (*page)[index % page_size];
  }
  /// The entry if its page is made, else `Unset`: a lookup that never allocates.
  T get(std::size_t index) const {
    const auto& page = pages_[index / page_size];
    return page ? (*page)[index % page_size] : Unset;
  }

 private:
  static constexpr std::size_t page_size = 256;
  std::vector<std::unique_ptr<std::array<T, page_size>>> pages_ =
      std::vector<std::unique_ptr<std::array<T, page_size>>>(Size / page_size);
};

class FontCache {
 public:
  explicit FontCache(fonts::FontSet& fonts);
  ~FontCache();
  FontCache(const FontCache&) = delete;
  FontCache& operator=(const FontCache&) = delete;
  // Both asked once per drawn character: a known answer is found here, inlined where it is
  // asked; the first answer for each is asked of the fonts apart.
  /// FontSet::pick for a BMP code point.
  int pick(fonts::Face face, char32_t cp) {
    const auto known =
        cp < bmp_size ? picks_.get(static_cast<std::size_t>(face) * bmp_size + cp) : unasked_pick;
    return known != unasked_pick ? known : first_pick(face, cp);
  }
  /// Advance in thousandths of an em, exactly as the PDF's /W says.
  int advance(int font, char32_t cp) {
    const auto index = static_cast<std::size_t>(font);
    const auto known = cp < bmp_size && index < advances_.size() && advances_[index]
                           ? advances_[index]->get(cp)
                           : unasked_advance;
    return known != unasked_advance ? known : first_advance(font, cp);
  }
  /// Font::kerning of a word, remembered: a document repeats its words, and a batch's
  /// documents repeat each other's. Valid while the cache lives.
  std::span<const int> kerning(int font, std::u32string_view word);
  const fonts::Font& font(int index) { return fonts_.font(index); }

 private:
  fonts::FontSet& fonts_;
  // Per font index; they grow as the FontSet adds covering fonts.
  // Hashed: a motion looks its words up thousands of times, and order is never asked for.
  // Looked up by view (a transparent hash): a word is copied only when it is new.
  struct WordHash {
    using is_transparent = void;
    // FNV-1a over the code points: words are short, and hashing their bytes four to a code
    // point cost more than the rest of a lookup.
    std::size_t operator()(std::u32string_view word) const {
      std::uint64_t hash = 0xcbf29ce484222325u;
      for (const char32_t cp : word) hash = (hash ^ cp) * 0x100000001b3u;
      return static_cast<std::size_t>(hash);
    }
  };
  static constexpr std::size_t bmp_size = 0x10000;
  static constexpr std::int8_t unasked_pick = -2;
  static constexpr std::int32_t unasked_advance = -1;
  using Kernings = std::pmr::unordered_map<std::pmr::u32string, std::pmr::vector<int>, WordHash,
                                           std::equal_to<>>;
  using Advances = PagedTable<std::int32_t, unasked_advance, bmp_size>;
  // What each font answered, by its serial: kept on this thread, shared by the documents it
  // lays out with that font (a batch worker keeps its fonts for the whole batch).
  struct FontStore;
  using Stores = std::unordered_map<std::uint64_t, std::unique_ptr<FontStore>>;
  static Stores& stores();
  static FontStore& store_of(const fonts::Font& font);
  // Per font index: its font's words and advances, once asked.
  std::vector<Kernings*> kerning_;
  std::vector<Advances*> advances_;
  PagedTable<std::int8_t, unasked_pick, 4 * bmp_size> picks_;  // 4 faces × 65536
  int first_pick(fonts::Face face, char32_t cp);
  int first_advance(int font, char32_t cp);
};

/// Drawn content in coordinates relative to an origin that the page assembly moves: x is
/// absolute on the page, y is relative to the top of the line (0), negative downward.
struct Fragment : Shapes {
  /// Appends `other` moved down by `dy` (dy > 0 moves down).
  void append(const Fragment& other, double dy) { Shapes::append(other, -dy); }
};

/// How strongly a page break before a line is vetoed; the paginator tolerates a stronger veto
/// only when no weaker break exists on the page.
enum Keep : int {
  keep_free = 0,   // any break is fine
  keep_group = 1,  // inside <keep>: kept together when it fits on a page
  keep_hard = 2,   // widows, orphans, headings with their next lines, captions, signatures
};

/// One line (or an unsplittable unit such as a row of columns) of the main flow.
struct FlowLine {
  double height = 0;               // vertical advance
  double gap_before = 0;           // space above it, dropped at the top of a page
  double baseline = 0;             // distance from the top to the first baseline (item labels)
  int keep = keep_free;            // veto on a page break before it
  bool forced = false;             // a page break before it (<page-break/>)
  bool discardable = false;        // spacers: dropped at the top of a page
  bool restart_numbering = false;  // its page and those after it are numbered from 1 again
  PageStart start;                 // its block and line there (block -1: none)
  bool band = false;               // a band of a row of columns or a line of a table, not text
  Fragment content;
  std::string part;                      // the document part it belongs to; empty: the body
  SourceLocation where;                  // of the block it comes from, for messages
  std::vector<int> notes;                // footnotes referenced on it
  std::vector<std::string> authorities;  // keys of the authorities whose citations start on it
  std::vector<OutlineEntry> outline;     // page and y filled on placement; y relative to top
  std::vector<Exhibit> exhibits;         // placed after the page this line lands on
};

/// A footnote's text, set in lines of the footnote style.
struct Note {
  std::vector<FlowLine> lines;
  double gap = 0;  // space between it and the note above it on the same page
};

struct TableData;

struct Context {
  Context(const doc::Document& document, const rules::Profile& profile, fonts::FontSet& fonts,
          Warnings& warnings);

  const doc::Document& document;
  const rules::Profile& profile;
  FontCache cache;
  Warnings& warnings;
  std::string locale;
  std::set<int> warned;  // fonts other than the main family already reported
  // Characters no installed font has, each once per place: lay_out reports them all at once.
  std::vector<std::pair<char32_t, SourceLocation>> missing;
  std::set<std::pair<char32_t, std::string>> missing_seen;
  std::map<int, Note> notes;  // by number
  // What <toc> and <toa> list, gathered from the body's layout; null while the body is laid out.
  const TableData* tables = nullptr;

  double content_left() const { return profile.margin_left; }
  double content_right() const { return profile.page_width - profile.margin_right; }
  /// Distance from a line's top to its baseline for text of `size`: the main regular font's
  /// ascent, so extra leading goes below the text.
  double ascent(double size) {
    return size * cache.font(fonts::FontSet::main_font(fonts::Face::regular)).ascent() / 1000.0;
  }
  double descent(double size) {
    return size * cache.font(fonts::FontSet::main_font(fonts::Face::regular)).descent() / 1000.0;
  }
};

}  // namespace fiscgen::layout::detail
