// Court rules profiles: everything a court's rules decide about a filing's form, read from
// forms/rules/NAME.xml. Nothing court-specific lives in C++.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/sources.hpp"
#include "doc/document.hpp"
#include "fonts/fonts.hpp"

namespace fiscgen::rules {

using fonts::Face;

/// How wide a redaction box is drawn (<redactions boxes="…"/>).
enum class RedactionBoxes {
  fixed,     // every box the same width: it shows that something is hidden, not how much
  measured,  // as wide as the hidden text's characters: its length shows (opt-in)
};

/// A named paragraph style. Lengths are PDF points (1/72 in).
struct Style {
  Face face = Face::regular;
  double size = 12;         // font size
  double line_height = 24;  // baseline to baseline
  double space_before = 0;
  double space_after = 0;
  double indent_left = 0;
  double indent_right = 0;
  double first_line_indent = 0;
  doc::Align align = doc::Align::left;
  bool keep_with_next = false;  // headings: never last on a page
};

struct PageNumber {
  std::string position = "bottom-center";  // bottom-center | bottom-right | top-right | none
  std::string format = "{page}";           // {page} and {pages} are replaced
  double size = 12;
  double offset = 36;      // distance of the baseline from the page edge
  bool first_page = true;  // letters number from the second page on
};

/// A length limit for one kind of document. The document kind is the tree's
/// <document kind="…">, which defaults to the input's root element (motion, response, …).
struct Limit {
  std::string kind;      // the kind it applies to; empty: every kind no other limit names
  int words = 0;         // 0: no word limit
  int pages = 0;         // 0: no page limit
  std::string document;  // what the rule calls the document, e.g. "principal brief"
  std::string rule;      // the rule's citation, e.g. "FRAP 32(a)(7)(B)(i)"
};

/// What the caption prints before a docket number the pattern `match` finds in
/// (<docket-label match="…" label="…"/>): the court's papers label a criminal case's number
/// otherwise than a civil action's.
struct DocketLabel {
  std::string match;  // ECMAScript regex, searched for in the docket number
  std::string label;  // "Criminal No."
};

/// A part every filing under the profile must contain, named as the tree's part="…" names it.
struct Requirement {
  std::string part;                // e.g. "certificate-of-service", "signature/email"
  std::string what;                // how messages name it: "a certificate of service"
  std::string rule;                // e.g. "FISC Rule 8"
  std::vector<std::string> kinds;  // the document kinds that need it; empty: every kind

  bool applies_to(const std::string& kind) const;
};

/// When tables of contents and authorities are required: `check` reports a missing one (no
/// <toc> or <toa> block, nor a block of part table-of-contents or table-of-authorities with text).
struct Tables {
  bool contents = false;
  bool authorities = false;
  int over_pages = 0;  // required only when the counted pages exceed this (0: always)
  std::string rule;
  std::vector<std::string> kinds;  // the document kinds that need them; empty: every kind

