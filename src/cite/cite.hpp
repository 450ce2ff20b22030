// Legal citations: find them in running text, read their parts, write them the Bluebook way, and
// say which authority each one names (so Id. and short forms count for it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/data_paths.hpp"
#include "base/error.hpp"
#include "doc/document.hpp"

namespace fiscgen::cite {

enum class Kind {
  case_law,      // Smith v. Maryland, 442 U.S. 735, 742 (1979)
  statute,       // 50 U.S.C. § 1861(d)(1)
  regulation,    // 28 C.F.R. § 0.85
  session_law,   // Pub. L. No. 107-56, 115 Stat. 272 (2001)
  constitution,  // U.S. Const. amend. IV
  court_rule,    // Fed. R. Civ. P. 12(b)(6), FISC R.P. 7
  short_form,    // Id., Id. at 742, Smith, 442 U.S. at 742, Kerr, supra, at 575
  secondary,     // Kerr, The Case for the Third-Party Doctrine, 107 Mich. L. Rev. 561 (2009)
  legislative,   // H.R. Rep. No. 95-1283, pt. 1, at 21 (1978); 124 Cong. Rec. 28,154 (1978)
  executive,     // Exec. Order No. 12,333, 3 C.F.R. 200 (1981); 46 Fed. Reg. 59,941 (1981)
};

/// The headings of a table of authorities (doc::authority_categories names them).
using Category = doc::AuthorityCategory;

/// What a short form repeats of its authority, and so how it finds it (Bluebook rule 4.1, 10.9).
enum class ShortForm {
  none,           // a full citation
  id,             // Id., Id. at 742, Id. § 1861(b): the authority cited just before
  short_case,     // Smith, 442 U.S. at 742: the case cited earlier in that volume and reporter
  supra,          // Kerr, supra note 12, at 575: the authority cited earlier by that name
  short_statute,  // 115 Stat. at 287: the session law cited earlier on that page of Stat.
  name_page       // Howsam at 84: the case cited earlier by that name, as a brief refers to it
};

/// "case", "statute", "regulation", "session law", "constitution", "court rule", "short form",
/// "secondary source", "legislative material", "executive material".
std::string_view kind_name(Kind kind);
/// "Cases", "Constitutional Provisions", "Statutes", "Rules", "Other Authorities", "" for none.
std::string_view category_name(Category category);
/// "id", "short case", "supra", "short statute", "name and page"; "" for none.
std::string_view short_form_name(ShortForm form);

/// One citation found in a text, its parts as written (trimmed), and what they normalise to.
struct Citation {
  Kind kind = Kind::case_law;
  std::size_t offset = 0, length = 0;  // bytes of the citation in the text searched
  SourceLocation where;                // where it starts
  std::string text;                    // as written
  std::string normalised;              // the Bluebook form (§ and ¶ followed by U+00A0)
  Category category = Category::none;
  /// Identifies the authority ("442 U.S. 735", "50 U.S.C. § 1861"); a short form carries the key
  /// of the citation it points to, or "" when it points to nothing.
  std::string key;

