// Layout: from the document tree to pages of positioned text. No libharu types here.
//
// Every struct of the page model lists its members in fields(), beside their declarations: the
// PDF's content ID hashes a model through them (pdf/content_id.cpp), so a member added here is
// hashed once it is listed, and a struct without fields() does not compile there.
//
// The kinds of shape a page holds (text runs, lines, boxes, images, links) are listed once, in
// Shapes::lists(): layout moves and copies them through it, the content ID hashes them through
// it and the PDF writer draws them through it. A new kind is its struct (with fields(),
// move_up() and its stacking), its vector in Shapes and its name in lists(); the writer then
// does not compile until it can draw it.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "base/error.hpp"
#include "doc/document.hpp"
#include "fonts/fonts.hpp"
#include "rules/profile.hpp"

namespace fiscgen::layout {

/// Where a shape kind is drawn, from the bottom up: a kind of a higher stacking is drawn over
/// those of a lower one (a redaction box covers whatever it touches).
enum class Stacking : int { image, text, line, box, link };

/// A run of text in one font at one size, drawn from its baseline origin. Coordinates are
/// PDF points from the bottom-left corner of the page.
struct TextRun {
  double x = 0, y = 0;
  int font = 0;  // index into the FontSet
  double size = 12;
  std::string text;                        // UTF-8; every code point has a glyph in `font`
  doc::Change change = doc::Change::none;  // a blackline's mark: the colour it is drawn in
  static constexpr Stacking stacking = Stacking::text;
  void move_up(double dy) { y += dy; }
  auto fields() const { return std::tie(x, y, font, size, text, change); }
};

/// A straight line: underlines, the footnote separator.
struct Line {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  doc::Change change = doc::Change::none;  // a blackline's mark: the colour it is drawn in
  static constexpr Stacking stacking = Stacking::line;
  void move_up(double dy) {
    y1 += dy;
    y2 += dy;
  }
  auto fields() const { return std::tie(x1, y1, x2, y2, width, change); }
};

/// A filled black rectangle: where redacted text was. The text itself is never in the model.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
  static constexpr Stacking stacking = Stacking::box;
  void move_up(double dy) { y += dy; }
  auto fields() const { return std::tie(x, y, width, height); }
};

/// A PNG image drawn on the page: centred on `center_x`, its top at `top`, `height` high, as wide
/// as its proportions make it. The file is as the input names it; render/ resolves and reads it
/// into `data` before the PDF is written.
struct Image {
  std::string file;
  double center_x = 0, top = 0, height = 0;
  SourceLocation where;  // the input's element naming the file, for messages
  std::shared_ptr<const std::string> data;
  static constexpr Stacking stacking = Stacking::image;
  void move_up(double dy) { top += dy; }
  // `where` is for messages only; the bytes, once read, are what the page shows.
  auto fields() const { return std::tie(file, center_x, top, height, data); }
};

/// A clickable area that opens a URI, or (uri empty) goes to a place in the document: `page`
/// (0-based) at `top`, or the text of footnote `note` until pagination resolves it to those.
struct Link {
  double x = 0, y = 0, width = 0, height = 0;
  std::string uri;
  int page = -1;
  double top = 0;
  int note = 0;
  // An entry of a table of contents or authorities: `page` counts from the body's first page
  // until lay_out() puts the front matter before it.
  bool to_body = false;
  // Not drawn: an annotation over the page's content.
  static constexpr Stacking stacking = Stacking::link;
  void move_up(double dy) { y += dy; }
  auto fields() const { return std::tie(x, y, width, height, uri, page, top, note, to_body); }
};

/// Words set across the page behind everything else, in a light grey: the DRAFT watermark.
/// Its runs are placed on a level line through the origin (0, 0); the PDF turns them `angle`
/// degrees counter-clockwise and moves that origin to the page point (x, y).
struct Watermark {
  std::vector<TextRun> runs;  // empty: no watermark
  double x = 0, y = 0, angle = 0;
  double gray = 0.85;  // fill: 0 black, 1 white
  auto fields() const { return std::tie(runs, x, y, angle, gray); }
};

/// Where a page begins in the flow: the block, counted in reading order (the body of a document
/// with front matter from body_blocks_first), and its line. The blocks counted are text blocks
/// (paragraph or heading, a line each), rows of columns (a band each: the lines of the columns
/// that stand side by side) and tables of contents and authorities (a line each). -1: a page
/// beginning with anything else (an image, a spacer).
struct PageStart {
  int block = -1;
  int line = 0;
  bool operator==(const PageStart&) const = default;
};

/// Counts of a document with front matter start at this: its body's blocks from here.
inline constexpr int body_blocks_first = 1000000;

/// The shapes of a page, or of a piece of one that layout has yet to place: a vector per kind.
struct Shapes {
  std::vector<TextRun> runs;
  std::vector<Line> lines;
  std::vector<Box> boxes;
  std::vector<Image> images;
  std::vector<Link> links;

