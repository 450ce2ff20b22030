// The document tree: the one model every stage after template/ reads.
//
// Its XML form (`fiscgen render --emit tree`) uses the same element names as the layout
// vocabulary of templates, so a template's output and the tree read the same:
//
//   <document title="" subject="" author="" locale="en_US" rules="fisc-2010" date="2013-06-19"
//             classification="" kind="motion">
//     <caption> blocks </caption>                 kept on one page
//     <heading level="1" label="I." style="heading"> inlines </heading>
//     <paragraph style="body" align="justify"> inlines </paragraph>
//     <quote> blocks </quote>                     indented both sides, quote style
//     <list> <item label="1."> blocks </item> </list>
//     <columns> <column width="0.6"> blocks </column> <column> blocks </column> </columns>
//     <signature> blocks </signature>             kept together, set at the signature indent
//     <keep> blocks </keep>                       kept together on one page
//     <group part="proposed-order"> blocks </group>  laid out as if not there: marks a part
//       (numbering="restart" on any block: its pages are numbered from 1 again)
//     <page-break/>   <spacer lines="2"/>   <spacer lines="1" rule="yes"/> (a rule across)
//     <exhibit file="exhibit-a.pdf" label="A"/>   that PDF's pages follow the page it ends
//     <image file="logo.png" height="36"/>        a PNG, centred, 36 pt high
//     <toc title="TABLE OF CONTENTS" page="Page"/>   the table of contents, filled in by layout
//     <toa title="…" page="Page(s)" passim="passim" cases="Cases" …/>   the table of authorities
//     <authorities>                               after the blocks: what the citations cite
//       <authority key="442 U.S. 735" category="cases" sort-key="…"> entry inlines </authority>
//     </authorities>
//   </document>
//
// A paragraph or heading may carry class="U|C|S|TS[//CAVEAT…]": its portion marking, printed
// before it; the highest marking (or the document's classification) is the page banner
// (doc/markings.hpp; the levels are data, forms/markings.xml).
//
// Any block may carry part="NAME": which part of the filing it is (caption, signature,
// certificate-of-service, signature/email, …), inherited by the blocks inside it. Rules profiles
// name parts to say what a limit does not count and what a filing must contain.
//
// Inlines: text, <em>, <strong>, <u>, <sc>, <cite authority="">, <fn n="1">, <a href="">, <br/>,
// <literal>, and <redact/> or <redact length="12"/>: always empty (anything written inside it is
// dropped).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"

namespace pugi {
class xml_node;
}

namespace fiscgen::doc {

enum class InlineKind {
  text,
  emphasis,    // <em>
  strong,      // <strong>
  underline,   // <u>
  small_caps,  // <sc>
  citation,    // <cite>
  footnote,    // <fn>: its children are the note's text; the reference mark goes here
  redaction,   // <redact/>: drawn as a box; the text it hid never enters the tree
  link,        // <a href>
  line_break,  // <br/>
  literal,     // <literal>: laid out as its children; its straight quotes print as typed
};

/// How a blackline (`fiscgen compare`) marks an inline against the earlier version: set by the
/// compare stage only, inherited by the inline's children; layout draws it (colour, double
/// underline, strike-through). Never read from or written to the tree's XML.
enum class Change : unsigned char {
  none,
  inserted,    // in the new version only
  deleted,     // in the earlier version only: shown struck through where it stood
  moved_to,    // a paragraph moved here from elsewhere in the earlier version
  moved_from,  // where a moved paragraph stood in the earlier version
};

struct Inline {
  InlineKind kind = InlineKind::text;
  Change change = Change::none;
  std::string text;     // text only: UTF-8, NFC
  std::string href;     // link only
  int note = 0;         // footnote only: its number, assigned in document order
  std::string marking;  // footnote only: its portion marking ("S//NF"); empty: none
  // citation only: the key of the authority it cites ("442 U.S. 735", "50 U.S.C. § 1861"), an Id.
  // or short form carrying the key it points to; empty: not read (no table entry).
  std::string authority;
  // redaction only: 0 for a box of fixed width; else the characters it hides, for a box as wide
  // (a rules profile's <redactions boxes="measured"/>). A redaction has no children: what it
  // hid never enters the tree.
  int hidden_length = 0;
  std::vector<Inline> children;
  SourceLocation where;  // where it came from (input or template), for messages
};

enum class BlockKind {
  paragraph,
  heading,
  quote,
  list,
  item,
  caption,
  columns,
  column,
  signature,
  keep,
  group,  // no effect on layout: holds blocks that share a part
  page_break,
  spacer,
  exhibit,  // a PDF file whose pages follow the page this block ends (after its slip sheet)
  image,    // a PNG image (a letterhead's logo), centred, of a given height
  // <toc/>, <toa/>: filled in by layout from where the body's headings and citations land. Every
  // block up to the end of the last of them is front matter (pages i, ii, …).
  table_of_contents,
  table_of_authorities,
};

enum class Align { inherit, left, center, right, justify };

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string style;             // a named style of the rules profile; empty: the kind's default
  Align align = Align::inherit;  // overrides the style's alignment
  int level = 0;                 // heading: 1 for a section, 2 for a subsection
  std::string label;             // heading or item number as printed ("I.", "A.", "1.", "•")
  double width = 0;              // column: fraction of the line width (0: share what is left)
  bool repeat = false;  // column: its first line repeated down the row (a caption's ")" column)
  double lines = 0;     // spacer: height in lines of the body style
  bool rule = false;    // spacer: a line drawn across the text in its middle
  std::string file;     // exhibit, image: the file as the input names it (relative to it)
  double height = 0;    // image: its height in points (its width follows the image)
  std::string outline;  // text of the bookmark for this block; empty: none
  std::string part;     // part of the filing ("caption", "signature/email"); empty: inherited
  std::string marking;  // paragraph, heading: portion marking ("U", "TS//SI//NF"); empty: none
  // numbering="restart": the page this block starts on is numbered 1 again, and so are the
  // pages after it (a proposed order is a paper of its own). Must start on a new page.
  bool restart_numbering = false;
  // toc, toa: the fixed words they print, by attribute name (title, page, passim and the
  // categories: cases, constitutional-provisions, statutes, rules, other), in the document's
  // language; template/ fills those missing from the locale bundles (tables/…).
  std::map<std::string, std::string> words;
  std::vector<Inline> inlines;  // paragraph, heading
  // paragraph, heading: a note printed in the left margin beside the first line (a blackline's
  // "moved from below"); set by the compare stage only, never read from the tree's XML.
  std::string margin_note;
  std::vector<Block> children;  // quote, list, item, caption, columns, column, signature, keep
  SourceLocation where;
};

