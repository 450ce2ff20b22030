// Codes, regulations, session laws, the Constitution and court rules: each kind's expression and
// the function reading its match, side by side, so that a group's name is written in one file.
#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

using namespace expr;

std::string year_suffix(const Groups& g) {
  return g.has("year") ? " (" + collapse_spaces(g["year"]) + ")" : std::string();
}

// "1861(d)(1)" → section "1861", subsections "(d)(1)"; a list or range → each section.
void read_sections(const std::string& sections, bool multi, Citation& c) {
  const auto paren = sections.find('(');
  if (!multi && !c.section_range && paren != std::string::npos) {
    c.subsections = sections.substr(paren);
    c.sections.push_back(sections.substr(0, paren));
    return;
  }
  std::string piece;
  for (std::size_t i = 0; i <= sections.size(); ++i) {
    if (i == sections.size() || sections[i] == ',' || sections.compare(i, 3, en_dash) == 0) {
      if (!collapse_spaces(piece).empty()) c.sections.push_back(collapse_spaces(piece));
      piece.clear();
      if (i < sections.size() && sections[i] != ',') i += 2;
    } else {
      piece += sections[i];
    }
  }
}

bool read_code(const Groups& g, Kind kind, Citation& c) {
  const bool statute = kind == Kind::statute;
  c.kind = kind;
  c.category = statute ? Category::statutes : Category::regulations;
  c.title = g["title"];
  std::string code = "C.F.R.";
  if (statute)
    code = spelling_key(g["code"]).find('A') != std::string::npos ? "U.S.C.A." : "U.S.C.";
  const std::string head =
      c.title + " " + code + " " + (g.has("app") ? collapse_spaces(g["app"]) + " " : "");
  if (g.has("part")) {
    c.sections.push_back(g["part"]);
    c.key = head + "pt. " + g["part"];
    c.normalised = c.key + year_suffix(g);
    return true;
  }
  const bool multi = g.has("multi");
  const std::string sections = normalise_sections(multi ? g["list"] : g["single"]);
  c.section_range = is_range(sections);
  read_sections(sections, multi, c);
  const std::string sign = (multi || c.section_range) ? "§§" + nbsp : "§" + nbsp;
  c.et_seq = g.has("etseq");
  c.key = head + sign + (c.section_range || multi ? sections : c.sections.front());
  c.normalised = head + sign + sections + (c.et_seq ? " et seq." : "") + year_suffix(g);
  return true;
}

bool read_statute(const Groups& g, const Patterns&, Citation& c) {
  return read_code(g, Kind::statute, c);
}

bool read_regulation(const Groups& g, const Patterns&, Citation& c) {
  return read_code(g, Kind::regulation, c);
}

bool read_session_law(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::session_law;
  c.category = Category::statutes;
  c.case_name = trim_case_name(g["name"], patterns.table);
  c.title = g["congress"] + "-" + g["law"];
  c.key = "Pub. L. No. " + c.title;
  c.normalised = with_name(c, c.key);
  if (g.has("section")) {
    const std::string written = collapse_spaces(g["section"]);
    const bool multi = written.rfind("§§", 0) == 0;
    const std::string sections = normalise_sections(collapse_spaces(written.substr(multi ? 4 : 2)));
    c.sections.push_back(sections);
    c.normalised += std::string(multi ? ", §§" : ", §") + nbsp + sections;
  }
  if (g.has("svolume")) {
    c.volume = g["svolume"];
    c.reporter = "Stat.";
    c.first_page = g["spage"];
    c.normalised += ", " + c.volume + " Stat. " + c.first_page;
    if (g.has("spin")) {
      c.pin_cites.push_back(normalise_pin(g["spin"]));
      c.normalised += ", " + c.pin_cites.back();
    }
  }
  c.normalised += year_suffix(g);
  return true;
}

bool read_statutes_at_large(const Groups& g, const Patterns&, Citation& c) {
  c.volume = g["svolume"];
  c.reporter = "Stat.";
  if (g.has("sat")) {
    c.kind = Kind::short_form;
    c.short_form = ShortForm::short_statute;
    c.category = Category::statutes;
    c.pin_cites.push_back(g["sat"]);
    c.normalised = c.volume + " Stat. at " + g["sat"];
    return true;
  }
  c.kind = Kind::session_law;
  c.category = Category::statutes;
  c.first_page = g["spage"];
  c.key = c.volume + " Stat. " + c.first_page;
  c.normalised = c.key + year_suffix(g);
  return true;
}

