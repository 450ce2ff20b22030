// Compliance: a laid-out document measured against its rules profile (`fiscgen check`).
#pragma once

#include <string>
#include <vector>

#include "base/error.hpp"
#include "doc/document.hpp"
#include "rules/profile.hpp"

namespace fiscgen::rules {

/// Words as a word processor counts them: runs of characters between white space, in the text
/// and its footnotes; redacted text and generated labels ("I.", "1.") are not words.
int count_words(const std::vector<doc::Inline>& inlines);

/// What the document measures under its profile, and every rule it breaks.
struct Compliance {
  int words = 0;                 // words of the parts the limits count
  int pages = 0;                 // pages with text of a counted part
  const Limit* limit = nullptr;  // the limit for the document's kind, if any
  /// Each says what the rule says and what the document has; located where a block is to blame.
  std::vector<Error> violations;
};

/// Checks `document`, laid out as `page_parts` says (for each page, the parts with text on it),
/// against `profile`: the limit for its kind (words of counted parts; pages with counted text),
/// the required parts (present with some text), and the minimum type size of every style the
/// document uses, its footnotes and page numbers.
Compliance check_compliance(const doc::Document& document, const Profile& profile,
                            const std::vector<std::vector<std::string>>& page_parts);

/// 13412 → "13,412": how the rules write numbers.
std::string grouped(long long number);

}  // namespace fiscgen::rules
