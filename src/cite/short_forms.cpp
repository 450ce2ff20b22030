// The short forms that point back to an authority (rule 4.1, 10.9): each kind's expression and
// the function reading its match, side by side; resolve() in trail.cpp finds the authority.
#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

using namespace expr;

// Not after `before` and a gap of up to three white spaces, an optional comma and up to three
// more: a look-behind with a branch for each gap, since PCRE2 wants each branch of a fixed length.
std::string not_after(const std::string& before) {
  std::vector<std::string> branches;
  const auto spaces = [](int n) {
    return n == 0 ? std::string() : "\\s{" + std::to_string(n) + "}";
  };
  for (int run = 0; run <= 6; ++run) branches.push_back(before + spaces(run));
  for (int left = 0; left <= 3; ++left)
    for (int right = 0; right <= 3; ++right)
      branches.push_back(before + spaces(left) + "," + spaces(right));
  return "(?<!" + join(branches, "|") + ")";
}

bool read_short_case(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::short_case;
  c.category = Category::cases;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  c.volume = g["volume"];
  c.reporter = standard_reporter(patterns, g["reporter"]);
  std::string nominative;  // "1 Cranch at 140" is 5 U.S. (1 Cranch) at 140
  to_official(patterns, c.volume, c.reporter, nominative);
  c.pin_cites = pins_of(g["pin"]);
  // "Bakke, 438 U. S., at 315": the comma before "at" is the Supreme Court's, not the Bluebook's.
  c.normalised =
      with_name(c, c.volume + " " + c.reporter + (nominative.empty() ? "" : " " + nominative) +
                       " at " + join(c.pin_cites, ", "));
  // "Riley, 573 U.S., at ___ (slip op., at 9)": a page not yet assigned, and the slip opinion's.
  if (g.has("slip")) c.normalised += " (slip op. at " + g["slip"] + ")";
  // "Garner, 471 U.S. at 8, 105 S. Ct. 1694": a parallel citation belongs to the short form.
  if (g.has("parallel"))
    for (const auto& other : parallels_of(patterns, g["parallel"])) c.normalised += ", " + other;
  return true;
}

// "Mem. Op. at 7": a court's document by its title alone, after its full citation (the FISC's
// way); resolve() finds the document by the title, and drops the reference when none was cited.
bool read_titled_short(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::short_case;
  c.category = Category::cases;
  c.title = patterns.document_title(g["title"]);
  c.pin_cites = pins_of(g["pin"]);
  c.normalised = c.title + " at " + join(c.pin_cites, ", ");
  return true;
}

// "Howsam at 84": a brief's name-and-page reference; the reader finds its authority by the name
// and writes it as the Bluebook's short form (resolve() finishes it, or drops it).
bool read_name_page(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::name_page;
  c.category = Category::cases;
  c.case_name = g["short"];
  c.pin_cites.push_back(normalise_pin(g["pin"]));
  return true;
}

bool read_id(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::id;
  c.normalised = g["id"];
  if (g.has("pin")) {
    c.pin_cites = pins_of(g["pin"]);
    c.normalised += " at " + join(c.pin_cites, ", ");
    if (g.has("slip")) c.normalised += " (slip op. at " + g["slip"] + ")";
  } else if (g.has("sec")) {
    std::string sections;
    c.normalised += " " + section_reference(g["sec"], sections);
    c.sections.push_back(sections);
  } else if (g.has("para")) {
    c.pin_cites = pins_of(g["para"]);
    c.normalised += " " + join(c.pin_cites, ", ");
  }
  // A Restatement's comment or illustration: "Id. § 652B cmt. b", "Id. cmt. c, illus. 2".
  for (const char* group : {"comment", "cmt"})
    if (g.has(group)) {
      const std::string written = collapse_spaces(g[group]);
      c.normalised += " " + written.substr(written.find_first_not_of(", "));
    }
  return true;
}

// What follows "supra": a note, a pin or a section.
void read_supra_tail(const Groups& g, Citation& c) {
  if (g.has("note")) c.normalised += " note " + g["note"];
  if (g.has("pin")) {
    c.pin_cites.push_back(normalise_pin(g["pin"]));
    c.normalised += ", at " + c.pin_cites.back();
  } else if (g.has("sec")) {
    std::string sections;
    c.normalised += ", " + section_reference(g["sec"], sections);
  }
}

bool read_supra(const Groups& g, const Patterns& patterns, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::supra;
  c.category = Category::other;
  c.case_name = normalise_case_name(trim_case_name(g["name"], patterns.table));
  if (c.case_name.empty()) return false;
  c.normalised = c.case_name + ", supra";
  read_supra_tail(g, c);
  return true;
}

// "See supra note 12", "supra, at 8", "supra Part II.A": supra with no name before it refers
// within the text itself (rule 3.5), to no authority; resolve() says so when nothing follows it.
bool read_cross_reference(const Groups& g, const Patterns&, Citation& c) {
  c.kind = Kind::short_form;
  c.short_form = ShortForm::supra;
  c.category = Category::none;  // listed under no heading
  c.normalised = g["bare"];
  if (g.has("part")) c.normalised += " " + collapse_spaces(g["part"]);
  read_supra_tail(g, c);
  return true;
}

}  // namespace

