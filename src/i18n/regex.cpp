// ICU regular expressions over UTF-8, for the stages that match text (cite/).
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <map>
#include <memory>

#include "i18n/i18n.hpp"
#include "i18n/icu_util.hpp"

namespace fiscgen::i18n {
namespace {

// ICU counts match-engine steps, not time, so the limit is deterministic; this many steps per
// find() is far past any citation and still stops a pattern that backtracks exponentially.
constexpr std::int32_t match_step_limit = 2000;

icu::RegexPattern* as_pattern(void* pattern) {
  return static_cast<icu::RegexPattern*>(pattern);
}

// The characters a narrowed pattern serves (Regex::Scope): the scope's Latin blocks, general
// punctuation (dashes, quotes), currency and letterlike symbols (№, ™), and every case form of
// them (K, Ÿ, ẞ), so that a case-insensitive part of a pattern, which closes its sets over case,
// still finds in them every character of the text it would find in the whole category.
UChar32 last_latin(Regex::Scope scope) {
  return scope == Regex::Scope::latin_1 ? 0x00FF : 0x024F;
}

const icu::UnicodeSet& alphabet(Regex::Scope scope) {
  const auto make = [](Regex::Scope of) {
    icu::UnicodeSet set;
    set.add(0x0000, last_latin(of)).add(0x2000, 0x206F).add(0x20A0, 0x20CF).add(0x2100, 0x214F);
    set.closeOver(USET_CASE_INSENSITIVE).removeAllStrings();
    set.freeze();
    return set;
  };
  static const icu::UnicodeSet latin = make(Regex::Scope::latin),
                               latin_1 = make(Regex::Scope::latin_1);
  return scope == Regex::Scope::latin_1 ? latin_1 : latin;
}

bool in_alphabet(UChar32 c, Regex::Scope scope) {
  return c <= last_latin(scope) || alphabet(scope).contains(c);
}

// The members of a general category in a scope's alphabet, written for a bracketed set: ranges
// of characters, escaped where ASCII punctuation would mean something in a set. Empty when none
// is: the caller then writes U+10FFFF, which no text of the scope holds.
std::string members(std::uint32_t category_mask, Regex::Scope scope) {
  icu::UnicodeString out;
  const auto put = [&](UChar32 c) {
    if (c < 0x80 && !u_isalnum(c)) {
      char escaped[16];
      std::snprintf(escaped, sizeof escaped, "\\x{%X}", static_cast<unsigned>(c));
      out.append(icu::UnicodeString(escaped, -1, US_INV));
    } else {
      out.append(c);
    }
  };
  const auto& characters = alphabet(scope);
  for (std::int32_t r = 0; r < characters.getRangeCount(); ++r) {
    const UChar32 last = characters.getRangeEnd(r);
    for (UChar32 c = characters.getRangeStart(r); c <= last; ++c) {
      if ((U_GET_GC_MASK(c) & category_mask) == 0) continue;
      UChar32 end = c;
      while (end < last && (U_GET_GC_MASK(end + 1) & category_mask) != 0) ++end;
      put(c);
      if (end > c) {
        out.append(u'-');
        put(end);
      }
      c = end;
    }
  }
  return to_std(out);
}

// `pattern` with each \p{Category} (a general category: L, Lu, Nd…) and \d replaced by its
// members in the scope's alphabet, as a bracketed set: bare, or nested in a set (a union there),
// so that what is written around it keeps its meaning. Anything else is left as written, which
// is exact, only slower; and so is a pattern whose syntax this does not follow (quoting with
// \Q, comments with (?x)).
std::string narrowed(const std::string& pattern, Regex::Scope scope) {
  if (pattern.find("\\Q") != std::string::npos || pattern.find("(?x") != std::string::npos)
    return pattern;
  std::map<std::string, std::string> sets;  // by category name
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '\\' || i + 1 == pattern.size()) {
      out += pattern[i];
      continue;
    }
    // \d is \p{Nd}: outside a set ICU tests it without a set, but builds the whole one to
    // find where a pattern that starts with it may start.
    const bool digit = pattern[i + 1] == 'd';
    const std::size_t close = digit                                ? i + 1
                              : pattern.compare(i, 3, "\\p{") == 0 ? pattern.find('}', i)
                                                                   : std::string::npos;
    if (close == std::string::npos) {
      out.append(pattern, i, 2);  // an escape: the character after it means nothing here
      ++i;
      continue;
    }
    const std::string name = digit ? "Nd" : pattern.substr(i + 3, close - i - 3);
    const std::int32_t mask = u_getPropertyValueEnum(UCHAR_GENERAL_CATEGORY_MASK, name.c_str());
    if (mask == UCHAR_INVALID_CODE) {
      out.append(pattern, i, close + 1 - i);
      i = close;
      continue;
    }
    auto found = sets.find(name);
    if (found == sets.end()) {
      const std::string inside = members(static_cast<std::uint32_t>(mask), scope);
      found = sets.emplace(name, "[" + (inside.empty() ? "\\x{10FFFF}" : inside) + "]").first;
    }
    out += found->second;
    i = close;
  }
  return out;
}

}  // namespace

struct Regex::Text::Impl {
  icu::UnicodeString text;
  std::vector<std::size_t> byte_at;            // of every UTF-16 unit, and one past the end
  Regex::Scope scope = Regex::Scope::latin_1;  // the narrowest whose alphabet holds the text
};

