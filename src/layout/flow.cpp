#include "layout/flow.hpp"

#include <algorithm>

#include "layout/columns.hpp"
#include "layout/paragraph.hpp"
#include "layout/tables.hpp"
#include "layout/text.hpp"

namespace fiscgen::layout::detail {
namespace {

// A spacer's rule (<spacer rule="yes"/>): a hairline heavier than the footnote separator.
constexpr double rule_width = 0.75;
// A paragraph whose style keeps with the next (headings; "Respectfully submitted,") must be
// followed on its page by this many lines of what follows.
constexpr int keep_with_next_lines = 2;
// Paragraphs of at most this many lines are never split (with 2 + 2 widows and orphans they
// could not be anyway; this also covers profiles asking for 1).
constexpr std::size_t unsplit_paragraph_lines = 3;
// A blackline's margin note stands this far from the text and from the paper's left edge.
constexpr double margin_note_gap = 9;
// Its size: smaller than any text of the filing, as a note about the text rather than in it.
constexpr double margin_note_size = 8;

struct Frame {
  double left = 0, right = 0;
  std::string paragraph_style;  // the style of paragraphs that name none
};

/// Walks the blocks in reading order, appending lines and recording on them what must stay
/// together: the paginator then only has to honour per-line vetoes.
class FlowBuilder {
 public:
  FlowBuilder(Context& context, const Breakers& breaker, std::vector<FlowLine>& out,
              int* next_block)
      : context_(context), breaker_(breaker), out_(out), next_block_(next_block) {}

  void blocks(const std::vector<doc::Block>& blocks, const Frame& frame) {
    const doc::Block* previous = nullptr;
    for (const auto& b : blocks) {
      block(b, frame, previous);
      previous = &b;
    }
  }

  /// Bookmarks of blocks that produced no line and had none after them: anchored on a line of
  /// no height after everything else.
  void finish() {
    if (pending_outline_.empty()) return;
    FlowLine line;
    line.part = part_;
    line.keep = keep_hard;
    line.outline = std::move(pending_outline_);
    out_.push_back(std::move(line));
    pending_outline_.clear();
  }

 private:
  void block(const doc::Block& b, const Frame& frame, const doc::Block* previous) {
    // The part is inherited by everything the block contains, and restored after it.
    const std::string outer_part = part_;
    const SourceLocation outer_where = where_;
    part_ = doc::part_of(b, outer_part);
    where_ = b.where;
    if (b.restart_numbering) pending_restart_ = true;
    // The signature never starts a page alone: its first line stays with the last lines before
    // it (the relief, a letter's last paragraph), which the widow rule keeps two together.
    if (part_ == "signature" && outer_part != "signature") pending_keep_previous_ = true;
    block_in_part(b, frame, previous);
    part_ = outer_part;
    where_ = outer_where;
  }

  void block_in_part(const doc::Block& b, const Frame& frame, const doc::Block* previous) {
    using doc::BlockKind;
    if (!b.outline.empty())
      pending_outline_.push_back(
          OutlineEntry{b.outline, b.kind == BlockKind::heading ? std::max(1, b.level) : 1, 0, 0});
    switch (b.kind) {
      case BlockKind::paragraph:
        paragraph(b, frame, previous);
        break;
      case BlockKind::heading:
        text_block(b, context_.profile.style_for(b, frame.paragraph_style), frame, true);
        break;
      case BlockKind::quote:
      case BlockKind::list:
      case BlockKind::column:
      case BlockKind::group:
        blocks(b.children, contents_frame(b, frame));
        break;
      case BlockKind::item:
        item(b, frame);
        break;
      case BlockKind::caption:
      case BlockKind::signature:
      case BlockKind::keep:
        kept_together(b, frame);
        break;
      case BlockKind::columns:
        columns(b, frame);
        break;
      case BlockKind::page_break:
        pending_forced_ = true;
        break;
      case BlockKind::exhibit:
        exhibit(b);
        break;
      case BlockKind::table_of_contents:
      case BlockKind::table_of_authorities:
        table(b);
        break;
      case BlockKind::image:
        image(b, frame);
        break;
      case BlockKind::spacer:
        spacer(b, frame);
        break;
    }
  }

  void paragraph(const doc::Block& b, const Frame& frame, const doc::Block* previous) {
    rules::Style style = context_.profile.style_for(b, frame.paragraph_style);
    // The citation of a block quotation begins at the left margin on the line after it
    // (Bluebook rule 5.1(a)): the paragraph it opens goes on without a first-line indent.
    if (previous && previous->kind == doc::BlockKind::quote && !b.inlines.empty() &&
        b.inlines.front().kind == doc::InlineKind::citation)
      style.first_line_indent = 0;
    text_block(b, style, frame, false);
  }

