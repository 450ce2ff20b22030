#include "layout/paragraph.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

#include "i18n/i18n.hpp"

namespace fiscgen::layout::detail {
namespace {

// Underlines sit 1.5 pt under the baseline, half a point thick: visible, clear of descenders'
// tops, like a typewriter's rule.
constexpr double underline_drop = 1.5;
constexpr double underline_width = 0.5;
// A blackline's marks (doc::Change): inserted text gets a second underline this far under the
// first, as compare tools draw it; deleted text a line through the middle of its lower-case
// letters (this share of the size above the baseline).
constexpr double second_underline_gap = 1.5;
constexpr double strike_rise = 0.25;
// Two atoms belong to one run when the second starts where the first ends.
constexpr double same_x = 1e-6;
// A justified line whose spaces would each grow by more than an em (beside a word wider than
// the line, when greedy breaking takes over) is set flush left instead: gaps that wide read as
// columns, to people and to text extraction alike (pdftotext then reorders the words).
constexpr double max_stretch_per_gap_em = 1.0;

bool is_blank(const Atom& atom) {
  return atom.kind == AtomKind::space || atom.kind == AtomKind::forced_break ||
         atom.kind == AtomKind::invisible;
}

bool draws_text(const Atom& atom) {
  return !atom.redacted && atom.cp != 0 &&
         (atom.kind == AtomKind::glyph || atom.kind == AtomKind::space ||
          atom.kind == AtomKind::soft_hyphen);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
constexpr std::string_view section_sign = "\u00A7", paragraph_sign = "\u00B6";

/// Whether a citation is kept together at `offset`, a break opportunity strictly inside the
/// citation [begin, end) of `text`. A citation may break only at a space (not after a hyphen
/// in "1801-1812" nor between ")(" in "(d)(1)"), and not at the spaces that join its parts:
///   after "§", "§§", "¶", "¶¶":                               § 1861, §§ 1801-1812
///   after a word ending in "." before a capital, digit or §:  U.S.C. §, F. Supp. 2d, D.C. Cir.
///   after a number before a capital (volume and reporter):    50 U.S.C., 573 U.S.
///   after a reporter (a word with a "." or a series such as "2d") before a number (its page):
///                                                             F. Supp. 2d 456, F.3d 456
/// Breaks stay allowed after commas and between a case's names ("Corp. v. United States, 123
/// F.3d 456, 460"), so a long citation still flows; a short one such as "50 U.S.C. § 1861(d)(1)"
/// has no allowed break left at all. Chosen over "no break in a citation shorter than 40% of
/// the line": that rule depends on the measure and lets long citations break after "§".
bool citation_keeps(std::string_view text, std::size_t begin, std::size_t end, std::size_t offset) {
  if (offset == 0 || text[offset - 1] != ' ') return true;
  std::size_t before_end = offset - 1;
  while (before_end > begin && text[before_end - 1] == ' ') --before_end;
  std::size_t before_begin = before_end;
  while (before_begin > begin && text[before_begin - 1] != ' ') --before_begin;
  std::size_t after_end = offset;
  while (after_end < end && text[after_end] != ' ') ++after_end;
  const std::string_view before = text.substr(before_begin, before_end - before_begin);
  const std::string_view after = text.substr(offset, after_end - offset);
  if (before.empty() || after.empty()) return false;
  const auto only = [](std::string_view word, std::string_view sign) {
    return word == sign || (word.size() == 2 * sign.size() && word.substr(0, sign.size()) == sign &&
                            word.substr(sign.size()) == sign);
  };
  if (only(before, section_sign) || only(before, paragraph_sign)) return true;
  const char next = after.front();
  const bool next_section = after.substr(0, section_sign.size()) == section_sign;
  if (before.back() == '.' && (is_upper(next) || is_digit(next) || next_section)) return true;
  const bool number = std::all_of(before.begin(), before.end(), is_digit);
  if (number && is_upper(next)) return true;
  // A series ("2d", "3d", "4th"): digits then lower-case letters.
  const auto letters = std::find_if_not(before.begin(), before.end(), is_digit);
  const bool series =
      letters != before.begin() && letters != before.end() &&
      std::all_of(letters, before.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const bool reporter = before.find('.') != std::string_view::npos || series;
  return reporter && is_digit(next) && before.back() != ',';
}

std::vector<BreakItem> break_items(Context& context, const Shaped& text) {
  const auto& atoms = text.atoms;
  std::vector<BreakItem> items(atoms.size());
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    const Atom& atom = atoms[i];
    BreakItem& item = items[i];
    item.space = atom.kind == AtomKind::space || atom.kind == AtomKind::forced_break;
    item.forced_after = atom.kind == AtomKind::forced_break;
    if (atom.kind == AtomKind::soft_hyphen)
      item.hyphen_width = atom.width;
    else
      item.width = atom.width;
  }
  if (atoms.empty()) return items;
  // Sorted, so that each break asks one citation and one mark, not all of them: asking all was
  // quadratic (64,000 citations in one paragraph). Citations do not overlap.
  auto keep_together = text.no_break_before;
  std::sort(keep_together.begin(), keep_together.end());
  auto citations = text.citations;
  std::sort(citations.begin(), citations.end());
  // The breaks come in increasing order, and atoms are in text order: one cursor finds each
  // break's atom, where a binary search per break cost more than walking the atoms once.
  std::size_t at = 0;  // the first atom at or after the offset
  for (const std::size_t offset : i18n::line_breaks(text.text, context.locale)) {
    if (offset >= text.text.size()) continue;
    // A rule's subdivisions ("FRAP 32(a)(7)(B)(i)") are one reference, cited or not: ICU would
    // break between ")(", leaving "(B)" at the start of a line.
    if (offset > 0 && text.text[offset - 1] == ')' && text.text[offset] == '(') continue;
    if (std::binary_search(keep_together.begin(), keep_together.end(), offset))
      continue;  // a note mark stays with the word it follows
    // The citation starting last before the offset is the only one that may hold it.
    const auto after = std::partition_point(citations.begin(), citations.end(),
                                            [&](const auto& cite) { return cite.first < offset; });
    if (after != citations.begin()) {
      const auto& cite = *std::prev(after);
      if (offset < cite.second && citation_keeps(text.text, cite.first, cite.second, offset))
        continue;
    }
    while (at < atoms.size() && atoms[at].offset < offset) ++at;
    if (at == 0 || at == atoms.size() || atoms[at].offset != offset) continue;
    items[at - 1].break_after = true;
  }
  return items;
}

/// A blackline's lines under or through [x1, x2) of a line: inserted and moved-here text
/// underlined twice, deleted and moved-away text struck through, in the mark's colour.
void mark_change(Fragment& out, const Atom& atom, double x1, double x2, double baseline) {
  const auto line = [&](double y) {
    out.lines.push_back(Line{x1, y, x2, y, underline_width, atom.change});
  };
  const double under = -baseline - underline_drop;
  switch (atom.change) {
    case doc::Change::inserted:
    case doc::Change::moved_to:
      line(under);
      line(under - second_underline_gap);
      break;
    case doc::Change::deleted:
    case doc::Change::moved_from:
      line(-baseline + atom.rise + atom.size * strike_rise);
      break;
    case doc::Change::none:
      break;
  }
}

}  // namespace

namespace {

/// The shown order of a line without right-to-left text, most lines: the logical one, with
/// no list to build or consult.
struct LogicalOrder {
  std::size_t a = 0;
  std::size_t operator[](std::size_t i) const { return a + i; }
};
/// The shown order of a line holding right-to-left text, by UAX #9.
using VisualOrder = std::vector<std::size_t>;

/// The atoms of one line, blanks at either end left out, in the order they are shown:
/// order[i] is the logical index of the i-th atom shown.
template <class Order>
struct ShownLine {
  const std::vector<Atom>& atoms;
  std::size_t a = 0, b = 0;  // [a, b): the line's atoms, logical order
  bool hyphen = false;       // it ends at a soft hyphen, which shows
  Order order;

