// Short forms resolved as Bluebook rule 4.1 says, against the full citations earlier in the
// trail; the trail kept as citations are read.
#include <algorithm>
#include <cctype>

#include "cite/internal.hpp"
#include "i18n/i18n.hpp"

namespace fiscgen::cite {

// The first word of a case name: what a later short form ("Smith, 442 U.S. at 742") repeats.
std::string first_word(std::string_view name) {
  const auto space = name.find(' ');
  std::string word(name.substr(0, space));
  while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.pop_back();
  return word;
}

// The names a later supra or name-and-page reference may use for an authority: each word of a
// case name or an author's name ("Bakke" of "Regents of Univ. of Cal. v. Bakke", "Croson" of
// "Richmond v. J. A. Croson Co.", "Kerr" of "Orin S. Kerr"). A party that is a government
// ("United States", "People of the State of New York") gives none: rule 10.9 never shortens a
// case to it, and "the United States at 1776" is no reference to Foo v. United States.
std::vector<std::string> short_names(std::string_view name,
                                     const std::vector<std::string>& governments) {
  std::vector<std::string> out;
  auto add_words = [&](std::string_view party) {
    for (const auto& government : governments)
      if (party == government || party.rfind(government + " of ", 0) == 0) return;
    for (auto word : split_words(party)) {
      while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.pop_back();
      if (word.size() >= 2 && i18n::starts_with_capital(word)) out.push_back(word);
    }
  };
  const auto v = name.find(" v. ");
  if (v == std::string_view::npos) {
    add_words(name);
  } else {
    add_words(name.substr(0, v));
    add_words(name.substr(v + 4));
  }
  return out;
}

namespace {

// Rule 4.1: after a short form that points to nothing, an Id. must not reach back past it.
void stop_chain(Trail& trail) {
  trail.last_key.clear();
  trail.last_category = Category::none;
}

// Ties a short form to `authority`, or to nothing when its pin cannot be in it.
void tie(Citation& c, const Citation& authority, Trail& trail, Warnings& warnings) {
  if ((c.short_form == ShortForm::id || c.short_form == ShortForm::short_case ||
       c.short_form == ShortForm::name_page) &&
      !pin_fits(c, authority, warnings)) {
    c.key.clear();
    stop_chain(trail);
    return;
  }
  c.key = authority.key;
  c.category = authority.category;
  note_reach(trail, c.key, c);
}

// "Id. § 1806" after "50 U.S.C. § 1805" (or after "Cal. Civ. Proc. Code § 425.16"): another
// section of that code, an authority of its own in a table of authorities, which the next Id.
// names again. Its key; the code's own when the Id. names the same section.
std::string another_section(const Citation& id, std::size_t code, Trail& trail) {
  std::string key = section_key(trail.authorities[code], id);
  if (!trail.by_key.contains(key)) {
    Citation section = trail.authorities[code];
    section.key = key;
    trail.authorities.push_back(std::move(section));
    trail.by_key.emplace(key, trail.authorities.size() - 1);
  }
  return key;
}

// Points a short form at its authority, from the full citations earlier in the trail. False
// when a name-and-page reference names nothing cited: then it was no citation.
bool resolve(Citation& c, Trail& trail, Warnings& warnings) {
  if (c.short_form == ShortForm::id) {
    if (trail.last_key.empty()) {
      warnings.add(c.where, "\"" + c.text + "\" points to no earlier citation");
      return true;
    }
    if (const auto found = trail.by_key.find(trail.last_key); found != trail.by_key.end()) {
      const std::size_t code = found->second;
      tie(c, trail.authorities[code], trail, warnings);
      if (!c.key.empty()) c.key = another_section(c, code, trail);
    } else {
      c.key = trail.last_key;
      c.category = trail.last_category;
    }
    return true;
  }
  if (c.short_form == ShortForm::supra && c.case_name.empty()) {
    // A bare supra refers within the text: no authority, and an Id. after it points to nothing.
    if (c.normalised.find(' ') == std::string::npos)
      warnings.add(c.where, "\"" + c.text +
                                "\" names no authority and no note or page: read as a reference "
                                "within this text; write the short name before it (\"Smith, "
                                "supra\") if an authority is meant");
    stop_chain(trail);
    return true;
  }
  bool ambiguous = false;
  const Citation* authority = authority_of(c, trail, warnings, ambiguous);
  // A title alone names a citation only when a document of that title was cited before.
  if (!c.title.empty() && c.short_form == ShortForm::short_case && !authority && !ambiguous)
    return false;
  if (c.short_form == ShortForm::name_page) {
    if (ambiguous) {  // a name two cited cases share, followed by a page: a reference to one
      c.normalised = c.case_name + " at " + c.pin_cites.front();
    } else {
      if (!authority || authority->kind != Kind::case_law) return false;
      // A paragraph of a case cited by its public-domain citation is cited by it ("Leak at ¶ 15"
      // → "Leak, 2016-Ohio-154, ¶ 15", "Burns at ¶ 21" → "Burns, 2016 IL 118973, ¶ 21").
      const std::string domain =
          authority->volume.empty() ? authority->key : public_domain_parallel(*authority);
      const std::string& pin = c.pin_cites.front();
      if (pin.rfind("\xC2\xB6", 0) == 0 && !domain.empty()) {
        c.normalised = c.case_name + ", " + domain + ", " + pin;
      } else if (pin.rfind('*', 0) == 0 && authority->volume.empty()) {
        // A database's star page ("Moalin at *6" → "Moalin, 2013 WL 6079518, at *6").
        c.normalised = c.case_name + ", " + authority->key + ", at " + pin;
      } else {
        if (authority->volume.empty()) return false;
        // Written as the Bluebook's short form: "Howsam, 537 U.S. at 84".
        c.volume = authority->volume;
        c.reporter = authority->reporter;
        c.normalised = c.case_name + ", " + c.volume + " " + c.reporter + " at " + pin;
      }
    }
  }
  if (authority) {
    tie(c, *authority, trail, warnings);
    return true;
  }
  if (!ambiguous && (c.short_form == ShortForm::short_case ||
                     c.short_form == ShortForm::short_statute || c.short_form == ShortForm::supra))
    warnings.add(c.where,
                 "short form \"" + c.text +
                     "\" has no full citation before it: an Id. after it points to nothing");
  stop_chain(trail);
  return true;
}

// "Grutter and Regents of Univ. of Cal. v. Bakke": a name that starts with a case cited before
// and "and" is two cases, and the citation is of the second; so is "Both Grutter and Regents …",
// a capitalised sentence word before the earlier name, and "distinguished Smith in Carpenter v.
// United States", the earlier case and "in" (the reader keeps "in" inside a name, for "Parents
// Involved in Community Schools v. …"). The words are dropped from the name and from the text
// the citation covers.
void drop_earlier_case(Citation& c, const Trail& trail) {
  if (c.kind != Kind::case_law || c.short_form != ShortForm::none) return;
  const auto words = split_words(c.case_name);
  std::size_t skip = 0;  // words before the earlier case's name
  while (skip < 2 && skip + 3 < words.size() &&
         !((words[skip + 1] == "and" || words[skip + 1] == "in") &&
           trail.by_name.count(words[skip]) != 0))
    ++skip;
  if (skip == 2 || skip + 3 >= words.size()) return;
  std::string lead;
  for (std::size_t i = 0; i <= skip + 1; ++i) lead += words[i] + " ";
  if (c.case_name.rfind(lead, 0) != 0 ||
      c.case_name.find(" v. ", lead.size()) == std::string::npos ||
      c.normalised.rfind(lead, 0) != 0)
    return;
  std::size_t cut = 0;  // past each word and the spaces after it, as written
  for (std::size_t i = 0; i <= skip + 1; ++i) {
    if (c.text.compare(cut, words[i].size(), words[i]) != 0) return;
    cut += words[i].size();
    while (cut < c.text.size() && space_at(c.text, cut)) cut += space_at(c.text, cut);
  }
  const std::string_view dropped = std::string_view(c.text).substr(0, cut);
  if (dropped.find('\n') != std::string_view::npos) return;  // the column would need the line
  for (const char byte : dropped)
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++c.where.column;
  c.case_name.erase(0, lead.size());
  c.normalised.erase(0, lead.size());
  c.text.erase(0, cut);
  c.offset += cut;
  c.length -= cut;
}

// "Smith, 99 S. Ct. at 2580" after "Smith v. Maryland, 442 U.S. 735, 99 S. Ct. 2577": a short
// form may cite a parallel reporter's pages. Each parallel citation joins the trail as the same
// authority (its key) paged by that reporter; a public-domain one, cited on its own later
// ("Smith, 2009-Ohio-6426, ¶ 30"), is an alias of the key.
void remember_parallels(const Citation& c, Trail& trail) {
  for (const auto& parallel : c.parallel) {
    const std::string cite(without_pins(parallel));
    if (public_domain_shape(cite)) {
      trail.aliases.emplace(cite, c.key);
      continue;
    }
    const auto words = split_words(cite);
    if (words.size() < 3) continue;
    Citation paged = c;
    paged.volume = words.front();
    paged.first_page = words.back();
    paged.reporter = join(std::vector<std::string>(words.begin() + 1, words.end() - 1), " ");
    paged.pin_cites.clear();
    // Once per authority and reporter: the case may be cited with its parallels again, or only
    // the second time (a long text cites it first without them).
    auto& indices = trail.by_reporter[{paged.volume, paged.reporter}];
    if (std::any_of(indices.begin(), indices.end(),
                    [&](std::size_t i) { return trail.authorities[i].key == c.key; }))
      continue;
    trail.authorities.push_back(std::move(paged));
    indices.push_back(trail.authorities.size() - 1);
  }
}

// Adds a full citation to the trail; the same authority cited again is one candidate, not two.
// The names of each citation of it are its names.
void remember(const Citation& c, Trail& trail, const Table& table) {
  trail.authorities.push_back(c);
  note_reach(trail, c.key, c);
  const auto [found, first] = trail.by_key.emplace(c.key, trail.authorities.size() - 1);
  const std::size_t index = found->second;
  if (first) trail.by_reporter[{c.volume.empty() ? c.key : c.volume, c.reporter}].push_back(index);
  remember_parallels(c, trail);
  if (!c.title.empty()) {
    auto& indices = trail.by_title[c.title];
    if (std::find(indices.begin(), indices.end(), index) == indices.end()) indices.push_back(index);
  }
  for (const auto& name : short_names(c.case_name, table.governments)) {
    auto& indices = trail.by_name[name];
    if (std::find(indices.begin(), indices.end(), index) == indices.end()) indices.push_back(index);
  }
}

// Whether the citation at `offset` sits in another's "(quoting …)" or "(citing …)": an Id.
// after it refers to the citing case (rule 4.1), not to it.
bool nested(std::string_view text, std::size_t offset) {
  const std::size_t from = offset > 24 ? offset - 24 : 0;  // a look back of a few words only
  const auto found = text.substr(from, offset - from).rfind('(');
  if (found == std::string_view::npos) return false;
  const std::size_t open = from + found;
  const std::string word = collapse_spaces(text.substr(open + 1, offset - open - 1));
  for (const std::string_view lead : {"quoting", "citing", "overruling", "cited in", "quoted in"})
    if (word.rfind(lead, 0) == 0) return true;
  return false;
}

// Where a section cited on its own, its "§" at `sign`, starts: after the start of its clause
// (`from`, a signal, or a word ending in ".", ";" or ":") only capitalised words, at most six,
// stand before "§"; the abbreviations of a code's name before them ("Okla. Stat. tit.") are part
// of it too. npos: the words are a textual sentence's ("Under § 1861", "FISA § 702 allows").
std::size_t citation_start(std::string_view text, std::size_t from, std::size_t sign,
                           const Table& table) {
  std::size_t start = sign, words = 0;
  bool abbreviations = false;  // past the clause's start, over a code's abbreviated name
  for (std::size_t at = sign; words <= 6;) {
    while (at > from && space_at(text, at - 1)) --at;
    const std::size_t word_end = at;
    while (at > from && !space_at(text, at - 1) && text[at - 1] != '(') --at;
    const std::string_view word = text.substr(at, word_end - at);
    const bool abbreviation = (word.size() >= 2 && word.size() <= 5 && word.back() == '.' &&
                               std::isupper(static_cast<unsigned char>(word[0]))) ||
                              std::find(table.code_divisions.begin(), table.code_divisions.end(),
                                        word) != table.code_divisions.end();
    if (abbreviations && !abbreviation) return start;
    const std::size_t look = word_end - from > 40 ? word_end - 40 : from;  // a signal's length
    if (!abbreviations &&
        (word.empty() || !signal_at_end(text.substr(look, word_end - look), table).empty()))
      return start;
    if (abbreviations || std::string_view(".;:").find(word.back()) != std::string_view::npos) {
      if (!abbreviation) return start;
      abbreviations = true;
      start = at;
    } else if (capitalised(word) &&
               std::find(table.signals.begin(), table.signals.end(), word) == table.signals.end()) {
      start = at;
      ++words;
    } else {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

// A section cited on its own between `from` and `to` that no citation took: "Blah § 2." (a code
// fiscgen does not know), "See § 1861(b)." It stands as a citation sentence or clause: its
// clause ends after the section, and it starts as citation_start() says. Empty: none.
std::string_view unread_section(std::string_view text, std::size_t from, std::size_t to,
                                const Table& table) {
  static constexpr std::string_view section_sign = "\xC2\xA7";
  const auto section_byte = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("-:()").find(c) != std::string_view::npos;
  };
  for (std::size_t sign = text.find(section_sign, from); sign < to;
       sign = text.find(section_sign, sign + 2)) {
    std::size_t end = sign + 2;  // past "§", "§§" and the section: "2", "1861(b)(2)", "6-2-101"
    if (text.compare(end, 2, section_sign) == 0) end += 2;
    while (end < to && space_at(text, end)) end += space_at(text, end);
    if (end >= to || !std::isdigit(static_cast<unsigned char>(text[end]))) continue;
    while (end < to && (section_byte(text[end]) ||
                        (text[end] == '.' && end + 1 < to && section_byte(text[end + 1]))))
      ++end;
    // A parenthesis that closes none the section opened closes the text around it: "(Blah § 2)".
    for (auto section = text.substr(sign, end - sign);
         std::count(section.begin(), section.end(), ')') >
         std::count(section.begin(), section.end(), '(');
         section = text.substr(sign, end - sign))
      --end;
    std::size_t after = end;
    while (after < to && space_at(text, after)) after += space_at(text, after);
    if (after < to && std::string_view(".;)").find(text[after]) == std::string_view::npos) continue;
    if (const auto start = citation_start(text, from, sign, table); start != std::string_view::npos)
      return text.substr(start, end - start);
  }
  return {};
}

// A case dated outside its reporter's years of coverage.
void check_year(const Citation& c, const Patterns& patterns, Warnings& warnings) {
  if (c.kind != Kind::case_law || c.date.empty()) return;
  const Reporter* r = patterns.reporter(c.reporter);
  const int year = c.date.size() >= 4 ? std::atoi(c.date.substr(c.date.size() - 4).c_str()) : 0;
  if (r == nullptr || year <= 0) return;
  if ((r->from && year < r->from) || (r->to && year > r->to))
    warnings.add(c.where, "\"" + r->abbreviation + "\" covers " + std::to_string(r->from) + "–" +
                              (r->to ? std::to_string(r->to) : std::string()) + ", not " +
                              std::to_string(year) + ": check the citation");
}

// "Kaiser Foundation, supra, 13 Cal.App.5th at 1146": California's short form names the case
// with "supra" and then gives its volume and page. Read as a supra and a short case form, it is
// one short form: the short case takes the name and the text, and the supra goes.
void join_supra_short(std::vector<Citation>& found, std::string_view text) {
  for (std::size_t i = 0; i + 1 < found.size(); ++i) {
    Citation& supra = found[i];
    Citation& short_case = found[i + 1];
    if (supra.short_form != ShortForm::supra || supra.case_name.empty() ||
        supra.normalised != supra.case_name + ", supra" ||
        short_case.short_form != ShortForm::short_case || !short_case.case_name.empty() ||
        !short_case.title.empty() || short_case.offset < supra.offset + supra.length)
      continue;
    const std::size_t end = supra.offset + supra.length;
    const std::string_view between = text.substr(end, short_case.offset - end);
    if (between.empty() || between[0] != ',' || between.find('\n') != std::string_view::npos ||
        between.size() > 4)
      continue;
    short_case.case_name = supra.case_name;
    short_case.normalised = supra.normalised + ", " + short_case.normalised;
    short_case.text = std::string(
        text.substr(supra.offset, short_case.offset + short_case.length - supra.offset));
    short_case.length = short_case.offset + short_case.length - supra.offset;
    short_case.offset = supra.offset;
    short_case.where = supra.where;
    found.erase(found.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

}  // namespace

void follow(std::vector<Citation>& found, std::string_view text, const Patterns& patterns,
            Trail& trail, Warnings& warnings) {
  join_supra_short(found, text);
  find_named_references(found, text);
  std::vector<Citation> kept;
  kept.reserve(found.size());
  std::size_t previous_end = std::string_view::npos;  // of the citation before, in this text
  std::size_t last_end = 0;  // of the citation before, nested or not, or the text's start
  for (auto& c : found) {
    const bool inner = nested(text, c.offset);
    // "A; B. Id." cites two authorities before the Id.: it cannot say which (rule 4.1).
    const bool in_string =
        previous_end != std::string_view::npos && previous_end <= c.offset &&
        text.substr(previous_end, c.offset - previous_end).find(';') != std::string_view::npos &&
        text.substr(previous_end, c.offset - previous_end).find('.') == std::string_view::npos;
    if (c.short_form == ShortForm::id && trail.string_cite && !trail.last_key.empty())
      warnings.add(c.where, "\"" + c.text +
                                "\" follows a string of several citations: it points to the last "
                                "of them (" +
                                trail.last_key + "); cite the one meant");
    if (!inner) {
      trail.string_cite = in_string;
      previous_end = c.offset + c.length;
    }
    bool unresolved = false;  // an Id. after an unread citation: warned of, points to nothing
    if (c.short_form == ShortForm::id && !trail.last_key.empty()) {
      // Rule 4.1: "Foo v. Bar, 1 U.S. 1. Blah § 2. Id." means Blah § 2, which is not read:
      // pointing past it to Foo would put a wrong page in the table of authorities.
      if (const auto unread = unread_section(text, last_end, c.offset, patterns.table);
          !unread.empty()) {
        warnings.add(c.where,
                     "\"" + c.text + "\" follows \"" + collapse_spaces(unread) +
                         "\", which fiscgen does not read as a citation (a code it "
                         "does not know?): it points to nothing; cite the authority meant");
        trail.last_key.clear();
        trail.last_category = Category::none;
        unresolved = true;
      }
    }
    last_end = c.offset + c.length;
    if (c.kind == Kind::short_form) {
      if (!unresolved && !tie_hereinafter(c, text, trail) && !resolve(c, trail, warnings)) continue;
    } else {
      drop_earlier_case(c, trail);
      if (const auto alias = trail.aliases.find(c.key); alias != trail.aliases.end())
        c.key = alias->second;
      remember(c, trail, patterns.table);
      note_hereinafter(c, text, trail);
      check_year(c, patterns, warnings);
    }
    if (!c.key.empty() && !inner) {
      trail.last_key = c.key;
      trail.last_category = c.category;
    }
    kept.push_back(std::move(c));
  }
  found = std::move(kept);
}

}  // namespace fiscgen::cite