  /// A caption or a signature, never split (the signature set at its indent), or a <keep>,
  /// kept together when it fits on a page.
  void kept_together(const doc::Block& b, const Frame& frame) {
    const std::size_t from = out_.size();
    if (b.kind == doc::BlockKind::keep) {
      blocks(b.children, frame);
      keep_together(from, keep_group);
      return;
    }
    Frame inner = contents_frame(b, frame);
    if (b.kind == doc::BlockKind::signature)
      inner.left = context_.content_left() + context_.profile.signature_indent;
    blocks(b.children, inner);
    keep_together(from, keep_hard);
  }

  /// A table of contents or authorities: filled in from the body's layout (layout.cpp); nothing
  /// before that is known.
  void table(const doc::Block& b) {
    auto lines = table_lines(context_, b, breaker_);
    number_bands(lines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const double gap = i == 0 ? lines[i].gap_before : 0;
      add(std::move(lines[i]), i == 0, gap);
    }
  }

  /// Counts a table as a block and its lines as its bands (PageStart), so that a page that
  /// begins inside it can begin at the same line in another version.
  void number_bands(std::vector<FlowLine>& lines) {
    const int ordinal = (*next_block_)++;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      lines[i].start = {ordinal, static_cast<int>(i)};
      lines[i].band = true;
    }
  }

  /// Centred in the frame, its top at the line's top; as tall as the template says.
  void image(const doc::Block& b, const Frame& frame) {
    FlowLine line;
    line.height = b.height;
    line.content.images.push_back(
        Image{b.file, (frame.left + frame.right) / 2, 0, b.height, b.where, nullptr});
    add(std::move(line), true, 0);
  }

  void spacer(const doc::Block& b, const Frame& frame) {
    FlowLine line;
    line.height = std::max(0.0, b.lines) * context_.profile.style("body").line_height;
    line.discardable = true;
    // A rule across the text at the middle of the space (a letterhead's line).
    if (b.rule)
      line.content.lines.push_back(
          Line{frame.left, -line.height / 2, frame.right, -line.height / 2, rule_width});
    add(std::move(line), true, 0);
  }

  /// A line of no height kept on the page before the exhibit (its slip sheet): the exhibit's
  /// pages follow that page, so whatever comes next starts a new one.
  void exhibit(const doc::Block& b) {
    FlowLine line;
    line.keep = keep_hard;
    line.exhibits.push_back(Exhibit{b.file, b.label, 0, b.where});
    add(std::move(line), false, 0);
    pending_forced_ = true;
  }

  /// The frame of what `b` holds: paragraphs naming no style take the one the rules give them.
  static Frame contents_frame(const doc::Block& b, const Frame& frame) {
    Frame inner = frame;
    inner.paragraph_style = rules::contents_style(b, frame.paragraph_style);
    return inner;
  }

  void text_block(const doc::Block& b, const rules::Style& style, const Frame& frame,
                  bool heading) {
    Shaper shaper(context_, style);
    if (heading && !b.label.empty()) {
      shaper.add_text(b.label, b.where);
      shaper.add_tab_stop(context_.profile.heading_label_tab);
    }
    // The portion marking comes first in the text (after a heading's number): "(TS//SI//NF) ".
    if (!b.marking.empty()) shaper.add_portion_mark(b.marking, b.where);
    shaper.add_inlines(b.inlines);
    const Shaped text = shaper.finish();
    for (const auto* note : text.footnotes) set_note(context_, *note, breaker_);
    const doc::Align align = b.align != doc::Align::inherit ? b.align : style.align;
    auto lines = set_paragraph(context_, text, style,
                               ParagraphFrame{frame.left, frame.right, align}, breaker_);
    // Counted even when empty, so that two versions of a document count their blocks alike.
    const int ordinal = (*next_block_)++;
    for (std::size_t i = 0; i < lines.size(); ++i) lines[i].start = {ordinal, static_cast<int>(i)};
    if (lines.empty()) return;  // an empty paragraph takes no space
    if (!b.margin_note.empty()) add_margin_note(b, lines.front());
    const std::size_t n = lines.size();
    const auto& profile = context_.profile;
    for (std::size_t i = 1; i < n; ++i) {
      const bool allowed = !heading && n > unsplit_paragraph_lines &&
                           i >= static_cast<std::size_t>(std::max(1, profile.orphan_lines)) &&
                           n - i >= static_cast<std::size_t>(std::max(1, profile.widow_lines));
      if (!allowed) lines[i].keep = keep_hard;
    }
    for (std::size_t i = 0; i < n; ++i) add(std::move(lines[i]), i == 0, style.space_before);
    pending_space_ = style.space_after;
    if (style.keep_with_next) pending_keep_ = keep_with_next_lines;
  }

