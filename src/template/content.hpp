// Copying the input's rich content (design §3: section, heading, p, quote, list, inline
// markup) into the document tree's vocabulary.
#pragma once

#include <array>
#include <functional>
#include <string_view>

#include <pugixml.hpp>

#include "base/error.hpp"

namespace fiscgen::templ {

/// The input elements t:copy carries over: sections and blocks, then running-text markup.
inline constexpr std::array<std::string_view, 6> input_block_elements = {
    "section", "heading", "p", "quote", "list", "item"};
inline constexpr std::array<std::string_view, 10> input_inline_elements = {
    "em", "strong", "u", "sc", "cite", "fn", "redact", "a", "br", "literal"};

/// Appends the children of `from` to `out`, renaming input elements to tree elements
/// (p → paragraph, a section's heading → heading with its depth as level, list items labelled).
/// An element outside the vocabulary is an Error at its place in the input.
void copy_content(const pugi::xml_node& from, pugi::xml_node out,
                  const std::function<SourceLocation(const pugi::xml_node&)>& locate);

}  // namespace fiscgen::templ
