// Cases cited in full: each kind's expression and the function reading its match, side by side,
// so that a group's name is written in one file (the short forms: short_forms.cpp).
#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

using namespace expr;

// "aff'd sub nom. United States v. Jones, 565 U.S. 400": the name the later decision bears is
// the history's too (any text up to the comma before its citation: a case name is costly). Each
// match holds a literal of case_rows' part, a fifth of compiling the case pattern.
const std::string history_words =
    R"((?:aff['’]d|rev['’]d|vacated|quashed|cert\.\s+denied|cert\.\s+granted|cert\.\s+dismissed|overruled\s+by|abrogated\s+by|modified)(?:\s+(?:in\s+part|on\s+other\s+grounds|as\s+moot|as\s+modified|and\s+remanded|per\s+curiam)){0,3}(?:\s+sub\s+nom\.\s+[^();]{1,150}?)?)";

// "(1 Cra.)" → "(1 Cranch)": the nominative reporter's volume, in its standard spelling.
std::string nominative_of(const Patterns& patterns, const std::string& written) {
  const std::string inside = collapse_spaces(written);
  const auto space = inside.find(' ');
  if (inside.size() < 4 || space == std::string::npos) return inside;
  const std::string abbreviation = inside.substr(space + 1, inside.size() - space - 2);
  return inside.substr(0, space + 1) + standard_reporter(patterns, abbreviation) + ")";
}

// A well-formed lower-case roman numeral up to 399 ("lxiv"), or a page that is none (digits,
// a blank "___"): not a word of the numerals' letters ("civil", "mix", "ill").
bool roman_page_or_other(const std::string& page) {
  if (page.empty() || page[0] < 'a' || page[0] > 'z') return true;
  for (int value = 1; value < 400; ++value) {
    std::string numeral(static_cast<std::size_t>(value / 100), 'c');
    if (value % 100 != 0) numeral += roman_numeral(std::to_string(value % 100));
    for (auto& letter : numeral) letter = static_cast<char>(std::tolower(letter));
    if (numeral == page) return true;
  }
  return false;
}

bool read_full_case(const Groups& g, const Patterns& patterns, Citation& c) {
  if (!roman_page_or_other(g["page"])) return false;
  const Reporter* found = patterns.reporter(g["reporter"]);
  c.category = found ? found->category : Category::cases;
  c.kind = c.category == Category::cases       ? Kind::case_law
           : c.category == Category::executive ? Kind::executive
                                               : Kind::secondary;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  c.volume = g["volume"];
  c.reporter = standard_reporter(patterns, g["reporter"]);
  c.first_page = g["page"];
  // New York's unreported decisions: "45 Misc 3d 1201[A]" is written "45 Misc. 3d 1201(A)".
  if (c.first_page.ends_with("[A]")) c.first_page.replace(c.first_page.size() - 3, 3, "(A)");
  c.pin_cites = pins_of(g["pins"]);
  if (g.has("parallel")) c.parallel = parallels_of(patterns, g["parallel"]);
  // In brackets, California's parallels ("[134 S.Ct. 2473]") or New York's date ("[2d Dept 2013]").
  const auto bracketed =
      g.has("bracketed") ? parallels_of(patterns, g["bracketed"]) : std::vector<std::string>{};
  c.parallel.insert(c.parallel.end(), bracketed.begin(), bracketed.end());
  if (g.has("paren")) split_date_parenthetical(g["paren"], c.court, c.date);
  if (c.date.empty() && g.has("bracketed") && bracketed.empty())
    split_date_parenthetical(g["bracketed"], c.court, c.date);
  if (c.date.empty() && g.has("nameyear")) c.date = g["nameyear"];
  c.court = patterns.court(c.court);
  c.explanation = collapse_spaces(g["explanation"]);
  // "585 U. S. ___, ___ (2018) (slip op., at 11)": the Bluebook's "(slip op. at 11)".
  if (c.explanation.rfind("slip op., at ", 0) == 0) c.explanation.erase(8, 1);
  c.history = collapse_spaces(g["history"]);
  // Early volumes of the U.S. Reports name their reporter too: 5 U.S. (1 Cranch) 137, also when
  // written "1 Cranch 137".
  std::string nominative = g.has("nominative") ? nominative_of(patterns, g["nominative"]) : "";
  if (nominative.empty()) to_official(patterns, c.volume, c.reporter, nominative);
  if (c.first_page.rfind("___", 0) == 0) c.first_page = "___";  // as the Supreme Court writes it
  const std::string cite = c.volume + " " + c.reporter + " " +
                           (nominative.empty() ? "" : nominative + " ") + c.first_page;
  // "573 U.S. ___": pages not yet assigned, so two cases of a volume are told apart by name.
  c.key = c.first_page == "___" && !c.case_name.empty() ? c.case_name + ", " + cite : cite;
  c.normalised = with_name(c, cite);
  for (const auto& pin : c.pin_cites) c.normalised += ", " + pin;
  for (const auto& other : c.parallel) c.normalised += ", " + other;
  if (!c.date.empty()) c.normalised += " (" + (c.court.empty() ? "" : c.court + " ") + c.date + ")";
  if (!c.explanation.empty()) c.normalised += " (" + c.explanation + ")";
  if (!c.history.empty()) c.normalised += ", " + c.history;
  return true;
}