std::vector<KindRow> short_form_rows(const Spellings& spellings) {
  const std::string& reporter = spellings.reporter;
  const std::string pin_here = pin_of_citation(spellings);
  const std::string cite_body = parallel_citation(spellings);
  const std::string short_case =
      volume_start + R"((?<volume>\d{1,4})\s+(?<reporter>)" + reporter +
      R"()(?:,\s*|\s+)at\s+(?<pin>_{3,}|(?:pp?\.\s*?)?)" + pin + "(?:,\\s+" + pin_here + ")*)" +
      not_in_word + R"((?:\s*\(slip\s+op\.,?\s+at\s+(?<slip>\d{1,4})\))?(?<parallel>(?:,\s+)" +
      cite_body + ")?)";
  // A decimal section keeps its decimals, a state code's too: "Id. § 176.5", "Id. § 16:5", "Id.
  // § 4.24.510", "Id. §§ 425.17-425.18".
  const std::string decimals = R"((?:(?:[.:]\d{1,4}[a-z]?){1,3}(?:\([a-zA-Z0-9]{1,4}\)){0,8})?)";
  const std::string decimal_section = code_section + decimals;
  const std::string decimal_section_or_range =
      decimal_section + "(?:" + range_dash + decimal_section + ")?";
  const std::string comment = R"((?:,?\s+)" + restatement_note + "){1,2}";
  // A page past 999 of a volume paged so ("124 Cong. Rec. 10,887"): "Id. at 10,889", not page 10;
  // and the daily Record's House, Senate and Extension pages: "Id. at H5757".
  const std::string thousands = R"((?:\d{1,3}(?:,\d{3})+(?!\d|,\d)|)";
  // Each alternative after "Id." is a part (expr::part): a bare "Id." compiles none of them.
  const std::string id =
      R"((?<![\p{L}\p{Nd}])(?<id>[Ii]d\.|Ibid\.|ibid\.)(?:)" +
      part({"at"}, R"(,?\s+at\s+(?<pin>(?:pp?\.\s*)?)" + thousands +
                       "_{3,}|[HSE]\\d{1,5}(?:,\\d{3})?(?![\\d,])|" + pin + ")(?:,\\s+" +
                       thousands + pin_here + "))*)" + not_in_word +
                       // A slip opinion's page after a blank one: "Id., at ___ (slip op., at 12)".
                       R"((?:\s*\(slip\s+op\.,?\s+at\s+(?<slip>\d{1,4})\))?)") +
      // California writes a comma before the section: "Id., § 425.17".
      // A Restatement's section may end in a capital, and a comment follow: "Id. § 652B cmt. b".
      "|" +
      part({"§"}, R"(,?\s+(?<sec>§§?\s*(?:\d{1,4}[A-Z](?:\([a-z0-9]{1,3}\))*(?![\p{L}\p{Nd}])|)" +
                      decimal_section_or_range + "))" + not_in_word + "(?<comment>" + comment +
                      ")?") +
      "|" + part({"cmt.", "illus."}, "(?<cmt>" + comment + ")") +
      // "Id. ¶ 12": a paragraph takes no "at" (Bluebook rule 3.3).
      "|" + part({"¶"}, R"(\s+(?<para>¶¶?\s*?\d{1,5}(?:\s*?[-–]\s*?\d{1,5})?))" + not_in_word) +
      // "Id. at" with no page is not read as a bare Id. (a warning says why).
      R"()?(?!,?\s+at\b))";
  // After "supra", a section of a code or of a treatise ("§ 10:2", "§ 2.7(d)").
  const std::string supra_tail = R"((?:\s+note\s+(?<note>\d{1,4}))?(?:,\s+at\s+(?<pin>)" + pin +
                                 R"()|,\s+(?<sec>§§?\s*)" + section_or_range +
                                 R"((?:[.:]\d{1,4}[a-z]?(?:\([a-z0-9]{1,3}\))*)?))?)" + not_in_word;
  const std::string supra = R"(,?\s+supra)" + supra_tail;
  // No name: nothing before it but a signal (matched, then left out of the match by \K), the end
  // of a sentence or clause, or the text's start.
  const std::string bare_supra =
      R"((?:\b)" + spellings.signal_ends + R"(\s{1,3}\K|)" + not_after(R"([\p{L}\p{Nd}'’)\]])") +
      R"()(?<bare>[Ss]upra)(?:\s+(?<part>Parts?\s+[IVXL]{1,6}(?:\.[A-Z0-9]{1,3}){0,3}))?)" +
      supra_tail;
  // "Howsam at 84", "Howsam at p. 84", "Howsam p. 84": one capitalised word, "at" or "p.", a page;
  // California's "Glaser, at p. 365" with a comma.
  const std::string name_page =
      R"((?<![\p{L}\p{Nd}])(?<short>(?!Supra\b)\p{Lu}[\p{Ll}'’\-]{2,})(?:\s+|,\s+(?=at\s))(?:at\s+(?:pp?\.\s*?)?|pp?\.\s*?)(?<pin>)" +
      pin + ")" + not_in_word;
  const std::string titled_short = R"(\b(?<title>)" + spellings.document_titles +
                                   R"()\s+at\s+(?<pin>)" + pin + "(?:,\\s+" + pin + ")*)" +
                                   not_in_word;
  return {
      {"(?:(?<name>" + short_name_before_number(spellings.name_particles) + R"(),\s+)?)" +
           short_case,
       short_case,
       read_short_case,
       {"at"},
       Gate::reporter_at},
      {id, "", read_id, {"d."}},
      // Before the name-and-page reference, which "Order at 3" matches too: of two matches of
      // one length, the first row's is read.
      {titled_short, "", read_titled_short, {"at"}, Gate::document_title},
      {name_page, "", read_name_page, {"at", "p."}, Gate::name_at_page},
      {"(?<name>" + short_name(spellings.name_particles) + ")" + supra,
       supra,
       read_supra,
       {"supra"}},
      {bare_supra, "", read_cross_reference, {"supra", "Supra"}},
  };
}

}  // namespace fiscgen::cite