  std::size_t size() const { return b - a; }
  double width_of(std::size_t k) const {
    if (atoms[k].kind == AtomKind::soft_hyphen) return hyphen && k == b - 1 ? atoms[k].width : 0.0;
    return atoms[k].width;
  }
  /// A gap opens before a shown atom that is not a space and follows one.
  bool opens_gap(std::size_t i) const {
    return i > 0 && atoms[order[i]].kind != AtomKind::space &&
           atoms[order[i - 1]].kind == AtomKind::space;
  }
};

/// The atoms of a line holding right-to-left text in the order they are shown, left to right:
/// UAX #9 reorders them by the levels the paragraph resolved.
VisualOrder visual_order(const std::vector<Atom>& atoms, std::size_t a, std::size_t b) {
  std::vector<std::uint8_t> levels;
  for (std::size_t k = a; k < b; ++k) levels.push_back(atoms[k].level);
  const auto visual = i18n::visual_order(levels);
  VisualOrder order(b - a);
  for (std::size_t i = 0; i < visual.size(); ++i)
    order[i] = a + static_cast<std::size_t>(visual[i]);
  return order;
}

/// Where each atom starts (by logical index from `a`), the line aligned in `available`.
template <class Order>
std::vector<double> atom_positions(const ShownLine<Order>& line, double x, double available,
                                   doc::Align align, double size) {
  double natural = 0;
  int gaps = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    natural += line.width_of(line.order[i]);
    if (line.opens_gap(i)) ++gaps;
  }
  double extra = 0, shift = 0;
  const double slack = available - natural;
  // Justified lines from the optimal breaker may be a little too long and shrink their spaces.
  if (align == doc::Align::justify && gaps > 0 && std::abs(slack) > 0 &&
      slack / gaps <= max_stretch_per_gap_em * size)
    extra = slack / gaps;
  else if (align == doc::Align::center && slack > 0)
    shift = slack / 2;
  else if (align == doc::Align::right && slack > 0)
    shift = slack;

