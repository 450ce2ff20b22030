// Secondary sources, legislative and executive materials and state codes: each kind's
// expression and the function reading its match, side by side.
#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

using namespace expr;

// "Orin S. Kerr", "David S. Kris & J. Douglas Wilson": capitalised words and initials.
const std::string author_words =
    R"((?:\p{Lu}[\p{L}'’\-]*\.?\s+){1,3}\p{Lu}[\p{L}'’\-]+(?:\s+&\s+(?:\p{Lu}[\p{L}'’\-]*\.?\s+){1,3}\p{Lu}[\p{L}'’\-]+)?)";
// A title: from a capital to the comma before the volume, no period (a sentence would end).
const std::string title_words = R"(\p{Lu}[^.;()\n]{0,160}?)";
// A journal's volume may span two years: "(1993-94)".
const std::string year_only = R"((?:\s*\((?<year>[^()]{0,30}?\d{4}(?:[-–]\d{2,4})?)\))?)";

std::string written_form(const Groups& g) {
  std::string text = collapse_spaces(std::string_view(g.text()));
  // "§ 16:5" with a no-break space after the sign, as every form here writes it.
  for (std::size_t at = text.find("§ "); at != std::string::npos; at = text.find("§ ", at + 2))
    text.replace(at + 2, 1, nbsp);
  return text;
}

// "See Orin S. Kerr" → "Orin S. Kerr": a Bluebook signal before an author, or before a title
// with no author, is not part of it (the reader starts the citation after it).
std::string without_signal(std::string_view written, const Table& table) {
  std::string text = collapse_spaces(written);
  std::size_t longest = 0;
  for (const auto& signal : table.bluebook_signals)
    if (signal.size() > longest && text.size() > signal.size() + 1 &&
        text.compare(0, signal.size(), signal) == 0 && text[signal.size()] == ' ')
      longest = signal.size();
  return longest ? text.substr(longest + 1) : text;
}

// An article's parts, in a source named `source` (its abbreviation) under `category`.
void read_work(const Groups& g, const Table& table, const std::string& source, Category category,
               Citation& c) {
  c.kind = category == Category::executive ? Kind::executive : Kind::secondary;
  c.category = category;
  c.case_name = without_signal(g["author"], table);
  c.title = c.case_name.empty() ? without_signal(g["title"], table) : collapse_spaces(g["title"]);
  c.volume = g["volume"];
  c.reporter = source;
  c.first_page = g["page"];
  if (g.has("pin")) c.pin_cites.push_back(normalise_pin(g["pin"]));
  c.key = c.volume + " " + c.reporter + " " + c.first_page;
  c.normalised = with_name(c, (c.title.empty() ? "" : c.title + ", ") + c.key);
  for (const auto& pin : c.pin_cites) c.normalised += ", " + pin;
  if (g.has("year")) {
    std::string year = collapse_spaces(g["year"]);
    if (const auto dash = year.rfind('-'); dash != std::string::npos)
      year.replace(dash, 1, en_dash);
    c.normalised += " (" + year + ")";
  }
}

// "Kerr, The Case for the Third-Party Doctrine, 107 Mich. L. Rev. 561, 563 (2009)": a work in
// a journal or another source the table lists with category="other".
bool read_article(const Groups& g, const Patterns& patterns, Citation& c) {
  const Reporter* source = patterns.reporter(g["reporter"]);
  if (!source || source->category == Category::cases) return false;
  read_work(g, patterns.table, source->abbreviation, source->category, c);
  return true;
}

// "77 Marq. L. Rev. 475": a law review or journal the table does not list, by the shape every
// one's abbreviation ends in (Bluebook T13: "L. Rev.", "L.J.", "L.Q."), named as written.
bool read_journal(const Groups& g, const Patterns& patterns, Citation& c) {
  std::string journal = collapse_spaces(g["journal"]);
  // "L. J." as T13 writes it: "L.J." (adjacent single capitals are closed up, rule 6.1(a)).
  for (auto at = journal.find("L. J."); at != std::string::npos; at = journal.find("L. J."))
    journal.erase(at + 2, 1);
  read_work(g, patterns.table, journal, Category::secondary, c);
  return true;
}

