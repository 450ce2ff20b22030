// Case names abbreviated as Bluebook rule 10.2 says, with the words of tables T6 and T10 read
// from forms/cite/case-names.xml.
#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>

#include <pugixml.hpp>

#include "base/xml.hpp"
#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

// A character of a word: a letter, a digit, an apostrophe, or any byte of a non-ASCII
// character, so "Universität" and "Asociación" are one word each and never match "Univ…".
bool word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '\'';
}

// An attribute the element does not take is an error, not passed over: a misspelt
// plural="no" would otherwise derive a wrong plural unnoticed. Returns the value of each allowed
// attribute, in `allowed`'s order (the first of a name, as pugixml's attribute() finds it), or
// nullptr where the element has none: one pass over the attributes, not a lookup per name.
std::array<const char*, 3> only_attributes(const pugi::xml_node& node,
                                           std::initializer_list<std::string_view> allowed,
                                           const XmlFile& data) {
  std::array<const char*, 3> values{};
  for (const auto& attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    if (const auto found = std::find(allowed.begin(), allowed.end(), name);
        found != allowed.end()) {
      auto& value = values[static_cast<std::size_t>(found - allowed.begin())];
      if (!value) value = attribute.value();
      continue;
    }
    std::string expected;
    for (const auto one : allowed) expected += (expected.empty() ? "" : ", ") + std::string(one);
    throw Error(data.at(node), "<" + std::string(node.name()) + "> takes no " + std::string(name) +
                                   "= (expected " + (expected.empty() ? "none" : expected) + ")");
  }
  return values;
}

bool is_vowel(char c) {
  return std::string_view("aeiou").find(c) != std::string_view::npos;
}

// The English plural of a T6 word: Company → Companies, Business → Businesses, Hospital →
// Hospitals.
std::string plural_of(const std::string& word) {
  const auto ends = [&word](std::string_view tail) { return word.ends_with(tail); };
  if (word.size() > 1 && ends("y") && !is_vowel(word[word.size() - 2]))
    return word.substr(0, word.size() - 1) + "ies";
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return word + "es";
  return word + "s";
}

// T6's plural of an abbreviation: "s" before its final period, or at its end (Hosp. → Hosps.,
// Ass'n → Ass'ns).
std::string plural_abbreviation(const std::string& abbreviation) {
  if (abbreviation.ends_with('.')) return abbreviation.substr(0, abbreviation.size() - 1) + "s.";
  return abbreviation + "s";
}

// A word of a party's name: where it starts and ends in the party.
struct Word {
  std::size_t begin, end;
};

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  for (std::size_t i = 0; i < text.size();) {
    if (!word_byte(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && word_byte(text[i])) ++i;
    words.push_back({begin, i});
  }
  return words;
}

// The words of a party from `first` on, `count` of them, joined by single spaces; empty when
// anything but one space lies between two of them ("Hospital, Inc." is not one entry).
std::string joined(std::string_view text, const std::vector<Word>& words, std::size_t first,
                   std::size_t count) {
  std::string out;
  for (std::size_t k = first; k < first + count; ++k) {
    if (k > first) {
      if (words[k].begin != words[k - 1].end + 1 || text[words[k - 1].end] != ' ') return {};
      out += ' ';
    }
    out += text.substr(words[k].begin, words[k].end - words[k].begin);
  }
  return out;
}

// Words that start a case name or separate its parties without being part of either.
constexpr std::string_view party_separators[] = {" v. ", " ex rel. "};
constexpr std::string_view name_openers[] = {"In re ", "Ex parte ", "In the Matter of "};

// `text` without the white space at its end, nor closing quotation marks and brackets.
std::string_view trim_closing(std::string_view text) {
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
      text.remove_suffix(1);
      trimmed = true;
    }
    for (const std::string_view close :
         {"\xC2\xA0", "\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", ")"})
      if (text.ends_with(close)) {
        text.remove_suffix(close.size());
        trimmed = true;
      }
  }
  return text;
}

}  // namespace

NamePlace place_of(std::string_view before, std::string_view after, bool after_signal) {
  if (after_signal) return NamePlace::citation;
  // A parenthetical still open ("(quoting ", "(citing ", "(See "): a citation's, or one of its own.
  const auto open = before.rfind('('), close = before.rfind(')');
  if (open != std::string_view::npos && (close == std::string_view::npos || close < open))
    return NamePlace::citation;
  const std::string_view lead = trim_closing(before);
  if (lead.ends_with(';') || lead.ends_with(',')) return NamePlace::citation;  // a string; a clause
  const bool starts = lead.empty() || lead.ends_with('.') || lead.ends_with('?') ||
                      lead.ends_with('!') || lead.ends_with(':');
  if (!starts) return NamePlace::textual;  // "In Smith v. Maryland, …": the sentence's own words
  // At a sentence's start it is a citation sentence when the sentence ends with it ("Smith v.
  // Maryland, 442 U.S. 735 (1979)." or "…; Katz …"), textual when the sentence goes on ("…
  // (1979), held that …").
  std::size_t i = 0;
  while (i < after.size() && std::isspace(static_cast<unsigned char>(after[i]))) ++i;
  return i == after.size() || std::string_view(".;)]").find(after[i]) != std::string_view::npos
             ? NamePlace::citation
             : NamePlace::textual;
}

