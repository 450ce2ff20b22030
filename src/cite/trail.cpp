// Short forms resolved as Bluebook rule 4.1 says, against the full citations earlier in the
// trail; the trail kept as citations are read.
#include <cctype>

#include "cite/internal.hpp"

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
// "Richmond v. J. A. Croson Co.", "Kerr" of "Orin S. Kerr").
std::vector<std::string> short_names(std::string_view name) {
  std::vector<std::string> out;
  for (auto word : split_words(name)) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.pop_back();
    if (word.size() >= 2 && std::isupper(static_cast<unsigned char>(word[0]))) out.push_back(word);
  }
  return out;
}

const Citation* authority_of(const Citation& c, const Trail& trail) {
  if (c.short_form == ShortForm::supra || c.short_form == ShortForm::name_page) {
    const auto found = trail.last_by_name.find(first_word(c.case_name));
    return found == trail.last_by_name.end() ? nullptr : &trail.authorities[found->second];
  }
  const auto found = trail.last_by_reporter.find({c.volume, c.reporter});
  return found == trail.last_by_reporter.end() ? nullptr : &trail.authorities[found->second];
}

// Points a short form at its authority, from the full citations earlier in the trail. False
// when a name-and-page reference names nothing cited: then it was no citation.
bool resolve(Citation& c, Trail& trail, Warnings& warnings) {
  if (c.short_form == ShortForm::id) {
    if (trail.last_key.empty()) {
      warnings.add(c.where, "\"" + c.text + "\" points to no earlier citation");
      return true;
    }
    c.key = trail.last_key;
    c.category = trail.last_category;
    return true;
  }
  const Citation* authority = authority_of(c, trail);
  if (c.short_form == ShortForm::name_page) {
    if (!authority || authority->kind != Kind::case_law || authority->volume.empty()) return false;
    // Written as the Bluebook's short form: "Howsam, 537 U.S. at 84".
    c.volume = authority->volume;
    c.reporter = authority->reporter;
    c.normalised = c.case_name + ", " + c.volume + " " + c.reporter + " at " + c.pin_cites.front();
  }
  if (authority) {
    c.key = authority->key;
    c.category = authority->category;
    return true;
  }
  if (c.short_form == ShortForm::short_case || c.short_form == ShortForm::short_statute)
    warnings.add(c.where,
                 "short form \"" + c.text +
                     "\" has no full citation before it: an Id. after it points to nothing");
  // Rule 4.1: an Id. after a short form that points nowhere must not reach back past it.
  trail.last_key.clear();
  trail.last_category = Category::none;
  return true;
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

}  // namespace

void follow(std::vector<Citation>& found, std::string_view text, const Patterns& patterns,
            Trail& trail, Warnings& warnings) {
  std::vector<Citation> kept;
  kept.reserve(found.size());
  std::size_t previous_end = std::string_view::npos;  // of the citation before, in this text
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
    if (c.kind == Kind::short_form) {
      if (!resolve(c, trail, warnings)) continue;
    } else {
      trail.authorities.push_back(c);
      const std::size_t index = trail.authorities.size() - 1;
      trail.last_by_reporter[{c.volume.empty() ? c.key : c.volume, c.reporter}] = index;
      for (const auto& name : short_names(c.case_name)) trail.last_by_name[name] = index;
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
