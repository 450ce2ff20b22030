// What each kind of citation normalises to (The Bluebook's forms), and its parts.
#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "cite/internal.hpp"

namespace fiscgen::cite {

const std::string nbsp = "\xC2\xA0";
const std::string en_dash = "\xE2\x80\x93";

namespace {

// Bluebook T12: every month name or abbreviation a writer might use, and its Bluebook form.
struct Month {
  std::string_view bluebook;
  std::array<std::string_view, 3> spellings;
};
constexpr std::array<Month, 12> months{{
    {"Jan.", {"January", "Jan", ""}},
    {"Feb.", {"February", "Feb", ""}},
    {"Mar.", {"March", "Mar", ""}},
    {"Apr.", {"April", "Apr", ""}},
    {"May", {"May", "", ""}},
    {"June", {"June", "Jun", ""}},
    {"July", {"July", "Jul", ""}},
    {"Aug.", {"August", "Aug", ""}},
    {"Sept.", {"September", "Sept", "Sep"}},
    {"Oct.", {"October", "Oct", ""}},
    {"Nov.", {"November", "Nov", ""}},
    {"Dec.", {"December", "Dec", ""}},
}};

std::string_view bluebook_month(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (const auto& month : months)
    for (const auto spelling : month.spellings)
      if (!spelling.empty() && spelling == word) return month.bluebook;
  return {};
}

}  // namespace

bool is_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool public_domain_shape(std::string_view word) {
  const auto first = word.find('-'), last = word.rfind('-');
  return first == 4 && last > first + 1 && last + 1 < word.size() && is_digits(word.substr(0, 4)) &&
         is_digits(word.substr(last + 1));
}

std::string_view without_pins(std::string_view parallel) {
  return parallel.substr(0, parallel.find(", "));
}

std::string public_domain_parallel(const Citation& c) {
  for (const auto& parallel : c.parallel)
    if (public_domain_shape(without_pins(parallel))) return std::string(without_pins(parallel));
  return {};
}

std::vector<std::string> split_words(std::string_view text) {
  // The collapsed text holds single spaces between its words, none at its ends.
  const std::string collapsed = collapse_spaces(text);
  std::vector<std::string> words;
  for (std::size_t at = 0; at < collapsed.size();) {
    const auto space = std::min(collapsed.find(' ', at), collapsed.size());
    words.emplace_back(collapsed, at, space - at);
    at = space + 1;
  }
  return words;
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i)
    out += (i ? std::string(separator) : "") + words[i];
  return out;
}

namespace {

bool contains(const std::vector<std::string>& list, std::string_view word) {
  for (const auto& entry : list)
    if (entry == word) return true;
  return false;
}

bool is_lower_word(std::string_view word) {
  return !word.empty() && std::islower(static_cast<unsigned char>(word[0]));
}

// A period after this word may end a sentence: "Court." does, "Corp.", "U.S." and "J." do not.
bool ends_sentence(std::string_view word, const Table& table) {
  // "section 7." ends one: a number is no abbreviation.
  if (word.size() >= 2 && word.back() == '.' && is_digits(word.substr(0, word.size() - 1)))
    return true;
  if (word.size() < 3 || word.back() != '.') return false;
  if (word.substr(0, word.size() - 1).find('.') != std::string_view::npos) return false;
  return !contains(table.abbreviations, word);
}

// A word that stands lower case inside a name (the table's <name-particle>: "de", "van", "&").
bool particle(std::string_view word, const Table& table) {
  return std::find(table.name_particles.begin(), table.name_particles.end(), word) !=
         table.name_particles.end();
}

// "de la Fuente", "van der Berg": lower-case particles, then a capitalised word, start a name.
bool particles_then_name(const std::vector<std::string>& words, const Table& table) {
  for (const auto& word : words) {
    if (!is_lower_word(word)) return capitalised(word);
    if (!particle(word, table)) return false;
  }
  return false;
}

}  // namespace

namespace {

// "(In re Grand Jury Subpoena)" as one word of a name: the words of a parenthetical joined.
std::vector<std::string> words_and_parentheticals(std::string_view text) {
  std::vector<std::string> out;
  bool open = false;
  for (auto& word : split_words(text)) {
    if (open)
      out.back() += " " + word;
    else
      out.push_back(word);
    if (word.front() == '(') open = true;
    if (word.back() == ')') open = false;
  }
  return out;
}

// A parenthetical of the sentence, not of a name: it holds a lower-case word other than "re" of
// "In re" ("(As amended in 2008)", "(Harlan, J., concurring)"), or starts with "In" but not "In
// re" ("(In Katz)").
bool sentence_parenthetical(const std::string& word) {
  if (word.front() != '(') return false;
  if (word.rfind("(In ", 0) == 0 && word.rfind("(In re ", 0) != 0) return true;  // "(In Katz)"
  for (const auto& inner : split_words(word.substr(1)))
    if (is_lower_word(inner) && inner != "re") return true;
  return false;
}

}  // namespace