  /// A blackline's note beside a moved paragraph's first line: in the left margin, flush right
  /// against the text, in the footnote face at margin_note_size (smaller still when the margin
  /// is too narrow for it), in the colour of a move.
  void add_margin_note(const doc::Block& b, FlowLine& first) {
    rules::Style style = context_.profile.style("footnote");
    const double right = context_.content_left() - margin_note_gap;
    const double room = std::max(0.0, right - margin_note_gap);
    const auto shape = [&](double size) {
      style.size = size;
      Shaper shaper(context_, style);
      shaper.add_text(b.margin_note, b.where);
      return shaper.finish();
    };
    Shaped note = shape(std::min(style.size, margin_note_size));
    double width = 0;
    for (const auto& atom : note.atoms) width += atom.width;
    if (width > room && width > 0) note = shape(style.size * room / width);
    const double baseline = first.baseline > 0 ? first.baseline : context_.ascent(style.size);
    Fragment placed = place_line(context_, note, 0, note.atoms.size(), margin_note_gap, room,
                                 doc::Align::right, baseline, style.size);
    for (auto& run : placed.runs) run.change = doc::Change::moved_to;
    first.content.append(placed, 0);
  }

  void item(const doc::Block& b, const Frame& frame) {
    Frame inner = contents_frame(b, frame);
    const rules::Style& style = context_.profile.style(inner.paragraph_style, b.where);
    const std::size_t from = out_.size();
    const doc::Block* previous = nullptr;
    for (const auto& child : b.children) {
      if (child.kind == doc::BlockKind::list) {
        Frame nested = inner;
        nested.left += context_.profile.list_nested_indent;
        block(child, nested, previous);
      } else {
        block(child, inner, previous);
      }
      previous = &child;
    }
    if (b.label.empty() || from == out_.size()) return;
    Shaper shaper(context_, style);
    shaper.add_text(b.label, b.where);
    const Shaped label = shaper.finish();
    // The label hangs left of the item's text by the profile's list label-hang.
    const double label_hang = context_.profile.list_label_hang;
    FlowLine& first = out_[from];
    const double baseline = first.baseline > 0 ? first.baseline : context_.ascent(style.size);
    first.content.append(place_line(context_, label, 0, label.atoms.size(),
                                    inner.left + style.indent_left - label_hang, label_hang,
                                    doc::Align::left, baseline, style.size),
                         0);
  }

  /// Columns side by side: each laid out on its own, then cut into bands across the row where
  /// no column has a line straddling the cut (between two of its lines, or below its end). The
  /// bands are kept together as firmly as a <keep>, so a row breaks over pages only when it is
  /// taller than what a page has left even on a page of its own (a caption with many parties).
  void columns(const doc::Block& b, const Frame& frame) {
    // Counted before the text blocks inside, which the columns' own builders count.
    const int ordinal = (*next_block_)++;
    std::vector<PlacedColumn> placed = place_columns(b, frame);
    double row_height = 0;
    for (std::size_t c = 0; c < placed.size(); ++c)
      if (!b.children[c].repeat) row_height = std::max(row_height, placed[c].height);
    repeat_columns(b, placed, row_height);
    const std::vector<double> bands = clean_cuts(placed, row_height);
    std::vector<std::size_t> next(placed.size(), 0);
    for (std::size_t k = 0; k + 1 < bands.size(); ++k) {
      FlowLine unit;
      for (auto& p : placed) {
        auto& i = next[static_cast<std::size_t>(&p - placed.data())];
        for (; i < p.lines.size() && p.tops[i] < bands[k + 1]; ++i) {
          FlowLine& line = p.lines[i];
          const double y = p.tops[i] - bands[k];
          if (k == 0 && i == 0 && unit.baseline <= 0) unit.baseline = line.baseline;
          unit.content.append(line.content, y);
          for (auto entry : line.outline) {
            entry.y -= y;
            unit.outline.push_back(std::move(entry));
          }
          unit.notes.insert(unit.notes.end(), line.notes.begin(), line.notes.end());
          unit.authorities.insert(unit.authorities.end(), line.authorities.begin(),
                                  line.authorities.end());
        }
      }
      unit.height = bands[k + 1] - bands[k];
      unit.start = {ordinal, static_cast<int>(k)};
      unit.band = true;
      std::sort(unit.notes.begin(), unit.notes.end());
      std::vector<OutlineEntry> outline = std::move(unit.outline);
      unit.outline.clear();
      pending_outline_.insert(pending_outline_.end(), outline.begin(), outline.end());
      const std::size_t at = out_.size();
      add(std::move(unit), k == 0, 0);
      if (k > 0) out_[at].keep = std::max(out_[at].keep, static_cast<int>(keep_hard));
    }
  }