CaseNames CaseNames::read(const std::filesystem::path& file, std::string bytes) {
  const XmlFile data(file.string(), std::move(bytes), "the case-name abbreviations", "case-names");
  CaseNames names;
  std::size_t elements = 0;  // each word may add its plural: room for two entries each
  for (auto node = data.root.first_child(); node; node = node.next_sibling()) ++elements;
  names.entries_.reserve(2 * elements);
  std::vector<std::pair<std::string, Entry>> plurals;
  for (const auto& node : data.root.children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string_view element = node.name();
    const std::string text = collapse_spaces(node.child_value());
    if (element == "government") {
      only_attributes(node, {}, data);
      if (text.empty()) throw Error(data.at(node), "<government> is empty");
      names.governments_.push_back(text + " ");
      continue;
    }
    if (element != "word" && element != "place")
      throw Error(data.at(node),
                  "expected <word>, <place> or <government>, not <" + std::string(element) + ">");
    const auto attributes = element == "word"
                                ? only_attributes(node, {"abbreviation", "textual", "plural"}, data)
                                : only_attributes(node, {"abbreviation"}, data);
    const auto [abbreviation, textual, plural_attribute] = attributes;
    Entry entry{abbreviation ? abbreviation : "", textual && data.yes_no(node, "textual", textual),
                element == "place"};
    if (entry.abbreviation.empty() || text.empty())
      throw Error(data.at(node),
                  "<" + std::string(element) + "> needs its words and an abbreviation= attribute");
    if (!names.entries_.emplace(text, entry).second)
      throw Error(data.at(node), "\"" + text + "\" is listed twice");
    // Collapsed, the text holds one space between words.
    names.longest_ = std::max<std::size_t>(
        names.longest_, 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')));
    const bool plural = !plural_attribute || data.yes_no(node, "plural", plural_attribute);
    if (element == "word" && plural)
      plurals.emplace_back(plural_of(text),
                           Entry{plural_abbreviation(entry.abbreviation), entry.textual, false});
  }
  // A plural listed as a word of its own ("Industries") keeps its own abbreviation.
  for (auto& [word, entry] : plurals) names.entries_.emplace(word, std::move(entry));
  return names;
}

std::string CaseNames::abbreviate(std::string_view name, NamePlace place) const {
  std::string out;
  for (const auto opener : name_openers)
    if (name.starts_with(opener)) {
      out = opener;
      name.remove_prefix(opener.size());
      break;
    }
  while (!name.empty()) {
    std::size_t cut = std::string_view::npos, length = 0;
    for (const auto separator : party_separators)
      if (const auto at = name.find(separator); at < cut) cut = at, length = separator.size();
    out += party(name.substr(0, cut), place);
    if (cut == std::string_view::npos) break;
    out += name.substr(cut, length);
    name.remove_prefix(cut + length);
  }
  return out;
}

// One party's name ("Department of Justice", "New York Times Co."), abbreviated.
std::string CaseNames::party(std::string_view text, NamePlace place) const {
  const auto words = words_of(text);
  if (words.size() < 2) return std::string(text);  // a surname: "West", "Merchant"
  // A place after "State of", "City of": what rule 10.2.1(f) shortens, not a place to abbreviate.
  std::size_t government_words = 0;
  for (const auto& government : governments_)
    if (text.starts_with(government))
      government_words = std::max(government_words, split_words(government).size());
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < words.size();) {
    // The longest entry at this word, abbreviated or not: "West Virginia" as a party's whole
    // name stays, and its "West" is not then abbreviated on its own.
    std::size_t matched = 0;
    const Entry* entry = nullptr;
    for (std::size_t count = std::min(longest_, words.size() - i); count > 0; --count) {
      const auto found = entries_.find(joined(text, words, i, count));
      if (found == entries_.end()) continue;
      entry = &found->second;
      matched = count;
      break;
    }
    const bool whole = i == government_words && i + matched == words.size();
    const bool allowed =
        entry && (entry->place ? place == NamePlace::citation && !whole
                               : place == NamePlace::citation || (entry->textual && i > 0));
    if (!allowed) {
      i += std::max<std::size_t>(matched, 1);
      continue;
    }
    const std::size_t end = words[i + matched - 1].end;
    out += text.substr(copied, words[i].begin - copied);
    out += entry->abbreviation;
    // "Company." at the end of a sentence keeps one period.
    copied =
        entry->abbreviation.ends_with('.') && end < text.size() && text[end] == '.' ? end + 1 : end;
    i += matched;
  }
  out += text.substr(copied);
  return out;
}

}  // namespace fiscgen::cite