// The court and date of "(E.D.N.Y. Mar. 8, 2016)", written the Bluebook's way.
std::string date_part(const Groups& g, const Patterns& patterns, Citation& c) {
  if (!g.has("paren")) return {};
  split_date_parenthetical(g["paren"], c.court, c.date);
  c.court = patterns.court(c.court);
  return " (" + (c.court.empty() ? "" : c.court + " ") + c.date + ")";
}

// A docket number as the Bluebook writes it (rule 10.8.1): "Docket No. BR 14-01" → "No. BR 14-01".
std::string docket_of(const Groups& g) {
  std::string docket = collapse_spaces(g["docket"]);
  if (const auto at = docket.find("Docket No."); at != std::string::npos) docket.erase(at, 7);
  return docket;
}

// "2014 WI 89", "2014-Ohio-4795", with the parallel citations a public-domain cite carries.
bool read_public_domain(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::case_law;
  c.category = Category::cases;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  c.key = collapse_spaces(g["pd"]);
  c.pin_cites = pins_of(g["pins"]);
  if (g.has("parallel")) c.parallel = parallels_of(patterns, g["parallel"]);
  c.normalised =
      with_name(c, (g.has("district") ? collapse_spaces(g["district"]) + ", " : "") + c.key);
  for (const auto& pin : c.pin_cites) c.normalised += ", " + pin;
  for (const auto& other : c.parallel) c.normalised += ", " + other;
  c.normalised += date_part(g, patterns, c);
  return true;
}

// "Smith v. Commissioner, T.C. Memo. 2019-233, at *4": a designation the court numbers by year.
bool read_year_number(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::case_law;
  c.category = Category::cases;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  c.reporter = standard_reporter(patterns, g["reporter"]);
  c.volume = g["year"];
  c.first_page = g["number"];
  c.key = c.reporter + " " + c.volume + "-" + c.first_page;
  c.pin_cites = pins_of(g["pins"]);
  c.normalised = with_name(c, c.key);
  if (!c.pin_cites.empty()) c.normalised += ", at " + join(c.pin_cites, ", ");
  c.normalised += date_part(g, patterns, c);
  return true;
}

// "In re Smith, Bankr. L. Rep. (CCH) ¶ 73,456 (Bankr. S.D.N.Y. 1990)", "1982-1 Trade Cas. (CCH)
// ¶ 64,689": a looseleaf service's paragraph, West's "P" for "¶" written as the Bluebook does.
bool read_paragraph(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::case_law;
  c.category = Category::cases;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  c.volume = g["volume"];
  c.reporter = standard_reporter(patterns, g["reporter"]);
  c.first_page = g["paragraph"];
  c.key = (c.volume.empty() ? "" : c.volume + " ") + c.reporter + " ¶ " + c.first_page;
  c.normalised = with_name(c, c.key);
  if (g.has("pins")) {
    c.pin_cites = pins_of(g["pins"]);
    c.normalised += ", at " + join(c.pin_cites, ", ");
  }
  c.normalised += date_part(g, patterns, c);
  return true;
}

