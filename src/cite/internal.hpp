// Shared by the cite/ implementation files; never included outside src/cite/.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cite/cite.hpp"
#include "i18n/i18n.hpp"

namespace fiscgen::cite {

/// Patterns that find text that looks like a citation but did not read as one.
enum class Suspect { reporter_like, code_without_section, bare_abbreviation, id_at_nothing };

struct Patterns;
class Groups;

/// A test in C++ of whether a text may hold what every match of a row's expression holds: where
/// it may not, the expression is neither compiled nor run.
enum class Gate {
  none,
  reporter,       // a reporter's spelling after a number: "442 U.S. 735", "442 U.S., at 742"
  source,         // the same of a reporter outside "cases" (a journal): read_article refuses others
  public_domain,  // a court's public-domain code after a year: "2014 WI 89", "2006-Ohio-2095"
  us_code,        // "U.S.C." after white space, each period and a space after it optional
  cfr,            // "C.F.R." the same way
  state_code,     // a state code's spelling not after a letter or digit: "Fla. Stat."
  // A number, white space, a capitalised word (or two joined by "&") and a comma: "2 Wigmore,"
  surname_after_volume,
  // A reporter's place (Patterns::reporter_places), then a comma or white space and "at": a
  // short case citation's "442 U.S. at 742", "442 U.S., at 742".
  reporter_at,
  document_title,  // a court document's title at a word boundary: "Mem. Op."
  rule_set,        // a set of court rules' spelling not after a letter: "Fed. R. Civ. P."
  // A capitalised word, white space and "at" or "p." before a page: "Howsam at 84", "Howsam p. 84"
  name_at_page,
};

/// Reads a match of a kind's expression into a citation's parts and normalised form. Returns
/// false when the match is not a citation after all (a "case name" that is only signal words).
using ReadFunction = bool (*)(const Groups& groups, const Patterns& patterns, Citation& citation);

/// One kind of citation: the expression that finds it and the function that reads a match.
/// Both live in one file (cases.cpp, short_forms.cpp, codes.cpp and the others), so the names
/// of its groups are known there only.
struct KindRow {
  std::string expression;
  /// What every match holds after the case or act name that may start it (empty: nothing
  /// starts it). Where it matches nowhere, `expression` is not run: trying a name at every place
  /// of a text is the costly part of finding citations.
  std::string anchor;
  ReadFunction read;
  /// Literal text of which every match holds one ("supra", "Cong."); empty: no such text.
  /// Where none is in a text, the expression is neither run nor even compiled.
  std::vector<std::string> needs = {};
  /// Where the gate says no match can be (Patterns::may_hold), the expression is neither run nor
  /// compiled; where it says one may, a short text is searched without the anchor.
  Gate gate = Gate::none;
};

/// The alternations of the table's spellings the kinds' expressions hold (expr::alternation),
/// each built the first time an expression holding it is compiled: building them all cost a
/// tenth of reading one citation, and a short text compiles few kinds. An expression holds a
/// token for each (Spellings); LazyRegex::get writes the alternation in its place before
/// compiling, so the compiled expression is the same. Safe to share between threads.
class Alternations {
 public:
  enum class Id : char {
    rule_set,         // every spelling of a set of court rules
    dotted_rules,     // of those, the abbreviations and the variants with a period
    public_domain,    // the courts' codes of public-domain citations
    state_codes,      // the states' codes
    docket_kinds,     // the kinds of case a docket number names
    year_number,      // reporters cited by year and number
    paragraph,        // looseleaf services cited by paragraph
    docket_courts,    // courts cited by docket and date
    document_titles,  // a court document's titles
  };
  static constexpr std::size_t count = 9;
  explicit Alternations(const Table& table) : table_(table) {}
  /// What an expression holds where the alternation goes: a byte no expression writes, then
  /// one naming the alternation.
  static std::string token(Id id);
  /// `expression` with each token as its alternation.
  std::string expand(const std::string& expression) const;

