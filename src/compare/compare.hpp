// The compare stage: a blackline of two versions of a document, word by word over their trees.
//
// Both trees come from the whole pipeline up to layout (template merged, citations read, public
// version redacted), so what is compared is what each version prints, and a redaction is only
// ever a box: the text it hid is in neither tree. The result is the later version's tree with
// every change marked (doc::Change) for layout to draw, and the earlier version's words put back,
// struck through, where they stood.
#pragma once

#include <string>
#include <vector>

#include "doc/document.hpp"

namespace fiscgen::compare {

/// The words a blackline prints itself, in the document's language (locales/: compare/*).
struct Words {
  std::string moved_from_above, moved_from_below;  // margin notes where a paragraph now is
  std::string moved_above, moved_below;            // and where it was
};

/// Words changed in one section: a top-level heading's, or a part of the filing outside the
/// body (the caption, the signature, the certificate of service, the proposed order).
struct SectionCount {
  std::string part;     // the part outside the body ("certificate-of-service"); empty: body
  std::string heading;  // in the body: the heading's label and text; empty: before any (a letter)
  int inserted = 0, deleted = 0, moved = 0;
};

struct Result {
  doc::Document blackline;
  std::vector<SectionCount> sections;  // in the order of the blackline
  int inserted = 0, deleted = 0, moved = 0;
};

/// Compares `earlier` with `later`. Paragraphs and headings (wherever they stand: quotations,
/// lists, footnotes, signature, certificate, proposed order) are aligned first, with dtl's
/// shortest edit script over their contents; a changed paragraph is paired with the most
/// similar one of its stretch and compared word by word (dtl again). A deleted paragraph that
/// equals, or nearly equals, an inserted one elsewhere is shown as moved. Citations compare by
/// the authority the cite stage resolved, so a full citation rewritten into its short form, or
/// replaced by Id., is no change. The earlier version's citations carry no authority in the
/// result: the table of authorities lists what the later version cites.
Result compare(const doc::Document& earlier, const doc::Document& later, const Words& words);

/// How many words `inlines` print (footnotes' words included): what the counts count.
int word_count(const std::vector<doc::Inline>& inlines);

}  // namespace fiscgen::compare
