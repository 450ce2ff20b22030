// Locating pugixml nodes in the text they were parsed from.
#pragma once

#include <pugixml.hpp>

#include "base/error.hpp"

namespace fiscgen {

/// Where `node` starts in the text `lines` indexes: an element at its '<', text at its first
/// character. Parse with pugixml's default options (offsets are kept by offset_debug()).
SourceLocation locate(const LineIndex& lines, const pugi::xml_node& node);

}  // namespace fiscgen
