// Regular expressions over UTF-8 for the stages that match text (cite/), with PCRE2: its Unicode
// properties are tables compiled into the library, where ICU's regex engine builds nine sets from
// the whole Unicode table the first time any pattern is compiled (7.5M instructions, more than a
// third of reading one citation) and each \p{..} of a pattern anew (issue 19).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <unicode/utf8.h>

#include <memory>
#include <mutex>

#include "i18n/i18n.hpp"

namespace fiscgen::i18n {
namespace {

// The most backtracking points one search may visit: deterministic (a count, not a time), far
// past any citation, and still a stop for a pattern that backtracks exponentially.
constexpr std::uint32_t match_limit = 10'000'000;

// \r, \n, \f, \v, NEL, LS and PS end a line, as they do for ICU and Unicode: `.` and `$` stop
// at each.
pcre2_compile_context* compile_context() {
  static pcre2_compile_context* const context = [] {
    pcre2_compile_context* made = pcre2_compile_context_create(nullptr);
    pcre2_set_newline(made, PCRE2_NEWLINE_ANY);
    return made;
  }();
  return context;
}

struct MatchData {
  explicit MatchData(const pcre2_code* code)
      : data(pcre2_match_data_create_from_pattern(code, nullptr)),
        context(pcre2_match_context_create(nullptr)) {
    if (data == nullptr || context == nullptr) throw std::bad_alloc();
    pcre2_set_match_limit(context, match_limit);
  }
  ~MatchData() {
    pcre2_match_data_free(data);
    pcre2_match_context_free(context);
  }
  MatchData(const MatchData&) = delete;
  MatchData& operator=(const MatchData&) = delete;
  pcre2_match_data* data;
  pcre2_match_context* context;
};

}  // namespace

struct Regex::Text::Impl {
  Regex::Engine engine = Regex::Engine::interpreted;
  std::string text;  // as matched: well-formed UTF-8, each stand-in as one character
  // The input's byte offset of each byte of `text`, and one past the end; empty when `text` is
  // the input's own bytes.
  std::vector<std::size_t> byte_at;
  std::size_t original(std::size_t at) const { return byte_at.empty() ? at : byte_at[at]; }
};

namespace {

// Regex::Text's constructors: `utf8` as well-formed UTF-8 (ill-formed bytes and the stand-in's
// own character as U+FFFD), each range of `stand_ins` (if any) as one stand-in character.
void convert(std::string_view utf8, const Regex::Text::Ranges* stand_ins, std::string& text,
             std::vector<std::size_t>& byte_at) {
  constexpr UChar32 stand_in_character = 0xFDD0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  text.reserve(utf8.size() + 3);
  bool same = true;  // whether every byte written so far is the input's byte at the same place
  std::int32_t i = 0;
  std::size_t next = 0;  // the next stand-in
  const auto put = [&](UChar32 c, std::size_t begin, std::size_t end) {
    if (same && c >= 0 && c != stand_in_character) {  // a character as the input has it
      text.append(utf8.substr(begin, end - begin));
      return;
    }
    if (same) {
      same = false;
      byte_at.resize(text.size());
      for (std::size_t b = 0; b < text.size(); ++b) byte_at[b] = b;
    }
    if (c < 0) c = 0xFFFD;
    char encoded[4];
    std::int32_t written = 0;
    U8_APPEND_UNSAFE(encoded, written, c);
    text.append(encoded, static_cast<std::size_t>(written));
    byte_at.insert(byte_at.end(), static_cast<std::size_t>(written), begin);
  };
  while (i < length) {
    const auto begin = static_cast<std::size_t>(i);
    if (stand_ins != nullptr) {
      while (next < stand_ins->size() && (*stand_ins)[next].first < begin) ++next;
      if (next < stand_ins->size() && (*stand_ins)[next].first == begin) {
        i = static_cast<std::int32_t>((*stand_ins)[next++].second);
        put(stand_in_character, begin, static_cast<std::size_t>(i));
        continue;
      }
    }
    if (bytes[i] < 0x80) {  // a run of ASCII at once
      std::int32_t end = i + 1;
      while (end < length && bytes[end] < 0x80 &&
             (stand_ins == nullptr || next >= stand_ins->size() ||
              (*stand_ins)[next].first > static_cast<std::size_t>(end)))
        ++end;
      text.append(utf8.substr(begin, static_cast<std::size_t>(end - i)));
      if (!same)
        for (std::int32_t b = i; b < end; ++b) byte_at.push_back(static_cast<std::size_t>(b));
      i = end;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c == stand_in_character) c = -1;  // reads as U+FFFD
    put(c, begin, static_cast<std::size_t>(i));
  }
  if (!same) byte_at.push_back(utf8.size());
}

}  // namespace

Regex::Text::Text(std::string_view utf8, Engine engine) : impl_(std::make_unique<Impl>()) {
  impl_->engine = engine;
  convert(utf8, nullptr, impl_->text, impl_->byte_at);
}

Regex::Text::Text(std::string_view utf8, const Ranges& stand_ins, Engine engine)
    : impl_(std::make_unique<Impl>()) {
  impl_->engine = engine;
  convert(utf8, &stand_ins, impl_->text, impl_->byte_at);
}

Regex::Text::~Text() = default;
Regex::Text::Text(Text&&) noexcept = default;
Regex::Text& Regex::Text::operator=(Text&&) noexcept = default;

struct Regex::Compiled {
  pcre2_code* code = nullptr;
  std::uint32_t groups = 0;
  // A copy of `code` with its machine code, made the first time a text asks for it: made on a
  // copy, since compiling writes into the code that other threads may be matching with.
  std::once_flag machine_once;
  pcre2_code* machine = nullptr;  // null until made, or when PCRE2 has no JIT here