  /// Each column of the row `b` laid out in its width: a fixed fraction of the frame, or an
  /// equal share of what the fixed ones leave.
  std::vector<PlacedColumn> place_columns(const doc::Block& b, const Frame& frame) {
    const double total = frame.right - frame.left;
    double fixed = 0;
    int free = 0;
    for (const auto& column : b.children) {
      if (column.width > 0)
        fixed += column.width;
      else
        ++free;
    }
    const double share = free > 0 ? std::max(0.0, 1.0 - fixed) / free : 0;
    std::vector<PlacedColumn> placed;
    double x = frame.left;
    for (const auto& column : b.children) {
      const double width = (column.width > 0 ? column.width : share) * total;
      const Frame inner{x, x + width, frame.paragraph_style};
      PlacedColumn& p = placed.emplace_back();
      FlowBuilder nested(context_, breaker_, p.lines, next_block_);
      nested.part_ = part_;
      nested.where_ = where_;
      if (column.kind == doc::BlockKind::column)
        nested.blocks(column.children, inner);
      else
        nested.block(column, inner, nullptr);
      nested.finish();
      double y = 0;
      for (std::size_t i = 0; i < p.lines.size(); ++i) {
        if (i > 0) y += p.lines[i].gap_before;
        p.tops.push_back(y);
        y += p.lines[i].height;
      }
      p.height = y;
      x += width;
    }
    return placed;
  }

  void keep_together(std::size_t from, int strength) {
    for (std::size_t i = from + 1; i < out_.size(); ++i)
      out_[i].keep = std::max(out_[i].keep, strength);
  }

  void add(FlowLine line, bool first_of_block, double space_before) {
    line.part = part_;
    if (line.where.file.empty()) line.where = where_;
    if (first_of_block) {
      line.gap_before = pending_space_ + space_before;
      pending_space_ = 0;
    }
    if (pending_forced_) {
      line.forced = true;
      pending_forced_ = false;
    }
    if (pending_restart_) {
      line.restart_numbering = true;
      pending_restart_ = false;
    }
    if (pending_keep_previous_ && !line.discardable) {
      line.keep = keep_hard;
      pending_keep_previous_ = false;
    }
    if (pending_keep_ > 0) {
      line.keep = keep_hard;
      if (!line.discardable) --pending_keep_;
    }
    if (!pending_outline_.empty()) {
      // Entries inside a row of columns carry their own offsets; the rest mark the line top.
      for (auto& entry : pending_outline_) line.outline.push_back(std::move(entry));
      pending_outline_.clear();
    }
    count_height(line);
    out_.push_back(std::move(line));
  }

  /// A page holds lines of at most its text height (a taller line gets a page of its own), so
  /// once the lines add up to more than max_pages pages of it, more pages are certain.
  void count_height(const FlowLine& line) {
    const auto& p = context_.profile;
    const double page = p.page_height - p.margin_top - p.margin_bottom;
    if (line.discardable || page <= 0) return;
    flow_height_ += std::min(line.height, page);
    if (flow_height_ > page * static_cast<double>(max_pages)) throw TooManyPages();
  }

  Context& context_;
  const Breakers& breaker_;
  std::vector<FlowLine>& out_;
  int* next_block_;  // the count of the next text block, shared with nested builders
  double pending_space_ = 0;
  int pending_keep_ = 0;
  bool pending_forced_ = false;
  bool pending_restart_ = false;        // the next line starts a new page numbering
  bool pending_keep_previous_ = false;  // the next line is kept with the one before it
  std::vector<OutlineEntry> pending_outline_;
  std::string part_;  // of the block being laid out
  SourceLocation where_;
  double flow_height_ = 0;
};

}  // namespace

std::vector<FlowLine> build_flow(Context& context, const std::vector<doc::Block>& blocks,
                                 const Breakers& breaker, int first_block) {
  return build_flow(context, blocks, breaker, first_block, context.content_left(),
                    context.content_right());
}

std::vector<FlowLine> build_flow(Context& context, const std::vector<doc::Block>& blocks,
                                 const Breakers& breaker, int first_block, double left,
                                 double right) {
  std::vector<FlowLine> lines;
  int next_block = first_block;
  FlowBuilder builder(context, breaker, lines, &next_block);
  builder.blocks(blocks, Frame{left, right, "body"});
  builder.finish();
  return lines;
}

}  // namespace fiscgen::layout::detail