// "State v. Brown, 2009-1234 (La. App. 4 Cir. 2/3/10)": a court's own docket number and the
// court and date as its rule writes them (Louisiana's uniform citation), kept as written.
bool read_court_docket(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::case_law;
  c.category = Category::cases;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  c.court = patterns.docket_court(g["court"]);
  c.date = g["date"];
  c.key = collapse_spaces(g["number"]) + " (" + c.court + " " + c.date + ")";
  c.normalised = with_name(c, c.key);
  return true;
}

// "Name, No. 11-CR-623, 2016 WL 1029500, at *6 (E.D.N.Y. Mar. 8, 2016)" and Lexis alike; with
// a short name and no date, the short form "Mohamud, 2014 WL 2866749, at *18".
bool read_database(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::case_law;
  c.category = Category::cases;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  c.key = collapse_spaces(g["db"]);
  c.pin_cites = pins_of(g["pins"]);
  const std::string docket = docket_of(g);
  c.docket = docket;
  // "Mem. Op., Misc. No. 13-02, 2013 WL 5460064": a court's document by its title.
  if (g.has("title")) c.title = patterns.document_title(g["title"]);
  const std::string& head = c.title.empty() ? c.case_name : c.title;
  c.normalised = (head.empty() ? "" : head + ", ") + (docket.empty() ? "" : docket + ", ") + c.key;
  if (!c.pin_cites.empty()) c.normalised += ", at " + join(c.pin_cites, ", ");
  c.normalised += date_part(g, patterns, c);
  if (c.date.empty() && docket.empty() && !c.case_name.empty() && !c.pin_cites.empty() &&
      c.case_name.find(' ') == std::string::npos) {
    c.kind = Kind::short_form;
    c.short_form = ShortForm::short_case;
    c.volume = c.key;  // resolve() finds the authority by its key
  }
  return true;
}

// A slip opinion by docket, as FISC opinions are cited: "In re …, No. BR 13-109, slip op. at 5
// (FISA Ct. Aug. 29, 2013)"; with no case name, by the document's title (Bluebook table BT1):
// "Mem. Op. at 5, Misc. No. 13-02 (FISA Ct. Sept. 13, 2013)". The title, the docket and the date
// are the authority: a docket holds several orders.
bool read_docket(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::case_law;
  c.category = Category::cases;
  const std::string docket = docket_of(g);
  if (g.has("title")) {
    c.title = patterns.document_title(g["title"]);
    c.normalised = c.title;
    if (g.has("titlepin")) {
      c.pin_cites = pins_of(g["titlepin"]);
      c.normalised += " at " + join(c.pin_cites, ", ");
    }
  } else if (g.has("name")) {
    c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
    if (c.case_name.empty()) return false;
    c.normalised = c.case_name;
  } else if (!g.has("slip")) {
    return false;  // a docket alone is a slip opinion's only when "slip op." says so
  }
  c.normalised += (c.normalised.empty() ? "" : ", ") + docket;
  if (g.has("slip")) {
    c.normalised += ", slip op.";
    if (g.has("pin")) {
      c.pin_cites = pins_of(g["pin"]);
      c.normalised += " at " + join(c.pin_cites, ", ");
    }
  } else if (g.has("atpin")) {
    c.pin_cites = pins_of(g["atpin"]);
    c.normalised += ", at " + join(c.pin_cites, ", ");
  }
  const std::string date = date_part(g, patterns, c);
  c.normalised += date;
  c.key = c.title.empty() ? docket : c.title + ", " + docket + date;
  return true;
}

}  // namespace