 private:
  const std::string& get(Id id) const;
  std::vector<std::string> spellings(Id id) const;
  const Table& table_;
  mutable std::once_flag once_[count];
  mutable std::string built_[count];
};

/// A regular expression compiled the first time a text may hold a match of it: compiling them
/// all costs tens of milliseconds, and a short text needs few. Safe to share between threads.
class LazyRegex {
 public:
  /// `alternations` (may be null) writes the alternations the expression holds as tokens.
  LazyRegex(std::string expression, std::vector<std::string> needs,
            const Alternations* alternations = nullptr)
      : expression_(std::move(expression)), needs_(std::move(needs)), alternations_(alternations) {}
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;
  bool empty() const { return expression_.empty(); }
  const std::string& expression() const { return expression_; }
  /// Whether `text` holds one of the literals every match holds.
  bool may_match(std::string_view text) const;
  /// The same, counting only a literal that starts where `read(at)` is false: a match holding
  /// one that starts inside a citation read overlaps it, so it is never a suspect.
  bool may_match(std::string_view text, const std::function<bool(std::size_t)>& read) const;
  /// The expression compiled, the first time it is asked for, with every part (expr::part).
  const i18n::Regex& get() const;
  /// Whether the expression holds a part (expr::part).
  bool has_parts() const;
  /// The parts (a bit each, in order) whose literals `text` holds: those it may match.
  std::uint32_t parts_in(std::string_view text) const;
  /// The expression compiled with `parts` at least, whose matches in a text holding no other
  /// part's literals are those get() finds there: each part left out is written "(?!)", which
  /// fails where the part would. One compiled with more is used when there is one; past the
  /// first, an expression is compiled with every part, so never more than twice.
  const i18n::Regex& get(std::uint32_t parts) const;
  /// get(parts_in(text)).
  const i18n::Regex& get(std::string_view text) const { return get(parts_in(text)); }

 private:
  struct Part {
    std::size_t begin, end;  // of its marks, in expression_
    std::vector<std::string> literals;
  };
  void find_parts() const;  // once, under mutex_
  std::uint32_t all_parts() const;
  std::string written(std::uint32_t parts) const;
  const i18n::Regex& compiled_with(std::uint32_t parts) const;
  std::string expression_;
  std::vector<std::string> needs_;
  const Alternations* alternations_;
  mutable std::mutex mutex_;
  mutable std::optional<std::vector<Part>> parts_;
  // Each compiled form, by the parts it writes (a bit each); never removed, so references stay.
  mutable std::vector<std::pair<std::uint32_t, std::unique_ptr<i18n::Regex>>> compiled_;
};

/// Entries of the table by spelling_key(), in a vector sorted once and searched by bisection: a
/// std::map cost an allocation and a rebalancing for each of 500 spellings. Sorted, the keys go
/// to the gates' SpellingKeys as they are.
template <class T>
class SpellingIndex {
 public:
  using Entry = std::pair<std::string, const T*>;
  void reserve(std::size_t count) { entries_.reserve(count); }
  /// Adds before sort(); a key added again replaces the entry, as a map's operator[] did.
  void add(std::string key, const T* entry) { entries_.emplace_back(std::move(key), entry); }
  /// Sorts the keys as std::string orders them, keeping the entry added last of each. The
  /// entries' positions are sorted by the keys' first eight bytes as a number (zeros after a
  /// shorter key, which sorts first), whole keys compared only where those are equal: sorting
  /// the strings themselves cost more than reading the table.
  void sort() {
    struct Position {
      std::uint64_t prefix;
      std::uint32_t entry;
    };
    std::vector<Position> order(entries_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
      std::uint64_t prefix = 0;
      const std::string& key = entries_[i].first;
      for (std::size_t k = 0; k < 8; ++k)
        prefix = prefix << 8 | (k < key.size() ? static_cast<unsigned char>(key[k]) : 0u);
      order[i] = {prefix, i};
    }
    std::sort(order.begin(), order.end(), [this](const Position& a, const Position& b) {
      if (a.prefix != b.prefix) return a.prefix < b.prefix;
      const int c = compare(entries_[a.entry].first, entries_[b.entry].first);
      return c != 0 ? c < 0 : a.entry < b.entry;
    });
    std::vector<Entry> sorted;
    sorted.reserve(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      auto& entry = entries_[order[i].entry];
      if (i + 1 < order.size() && entries_[order[i + 1].entry].first == entry.first) continue;
      sorted.push_back(std::move(entry));
    }
    entries_ = std::move(sorted);
  }
  /// The entry of `key`, or nullptr.
  const T* find(std::string_view key) const {
    const auto found = std::lower_bound(
        entries_.begin(), entries_.end(), key,
        [](const Entry& entry, std::string_view k) { return compare(entry.first, k) < 0; });
    return found != entries_.end() && found->first == key ? found->second : nullptr;
  }
  /// In the keys' order, after sort().
  typename std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  typename std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  // std::string's order (bytes unsigned, a prefix first), compared here: keys are short and
  // most differ in their first bytes, where a call to memcmp cost more than the comparison.
  static int compare(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i)
      if (a[i] != b[i])
        return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
  }
  std::vector<Entry> entries_;
};

