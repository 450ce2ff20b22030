// The pieces of regular expressions the kinds of citation share, and the patterns built from the
// table (PCRE2 syntax). Each is written so that no quantifier can re-split what another took:
// bounded word counts, words without spaces, separators that words cannot contain. That keeps
// matching linear in practice.
#include <algorithm>
#include <cctype>
#include <set>

#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace expr {

// A word of a case name: capitalised or a number (Smith, U.S., Int'l, 105B), with the short
// abbreviation of a business form a comma may set after it ("Doe, Inc.", "Chase Bank, N.A.";
// never the "No." of a docket number: "In re Orders, No. Misc. 13-02"),
// a bracketed nickname or the name of the matter in parentheses ("(Doe)", "(In re Grand Jury
// Subpoena)", rule 10.2.1(b)), or one of the small words names hold (of, the, ex rel.).
// The letters after the first are taken whole ("(?>…)"): a word is always followed by a comma or
// white space, which they never hold, so giving them back one at a time never led to a match,
// and a backtracking engine tried it at every word of every name it tried. The small words share
// their first letters: the engine saves its backtracking state before each alternative it tries, at
// nearly every letter of a text, and only one of them can be followed by a comma or white space at
// a place, so their order never changes a match. capital_word: the words but the small ones, which
// open no name (name_opening).
const std::string capital_word =
    R"((?:[\p{Lu}\p{Nd}](?>[\p{L}\p{M}\p{Nd}.'’&\-]*)(?:,\s+(?!No\.)\p{Lu}[\p{Lu}\p{Ll}.]{0,5}\.(?=[\s,]))?|\(\p{Lu}[^()]{0,60}\)|\[\p{Lu}[^\[\]]{0,40}\]))";
// A name's words after its first: capitalised, or one of the small words.
const std::string word =
    "(?:" + capital_word +
    R"(|&|a(?:l\.|nd?|t)?|by|de(?:l)?|e[tx]|f(?:or|rom)|in|la|o[fn]|parte|re(?:l\.)?|t(?:h(?:e|is)|o)|under|with))";
// What opens a case name: 1 to 12 words before "v." (so the "v" of "Rev. 1." opens none), the
// first of them capitalised, or "In re", "Ex parte", "In the Matter of". A name could start at
// a small word ("the", "of") only for the reader to drop it (trim_case_name), and trying one at
// every small letter of a long text was a fifth of reading it; the particles a name may start
// with are added by the reader. The words before "v." are taken whole: no word starts
// with "v", so giving words back never finds a "v" where the words ended, and a name tried where
// none is (at nearly every letter of a text) failed only after trying each shorter run of words.
// The particles are not among them, which keeps a name tried everywhere cheap: the reader adds
// "van der" and the given names before it (v_particles_before). Written once for every name
// below, which keeps the compiled pattern small.
const std::string name_opening =
    "(?:(?>" + capital_word + R"(\s+(?:)" + word +
    R"(\s+){0,11})v(?:s\.?|\.)?|In\s+re|Ex\s+parte|In\s+the\s+Matter\s+of)\s+)";

// A word of a party's name after the opening, or one of the table's lower-case particles
// ("Smith v. von Bülow", "In re van Gogh", "Okafor v. dos Santos e Silva"); tried only after an
// opening, so cheap. A name still ends in a word.
std::string name_word(const std::string& particles) {
  return "(?:" + word + "|(?:" + particles + "))";
}

// "Smith v. Maryland", "In re Sealed Case", "Ex parte Quirin": at most 12 words after the opening.
std::string case_name(const std::string& particles) {
  return "(?:" + name_opening + "(?:" + name_word(particles) + R"(\s+){0,12})" + word + ")";
}

// A short name before "supra" or a short case form: "Smith", "Kris & Wilson", or a full name.
std::string short_name(const std::string& particles) {
  return "(?:" + case_name(particles) + "|(?:" + word + R"(\s+){0,4})" + word + ")";
}

// The same where a comma and a number follow ("Smith, 442 U.S. at 742"), with every run of words
// taken whole: giving words back leaves, where the comma must be, the white space after a word
// or, after a shorter form of a word ("Doe" of "Doe, Inc."), a comma and a capital, never a
// number; so the matches are the same, and a name tried where none is fails at once.
std::string short_name_before_number(const std::string& particles) {
  return "(?:" + name_opening + "(?>(?:" + name_word(particles) + R"(\s+){0,12}))" + word +
         "|(?>(?:" + word + R"(\s+){0,4}))" + word + ")";
}