std::string trim_case_name(std::string_view matched, const Table& table) {
  auto words = words_and_parentheticals(matched);
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] == "v." || words[i] == "v" || words[i] == "vs." || words[i] == "vs") break;
    if (sentence_parenthetical(words[i])) start = i + 1;
    // "The Court in Katz v. …" starts the name after "in"; "Parents Involved in Community
    // Schools v. …" does not: "in" ends the sentence's part only after a lower-case word or
    // a word naming the court (the table's <court-word>).
    const bool in_sentence =
        words[i] == "in" && i > 0 &&
        (is_lower_word(words[i - 1]) || contains(table.court_words, words[i - 1]));
    if (ends_sentence(words[i], table) || in_sentence || (words[i] == "in" && i == 0))
      start = i + 1;
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(start));
  bool changed = true;
  while (changed && words.size() > 1) {
    changed = false;
    const bool in_re = words[0] == "In" && words[1] == "re";
    if (in_re) break;
    if (words.size() > 2 && contains(table.signals, words[0] + " " + words[1])) {
      words.erase(words.begin(), words.begin() + 2);
      changed = true;
    } else if (contains(table.signals, words[0]) ||
               (is_lower_word(words[0]) && !particles_then_name(words, table))) {
      words.erase(words.begin());
      changed = true;
    }
  }
  if (words.size() == 1 && (contains(table.signals, words[0]) || is_lower_word(words[0])))
    words.clear();
  return join(words, " ");
}

bool capitalised(std::string_view word) {
  const auto first = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
  return std::isupper(first) || std::isdigit(first) || first >= 0x80;
}

std::string_view signal_at_end(std::string_view before, const Table& table) {
  const std::string collapsed = collapse_spaces(before);
  for (const auto& signal : table.bluebook_signals) {
    if (signal.empty() || collapsed.size() < signal.size()) continue;
    const std::size_t at = collapsed.size() - signal.size();
    if (collapsed.compare(at + 1, std::string::npos, signal, 1) != 0 ||
        std::tolower(static_cast<unsigned char>(collapsed[at])) !=
            std::tolower(static_cast<unsigned char>(signal[0])))
      continue;
    if (at == 0 || !std::isalpha(static_cast<unsigned char>(collapsed[at - 1]))) return signal;
  }
  return {};
}

namespace {

// The length of the white space character that ends at byte `at`, or 0.
std::size_t space_before(std::string_view text, std::size_t at) {
  for (std::size_t length = 1; length <= 3 && length <= at; ++length)
    if (space_at(text, at - length) == length) return length;
  return 0;
}

}  // namespace

std::size_t name_after_signal(std::string_view text, std::size_t begin, const Table& table,
                              std::string& name, bool marked) {
  constexpr std::size_t most_words = 5, signal_reach = 40;  // a signal is shorter than 40 bytes
  std::size_t at = begin;
  while (const auto length = space_before(text, at)) at -= length;
  if (at == 0 || text[at - 1] != ',') return std::string_view::npos;
  const std::size_t comma = --at;
  for (std::size_t words = 0; words < most_words; ++words) {
    const std::size_t word_end = at;
    while (at > 0 && !space_before(text, at)) --at;
    const std::string_view word = text.substr(at, word_end - at);
    const bool named = words == 0 ? capitalised(word) : capitalised(word) || particle(word, table);
    if (word.empty() || !named || word.back() == ',' || contains(table.signals, word))
      return std::string_view::npos;
    std::size_t before = at;
    while (const auto length = space_before(text, before)) before -= length;
    if (marked && before == 0) {  // "<cite>Foo, 1 U.S. 2</cite>": the writer said it is one
      name = collapse_spaces(text.substr(at, comma - at));
      return at;
    }
    if (before == at) return std::string_view::npos;  // "(Foo, 1 U.S. 2": no signal before it
    const std::size_t look = before > signal_reach ? before - signal_reach : 0;
    // A semicolon ends the citation before it in a string cite: "…; Sealed Case, 551 F.3d 1047".
    if (text[before - 1] == ';' ||
        !signal_at_end(text.substr(look, before - look), table).empty()) {
      name = collapse_spaces(text.substr(at, comma - at));
      return at;
    }
    at = before;
  }
  return std::string_view::npos;
}

namespace {

// The word that ends before `at` and the white space after it: empty where none does.
std::string_view word_before(std::string_view text, std::size_t at, std::size_t& word_begin) {
  std::size_t word_end = at;
  while (const auto length = space_before(text, word_end)) word_end -= length;
  word_begin = word_end;
  if (word_end == at) return {};
  while (word_begin > 0 && !space_before(text, word_begin)) --word_begin;
  return text.substr(word_begin, word_end - word_begin);
}

}  // namespace