/// A part of the patterns built the first time it is asked for: a short text reaches few of the
/// gates (one case citation, four of twelve) and reads few courts or titles, and building what
/// the others look for cost a tenth of building the patterns. Safe to share between threads.
template <class T>
class Lazy {
 public:
  explicit Lazy(std::function<T()> build) : build_(std::move(build)) {}
  const T& operator*() const {
    std::call_once(once_, [this] { value_.emplace(build_()); });
    return *value_;
  }
  const T* operator->() const { return &**this; }

 private:
  std::function<T()> build_;
  mutable std::once_flag once_;
  mutable std::optional<T> value_;
};

/// Spellings as spelling_key() writes them, sorted: what a gate looks for. A gate reads a text's
/// spelling one byte at a time, narrowing the range of keys that begin with what it read (a
/// hashed set of every beginning of every key cost 1.2M instructions to build per process).
class SpellingKeys {
 public:
  /// The keys, sorted by byte and without duplicates.
  explicit SpellingKeys(std::vector<std::string> keys = {});
  /// The keys that begin with what was read so far, and whether one of them is all of it.
  class Cursor {
   public:
    explicit Cursor(const SpellingKeys& keys)
        : begin_(keys.keys_.begin()), end_(keys.keys_.end()) {}
    /// Reads one more byte; false when no key begins with what was read.
    bool next(char byte);
    bool whole() const { return begin_ != end_ && begin_->size() == read_; }

   private:
    std::vector<std::string>::const_iterator begin_, end_;
    std::size_t read_ = 0;
  };

 private:
  std::vector<std::string> keys_;
};

/// Spellings found in C++ as expr::alternation's expression finds them (after a period, any
/// white space or none; for a space, one or more white-space characters; ’ as '), so that a
/// pattern can hold one stand-in character where it held the alternation: the reporters'
/// alternation, a thousand spellings written six times over in the case pattern, was most of
/// the cost of compiling it, and compiling was most of the cost of reading a short text.
class SpellingTrie {
 public:
  void add(std::string_view spelling);
  /// Where each spelling that starts at byte `at` of `text` ends, shortest first.
  std::vector<std::size_t> ends(std::string_view text, std::size_t at) const;

 private:
  // The nodes' edges in one list, each linked to its next sibling, where a vector per node
  // cost an allocation for each of thousands of nodes.
  static constexpr std::uint32_t none = 0xFFFFFFFF;
  struct Node {
    std::uint32_t first = none;  // the first edge out of it
    bool terminal = false;
    bool after_period = false;  // reached by a period: white space may come before the next
  };
  struct Edge {
    char byte;  // ' ' for white space
    std::uint32_t to, sibling;
  };
  std::uint32_t child(std::uint32_t node, char byte);
  /// The node an edge labelled `byte` leads to from `node`, or `none`.
  std::uint32_t find(std::uint32_t node, char byte) const;
  std::vector<Node> nodes_ = std::vector<Node>(1);
  std::vector<Edge> edges_;
  // The root's edges by byte: every spelling is looked for from the root, whose edges (dozens)
  // were searched in turn, when the trie was built and at every place a text may hold one.
  std::array<std::uint32_t, 256> root_ = filled_with_none();
  static constexpr std::array<std::uint32_t, 256> filled_with_none() {
    std::array<std::uint32_t, 256> out{};
    out.fill(none);
    return out;
  }
};