  bool applies_to(const std::string& kind) const;
};

/// Line- and page-breaking weights, in TeX's names and units. The first three drive the
/// optimal-fit breaking of justified paragraphs (layout/line_breaking.cpp); the widow and orphan
/// penalties are recorded for a page breaker, not read yet.
struct Breaking {
  double tolerance = 200;       // largest badness a line may have
  double line_penalty = 10;     // added to every line's demerits
  double hyphen_penalty = 50;   // for ending a line at a hyphen
  double widow_penalty = 150;   // for a page that would start with a paragraph's last line
  double orphan_penalty = 150;  // for a page that would end with a paragraph's first line
};

/// A part set at a fixed place on the first page, out of the text's flow: DIN 5008's address
/// field and information block. Lengths from the paper's left and top edges; width 0: the part
/// stays in the flow like any other.
struct Placement {
  /// Which edge of the box its lines start from: DIN 5008 writes the postal zone upwards from
  /// the address, so its last line stands just above the recipient's first.
  enum class Anchor { top, bottom };
  double left = 0, top = 0, width = 0;
  double height = 0;  // the most its text may take; 0: as tall as its text
  Anchor anchor = Anchor::top;
};

/// Short lines at the paper's left edge on the first page (<marks>): where to fold a letter for
/// a window envelope, and where to punch it (DIN 5008). Positions from the paper's top edge; 0:
/// that mark is not printed; length 0: none is.
struct Marks {
  double first_fold = 0, second_fold = 0, hole = 0;
  double from_edge = 0, length = 0;
};

struct Profile {
  std::string name;   // e.g. fisc-2010
  std::string title;  // e.g. "FISC Rules of Procedure"
  std::string version;
  std::string effective;        // ISO date the version in force took effect
  std::string first_effective;  // ISO date of the file's first version
  std::string as_of;            // the date the version was chosen for (empty: the latest)
  std::string change_note;      // what the version in force changed (its <amendment note>)
  std::string court;            // court name as the caption prints it
  std::string court_place;      // e.g. "WASHINGTON, D.C."
  std::string court_id;  // short name forms give with court="…": fisc, fiscr, usca; empty: none
  std::string docket_pattern;             // ECMAScript regex a docket number of the court matches
  std::string docket_example;             // "Misc. 13-04", for messages
  std::string caption_style = "columns";  // columns | parenthesis (the ")" column)
  // The court's name as running text writes it ("United States Foreign Intelligence
  // Surveillance Court"); empty: `court`.
  std::string court_in_text;
  // What the caption prints before the docket number ("Civil Action No."); empty: the locale's
  // "Docket No." (motion/docket). docket_labels, tried first, label some numbers otherwise.
  std::string docket_label;
  std::vector<DocketLabel> docket_labels;

  double page_width = 612, page_height = 792;  // US Letter
  double margin_top = 72, margin_right = 72, margin_bottom = 72, margin_left = 72;

  std::string font_family = "Liberation Serif";  // fontconfig family, four faces
  std::string fallback_family = "DejaVu Serif";  // for characters the main family lacks

  std::map<std::string, Style> styles;  // body, heading, quote, footnote, caption, …
  PageNumber page_number;
  std::map<int, std::string> heading_numbering;  // level → upper-roman, upper-alpha, decimal, …
  double signature_indent = 252;    // where the signature block starts, from the left margin
  double list_label_hang = 24;      // a list label starts this far left of its item's text
  double list_nested_indent = 36;   // a list inside a list item steps in by this much more
  double heading_label_tab = 36;    // a heading's text starts at the next multiple of this
  double banner_clearance = 14;     // a banner sits this much nearer the edge than the number
  double footnote_separator = 144;  // length of the rule above footnotes
  int footnote_min_lines = 2;       // fewest lines of a footnote on each page where it breaks
  int widow_lines = 2;              // minimum lines of a paragraph at the top of a page
  int orphan_lines = 2;             // minimum lines of a paragraph at the bottom of a page
  Breaking breaking;

  std::vector<Limit> limits;
  std::vector<std::string> not_counted;  // parts no limit counts (and the parts inside them)
  std::string not_counted_note;  // for messages: "cover, tables, … not counted"; empty: from parts
  std::string not_counted_rule;  // the rule saying what is not counted, e.g. "FRAP 32(f)"
  std::vector<Requirement> required;
  double minimum_type_size = 0;  // 0: the rules set none
  std::string type_rule;         // the rule fixing the minimum
  Tables tables;
  int passim_after = 0;  // an authority cited on more pages than this is listed as passim; 0: never
  /// The headings of a table of authorities in the order printed (<authorities headings="…">,
  /// doc::authority_categories' keys); those not named follow in that list's order.
  std::vector<std::string> toa_headings;
  /// How citations are printed (<citations>): the Bluebook's practice, which no court rule we
  /// encode requires; a profile chooses it.
  struct Citations {
    std::string case_name = "italic";        // italic | underline: case names, signals, Id.
    std::string short_forms = "as-written";  // auto: Id. and short case forms written for repeats
    bool detect = false;  // citations found in plain running text too, not only in <cite>
    // as-written | authorities | citations: which case names Bluebook tables T6 and T10 abbreviate
    std::string abbreviate_names = "as-written";
  } citations;
  /// Redaction boxes (<redactions boxes="fixed|measured"/>): fixed unless a profile asks.
  RedactionBoxes redaction_boxes = RedactionBoxes::fixed;
  /// Where the blocks of part "postal-zone", "address-field" and "info-block" go on the first
  /// page (<postal-zone>, <address-field>, <info-block>); a letter template marks them, a
  /// profile places them.
  Placement postal_zone, address_field, info_block;
  Marks marks;
  /// The placements with the part each places, in the order they are set.
  std::vector<std::pair<std::string, const Placement*>> placements() const {
    return {{"postal-zone", &postal_zone},
            {"address-field", &address_field},
            {"info-block", &info_block}};
  }