bool read_constitution(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::constitution;
  c.category = Category::constitutional_provisions;
  if (g.has("preamble")) {
    c.key = c.normalised = "U.S. Const. pmbl.";
    return true;
  }
  const bool amendment = g.has("amend");
  c.title = roman_numeral(amendment ? g["amend"] : g["art"]);
  c.key = "U.S. Const. " + std::string(amendment ? "amend. " : "art. ") + c.title;
  c.normalised = c.key;
  const std::string section = amendment ? g["asec"] : g["sec"];
  const std::string clause = amendment ? g["acl"] : g["cl"];
  if (!section.empty()) {
    c.sections.push_back(section);
    c.normalised += ", §" + nbsp + section;
  }
  if (!clause.empty()) {
    c.subsections = clause;
    c.normalised += ", cl. " + clause;
  }
  return true;
}

bool read_court_rule(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::court_rule;
  c.category = Category::rules;
  const bool of_the = g.has("set2");  // "Rule 6(d) of the FISC Rules of Procedure"
  const std::string set = g[of_the ? "set2" : "set"], rule = g[of_the ? "rule2" : "rule"];
  const auto* found = patterns.rule_sets->find(spelling_key(set));
  c.title = found ? found->abbreviation : collapse_spaces(set);
  c.sections.push_back(rule);
  c.subsections = g[of_the ? "subs2" : "subs"];
  c.key = c.title + " " + rule;
  c.normalised = c.key + c.subsections;
  return true;
}

// "§§ 1861–1862", "§§ 1861, 1862", "§ 1861(d)(1)", "section 1861", "1861".
std::string code_sections() {
  // One section or a range: "1861", "1801–1811", "1881a(b)(1)–(5)".
  // Several sections are a part (expr::part): half of compiling the expression, for a text
  // that holds no "§§".
  const std::string item = code_section + "(?:" + range_dash + code_section + ")?";
  return "(?:" +
         part({"§§"}, R"((?<multi>§§)\s*(?<list>)" + item +
                          R"((?:(?:,\s*(?:and\s+)?|\s+and\s+)(?!\d{1,4}\s+\p{Lu}))" + item +
                          ")*)") +
         R"(|(?:§\s*|[Ss]ections?\s+|[Ss]ecs?\.\s+)?(?<single>)" + item +
         // More subsections of the one section: "§ 552(b)(1), (3)".
         R"((?:,\s*\([a-zA-Z0-9]{1,4}\))" + subsections + ")*))";
}

std::string cfr_sections() {
  // A C.F.R. section: 0.85, 16.11(a), 300.101. Built here, not as a constant of this file: one
  // made of `subsections`, another file's constant, could be initialised before it, and was,
  // to its empty string (no subsection of a regulation was read).
  const std::string cfr_section = R"(\d{1,4}(?:\.\d{1,5}[a-z]?)?)" + subsections;
  return "(?:" +
         part({"§§"}, R"((?<multi>§§)\s*(?<list>)" + cfr_section + "(?:" + range_dash +
                          cfr_section + R"(|(?:,\s*(?:and\s+)?)" + cfr_section + ")+))") +
         R"(|(?:pt\.|[Pp]arts?)\s+(?<part>\d{1,4})|(?:§\s*|[Ss]ections?\s+|[Ss]ec\.\s+)?(?<single>)" +
         cfr_section + "(?:" + range_dash + cfr_section + ")?))";
}

// "U.S. Const. amend. IV"; the Supreme Court's slip opinions write "U. S. Const., Amdt. 4".
std::string constitution() {
  const std::string sec = R"((?:§|(?i:sec(?:tion|\.)?))\s*)";
  const std::string clause = R"((?i:cl(?:ause|\.)?)\s*)";
  return R"((?<![\p{L}])(?i:U\.?\s?S\.?\s+Const(?:itution|\.)?)\s*,?\s+(?:(?i:amend(?:ment|\.)?|amdt\.)\s+(?<amend>(?i:[IVXL]{1,6})|\d{1,2}))" +
         not_in_word + "(?:,\\s*" + sec + R"((?<asec>\d{1,2})(?:,\s*)" + clause +
         R"((?<acl>\d{1,2}))?)?|(?i:art(?:icle|\.)?)\s+(?<art>(?i:[IVX]{1,4})|\d))" + not_in_word +
         "(?:,\\s*" + sec + R"((?<sec>\d{1,2}))?(?:,\s*)" + clause +
         R"((?<cl>\d{1,2}))?|(?<preamble>(?i:pmbl\.|preamble)))" + not_in_word + ")";
}

}  // namespace

