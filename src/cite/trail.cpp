// Short forms resolved as Bluebook rule 4.1 says, against the full citations earlier in the
// trail; the trail kept as citations are read.
#include <algorithm>
#include <cctype>

#include "cite/internal.hpp"
#include "i18n/i18n.hpp"

namespace fiscgen::cite {
namespace {

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
                                     const std::vector<std::string>& governments = {}) {
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

// The first pin as a page number, or 0 when it is none ("n.5", "*3", "¶ 12").
int pin_page(const Citation& c) {
  if (c.pin_cites.empty()) return 0;
  const std::string& pin = c.pin_cites.front();
  if (pin.empty() || !std::isdigit(static_cast<unsigned char>(pin[0]))) return 0;
  return std::atoi(pin.c_str());
}

int first_page(const Citation& c) {
  return c.first_page.empty() || !std::isdigit(static_cast<unsigned char>(c.first_page[0]))
             ? 0
             : std::atoi(c.first_page.c_str());
}

// The last page a pin names: 742 of "742", 743 of "742–43" (the end written short), 348 of
// "347-348"; 0 when it names none ("n.5", "*3", "¶ 12").
int last_page(std::string_view pin) {
  auto digits = [&pin](std::size_t at) {
    std::size_t end = at;
    while (end < pin.size() && end - at < 9 && std::isdigit(static_cast<unsigned char>(pin[end])))
      ++end;
    return pin.substr(at, end - at);
  };
  const auto first = digits(0);
  if (first.empty()) return 0;
  std::size_t at = first.size();
  if (pin.compare(at, 1, "-") == 0)
    at += 1;
  else if (pin.compare(at, en_dash.size(), en_dash) == 0)
    at += en_dash.size();
  else
    return std::atoi(std::string(first).c_str());
  const auto end = digits(at);
  if (end.empty() || end.size() > first.size()) return std::atoi(std::string(first).c_str());
  const std::string whole = std::string(first.substr(0, first.size() - end.size())) += end;
  return std::max(std::atoi(std::string(first).c_str()), std::atoi(whole.c_str()));
}

// Raises what the trail knows of the pages of `key`: the first page and pins of `c`, which cites
// it (in full or as a short form tied to it).
void note_reach(Trail& trail, const std::string& key, const Citation& c) {
  int& reach = trail.reach[key];
  reach = std::max(reach, first_page(c));
  for (const auto& pin : c.pin_cites) reach = std::max(reach, last_page(pin));
}

// Of several authorities a short form may mean, those whose name it repeats ("Foo, 1 U.S., at
// 2" is Foo v. Bar, not Wrong v. Wrong of the same volume). When none has it, all stay.
std::vector<const Citation*> fitting(const Citation& c, std::vector<const Citation*> candidates) {
  if (c.short_form != ShortForm::short_case || c.case_name.empty()) return candidates;
  const std::string name = first_word(c.case_name);
  std::vector<const Citation*> kept;
  for (const auto* candidate : candidates) {
    const auto names = short_names(candidate->case_name);
    if (std::find(names.begin(), names.end(), name) != names.end()) kept.push_back(candidate);
  }
  return kept.empty() ? candidates : kept;
}

// An authority as a warning names it: its name and key ("Foo v. Bar, 1 U.S. 1"), without the
// pins and parentheticals of the citation that first cited it.
std::string named(const Citation& a) {
  return a.case_name.empty() || a.key.rfind(a.case_name, 0) == 0 ? a.key : with_name(a, a.key);
}

// Of several cases that fit a short form, the one its page says: cases of one volume follow
// one another, so a page is in the case that starts nearest before it, unless an earlier case
// may still run to it (it ends on the page the next starts, or this text cites it at or past
// that page). nullptr when the page cannot say, with why in `why` (empty when it is plain: the
// cases are of different volumes or reporters, or the pin is no page).
const Citation* decided_by_page(const Citation& c, const std::vector<const Citation*>& candidates,
                                const Trail& trail, std::string& why) {
  const int pin = pin_page(c);
  if (pin <= 0) return nullptr;
  for (const auto* candidate : candidates) {
    if (candidate->volume != candidates.front()->volume ||
        candidate->reporter != candidates.front()->reporter || candidate->volume.empty())
      return nullptr;
    if (first_page(*candidate) == 0) {
      why = named(*candidate) + " has no page yet";
      return nullptr;
    }
  }
  const Citation* nearest = nullptr;  // the case that starts nearest before the pin
  for (const auto* candidate : candidates)
    if (first_page(*candidate) <= pin &&
        (!nearest || first_page(*candidate) > first_page(*nearest)))
      nearest = candidate;
  const std::string page = "page " + std::to_string(pin);
  if (!nearest) {
    why = page + " is before the first page of each";
    return nullptr;
  }
  for (const auto* other : candidates) {
    if (other == nearest || first_page(*other) > pin) continue;
    if (first_page(*other) == first_page(*nearest)) {
      why = "both start on page " + std::to_string(first_page(*nearest));
      return nullptr;
    }
    if (pin == first_page(*nearest)) {
      why = page + " is where " + named(*nearest) + " starts, and may be where " + named(*other) +
            " ends";
      return nullptr;
    }
    if (const auto reach = trail.reach.find(other->key);
        reach != trail.reach.end() && reach->second >= pin) {
      why = "this text cites " + named(*other) + " at page " + std::to_string(reach->second) +
            ", so " + page + " may be in it";
      return nullptr;
    }
  }
  return nearest;
}

// The authority a short form names, from the full citations earlier in the trail; nullptr when
// none does, or when several fit and nothing decides between them (`ambiguous`, warned of
// with the authorities it may mean and what to write to say which). A wrong page in a table of
// authorities is worse than a gap the writer is told of.
const Citation* authority_of(const Citation& c, const Trail& trail, Warnings& warnings,
                             bool& ambiguous) {
  ambiguous = false;
  const std::vector<std::size_t>* indices = nullptr;
  if (!c.title.empty()) {  // "Mem. Op. at 7": the documents of that title
    const auto found = trail.by_title.find(c.title);
    if (found != trail.by_title.end()) indices = &found->second;
  } else if (c.short_form == ShortForm::supra || c.short_form == ShortForm::name_page) {
    const auto found = trail.by_name.find(first_word(c.case_name));
    if (found != trail.by_name.end()) indices = &found->second;
  } else {
    const auto found = trail.by_reporter.find({c.volume, c.reporter});
    if (found != trail.by_reporter.end()) indices = &found->second;
  }
  if (indices == nullptr) return nullptr;
  std::vector<const Citation*> candidates;
  for (const auto index : *indices) candidates.push_back(&trail.authorities[index]);
  candidates = fitting(c, std::move(candidates));
  if (candidates.size() == 1) return candidates.front();
  std::string why;
  if (const auto* decided = decided_by_page(c, candidates, trail, why)) return decided;
  ambiguous = true;
  std::string all;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    all += (i == 0 ? "" : i + 1 == candidates.size() ? " or " : ", ") + named(*candidates[i]);
  // A title names no docket; a short name or a page that several cases share, no case.
  const std::string advice =
      c.title.empty()
          ? "write a name only the case meant has, with its volume and page (\"Name, 1 U.S. at "
            "2\"), or cite it in full"
          : "give the docket and date of the one meant (\"" + c.title +
                " at 5, No. BR 14-01 (FISA Ct. Mar. 7, 2014)\")";
  warnings.add(c.where, "\"" + c.text + "\" may mean " + all +
                            (why.empty() ? "" : " (" + why + ")") +
                            ": it points to none of them, nor does an Id. after it; " + advice);
  return nullptr;
}

// Whether the pin of a short form may be in `authority`: not a page before its first ("Id. at
// 50" after "1 U.S. 100"), nor a paragraph or a database's star page of a case cited by
// reporter page ("Id. at ¶ 100": a record's?). When it may not, a warning says why.
bool pin_fits(const Citation& c, const Citation& authority, Warnings& warnings) {
  if (authority.kind != Kind::case_law) return true;
  const std::string pin_text = c.pin_cites.empty() ? "" : c.pin_cites.front();
  const std::string outcome = ": it points to no authority, nor does an Id. after it; ";
  if (!authority.reporter.empty() &&
      (pin_text.rfind("\xC2\xB6", 0) == 0 || pin_text.rfind('*', 0) == 0)) {
    warnings.add(c.where, "\"" + c.text + "\" cites " + pin_text + ", but " + named(authority) +
                              " is cited by page" + outcome +
                              "check the pin, or cite what it means in full");
    return false;
  }
  const int pin = pin_page(c), first = first_page(authority);
  if (pin > 0 && first > 0 && pin < first) {
    warnings.add(c.where, "\"" + c.text + "\" cites page " + std::to_string(pin) +
                              ", before the first page of " + named(authority) + outcome +
                              "check the pin and the citation before it");
    return false;
  }
  return true;
}

// Rule 4.1: after a short form that points to nothing, an Id. must not reach back past it.
void stop_chain(Trail& trail) {
  trail.last_key.clear();
  trail.last_category = Category::none;
}

// Ties a short form to `authority`, or to nothing when its pin cannot be in it.
void tie(Citation& c, const Citation& authority, Trail& trail, Warnings& warnings) {
  if ((c.short_form == ShortForm::id || c.short_form == ShortForm::short_case) &&
      !pin_fits(c, authority, warnings)) {
    c.key.clear();
    stop_chain(trail);
    return;
  }
  c.key = authority.key;
  c.category = authority.category;
  note_reach(trail, c.key, c);
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
      tie(c, trail.authorities[found->second], trail, warnings);
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
      if (!authority || authority->kind != Kind::case_law || authority->volume.empty())
        return false;
      // Written as the Bluebook's short form: "Howsam, 537 U.S. at 84".
      c.volume = authority->volume;
      c.reporter = authority->reporter;
      c.normalised =
          c.case_name + ", " + c.volume + " " + c.reporter + " at " + c.pin_cites.front();
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
// a capitalised sentence word before the earlier name. The words are dropped from the name and
// from the text the citation covers.
void drop_earlier_case(Citation& c, const Trail& trail) {
  if (c.kind != Kind::case_law || c.short_form != ShortForm::none) return;
  const auto words = split_words(c.case_name);
  std::size_t skip = 0;  // words before the earlier case's name
  while (skip < 2 && skip + 3 < words.size() &&
         !(words[skip + 1] == "and" && trail.by_name.count(words[skip]) != 0))
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

// Adds a full citation to the trail; the same authority cited again is one candidate, not two.
// The names of each citation of it are its names.
void remember(const Citation& c, Trail& trail, const Table& table) {
  trail.authorities.push_back(c);
  note_reach(trail, c.key, c);
  const auto [found, first] = trail.by_key.emplace(c.key, trail.authorities.size() - 1);
  const std::size_t index = found->second;
  if (first) trail.by_reporter[{c.volume.empty() ? c.key : c.volume, c.reporter}].push_back(index);
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
                              word == "tit." || word == "ch." || word == "art." || word == "pt.";
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
      if (!unresolved && !resolve(c, trail, warnings)) continue;
    } else {
      drop_earlier_case(c, trail);
      remember(c, trail, patterns.table);
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
