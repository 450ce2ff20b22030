// ICU regular expressions over UTF-8, for the stages that match text (cite/).
#include <unicode/regex.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

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

}  // namespace

struct Regex::Text::Impl {
  icu::UnicodeString text;
  std::vector<std::size_t> byte_at;  // of every UTF-16 unit, and one past the end
};

Regex::Text::Text(std::string_view utf8) : impl_(std::make_unique<Impl>()) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  // UTF-16 never needs more units than UTF-8 has bytes.
  char16_t* units = impl_->text.getBuffer(length + 1);
  auto& byte_at = impl_->byte_at;
  byte_at.reserve(utf8.size() + 1);
  std::int32_t i = 0, written = 0;
  while (i < length) {
    const std::size_t begin = static_cast<std::size_t>(i);
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;  // ill-formed bytes match nothing in particular
    U16_APPEND_UNSAFE(units, written, c);
    byte_at.push_back(begin);
    if (U16_LENGTH(c) == 2) byte_at.push_back(begin);
  }
  impl_->text.releaseBuffer(written);
  byte_at.push_back(utf8.size());
}

Regex::Text::~Text() = default;
Regex::Text::Text(Text&&) noexcept = default;
Regex::Text& Regex::Text::operator=(Text&&) noexcept = default;

Regex::Regex(const std::string& pattern) {
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(to_icu(pattern), where, status));
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
