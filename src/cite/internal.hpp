// Shared by the cite/ implementation files; never included outside src/cite/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cite/cite.hpp"
#include "i18n/i18n.hpp"

namespace fiscgen::cite {

/// The kinds of text the reader matches, one regular expression each.
enum class Pattern {
  full_case,
  short_case,
  id,
  supra,
  statute,
  regulation,
  session_law,
  statutes_at_large,
  constitution,
  court_rule
};

/// Patterns that find text that looks like a citation but did not read as one.
enum class Suspect { reporter_like, code_without_section, bare_abbreviation, id_at_nothing };

/// The compiled expressions, and the maps from a written spelling to the standard one.
struct Patterns {
  struct Reading {
    Pattern kind;
    i18n::Regex regex;
    /// What every match of `regex` holds after the case or act name that may start it. Where it
    /// matches nowhere, `regex` is not run: trying a name at every place of a text is the costly
    /// part of finding citations.
    std::optional<i18n::Regex> anchor;
  };
  std::vector<Reading> readers;
  std::vector<std::pair<Suspect, i18n::Regex>> suspects;
  std::map<std::string, const Reporter*> reporters;  // by spelling_key()
  std::map<std::string, const RuleSet*> rule_sets;   // by spelling_key()

  explicit Patterns(const Table& table);
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
  std::size_t end() const { return match_[0].end; }

 private:
  const i18n::Regex::Span& span(const char* name) const;
  const i18n::Regex& regex_;
  const i18n::Regex::Match& match_;
  std::string_view text_;
};

// normalise.cpp: the Bluebook forms.

/// The length in bytes of the white space character at byte i (every one ICU's \s matches:
/// ASCII, NBSP, the Unicode space separators), or 0.
std::size_t space_at(std::string_view text, std::size_t i);
/// Runs of white space (NBSP included) as one space; trimmed.
std::string collapse_spaces(std::string_view text);
/// "vs." and "v" between parties as "v.", spaces collapsed.
std::string normalise_case_name(std::string_view name);
/// Page and section ranges with an en dash; "n. 5" as "n.5".
std::string normalise_pin(std::string_view pin);
/// "D.C. Cir. January 5, 2010" → court "D.C. Cir.", date "Jan. 5, 2010" (Bluebook months).
void split_date_parenthetical(std::string_view paren, std::string& court, std::string& date);
/// "4" or "iv" → "IV"; anything else unchanged.
std::string roman_numeral(std::string_view number);

/// Fills a citation's parts and normalised form from its match. Returns false when the match
/// is not a citation after all (a "case name" that is only signal words, say).
bool read_parts(Pattern pattern, const Groups& groups, const Patterns& patterns, const Table& table,
                Citation& citation);

}  // namespace fiscgen::cite