  // Cases (and short forms of cases).
  std::string case_name, volume, reporter, first_page;
  std::vector<std::string> pin_cites;
  std::vector<std::string> parallel;  // further "volume reporter page" of the same case
  std::string court, date;  // from "(D.C. Cir. Jan. 5, 2010)": "D.C. Cir.", "Jan. 5, 2010"
  std::string explanation;  // "(holding that …)"
  std::string history;      // "aff'd, 785 F.3d 787 (2d Cir. 2015)"
  std::string docket;       // "No. 11-CR-623" of a Westlaw or Lexis citation (rule 10.8.1)
  // Codes, regulations, session laws, the Constitution, court rules.
  std::string title;                  // "50", "28", the rule set "Fed. R. Civ. P.", "107-56"
  std::vector<std::string> sections;  // "1861", "1862": a range or a list of sections
  bool section_range = false;         // §§ 1861–1862, not §§ 1861, 1862
  std::string subsections;            // "(d)(1)"
  bool et_seq = false;
  // Short forms: what kind, and so which authority it points to.
  ShortForm short_form = ShortForm::none;
};

/// A reporter of cases: its Bluebook abbreviation and the other spellings that mean it.
/// How a reporter's citations are numbered: "442 U.S. 735" (volume and page), "T.C. Memo.
/// 2019-233" (the designation, a year and a number), "Fed. Sec. L. Rep. (CCH) ¶ 95,123" (a
/// looseleaf service's paragraph, perhaps after a volume).
enum class Cited { volume_page, year_number, paragraph };

struct Reporter {
  std::string abbreviation, name, courts;
  std::vector<std::string> variants;
  int from = 0, to = 0;  // years of coverage; 0: open
  /// The heading its citations are listed under: cases, or other for law journals, annotations
  /// and opinions of the executive, cited alike by volume and first page.
  Category category = Category::cases;
  /// A nominative reporter whose volumes the official one renumbered ("1 Cranch" is 5 U.S.):
  /// that reporter, and the official volumes of its first and last ("U.S.", 5, 13). Empty: none.
  std::string official;
  int official_first = 0, official_last = 0;
  /// How its citations are numbered (the table's cited=).
  Cited cited = Cited::volume_page;
};

/// A set of court rules ("Fed. R. Civ. P.") and its other spellings.
struct RuleSet {
  std::string abbreviation, name;
  std::vector<std::string> variants;
};

/// A court as the Bluebook abbreviates it in a parenthetical (tables T1, T7), and the other ways
/// writers and West name it ("CA5", "Foreign Int. Surv. Ct. Rev.").
struct Court {
  std::string abbreviation;
  std::vector<std::string> variants;
  /// Its opinions are cited by docket number and the court and date in a parenthetical, each
  /// spelling as written: "2009-1234 (La. App. 1 Cir. 5/10/10)" (docket-citations="yes").
  bool docket_citations = false;
};

/// The title of a court's document cited by its docket when no case name is given, as Bluebook
/// table BT1 abbreviates it ("Mem. Op., Misc. No. 13-02 (FISA Ct. Sept. 13, 2013)"), and the other
/// ways writers spell it ("Memorandum Opinion").
struct DocumentTitle {
  std::string abbreviation;
  std::vector<std::string> variants;
};

/// The data the reader is built from: forms/cite/reporters.xml (docs/citations.md).
struct Table {
  std::vector<Reporter> reporters;
  std::vector<RuleSet> rule_sets;
  std::vector<Court> courts;
  std::vector<std::string> public_domain;     // court codes of public-domain citations: WI, Ohio
  std::vector<std::string> state_codes;       // the states' codes: Fla. Stat., Mass. Gen. Laws
  std::vector<std::string> signals;           // words before a case name that are not in it
  std::vector<std::string> bluebook_signals;  // of those, the Bluebook's (rule 1.2): set in italics
  std::vector<std::string> governments;       // parties a short case name skips ("United States")
  std::vector<std::string> name_particles;    // lower-case words inside a name ("de", "van")
  std::vector<std::string> name_openers;      // of those, the ones a party's name may start with
  std::vector<std::string> court_words;       // "in" after them ends a sentence ("The Court in")
  std::vector<std::string> code_divisions;    // a code's lower-case divisions ("tit.", "ch.")
  std::vector<std::string> code_publishers;   // before a code's year: "(West 2009)"
  std::vector<std::string> abbreviations;     // words ending in "." that do not end a sentence
  std::vector<std::string> docket_kinds;      // "Civ." of "No. 99 Civ. 9404": no reporter
  std::vector<DocumentTitle> document_titles;  // "Mem. Op.", "Op. & Order", "Primary Order"

  /// Reads a table file; a missing or malformed file throws Error at its line and column.
  static Table load(const std::filesystem::path& file);
  /// The same from `bytes` already read from `file` (through Sources).
  static Table read(const std::filesystem::path& file, std::string bytes);
  /// forms/cite/reporters.xml as the search path of `paths` resolves it (a --templates folder's
  /// first); the data folder's when none has one, for the error.
  static std::filesystem::path file_in(const DataPaths& paths);
};

/// What earlier text cited, so that Id. and short forms in later text find their authority.
/// Hand the same Trail to every call of Reader::find for one document, in reading order.
struct Trail {
  std::vector<Citation> authorities;  // full citations so far, in order
  std::string last_key;               // the authority the last citation named
  bool string_cite = false;           // internal: the last citation ended a string ("A; B")
  Category last_category = Category::none;
  // internal: the distinct authorities (indices into `authorities`, in the order first cited)
  // by volume and reporter, by each word of a case or author's name, by title, and by key, so that
  // a short form finds its candidates without reading every citation before it.
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_reporter;
  std::map<std::string, std::vector<std::size_t>> by_name;
  std::map<std::string, std::vector<std::size_t>> by_title;  // a court document's ("Mem. Op.")
  std::map<std::string, std::size_t> by_key;
  // internal: the key of a public-domain citation given as another's parallel ("2009-Ohio-6426"
  // of "124 Ohio St. 3d 163"), cited on its own later: the same authority.
  std::map<std::string, std::string> aliases;
  // internal: the short names the text gave authorities ("[hereinafter House Report]"), by name.
  std::map<std::string, std::string> hereinafter;
  // internal: by key, the highest page this text has cited of each authority (its first page,
  // its pins, the pins of short forms tied to it): a later case of the same volume that starts
  // before that page may share pages with it, so a pin there cannot say which is meant.
  std::map<std::string, int> reach;
  // internal: by row of the reader's expressions (two each: the row's and its anchor's), the
  // parts the texts Reader::expect was given may match; empty: each text's own decide.
  std::vector<std::uint32_t> parts;
};

/// Finds citations with regular expressions (i18n::Regex) built from a Table.
class Reader {
 public:
  explicit Reader(Table table);
  ~Reader();
  Reader(Reader&&) noexcept;
  Reader& operator=(Reader&&) noexcept;