/// The spellings of the table as expressions, for the kinds' rows to build on. The alternations
/// of many spellings are Alternations' tokens, written out when an expression is compiled.
struct Spellings {
  // Any reporter's spelling where a case citation may hold one: the stand-in of the text the
  // rows that write it search (Patterns::reporter_places).
  std::string reporter;
  std::string rule_set;       // every spelling of a set of court rules
  std::string dotted_rules;   // of those, the ones with a period (a bare one is a suspect)
  std::string public_domain;  // the courts' codes of public-domain citations ("WI", "Ohio")
  std::string state_codes;    // the states' codes ("Fla. Stat.", "Mass. Gen. Laws")
  std::string docket_kinds;   // the kinds of case a docket number names ("Misc.", "Civ.")
  std::string year_number;    // designations cited by year and number ("T.C. Memo.")
  std::string paragraph;      // looseleaf services cited by paragraph ("Fed. Sec. L. Rep. (CCH)")
  std::string docket_courts;  // courts cited by docket and date ("La. App. 1 Cir.")
  // The first two characters of each public-domain court code, and of each spelling of a
  // reporter outside "cases": literals the rows that need them must find before they run.
  std::vector<std::string> public_domain_starts, secondary_starts, year_number_starts;
  std::string document_titles;  // a court document's titles ("Mem. Op.", "Memorandum Opinion")
  // The last word of each looseleaf service's spelling ("(CCH)", "USTC"): one is in every match.
  std::vector<std::string> paragraph_ends;
  // "(" and the first two characters of each court cited by docket and date ("(La").
  std::vector<std::string> docket_court_starts;
  // The last word of each Bluebook signal ("See", "also" of "See also"), a bare supra's signal.
  std::string signal_ends;
  // A code's divisions before its section ("tit.", "ch.": Table::code_divisions).
  std::string code_divisions;
  // The publishers a code's date may name ("West", "McKinney": Table::code_publishers).
  std::string code_publishers;
  // The table's lower-case name particles ("van", "der", "bin"; not "&", a word of its own).
  std::string name_particles;
};

/// The cases cited in full (cases.cpp), and the short forms (short_forms.cpp): short case,
/// Id., supra, a name and a page; their rows follow the cases' in this order.
std::vector<KindRow> case_rows(const Spellings& spellings);
std::vector<KindRow> short_form_rows(const Spellings& spellings);
/// Codes, regulations, session laws, the Constitution and court rules (codes.cpp).
std::vector<KindRow> code_rows(const Spellings& spellings);
/// Articles, treatises, legislative and executive materials, state codes (secondary.cpp).
std::vector<KindRow> secondary_rows(const Spellings& spellings);

/// The compiled expressions, and the maps from a written spelling to the standard one.
struct Patterns {
  struct Reading {
    Reading(std::string expression, std::string anchor_expression,
            const std::vector<std::string>& needs, ReadFunction read_function, Gate row_gate,
            const Alternations& alternations)
        : regex(std::move(expression), needs, &alternations),
          anchor(std::move(anchor_expression), needs, &alternations),
          read(read_function),
          gate(row_gate) {}
    LazyRegex regex;
    LazyRegex anchor;  // KindRow::anchor; empty: none
    ReadFunction read;
    Gate gate;  // KindRow::gate
    // Whether the expression finds reporters as stand-ins: it searches the text from
    // reporter_places().
    bool reporters = regex.expression().find(i18n::Regex::stand_in) != std::string::npos;
  };
  const Table& table;
  Alternations alternations;  // before the expressions that hold its tokens
  std::vector<std::unique_ptr<Reading>> readers;
  std::vector<std::pair<Suspect, std::unique_ptr<LazyRegex>>> suspects;
  SpellingIndex<Reporter> reporters;
  Lazy<SpellingIndex<RuleSet>> rule_sets;
  Lazy<SpellingIndex<Court>> courts;
  Lazy<SpellingIndex<DocumentTitle>> document_titles;
  // For the gates:
  SpellingKeys reporter_keys, source_keys;
  Lazy<SpellingKeys> public_domain_keys, state_code_keys, title_keys, rule_set_keys;
  SpellingTrie reporter_spellings;  // of reporters cited by volume and page

