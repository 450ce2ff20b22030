// Cases and the short forms that point back to an authority: each kind's expression and the
// function reading its match, side by side, so that a group's name is written in one file.
#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

using namespace expr;

const std::string history_words =
    R"((?:aff['’]d|rev['’]d|vacated|cert\.\s+denied|cert\.\s+granted|cert\.\s+dismissed|overruled\s+by|abrogated\s+by|modified)(?:\s+(?:in\s+part|on\s+other\s+grounds|as\s+moot|and\s+remanded|per\s+curiam)){0,3})";

// The reporter's standard form; as written if a spelling somehow escaped the table's keys.
std::string standard_reporter(const Patterns& patterns, const std::string& written) {
  const auto* found = patterns.reporter(written);
  return found ? found->abbreviation : collapse_spaces(written);
}

// ", 742, 745 n.3" → "742", "745 n.3"
std::vector<std::string> pins_of(const std::string& pins) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i <= pins.size(); ++i) {
    if (i == pins.size() || pins[i] == ',') {
      const auto trimmed = normalise_pin(current);
      if (!trimmed.empty()) out.push_back(trimmed);
      current.clear();
    } else {
      current += pins[i];
    }
  }
  return out;
}

// ", 99 S.Ct. 2577, 2580, 61 L.Ed.2d 220": each parallel citation with its reporter normalised
// (looked up word-wise), a pin joined to the citation before it.
std::vector<std::string> parallels_of(const Patterns& patterns, const std::string& written) {
  std::vector<std::string> out;
  const std::string parallel = collapse_spaces(written);
  std::size_t at = 0;
  while (at < parallel.size()) {
    while (at < parallel.size() && (parallel[at] == ',' || parallel[at] == ' ')) ++at;
    const std::size_t end = parallel.find(", ", at);
    const std::string piece =
        parallel.substr(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? parallel.size() : end;
    if (piece.empty()) continue;
    const auto words = split_words(piece);
    if (words.size() >= 3 && is_digits(words.front()) && is_digits(words.back())) {
      const std::vector<std::string> middle(words.begin() + 1, words.end() - 1);
      const auto* found = patterns.reporter(join(middle, " "));
      out.push_back(words.front() + " " + (found ? found->abbreviation : join(middle, " ")) + " " +
                    words.back());
    } else if (!out.empty()) {
      out.back() += ", " + normalise_pin(piece);
    }
  }
  return out;
}

bool read_full_case(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::case_law;
  c.category = Category::cases;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  c.volume = g["volume"];
  c.reporter = standard_reporter(patterns, g["reporter"]);
  c.first_page = g["page"];
  c.pin_cites = pins_of(g["pins"]);
  if (g.has("parallel")) c.parallel = parallels_of(patterns, g["parallel"]);
  if (g.has("paren")) split_date_parenthetical(g["paren"], c.court, c.date);
  c.explanation = collapse_spaces(g["explanation"]);
  c.history = collapse_spaces(g["history"]);
  // Early volumes of the U.S. Reports name their reporter too: 5 U.S. (1 Cranch) 137.
  const std::string nominative = collapse_spaces(g["nominative"]);
  c.key = c.volume + " " + c.reporter + " " + (nominative.empty() ? "" : nominative + " ") +
          c.first_page;
  c.normalised = (c.case_name.empty() ? "" : c.case_name + ", ") + c.key;
  for (const auto& pin : c.pin_cites) c.normalised += ", " + pin;
  for (const auto& other : c.parallel) c.normalised += ", " + other;
  if (!c.date.empty()) c.normalised += " (" + (c.court.empty() ? "" : c.court + " ") + c.date + ")";
  if (!c.explanation.empty()) c.normalised += " (" + c.explanation + ")";
  if (!c.history.empty()) c.normalised += ", " + c.history;
  return true;
}

bool read_short_case(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::short_case;
  c.category = Category::cases;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  c.volume = g["volume"];
  c.reporter = standard_reporter(patterns, g["reporter"]);
  c.pin_cites.push_back(normalise_pin(g["pin"]));
  c.normalised = (c.case_name.empty() ? "" : c.case_name + ", ") + c.volume + " " + c.reporter +
                 " at " + c.pin_cites.back();
  return true;
}

bool read_id(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::id;
  c.normalised = g["id"];
  if (g.has("pin")) {
    c.pin_cites.push_back(normalise_pin(g["pin"]));
    c.normalised += " at " + c.pin_cites.back();
  } else if (g.has("sec")) {
    std::string sections;
    c.normalised += " " + section_reference(g["sec"], sections);
    c.sections.push_back(sections);
  }
  return true;
}

bool read_supra(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::supra;
  c.category = Category::other;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  if (c.case_name.empty()) return false;
  c.normalised = c.case_name + ", supra";
  if (g.has("note")) c.normalised += " note " + g["note"];
  if (g.has("pin")) {
    c.pin_cites.push_back(normalise_pin(g["pin"]));
    c.normalised += ", at " + c.pin_cites.back();
  } else if (g.has("sec")) {
    std::string sections;
    c.normalised += ", " + section_reference(g["sec"], sections);
  }
  return true;
}

}  // namespace