  /// The style of that name; an Error naming the profile when it is missing.
  const Style& style(const std::string& name) const;
  /// The style a document's element names, `named_at` (its file:line:col): when missing, an
  /// Error there listing the styles the profile has.
  const Style& style(const std::string& name, const SourceLocation& named_at) const;
  /// The style of a paragraph or heading: the one it names (an Error at it when missing), else
  /// style_name(block, inherited).
  const Style& style_for(const doc::Block& block, const std::string& inherited) const;
  /// Numbering scheme for a heading level ("none" when the profile names none): a
  /// format_number() style such as upper-roman, upper-alpha, decimal.
  std::string heading_numbering_for(int level) const;
  /// The limit for documents of `kind`: its own, else the one naming no kind; null when none.
  const Limit* limit_for(const std::string& kind) const;
  /// Whether limits count `part`: not when it is, or lies inside, a part in not_counted.
  bool counted(const std::string& part) const;
  /// The label before `docket` in a caption: the first <docket-label> whose pattern it holds,
  /// else the court's docket-label (empty: the locale's "Docket No.").
  const std::string& docket_label_for(const std::string& docket) const;
};

/// Which style a block is set in is the rules' choice, made here for layout and compliance alike.
/// The style of a paragraph or heading that names none: a heading's by its level ("heading",
/// "subheading"), a paragraph's `inherited` from what holds it ("body" at the top).
std::string style_name(const doc::Block& block, const std::string& inherited);
/// The style the paragraphs inside `block` take when they name none: "quote", "caption",
/// "signature", a list item's own or "list"; `inherited` for any other block.
std::string contents_style(const doc::Block& block, const std::string& inherited);

/// Every setting that differs between two profiles, one line each in the profiles' order, named
/// as the profile file spells it (rules/settings.hpp): "margins.left: 72 → 90",
/// "style body.size: 12 → 14", "limit.words: none → 13000".
std::vector<std::string> differences(const Profile& from, const Profile& to);

/// Reads forms/rules/NAME.xml as in force on `as_of` (YYYY-MM-DD): the first version and every
/// <amendment> effective on or before it (empty: every amendment; a date before the first
/// version: the first). Errors name file:line:col and what was expected.
Profile load_profile(const std::filesystem::path& file, const std::string& as_of = {});

/// One dated version of a profile file, read as in force on its date.
struct Version {
  std::string effective, version, note;
  Profile profile;
};

/// Every version a profile file holds, oldest first (`fiscgen rules history`).
std::vector<Version> profile_history(const std::filesystem::path& file);

/// The profile `bytes` (read from `file`) as in force on `as_of`, written out as a profile
/// file of that one version, without comments: what batch keys hash and keep, so that an
/// amendment re-renders only the documents it applies to. `amendments`, when given, receives
/// the effective dates of the file's amendments: the text is the same for any two dates on
/// which the same amendments are in force (effective on or before the date; all of them for
/// an empty date).
std::string resolved_profile_text(const std::filesystem::path& file, const std::string& bytes,
                                  const std::string& as_of,
                                  std::vector<std::string>* amendments = nullptr);

/// Every profile on the search path (forms/rules/ of each --templates folder, then the data
/// folder's), as it resolves, sorted by name. A bad one throws its Error.
std::vector<Profile> list_profiles(Sources& sources);

/// Finds the profile NAME on the search path and reads it (recorded in `sources`); an unknown
/// name lists the known ones.
Profile load_named_profile(Sources& sources, const std::string& name,
                           const std::string& as_of = {});

/// Every version of the profile NAME on the search path, oldest first (recorded in `sources`).
std::vector<Version> named_profile_history(Sources& sources, const std::string& name);

/// The same in one folder of profiles, without a search path (tests, and `doctor`).
std::vector<Profile> list_profiles(const std::filesystem::path& rules_dir);
Profile load_named_profile(const std::filesystem::path& rules_dir, const std::string& name,
                           const std::string& as_of = {});

}  // namespace fiscgen::rules
