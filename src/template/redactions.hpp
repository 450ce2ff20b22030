// Redactions sealed before a template sees the input: what a <redact> hides is taken out of the
// input tree, so no directive, XPath or later stage (tree, layout, outline, tables, metadata)
// can reach it, in any version.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "input/input.hpp"
#include "rules/profile.hpp"

namespace fiscgen::templ {

/// The input's <redact> elements, emptied. Each keeps one text child, a marker of noncharacters
/// (U+FDD0, its number in U+FDE0–U+FDEF, U+FDD1), so that a value a template takes as plain text
/// (a title in the metadata, a docket in the caption) shows that it held a redaction, and which.
class Redactions {
 public:
  /// Empties every <redact> of the input (nested ones go with their outer one). With measured
  /// boxes, each gets length="N": the characters of running text it hid (white space runs count
  /// one; footnotes none). A noncharacter U+FDD0–U+FDEF written in the input is an Error at its
  /// place: the markers are made of them.
  static Redactions seal(input::Matter& matter, rules::RedactionBoxes boxes);

  /// Throws at the <redact> whose marker `value` holds: `value` is used as plain text, where a
  /// redaction cannot be hidden. `used_at()` is the template's directive, named in the message:
  /// located only when there is one (every value a template prints is asked).
  template <class Where>
  void refuse_in_plain_text(std::string_view value, const Where& used_at) const {
    if (holds_marker(value)) refuse(value, used_at());
  }

 private:
  static bool holds_marker(std::string_view value);
  [[noreturn]] void refuse(std::string_view value, const SourceLocation& used_at) const;

  std::vector<SourceLocation> where_;  // each sealed <redact>, by its marker's number
};

}  // namespace fiscgen::templ