  std::vector<double> xs(line.b - line.a);
  double pen = x + shift, widths_before = 0;
  int gaps_seen = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line.opens_gap(i)) {
      ++gaps_seen;
      // The stretch recomputed from the gaps seen rather than added at each, so the last word
      // ends at the right edge however many gaps there are.
      pen = x + shift + extra * gaps_seen + widths_before;
    }
    xs[line.order[i] - line.a] = pen;
    const double width = line.width_of(line.order[i]);
    pen += width;
    widths_before += width;
  }
  return xs;
}

/// The line's text as runs: a new run wherever font, size, rise, mark or position breaks.
template <class Order>
void add_runs(Fragment& out, const ShownLine<Order>& line, const std::vector<double>& xs,
              double baseline) {
  // A run starts at each word (justified spaces stretch) and after each kerned pair: a quarter
  // of the atoms is room enough for nearly every line (the motion averages one run per eight),
  // where growing from empty moved every run five or six times over.
  out.runs.reserve(out.runs.size() + line.size() / 4 + 1);
  double pen = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const std::size_t k = line.order[i];
    const Atom& atom = line.atoms[k];
    if (!draws_text(atom) ||
        (atom.kind == AtomKind::soft_hyphen && !(line.hyphen && k == line.b - 1)))
      continue;
    const double ax = xs[k - line.a];
    const double y = -baseline + atom.rise;
    if (out.runs.empty() || out.runs.back().font != atom.font ||
        out.runs.back().size != atom.size || out.runs.back().y != y ||
        out.runs.back().change != atom.change || std::abs(pen - ax) > same_x) {
      out.runs.push_back(TextRun{ax, y, atom.font, atom.size, {}, atom.change});
    }
    // Right to left, a bracket shows its mirror image: ")" opens a Hebrew parenthesis.
    fiscgen::utf8::append(out.runs.back().text, atom.level % 2 ? i18n::mirrored(atom.cp) : atom.cp);
    // Where the reader's pen goes: the advance, not the kerning, which starts a new run.
    pen = ax + line.width_of(k) - atom.kern;
  }
}

