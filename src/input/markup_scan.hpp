// A light pass over the raw XML text for what pugixml accepts but fiscgen must refuse.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fiscgen::input {

struct MarkupProblem {
  std::size_t offset = 0;  // byte offset in the text
  std::string message;
};

struct MarkupScan {
  /// The first problem before the limit: a DOCTYPE, an entity other than the five predefined,
  /// a bare '&', text or a second element outside the root.
  std::optional<MarkupProblem> problem;
  /// Elements still open at the limit, outermost first (for "expected </p>" messages).
  std::vector<std::string> open;
};

/// Scans `text` up to byte `limit`. Tolerates malformed markup: pugixml reports that.
MarkupScan scan_markup(std::string_view text, std::size_t limit);

}  // namespace fiscgen::input