std::string section_key(const Citation& code, const Citation& id) {
  // A Restatement is cited by section too (the only secondary source with sections).
  const bool by_section = code.kind == Kind::statute || code.kind == Kind::regulation ||
                          (code.kind == Kind::secondary && !code.sections.empty());
  if (!by_section || id.sections.size() != 1) return code.key;
  // The key's section starts at its sign ("§", or "§§" of a range or list): what follows it goes.
  const std::string sign = "§";
  auto at = code.key.rfind(sign);
  if (at == std::string::npos) return code.key;  // "Fla. Stat. 934.03": no sign to replace
  if (at >= sign.size() && code.key.compare(at - sign.size(), sign.size(), sign) == 0)
    at -= sign.size();
  std::string sections = id.sections.front();  // "1806(g)", "425.17–425.18"
  const bool range = is_range(sections);
  if (!range) sections.resize(std::min(sections.size(), sections.find('(')));  // the section
  return code.key.substr(0, at) + (range ? sign + sign : sign) + nbsp + sections;
}

std::vector<KindRow> code_rows(const Spellings& spellings) {
  const std::string statute =
      volume_start + R"((?<title>\d{1,2})\s+(?<code>U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?))" +
      // An appendix to a title: "18 U.S.C. app. 3 §§ 1–16" (CIPA).
      R"((?:\s+(?<app>app\.\s+\d{1,2})(?=\s*§))?(?![\p{L}])\s*)" + code_sections() + not_in_word +
      R"((?<etseq>\s+et\s+seq\.?)?)" + year_paren;
  const std::string regulation = volume_start +
                                 R"((?<title>\d{1,2})\s+C\.?\s?F\.?\s?R\.?(?![\p{L}])\s*)" +
                                 cfr_sections() + not_in_word + year_paren;
  const std::string act_name = "(?:" + word + R"(\s+){0,10}Act(?:\s+of\s+\d{4})?)";
  const std::string session_law =
      R"((?:Pub\.\s?L\.|Public\s+Law|P\.\s?L\.|Pub\s+L)\s*(?:No\.\s*)?(?<congress>\d{1,3})\s*[-–]\s*(?<law>\d{1,4}))" +
      not_in_word + R"((?:,\s*(?<section>§§?\s*)" + code_section +
      R"())?(?:,\s*(?<svolume>\d{1,3})\s+Stat\.\s+(?<spage>\d{1,5})(?:,\s*(?<spin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?)?)" +
      year_paren;
  const std::string statutes_at_large =
      volume_start +
      R"((?<svolume>\d{1,3})\s+Stat\.\s+(?:(?<spage>\d{1,5})|at\s+(?<sat>\d{1,5})))" + not_in_word +
      year_paren;
  // "Fed. R. Civ. P. 12(b)(6)", and as filers write it, "Rule 6(d) of the FISC Rules of Procedure".
  const std::string court_rule = R"((?<![\p{L}])(?:(?<set>)" + spellings.rule_set +
                                 R"()\s+(?<rule>\d{1,3}(?:\.\d{1,2})?)(?<subs>)" + subsections +
                                 R"()|Rule\s+(?<rule2>\d{1,3}(?:\.\d{1,2})?)(?<subs2>)" +
                                 subsections + R"()\s+of\s+the\s+(?<set2>)" + spellings.rule_set +
                                 "))" + not_in_word;
  return {
      {statute, "", read_statute, {"U"}, Gate::us_code},
      {regulation, "", read_regulation, {"C"}, Gate::cfr},
      {"(?:(?<name>" + act_name + R"(),\s+)?)" + session_law, session_law, read_session_law, {"L"}},
      {statutes_at_large, "", read_statutes_at_large, {"Stat."}},
      {constitution(), "", read_constitution, {"onst", "ONST"}},
      {court_rule, "", read_court_rule, {"R"}, Gate::rule_set},
  };
}

}  // namespace fiscgen::cite