/// Underlines, links, change marks and redaction boxes: one shape per stretch of marked atoms
/// side by side.
template <class Order>
void add_spans(Fragment& out, const ShownLine<Order>& line, const std::vector<double>& xs,
               const Shaped& text, double baseline, double asc, double desc) {
  const auto& atoms = line.atoms;
  // Which kinds of mark the line holds at all: most lines hold none, and each kind asked of
  // every atom was a fifth of placing a line.
  bool underlines = false, links = false, notes = false, changes = false, boxes = false;
  for (std::size_t k = line.a; k < line.b; ++k) {
    underlines |= atoms[k].underline;
    links |= atoms[k].link >= 0;
    notes |= atoms[k].note > 0;
    changes |= atoms[k].change != doc::Change::none;
    boxes |= atoms[k].redacted;
  }
  const auto spans = [&](auto marked, auto emit) {
    std::size_t i = 0;
    while (i < line.size()) {
      const std::size_t k = line.order[i];
      if (!marked(atoms[k])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j + 1 < line.size() && marked(atoms[line.order[j + 1]]) &&
             atoms[line.order[j + 1]].link == atoms[k].link &&
             atoms[line.order[j + 1]].note == atoms[k].note &&
             atoms[line.order[j + 1]].change == atoms[k].change)
        ++j;
      emit(k, xs[k - line.a], xs[line.order[j] - line.a] + line.width_of(line.order[j]));
      i = j + 1;
    }
  };
  if (underlines)
    spans([](const Atom& t) { return t.underline; },
          [&](std::size_t, double x1, double x2) {
            out.lines.push_back(Line{x1, -baseline - underline_drop, x2, -baseline - underline_drop,
                                     underline_width});
          });
  if (links)
    spans([](const Atom& t) { return t.link >= 0; },
          [&](std::size_t k, double x1, double x2) {
            out.links.push_back(Link{x1, -baseline + desc, x2 - x1, asc - desc,
                                     text.links[static_cast<std::size_t>(atoms[k].link)]});
          });
  if (notes)
    spans([](const Atom& t) { return t.note > 0; },
          [&](std::size_t k, double x1, double x2) {
            Link link{x1, -baseline + desc, x2 - x1, asc - desc, {}};
            link.note = atoms[k].note;
            out.links.push_back(std::move(link));
          });
  if (changes)
    spans(
        [](const Atom& t) { return t.change != doc::Change::none; },
        [&](std::size_t k, double x1, double x2) { mark_change(out, atoms[k], x1, x2, baseline); });
  if (boxes)
    spans([](const Atom& t) { return t.redacted; },
          [&](std::size_t, double x1, double x2) {
            out.boxes.push_back(Box{x1, -baseline + desc, x2 - x1, asc - desc});
          });
}

}  // namespace

Fragment place_line(Context& context, const Shaped& text, std::size_t begin, std::size_t end,
                    double x, double available, doc::Align align, double baseline, double size) {
  const auto& atoms = text.atoms;
  Fragment out;
  std::size_t a = begin, b = end;
  while (a < b && is_blank(atoms[a])) ++a;
  while (b > a && is_blank(atoms[b - 1])) --b;
  if (a == b) return out;
  // A line ending at a soft hyphen shows the hyphen.
  const bool hyphen = b == end && end < atoms.size() && atoms[b - 1].kind == AtomKind::soft_hyphen;
  const auto place = [&](const auto& line) {
    const auto xs = atom_positions(line, x, available, align, size);
    add_runs(out, line, xs, baseline);
    add_spans(out, line, xs, text, baseline, context.ascent(size), context.descent(size));
  };
  const auto first = atoms.begin() + static_cast<std::ptrdiff_t>(a);
  const auto last = atoms.begin() + static_cast<std::ptrdiff_t>(b);
  if (std::any_of(first, last, [](const Atom& atom) { return atom.level > 0; }))
    place(ShownLine<VisualOrder>{atoms, a, b, hyphen, visual_order(atoms, a, b)});
  else
    place(ShownLine<LogicalOrder>{atoms, a, b, hyphen, LogicalOrder{a}});
  return out;
}

/// A redaction box never breaks: one wider than the narrowest line of its paragraph (a measured
/// box, or a fixed one in a narrow column) is narrowed to it.
static Shaped fit_boxes(const Shaped& text, double narrowest) {
  Shaped fitted = text;
  for (auto& atom : fitted.atoms)
    if (atom.redacted) atom.width = std::max(0.0, std::min(atom.width, narrowest));
  return fitted;
}