// A pin cite: 742, 742–43, 742 n.5, n.5; never the volume of a parallel citation (checked by
// the caller's lookahead).
// Also a star page of a database (*3, *3–4) and a paragraph (¶ 12).
// Its loops on white space are lazy ("\s*?"): what follows each never starts with white space, so
// they stop where a greedy loop would (see units()); a case
// pattern holds this pin three times, far along.
const std::string pin =
    R"((?:nn?\.\s*?\d{1,4}|\*\d{1,5}(?:\s*?[-–]\s*?\*?\d{1,5})?|¶¶?\s*?\d{1,5}(?:\s*?[-–]\s*?\d{1,5})?|\d{1,5}(?:\s*?[-–—]\s*?\d{1,5})?(?:,?\s*?(?:&\s*?)?nn?\.\s*?\d{1,4}(?:[-–]\d{1,4})?)?))";
const std::string not_in_word = R"((?![\p{L}\p{Nd}]))";
const std::string volume_start = R"((?<![\p{L}\p{Nd}.§$/\-]))";
// A date parenthetical ends with a year: (1979), (D.C. Cir. Jan. 5, 2010).
// West closes them up: (D.C.Cir.2008).
const std::string date_paren = R"(\((?:[^()]{0,80}?[\s.])?\d{4}\))";
const std::string subsections = R"((?:\([a-zA-Z0-9]{1,4}\)){0,8})";
// A code section: 1861, 1881a, 2000e-2, 1320a-7b.
// A subsection range stays with its section: "1881a(b)(1)–(5)".
const std::string code_section = R"(\d{1,5}(?:[a-z]{1,3}(?:-\d{1,3}[a-z]{0,2})?)?)" + subsections +
                                 R"((?:\s*[-–]\s*(?:\([a-zA-Z0-9]{1,4}\)){1,4})?)";
const std::string range_dash = R"(\s*(?:[-–—]|\bto\b|\bthrough\b)\s*)";
const std::string year_paren = R"((?:\s*\((?<year>(?:[^()]{0,40}?\s)?\d{4})\))?)";
const std::string section_or_range = code_section + "(?:" + range_dash + code_section + ")?";
const std::string restatement_note = R"((?:cmt\.\s+[a-z]{1,2}|illus\.\s+\d{1,3}))";