struct Metadata {
  std::string title;
  std::string subject;
  std::string author;
  std::string locale;          // ICU locale id, e.g. en_US
  std::string rules;           // rules profile name, e.g. fisc-2010
  std::string date;            // ISO 8601 date of the document (YYYY-MM-DD), used for PDF dates
  std::string classification;  // banner text; empty: unclassified document without banner
  std::string kind;            // what the document is ("motion", "brief", "reply"): picks limits
  std::string watermark;       // printed across every page, light grey (--draft); empty: none
  // Closes the part of a footnote on a page when the note continues on the next ("(continued)"),
  // in the document's language (locales: footnote/continued); empty: no mark.
  std::string note_continued;
  // What viewers call a brief's cover, which prints no page number (locales: tables/cover);
  // empty: an empty label.
  std::string cover_label;
};

/// The headings of a table of authorities. `none` is no heading: a short form that points to
/// nothing has it; an authority of the tree never does.
enum class AuthorityCategory {
  cases,
  constitutional_provisions,
  statutes,
  regulations,
  rules,
  legislative,
  executive,
  secondary,
  other,
  none
};

/// A category's spellings, declared once: the tree's category="…" and the <toa> attribute naming
/// its heading, the locale message (tables/…) giving the heading, and the heading in English
/// (what `fiscgen cite` prints).
struct AuthorityCategoryName {
  AuthorityCategory category;
  std::string_view key;      // "constitutional-provisions"
  std::string_view message;  // "constitutional_provisions"
  std::string_view heading;  // "Constitutional Provisions"
};

/// Every category but none, in the order a table of authorities lists them: the Bluebook's and
/// the courts' (cases, constitutional provisions, statutes, regulations, rules, legislative and
/// executive materials, secondary sources, other authorities).
extern const std::array<AuthorityCategoryName, 9> authority_categories;
/// The names of `category` (all empty for none).
const AuthorityCategoryName& names_of(AuthorityCategory category);
/// The category whose key is `key`, if any.
std::optional<AuthorityCategory> authority_category(std::string_view key);

/// An authority the document cites: one entry of its table of authorities.
struct Authority {
  std::string key;  // as in Inline::authority
  AuthorityCategory category = AuthorityCategory::other;
  std::vector<Inline>
      entry;             // as the table lists it: full form without pin cites, case name in <em>
  std::string sort_key;  // what the table sorts by (ICU collation, numeric ordering)
};

struct Document {
  Metadata meta;
  std::vector<Block> blocks;
  std::vector<Authority> authorities;  // every authority cited, in order of first citation
};

/// Reads the tree from its XML form. Unknown elements are an Error naming file:line:col.
Document from_xml(const pugi::xml_node& document_element, const LineIndex& lines);

/// Writes the tree as XML (the `--emit tree` seam), indented, deterministic.
std::string to_xml(const Document& document);

/// Numbers the footnotes 1, 2, … in reading order (assigns Inline::note).
void number_footnotes(Document& document);

/// Whether `part` is a well-formed part name: lower-case words joined by '-', refined by '/'
/// ("certificate-of-service", "signature/email").
bool valid_part_name(const std::string& part);

/// The part a block belongs to: its own part="…", else `inherited` (the part of the blocks
/// around it), else its kind's ("caption", "signature", "table-of-contents",
/// "table-of-authorities"), else "" (the body). Blocks inside it inherit the result.
std::string part_of(const Block& block, const std::string& inherited);

/// The plain text of inlines (redactions omitted, footnotes omitted): for bookmarks and tests.
std::string plain_text(const std::vector<Inline>& inlines);

/// Whether `marking` is shaped as a portion marking: a level in capitals, then any "//CAVEAT"
/// ("TS//SI//NF"). Which levels exist, and the banner they give, is data: doc/markings.hpp.
bool valid_marking(const std::string& marking);

const char* name_of(BlockKind kind);
const char* name_of(InlineKind kind);

}  // namespace fiscgen::doc
