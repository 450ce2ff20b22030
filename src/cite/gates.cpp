// The gates: tests in C++ of whether a text may hold a match of a kind's expression, so that
// one that cannot match is neither compiled nor run (Gate, Patterns::may_hold).
#include <algorithm>
#include <cctype>

#include "cite/internal.hpp"

namespace fiscgen::cite {

SpellingKeys::SpellingKeys(std::vector<std::string> keys) : keys_(std::move(keys)) {
  if (!std::is_sorted(keys_.begin(), keys_.end())) std::sort(keys_.begin(), keys_.end());
  keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
}

bool SpellingKeys::Cursor::next(char byte) {
  // Every key in [begin_, end_) begins with the `read_` bytes read; the one that is no longer
  // sorts first, then the others by their next byte (std::string compares bytes unsigned).
  const auto c = static_cast<unsigned char>(byte);
  const auto at = read_;
  begin_ = std::partition_point(begin_, end_, [&](const std::string& key) {
    return key.size() <= at || static_cast<unsigned char>(key[at]) < c;
  });
  end_ = std::partition_point(begin_, end_, [&](const std::string& key) {
    return static_cast<unsigned char>(key[at]) == c;
  });
  ++read_;
  return begin_ != end_;
}

namespace {

// The byte at `at` as spelling_key() writes it (’ as '), `at` moved past it.
char key_byte(std::string_view text, std::size_t& at) {
  if (text.substr(at, 3) == "\xE2\x80\x99") {
    at += 3;
    return '\'';
  }
  return text[at++];
}

// Patterns::may_hold for one set of spellings and its separators.
bool spelling_after_number(std::string_view text, const SpellingKeys& spellings,
                           std::string_view separators) {
  const auto separator_at = [&](std::size_t at) {
    return at < text.size() &&
           (space_at(text, at) || separators.find(text[at]) != std::string_view::npos);
  };
  for (std::size_t i = 1; i < text.size(); ++i) {
    const auto before = static_cast<unsigned char>(text[i - 1]);
    if (!separator_at(i) || !(std::isdigit(before) || before >= 0x80)) continue;
    std::size_t at = i;
    while (separator_at(at)) at += std::max<std::size_t>(1, space_at(text, at));
    SpellingKeys::Cursor key(spellings);  // as spelling_key() writes it: no white space, ’ as '
    while (at < text.size()) {
      if (const auto space = space_at(text, at)) {
        at += space;
        continue;
      }
      if (!key.next(key_byte(text, at))) break;
      if (key.whole() && separator_at(at)) return true;
    }
  }
  return false;
}

// Patterns::may_hold for a code's abbreviation as volume_start and the code's expression write
// it ("U\.?\s?S\.?\s?C"): `letters`, each but the last followed by an optional period and an
// optional white-space character, after white space (a byte beyond ASCII may end one).
bool abbreviation_after_space(std::string_view text, std::string_view letters) {
  for (auto i = text.find(letters[0], 1); i != std::string_view::npos;
       i = text.find(letters[0], i + 1)) {
    const auto before = static_cast<unsigned char>(text[i - 1]);
    if (!std::isspace(before) && before < 0x80) continue;
    std::size_t at = i + 1, matched = 1;
    for (; matched < letters.size(); ++matched, ++at) {
      if (at < text.size() && text[at] == '.') ++at;
      at += space_at(text, at);
      if (at >= text.size() || text[at] != letters[matched]) break;
    }
    if (matched == letters.size()) return true;
  }
  return false;
}

bool ascii_alphanumeric(unsigned char c) {
  return c < 0x80 && std::isalnum(c);
}

// Where a spelling may start: after no letter or digit ("(?<![\p{L}\p{Nd}])"), after no letter
// ("(?<![\p{L}])"), or at a word boundary ("\b"); a byte beyond ASCII may be a letter or not.
enum class Start { after_no_word, after_no_letter, boundary };

// Patterns::may_hold for a spelling as expr::alternation's expression finds it (white space where
// the spelling has a space, or any after a period; ’ as ') at a `start`: the text read as
// spelling_key() writes it, white space left out, which finds every place the expression does
// and a few more.
bool spelling_at(std::string_view text, const SpellingKeys& spellings, Start start) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0) {
      const auto before = static_cast<unsigned char>(text[i - 1]);
      const auto here = static_cast<unsigned char>(text[i]);
      if (start == Start::after_no_word && ascii_alphanumeric(before)) continue;
      if (start == Start::after_no_letter && before < 0x80 && std::isalpha(before)) continue;
      if (start == Start::boundary && ascii_alphanumeric(before) && ascii_alphanumeric(here))
        continue;
    }
    SpellingKeys::Cursor key(spellings);
    for (std::size_t at = i; at < text.size();) {
      if (const auto space = space_at(text, at)) {
        if (at == i) break;  // a spelling starts with no white space
        at += space;
        continue;
      }
      if (!key.next(key_byte(text, at))) break;
      if (key.whole()) return true;
    }
  }
  return false;
}