  ~Compiled() {
    pcre2_code_free(machine);
    pcre2_code_free(code);
  }
  const pcre2_code* for_engine(Engine engine) {
    if (engine == Engine::interpreted) return code;
    std::call_once(machine_once, [&] {
      pcre2_code* copy = pcre2_code_copy(code);
      if (copy != nullptr && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) != 0) {
        pcre2_code_free(copy);  // no JIT on this machine: interpreted, with the same matches
        copy = nullptr;
      }
      machine = copy;
    });
    return machine != nullptr ? machine : code;
  }
};

Regex::Regex(const std::string& pattern) : compiled_(std::make_unique<Compiled>()) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  // Without PCRE2's automatic possessification, which finds the same matches: the citation
  // patterns make their loops atomic where it matters, and the analysis cost more to compile
  // than it saved in searching (one citation 7.50M -> 7.03M instructions, the motion 70.3M ->
  // 69.7M, 30 KB of opinions 231M -> 211M).
  compiled_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                  PCRE2_UTF | PCRE2_UCP | PCRE2_NO_AUTO_POSSESS, &error, &offset,
                                  compile_context());
  if (compiled_->code == nullptr) {
    PCRE2_UCHAR reason[256];
    pcre2_get_error_message(error, reason, sizeof reason);
    throw Error("bad regular expression (" + std::string(reinterpret_cast<char*>(reason)) +
                " at offset " + std::to_string(offset) + "): " + pattern.substr(0, 2000));
  }
  pcre2_pattern_info(compiled_->code, PCRE2_INFO_CAPTURECOUNT, &compiled_->groups);
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

int Regex::group(const std::string& name) const {
  const int number =
      pcre2_substring_number_from_name(compiled_->code, reinterpret_cast<PCRE2_SPTR>(name.c_str()));
  return number < 0 ? -1 : number;
}

namespace {

// One search from `start`: pcre2_match's result. Machine code whose stack a deep match outgrows
// hands the search to the interpreter, whose stack is on the heap, so the matches never depend on
// the engine.
int search(const pcre2_code* code, const pcre2_code* interpreted, const std::string& text,
           std::size_t start, MatchData& match_data) {
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  int result = pcre2_match(code, subject, text.size(), start, PCRE2_NO_UTF_CHECK, match_data.data,
                           match_data.context);
  if (result == PCRE2_ERROR_JIT_STACKLIMIT)
    result = pcre2_match(interpreted, subject, text.size(), start,
                         PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, match_data.data, match_data.context);
  return result;
}

}  // namespace

Regex::Matches Regex::find_all(const Text& text) const {
  Matches found;
  const auto& impl = *text.impl_;
  const pcre2_code* code = compiled_->for_engine(impl.engine);
  MatchData match_data(code);
  const std::size_t groups = compiled_->groups;
  std::size_t start = 0;
  while (start <= impl.text.size()) {
    const int result = search(code, compiled_->code, impl.text, start, match_data);
    if (result == PCRE2_ERROR_NOMATCH) break;
    if (result < 0) {
      found.complete = false;  // the match limit, or memory: later matches may be missing
      break;
    }
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(match_data.data);
    Match match(groups + 1);
    for (std::size_t g = 0; g <= groups && g < static_cast<std::size_t>(result); ++g) {
      if (ovector[2 * g] == PCRE2_UNSET) continue;
      match[g] = {impl.original(ovector[2 * g]), impl.original(ovector[2 * g + 1])};
    }
    found.matches.push_back(std::move(match));
    // The next search starts where this match ended; after an empty match, one character on.
    start = ovector[1];
    if (ovector[1] == ovector[0]) {
      if (start == impl.text.size()) break;
      ++start;
      while (start < impl.text.size() && (impl.text[start] & 0xC0) == 0x80) ++start;
    }
  }
  return found;
}

bool Regex::found_in(const Text& text) const {
  const auto& impl = *text.impl_;
  const pcre2_code* code = compiled_->for_engine(impl.engine);
  MatchData match_data(code);
  // Out of steps counts as found, so the costlier pattern still runs (and reports its own limit).
  return search(code, compiled_->code, impl.text, 0, match_data) != PCRE2_ERROR_NOMATCH;
}

}  // namespace fiscgen::i18n
