#include "layout/layout.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <tuple>
#include <utility>

#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/furniture.hpp"
#include "layout/pagination.hpp"
#include "layout/placed.hpp"
#include "layout/tables.hpp"

namespace fiscgen::layout {
namespace {

bool holds_table(const doc::Block& block) {
  if (block.kind == doc::BlockKind::table_of_contents ||
      block.kind == doc::BlockKind::table_of_authorities)
    return true;
  for (const auto& child : block.children)
    if (holds_table(child)) return true;
  return false;
}

/// How many blocks, from the start, are front matter: up to the end of the last one holding a
/// <toc> or <toa>; 0 when there is none.
std::size_t front_matter_blocks(const std::vector<doc::Block>& blocks) {
  for (std::size_t i = blocks.size(); i > 0; --i)
    if (holds_table(blocks[i - 1])) return i;
  return 0;
}

/// Appends `body`'s pages, bookmarks and exhibits after those of `model`.
void append_body(PageModel& model, PageModel&& body) {
  const int shift = static_cast<int>(model.pages.size());
  // Links within the body, and the tables' links to it, now count from the front matter's start.
  for (auto& page : model.pages)
    for (auto& link : page.links)
      if (link.to_body && link.page >= 0) link.page += shift;
  for (auto& page : body.pages) {
    for (auto& link : page.links)
      if (link.page >= 0) link.page += shift;
    model.pages.push_back(std::move(page));
  }
  for (auto entry : body.outline) {
    entry.page += shift;
    model.outline.push_back(std::move(entry));
  }
  for (auto exhibit : body.exhibits) {
    exhibit.after_page += shift;
    model.exhibits.push_back(std::move(exhibit));
  }
}

/// The part whose blocks are no text of the flow but the heading of every page after the first
/// (a letter's addressee, date and page): see add_continuation_heading.
constexpr const char* continuation_part = "continuation";

/// Moves the top-level blocks of the continuation part out of `blocks`; returns their text and
/// where the first came from.
std::pair<std::string, SourceLocation> take_continuation(std::vector<doc::Block>& blocks) {
  std::string text;
  SourceLocation where;
  std::erase_if(blocks, [&](const doc::Block& b) {
    if (b.part != continuation_part) return false;
    if (text.empty()) where = b.where;
    text += (text.empty() ? "" : " ") + doc::plain_text(b.inlines);
    return true;
  });
  return {text, where};
}

/// A continuation heading that prints the page number ({page}) is the page's number: a profile
/// that also numbers the pages would print it twice on every page after the first.
void warn_twice_numbered(const std::string& heading, const SourceLocation& where,
                         const rules::Profile& profile, Warnings& warnings) {
  if (heading.find("{page}") == std::string::npos || profile.page_number.position == "none") return;
  warnings.add(where, "the continuation heading prints the page number and rules profile " +
                          profile.name + " numbers the pages too (page-number position \"" +
                          profile.page_number.position +
                          "\"): each page after the first shows its number twice; a letter's "
                          "profile sets position=\"none\"");
}

bool has_continuation(const std::vector<doc::Block>& blocks) {
  return std::any_of(blocks.begin(), blocks.end(),
                     [](const doc::Block& b) { return b.part == continuation_part; });
}

}  // namespace

TooManyPages::TooManyPages()
    : Error("the document needs more than " + std::to_string(max_pages) +
            " pages; fiscgen writes at most " + std::to_string(max_pages) +
            " (split it into volumes)") {}

namespace {

Error first_of(const std::vector<MissingCharacters::Missing>& missing) {
  std::vector<Error> others;
  for (std::size_t i = 1; i < missing.size(); ++i)
    others.emplace_back(missing[i].where, MissingCharacters::message_for(missing[i].cp));
  std::string message = MissingCharacters::message_for(missing.front().cp);
  if (!others.empty())
    message += " (and " + std::to_string(others.size()) +
               (others.size() == 1 ? " other character" : " other characters") +
               " no font has, listed below)";
  return Error(missing.front().where, message, std::move(others));
}

}  // namespace

MissingCharacters::MissingCharacters(std::vector<Missing> missing)
    : Error(first_of(missing)), missing_(std::move(missing)) {}

std::string MissingCharacters::message_for(char32_t cp) {
  return "the character " + utf8::name(cp) + " is in no installed font";
}

/// Three passes: the blocks become a flow of lines (shaping, line breaking, word placement, and
/// on each line the vetoes on breaking a page before it), the flow is cut into pages with the
/// footnotes at the foot of their page, then the page numbers and classification banners go on.
///
/// A document with a table of contents or of authorities is laid out in two parts. The body
/// (every block after the last table) is laid out first, on its own and from a new page, so
/// its pages are numbered 1, 2, … and the tables can read where each heading and citation
/// landed. Then the front matter is laid out with the tables filled in, numbered i, ii, ….
/// The body is laid out once: nothing in the front matter can move it (its first page is a new
/// page whatever the tables' length), so a second pass of the body would change nothing —
/// tests/layout/tables_test.cpp checks that the body's pages are the same for tables of any
/// length.
namespace {

/// The table of contents lists the front matter's own bookmarked parts after it (the table of
/// authorities): their pages are known only once the front matter is laid out, and listing
/// them adds lines that may move them, so the front matter is laid out again until the pages
/// listed are those printed (twice in practice; at most four times).
void list_front_matter(detail::Context& context, const std::vector<doc::Block>& front_blocks,
                       const std::function<std::vector<detail::FlowLine>()>& front_flow,
                       detail::TableData& tables, PageModel& model) {
  const doc::Block* contents = nullptr;
  for (const auto& block : front_blocks)
    if (block.kind == doc::BlockKind::table_of_contents) contents = &block;
  if (!contents) return;
  const auto body_entries = tables.contents;
  std::vector<std::string> listed;
  for (int pass = 0; pass < 4; ++pass) {
    const auto front = detail::front_contents(context, model, contents->outline);
    std::vector<std::string> pages;
    for (const auto& entry : front) pages.push_back(entry.printed);
    if (front.empty() || (pass > 0 && pages == listed)) return;
    listed = pages;
    tables.contents = front;
    tables.contents.insert(tables.contents.end(), body_entries.begin(), body_entries.end());
    PageModel again;
    again.width = model.width;
    again.height = model.height;
    detail::paginate(context, front_flow(), again);
    model = std::move(again);
  }
}

// Ragged lines are filled greedily, as a reader expects of ragged text; justified lines are
// broken optimally with the profile's weights, so that no line is left with gaping spaces.
detail::Breakers breakers_of(const rules::Profile& profile) {
  const auto& weights = profile.breaking;
  detail::Breakers breaker;
  breaker.justified =
      [fit = detail::FitWeights{weights.tolerance, weights.line_penalty, weights.hyphen_penalty}](
          const auto& items, const auto& widths) {
        return detail::optimal_breaks(items, widths, fit);
      };
  return breaker;
}

void warn_pages_moved(std::size_t kept, std::size_t here, Warnings& warnings) {
  warnings.add(SourceLocation{}, "the pages could not all begin where the pages to keep began (" +
                                     std::to_string(kept) + " pages there, " +
                                     std::to_string(here) +
                                     " here): page citations may not match between the versions");
}

}  // namespace

PageModel lay_out(const doc::Document& document, const rules::Profile& profile,
                  fonts::FontSet& fonts, Warnings& warnings, const std::vector<PageStart>& plan) {
  detail::Context context(document, profile, fonts, warnings);
  const detail::Breakers breaker = breakers_of(profile);
  PageModel model;
  model.width = profile.page_width;
  model.height = profile.page_height;
  // Copied only when a continuation heading or a placed part has to be taken out of the flow.
  std::vector<doc::Block> edited;
  std::string continuation;
  std::vector<detail::PlacedPart> placed;
  const bool edit =
      has_continuation(document.blocks) || detail::has_placed(document.blocks, profile);
  if (edit) {
    edited = document.blocks;
    SourceLocation where;
    std::tie(continuation, where) = take_continuation(edited);
    warn_twice_numbered(continuation, where, profile, warnings);
    placed = detail::take_placed(context, breaker, edited);
  }
  const auto& blocks = edit ? edited : document.blocks;
  // The flow of `part`, its blocks counted from `first`, with the plan's page breaks forced.
  // The starts each flow (front matter, body) could not find; the front matter's flow is built
  // again while its table of contents settles, and its last build counts.
  std::array<std::vector<PageStart>, 2> missed;
  const auto flow = [&](const std::vector<doc::Block>& part, int first) {
    auto lines = detail::build_flow(context, part, breaker, first);
    detail::make_room(context, lines, placed);
    if (plan.empty()) return lines;
    std::vector<PageStart> own;  // the starts counted in this flow
    for (const auto& start : plan)
      if ((start.block >= body_blocks_first) == (first == body_blocks_first)) own.push_back(start);
    const auto not_found = detail::apply_plan(lines, own);
    missed[first == body_blocks_first ? 1 : 0] = not_found;
    return lines;
  };
  const std::size_t front = front_matter_blocks(blocks);
  if (front == 0) {
    detail::paginate(context, flow(blocks, 0), model);
  } else {
    const auto split = blocks.begin() + static_cast<std::ptrdiff_t>(front);
    const std::vector<doc::Block> front_blocks(blocks.begin(), split);
    const std::vector<doc::Block> body_blocks(split, blocks.end());
    PageModel body;
    if (!body_blocks.empty()) detail::paginate(context, flow(body_blocks, body_blocks_first), body);
    detail::TableData tables = detail::gather_tables(context, body_blocks, body);
    context.tables = &tables;
    detail::paginate(context, flow(front_blocks, 0), model);
    list_front_matter(
        context, front_blocks, [&] { return flow(front_blocks, 0); }, tables, model);
    context.tables = nullptr;
    model.front_matter_pages = static_cast<int>(model.pages.size());
    append_body(model, std::move(body));
  }
  if (!missed[0].empty() || !missed[1].empty() ||
      (!plan.empty() && plan.size() != model.pages.size()))
    warn_pages_moved(plan.size(), model.pages.size(), warnings);
  detail::set_placed(placed, model);
  detail::add_marks(context, model);
  detail::mark_cover(context, model);
  detail::add_page_numbers(context, model);
  detail::add_continuation_heading(context, model, continuation);
  detail::add_banners(context, model);
  detail::add_watermark(context, model);
  if (!context.missing.empty()) {
    std::vector<MissingCharacters::Missing> missing;
    for (const auto& [cp, where] : context.missing) missing.push_back({cp, where});
    throw MissingCharacters(std::move(missing));
  }
  return model;
}

}  // namespace fiscgen::layout
