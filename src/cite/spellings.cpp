// Reporters' spellings found in C++, where the case patterns hold a stand-in for them; and the
// other spellings' alternations, written into an expression when it is first compiled.
#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "cite/internal.hpp"

namespace fiscgen::cite {

std::uint32_t SpellingTrie::find(std::uint32_t node, char byte) const {
  if (node == 0) return root_[static_cast<unsigned char>(byte)];
  for (auto edge = nodes_[node].first; edge != none; edge = edges_[edge].sibling)
    if (edges_[edge].byte == byte) return edges_[edge].to;
  return none;
}

std::uint32_t SpellingTrie::child(std::uint32_t node, char byte) {
  if (const auto found = find(node, byte); found != none) return found;
  // A node's edges have distinct bytes, so their order does not matter: the new one goes first.
  const auto added = static_cast<std::uint32_t>(nodes_.size());
  edges_.push_back({byte, added, nodes_[node].first});
  nodes_[node].first = static_cast<std::uint32_t>(edges_.size() - 1);
  nodes_.emplace_back();
  nodes_.back().after_period = byte == '.';
  if (node == 0) root_[static_cast<unsigned char>(byte)] = added;
  return added;
}

void SpellingTrie::add(std::string_view spelling) {
  std::uint32_t node = 0;
  for (std::size_t i = 0; i < spelling.size(); ++i) {
    if (const auto c = static_cast<unsigned char>(spelling[i]); c > ' ' && c < 0x80) {
      node = child(node, spelling[i]);  // most bytes: neither white space nor the start of ’
      continue;
    }
    if (const auto space = space_at(spelling, i)) {
      // White space after a period is already allowed; elsewhere one or more must be there.
      if (node != 0 && !nodes_[node].after_period && spelling[i - 1] != ' ')
        node = child(node, ' ');
      i += space - 1;
      continue;
    }
    if (spelling.substr(i, 3) == "\xE2\x80\x99") {  // ’
      node = child(node, '\'');
      i += 2;
    } else {
      node = child(node, spelling[i]);
    }
  }
  if (node != 0) nodes_[node].terminal = true;
}

std::vector<std::size_t> SpellingTrie::ends(std::string_view text, std::size_t at) const {
  std::vector<std::size_t> out;
  std::uint32_t node = 0;
  while (true) {
    const Node& here = nodes_[node];
    if (here.terminal) out.push_back(at);
    std::size_t next = at;
    if (here.after_period)
      while (const auto space = space_at(text, next)) next += space;
    if (here.first == none || next >= text.size()) break;
    char byte = text[next];
    std::size_t length = 1;
    if (const auto space = space_at(text, next)) {
      byte = ' ';
      length = space;
      while (const auto more = space_at(text, next + length)) length += more;
    } else if (text.substr(next, 3) == "\xE2\x80\x99") {
      byte = '\'';
      length = 3;
    }
    node = find(node, byte);
    if (node == none) break;
    at = next + length;
  }
  return out;
}

namespace {

// What follows a reporter in a case citation: a comma (442 U.S., at 742), or white space and a
// page, a nominative reporter's "(", a blank "___", a roman page, or "at". A character beyond
// ASCII may be a digit \d matches.
bool reporter_follows(std::string_view text, std::size_t end) {
  if (end < text.size() && text[end] == ',') return true;
  std::size_t at = end;
  while (const auto space = space_at(text, at)) at += space;
  if (at == end || at >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[at]);
  return std::isdigit(c) || c >= 0x80 ||
         std::string_view("(_clxvia").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

i18n::Regex::Text::Ranges Patterns::reporter_places(std::string_view text) const {
  i18n::Regex::Text::Ranges out;
  std::size_t i = 1;
  while (i < text.size()) {
    if (space_at(text, i) == 0) {
      ++i;
      continue;
    }
    const auto before = static_cast<unsigned char>(text[i - 1]);
    while (const auto space = space_at(text, i)) i += space;
    if (!std::isdigit(before) && before < 0x80) continue;
    const auto ends = reporter_spellings.ends(text, i);
    const auto end = std::find_if(ends.rbegin(), ends.rend(),
                                  [&](std::size_t e) { return reporter_follows(text, e); });
    if (end == ends.rend()) continue;
    out.emplace_back(i, *end);
    i = *end;
  }
  return out;
}

std::string Alternations::token(Id id) {
  return {'\x01', static_cast<char>('A' + static_cast<char>(id))};
}

std::vector<std::string> Alternations::spellings(Id id) const {
  std::vector<std::string> out;
  const auto add = [&out](const std::string& abbreviation,
                          const std::vector<std::string>& variants) {
    out.push_back(abbreviation);
    out.insert(out.end(), variants.begin(), variants.end());
  };
  switch (id) {
    case Id::rule_set:
      for (const auto& set : table_.rule_sets) add(set.abbreviation, set.variants);
      break;
    case Id::dotted_rules:  // a bare abbreviation of a rule set is a suspect
      for (const auto& set : table_.rule_sets) {
        out.push_back(set.abbreviation);
        for (const auto& variant : set.variants)
          if (variant.find('.') != std::string::npos) out.push_back(variant);
      }
      break;
    case Id::public_domain:
      return table_.public_domain;
    case Id::state_codes:
      return table_.state_codes;
    case Id::docket_kinds:
      return table_.docket_kinds;
    case Id::year_number:
    case Id::paragraph:
      for (const auto& reporter : table_.reporters)
        if (reporter.cited == (id == Id::year_number ? Cited::year_number : Cited::paragraph))
          add(reporter.abbreviation, reporter.variants);
      break;
    case Id::docket_courts:
      for (const auto& court : table_.courts)
        if (court.docket_citations) add(court.abbreviation, court.variants);
      break;
    case Id::document_titles:
      for (const auto& title : table_.document_titles) add(title.abbreviation, title.variants);
      break;
  }
  return out;
}

const std::string& Alternations::get(Id id) const {
  const auto index = static_cast<std::size_t>(id);
  std::call_once(once_[index], [&] { built_[index] = expr::alternation(spellings(id)); });
  return built_[index];
}

std::string Alternations::expand(const std::string& expression) const {
  std::string out;
  std::size_t done = 0;
  for (auto at = expression.find('\x01'); at != std::string::npos && at + 1 < expression.size();
       at = expression.find('\x01', done)) {
    const auto index = static_cast<std::size_t>(expression[at + 1] - 'A');
    if (index >= count) throw std::logic_error("an unknown alternation in an expression");
    out.append(expression, done, at - done);
    out += get(static_cast<Id>(index));
    done = at + 2;
  }
  if (done == 0) return expression;
  out.append(expression, done, std::string::npos);
  return out;
}

}  // namespace fiscgen::cite
