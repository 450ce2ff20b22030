// Internal to layout/: inlines turned into measured atoms, one per drawn code point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/context.hpp"

namespace fiscgen::layout::detail {

enum class AtomKind : std::uint8_t {
  glyph,         // a drawn character
  space,         // a stretchable space: a gap between words, not drawn at line ends
  invisible,     // ZWSP, word joiner: only influence breaking
  soft_hyphen,   // invisible unless the line breaks after it; then `width` is the hyphen's
  gap,           // fixed blank width (tab stop after a heading label)
  forced_break,  // <br/>
};

struct Atom {
  std::uint32_t offset = 0;  // byte offset in Shaped::text of the source character
  char32_t cp = 0;           // code point to draw
  AtomKind kind = AtomKind::glyph;
  std::int8_t font = 0;
  bool underline = false;
  bool redacted = false;  // a redaction box: `width` wide, nothing drawn but the box
  int link = -1;          // index into Shaped::links
  int note = 0;           // a footnote reference mark: the note it links to
  doc::Change change = doc::Change::none;  // a blackline's mark
  double size = 12;
  double rise = 0;         // baseline shift (superscript footnote marks)
  double width = 0;        // points, kerning with the next atom included
  double kern = 0;         // points of `width` that are the font's kerning, not the glyph's advance
  std::uint8_t level = 0;  // BiDi embedding level: odd is right to left
};

/// A paragraph's text ready for breaking: `text` is what ICU reads for break opportunities.
struct Shaped {
  std::string text;
  std::vector<Atom> atoms;
  std::vector<std::string> links;
  std::vector<std::uint32_t> no_break_before;  // offsets where breaking is vetoed (note marks)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> citations;  // [begin, end) of each <cite>
  // Each <cite> naming an authority (doc::Inline::authority): its first atom and the key; the
  // table of authorities lists the page that atom lands on. A redaction hides its citations from
  // the tree itself, so none reaches here.
  std::vector<std::pair<std::size_t, std::string>> authorities;
  std::vector<int> notes;                     // note numbers, in reading order
  std::vector<std::size_t> note_atoms;        // index of each note's first mark atom
  std::vector<const doc::Inline*> footnotes;  // the <fn> inlines, same order
};

/// Turns inlines into atoms: applies faces, small caps and superscripts, resolves every code
/// point to a font (or throws at the inline's location) and measures it.
class Shaper {
 public:
  Shaper(Context& context, const rules::Style& style);

  void add_inlines(const std::vector<doc::Inline>& inlines);
  /// Plain text in the style's face (labels, page numbers).
  void add_text(std::string_view utf8, const SourceLocation& where);
  /// A blank reaching the next multiple of `stop` points (at least a space wide).
  void add_tab_stop(double stop);
  /// A portion marking, "(TS//SI//NF) ", in the style's face, never broken inside.
  void add_portion_mark(const std::string& marking, const SourceLocation& where);
  /// A footnote reference mark: the number raised and smaller, attached to what precedes it;
  /// `linked`: a link to the note's text (not for the number opening the note itself).
  void add_mark(int note, const SourceLocation& where, bool linked = false,
                doc::Change change = doc::Change::none);

  /// The atoms, with the font's kerning applied within each run of glyphs.
  Shaped finish();

  /// For tests: printable ASCII taken through add_code_point like any character, the answer
  /// that add_string's shortcut for it must give.
  void without_ascii_fast_path() { ascii_fast_path_ = false; }

 private:
  struct Attributes {
    bool bold = false, italic = false, underline = false, small_caps = false;
    int link = -1;
    doc::Change change = doc::Change::none;
  };
  void walk(const std::vector<doc::Inline>& inlines, const Attributes& attributes);
  void add_string(std::string_view utf8, const Attributes& attributes, const SourceLocation& where,
                  double size, double rise);
  /// Text of a <text> inline: web addresses in it (http://, https://, www.) become links.
  void add_text_linking_urls(std::string_view utf8, const Attributes& attributes,
                             const SourceLocation& where);
  /// One code point of a string in face `face` (what `attributes` make of the style's face).
  void add_code_point(char32_t cp, std::uint32_t offset, const Attributes& attributes,
                      fonts::Face face, const SourceLocation& where, double size, double rise);
  /// A new atom at the end, with what every atom takes from its place and style.
  Atom& new_atom(AtomKind kind, std::uint32_t offset, const Attributes& attributes, double size,
                 double rise);
  /// The atom of a code point once classified: `measured` is what is drawn and measured.
  void add_measured(char32_t measured, AtomKind kind, std::uint32_t offset,
                    const Attributes& attributes, fonts::Face face, const SourceLocation& where,
                    double size, double rise);
  fonts::Face face(const Attributes& attributes) const;
  int resolve(fonts::Face face, char32_t cp, const SourceLocation& where);
  /// resolve() for a character outside the BMP, in no font, or borrowed from another family.
  int resolve_rare(fonts::Face face, char32_t cp, const SourceLocation& where);
  void apply_kerning(std::size_t begin, std::size_t end);

  Context& context_;
  const rules::Style& style_;
  Shaped out_;
  bool ascii_fast_path_ = true;
  std::u32string word_;  // apply_kerning's run, kept: one buffer for all of a paragraph's words
};

}  // namespace fiscgen::layout::detail
