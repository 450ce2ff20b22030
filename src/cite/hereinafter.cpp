// Rule 4.2(b): a citation followed by "[hereinafter NAME]" may be cited again as "NAME, supra";
// the FISC names its own opinions so, in a parenthetical ("(“Oct. 3, 2011 Mem. Op.”)") and cites
// them again by the name and a page ("Oct. 3, 2011 Mem. Op. at 73 n.67"). The name is the
// writer's, often several words with a comma or a date in them, which no pattern can foresee:
// the trail keeps it, a supra whose words end one is widened to it, and the name and a page
// are found where the text repeats them.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

constexpr std::string_view quotes[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D"};

// `name` without the quotation marks around it, which are the writer's.
std::string unquoted(std::string name) {
  for (const std::string_view quote : quotes) {
    if (name.rfind(quote, 0) == 0) name.erase(0, quote.size());
    if (name.size() >= quote.size() &&
        name.compare(name.size() - quote.size(), quote.size(), quote) == 0)
      name.erase(name.size() - quote.size());
  }
  return name;
}

bool opens_with_quote(std::string_view text) {
  return std::any_of(std::begin(quotes), std::end(quotes),
                     [&](std::string_view quote) { return text.rfind(quote, 0) == 0; });
}

// The name given at `at`: "[hereinafter NAME]", "(hereinafter NAME)", or a quoted name alone in
// a parenthetical, "(“NAME”)"; empty when none is.
std::string name_given(std::string_view text, std::size_t at) {
  while (at < text.size() && space_at(text, at)) at += space_at(text, at);
  if (at >= text.size() || (text[at] != '[' && text[at] != '(')) return {};
  const char close = text[at] == '[' ? ']' : ')';
  const std::size_t end = text.find(close, at);
  if (end == std::string_view::npos || end - at > 120) return {};
  std::string_view inside = text.substr(at + 1, end - at - 1);
  constexpr std::string_view hereinafter = "hereinafter ";
  if (inside.rfind(hereinafter, 0) == 0)
    inside.remove_prefix(hereinafter.size());
  else if (close == ']' || !opens_with_quote(inside))
    return {};
  return unquoted(collapse_spaces(inside));
}

// The pin after a name at `at`: ", at 73 n.67", " at *4", " at 5–6"; its length in `length`.
std::string pin_after(std::string_view text, std::size_t at, std::size_t& length) {
  const std::size_t start = at;
  if (at < text.size() && text[at] == ',') ++at;
  if (text.compare(at, 4, " at ") != 0) return {};
  at += 4;
  const std::size_t pin = at;
  if (at < text.size() && text[at] == '*') ++at;
  const std::size_t digits = at;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
  if (at == digits) return {};
  for (const std::string_view dash : {"-", "\xE2\x80\x93"})
    if (text.compare(at, dash.size(), dash) == 0 && at + dash.size() < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[at + dash.size()]))) {
      at += dash.size();
      while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
    }
  if (text.compare(at, 3, " n.") == 0 && at + 3 < text.size() &&
      std::isdigit(static_cast<unsigned char>(text[at + 3]))) {
    at += 3;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
  }
  if (at < text.size() && std::isalnum(static_cast<unsigned char>(text[at]))) return {};
  length = at - start;
  return normalise_pin(std::string(text.substr(pin, at - pin)));
}

// Where `name` is in `text` from `from`, or npos: glibc's memmem, several times faster on a
// long text than string_view::find, which tries every place its first byte is.
std::size_t find_from(std::string_view text, std::string_view name, std::size_t from) {
  if (from >= text.size()) return std::string_view::npos;
  const void* found = memmem(text.data() + from, text.size() - from, name.data(), name.size());
  return found ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data())
               : std::string_view::npos;
}

// The references found in a text, kept apart from what the reader found until all are: an
// insertion or an erasure in the middle of `found` moves every citation after it.
class References {
 public:
  explicit References(std::vector<Citation>& found) : found_(found), dropped_(found.size()) {}

  // Whether [begin, end) is free of the citations read and the references added, once the short
  // forms the reader found inside it are dropped ("Mem. Op. at 73 n.67" of "Oct. 3, 2011 Mem.
  // Op. at 73 n.67": the longer reference is what the writer meant).
  bool free_for(std::size_t begin, std::size_t end) {
    if (std::any_of(added_.begin(), added_.end(), [&](const Citation& c) {
          return c.offset < end && begin < c.offset + c.length;
        }))
      return false;
    std::size_t i = first_from(begin);
    for (std::size_t j = i; j-- > 0;)  // the nearest one kept before it
      if (!dropped_[j]) {
        if (found_[j].offset + found_[j].length > begin) return false;
        break;
      }
    std::vector<std::size_t> within;
    for (; i < found_.size() && found_[i].offset < end; ++i) {
      if (dropped_[i]) continue;
      if (found_[i].kind != Kind::short_form || found_[i].offset + found_[i].length > end)
        return false;
      within.push_back(i);
    }
    for (const auto index : within) dropped_[index] = true;
    return true;
  }

