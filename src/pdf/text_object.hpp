// A page's text runs written as PDF text operators: each line's runs in one TJ array.
#pragma once

#include <hpdf.h>

#include <string>

#include "layout/layout.hpp"

namespace fiscgen::pdf {

/// Writes runs into `page`'s content stream between libharu's HPDF_Page_BeginText and
/// HPDF_Page_EndText, where HPDF_Page_TextOut wrote a Td and a Tj for every run. A run on the
/// baseline of the one before continues its TJ array, the gap between them (kerning, a justified
/// space) a number in the array. A motion's runs are mostly single words: TextOut was 5% of its
/// instructions, and one array per line makes its page streams 22% shorter before deflate.
///
/// The font, size and fill stay libharu's (HPDF_Page_SetFontAndSize, HPDF_Page_SetRGBFill):
/// call end_array() before either, so that they are written after the array they follow.
class TextObject {
 public:
  explicit TextObject(HPDF_Page page);

  /// Draws `run` in `font` (the page's current font, at run.size) at run.x, run.y. Like
  /// HPDF_Page_ShowText, it measures the text with the font (which marks its glyphs used, so the
  /// embedded subset has them) and draws nothing of a text whose width is zero.
  void show(const layout::TextRun& run, HPDF_Font font);

  /// Closes the open TJ array, if any, writing what show() gathered to the stream.
  void end_array();

 private:
  HPDF_Page page_;
  std::string pending_;  // operators not yet in the stream
  bool in_array_ = false;
  bool placed_ = false;  // whether a Td has set the line's origin yet
  // Where the reader's text state is, from the numbers as written: the line matrix's origin
  // (moved by Td) and the pen (moved by every glyph and TJ number). Rounding never adds up.
  double origin_x_ = 0, origin_y_ = 0, pen_x_ = 0;
  double line_y_ = 0;  // the baseline the runs of the open line were given
};

}  // namespace fiscgen::pdf