std::string standard_reporter(const Patterns& patterns, const std::string& written) {
  const auto* found = patterns.reporter(written);
  return found ? found->abbreviation : collapse_spaces(written);
}

void to_official(const Patterns& patterns, std::string& volume, std::string& reporter,
                 std::string& nominative) {
  const Reporter* found = patterns.reporter(reporter);
  if (found == nullptr || found->official.empty() || volume.empty() || volume.size() > 3) return;
  const int number = std::stoi(volume);
  if (number < 1 || found->official_first + number - 1 > found->official_last) return;
  nominative = "(" + volume + " " + found->abbreviation + ")";
  volume = std::to_string(found->official_first + number - 1);
  reporter = found->official;
}

std::vector<std::string> pins_of(const std::string& pins) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i <= pins.size(); ++i) {
    // "10,889" is one page: a comma with a digit right after it separates thousands.
    const bool thousands =
        i + 1 < pins.size() && std::isdigit(static_cast<unsigned char>(pins[i + 1]));
    if (i == pins.size() || (pins[i] == ',' && !thousands)) {
      const auto trimmed = normalise_pin(current);
      // "291, n. 6" is one pin: the note on that page (rule 3.2(b)).
      if (!trimmed.empty() && trimmed[0] == 'n' && !out.empty())
        out.back() += " " + trimmed;
      else if (!trimmed.empty())
        out.push_back(trimmed);
      current.clear();
    } else {
      current += pins[i];
    }
  }
  return out;
}

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
    if (words.size() == 1 && public_domain_shape(piece)) {
      out.push_back(piece);  // "2009-Ohio-6426"
    } else if (piece.find(" NY Slip Op ") != std::string::npos) {
      std::string slip = piece;  // "2014 NY Slip Op 51456[U]" → "2014 NY Slip Op 51456(U)"
      if (slip.ends_with("[U]")) slip.replace(slip.size() - 3, 3, "(U)");
      out.push_back(slip);
    } else if (words.size() >= 3 && is_digits(words.front()) && is_digits(words.back())) {
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

std::string pin_of_citation(const Spellings& spellings) {
  return pin + R"((?!\d|-\p{Lu}|\s+NY\s+Slip|\s+?)" + spellings.reporter + ")";
}

std::string parallel_citation(const Spellings& spellings) {
  return R"(\d{1,4}\s+?)" + spellings.reporter + R"(\s+?\d{1,5})" + not_in_word + R"((?:,\s+?)" +
         pin_of_citation(spellings) + ")*";
}

std::vector<KindRow> case_rows(const Spellings& spellings) {
  const std::string& reporter = spellings.reporter;
  const std::string case_name = expr::case_name(spellings.name_particles);
  const std::string pin_here = pin_of_citation(spellings);
  const std::string pins = R"((?:,\s+?)" + pin_here + ")*";
  const std::string cite_body = parallel_citation(spellings);
  // Ohio's and New Mexico's public-domain citation between the official and the regional
  // reporter: "124 Ohio St. 3d 163, 2009-Ohio-6426, 920 N.E.2d 949". Its shape, not the table's
  // spellings: the case pattern's size is the cost of compiling it.
  // A part (expr::part): a text with no "-" nor "Slip" holds none.
  const std::string parallel_body =
      "(?:" +
      part({"-", "Slip"},
           R"((?:\d{4}-\p{Lu}\p{L}{1,7}-\d{1,6}|\d{4}\s+NY\s+Slip\s+Op\s+\d{1,6}[\[(]U[\])]))" +
               not_in_word + pins) +
      "|" + cite_body + ")";

  // "vacated as moot, No. 15-5307, 2016 WL 210468 (D.C. Cir. Jan. 12, 2016)": a later decision
  // found only in a database is the same case's history, not an authority of its own.
  const std::string history_database =
      R"((?:No\.\s+[\w.:\-]{1,20},\s+)?\d{4}\s+(?:WL|U\.\s?S\.\s+(?:App\.\s+|Dist\.\s+)?LEXIS)\s+\d{1,9}(?:,\s+at\s+\*\d{1,5})?)";
  // "(quoting …)", "(citing …)": a citation of its own, not the host's explanation.
  const std::string explanation =
      R"((?:\s*\((?!(?:quoting|citing|overruling|abrogating|cited\s+in|quoted\s+in)\s)(?<explanation>(?:[^()]|\([^()]{0,200}\)){1,400})\))?)";
  // A page of a volume's front matter in lower-case roman numerals ("12 Neb. App. lxiv"); a word
  // of their letters ("civil", "mix") is refused by read_full_case. Kept to one character class:
  // each construct adds to compiling the case pattern, the cost of a short text.
  const std::string roman_page = R"((?!v\.)[clxvi]{1,9})";
  const std::string full_case =
      volume_start + R"((?<volume>\d{1,4})\s+?(?<reporter>)" + reporter +
      R"()(?<nominative>\s+\(\d{1,2}\s+\p{Lu}[\p{L}.]{1,8}\))?\s+?(?<page>\d{1,5}(?:-[A-Z]|[\[(]A[\])])?|)" +
      roman_page + R"(|_{3,}))" + not_in_word + "(?<pins>(?:,\\s+_{3,})?" + pins +
      R"()(?<parallel>(?:,\s+?)" + parallel_body +
      R"()*)(?:\s*\[(?<bracketed>\d[^\[\]()]{0,120}?\d)\])?(?:\s*\((?<paren>(?:[^()]{0,80}?[\s.])?\d{4})\))" +
      explanation + ")?(?:" +
      part({"aff", "rev", "vacated", "quashed", "cert.", "overruled", "abrogated", "modified"},
           R"(,\s+(?<history>)" + history_words + R"(,?\s+(?:)" + cite_body + "|" +
               history_database + ")(?:\\s*" + date_paren + ")?)") +
      ")?";
  const std::string named = "(?:(?<name>" + case_name + R"(),?\s+)?)";
  // California's style: the year after the name, parallels in brackets ("People v. Leyba (1981)
  // 29 Cal.3d 591, 596 [174 Cal.Rptr. 867]"), written the Bluebook's way.
  const std::string named_year =
      "(?:(?<name>" + case_name + R"()(?:\s+\((?<nameyear>\d{4})\))?,?\s+)?)";
  const std::string paren = R"((?:\s*\((?<paren>(?:[^()]{0,80}?[\s.])?\d{4})\)))";
  // Ohio's courts of appeals name the district, county and docket before the citation: "State v.
  // Jones, 8th Dist. Cuyahoga No. 101234, 2015-Ohio-1234" (kept as written).
  const std::string ohio_district =
      R"((?:(?<district>\d{1,2}(?:st|nd|rd|th)\s+Dist\.\s+(?:\p{Lu}\p{L}+\s+){1,2}Nos?\.\s+[\w\-]{1,12}(?:,\s+[\w\-]{1,12}){0,3}),\s+)?)";
  const std::string public_domain =
      R"((?<![\p{L}\p{Nd}])(?<pd>\d{4}(?:-)" + spellings.public_domain + R"(-\d{1,6}|\s+)" +
      spellings.public_domain + R"(\s+\d{1,6})))" + not_in_word + "(?<pins>(?:,\\s+" + pin_here +
      ")*)" + R"((?<parallel>(?:,\s+)" + cite_body + ")*)" + paren + "?";
  // "Misc. No. 13-02", "No. BR 14-01", "Docket No. Misc. 13-02" (the FISC's captions), "No. 98
  // Crim. 1023" (the Southern District of New York's).
  const std::string docket_number =
      "(?:" + spellings.docket_kinds +
      R"(\s+)?(?:Docket\s+)?No\.\s+(?:[A-Z][A-Za-z.]*\s+){0,2}\d[\w:.\-]*(?:\s+)" +
      spellings.docket_kinds + R"(\s+\d[\w:.\-]*)?)";
  const std::string database =
      R"((?:(?<docket>)" + docket_number +
      R"(),\s+)?(?<db>\d{4}\s+(?:WL|U\.\s?S\.\s+(?:App\.\s+|Dist\.\s+)?LEXIS|\p{Lu}[\p{L}.]{0,12}(?:\s+\p{Lu}[\p{L}.]{0,12}){0,2}\s+LEXIS)\s+\d{1,9}))" +
      not_in_word + R"((?:,\s+at\s+(?:pp?\.\s*?)?(?<pins>)" + pin + "(?:,\\s+" + pin + ")*))?" +
      paren + "?";
  // "T.C. Memo. 2019-233": the designation, the year, the number.
  // Each anchor below starts at the designation or service, not at a look-behind or an optional
  // volume: the engine tried those at every letter or digit of a long text.
  const std::string year_number_tail = R"((?<reporter>)" + spellings.year_number +
                                       R"()\s+(?<year>\d{4})-(?<number>\d{1,5}))" + not_in_word +
                                       R"((?:,\s+(?:at\s+)?(?<pins>)" + pin + "))?" + paren + "?";
  const std::string year_number = R"((?<![\p{L}\p{Nd}]))" + year_number_tail;
  // "[1990 Transfer Binder] Fed. Sec. L. Rep. (CCH) ¶ 95,123", "1982-1 Trade Cas. (CCH) P64,689".
  const std::string paragraph_tail =
      R"((?<reporter>)" + spellings.paragraph +
      R"()\s*(?:¶|P|para\.)\s*(?<paragraph>\d{1,3}(?:,\d{3})+|\d{1,6}))" + not_in_word +
      R"((?:,\s+at\s+(?<pins>)" + pin + "))?" + paren + "?";
  const std::string paragraph =
      R"((?<![\p{L}\p{Nd}])(?:(?<volume>\[[^\[\]]{4,40}\]|\d{2,4}-\d|\d{1,4})\s+)?)" +
      paragraph_tail;
  // "2009-1234 (La. App. 1 Cir. 5/10/10)", "2009 KA 1234 (La. App. 1 Cir. …)": anchored at the
  // parenthetical, which a court of the table opens.
  const std::string court_docket_tail =
      R"(\((?<court>)" + spellings.docket_courts + R"()\s+(?<date>\d{1,2}/\d{1,2}/\d{2,4})\))";
  const std::string court_docket =
      R"((?<![\p{L}\p{Nd}])(?<number>\d{4}[-\s](?:[A-Z]{1,2}[-\s])?\d{1,5})\s*)" +
      court_docket_tail;
  const std::string docket = R"((?<docket>)" + docket_number +
                             R"()(?:(?<slip>,\s+slip\s+op\.(?:\s+at\s+(?<pin>)" + pin +
                             R"())?)|,\s+at\s+(?<atpin>)" + pin + "))?" + paren;
  // A court's document by its title, when no case name is given: "Mem. Op. at 5, Misc. No. 13-02".
  const std::string titled =
      R"(\b(?<title>)" + spellings.document_titles + R"()(?:\s+at\s+(?<titlepin>)" + pin + "))?";
  return {
      {named_year + full_case, full_case, read_full_case, {}, Gate::reporter},
      {named + ohio_district + public_domain, public_domain, read_public_domain,
       spellings.public_domain_starts, Gate::public_domain},
      {"(?:(?:" + titled + "|(?<name>" + case_name + "|" + word + R"()),\s+)?)" + database,
       database,
       read_database,
       {"WL", "LEXIS"}},
      {"(?:(?:(?<name>" + case_name + ")|" + titled + R"(),\s+)?)" + docket,
       docket,
       read_docket,
       {"No."}},
      {named + year_number, year_number_tail, read_year_number, spellings.year_number_starts},
      {named + paragraph, paragraph_tail, read_paragraph, spellings.paragraph_ends},
      {named + court_docket, court_docket_tail, read_court_docket, spellings.docket_court_starts},
  };
}

}  // namespace fiscgen::cite
