// Copying the input's rich content (design §3: section, heading, p, quote, list, inline
// markup) into the document tree's vocabulary.
#pragma once

#include <functional>

#include <pugixml.hpp>

#include "base/error.hpp"

namespace fiscgen::templ {

/// Appends the children of `from` to `out`, renaming input elements to tree elements
/// (p → paragraph, a section's heading → heading with its depth as level, list items labelled).
/// An element outside the vocabulary is an Error at its place in the input.
void copy_content(const pugi::xml_node& from, pugi::xml_node out,
                  const std::function<SourceLocation(const pugi::xml_node&)>& locate);

}  // namespace fiscgen::templ