  // A citation read before `at` (the one that names what is cited there is, at the farthest).
  const Citation& before(std::size_t at) const { return found_[first_from(at) - 1]; }

  void add(Citation reference) { added_.push_back(std::move(reference)); }

  // `found` with the references in their places and without what they replaced.
  void finish() {
    if (added_.empty()) return;
    std::vector<Citation> all;
    all.reserve(found_.size() + added_.size());
    for (std::size_t i = 0; i < found_.size(); ++i)
      if (!dropped_[i]) all.push_back(std::move(found_[i]));
    for (auto& reference : added_) all.push_back(std::move(reference));
    std::stable_sort(all.begin(), all.end(),
                     [](const Citation& a, const Citation& b) { return a.offset < b.offset; });
    found_ = std::move(all);
  }

 private:
  // The index of the first citation read (in order of offset) at or after `at`.
  std::size_t first_from(std::size_t at) const {
    return static_cast<std::size_t>(
        std::lower_bound(found_.begin(), found_.end(), at,
                         [](const Citation& c, std::size_t offset) { return c.offset < offset; }) -
        found_.begin());
  }

  std::vector<Citation>& found_;
  std::vector<bool> dropped_;
  std::vector<Citation> added_;
};

}  // namespace

void note_hereinafter(const Citation& c, std::string_view text, Trail& trail) {
  if (c.key.empty()) return;
  const std::string name = name_given(text, c.offset + c.length);
  if (!name.empty()) trail.hereinafter.emplace(name, c.key);
}

void find_named_references(std::vector<Citation>& found, std::string_view text) {
  // Each name once, from the citation that first gives it; copied: `found` changes at the end.
  std::vector<std::pair<Citation, std::string>> naming;
  for (const auto& c : found)
    if (c.kind != Kind::short_form)
      if (auto name = name_given(text, c.offset + c.length);
          !name.empty() && std::none_of(naming.begin(), naming.end(),
                                        [&](const auto& given) { return given.second == name; }))
        naming.emplace_back(c, std::move(name));
  References references(found);
  for (const auto& [c, name] : naming) {
    for (auto at = find_from(text, name, c.offset + c.length); at != std::string_view::npos;
         at = find_from(text, name, at + name.size())) {
      if (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))) continue;
      std::size_t length = 0;
      const std::string pin = pin_after(text, at + name.size(), length);
      const std::size_t end = at + name.size() + length;
      if (pin.empty() || !references.free_for(at, end)) continue;
      Citation reference;
      reference.kind = Kind::short_form;
      reference.short_form = ShortForm::name_page;
      reference.category = c.category;
      reference.case_name = name;
      reference.pin_cites.push_back(pin);
      reference.normalised = name + " at " + pin;
      reference.text = std::string(text.substr(at, end - at));
      reference.offset = at;
      reference.length = end - at;
      // Counted from a citation read before it, whose place is known.
      const Citation& known = references.before(at);
      reference.where = Locator(text.substr(known.offset), known.where)(at - known.offset);
      references.add(std::move(reference));
    }
  }
  references.finish();
}

bool tie_hereinafter(Citation& c, std::string_view text, Trail& trail) {
  if (c.case_name.empty() || trail.hereinafter.empty()) return false;
  const auto tie_to = [&](const std::string& key) {
    c.key = key;
    if (const auto found = trail.by_key.find(key); found != trail.by_key.end())
      c.category = trail.authorities[found->second].category;
    note_reach(trail, key, c);
    return true;
  };
  if (c.short_form == ShortForm::name_page) {
    const auto named = trail.hereinafter.find(c.case_name);
    return named != trail.hereinafter.end() && tie_to(named->second);
  }
  if (c.short_form != ShortForm::supra) return false;
  // What the text holds before "supra", less the comma: the name the supra is by.
  const std::size_t supra = c.text.find("supra");
  if (supra == std::string::npos) return false;
  std::size_t end = c.offset + supra;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
  for (const auto& [name, key] : trail.hereinafter) {
    if (name.size() > end || text.compare(end - name.size(), name.size(), name) != 0) continue;
    const std::size_t begin = end - name.size();
    if (begin > c.offset) continue;  // the reader's name is longer than this one
    if (begin > 0 && std::isalnum(static_cast<unsigned char>(text[begin - 1]))) continue;
    const std::string_view widened = text.substr(begin, c.offset - begin);
    if (widened.find('\n') != std::string_view::npos) continue;  // the column would need the line
    for (const char byte : widened)
      if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) --c.where.column;
    c.normalised = name + c.normalised.substr(std::min(c.normalised.size(), c.case_name.size()));
    c.case_name = name;
    c.text = std::string(text.substr(begin, c.offset + c.length - begin));
    c.length += c.offset - begin;
    c.offset = begin;
    return tie_to(key);
  }
  return false;
}

}  // namespace fiscgen::cite