  explicit Patterns(const Table& table);
  /// The reporter a spelling names, or nullptr.
  const Reporter* reporter(std::string_view written) const;
  /// The reporters' spellings in `text` where a case citation may hold them: after a number
  /// (\d, or a character beyond ASCII, which \d may match) and white space, and before a comma,
  /// or white space and a page, a nominative "(", a blank "___", a roman page or "at". Where
  /// several spellings start at one place (U.S., U.S.C.), the longest so followed.
  i18n::Regex::Text::Ranges reporter_places(std::string_view text) const;
  /// Whether `text` may hold what the gate looks for: a spelling after a digit (or a character
  /// beyond ASCII, which \d may match) and white space or a separator (a comma after a reporter,
  /// a dash around a public-domain code), with white space anywhere in it, then white space or a
  /// separator. Never false where the row's expression could match.
  bool may_hold(Gate gate, std::string_view text) const;
  /// Gate::reporter_at where the reporters' places in `text` are known.
  bool reporter_at(std::string_view text, const i18n::Regex::Text::Ranges& places) const;
  /// The same for a suspect's expression, where `read(at)` says whether byte `at` is inside a
  /// citation read (a match that starts there is no suspect): a code without a section needs
  /// its code's abbreviation, a reporter-like citation a number and a capital outside those.
  bool may_hold(Suspect suspect, std::string_view text,
                const std::function<bool(std::size_t)>& read) const;
  /// A court as written in a parenthetical, the Bluebook's way: West's closed-up "D.C.Cir."
  /// spaced, and a name the table knows ("CA5") as its abbreviation ("5th Cir.").
  std::string court(std::string_view written) const;
  /// A court document's title as written ("Memorandum Opinion") in its Bluebook form ("Mem. Op.").
  std::string document_title(std::string_view written) const;
  /// A court cited by docket and date as the table spells it ("La.App. 1 Cir." → "La. App. 1
  /// Cir."): the spelling itself, not the Bluebook's abbreviation, is the form.
  std::string docket_court(std::string_view written) const;
};

/// A spelling with white space removed and ’ as ', so "F. Supp.2d" and "F.Supp. 2d" meet.
std::string spelling_key(std::string_view spelling);

/// A regular expression's match on a text, with its groups by name.
class Groups {
 public:
  Groups(const i18n::Regex& regex, const i18n::Regex::Match& match, std::string_view text)
      : regex_(regex), match_(match), text_(text) {}
  bool has(const char* name) const;
  /// The group's text, or "" when it took no part.
  std::string operator[](const char* name) const;
  std::size_t begin(const char* name) const;
  std::size_t begin() const { return match_[0].begin; }
  /// The whole match.
  std::string_view text() const { return text_.substr(begin(), end() - begin()); }
  std::size_t end() const { return match_[0].end; }

 private:
  const i18n::Regex::Span& span(const char* name) const;
  const i18n::Regex& regex_;
  const i18n::Regex::Match& match_;
  std::string_view text_;
};

// trail.cpp: short forms resolved (rule 4.1), full citations added to the trail, a date outside
// its reporter's years and an ambiguous Id. warned of. `text` is the text `found` was read in.
void follow(std::vector<Citation>& found, std::string_view text, const Patterns& patterns,
            Trail& trail, Warnings& warnings);

// trail.cpp: the first word of a case name, which a short form repeats ("Smith, 442 U.S. at
// 742"), and the names a supra or a name-and-page reference may use for an authority (each
// capitalised word of a party's or an author's name, none of a party in `governments`).
std::string first_word(std::string_view name);
std::vector<std::string> short_names(std::string_view name,
                                     const std::vector<std::string>& governments = {});

// authority.cpp: which earlier authority of the trail a short form (not an Id.) means; nullptr
// when none does, or when several fit and neither its name nor its page decides (then
// `ambiguous` is set and a warning names them). `pin_fits`: whether the pin of a short form may
// be in `authority` (a warning when not). `note_reach`: `c` cites `key`; the trail keeps the
// highest page it names.
const Citation* authority_of(const Citation& c, const Trail& trail, Warnings& warnings,
                             bool& ambiguous);
bool pin_fits(const Citation& c, const Citation& authority, Warnings& warnings);
void note_reach(Trail& trail, const std::string& key, const Citation& c);

// cases.cpp, for the case forms and the short forms: a pin cite that is not the volume of a
// parallel citation nor a public-domain or New York slip opinion's year (its loops on white space
// lazy: what follows never starts with white space, so they stop where a greedy loop would); a
// parallel citation with its pins ("99 S. Ct. 2577, 2580"); a reporter's standard form (as written
// if a spelling escaped the table's keys); a nominative volume as the official reporter numbers it
// (rule 10.3.2: "1 Cranch" is 5 U.S. with "(1 Cranch)"; unchanged past the renumbering); the
// pins of ", 742, 745 n.3"; and each parallel citation of ", 99 S.Ct. 2577, 2580, 61 L.Ed.2d
// 220", its reporter normalised and a pin joined to the citation before it.
std::string pin_of_citation(const Spellings& spellings);
std::string parallel_citation(const Spellings& spellings);
std::string standard_reporter(const Patterns& patterns, const std::string& written);
void to_official(const Patterns& patterns, std::string& volume, std::string& reporter,
                 std::string& nominative);