std::vector<KindRow> case_rows(const Spellings& spellings) {
  const std::string& reporter = spellings.reporter;
  // A pin is never followed by a reporter: then it was the volume of a parallel citation.
  const std::string pin_here = pin + R"((?!\d|\s+)" + reporter + ")";
  const std::string pins = R"((?:,\s+)" + pin_here + ")*";
  const std::string cite_body = R"(\d{1,4}\s+)" + reporter + R"(\s+\d{1,5})" + not_in_word + pins;

  const std::string full_case =
      volume_start + R"((?<volume>\d{1,4})\s+(?<reporter>)" + reporter +
      R"()(?<nominative>\s+\(\d{1,2}\s+\p{Lu}[\p{L}.]{1,8}\))?\s+(?<page>\d{1,5}))" + not_in_word +
      "(?<pins>" + pins + R"()(?<parallel>(?:,\s+)" + cite_body +
      R"()*)(?:\s*\((?<paren>(?:[^()]{0,80}?\s)?\d{4})\)(?:\s*\((?<explanation>(?:[^()]|\([^()]{0,200}\)){1,400})\))?)?(?:,\s+(?<history>)" +
      history_words + R"(,?\s+)" + cite_body + "(?:\\s*" + date_paren + ")?))?";
  const std::string short_case = volume_start + R"((?<volume>\d{1,4})\s+(?<reporter>)" + reporter +
                                 R"()\s+at\s+(?<pin>)" + pin + ")" + not_in_word;
  const std::string id = R"((?<![\p{L}\p{Nd}])(?<id>[Ii]d\.)(?:,?\s+at\s+(?<pin>)" + pin + ")" +
                         not_in_word + R"(|\s+(?<sec>§§?\s*)" + section_or_range + ")" +
                         not_in_word +
                         // "Id. at" with no page is not read as a bare Id. (a warning says why).
                         R"()?(?!,?\s+at\b))";
  const std::string supra = R"(,\s+supra(?:\s+note\s+(?<note>\d{1,4}))?(?:,\s+at\s+(?<pin>)" + pin +
                            R"()|,\s+(?<sec>§§?\s*)" + section_or_range + "))?" + not_in_word;
  const std::string named = "(?:(?<name>" + case_name + R"(),\s+)?)";
  return {
      {named + full_case, full_case, read_full_case},
      {"(?:(?<name>" + short_name + R"(),\s+)?)" + short_case, short_case, read_short_case},
      {id, "", read_id},
      {"(?<name>" + short_name + ")" + supra, supra, read_supra},
  };
}

}  // namespace fiscgen::cite