std::size_t v_particles_before(std::string_view text, std::size_t begin, const Table& table) {
  std::size_t at = begin, start = begin, word_begin = 0;
  // "al-Rahman", "el-Masri": a particle that opens a name, joined to the name by a hyphen.
  if (at > 1 && text[at - 1] == '-') {
    std::size_t joined = at - 1;
    while (joined > 0 && !space_before(text, joined) && text[joined - 1] != '-') --joined;
    if (contains(table.name_openers, text.substr(joined, at - 1 - joined))) start = at = joined;
  }
  for (int words = 0; words < 3; ++words) {  // "van der", "von und zu"
    const std::string_view word = word_before(text, at, word_begin);
    if (word.empty() || !particle(word, table) || word == "&" || word.size() < 2) break;
    at = word_begin;
    if (contains(table.name_openers, word)) start = at;  // the run starts with one
  }
  // "Ludwig van Beethoven v. Smith": capitalised words before the particles are the name's too,
  // as before "v." anywhere; not a signal ("See van der Berg …") nor a word a clause ends with.
  for (int words = 0; start != begin && words < 3; ++words) {
    const std::string_view word = word_before(text, start, word_begin);
    if (word.empty() || !capitalised(word) || contains(table.signals, word) ||
        std::string_view(".,;:)").find(word.back()) != std::string_view::npos)
      break;
    start = word_begin;
  }
  return start;
}

std::string normalise_sections(const std::string& written) {
  // "1861-1862", "1861 - 1862", "1861 to 1862" → "1861–1862"; "1861,1862" → "1861, 1862".
  std::string text = collapse_spaces(written);
  for (const std::string from : {" through ", " to "})
    if (const auto at = text.find(from); at != std::string::npos)
      text = text.substr(0, at) + en_dash + text.substr(at + from.size());
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool hyphen = text[i] == '-';
    const bool dash = text.compare(i, 3, "\xE2\x80\x94") == 0 || text.compare(i, 3, en_dash) == 0;
    if (hyphen || dash) {
      std::string before = out;
      while (!before.empty() && before.back() == ' ') before.pop_back();
      std::size_t run = before.size();
      while (run > 0 && std::isalnum(static_cast<unsigned char>(before[run - 1]))) --run;
      const std::string token = before.substr(run);
      // A hyphen after a digit run is a range, and between subsections ("(1)-(5)"); after a
      // letter (2000e-2) it is the section's own.
      const bool subsection_range =
          !before.empty() && before.back() == ')' && text.compare(i + 1, 1, "(") == 0;
      if (is_digits(token) || dash || subsection_range) {
        out = before + en_dash;
        if (dash) i += 2;
        while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
        continue;
      }
    }
    if (text[i] == ',' && i + 1 < text.size() && text[i + 1] != ' ') {
      out += ", ";
      continue;
    }
    out += text[i];
  }
  return out;
}

bool is_range(const std::string& normalised_sections) {
  // "1881a(b)(1)–(5)" is one section's subsections, not a range of sections.
  for (auto at = normalised_sections.find(en_dash); at != std::string::npos;
       at = normalised_sections.find(en_dash, at + 1))
    if (normalised_sections.compare(at + en_dash.size(), 1, "(") != 0) return true;
  return false;
}

std::size_t space_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
  };
  const unsigned c = byte(0);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c == 0xC2 && (byte(1) == 0xA0 || byte(1) == 0x85)) return 2;  // U+00A0, U+0085
  if (c == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;    // U+1680
  if (c == 0xE2 && byte(1) == 0x80 &&
      (byte(2) <= 0x8A || byte(2) == 0xA8 || byte(2) == 0xA9 || byte(2) == 0xAF))
    return 3;  // U+2000–U+200A, U+2028, U+2029, U+202F
  if (c == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  return 0;
}

std::string collapse_spaces(std::string_view text) {
  // Only these bytes start white space (space_at): the others are copied a run at a time.
  const auto may_start_space = [](char byte) {
    const auto c = static_cast<unsigned char>(byte);
    return c <= ' ' || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3;
  };
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    if (const auto length = may_start_space(text[i]) ? space_at(text, i) : 0) {
      space = true;
      i += length;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && !(may_start_space(text[end]) && space_at(text, end))) ++end;
    if (space && !out.empty()) out += ' ';
    space = false;
    out.append(text, i, end - i);
    i = end;
  }
  return out;
}