// Patterns::may_hold for secondary.cpp's short treatise: "\d{1,2}\s+", a surname
// ("\p{Lu}[\p{L}'’\-]+", optionally "\s+&\s+" and another) and ",\s". A byte beyond ASCII may be
// a digit, a capital or a letter there.
bool surname_after_volume(std::string_view text) {
  const auto byte = [&](std::size_t at) {
    return at < text.size() ? static_cast<unsigned char>(text[at]) : 0u;
  };
  const auto spaces = [&](std::size_t at) {
    const std::size_t start = at;
    while (const auto space = space_at(text, at)) at += space;
    return at == start ? std::string_view::npos : at;
  };
  // Past a surname starting at `at`, or npos.
  const auto surname = [&](std::size_t at) {
    if (!(std::isupper(byte(at)) || byte(at) >= 0x80)) return std::string_view::npos;
    const std::size_t start = ++at;
    while (!space_at(text, at) &&
           (std::isalpha(byte(at)) || byte(at) == '\'' || byte(at) == '-' || byte(at) >= 0x80))
      ++at;
    return at == start ? std::string_view::npos : at;
  };
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!(std::isdigit(byte(i - 1)) || byte(i - 1) >= 0x80)) continue;
    const auto start = spaces(i);
    if (start == std::string_view::npos) continue;
    const auto at = surname(start);
    if (at == std::string_view::npos) continue;
    if (byte(at) == ',') return true;  // "2 Wigmore,"
    // "1 Kris & Wilson,"
    if (const auto gap = spaces(at); gap != std::string_view::npos && byte(gap) == '&')
      if (const auto second = spaces(gap + 1); second != std::string_view::npos)
        if (const auto end = surname(second); end != std::string_view::npos && byte(end) == ',')
          return true;
  }
  return false;
}

// Patterns::may_hold for cases.cpp's name-and-page reference:
// "(?<![\p{L}\p{Nd}])\p{Lu}[\p{Ll}'’\-]{2,}", white space (or California's comma and white
// space before "at"), then "at", white space and a page or "p.", or "p."/"pp." before a page (a
// page starts with a digit, "n", "*" or "¶"). A byte beyond ASCII may be a capital, a small
// letter, a digit or "¶" there.
bool name_at_page(std::string_view text) {
  const auto byte = [&](std::size_t at) {
    return at < text.size() ? static_cast<unsigned char>(text[at]) : 0u;
  };
  const auto page_or_p = [&](std::size_t at) {
    const auto c = byte(at);
    return std::isdigit(c) || c == 'n' || c == '*' || c >= 0x80 || c == 'p';
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!(std::isupper(byte(i)) || byte(i) >= 0x80)) continue;
    if (i > 0 && ascii_alphanumeric(byte(i - 1))) continue;
    std::size_t at = i + 1;
    while (!space_at(text, at) &&
           (std::islower(byte(at)) || byte(at) == '\'' || byte(at) == '-' || byte(at) >= 0x80))
      ++at;
    if (at - i < 3) continue;            // a capital and two more bytes at least
    const bool comma = byte(at) == ',';  // "Glaser, at p. 365"
    if (comma) ++at;
    if (!space_at(text, at)) continue;
    while (const auto space = space_at(text, at)) at += space;
    if (comma && byte(at) != 'a') continue;
    if (byte(at) == 'p' && (byte(at + 1) == '.' || byte(at + 1) == 'p')) return true;
    if (byte(at) != 'a' || byte(at + 1) != 't' || !space_at(text, at + 2)) continue;
    at += 2;
    while (const auto space = space_at(text, at)) at += space;
    if (page_or_p(at)) return true;
  }
  return false;
}

}  // namespace

