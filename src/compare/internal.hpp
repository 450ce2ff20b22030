// Internal to compare/: inlines cut into pieces that compare as words, and put back together.
#pragma once

#include <string>
#include <vector>

#include "doc/document.hpp"

namespace fiscgen::compare::detail {

/// One comparable piece of running text: a word, a space, a punctuation mark, or a whole
/// citation, footnote, redaction or line break; with the inlines around it (emphasis, links…),
/// outermost first, which it is rebuilt inside.
struct Piece {
  std::vector<const doc::Inline*> wrappers;
  doc::Inline leaf;
  std::string key;    // what compares equal: the word, one key for every space, a citation's
                      // authority, one key for every redaction box
  bool word = false;  // counted as a word
};

std::vector<Piece> pieces_of(const std::vector<doc::Inline>& inlines);

/// Inlines again from pieces, each piece's leaf marked `changes[i]`: the pieces that share a
/// wrapper share one copy of it; neighbouring text with the same mark is one text inline.
std::vector<doc::Inline> rebuild(const std::vector<Piece>& pieces,
                                 const std::vector<doc::Change>& changes);

/// The later inlines with the changes from the earlier ones marked and the deleted pieces put
/// back where they stood; unchanged pieces get `same` (none, or moved_to in a moved paragraph).
std::vector<doc::Inline> diff_inlines(const std::vector<doc::Inline>& earlier,
                                      const std::vector<doc::Inline>& later, doc::Change same);

/// `in` and everything inside it marked `change`; a mark of deletion takes away the authority
/// of its citations (the table of authorities is the later version's).
void mark(doc::Inline& in, doc::Change change);
void mark(std::vector<doc::Inline>& inlines, doc::Change change);

/// The keys of the pieces joined: equal when the inlines compare equal.
std::string key_of(const std::vector<Piece>& pieces);

}  // namespace fiscgen::compare::detail
