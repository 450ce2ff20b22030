// Which earlier authority a short form means (rule 4.1), from the full citations in the trail:
// its name, then its page, decide; when neither does, it means none of them, with a warning.
#include <algorithm>
#include <cctype>

#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

// The first pin as a page number, or 0 when it is none ("n.5", "*3", "¶ 12").
int pin_page(const Citation& c) {
  if (c.pin_cites.empty()) return 0;
  const std::string& pin = c.pin_cites.front();
  if (pin.empty() || !std::isdigit(static_cast<unsigned char>(pin[0]))) return 0;
  return std::atoi(pin.c_str());
}

// The first page as a number, or 0 when it has none yet ("565 U.S. ___").
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

}  // namespace

// Raises what the trail knows of the pages of `key`: the first page and pins of `c`, which cites
// it (in full or as a short form tied to it).
void note_reach(Trail& trail, const std::string& key, const Citation& c) {
  int& reach = trail.reach[key];
  reach = std::max(reach, first_page(c));
  for (const auto& pin : c.pin_cites) reach = std::max(reach, last_page(pin));
}

// Whether the pin of a short form may be in `authority`: not a page before its first ("Id. at
// 50" after "1 U.S. 100"), nor a paragraph or a database's star page of a case cited by
// reporter page ("Id. at ¶ 100": a record's?). When it may not, a warning says why.
bool pin_fits(const Citation& c, const Citation& authority, Warnings& warnings) {
  if (authority.kind != Kind::case_law) return true;
  const std::string pin_text = c.pin_cites.empty() ? "" : c.pin_cites.front();
  const std::string outcome = ": it points to no authority, nor does an Id. after it; ";
  // "124 Ohio St. 3d 163, 2009-Ohio-6426, 920 N.E.2d 949": its public-domain citation numbers
  // the opinion's paragraphs.
  const bool paragraphs = !public_domain_parallel(authority).empty();
  if (!authority.reporter.empty() &&
      ((!paragraphs && pin_text.rfind("\xC2\xB6", 0) == 0) || pin_text.rfind('*', 0) == 0)) {
    warnings.add(c.where, "\"" + c.text + "\" cites " + pin_text + ", but " + named(authority) +
                              " is cited by page" + outcome +
                              "check the pin, or cite what it means in full");
    return false;
  }
  // The first page in any of its reporters: an Id. after "Smith, 99 S. Ct. at 2580" cites the
  // parallel's pages.
  int first = first_page(authority);
  for (const auto& parallel : authority.parallel) {
    const auto words = split_words(without_pins(parallel));
    if (words.size() >= 3 && is_digits(words.back()))
      first = std::min(first, std::atoi(words.back().c_str()));
  }
  const int pin = pin_page(c);
  if (pin > 0 && first > 0 && pin < first) {
    warnings.add(c.where, "\"" + c.text + "\" cites page " + std::to_string(pin) +
                              ", before the first page of " + named(authority) + outcome +
                              "check the pin and the citation before it");
    return false;
  }
  return true;
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

}  // namespace fiscgen::cite