namespace {

// Regex::Text's constructors: `utf8` converted, each range of `stand_ins` as one stand-in
// character; without stand-ins (nullptr), the text's own characters all as they are.
void convert(std::string_view utf8, const Regex::Text::Ranges* stand_ins, icu::UnicodeString& text,
             std::vector<std::size_t>& byte_at, Regex::Scope& scope) {
  constexpr UChar32 stand_in_character = 0xFDD0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  // UTF-16 never needs more units than UTF-8 has bytes.
  char16_t* units = text.getBuffer(length + 1);
  byte_at.reserve(utf8.size() + 1);
  std::int32_t i = 0, written = 0;
  std::size_t next = 0;  // the next stand-in
  while (i < length) {
    const std::size_t begin = static_cast<std::size_t>(i);
    if (stand_ins != nullptr) {
      while (next < stand_ins->size() && (*stand_ins)[next].first < begin) ++next;
      if (next < stand_ins->size() && (*stand_ins)[next].first == begin) {
        units[written++] = static_cast<char16_t>(stand_in_character);
        byte_at.push_back(begin);
        i = static_cast<std::int32_t>((*stand_ins)[next++].second);
        continue;
      }
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || (c == stand_in_character && stand_ins != nullptr))
      c = 0xFFFD;  // ill-formed bytes match nothing in particular
    if (scope == Regex::Scope::latin_1 && !in_alphabet(c, scope)) scope = Regex::Scope::latin;
    if (scope == Regex::Scope::latin && !in_alphabet(c, scope)) scope = Regex::Scope::any;
    U16_APPEND_UNSAFE(units, written, c);
    byte_at.push_back(begin);
    if (U16_LENGTH(c) == 2) byte_at.push_back(begin);
  }
  text.releaseBuffer(written);
  byte_at.push_back(utf8.size());
}

}  // namespace

Regex::Text::Text(std::string_view utf8) : impl_(std::make_unique<Impl>()) {
  convert(utf8, nullptr, impl_->text, impl_->byte_at, impl_->scope);
}

Regex::Text::Text(std::string_view utf8, const Ranges& stand_ins)
    : impl_(std::make_unique<Impl>()) {
  convert(utf8, &stand_ins, impl_->text, impl_->byte_at, impl_->scope);
}

Regex::Scope Regex::Text::scope() const {
  return impl_->scope;
}

Regex::Text::~Text() = default;
Regex::Text::Text(Text&&) noexcept = default;
Regex::Text& Regex::Text::operator=(Text&&) noexcept = default;

Regex::Regex(const std::string& pattern, Scope scope) {
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
      to_icu(scope == Scope::any ? pattern : narrowed(pattern, scope)), where, status));
  if (U_FAILURE(status))
    throw Error("bad regular expression (" + std::string(u_errorName(status)) + " at offset " +
                std::to_string(where.offset) + "): " + pattern.substr(0, 2000));
  pattern_ = compiled.release();
}

Regex::~Regex() {
  delete as_pattern(pattern_);
}

Regex::Regex(Regex&& other) noexcept : pattern_(other.pattern_) {
  other.pattern_ = nullptr;
}

Regex& Regex::operator=(Regex&& other) noexcept {
  if (this != &other) {
    delete as_pattern(pattern_);
    pattern_ = other.pattern_;
    other.pattern_ = nullptr;
  }
  return *this;
}

int Regex::group(const std::string& name) const {
  UErrorCode status = U_ZERO_ERROR;
  const int number = as_pattern(pattern_)->groupNumberFromName(to_icu(name), status);
  return U_FAILURE(status) ? -1 : number;
}

Regex::Matches Regex::find_all(const Text& text) const {
  Matches found;
  const auto& byte_at = text.impl_->byte_at;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(
      as_pattern(pattern_)->matcher(text.impl_->text, status));
  check(status, "creating a regular expression matcher");
  const int groups = matcher->groupCount();
  while (true) {
    // The step limit counts per find(), so a long text is not cut short by its length alone.
    matcher->setTimeLimit(match_step_limit, status);
    if (!matcher->find(status)) break;
    if (U_FAILURE(status)) break;
    Match match(static_cast<std::size_t>(groups) + 1);
    for (int g = 0; g <= groups; ++g) {
      const std::int32_t begin = matcher->start(g, status);
      const std::int32_t end = matcher->end(g, status);
      if (U_FAILURE(status)) break;
      if (begin < 0) continue;
      match[static_cast<std::size_t>(g)] = {byte_at[static_cast<std::size_t>(begin)],
                                            byte_at[static_cast<std::size_t>(end)]};
    }
    if (U_FAILURE(status)) break;
    found.matches.push_back(std::move(match));
  }
  found.complete = U_SUCCESS(status);
  return found;
}

bool Regex::found_in(const Text& text) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(
      as_pattern(pattern_)->matcher(text.impl_->text, status));
  check(status, "creating a regular expression matcher");
  matcher->setTimeLimit(match_step_limit, status);
  // Out of steps counts as found, so the costlier pattern still runs (and reports its own limit).
  return matcher->find(status) || U_FAILURE(status);
}

}  // namespace fiscgen::i18n