  /// The one list of the shape kinds: calls `f` with every vector, in this order (the order
  /// the content ID hashes them in).
  template <class F>
  decltype(auto) lists(F&& f) {
    return f(runs, lines, boxes, images, links);
  }
  template <class F>
  decltype(auto) lists(F&& f) const {
    return f(runs, lines, boxes, images, links);
  }
  /// Calls `f` with every vector, bottom up: in the order of their kinds' stacking.
  template <class F>
  void each_list_bottom_up(F&& f) const {
    lists([&](const auto&... list) {
      constexpr int top = std::max({static_cast<int>(stacking_of<decltype(list)>)...});
      for (int level = 0; level <= top; ++level)
        (
            [&] {
              if (static_cast<int>(stacking_of<decltype(list)>) == level) f(list);
            }(),
            ...);
    });
  }
  /// Appends `other`'s shapes moved up by `dy` points (down when negative).
  void append(const Shapes& other, double dy) {
    lists([&](auto&... to) {
      other.lists([&](const auto&... from) { (append_copied(to, from, dy), ...); });
    });
  }
  /// Appends `other`'s shapes where they are.
  void append(Shapes&& other) {
    lists([&](auto&... to) { other.lists([&](auto&... from) { (append_moved(to, from), ...); }); });
  }
  auto fields() const {
    return lists([](const auto&... list) { return std::tie(list...); });
  }

 private:
  template <class List>
  static constexpr Stacking stacking_of = std::remove_cvref_t<List>::value_type::stacking;
  template <class T>
  static void append_copied(std::vector<T>& to, const std::vector<T>& from, double dy) {
    for (T shape : from) {
      shape.move_up(dy);
      to.push_back(std::move(shape));
    }
  }
  template <class T>
  static void append_moved(std::vector<T>& to, std::vector<T>& from) {
    for (T& shape : from) to.push_back(std::move(shape));
    from.clear();
  }
};

struct Page : Shapes {
  /// Where it begins (for a public version that keeps the classified version's pages).
  PageStart start;
  /// The document parts with text on the page ("body", "caption", "certificate-of-service"),
  /// in order of first appearance: what compliance counts pages of.
  std::vector<std::string> parts;
  Watermark watermark;
  /// The authorities cited on the page (doc::Inline::authority), once each, in order: where a
  /// citation starts, in the text or in a footnote's text. What the table of authorities lists.
  std::vector<std::string> authorities;
  /// Numbered 1 again, and the pages after it from there (<group numbering="restart">).
  bool restart_numbering = false;
  // `start` only places the pages of another version (--keep-pages): the PDF does not show it.
  auto fields() const {
    return std::tie(parts, static_cast<const Shapes&>(*this), watermark, authorities,
                    restart_numbering);
  }
};

/// A bookmark: a heading or a part of the document, and where it lands.
struct OutlineEntry {
  std::string title;
  int level = 1;  // 1 = top
  int page = 0;   // 0-based
  double y = 0;   // top of the target on that page
  auto fields() const { return std::tie(title, level, page, y); }
};

/// A PDF file whose pages go after page `after_page` (0-based) of the model: an exhibit, after
/// its slip sheet. The file is as the input names it; render/ resolves it.
struct Exhibit {
  std::string file;
  std::string label;  // "A": page labels of its pages are "A-1", "A-2", …
  int after_page = 0;
  SourceLocation where;  // the input's <exhibit>, for messages about the file
  // `where` is for messages only: the same exhibit named on another line makes the same PDF.
  auto fields() const { return std::tie(file, label, after_page); }
};

struct PageModel {
  double width = 612, height = 792;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<Exhibit> exhibits;  // in document order
  int front_matter_pages = 0;     // the first pages, numbered i, ii, …: up to the last table
  // The first page is a brief's cover: it prints no number, and viewers label it `cover_label`
  // alone (the document's cover-label, in its language), not "i".
  bool cover = false;
  std::string cover_label;
  auto fields() const {
    return std::tie(width, height, pages, outline, exhibits, front_matter_pages, cover,
                    cover_label);
  }
};

/// Pages of one document, at most. The longest FISC filings run to a few hundred pages; past
/// 2,000 the PDF (held in memory by libharu) and the compliance checks grow without serving any
/// filing.
constexpr std::size_t max_pages = 2000;

/// Thrown by lay_out() as soon as the document is sure to need more than max_pages: while its
/// lines are still being set, so that a huge input costs no more time or memory than 2,000
/// pages would. The caller names the file.
class TooManyPages : public Error {
 public:
  TooManyPages();
};

/// Thrown by lay_out() when characters are in no installed font: every one, each with the
/// location of the element holding it (its first place there), for the caller to refine to
/// the character's own line and column in a file it can read.
class MissingCharacters : public Error {
 public:
  struct Missing {
    char32_t cp;
    SourceLocation where;
  };
  explicit MissingCharacters(std::vector<Missing> missing);
  const std::vector<Missing>& missing() const { return missing_; }
  /// "the character U+0378 (͸) is in no installed font".
  static std::string message_for(char32_t cp);

 private:
  std::vector<Missing> missing_;
};

/// Lays the document out on pages as the rules profile says: line breaking at ICU's break
/// opportunities (optimal fit for justified text, citations kept together), justified lines
/// placed word by word, portion marks before marked paragraphs and the classification banner
/// at the top and bottom of every page, footnotes on the page of their
/// reference, headings kept with what follows, captions and signatures never split, page
/// numbers. A character no font has throws Error at its source location; one drawn from the
/// fallback family adds a Warning. More than max_pages throws TooManyPages.
///
/// `plan`, when given, is where each page is to begin: the pages of the same document laid out
/// before (the classified version of a public one, --keep-pages). A page break is forced before
/// each start; a block with fewer lines here than there (a redacted paragraph) repeats its
/// first line to begin each page it spanned there. A start this flow does not hold is a
/// Warning: the pages may then differ.
PageModel lay_out(const doc::Document& document, const rules::Profile& profile,
                  fonts::FontSet& fonts, Warnings& warnings,
                  const std::vector<PageStart>& plan = {});

}  // namespace fiscgen::layout
