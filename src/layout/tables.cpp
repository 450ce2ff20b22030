#include "layout/tables.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "i18n/i18n.hpp"
#include "layout/paragraph.hpp"
#include "layout/text.hpp"

namespace fiscgen::layout::detail {
namespace {

// Each level of the table of contents steps in by half an inch, as the headings' own tab does.
constexpr double level_indent = 36;
// Wrapped lines of an entry hang this far in, so that each entry's first word stands out.
constexpr double entry_hang = 36;
// The entry's text stops this far short of its page references, so at least a few dots lead
// to them; the references take at most this share of the line, and wrap beyond it.
constexpr double leader_room = 24;
constexpr double page_share = 0.4;
// Dots are set on a grid of this many points from the page's left edge, so the leaders of all
// entries line up in columns; they keep a space's distance from the text and the pages.
constexpr double leader_step = 6;
constexpr double leader_clearance = 3;
// Entries are single-spaced with half a line between them; a category heading has a whole
// line above it. Briefs are commonly set so: an entry is easy to find, the table stays short.
constexpr double entry_space_share = 0.5;
constexpr double category_space_share = 1.0;

std::vector<doc::Inline> without_notes(const std::vector<doc::Inline>& inlines) {
  std::vector<doc::Inline> out;
  for (const auto& in : inlines) {
    if (in.kind == doc::InlineKind::footnote) continue;
    doc::Inline copy = in;
    copy.children = without_notes(in.children);
    out.push_back(std::move(copy));
  }
  return out;
}

/// Blocks with a bookmark, in the order the flow builder records their outline entries.
void bookmarked(const std::vector<doc::Block>& blocks, std::vector<const doc::Block*>& out) {
  for (const auto& block : blocks) {
    if (!block.outline.empty()) out.push_back(&block);
    bookmarked(block.children, out);
  }
}

doc::Inline text_inline(std::string text) {
  doc::Inline in;
  in.text = std::move(text);
  return in;
}

std::string word(const doc::Block& block, const std::string& name) {
  const auto found = block.words.find(name);
  return found == block.words.end() ? "" : found->second;
}

const rules::Style& style_or(const rules::Profile& profile, const char* name,
                             const char* fallback) {
  return profile.styles.count(name) ? profile.style(name) : profile.style(fallback);
}

/// Where the drawn text of a fragment ends on the right.
double right_edge(Context& context, const Fragment& fragment, double from) {
  double right = from;
  for (const auto& run : fragment.runs)
    right = std::max(right, run.x + context.cache.font(run.font).width(run.text, run.size));
  return right;
}

/// Makes [x1, x2) of `line` a link to the body's page `page` (printed number) at `top`.
void link_line(FlowLine& line, double x1, double x2, int page, double top) {
  if (x2 <= x1 || page < 1) return;
  Link link{x1, -line.height, x2 - x1, line.height, {}};
  link.page = page - 1;
  link.top = top;
  link.to_body = true;
  line.content.links.push_back(std::move(link));
}

/// Each page number printed in a fragment's runs (digits only: "3, 7, 12") made a link to
/// that page of the body at `top`, the height of `line`.
void link_page_numbers(Context& context, FlowLine& line, const Fragment& pages, double top) {
  for (const auto& run : pages.runs) {
    const auto& font = context.cache.font(run.font);
    std::size_t at = 0;
    while (at < run.text.size()) {
      if (run.text[at] < '0' || run.text[at] > '9') {
        ++at;
        continue;
      }
      std::size_t end = at;
      while (end < run.text.size() && run.text[end] >= '0' && run.text[end] <= '9') ++end;
      const double x1 = run.x + font.width(run.text.substr(0, at), run.size);
      const double x2 = run.x + font.width(run.text.substr(0, end), run.size);
      if (end - at <= 6) link_line(line, x1, x2, std::stoi(run.text.substr(at, end - at)), top);
      at = end;
    }
  }
}

/// One line of text in `style` across the content width, aligned as `align` says.
FlowLine single_line(Context& context, const rules::Style& style,
                     const std::vector<doc::Inline>& inlines, doc::Align align) {
  Shaper shaper(context, style);
  shaper.add_inlines(inlines);
  const Shaped shaped = shaper.finish();
  FlowLine line;
  line.height = style.line_height;
  line.baseline = context.ascent(style.size);
  line.content = place_line(context, shaped, 0, shaped.atoms.size(), context.content_left(),
                            context.content_right() - context.content_left(), align, line.baseline,
                            style.size);
  return line;
}

/// An entry: `label` and `text` from `indent`, wrapped lines hanging further in, and on its
/// last line dot leaders to `pages`, set flush with the right margin. Pages too many for their
/// share of the line wrap, flush right, onto lines of their own. Its lines stay together.
///
/// The entry's text (and its dots) is a link to `target` (a printed page of the body; 0: none),
/// at `top` on it; each page number printed is a link to its own page.
std::vector<FlowLine> entry(Context& context, const rules::Style& style, double indent,
                            const std::string& label, const std::vector<doc::Inline>& text,
                            const std::vector<doc::Inline>& pages, const Breakers& breakers,
                            int target, double top) {
  const double left = context.content_left(), right = context.content_right();
  const double page_room = (right - left) * page_share;
  Shaper page_shaper(context, style);
  page_shaper.add_inlines(pages);
  const Shaped page_text = page_shaper.finish();
  rules::Style flat = style;
  flat.indent_left = flat.indent_right = flat.first_line_indent = 0;
  auto page_lines =
      set_paragraph(context, page_text, flat,
                    ParagraphFrame{right - page_room, right, doc::Align::right}, breakers);
  double pages_start = right;
  if (!page_lines.empty())
    for (const auto& run : page_lines.front().content.runs)
      pages_start = std::min(pages_start, run.x);

  Shaper shaper(context, style);
  if (!label.empty()) {
    shaper.add_text(label, SourceLocation{});
    // As in the heading itself: the text starts at the profile's next label tab.
    shaper.add_tab_stop(context.profile.heading_label_tab);
  }
  shaper.add_inlines(text);
  const Shaped shaped = shaper.finish();
  rules::Style hanging = style;
  hanging.indent_left = entry_hang;
  hanging.indent_right = 0;
  hanging.first_line_indent = -entry_hang;
  const double reserve = std::min(right - pages_start + leader_room, page_room);
  auto lines =
      set_paragraph(context, shaped, hanging,
                    ParagraphFrame{left + indent, right - reserve, doc::Align::left}, breakers);
  if (lines.empty()) {
    FlowLine line;
    line.height = style.line_height;
    line.baseline = context.ascent(style.size);
    lines.push_back(std::move(line));
  }

  FlowLine& last = lines.back();
  const double baseline = last.baseline > 0 ? last.baseline : context.ascent(style.size);
  const double text_end = right_edge(context, last.content, left + indent);
  for (auto& line : lines)
    link_line(line, left + indent,
              &line == &last ? pages_start - leader_clearance : right - reserve, target, top);
  for (std::size_t i = 0; i < page_lines.size(); ++i)
    link_page_numbers(context, i == 0 ? last : page_lines[i], page_lines[i].content, top);
  // Both are set in the same style from their line's top: their baselines agree.
  if (!page_lines.empty()) last.content.append(page_lines.front().content, 0);
  // The dots: ". . ." on the grid, between the text and the pages.
  const double first = std::ceil((text_end + leader_clearance) / leader_step) * leader_step;
  const double dot =
      context.cache.font(fonts::FontSet::main_font(fonts::Face::regular)).width(".", style.size);
  const int dots =
      static_cast<int>(std::floor((pages_start - leader_clearance - dot - first) / leader_step)) +
      1;
  const int font = context.cache.pick(style.face, '.');
  for (int k = 0; k < dots && font >= 0; ++k)
    last.content.runs.push_back(
        TextRun{first + k * leader_step, -baseline, font, style.size, std::string(".")});
  for (std::size_t i = 1; i < page_lines.size(); ++i) lines.push_back(std::move(page_lines[i]));
  for (std::size_t i = 1; i < lines.size(); ++i) lines[i].keep = keep_hard;
  return lines;
}

/// The table's title, centred, and the heading of the page column, flush right.
std::vector<FlowLine> title_lines(Context& context, const doc::Block& block,
                                  const rules::Style& style) {
  std::vector<FlowLine> out;
  const std::string title = word(block, "title");
  if (!title.empty()) {
    const rules::Style& title_style = style_or(context.profile, "title", "heading");
    FlowLine line = single_line(context, title_style, {text_inline(title)}, doc::Align::center);
    line.gap_before = title_style.space_before;
    out.push_back(std::move(line));
    out.back().keep = keep_hard;
    const std::string page = word(block, "page");
    if (!page.empty()) {
      FlowLine column = single_line(context, style, {text_inline(page)}, doc::Align::right);
      column.gap_before = title_style.space_after;
      column.keep = keep_hard;
      out.push_back(std::move(column));
    }
  }
  return out;
}

std::vector<FlowLine> contents_lines(Context& context, const doc::Block& block,
                                     const Breakers& breakers) {
  const rules::Style& style = context.profile.style("single");
  auto out = title_lines(context, block, style);
  const bool after_title = !out.empty();
  for (const auto& item : context.tables->contents) {
    // A front-matter part (printed "iii") has no body page to link to.
    auto lines =
        entry(context, style, level_indent * std::max(0, item.level - 1), item.label, item.text,
              {text_inline(!item.printed.empty()
                               ? item.printed
                               : std::to_string(item.restarted > 0 ? item.restarted : item.page))},
              breakers, item.printed.empty() ? item.page : 0, item.top);
    lines.front().gap_before = style.line_height * entry_space_share;
    // The first entry stays with the title.
    if (after_title && out.size() <= 2) lines.front().keep = keep_hard;
    for (auto& line : lines) out.push_back(std::move(line));
  }
  return out;
}

std::vector<FlowLine> authorities_lines(Context& context, const doc::Block& block,
                                        const Breakers& breakers) {
  const rules::Style& style = context.profile.style("single");
  rules::Style heading_style = style;
  heading_style.face = fonts::Face::bold;
  auto out = title_lines(context, block, style);
  const int passim_after = context.profile.passim_after;
  // The categories in the order the profile names (<authorities headings="…">), then the others
  // in the order of doc::authority_categories; the words for their headings come from the tree
  // (<toa cases="Cases" …>).
  std::vector<const doc::AuthorityCategoryName*> order;
  for (const auto& heading : context.profile.toa_headings)
    if (const auto category = doc::authority_category(heading))
      order.push_back(&doc::names_of(*category));
  for (const auto& names : doc::authority_categories)
    if (std::find(order.begin(), order.end(), &names) == order.end()) order.push_back(&names);
  for (const auto* named : order) {
    const auto& names = *named;
    const std::string key(names.key);
    bool first = true;
    for (const auto& item : context.tables->authorities) {
      if (item.authority->category != names.category) continue;
      if (first) {
        const std::string heading = word(block, key);
        FlowLine line =
            single_line(context, heading_style, {text_inline(heading.empty() ? key : heading)},
                        doc::Align::left);
        line.gap_before = style.line_height * category_space_share;
        if (!out.empty() && out.size() <= 2) line.keep = keep_hard;  // with the title
        out.push_back(std::move(line));
      }
      std::vector<doc::Inline> pages;
      if (passim_after > 0 && static_cast<int>(item.pages.size()) > passim_after &&
          !word(block, "passim").empty()) {
        doc::Inline passim;
        passim.kind = doc::InlineKind::emphasis;
        passim.children.push_back(text_inline(word(block, "passim")));
        pages.push_back(std::move(passim));
      } else {
        std::string list;
        for (const int page : item.pages) list += (list.empty() ? "" : ", ") + std::to_string(page);
        pages.push_back(text_inline(list));
      }
      auto lines =
          entry(context, style, 0, "", without_notes(item.authority->entry), pages, breakers,
                item.pages.empty() ? 0 : item.pages.front(), context.profile.page_height);
      lines.front().gap_before = style.line_height * entry_space_share;
      if (first) lines.front().keep = keep_hard;  // a category heading is never alone
      first = false;
      for (auto& line : lines) out.push_back(std::move(line));
    }
  }
  return out;
}

}  // namespace

TableData gather_tables(const Context& context, const std::vector<doc::Block>& body_blocks,
                        const PageModel& body) {
  TableData data;
  // Outline entries are recorded in the order of the blocks that carry them.
  std::vector<const doc::Block*> blocks;
  bookmarked(body_blocks, blocks);
  // The page each body page's numbering starts on: a page marked to restart begins one.
  std::vector<std::size_t> numbering_start(body.pages.size(), 0);
  for (std::size_t p = 1; p < body.pages.size(); ++p)
    numbering_start[p] = body.pages[p].restart_numbering ? p : numbering_start[p - 1];
  for (std::size_t i = 0; i < body.outline.size(); ++i) {
    const auto& mark = body.outline[i];
    ContentsEntry item;
    item.level = mark.level;
    item.page = mark.page + 1;
    const auto on = static_cast<std::size_t>(std::max(0, mark.page));
    if (on < body.pages.size() && numbering_start[on] > 0)
      item.restarted = static_cast<int>(on - numbering_start[on]) + 1;
    item.top = mark.y;
    const doc::Block* block = i < blocks.size() ? blocks[i] : nullptr;
    if (block && block->kind == doc::BlockKind::heading && block->outline == mark.title) {
      item.label = block->label;
      item.text = without_notes(block->inlines);
    } else {
      item.text.push_back(text_inline(mark.title));
    }
    data.contents.push_back(std::move(item));
  }

  std::map<std::string, std::vector<int>> pages;
  for (std::size_t p = 0; p < body.pages.size(); ++p)
    for (const auto& key : body.pages[p].authorities) pages[key].push_back(static_cast<int>(p + 1));
  const auto& authorities = context.document.authorities;
  std::vector<std::string> texts;
  for (const auto& authority : authorities)
    texts.push_back(authority.sort_key.empty() ? doc::plain_text(authority.entry)
                                               : authority.sort_key);
  const auto keys = i18n::collation_keys(texts, context.locale);
  std::vector<std::size_t> order(authorities.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  for (const std::size_t i : order) {
    const auto found = pages.find(authorities[i].key);
    if (found == pages.end()) continue;  // cited only outside the body: no page to give
    data.authorities.push_back(AuthorityEntry{&authorities[i], found->second});
  }
  return data;
}

std::vector<ContentsEntry> front_contents(const Context& context, const PageModel& front,
                                          const std::string& contents_outline) {
  std::vector<ContentsEntry> out;
  for (const auto& mark : front.outline) {
    if (mark.title == contents_outline) continue;
    ContentsEntry item;
    item.level = mark.level;
    item.page = mark.page + 1;
    item.printed = i18n::format_number(mark.page + 1, context.locale, "lower-roman");
    item.text.push_back(text_inline(mark.title));
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<FlowLine> table_lines(Context& context, const doc::Block& block,
                                  const Breakers& breakers) {
  if (!context.tables) return {};
  return block.kind == doc::BlockKind::table_of_contents
             ? contents_lines(context, block, breakers)
             : authorities_lines(context, block, breakers);
}

}  // namespace fiscgen::layout::detail
