// Internal to layout/: a shaped paragraph set in lines, each line's words placed.
#pragma once

#include <vector>

#include "layout/context.hpp"
#include "layout/line_breaking.hpp"
#include "layout/text.hpp"

namespace fiscgen::layout::detail {

/// Where a paragraph goes across the page and how its lines are aligned.
struct ParagraphFrame {
  double left = 0, right = 0;  // edges of the text before the style's own indents
  doc::Align align = doc::Align::left;
};

/// Breaks `text` into lines of `style` (justified text with breakers.justified, the rest with
/// breakers.ragged) and places every atom: justified lines are
/// placed word by word (libharu ignores word spacing for UTF-8 fonts), so each word gets its own
/// x and the right edge of a justified line is the frame's right edge. Each line's notes are
/// the footnotes whose marks it holds.
std::vector<FlowLine> set_paragraph(Context& context, const Shaped& text, const rules::Style& style,
                                    const ParagraphFrame& frame, const Breakers& breakers);

/// Sets one footnote's text (mark, then the note) in the footnote style across the content
/// width, and records it in context.notes.
void set_note(Context& context, const doc::Inline& footnote, const Breakers& breakers);

/// Places atoms [begin, end) as one line from `x`; alignment within `available`; y values
/// relative to the line top, with the baseline at -baseline.
Fragment place_line(Context& context, const Shaped& text, std::size_t begin, std::size_t end,
                    double x, double available, doc::Align align, double baseline, double size);

}  // namespace fiscgen::layout::detail