  /// What the text read is: running text, or a citation sentence the writer marked (a <cite>),
  /// whose first words before a reporter are a case's name even with no "v." and no signal
  /// ("Foo, 1 U.S. 2" with "see" written outside the element).
  enum class Text { running, citation };
  /// Every citation in `utf8`, in order. `where` is the location of the text's first character.
  /// Text that looks like a citation but cannot be read ("123 F.9th 45", "50 U.S.C. §"), an Id.
  /// with nothing before it, and a date outside its reporter's years are warnings at their place.
  std::vector<Citation> find(std::string_view utf8, const SourceLocation& where, Warnings& warnings,
                             Trail& trail, Text text = Text::running) const;
  /// Says that the texts read with `trail` are among `texts` (a document's): each expression is
  /// then compiled once for them all, not once for the first text and again for a later one
  /// that holds more of it (a case's history). What is read stays the same.
  void expect(const std::vector<std::string>& texts, Trail& trail) const;
  /// The same with a trail of its own: the text stands alone.
  std::vector<Citation> find(std::string_view utf8, const SourceLocation& where,
                             Warnings& warnings) const;

  const Table& table() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The text with each control character that OCR and PDF extraction leave (U+0008, U+009D, …)
/// read as spaces of the same byte length, a warning at the place of each. Reader::find does
/// this itself; `fiscgen cite` calls it before the text is checked as plain text.
std::string blank_controls(std::string_view text, const SourceLocation& where, Warnings& warnings);

/// Which case names are abbreviated by Bluebook tables T6 and T10 (the rules profile's
/// <citations abbreviate-names>).
enum class NameAbbreviation {
  as_written,   // none: each name as the input gives it
  authorities,  // the table of authorities' entries only
  citations,    // those, and names in citation sentences and clauses (rule 10.2.2); names in
                // textual sentences get only rule 10.2.1(c)'s few words
};

/// Where a case name is printed, which decides what Bluebook rule 10.2 abbreviates in it.
enum class NamePlace {
  textual,   // part of a textual sentence (10.2.1): "In Smith v. Maryland, 442 U.S. 735, the …"
  citation,  // a citation sentence or clause, or a table of authorities (10.2.2)
};

/// The words Bluebook table T6 abbreviates in case names and the places of table T10, read from
/// forms/cite/case-names.xml (docs/citations.md).
class CaseNames {
 public:
  /// Reads the table from `bytes` read from `file`; a malformed file, an unknown element or
  /// attribute value, or a word listed twice throws Error at its line and column.
  static CaseNames read(const std::filesystem::path& file, std::string bytes);
  /// `name` ("Smith v. Maryland", "In re …") with the words abbreviated that rule 10.2 abbreviates
  /// at `place`: in a citation, every T6 word and every T10 place that is not a party's whole
  /// name; in a textual sentence, only the words marked textual, never the first of a party.
  /// A party of one word (a surname such as "West") is left alone.
  std::string abbreviate(std::string_view name, NamePlace place) const;

 private:
  struct Entry {
    std::string abbreviation;
    bool textual = false;  // rule 10.2.1(c): also in textual sentences
    bool place = false;    // table T10: not when it is the party's whole name
  };
  std::string party(std::string_view party, NamePlace place) const;
  // Hashed, not ordered: nothing reads them in order, and a map's insertion compared each of
  // 500 entries with nine others.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view words) const {
      return std::hash<std::string_view>{}(words);
    }
  };
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;  // by the words,
                                                                           // one space between
  std::vector<std::string> governments_;  // "State of": a place after it is still the whole party
  std::size_t longest_ = 1;               // words in the longest entry
};

/// How a document's citations are printed: the rules profile's <citations> (docs/rules.md).
struct Options {
  /// How case names, signals, Id. and supra are set: InlineKind::emphasis (italic) or underline.
  doc::InlineKind emphasis = doc::InlineKind::emphasis;
  bool short_forms = false;  // write Id. and short case forms in place of repeated full citations
  bool detect = false;       // read citations in plain running text too, not only in <cite>
  NameAbbreviation abbreviate_names = NameAbbreviation::as_written;
  const CaseNames* case_names = nullptr;  // required unless abbreviate_names is as_written
};

/// The cite stage. Reads the document in reading order (footnotes at their reference) with one
/// Trail: every <cite> is printed in its Bluebook form, case names, signals and Id. set as
/// `options` says, and carries the key of its authority (Inline::authority); Document::authorities
/// lists each authority once, in order of first citation. A <cite> holding several citations
/// becomes one citation inline each, what lies between them kept. One that cannot be read is a
/// warning at its place and is printed as written; text inside <redact> is never read.
void annotate(doc::Document& document, const Reader& reader, const Options& options,
              Warnings& warnings);

/// The reader of the table `bytes` read from `file`, built once per process (and again only
/// when those bytes change) and shared: Reader::find is const and safe to call from several
/// threads.
std::shared_ptr<const Reader> shared_reader(const std::filesystem::path& file,
                                            const std::string& bytes);

}  // namespace fiscgen::cite
