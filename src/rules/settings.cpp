// The rows: every attribute a rules profile file may carry. Defaults are not repeated here:
// they are the initialisers in profile.hpp, read from a default-constructed record.
#include "rules/settings.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <type_traits>

namespace fiscgen::rules {
namespace {

using enum SettingType;

template <class>
struct Owner;
template <class Record, class Value>
struct Owner<Value Record::*> {
  using type = Record;
};

/// The member at the end of a path of members: follow<&Profile::tables, &Tables::kinds>.
template <auto first, auto... rest>
auto& follow(typename Owner<decltype(first)>::type& record) {
  return ((record.*first).*....*rest);
}

/// A row's accessor: at<&Profile::margin_left>, at<&Profile::breaking, &Breaking::tolerance>.
template <auto... path>
constexpr auto at = &follow<path...>;

/// Reaches an enum member through the index of its value in `values` (the row's choices are
/// the values' names, in the same order).
template <auto member, const auto& values>
auto enumerated() {
  using Record = typename Owner<decltype(member)>::type;
  return EnumMember<Record>{
      +[](const Record& record) -> std::size_t {
        const auto* found = std::find(std::begin(values), std::end(values), record.*member);
        return static_cast<std::size_t>(found - std::begin(values));
      },
      +[](Record& record, std::size_t index) { record.*member = values[index]; }};
}

constexpr Face faces[] = {Face::regular, Face::bold, Face::italic, Face::bold_italic};
constexpr doc::Align aligns[] = {doc::Align::left, doc::Align::center, doc::Align::right,
                                 doc::Align::justify};
constexpr RedactionBoxes boxes[] = {RedactionBoxes::fixed, RedactionBoxes::measured};
constexpr Placement::Anchor anchors[] = {Placement::Anchor::top, Placement::Anchor::bottom};

using P = Profile;
using Citations = Profile::Citations;

}  // namespace

// The rows are a table: one row to a setting, laid out by hand.
// clang-format off
const std::vector<Setting<Profile>>& profile_settings() {
  static const std::vector<Setting<Profile>> rows = {
      {.element = "rules", .attribute = "name", .type = text, .member = at<&P::name>,
       .doc = "the profile's name, which must match its file name", .required = true},
      {.element = "rules", .attribute = "title", .type = text, .member = at<&P::title>,
       .doc = "what `fiscgen rules` prints"},
      {.element = "rules", .attribute = "version", .type = text, .member = at<&P::version>,
       .doc = "the profile's own version: raise it when you change a value"},
      {.element = "rules", .attribute = "effective", .type = date, .member = at<&P::effective>,
       .doc = "when the rules encoded took effect"},
      {.element = "court", .attribute = "name", .type = text, .member = at<&P::court>,
       .doc = "the court's name as the caption prints it (`t:rule name=\"court\"` in templates)"},
      {.element = "court", .attribute = "place", .type = text, .member = at<&P::court_place>,
       .doc = "the line under it (`t:rule name=\"court-place\"`)"},
      {.element = "court", .attribute = "id", .type = text, .member = at<&P::court_id>,
       .doc = "a short name for the court (`fisc`, `fiscr`, `usca`): a form naming another with "
              "`court=\"…\"` is refused under this profile"},
      {.element = "court", .attribute = "docket", .type = text, .member = at<&P::docket_pattern>,
       .doc = "a regular expression (ECMAScript) every docket number of the court matches; "
              "another is refused at the input's `<docket>`",
       .zero = "any"},
      {.element = "court", .attribute = "docket-example", .type = text,
       .member = at<&P::docket_example>, .doc = "a docket number of the court, for messages"},
      {.element = "court", .attribute = "docket-label", .type = text,
       .member = at<&P::docket_label>,
       .doc = "what the caption prints before the docket number, as the court's papers write it "
              "(`Civil Action No.`; `t:rule name=\"docket-label\"`)",
       .zero = "the locale's `Docket No.`"},
      {.element = "caption", .attribute = "style", .type = choice,
       .member = at<&P::caption_style>,
       .doc = "`columns`: matter left, docket right; `parenthesis`: a column of \")\" between "
              "them (`t:if rule-caption=\"…\"` in templates)",
       .choices = {"columns", "parenthesis"}},
      {.element = "court", .attribute = "in-text", .type = text, .member = at<&P::court_in_text>,
       .doc = "the court's name as running text writes it, in capitals and lower case (`t:rule name=\"court-in-text\"`: the judge's line of a proposed order); empty: the caption's name"},
      {.element = "page", .attribute = "width", .type = length, .member = at<&P::page_width>,
       .doc = "paper width (the default is US Letter)"},
      {.element = "page", .attribute = "height", .type = length, .member = at<&P::page_height>,
       .doc = "paper height"},
      {.element = "margins", .attribute = "top", .type = length, .member = at<&P::margin_top>,
       .doc = "margins leaving no room on the page are an error"},
      {.element = "margins", .attribute = "right", .type = length, .member = at<&P::margin_right>,
       .doc = "the right margin"},
      {.element = "margins", .attribute = "bottom", .type = length,
       .member = at<&P::margin_bottom>, .doc = "the bottom margin"},
      {.element = "margins", .attribute = "left", .type = length, .member = at<&P::margin_left>,
       .doc = "the left margin"},
      {.element = "fonts", .attribute = "family", .type = text, .member = at<&P::font_family>,
       .doc = "the fontconfig family for all text (four faces)", .required = true},
      {.element = "fonts", .attribute = "fallback", .type = text,
       .member = at<&P::fallback_family>,
       .doc = "the family for characters the main family lacks"},
      {.element = "type", .attribute = "minimum-size", .type = length,
       .member = at<&P::minimum_type_size>,
       .doc = "the smallest type the rules allow; `check` enforces it on every style the document "
              "uses, its footnotes and page numbers",
       .zero = "none"},
      {.element = "type", .attribute = "rule", .type = text, .member = at<&P::type_rule>,
       .doc = "the rule fixing the minimum, for messages and the certificate of compliance"},
      {.element = "page-number", .attribute = "position", .type = choice,
       .member = at<&P::page_number, &PageNumber::position>, .doc = "where page numbers go",
       .choices = {"bottom-center", "bottom-right", "top-right", "none"}},
      {.element = "page-number", .attribute = "format", .type = text,
       .member = at<&P::page_number, &PageNumber::format>,
       .doc = "`{page}` and `{pages}` are replaced"},
      {.element = "page-number", .attribute = "size", .type = length,
       .member = at<&P::page_number, &PageNumber::size>, .doc = "the page number's type size"},
      {.element = "page-number", .attribute = "offset", .type = length,
       .member = at<&P::page_number, &PageNumber::offset>,
       .doc = "distance of its baseline from the paper's edge"},
      {.element = "page-number", .attribute = "first-page", .type = yes_no,
       .member = at<&P::page_number, &PageNumber::first_page>,
       .doc = "`no` starts numbering on page 2 (a letter's profile prints none: its continuation "
              "heading does)"},
      {.element = "signature", .attribute = "indent", .type = length,
       .member = at<&P::signature_indent>,
       .doc = "where the signature block starts, from the left margin"},
      {.element = "lists", .attribute = "label-hang", .type = length,
       .member = at<&P::list_label_hang>,
       .doc = "how far a list label (\"1.\", \"•\") hangs left of its item's text"},
      {.element = "lists", .attribute = "nested-indent", .type = length,
       .member = at<&P::list_nested_indent>,
       .doc = "how much further a list inside a list item steps in"},
      {.element = "headings", .attribute = "label-tab", .type = positive,
       .member = at<&P::heading_label_tab>,
       .doc = "after a heading's number (\"I.\") its text starts at the next multiple of this"},
      {.element = "banners", .attribute = "clearance", .type = length,
       .member = at<&P::banner_clearance>,
       .doc = "how much nearer the paper's edge than the page number a classification banner "
              "sits, on the edge that has the number"},
      {.element = "footnotes", .attribute = "separator", .type = length,
       .member = at<&P::footnote_separator>, .doc = "length of the rule above the footnotes"},
      {.element = "footnotes", .attribute = "min-lines", .type = count,
       .member = at<&P::footnote_min_lines>,
       .doc = "the fewest lines of a footnote on each page where a note too long for its page "
              "breaks"},
      {.element = "breaking", .attribute = "widow-lines", .type = count,
       .member = at<&P::widow_lines>, .doc = "the fewest lines of a paragraph at the top of a page"},
      {.element = "breaking", .attribute = "orphan-lines", .type = count,
       .member = at<&P::orphan_lines>,
       .doc = "the fewest lines of a paragraph at the foot of a page"},
      {.element = "breaking", .attribute = "tolerance", .type = number,
       .member = at<&P::breaking, &Breaking::tolerance>,
       .doc = "the largest badness of a line of a justified paragraph (100: spaces stretched by "
              "half or shrunk by a third of their width)"},
      {.element = "breaking", .attribute = "line-penalty", .type = number,
       .member = at<&P::breaking, &Breaking::line_penalty>,
       .doc = "what each line adds to a justified paragraph's demerits before squaring"},
      {.element = "breaking", .attribute = "hyphen-penalty", .type = number,
       .member = at<&P::breaking, &Breaking::hyphen_penalty>,
       .doc = "what ending a line at a soft hyphen costs"},
      {.element = "breaking", .attribute = "widow-penalty", .type = number,
       .member = at<&P::breaking, &Breaking::widow_penalty>,
       .doc = "**not read by layout**: recorded for an optimal page breaker (below)"},
      {.element = "breaking", .attribute = "orphan-penalty", .type = number,
       .member = at<&P::breaking, &Breaking::orphan_penalty>,
       .doc = "**not read by layout**, as `widow-penalty`"},
      {.element = "limits", .attribute = "note", .type = text, .member = at<&P::not_counted_note>,
       .doc = "how messages say what is not counted", .zero = "the parts, listed"},
      {.element = "limits", .attribute = "rule", .type = text, .member = at<&P::not_counted_rule>,
       .doc = "the rule that says what is not counted, which a certificate of compliance cites"},
      {.element = "tables", .attribute = "contents", .type = yes_no,
       .member = at<&P::tables, &Tables::contents>,
       .doc = "whether a table of contents is required"},
      {.element = "tables", .attribute = "authorities", .type = yes_no,
       .member = at<&P::tables, &Tables::authorities>,
       .doc = "whether a table of authorities is required"},
      {.element = "tables", .attribute = "over-pages", .type = count,
       .member = at<&P::tables, &Tables::over_pages>,
       .doc = "the tables are required only when the counted pages exceed this (0: always)"},
      {.element = "tables", .attribute = "rule", .type = text,
       .member = at<&P::tables, &Tables::rule>, .doc = "the rule requiring the tables"},
      {.element = "tables", .attribute = "kinds", .type = words,
       .member = at<&P::tables, &Tables::kinds>, .doc = "the document kinds that need the tables",
       .zero = "all"},
      {.element = "authorities", .attribute = "passim-after", .type = count,
       .member = at<&P::passim_after>,
       .doc = "an authority cited on more pages than this is listed as *passim*",
       .zero = "never"},
      {.element = "authorities", .attribute = "headings", .type = words,
       .member = at<&P::toa_headings>,
       .doc = "the headings of the table of authorities, in the order printed: `cases`, "
              "`constitutional-provisions`, `statutes`, `regulations`, `rules`, `legislative`, "
              "`executive`, `secondary`, `other`; those left out follow in this order",
       .zero = "all, in this order"},
      {.element = "citations", .attribute = "case-name", .type = choice,
       .member = at<&P::citations, &Citations::case_name>,
       .doc = "how case names, signals, *Id.* and *supra* are set",
       .choices = {"italic", "underline"}},
      {.element = "citations", .attribute = "short-forms", .type = choice,
       .member = at<&P::citations, &Citations::short_forms>,
       .doc = "`auto`: *Id.* and short case forms for repeated authorities; `as-written`: each "
              "citation as the input gives it, normalised",
       .choices = {"auto", "as-written"}},
      {.element = "citations", .attribute = "detect", .type = yes_no,
       .member = at<&P::citations, &Citations::detect>,
       .doc = "read citations outside `<cite>` too (as `--detect-citations`)"},
      {.element = "citations", .attribute = "abbreviate-names", .type = choice,
       .member = at<&P::citations, &Citations::abbreviate_names>,
       .doc = "case names abbreviated by Bluebook tables T6 and T10 (`forms/cite/case-names.xml`): "
              "`authorities`: in the table of authorities; `citations`: there and in citation "
              "sentences and clauses, while a name in a textual sentence gets only rule "
              "10.2.1(c)'s \"&\", \"Ass'n\", \"Bros.\", \"Co.\", \"Corp.\", \"Inc.\", "
              "\"Ltd.\", \"No.\"; `as-written`: neither",
       .choices = {"as-written", "authorities", "citations"}},
      {.element = "postal-zone", .attribute = "left", .type = length,
       .member = at<&P::postal_zone, &Placement::left>,
       .doc = "where the return address and postal notes (a letter's part `postal-zone`: DIN 5008's Zusatz- und Vermerkzone, just above the address) are set on the first page, out of the flow: from the paper's left edge; a letter writes the return address only under a profile that places this part"},
      {.element = "postal-zone", .attribute = "top", .type = length,
       .member = at<&P::postal_zone, &Placement::top>, .doc = "from the paper's top edge"},
      {.element = "postal-zone", .attribute = "width", .type = length,
       .member = at<&P::postal_zone, &Placement::width>,
       .doc = "its width; the first page's text begins below it", .zero = "in the flow"},
      {.element = "postal-zone", .attribute = "height", .type = length,
       .member = at<&P::postal_zone, &Placement::height>,
       .doc = "the most its text may take (more is a warning)", .zero = "as tall as its text"},
      {.element = "postal-zone", .attribute = "from", .type = choice,
       .member = EnumMember<Profile>{
           +[](const P& p) -> std::size_t { return p.postal_zone.anchor == Placement::Anchor::bottom; },
           +[](P& p, std::size_t i) { p.postal_zone.anchor = anchors[i]; }},
       .doc = "`bottom`: its lines are written upwards from its lower edge (DIN 5008), the last just above the address; `top`: downwards from its upper edge",
       .choices = {"top", "bottom"}},
      {.element = "address-field", .attribute = "left", .type = length,
       .member = at<&P::address_field, &Placement::left>,
       .doc = "where the recipient's address (a letter's part `address-field`) is set on the first page, out of the flow: from the paper's left edge"},
      {.element = "address-field", .attribute = "top", .type = length,
       .member = at<&P::address_field, &Placement::top>, .doc = "from the paper's top edge"},
      {.element = "address-field", .attribute = "width", .type = length,
       .member = at<&P::address_field, &Placement::width>,
       .doc = "its width; the first page's text begins below it", .zero = "in the flow"},
      {.element = "address-field", .attribute = "height", .type = length,
       .member = at<&P::address_field, &Placement::height>,
       .doc = "the most its text may take (more is a warning); the text begins below it",
       .zero = "as tall as its text"},
      {.element = "info-block", .attribute = "left", .type = length,
       .member = at<&P::info_block, &Placement::left>,
       .doc = "where the information block: date and references (part `info-block`) is set on the first page, out of the flow: from the paper's left edge"},
      {.element = "info-block", .attribute = "top", .type = length,
       .member = at<&P::info_block, &Placement::top>, .doc = "from the paper's top edge"},
      {.element = "info-block", .attribute = "width", .type = length,
       .member = at<&P::info_block, &Placement::width>,
       .doc = "its width; the first page's text begins below it", .zero = "in the flow"},
      {.element = "info-block", .attribute = "height", .type = length,
       .member = at<&P::info_block, &Placement::height>,
       .doc = "the most its text may take (more is a warning); the text begins below it",
       .zero = "as tall as its text"},
      {.element = "marks", .attribute = "first-fold", .type = length,
       .member = at<&P::marks, &Marks::first_fold>,
       .doc = "a fold mark on the first page, at the left edge: from the paper's top edge (DIN 5008: 105 mm, Form A 87 mm)",
       .zero = "none"},
      {.element = "marks", .attribute = "second-fold", .type = length,
       .member = at<&P::marks, &Marks::second_fold>,
       .doc = "the second fold mark (DIN 5008: 210 mm, Form A 192 mm)", .zero = "none"},
      {.element = "marks", .attribute = "hole", .type = length,
       .member = at<&P::marks, &Marks::hole>,
       .doc = "the hole mark, where to punch the sheet (DIN 5008: 148.5 mm, half the A4 height)",
       .zero = "none"},
      {.element = "marks", .attribute = "from-edge", .type = length,
       .member = at<&P::marks, &Marks::from_edge>,
       .doc = "where the marks begin, from the paper's left edge (clear of what a printer cannot reach)"},
      {.element = "marks", .attribute = "length", .type = length,
       .member = at<&P::marks, &Marks::length>, .doc = "how long each mark is",
       .zero = "no marks"},
      {.element = "redactions", .attribute = "boxes", .type = choice,
       .member = enumerated<&P::redaction_boxes, boxes>(),
       .doc = "`measured` boxes are as wide as what they hide: **they reveal its length**",
       .choices = {"fixed", "measured"}},
  };
  return rows;
}

const std::vector<Setting<Style>>& style_settings() {
  static const std::vector<Setting<Style>> rows = {
      {.element = "style", .attribute = "face", .type = choice,
       .member = enumerated<&Style::face, faces>(), .doc = "the font face",
       .choices = {"regular", "bold", "italic", "bold-italic"}},
      {.element = "style", .attribute = "size", .type = positive, .member = at<&Style::size>,
       .doc = "the type size"},
      {.element = "style", .attribute = "line-height", .type = length,
       .member = at<&Style::line_height>,
       .doc = "baseline to baseline: double-spaced 12-point type is `size=\"12\" "
              "line-height=\"24\"`",
       .computed_default = "1.15 × size"},
      {.element = "style", .attribute = "space-before", .type = length,
       .member = at<&Style::space_before>, .doc = "space above the paragraph"},
      {.element = "style", .attribute = "space-after", .type = length,
       .member = at<&Style::space_after>, .doc = "space below it"},
      {.element = "style", .attribute = "indent-left", .type = length,
       .member = at<&Style::indent_left>, .doc = "indent of every line"},
      {.element = "style", .attribute = "indent-right", .type = length,
       .member = at<&Style::indent_right>, .doc = "indent from the right margin"},
      {.element = "style", .attribute = "first-line-indent", .type = length,
       .member = at<&Style::first_line_indent>, .doc = "further indent of the first line"},
      {.element = "style", .attribute = "align", .type = choice,
       .member = enumerated<&Style::align, aligns>(), .doc = "alignment",
       .choices = {"left", "center", "right", "justify"}},
      {.element = "style", .attribute = "keep-with-next", .type = yes_no,
       .member = at<&Style::keep_with_next>,
       .doc = "never last on a page: kept with two lines of what follows (headings)"},
  };
  return rows;
}

const std::vector<Setting<Limit>>& limit_settings() {
  static const std::vector<Setting<Limit>> rows = {
      {.element = "limit", .attribute = "words", .type = count, .member = at<&Limit::words>,
       .doc = "the most words the counted parts may have", .zero = "none"},
      {.element = "limit", .attribute = "pages", .type = count, .member = at<&Limit::pages>,
       .doc = "the most pages with counted text", .zero = "none"},
      {.element = "limit", .attribute = "document", .type = text, .member = at<&Limit::document>,
       .doc = "what the rule calls the document, for messages"},
      {.element = "limit", .attribute = "rule", .type = text, .member = at<&Limit::rule>,
       .doc = "the rule's citation"},
  };
  return rows;
}

const std::vector<Setting<Requirement>>& requirement_settings() {
  static const std::vector<Setting<Requirement>> rows = {
      {.element = "required", .attribute = "what", .type = text,
       .member = at<&Requirement::what>,
       .doc = "how messages name the part: \"a certificate of service\"", .required = true},
      {.element = "required", .attribute = "rule", .type = text,
       .member = at<&Requirement::rule>,
       .doc = "the rule's citation (none: messages name the profile)"},
      {.element = "required", .attribute = "kinds", .type = words,
       .member = at<&Requirement::kinds>, .doc = "the document kinds that need the part",
       .zero = "all"},
  };
  return rows;
}

const std::vector<Setting<Numbering>>& numbering_settings() {
  static const std::vector<Setting<Numbering>> rows = {
      {.element = "numbering", .attribute = "style", .type = choice,
       .member = at<&Numbering::style>, .doc = "how headings of the level are numbered",
       .choices = {"upper-roman", "lower-roman", "upper-alpha", "lower-alpha", "decimal",
                   "none"}},
  };
  return rows;
}

const std::vector<Setting<DocketLabel>>& docket_label_settings() {
  static const std::vector<Setting<DocketLabel>> rows = {
      {.element = "docket-label", .attribute = "label", .type = text,
       .member = at<&DocketLabel::label>,
       .doc = "what the caption prints before a docket number holding the pattern MATCH (a regular expression): `<docket-label match=\"-cr-\" label=\"Criminal No.\"/>`; the first that matches wins over `court.docket-label`",
       .required = true},
  };
  return rows;
}

// clang-format on

template <class Record>
std::string shown(const Setting<Record>& setting, const Record& record) {
  // The accessors hand out references for the reader's sake; nothing is written here.
  auto& writable = const_cast<Record&>(record);
  std::string value = std::visit(
      [&](const auto& member) -> std::string {
        using M = std::decay_t<decltype(member)>;
        if constexpr (std::is_same_v<M, EnumMember<Record>>) {
          return std::string(setting.choices.at(member.get(record)));
        } else {
          const auto& v = member(writable);
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::string>) {
            return v;
          } else if constexpr (std::is_same_v<V, double>) {
            char text[32];
            std::snprintf(text, sizeof text, "%g", v);
            return text;
          } else if constexpr (std::is_same_v<V, int>) {
            return std::to_string(v);
          } else if constexpr (std::is_same_v<V, bool>) {
            return v ? "yes" : "no";
          } else {
            std::string joined;
            for (const auto& word : v) joined += (joined.empty() ? "" : " ") + word;
            return joined;
          }
        }
      },
      setting.member);
  if (!setting.zero.empty() && (value.empty() || value == "0")) return std::string(setting.zero);
  return value;
}