// "David S. Kris & J. Douglas Wilson, National Security Investigations & Prosecutions § 16:5
// (2d ed. 2012)", "2 Wigmore, Evidence § 285 (3d ed. 1940)": a book, by its author and title.
bool read_treatise(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::secondary;
  c.category = Category::secondary;
  const std::string author = collapse_spaces(g[g.has("author") ? "author" : "surname"]);
  c.case_name = without_signal(author, patterns.table);
  c.title = collapse_spaces(g["title"]);
  c.key = c.case_name + ", " + c.title;
  c.normalised = written_form(g);
  // The match may open with "(?:\d{1,2}\s+)?" a volume before the author: keep what follows it.
  if (const auto at = c.normalised.find(author); at != std::string::npos && author != c.case_name)
    c.normalised.replace(at, author.size(), c.case_name);
  return true;
}

// "1 Kris & Wilson, National Security Investigations § 16:5", "2 Wigmore, Evidence § 286": a
// treatise cited before, again by its volume, the authors' surnames, its title and a section: a
// short form found by the surnames, as a supra is.
bool read_treatise_short(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::supra;
  c.category = Category::other;
  c.case_name = collapse_spaces(g["author"]);
  c.normalised = written_form(g);
  return true;
}

// "H.R. Rep. No. 95-1283, pt. 1, at 21 (1978)", "S. Rep. No. 95-604", "H.R. Conf. Rep. No. …".
bool read_report(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::legislative;
  c.category = Category::legislative;
  c.key = collapse_spaces(g["report"]);
  c.normalised = written_form(g);
  return true;
}

// "124 Cong. Rec. 28,154 (1978)", "147 Cong. Rec. S10,990 (daily ed. Oct. 25, 2001)".
bool read_record(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::legislative;
  c.category = Category::legislative;
  c.key = collapse_spaces(g["record"]);
  c.normalised = written_form(g);
  return true;
}

// "Exec. Order No. 12,333, 3 C.F.R. 200 (1981)", "46 Fed. Reg. 59,941 (Dec. 4, 1981)".
bool read_executive(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::executive;
  c.category = Category::executive;
  c.key = collapse_spaces(g.has("order") ? g["order"] : g["register"]);
  c.normalised = written_form(g);
  return true;
}

// "DoD 5240.1-R": an agency's own regulation by its number.
bool read_directive(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::regulation;
  c.category = Category::regulations;
  c.key = c.normalised = written_form(g);
  return true;
}

// "Fla. Stat. § 934.03 (2019)", "Mass. Gen. Laws ch. 272, § 99", "720 Ill. Comp. Stat. 5/14-2".
// Keyed by the section, as a United States Code section is: "Mass. Gen. Laws ch. 272, § 99(C)(1)"
// and "§ 99(B)(4)" are one authority, section 99, in a table of authorities.
bool read_state_code(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::statute;
  c.category = Category::statutes;
  c.title = collapse_spaces(g["code"]);
  const std::string section = g["sec"];
  const auto paren = section.find('(');
  c.sections.push_back(section.substr(0, paren));
  if (paren != std::string::npos) c.subsections = section.substr(paren);
  c.normalised = written_form(g);
  const auto year = c.normalised.rfind(" (");
  c.key = year == std::string::npos ? c.normalised : c.normalised.substr(0, year);
  if (c.key.size() > c.subsections.size() && c.key.ends_with(c.subsections))
    c.key.resize(c.key.size() - c.subsections.size());
  return true;
}

// "Restatement (Second) of Torts § 652B cmt. b (Am. L. Inst. 1977)": the American Law
// Institute's work by its series and subject (rule 12.9.5), an authority by section, as a code
// is, so that an Id. at another section is another authority.
bool read_restatement(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::secondary;
  c.category = Category::secondary;
  c.title = collapse_spaces(g["work"]);
  c.sections.push_back(g["section"]);
  c.key = c.title + " \xC2\xA7" + nbsp + g["section"];
  c.normalised = written_form(g);
  return true;
}

}  // namespace

