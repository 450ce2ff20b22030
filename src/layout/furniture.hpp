// Internal to layout/: what every page carries besides the text: page numbers, classification
// banners, the draft watermark, a letter's fold marks.
#pragma once

#include "layout/context.hpp"

namespace fiscgen::layout::detail {

/// Sets model.cover (and its label) when the document has a cover: front matter of more than one
/// page that opens with its caption.
void mark_cover(Context& context, PageModel& model);

/// Adds the page number to every page the profile numbers ({page} and {pages} in its format);
/// none on a cover.
void add_page_numbers(Context& context, PageModel& model);

/// Writes `text` (a letter's addressee, date and "Page {page}") at the head of every page after
/// the first, just above the text, with {page} replaced by the page's number; nothing when
/// `text` is empty.
void add_continuation_heading(Context& context, PageModel& model, const std::string& text);

/// The first page of each numbering of the model, in order: 0, the first body page after front
/// matter, and every page marked to restart (Page::restart_numbering).
std::vector<std::size_t> numbering_starts(const PageModel& model);

/// Draws the profile's fold and hole marks (<marks>) at the left edge of the first page.
void add_marks(Context& context, PageModel& model);

/// Centres the banner (meta.classification, which template/ resolved with doc::banner) at the
/// top and the bottom of every page, in the margins; nothing when the document has no banner.
void add_banners(Context& context, PageModel& model);

/// Sets meta.watermark ("DRAFT", --draft) corner to corner across every page, bold, in a light
/// grey, behind the text; nothing when it is empty.
void add_watermark(Context& context, PageModel& model);

}  // namespace fiscgen::layout::detail