std::vector<std::string> pins_of(const std::string& pins);
std::vector<std::string> parallels_of(const Patterns& patterns, const std::string& written);

/// Locations of byte offsets in a text that starts at `start`, walking forward from the last one
/// asked for, so that locating every citation of a long text stays linear.
class Locator {
 public:
  Locator(std::string_view text, const SourceLocation& start) : text_(text), start_(start) {
    if (start_.line == 0) start_.line = 1;
    if (start_.column == 0) start_.column = 1;
    where_ = start_;
  }
  SourceLocation operator()(std::size_t offset) {
    if (offset < at_) {
      at_ = 0;
      where_ = start_;
    }
    for (; at_ < offset && at_ < text_.size(); ++at_) {
      const auto byte = static_cast<unsigned char>(text_[at_]);
      if (byte == '\n') {
        ++where_.line;
        where_.column = 1;
      } else if ((byte & 0xC0) != 0x80) {
        ++where_.column;  // a character starts here: columns count characters
      }
    }
    return where_;
  }

 private:
  std::string_view text_;
  SourceLocation start_, where_;
  std::size_t at_ = 0;
};

// hereinafter.cpp: the short name a text gives the authority `c` cites, right after it
// ("[hereinafter House Report]", rule 4.2(b); the FISC's "(“Oct. 3, 2011 Mem. Op.”)"), kept in
// the trail (note_hereinafter); the name and a page where the text repeats them ("Oct. 3, 2011
// Mem. Op. at 73 n.67"), added to `found` in order as name-and-page references
// (find_named_references); and such a reference, or a supra by such a name ("House Report,
// supra, at 30", "Kerr, Third-Party Doctrine, supra"), tied to its authority, a supra widened to
// the whole name where the reader read only its last words (tie_hereinafter; false: no name).
void note_hereinafter(const Citation& c, std::string_view text, Trail& trail);
void find_named_references(std::vector<Citation>& found, std::string_view text);
bool tie_hereinafter(Citation& c, std::string_view text, Trail& trail);

// names.cpp: where a case name stands (Bluebook rule 10.2), printed after `before` (the
// block's text so far) and followed by `after`: a citation sentence or clause when a signal, a
// semicolon, a comma or an open parenthetical leads to it, or when it starts a sentence that
// ends with it; otherwise it is part of a textual sentence.
NamePlace place_of(std::string_view before, std::string_view after, bool after_signal);

// patterns.cpp: pieces of expressions more than one kind uses (PCRE2 syntax).
namespace expr {
extern const std::string word;  // a word of a case name
// With `particles`, the lower-case words a name may hold (Spellings::name_particles):
std::string case_name(const std::string& particles);   // "Smith v. Maryland", "In re Sealed Case"
std::string short_name(const std::string& particles);  // "Smith", "Kris & Wilson", or a case name
std::string short_name_before_number(const std::string& particles);  // where ", 442" follows
extern const std::string pin;                                        // 742, 742–43, 742 n.5, n.5
extern const std::string not_in_word;
extern const std::string volume_start;
extern const std::string date_paren;   // (1979), (D.C. Cir. Jan. 5, 2010)
extern const std::string subsections;  // (d)(1)
extern const std::string code_section;
extern const std::string range_dash;
extern const std::string year_paren;  // an optional (2001) as group "year"
// A Restatement's comment or illustration after its section: "cmt. b", "illus. 2".
extern const std::string restatement_note;
/// A section an Id. or supra names after "§" or "§§": one section or a range of them.
extern const std::string section_or_range;
/// Every spelling, longest first, as one alternation; spaces flexible after a period.
std::string alternation(const std::vector<std::string>& spellings);
/// An optional piece of an expression (a case's subsequent history, an Id.'s section) of which
/// every match holds one of `literals`: LazyRegex::get(text) leaves it out of what it compiles
/// for a text that holds none, since compiling it costs as much there. Not inside another part.
std::string part(const std::vector<std::string>& literals, const std::string& expression);
/// `text` with the characters a pattern gives a meaning escaped.
std::string literal(std::string_view text);
/// "(?:a|b|c)" of expressions; one that matches nothing when there are none.
std::string one_of(const std::vector<std::string>& expressions);
/// The words of a short list as one plain alternation, cheaper to build than alternation's trie
/// (a few words of one piece each: a code's divisions, the name particles).
std::string words(const std::vector<std::string>& list);
}  // namespace expr

