// The regular expressions that find citations, built from the table (ICU syntax). Each is
// written so that no quantifier can re-split what another took: bounded word counts, words
// without spaces, separators that words cannot contain. That keeps matching linear in practice.
#include <algorithm>

#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

// A word of a case name: capitalised or a number (Smith, U.S., Int'l, 105B), with the short
// abbreviation of a business form a comma may set after it ("Doe, Inc.", "Chase Bank, N.A."),
// a bracketed nickname, or one of the small words names hold (of, the, ex rel.).
const std::string word =
    R"((?:[\p{Lu}\p{Nd}][\p{L}\p{M}\p{Nd}.'’&\-]*(?:,\s+\p{Lu}[\p{Lu}\p{Ll}.]{0,5}\.(?=\s))?|\(\p{Lu}[\p{L}.]*\)|&|of|the|and|for|on|in|to|de|del|la|ex|rel\.|et|al\.|re|parte|a|an|by))";
// "Smith v. Maryland", "In re Sealed Case", "Ex parte Quirin": at most 12 words a side.
const std::string case_name =
    "(?:(?:" + word + R"(\s+){0,12}v(?:s\.?|\.)?\s+(?:)" + word + R"(\s+){0,12})" + word +
    R"(|(?:In\s+re|Ex\s+parte|In\s+the\s+Matter\s+of)\s+(?:)" + word + R"(\s+){0,12})" + word + ")";
// A short name before "supra" or a short case form: "Smith", "Kris & Wilson", or a full name.
const std::string short_name = "(?:" + case_name + "|(?:" + word + R"(\s+){0,4})" + word + ")";
// A pin cite: 742, 742–43, 742 n.5, n.5; never the volume of a parallel citation (checked by
// the caller's lookahead).
const std::string pin =
    R"((?:nn?\.\s*\d{1,4}|\d{1,5}(?:\s*[-–—]\s*\d{1,5})?(?:\s*(?:&\s*)?nn?\.\s*\d{1,4}(?:[-–]\d{1,4})?)?))";
const std::string not_in_word = R"((?![\p{L}\p{Nd}]))";
const std::string volume_start = R"((?<![\p{L}\p{Nd}.§$/\-]))";
// A date parenthetical ends with a year: (1979), (D.C. Cir. Jan. 5, 2010).
const std::string date_paren = R"(\((?:[^()]{0,80}?\s)?\d{4}\))";
const std::string subsections = R"((?:\([a-zA-Z0-9]{1,4}\)){0,8})";
// A code section: 1861, 1881a, 2000e-2, 1320a-7b.
const std::string code_section = R"(\d{1,5}(?:[a-z]{1,3}(?:-\d{1,3}[a-z]{0,2})?)?)" + subsections;
// A C.F.R. section: 0.85, 16.11(a), 300.101.
const std::string cfr_section = R"(\d{1,4}(?:\.\d{1,5}[a-z]?)?)" + subsections;
const std::string range_dash = R"(\s*(?:[-–—]|\bto\b|\bthrough\b)\s*)";
const std::string history_words =
    R"((?:aff['’]d|rev['’]d|vacated|cert\.\s+denied|cert\.\s+granted|cert\.\s+dismissed|overruled\s+by|abrogated\s+by|modified)(?:\s+(?:in\s+part|on\s+other\s+grounds|as\s+moot|and\s+remanded|per\s+curiam)){0,3})";
const std::string year_paren = R"((?:\s*\((?<year>(?:[^()]{0,40}?\s)?\d{4})\))?)";