std::string section_reference(std::string_view written_reference, std::string& sections) {
  const std::string written = collapse_spaces(written_reference);
  const bool multi = written.rfind("§§", 0) == 0;
  sections = normalise_sections(collapse_spaces(written.substr(multi ? 4 : 2)));
  return std::string(multi || is_range(sections) ? "§§" : "§") + nbsp + sections;
}

std::string normalise_case_name(std::string_view name) {
  auto words = split_words(name);
  for (auto& word : words)
    if (word == "v" || word == "vs" || word == "vs.") word = "v.";
  return join(words, " ");
}

namespace {

// "743–744" → "743–44", "1075–1076" → "1075–76": Bluebook rule 3.2(a) keeps the last two digits
// of a range's end and drops the others it repeats.
std::string shorten_ranges(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto dash = text.find(en_dash, i);
    if (dash == std::string::npos) break;
    std::size_t start = dash;
    while (start > i && std::isdigit(static_cast<unsigned char>(text[start - 1]))) --start;
    std::size_t end = dash + en_dash.size();
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    const std::string from = text.substr(start, dash - start);
    std::string to = text.substr(dash + en_dash.size(), end - dash - en_dash.size());
    if (from.size() == to.size() && from.size() > 2 && to > from) {
      std::size_t same = 0;
      while (same + 2 < to.size() && from[same] == to[same]) ++same;
      to = to.substr(same);
    }
    out += text.substr(i, start - i) + from + en_dash + to;
    i = end;
  }
  return out + text.substr(std::min(i, text.size()));
}

}  // namespace

std::string normalise_pin(std::string_view pin) {
  std::string text = collapse_spaces(pin);
  // "at pp. 300-301": the page numbers alone.
  for (const std::string_view word : {"pp. ", "p. ", "at "})
    if (text.rfind(word, 0) == 0) text.erase(0, word.size());
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-' || text.compare(i, 3, "\xE2\x80\x94") == 0 ||
        text.compare(i, 3, "\xE2\x80\x93") == 0) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += en_dash;
      if (text[i] != '-') i += 2;
      while (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '*')) ++i;
      continue;
    }
    // "280, n. 6" → "280 n.6" (rule 3.2(b)): a note follows its page without a comma.
    if (text[i] == ',' && text.compare(i, 4, ", n.") == 0 && !out.empty() &&
        std::isdigit(static_cast<unsigned char>(out.back())))
      continue;
    // "¶12" → "¶ 12"
    if (text.compare(i, 2, "\xC2\xB6") == 0) {
      out += "\xC2\xB6";
      ++i;
      if (i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\xC2') out += ' ';
      continue;
    }
    out += text[i];
    // "n. 5" → "n.5", "nn. 5–6" → "nn.5–6"
    if (text[i] == '.' && i >= 1 && text[i - 1] == 'n' &&
        (i < 2 || !std::isalpha(static_cast<unsigned char>(text[i - 2])) || text[i - 2] == 'n'))
      while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
  }
  return shorten_ranges(out);
}

void split_date_parenthetical(std::string_view paren, std::string& court, std::string& date) {
  std::string text(paren);
  // West's "(4th Cir.1980)": the year closed up to the court.
  if (text.size() > 5 && text[text.size() - 5] == '.' && is_digits(text.substr(text.size() - 4)))
    text.insert(text.size() - 4, " ");
  auto words = split_words(text);
  court.clear();
  date.clear();
  if (words.empty()) return;
  std::vector<std::string> date_words{words.back()};
  words.pop_back();
  // "January 5, 2010", "Jan. 5, 2010", "Sept. 2010"
  if (words.size() >= 2 && words.back().size() >= 2 && words.back().back() == ',' &&
      is_digits(words.back().substr(0, words.back().size() - 1)) &&
      !bluebook_month(words[words.size() - 2]).empty()) {
    date_words.insert(date_words.begin(), words.back());
    words.pop_back();
    date_words.insert(date_words.begin(), std::string(bluebook_month(words.back())));
    words.pop_back();
  } else if (!words.empty() && !bluebook_month(words.back()).empty() &&
             (words.back().back() == '.' || words.back().size() > 3 || words.back() == "May")) {
    date_words.insert(date_words.begin(), std::string(bluebook_month(words.back())));
    words.pop_back();
  }
  court = join(words, " ");
  date = join(date_words, " ");
}

std::string roman_numeral(std::string_view number) {
  std::string upper;
  for (char c : number) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!is_digits(upper)) return upper;
  int value = std::stoi(upper);
  if (value <= 0 || value > 99) return upper;
  static const std::array<std::pair<int, const char*>, 7> table{
      {{90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}}};
  std::string out;
  for (const auto& [amount, letters] : table)
    while (value >= amount) {
      out += letters;
      value -= amount;
    }
  out.append(static_cast<std::size_t>(value), 'I');
  return out;
}

}  // namespace fiscgen::cite