std::vector<KindRow> secondary_rows(const Spellings& spellings) {
  const std::string article_body = volume_start + R"((?<volume>\d{1,4})\s+(?<reporter>)" +
                                   spellings.reporter + R"()\s+(?<page>\d{1,5}))" + not_in_word +
                                   R"((?:,\s+(?<pin>)" + pin + "))?" + year_only;
  const std::string work_of =
      "(?:(?:(?<author>" + author_words + R"(),\s+)?(?<title>)" + title_words + R"(),\s+)?)";
  const std::string article = work_of + article_body;
  // A journal the table does not hold: capitalised abbreviations ending in "L. Rev.", "L.J." or
  // "L.Q." (a rare shape outside citations), between a volume and a page.
  const std::string journal_tail =
      R"(\s+(?<page>\d{1,5}))" + not_in_word + R"((?:,\s+(?<pin>)" + pin + "))?" + year_only;
  const std::string journal_body =
      volume_start +
      R"((?<volume>\d{1,4})\s+(?<journal>(?:\p{Lu}[\p{L}'’.]*+\s++|&\s++){1,6}L\.\s?(?:Rev\.|J\.|Q\.)))" +
      journal_tail;
  // Its anchor starts at the abbreviation's end: the engine tried the volume at every number of a
  // text.
  const std::string journal_anchor = R"(L\.\s?(?:Rev\.|J\.|Q\.))" + journal_tail;
  const std::string edition = R"(\((?:[^()]{0,20}ed\.\s+)\d{4}\))";
  const std::string surname = R"(\p{Lu}[\p{L}'’\-]+)";
  // An author's full name, or after a volume a surname alone ("2 Wigmore, Evidence § 285 (3d
  // ed. 1940)"): the volume and the edition make it a citation.
  const std::string treatise =
      R"((?<![\p{L}\p{Nd}])(?:(?:\d{1,2}\s+)?(?<author>)" + author_words +
      R"()|\d{1,2}\s+(?<surname>)" + surname + R"()),\s+(?<title>)" + title_words +
      R"()\s+(?:§§?\s*\d[\d.:]*[a-z]?(?:\([a-z0-9]{1,3}\))*|\d{1,5})\s+)" + edition;
  // Surnames, no first names, after a volume: a sentence seldom starts "2 Wigmore, Evidence §
  // 286" or "1 Kris & Wilson, Title § 2".
  const std::string treatise_short =
      R"((?<![\p{L}\p{Nd}.,])\d{1,2}\s+(?<author>)" + surname + R"((?:\s+&\s+)" + surname +
      R"()?),\s+(?<title>)" + title_words +
      R"()\s+§\s*\d{1,5}(?:[.:]\d{1,5}){0,3}[a-z]?(?:\([a-z0-9]{1,3}\))*)" + not_in_word;
  // Where a report or an order is reprinted is part of its citation, not an authority of its own:
  // "…, reprinted in 1978 U.S.C.C.A.N. 3904, 3908", "…, reprinted in 50 U.S.C. § 401 note".
  const std::string reprinted = R"((?:,\s+reprinted\s+(?:as\s+amended\s+)?in\s+)";
  const std::string report =
      R"((?<![\p{L}])(?<report>(?:H\.\s?R\.|S\.)\s+(?:Conf\.\s+)?(?:Rep\.|Doc\.)\s+No\.\s+\d{2,3}-\d{1,5}))" +
      not_in_word + R"((?:,\s+pt\.\s+\d{1,2})?(?:,\s+at\s+)" + pin + ")?" + year_only + reprinted +
      R"(\d{4}\s+U\.S\.C\.C\.A\.N\.\s+\d{1,5}(?:,\s+\d{1,5})?)?)";
  // The daily edition's pages often go without a comma: "154 Cong. Rec. H5756".
  const std::string record =
      volume_start +
      R"((?<record>\d{1,3}\s+Cong\.\s+Rec\.\s+[HSE]?(?:\d{1,3}(?:,\d{3})+|\d{1,5})))" +
      not_in_word + R"((?:,\s+)" + pin +
      R"()?(?:\s*\((?:daily\s+ed\.\s+)?[^()]{0,20}?\d{4}\))?(?:\s*\((?:statement|remarks)\s+of\s+[^()]{1,60}\))?)";
  const std::string federal_register =
      R"(\d{1,3}\s+(?:C\.F\.R\.|Fed\.\s+Reg\.)\s+\d{1,3}(?:,\d{3})*)";
  // An order's section before where it is published ("Exec. Order No. 12,333, § 2.3, 3 C.F.R.
  // 200, 210 (1981)") is the order's, not a section of the C.F.R.
  const std::string executive =
      R"((?<![\p{L}])(?:(?<order>Exec\.\s+Order\s+No\.\s+\d{1,2},?\d{3})(?:,\s+(?:§\s*\d{1,2}(?:\.\d{1,3}){0,3}(?:\([a-z0-9]{1,4}\)){0,4},\s+)?)" +
      federal_register +
      R"((?:,\s+\d{1,3}(?:,\d{3})*)?)?|(?<register>(?<![\p{L}\p{Nd}])\d{1,3}\s+Fed\.\s+Reg\.\s+\d{1,3}(?:,\d{3})*)(?:,\s+\d{1,3}(?:,\d{3})*)?)(?:\s*\([^()]{0,20}?\d{4}\))?)" +
      reprinted + R"(\d{1,2}\s+U\.\s?S\.\s?C\.\s+§\s*\d{1,5}[a-z]{0,3}\s+note)?)";
  const std::string directive = R"((?<![\p{L}])DoD[DI]?\s+\d{4}\.\d{1,3}(?:-[A-Z])?)" + not_in_word;
  // A division of the code before the section ("ch. 272, § 99", "tit. 17-A, § 201", "art.
  // 18.20, § 1"), or one that is the section ("Tex. Code Crim. Proc. Ann. art. 38.23").
  const std::string division =
      "(?:(?:" + spellings.code_divisions +
      R"()\s+(?:\d{1,4}[A-Z]?(?:-[A-Z0-9]{1,3}|\.\d{1,4})?,\s+(?:§§?\s*)?)?|§§?\s*)?)";
  const std::string state_code = R"((?<![\p{L}\p{Nd}])(?:\d{1,3}\s+)?(?<code>)" +
                                 spellings.state_codes +
                                 R"()(?:,\s+\p{Lu}[\p{L}.&\s]{1,30}?)?\s+)" + division +
                                 R"((?<sec>\d(?:[\w:/\-]|\.(?=\w))*(?:\([a-zA-Z0-9]{1,4}\))*))" +
                                 R"((?:\s*\((?:)" + spellings.code_publishers + R"(\s+)?\d{4}\))?)";
  // Its subject in capitalised words, with "of", "the", "and", "for", "&" and a colon between:
  // "Foreign Relations Law of the United States", "Torts: Liab. for Physical & Emotional Harm".
  const std::string restatement =
      R"((?<![\p{L}])(?<work>Restatement(?:\s+\((?:Second|Third|Fourth)\))?\s+of\s+(?:the\s+Law\s+of\s+)?\p{Lu}[\p{L}.'’]*:?(?:\s+(?:of|the|and|for|&|\p{Lu}[\p{L}.'’]*:?)){0,9}?)\s+§\s*(?<section>\d{1,4}[A-Z]?(?:\.\d{1,3})?))" +
      not_in_word + R"((?:\([a-z0-9]{1,3}\))*(?:,?\s+(?:)" + restatement_note +
      R"(|reporters?['’]\s+note|reporter['’]s\s+note)){0,3}(?:\s*\((?:Am\.\s+L(?:aw|\.)\s+Inst\.\s+)?\d{4}\))?)";
  return {
      {article, article_body, read_article, spellings.secondary_starts, Gate::source},
      {restatement, "", read_restatement, {"Restatement"}},
      {work_of + journal_body,
       journal_anchor,
       read_journal,
       {"L. Rev.", "L.Rev.", "L.J.", "L. J.", "L. Q.", "L.Q."}},
      {treatise, edition, read_treatise, {"ed."}},
      {treatise_short, "", read_treatise_short, {"§"}, Gate::surname_after_volume},
      {report, "", read_report, {"Rep.", "Doc."}},
      {record, "", read_record, {"Cong."}},
      {executive, "", read_executive, {"Exec.", "Fed."}},
      {directive, "", read_directive, {"DoD"}},
      {state_code, "", read_state_code, {"§", "Stat", "Code", "Law", "L."}, Gate::state_code},
  };
}

}  // namespace fiscgen::cite