namespace {

// The characters a pattern gives a meaning: written with a backslash to stand for themselves.
constexpr std::string_view special = R"(\^$.|?*+()[]{}#-/)";

// A spelling as the units of an expression, one a character: "F. Supp.2d" and "F.Supp. 2d" give
// the same units, since a space may follow any period ("\s*" before the next character), and
// ' matches ’ too.
// A loop on white space that a character other than white space follows is written lazy
// ("\s*?", "\s+?"): it can only stop where the white space ends, as the greedy loop does, so the
// matches are the same. (ICU 72, the engine before PCRE2, compiled a greedy loop on \s in time
// quadratic in the pattern's size: 90 of 117 million instructions for the case pattern.)
std::vector<std::string> units(std::string_view text) {
  std::vector<std::string> out;
  const auto white_at = [&](std::size_t at) { return at >= text.size() || space_at(text, at); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::size_t before = i;  // the character before, past the spaces after it
    while (before > 0 && text[before - 1] == ' ') --before;
    const std::string after_period =
        before > 0 && text[before - 1] == '.' ? (white_at(i) ? R"(\s*)" : R"(\s*?)") : "";
    std::size_t length = 1;  // a character of several bytes is one unit
    while (i + length < text.size() &&
           (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80)
      ++length;
    const std::string_view character = text.substr(i, length);
    i += length - 1;
    if (c == ' ') {
      if (after_period.empty()) out.emplace_back(white_at(i + 1) ? R"(\s+)" : R"(\s+?)");
    } else if (c == '\'' || character == "’") {
      out.push_back(after_period + "['’]");
    } else if (special.find(c) != std::string_view::npos) {
      out.push_back(after_period + "\\" + c);
    } else {
      out.push_back(after_period + std::string(character));
    }
  }
  return out;
}

// The spellings as a trie, so that the engine tries each character once for all the spellings that
// share a beginning, instead of every spelling in turn: with 400 reporters that is most of the
// cost of finding citations.
struct Trie {
  std::map<std::string, Trie> children;
  bool terminal = false;

  void add(const std::vector<std::string>& spelling, std::size_t at = 0) {
    if (at == spelling.size()) {
      terminal = true;
      return;
    }
    children[spelling[at]].add(spelling, at + 1);
  }
  // A longer spelling is tried before its prefix: the optional group is greedy. Written into
  // one string: building each level's string and copying it into its parent's cost more than
  // reading the table.
  void write(std::string& out) const {
    if (children.empty()) return;
    out += "(?:";
    bool first = true;
    for (const auto& [unit, child] : children) {
      if (!first) out += '|';
      first = false;
      out += unit;
      child.write(out);
    }
    out += terminal ? ")?" : ")";
  }
};

}  // namespace

std::string alternation(const std::vector<std::string>& spellings) {
  Trie trie;
  for (const auto& spelling : spellings)
    if (!spelling.empty()) trie.add(units(spelling));
  std::string out;
  trie.write(out);
  return out.empty() ? "(?!)" : out;
}

std::string literal(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (special.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string one_of(const std::vector<std::string>& expressions) {
  std::string out;
  for (const auto& expression : expressions) out += (out.empty() ? "(?:" : "|") + expression;
  return out.empty() ? "(?!)" : out + ")";
}

std::string words(const std::vector<std::string>& list) {
  std::vector<std::string> literals;
  for (const auto& word : list) literals.push_back(literal(word));
  return one_of(literals);
}

}  // namespace expr

std::string spelling_key(std::string_view spelling) {
  // Written into a buffer on the stack, then copied once: a string grown a byte at a time cost
  // a tenth of building the patterns. A key is never longer than its spelling.
  char stack[64];
  std::string heap;
  if (spelling.size() > sizeof stack) heap.resize(spelling.size());
  char* const out = spelling.size() > sizeof stack ? heap.data() : stack;
  std::size_t length = 0;
  for (std::size_t i = 0; i < spelling.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(spelling[i]);
    if (c > ' ' && c < 0x80) {  // most bytes: neither white space nor the start of ’
      out[length++] = static_cast<char>(c);
      continue;
    }
    if (const auto space = space_at(spelling, i)) {
      i += space - 1;
      continue;
    }
    if (spelling.substr(i, 3) == "\xE2\x80\x99") {  // ’
      out[length++] = '\'';
      i += 2;
      continue;
    }
    out[length++] = static_cast<char>(c);
  }
  return std::string(out, length);
}

namespace {

// The last word of each Bluebook signal as one alternation, for a look-behind (no loop in it):
// "[Ss]ee", "also" of "See also", "generally" of "See generally". A signal of one word may be a
// string cite's lower-case one ("; accord"); one ending in "," ("E.g.,") is left out, since a
// bare supra after a comma is read without it.
std::string signal_ends(const Table& table) {
  std::set<std::string> either_case, exact;  // sorted: the expression is the same every run
  for (const auto& signal : table.bluebook_signals) {
    const auto words = split_words(signal);
    if (words.empty() || words.back().back() == ',') continue;
    std::string word = words.back();
    if (words.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) {
      word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
      either_case.insert(word);
    } else {
      exact.insert(word);
    }
  }
  std::vector<std::string> words;
  for (const auto& word : either_case) {
    const char first = word[0];
    words.push_back(std::string("[") +
                    static_cast<char>(std::toupper(static_cast<unsigned char>(first))) + first +
                    "]" + expr::literal(word.substr(1)));
  }
  for (const auto& word : exact)  // "see" of "But see" is "[Ss]ee"'s
    if (!either_case.contains(word)) words.push_back(expr::literal(word));
  return expr::one_of(words);
}

// The name particles that are words of lower-case letters: "&" is a word of every name already.
std::vector<std::string> lower_case_particles(const Table& table) {
  std::vector<std::string> out;
  for (const auto& particle : table.name_particles)
    if (std::islower(static_cast<unsigned char>(particle[0]))) out.push_back(particle);
  return out;
}

// The table's spellings of reporters and rule sets, each mapped to its entry, and the pieces of
// expressions the kinds' rows build on (the alternations as tokens).
Spellings spellings_of(const Table& table, SpellingIndex<Reporter>& reporters,
                       SpellingTrie& reporter_trie) {
  using Id = Alternations::Id;
  Spellings out{i18n::Regex::stand_in,
                Alternations::token(Id::rule_set),
                Alternations::token(Id::dotted_rules),
                Alternations::token(Id::public_domain),
                Alternations::token(Id::state_codes),
                Alternations::token(Id::docket_kinds),
                Alternations::token(Id::year_number),
                Alternations::token(Id::paragraph),
                Alternations::token(Id::docket_courts),
                {},
                {},
                {},
                Alternations::token(Id::document_titles),
                {},
                {},
                signal_ends(table),
                expr::words(table.code_divisions),
                expr::words(table.code_publishers),
                expr::words(lower_case_particles(table))};
  auto add_start = [](std::vector<std::string>& starts, const std::string& spelling) {
    const std::string start = spelling.substr(0, 2);
    if (std::find(starts.begin(), starts.end(), start) == starts.end()) starts.push_back(start);
  };
  std::size_t spelling_count = 0;
  for (const auto& reporter : table.reporters) spelling_count += 1 + reporter.variants.size();
  reporters.reserve(spelling_count);
  for (const auto& reporter : table.reporters) {
    reporters.add(spelling_key(reporter.abbreviation), &reporter);
    for (const auto& variant : reporter.variants) reporters.add(spelling_key(variant), &reporter);
    // "T.C. Memo." and "Bankr. L. Rep. (CCH)" are never followed by a volume's page: each kind
    // has its own expression.
    for (std::size_t i = 0; i <= reporter.variants.size(); ++i) {
      const std::string& spelling = i == 0 ? reporter.abbreviation : reporter.variants[i - 1];
      if (reporter.cited == Cited::year_number) {
        add_start(out.year_number_starts, spelling);
      } else if (reporter.cited == Cited::paragraph) {
        const std::string last = spelling.substr(spelling.rfind(' ') + 1);
        if (std::find(out.paragraph_ends.begin(), out.paragraph_ends.end(), last) ==
            out.paragraph_ends.end())
          out.paragraph_ends.push_back(last);
      } else {
        reporter_trie.add(spelling);
      }
    }
  }
  reporters.sort();
  for (const auto& court : table.courts) {
    if (!court.docket_citations) continue;
    for (std::size_t i = 0; i <= court.variants.size(); ++i) {
      const std::string& spelling = i == 0 ? court.abbreviation : court.variants[i - 1];
      const std::string start = "(" + spelling.substr(0, 2);
      if (std::find(out.docket_court_starts.begin(), out.docket_court_starts.end(), start) ==
          out.docket_court_starts.end())
        out.docket_court_starts.push_back(start);
    }
  }
  for (const auto& code : table.public_domain) add_start(out.public_domain_starts, code);
  for (const auto& reporter : table.reporters) {
    if (reporter.category == Category::cases) continue;
    add_start(out.secondary_starts, reporter.abbreviation);
    for (const auto& variant : reporter.variants) add_start(out.secondary_starts, variant);
  }
  return out;
}

// The index of entries of the table (rule sets, courts, document titles) by the keys of their
// abbreviations and variants.
template <class T>
SpellingIndex<T> index_of(const std::vector<T>& entries) {
  SpellingIndex<T> index;
  for (const auto& entry : entries) {
    index.add(spelling_key(entry.abbreviation), &entry);
    for (const auto& variant : entry.variants) index.add(spelling_key(variant), &entry);
  }
  index.sort();
  return index;
}

// The gates' keys of an index's spellings (in its order, sorted), or of a list of the table's.
template <class T>
SpellingKeys keys_of(const SpellingIndex<T>& index) {
  std::vector<std::string> keys;
  for (const auto& [key, entry] : index) keys.push_back(key);
  return SpellingKeys(std::move(keys));
}
SpellingKeys keys_of(const std::vector<std::string>& spellings) {
  std::vector<std::string> keys;
  keys.reserve(spellings.size());
  for (const auto& spelling : spellings) keys.push_back(spelling_key(spelling));
  return SpellingKeys(std::move(keys));
}

}  // namespace

Patterns::Patterns(const Table& table_)
    : table(table_),
      alternations(table_),
      rule_sets([this] { return index_of(table.rule_sets); }),
      courts([this] { return index_of(table.courts); }),
      document_titles([this] { return index_of(table.document_titles); }),
      public_domain_keys([this] { return keys_of(table.public_domain); }),
      state_code_keys([this] { return keys_of(table.state_codes); }),
      title_keys([this] { return keys_of(*document_titles); }),
      rule_set_keys([this] { return keys_of(*rule_sets); }) {
  using namespace expr;
  const Spellings spellings = spellings_of(table, reporters, reporter_spellings);
  auto rows = case_rows(spellings);
  for (auto& row : short_form_rows(spellings)) rows.push_back(std::move(row));
  for (auto& row : code_rows(spellings)) rows.push_back(std::move(row));
  for (auto& row : secondary_rows(spellings)) rows.push_back(std::move(row));
  for (auto& row : rows)
    readers.push_back(std::make_unique<Reading>(std::move(row.expression), std::move(row.anchor),
                                                row.needs, row.read, row.gate, alternations));
  std::vector<std::string> volume_keys, source;  // in the index's order: sorted
  for (const auto& [key, found] : reporters) {
    if (found->cited != Cited::volume_page) continue;  // the gates look for a volume's reporter
    volume_keys.push_back(key);
    if (found->category != Category::cases) source.push_back(key);
  }
  reporter_keys = SpellingKeys(std::move(volume_keys));
  source_keys = SpellingKeys(std::move(source));

  auto suspect = [this](Suspect kind, const std::string& expression,
                        std::vector<std::string> needs = {}) {
    suspects.emplace_back(kind,
                          std::make_unique<LazyRegex>(expression, std::move(needs), &alternations));
  };
  suspect(
      Suspect::reporter_like,
      volume_start +
          R"(\d{1,4}\s+(?<abbr>\p{Lu}[\p{L}\p{Nd}'’]*\.(?:\s?(?:\p{L}[\p{L}'’]*|\d{1,2}(?:d|th|st|nd|rd))\.?){0,3})\s+\d{1,5})" +
          not_in_word);
  suspect(
      Suspect::code_without_section,
      volume_start +
          R"(\d{1,2}\s+(?:U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?|C\.?\s?F\.?\s?R\.?)(?![\p{L}])(?:\s*§§?)?)",
      {"U", "C"});
  suspect(Suspect::bare_abbreviation,
          R"((?<![\p{L}])(?:U\.\s?S\.\s+Const\.|Pub\.\s?L\.(?:\s+No\.)?|)" +
              spellings.dotted_rules + ")",
          {"Const", "Pub", "P.", "R"});
  suspect(Suspect::id_at_nothing, R"((?<![\p{L}\p{Nd}])[Ii]d\.,?\s+at(?!\s*\d))", {"d."});
}

const Reporter* Patterns::reporter(std::string_view written) const {
  return reporters.find(spelling_key(written));
}

std::string Patterns::document_title(std::string_view written) const {
  const auto* found = document_titles->find(spelling_key(written));
  return found ? found->abbreviation : collapse_spaces(written);
}

std::string Patterns::docket_court(std::string_view written) const {
  const std::string key = spelling_key(written);
  for (const auto& court : table.courts) {
    if (!court.docket_citations) continue;
    if (spelling_key(court.abbreviation) == key) return court.abbreviation;
    for (const auto& variant : court.variants)
      if (spelling_key(variant) == key) return variant;
  }
  return collapse_spaces(written);
}

std::string Patterns::court(std::string_view written) const {
  std::string spaced;
  const std::string text = collapse_spaces(written);
  for (std::size_t i = 0; i < text.size(); ++i) {
    spaced += text[i];
    // "D.C.Cir." → "D.C. Cir.": a space before a word that starts after a period.
    if (text[i] == '.' && i + 2 < text.size() &&
        std::isupper(static_cast<unsigned char>(text[i + 1])) &&
        std::islower(static_cast<unsigned char>(text[i + 2])))
      spaced += ' ';
  }
  if (const auto* found = courts->find(spelling_key(spaced))) return found->abbreviation;
  // "WD Tex." → "W.D. Tex.": the districts (T1) are N.D., S.D., E.D., W.D., C.D., M.D.
  auto words = split_words(spaced);
  for (auto& word : words)
    if (word.size() == 2 && word[1] == 'D' &&
        std::string_view("NSEWCM").find(word[0]) != std::string_view::npos)
      word = std::string(1, word[0]) + ".D.";
  return join(words, " ");
}

}  // namespace fiscgen::cite