/// Lines come from the breaker; alignment follows the style unless the block overrides it, and
/// a justified paragraph's last line, or a line ended by <br/>, is set flush left.
std::vector<FlowLine> set_paragraph(Context& context, const Shaped& shaped,
                                    const rules::Style& style, const ParagraphFrame& frame,
                                    const Breakers& breakers) {
  std::vector<FlowLine> lines;
  const bool has_content = std::any_of(shaped.atoms.begin(), shaped.atoms.end(),
                                       [](const Atom& atom) { return !is_blank(atom); });
  if (!has_content) return lines;

  const double left = frame.left + style.indent_left;
  const double full = frame.right - style.indent_right - left;
  // A centred or right-aligned paragraph is set on its axis, not off it by an indent.
  const bool flush = frame.align == doc::Align::left || frame.align == doc::Align::justify;
  const double first_indent = flush ? style.first_line_indent : 0;
  const LineWidths widths{full - first_indent, full};
  const double narrowest = std::min(widths.first, widths.rest);
  const bool too_wide = std::any_of(shaped.atoms.begin(), shaped.atoms.end(), [&](const Atom& a) {
    return a.redacted && a.width > narrowest;
  });
  const Shaped fitted = too_wide ? fit_boxes(shaped, narrowest) : Shaped();
  const Shaped& text = too_wide ? fitted : shaped;
  const auto& atoms = text.atoms;
  const auto items = break_items(context, text);
  const auto ends = breakers.pick(frame.align == doc::Align::justify)(items, widths);
  const double baseline = context.ascent(style.size);

  // Notes and authorities in atom order, walked once beside the lines: asking every line about
  // every one was quadratic (64,000 citations in one paragraph: seconds).
  const auto in_atom_order = [](std::size_t count, const auto& atom_of) {
    std::vector<std::size_t> order(count);
    for (std::size_t i = 0; i < count; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return atom_of(a) < atom_of(b); });
    return order;
  };
  const auto notes =
      in_atom_order(text.notes.size(), [&](std::size_t n) { return text.note_atoms[n]; });
  const auto authorities = in_atom_order(text.authorities.size(),
                                         [&](std::size_t n) { return text.authorities[n].first; });
  std::size_t next_note = 0, next_authority = 0;

  lines.reserve(ends.size());  // a line is large: moved once, into the flow, not on each regrowth
  std::size_t begin = 0;
  for (std::size_t l = 0; l < ends.size(); ++l) {
    const std::size_t end = ends[l];
    const bool last = l + 1 == ends.size();
    const bool forced = end > begin && atoms[end - 1].kind == AtomKind::forced_break;
    doc::Align align = frame.align;
    if (align == doc::Align::justify && (last || forced)) align = doc::Align::left;
    const double indent = l == 0 ? first_indent : 0;
    FlowLine line;
    line.height = style.line_height;
    line.baseline = baseline;
    line.content = place_line(context, text, begin, end, left + indent, widths.at(l), align,
                              baseline, style.size);
    for (; next_note < notes.size() && text.note_atoms[notes[next_note]] < end; ++next_note)
      if (text.note_atoms[notes[next_note]] >= begin)
        line.notes.push_back(text.notes[notes[next_note]]);
    for (; next_authority < authorities.size() &&
           text.authorities[authorities[next_authority]].first < end;
         ++next_authority)
      if (text.authorities[authorities[next_authority]].first >= begin)
        line.authorities.push_back(text.authorities[authorities[next_authority]].second);
    lines.push_back(std::move(line));
    begin = end;
  }
  return lines;
}

void set_note(Context& context, const doc::Inline& footnote, const Breakers& breakers) {
  const rules::Style& style = context.profile.style("footnote");
  Shaper shaper(context, style);
  shaper.add_mark(footnote.note, footnote.where, false, footnote.change);
  if (!footnote.marking.empty()) shaper.add_portion_mark(footnote.marking, footnote.where);
  shaper.add_inlines(footnote.children);
  const Shaped text = shaper.finish();
  ParagraphFrame frame{context.content_left(), context.content_right(), style.align};
  Note note;
  note.lines = set_paragraph(context, text, style, frame, breakers);
  note.gap = style.space_after;
  if (note.lines.empty()) {  // a note without text still shows its number
    FlowLine line;
    line.height = style.line_height;
    note.lines.push_back(std::move(line));
  }
  // Notes referenced inside this note have no place of their own: set them anyway so their
  // text is not lost, after this one.
  context.notes[footnote.note] = std::move(note);
  for (const auto* inner : text.footnotes) set_note(context, *inner, breakers);
}

}  // namespace fiscgen::layout::detail
