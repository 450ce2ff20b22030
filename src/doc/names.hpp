// Internal to doc/: the element and attribute names of the tree's XML, which its reader
// (reader.cpp) and its writer (document.cpp) share.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "doc/document.hpp"

namespace fiscgen::doc::detail {

inline constexpr std::array<std::pair<BlockKind, const char*>, 17> block_names{{
    {BlockKind::paragraph, "paragraph"},
    {BlockKind::heading, "heading"},
    {BlockKind::quote, "quote"},
    {BlockKind::list, "list"},
    {BlockKind::item, "item"},
    {BlockKind::caption, "caption"},
    {BlockKind::columns, "columns"},
    {BlockKind::column, "column"},
    {BlockKind::signature, "signature"},
    {BlockKind::keep, "keep"},
    {BlockKind::group, "group"},
    {BlockKind::page_break, "page-break"},
    {BlockKind::spacer, "spacer"},
    {BlockKind::exhibit, "exhibit"},
    {BlockKind::image, "image"},
    {BlockKind::table_of_contents, "toc"},
    {BlockKind::table_of_authorities, "toa"},
}};

// The words a <toc> or <toa> prints, as attributes of the tree (doc::Block::words).
// (and the category headings of a <toa>: authority_categories' keys).
inline constexpr std::array<const char*, 3> table_words{"title", "page", "passim"};

inline bool is_table(BlockKind kind) {
  return kind == BlockKind::table_of_contents || kind == BlockKind::table_of_authorities;
}

inline constexpr std::array<std::pair<InlineKind, const char*>, 11> inline_names{{
    {InlineKind::text, "#text"},
    {InlineKind::emphasis, "em"},
    {InlineKind::strong, "strong"},
    {InlineKind::underline, "u"},
    {InlineKind::small_caps, "sc"},
    {InlineKind::citation, "cite"},
    {InlineKind::footnote, "fn"},
    {InlineKind::redaction, "redact"},
    {InlineKind::link, "a"},
    {InlineKind::line_break, "br"},
    {InlineKind::literal, "literal"},
}};

inline constexpr std::array<std::pair<Align, const char*>, 5> align_names{{
    {Align::inherit, ""},
    {Align::left, "left"},
    {Align::center, "center"},
    {Align::right, "right"},
    {Align::justify, "justify"},
}};

inline bool is_block_name(std::string_view name) {
  for (const auto& [kind, text] : block_names)
    if (name == text) return true;
  return false;
}

inline bool has_inline_content(BlockKind kind) {
  return kind == BlockKind::paragraph || kind == BlockKind::heading;
}

}  // namespace fiscgen::doc::detail