bool Patterns::may_hold(Gate gate, std::string_view text) const {
  switch (gate) {
    case Gate::none:
      return true;
    case Gate::reporter:
      return spelling_after_number(text, reporter_keys, ",");
    case Gate::source:
      return spelling_after_number(text, source_keys, ",");
    case Gate::public_domain:
      return spelling_after_number(text, *public_domain_keys, "-");
    case Gate::us_code:
      return abbreviation_after_space(text, "USC");
    case Gate::cfr:
      return abbreviation_after_space(text, "CFR");
    case Gate::state_code:
      return spelling_at(text, *state_code_keys, Start::after_no_word);
    case Gate::surname_after_volume:
      return surname_after_volume(text);
    case Gate::reporter_at:
      return reporter_at(text, reporter_places(text));
    case Gate::document_title:
      return spelling_at(text, *title_keys, Start::boundary);
    case Gate::rule_set:  // both of the expression's forms hold a set's spelling
      return spelling_at(text, *rule_set_keys, Start::after_no_letter);
    case Gate::name_at_page:
      return name_at_page(text);
  }
  return true;
}

bool Patterns::reporter_at(std::string_view text, const i18n::Regex::Text::Ranges& places) const {
  // As the short case's expression reads on from its stand-in: "(?:,\s*|\s+)at\s+".
  for (const auto& [begin, end] : places) {
    std::size_t at = end;
    const bool comma = at < text.size() && text[at] == ',';
    if (comma) ++at;
    const std::size_t space = at;
    while (const auto length = space_at(text, at)) at += length;
    if ((comma || at > space) && text.substr(at, 2) == "at" && space_at(text, at + 2)) return true;
  }
  return false;
}

namespace {

// Whether a reporter-like suspect's match ("\d{1,4}\s+\p{Lu}…") may start at a byte outside the
// citations read: a number (a byte beyond ASCII may be a digit), white space and a capital (or
// a byte beyond ASCII). Its expression was compiled for every text a citation was read in,
// where every number is inside the citation.
bool number_and_capital_outside(std::string_view text,
                                const std::function<bool(std::size_t)>& read) {
  const auto byte = [&](std::size_t at) {
    return at < text.size() ? static_cast<unsigned char>(text[at]) : 0u;
  };
  const auto digit = [&](std::size_t at) {
    return std::isdigit(byte(at)) || (byte(at) >= 0x80 && !space_at(text, at));
  };
  for (std::size_t start = 0; start < text.size(); ++start) {
    if (!digit(start) || read(start)) continue;
    std::size_t at = start;
    while (digit(at)) ++at;
    if (!space_at(text, at)) continue;
    while (const auto space = space_at(text, at)) at += space;
    if (std::isupper(byte(at)) || byte(at) >= 0x80) return true;
  }
  return false;
}

}  // namespace

bool Patterns::may_hold(Suspect suspect, std::string_view text,
                        const std::function<bool(std::size_t)>& read) const {
  switch (suspect) {
    case Suspect::code_without_section:
      return may_hold(Gate::us_code, text) || may_hold(Gate::cfr, text);
    case Suspect::reporter_like:
      return number_and_capital_outside(text, read);
    case Suspect::bare_abbreviation:
    case Suspect::id_at_nothing:
      return true;
  }
  return true;
}

}  // namespace fiscgen::cite