// normalise.cpp: the Bluebook forms.

extern const std::string nbsp, en_dash;

/// The length in bytes of the white space character at byte i (every one \s matches:
/// ASCII, NBSP, the Unicode space separators), or 0.
std::size_t space_at(std::string_view text, std::size_t i);
/// Runs of white space (NBSP included) as one space; trimmed.
std::string collapse_spaces(std::string_view text);

/// "Name, rest" as a citation sentence writes it, or "rest" when the citation names no case.
inline std::string with_name(const Citation& c, const std::string& rest) {
  return c.case_name.empty() ? rest : c.case_name + ", " + rest;
}
std::vector<std::string> split_words(std::string_view text);
std::string join(const std::vector<std::string>& words, std::string_view separator);
bool is_digits(std::string_view text);
/// "2009-Ohio-6426", "2009-NMSC-012": a public-domain citation's shape (a year, a designation,
/// a number), which numbers an opinion's paragraphs.
bool public_domain_shape(std::string_view word);
/// A parallel citation as the reader keeps it, less the pins joined to it: "99 S. Ct. 2577" of
/// "99 S. Ct. 2577, 2580", "2009-Ohio-6426" of "2009-Ohio-6426, ¶ 29".
std::string_view without_pins(std::string_view parallel);
/// The first of a case's parallels that is a public-domain citation, less its pins; empty: none.
std::string public_domain_parallel(const Citation& c);
/// "vs." and "v" between parties as "v.", spaces collapsed.
std::string normalise_case_name(std::string_view name);
/// The case name as matched, without what came before it in the sentence: words up to a period
/// that ends a sentence, signals ("See also"), and small words before the first party.
std::string trim_case_name(std::string_view matched, const Table& table);
/// Whether `word` starts with a capital or a digit ("Blah", "Cal.", "18"); a character beyond
/// ASCII counts as a capital, as names in other scripts start ("Øverland", "Łódź").
bool capitalised(std::string_view word);
/// The Bluebook signal `before` ends with as a whole word ("See", "see also", "See, e.g.,"), its
/// first letter in either case (a signal in a citation clause is lower case); empty when none.
std::string_view signal_at_end(std::string_view before, const Table& table);
/// "See Foo, 1 U.S. 2": the words between a Bluebook signal (or the semicolon of a string cite)
/// and the comma before `begin` (a citation's start) are its case name, though they hold no
/// "v.": the signal says a citation follows. Where the name starts, and the name in `name`; npos
/// when no signal leads to it. With `marked` (the text is a <cite>), the text's start leads to
/// it as a signal does.
std::size_t name_after_signal(std::string_view text, std::size_t begin, const Table& table,
                              std::string& name, bool marked = false);
/// "van der Berg v. Smit": the case name's expression takes no word starting with "v" before
/// "v." (that keeps it cheap), so it starts at "Berg". Where the lower-case particles before
/// `begin` start, when the first of them is "van" or "von", with up to three capitalised given
/// names before them ("Ludwig van Beethoven v. Smith"); `begin` when there are none.
std::size_t v_particles_before(std::string_view text, std::size_t begin, const Table& table);
/// Page and section ranges with an en dash; "n. 5" as "n.5".
std::string normalise_pin(std::string_view pin);
/// "1861-1862", "1861 to 1862" → "1861–1862"; "1861,1862" → "1861, 1862".
std::string normalise_sections(const std::string& written);
bool is_range(const std::string& normalised_sections);
/// A section an Id. or supra names, as written ("§ 1861(b)", "§§1861-62"): its sections,
/// normalised, and the sign(s) with a no-break space after them, "§§" for more than one.
std::string section_reference(std::string_view written_reference, std::string& sections);
/// The key of the section an "Id. § 1806" names of the code `code` cites ("50 U.S.C. § 1805" →
/// "50 U.S.C. § 1806"): `code`'s own key when it is no code's section (a case, a treatise), or
/// when the Id. names the same section or none.
std::string section_key(const Citation& code, const Citation& id);
/// "D.C. Cir. January 5, 2010" → court "D.C. Cir.", date "Jan. 5, 2010" (Bluebook months).
void split_date_parenthetical(std::string_view paren, std::string& court, std::string& date);
/// "4" or "iv" → "IV"; anything else unchanged.
std::string roman_numeral(std::string_view number);

}  // namespace fiscgen::cite
