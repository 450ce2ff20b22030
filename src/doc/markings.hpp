// Classification markings: the vocabulary (data, forms/markings.xml), the page banner it gives a
// document, and the public version of a classified document (--public).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "doc/document.hpp"

namespace fiscgen::doc {

/// The classification vocabulary, read from its data file at run time.
struct Markings {
  struct Level {
    std::string mark;    // as a portion mark writes it: "TS"
    std::string banner;  // as a banner writes it: "TOP SECRET"
  };
  struct Caveat {
    std::string mark;    // "NF"; or, with prefix, how it starts: "REL TO"
    std::string banner;  // "NOFORN"
    bool prefix = false;
    bool dissemination = false;  // written after the other caveats (CAPCO order)
  };
  std::vector<Level> levels;  // lowest first
  std::vector<Caveat> caveats;
  std::filesystem::path file;  // where it was read from

  /// Reads forms/markings.xml (or another file of that form). A malformed file is an Error
  /// naming file:line:col.
  static Markings load(const std::filesystem::path& file);
  /// The same from `bytes` already read from `file` (through Sources).
  static Markings read(const std::filesystem::path& file, std::string bytes);

  /// Rank of a level written as a mark or as a banner ("TS", "TOP SECRET"); -1 when unknown.
  int rank(const std::string& level) const;
  /// The level marks, lowest first, for messages: "U, C, S or TS".
  std::string level_list() const;
};

/// Splits "TS//SI//NF" at "//": {"TS", "SI", "NF"}.
std::vector<std::string> split_marking(const std::string& marking);

/// Checks every portion marking of the document against the vocabulary: an unknown level is an
/// Error at the marked block's location.
void check_markings(const Document& document, const Markings& markings);

/// The banner of every page, CAPCO style: the highest portion marking of the blocks with every
/// caveat of every marking, or meta.classification when it is set and not lower; levels and
/// caveats in their banner form ("TOP SECRET//SI//NOFORN"). Empty when the document has neither
/// marks nor a classification.
std::string banner(const Document& document, const Markings& markings);

/// Whether the document carries any portion marking.
bool has_markings(const Document& document);

/// 32 C.F.R. § 2001.21(c): in a document classified above the lowest level (as stated, or as
/// its marks give it), every portion is marked. The portions are what `input` (the input
/// file's name) wrote as running text: each paragraph, heading and list item, each footnote,
/// and the title where a template prints it located at the input's <title>. An Error at the
/// first unmarked portion lists every other one with its own location.
void check_portions(const Document& document, const Markings& markings, const std::string& input);

/// A stated classification lower than a portion's level, or lacking a control a portion
/// carries, is an Error (message only: the caller locates it at the input's <classification>).
/// The banner is the highest level of the portions with the union of their controls.
void check_stated_classification(const Document& document, const Markings& markings);

/// The public version: every paragraph and heading marked above the lowest level keeps its
/// place but says only `notice` ("[Redacted]"), with no mark and no footnotes; blocks of the
/// part "classification-authority" are dropped; the stated classification is cleared, so the
/// banner is what remains (the lowest level's when nothing marked remains). A document stated
/// above the lowest level whose blocks carry no marks at all cannot be made public (Error):
/// nothing would say which parts may be shown. With `keep_pages`, the blocks and footnotes are
/// kept in number, for a layout that keeps the classified version's pages (layout::lay_out's
/// plan): the authority block's paragraphs are emptied rather than dropped, and a redacted
/// block keeps its footnotes, each saying only `notice`.
void make_public(Document& document, const Markings& markings, const std::string& notice,
                 bool keep_pages = false);

}  // namespace fiscgen::doc
