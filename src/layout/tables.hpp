// Internal to layout/: the table of contents and the table of authorities, set from where the
// body's headings and citations landed.
#pragma once

#include <string>
#include <vector>

#include "layout/context.hpp"
#include "layout/line_breaking.hpp"

namespace fiscgen::layout::detail {

/// A line of the table of contents: a heading ("I." and its text) or a part with a bookmark.
struct ContentsEntry {
  std::string label;              // "I.", "A."; empty for parts
  std::vector<doc::Inline> text;  // footnotes left out
  int level = 1;
  int page = 0;         // the printed page number (1 = the body's first page)
  double top = 0;       // where the heading starts on that page
  std::string printed;  // a front-matter page as printed ("iii"); empty: `page`
  // The number printed on the page when it belongs to a numbering of its own (a proposed
  // order, numbered from 1); 0: `page`. The entry still links to the page itself.
  int restarted = 0;
};

/// An authority of the table, with the printed pages that cite it, in order.
struct AuthorityEntry {
  const doc::Authority* authority = nullptr;
  std::vector<int> pages;
};

/// What the tables list. Authorities are in table order: by category, then collated.
struct TableData {
  std::vector<ContentsEntry> contents;
  std::vector<AuthorityEntry> authorities;
};

/// Reads the tables off the body laid out on its own (`body` pages numbered 1, 2, …):
/// headings and bookmarked parts from its outline, authorities from each page's citations.
TableData gather_tables(const Context& context, const std::vector<doc::Block>& body_blocks,
                        const PageModel& body);

/// The bookmarked parts of the laid-out front matter other than the table of contents itself
/// (the table of authorities, a disclosure statement), as entries numbered i, ii, … as the
/// front matter is (the cover counts as i).
std::vector<ContentsEntry> front_contents(const Context& context, const PageModel& front,
                                          const std::string& contents_outline);

/// The lines of a <toc> or <toa> block, from context.tables (none when it is null): the title,
/// then one entry per heading or authority, dot leaders running to the right-aligned pages.
std::vector<FlowLine> table_lines(Context& context, const doc::Block& block,
                                  const Breakers& breakers);

}  // namespace fiscgen::layout::detail
