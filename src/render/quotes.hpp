// The typographic quotes stage, between the cite stage and layout.
#pragma once

#include "base/data_paths.hpp"
#include "doc/document.hpp"

namespace fiscgen::render {

/// Prints the straight quotes of every paragraph and heading as the document locale's marks
/// (i18n::typeset_quotes), each one run of text, each footnote another. Citations, <literal>
/// and URLs keep theirs; a redaction is read as a word, never by its letters, and is left as it
/// was. Runs after the citations are read (they read the text as typed) and before layout, so
/// that `--emit tree`, `check` and `render` see the same text. A heading's bookmark made from its
/// text follows it.
void typeset_quotes(doc::Document& document, const DataPaths& paths);

}  // namespace fiscgen::render