template std::string shown(const Setting<Profile>&, const Profile&);
template std::string shown(const Setting<Style>&, const Style&);
template std::string shown(const Setting<Limit>&, const Limit&);
template std::string shown(const Setting<Requirement>&, const Requirement&);
template std::string shown(const Setting<Numbering>&, const Numbering&);
template std::string shown(const Setting<DocketLabel>&, const DocketLabel&);

std::string setting_name(std::string_view element, std::string_view key,
                         std::string_view attribute) {
  std::string name;
  if (element != "rules") {
    name = element;
    if (!key.empty()) (name += ' ') += key;
    name += '.';
  }
  return name += attribute;
}

namespace {

std::string type_name(SettingType type, const std::vector<std::string_view>& choices) {
  switch (type) {
    case text:
      return "text";
    case date:
      return "date, `YYYY-MM-DD`";
    case length:
      return "length";
    case positive:
      return "length, more than 0";
    case number:
      return "number";
    case count:
      return "whole number";
    case yes_no:
      return "`yes`, `no`";
    case words:
      return "words";
    case choice:
      break;
  }
  std::string list;
  for (const auto option : choices) (list += list.empty() ? "`" : ", `") += option, list += '`';
  return list;
}

template <class Record>
void add_rows(std::string& table, const std::vector<Setting<Record>>& rows, std::string_view key) {
  const Record defaults{};
  for (const auto& row : rows) {
    std::string fallback = row.required                    ? std::string("required")
                           : !row.computed_default.empty() ? std::string(row.computed_default)
                                                           : shown(row, defaults);
    if (fallback.empty()) fallback = "none";
    table += "| `" + setting_name(row.element, key, row.attribute) + "` | " +
             type_name(row.type, choices_of(row)) + " | " + fallback + " | " +
             std::string(row.doc) + " |\n";
  }
}

}  // namespace

std::string settings_table() {
  std::string table =
      "| setting | value | default | meaning |\n"
      "| --- | --- | --- | --- |\n";
  add_rows(table, profile_settings(), "");
  add_rows(table, numbering_settings(), "LEVEL");
  add_rows(table, style_settings(), "NAME");
  add_rows(table, limit_settings(), "KIND");
  add_rows(table, requirement_settings(), "PART");
  add_rows(table, docket_label_settings(), "MATCH");
  return table;
}

}  // namespace fiscgen::rules