std::string escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ') {
      if (!out.empty() && i > 0 && text[i - 1] == '.')
        out += R"(\s*)";
      else
        out += R"(\s+)";
    } else if (c == '\'') {
      out += "['’]";
    } else if (std::string_view(R"(\^$.|?*+()[]{}#-/)").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

// Every spelling, longest first, as one alternation.
std::string alternation(std::vector<std::string> spellings) {
  std::sort(spellings.begin(), spellings.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out = "(?:";
  for (std::size_t i = 0; i < spellings.size(); ++i) out += (i ? "|" : "") + escape(spellings[i]);
  return out + ")";
}

}  // namespace

std::string spelling_key(std::string_view spelling) {
  std::string out;
  for (std::size_t i = 0; i < spelling.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(spelling[i]);
    if (const auto length = space_at(spelling, i)) {
      i += length - 1;
      continue;
    }
    if (spelling.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
      continue;
    }  // ’
    out += static_cast<char>(c);
  }
  return out;
}

Patterns::Patterns(const Table& table) {
  std::vector<std::string> reporter_spellings, rule_spellings, dotted_rule_spellings;
  for (const auto& reporter : table.reporters) {
    reporters[spelling_key(reporter.abbreviation)] = &reporter;
    reporter_spellings.push_back(reporter.abbreviation);
    for (const auto& variant : reporter.variants) {
      reporters[spelling_key(variant)] = &reporter;
      reporter_spellings.push_back(variant);
    }
  }
  for (const auto& set : table.rule_sets) {
    rule_sets[spelling_key(set.abbreviation)] = &set;
    rule_spellings.push_back(set.abbreviation);
    dotted_rule_spellings.push_back(set.abbreviation);
    for (const auto& variant : set.variants) {
      rule_sets[spelling_key(variant)] = &set;
      rule_spellings.push_back(variant);
      if (variant.find('.') != std::string::npos) dotted_rule_spellings.push_back(variant);
    }
  }
  const std::string reporter = alternation(reporter_spellings);
  // A pin is never followed by a reporter: then it was the volume of a parallel citation.
  const std::string pin_here = pin + R"((?!\d|\s+)" + reporter + ")";
  const std::string pins = R"((?:,\s+)" + pin_here + ")*";
  const std::string cite_body = R"(\d{1,4}\s+)" + reporter + R"(\s+\d{1,5})" + not_in_word + pins;

  auto add = [this](Pattern kind, const std::string& expression) {
    readers.push_back({kind, i18n::Regex(expression), std::nullopt});
  };
  // A pattern that starts with a name, then `anchored`.
  auto add_named = [this](Pattern kind, const std::string& name, const std::string& anchored) {
    readers.push_back({kind, i18n::Regex(name + anchored), i18n::Regex(anchored)});
  };
  add_named(
      Pattern::full_case, "(?:(?<name>" + case_name + R"(),\s+)?)",
      volume_start + R"((?<volume>\d{1,4})\s+(?<reporter>)" + reporter +
          R"()(?<nominative>\s+\(\d{1,2}\s+\p{Lu}[\p{L}.]{1,8}\))?\s+(?<page>\d{1,5}))" +
          not_in_word + "(?<pins>" + pins + R"()(?<parallel>(?:,\s+)" + cite_body +
          R"()*)(?:\s*\((?<paren>(?:[^()]{0,80}?\s)?\d{4})\)(?:\s*\((?<explanation>(?:[^()]|\([^()]{0,200}\)){1,400})\))?)?(?:,\s+(?<history>)" +
          history_words + R"(,?\s+)" + cite_body + "(?:\\s*" + date_paren + ")?))?");
  add_named(Pattern::short_case, "(?:(?<name>" + short_name + R"(),\s+)?)",
            volume_start + R"((?<volume>\d{1,4})\s+(?<reporter>)" + reporter +
                R"()\s+at\s+(?<pin>)" + pin + ")" + not_in_word);
  // What an Id. or supra names after "§" or "§§": one section or a range of them.
  const std::string section_or_range = code_section + "(?:" + range_dash + code_section + ")?";
  add(Pattern::id, R"((?<![\p{L}\p{Nd}])(?<id>[Ii]d\.)(?:,?\s+at\s+(?<pin>)" + pin + ")" +
                       not_in_word + R"(|\s+(?<sec>§§?\s*)" + section_or_range + ")" + not_in_word +
                       // "Id. at" with no page is not read as a bare Id. (a warning says why).
                       R"()?(?!,?\s+at\b))");
  add_named(Pattern::supra, "(?<name>" + short_name + ")",
            R"(,\s+supra(?:\s+note\s+(?<note>\d{1,4}))?(?:,\s+at\s+(?<pin>)" + pin +
                R"()|,\s+(?<sec>§§?\s*)" + section_or_range + "))?" + not_in_word);
  const std::string sections = R"((?:(?<multi>§§)\s*(?<list>)" + code_section + "(?:" + range_dash +
                               code_section + R"(|(?:,\s*(?:and\s+)?)" + code_section +
                               R"()+|\s+and\s+)" + code_section +
                               R"())|(?:§\s*|[Ss]ections?\s+|[Ss]ecs?\.\s+)?(?<single>)" +
                               code_section + "(?:" + range_dash + code_section + ")?))";
  add(Pattern::statute, volume_start +
                            R"((?<title>\d{1,2})\s+(?<code>U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?))" +
                            R"((?![\p{L}])\s*)" + sections + not_in_word +
                            R"((?<etseq>\s+et\s+seq\.?)?)" + year_paren);
  const std::string cfr_sections =
      R"((?:(?<multi>§§)\s*(?<list>)" + cfr_section + "(?:" + range_dash + cfr_section +
      R"(|(?:,\s*(?:and\s+)?)" + cfr_section +
      R"()+))|(?:pt\.|[Pp]arts?)\s+(?<part>\d{1,4})|(?:§\s*|[Ss]ections?\s+|[Ss]ec\.\s+)?(?<single>)" +
      cfr_section + "(?:" + range_dash + cfr_section + ")?))";
  add(Pattern::regulation, volume_start +
                               R"((?<title>\d{1,2})\s+C\.?\s?F\.?\s?R\.?(?![\p{L}])\s*)" +
                               cfr_sections + not_in_word + year_paren);
  const std::string act_name = "(?:" + word + R"(\s+){0,10}Act(?:\s+of\s+\d{4})?)";
  add_named(
      Pattern::session_law, "(?:(?<name>" + act_name + R"(),\s+)?)",
      R"((?:Pub\.\s?L\.|Public\s+Law|P\.\s?L\.|Pub\s+L)\s*(?:No\.\s*)?(?<congress>\d{1,3})\s*[-–]\s*(?<law>\d{1,4}))" +
          not_in_word + R"((?:,\s*(?<section>§§?\s*)" + code_section +
          R"())?(?:,\s*(?<svolume>\d{1,3})\s+Stat\.\s+(?<spage>\d{1,5})(?:,\s*(?<spin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?)?)" +
          year_paren);
  add(Pattern::statutes_at_large,
      volume_start +
          R"((?<svolume>\d{1,3})\s+Stat\.\s+(?:(?<spage>\d{1,5})|at\s+(?<sat>\d{1,5})))" +
          not_in_word + year_paren);
  const std::string sec = R"((?:§|(?i:sec(?:tion|\.)?))\s*)";
  const std::string clause = R"((?i:cl(?:ause|\.)?)\s*)";
  add(Pattern::constitution,
      R"((?<![\p{L}])(?i:U\.?\s?S\.?\s+Const(?:itution|\.)?)\s*,?\s+(?:(?i:amend(?:ment|\.)?)\s+(?<amend>(?i:[IVXL]{1,6})|\d{1,2}))" +
          not_in_word + "(?:,\\s*" + sec + R"((?<asec>\d{1,2})(?:,\s*)" + clause +
          R"((?<acl>\d{1,2}))?)?|(?i:art(?:icle|\.)?)\s+(?<art>(?i:[IVX]{1,4})|\d))" + not_in_word +
          "(?:,\\s*" + sec + R"((?<sec>\d{1,2}))?(?:,\s*)" + clause +
          R"((?<cl>\d{1,2}))?|(?<preamble>(?i:pmbl\.|preamble)))" + not_in_word + ")");
  add(Pattern::court_rule, R"((?<![\p{L}])(?<set>)" + alternation(rule_spellings) +
                               R"()\s+(?<rule>\d{1,3}(?:\.\d{1,2})?)(?<subs>)" + subsections + ")" +
                               not_in_word);

  auto suspect = [this](Suspect kind, const std::string& expression) {
    suspects.emplace_back(kind, i18n::Regex(expression));
  };
  suspect(
      Suspect::reporter_like,
      volume_start +
          R"(\d{1,4}\s+(?<abbr>\p{Lu}[\p{L}\p{Nd}'’]*\.(?:\s?(?:\p{L}[\p{L}'’]*|\d{1,2}(?:d|th|st|nd|rd))\.?){0,3})\s+\d{1,5})" +
          not_in_word);
  suspect(
      Suspect::code_without_section,
      volume_start +
          R"(\d{1,2}\s+(?:U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?|C\.?\s?F\.?\s?R\.?)(?![\p{L}])(?:\s*§§?)?)");
  suspect(Suspect::bare_abbreviation,
          R"((?<![\p{L}])(?:U\.\s?S\.\s+Const\.|Pub\.\s?L\.(?:\s+No\.)?|)" +
              alternation(dotted_rule_spellings) + ")");
  suspect(Suspect::id_at_nothing, R"((?<![\p{L}\p{Nd}])[Ii]d\.,?\s+at(?!\s*\d))");
}

}  // namespace fiscgen::cite
