// Typographic quotation marks: straight " and ' in a run of text become the locale's marks.
//
// The run is read as one stream of code points across its spans. Each straight mark is decided
// by what comes before it (and, for ', after it):
//   - after the start, a space, an opening bracket, a dash or an opening mark, " opens a
//     quotation; anywhere else it closes the innermost open quotation typed with ";
//   - ' between a letter or digit and a letter is the apostrophe ("don't"), as it is before two
//     digits that end a number ("'13", "'90s"); after the start or a space it opens; after a
//     word or punctuation it closes the innermost open quotation typed with ', and is the
//     apostrophe when none is open ("the parties' briefs").
// A quotation takes the locale's outer pair at even depths and the inner pair at odd ones, so
// that "a 'b' a" and 'a "b" a' print alike: the locale decides, not the key the author pressed.
// Where the locale sets a space inside a pair (French « »), the spaces typed there are replaced
// by it, so both "oui" and " oui " give «\u202Foui\u202F».
#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "i18n/i18n.hpp"
#include "i18n/icu_util.hpp"

namespace fiscgen::i18n {
namespace {

struct LocaleDataCloser {
  void operator()(ULocaleData* data) const { ulocdata_close(data); }
};

std::string delimiter(ULocaleData* data, ULocaleDataDelimiterType type, const std::string& locale) {
  UChar buffer[8];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = ulocdata_getDelimiter(data, type, buffer, 8, &status);
  check(status, "reading the quotation marks of " + locale);
  return to_std(icu::UnicodeString(buffer, length));
}

// What the character before a straight mark says about it.
enum class Before {
  opening,  // the start, a space, an opening bracket or mark, a dash: a quotation may open
  word,     // a letter or digit (or something read as a word): a ' may be the apostrophe
  other,    // punctuation, a closing mark
};

// Stand-ins in the stream for spans whose characters are not read.
constexpr char32_t start_or_end = 0;
constexpr char32_t a_word = 'a';
constexpr char32_t a_space = ' ';

bool is_space(char32_t c) {
  return c == start_or_end || u_isUWhiteSpace(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}

Before classify(char32_t c) {
  if (is_space(c)) return Before::opening;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_DASH_PUNCTUATION:
      return Before::opening;
    default:
      break;
  }
  if (u_isalnum(static_cast<UChar32>(c)) ||
      u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK)
    return Before::word;
  return Before::other;
}

bool is_letter(char32_t c) {
  return c != start_or_end && u_isalpha(static_cast<UChar32>(c));
}
bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

/// A URL starts here: a scheme and "://", "www." or "mailto:". Its quotes are part of it.
bool url_at(const std::u32string& text, std::size_t at) {
  const auto starts = [&](std::u32string_view prefix) {
    return text.compare(at, prefix.size(), prefix) == 0;
  };
  if (starts(U"www.") || starts(U"mailto:")) return true;
  std::size_t i = at;
  while (i < text.size() && i - at < 32 &&
         (is_letter(text[i]) || is_digit(text[i]) || text[i] == '+' || text[i] == '-' ||
          text[i] == '.'))
    ++i;
  return i > at && is_letter(text[at]) && text.compare(i, 3, U"://") == 0;
}

class Typesetter {
 public:
  Typesetter(const std::vector<QuoteSpan>& spans, const QuoteMarks& marks) : marks_(marks) {
    for (const auto& span : spans) {
      first_.push_back(stream_.size());
      switch (span.kind) {
        case QuoteSpanKind::text:
        case QuoteSpanKind::kept:
          decode(span.text);
          stream_ += texts_.back();
          break;
        case QuoteSpanKind::word:
          decode({});
          stream_ += a_word;
          break;
        case QuoteSpanKind::line_break:
          decode({});
          stream_ += a_space;
          break;
      }
    }
  }

  std::vector<std::string> run(const std::vector<QuoteSpan>& spans) {
    std::vector<std::string> out;
    for (std::size_t s = 0; s < spans.size(); ++s) {
      switch (spans[s].kind) {
        case QuoteSpanKind::text:
          out.push_back(text(s, spans[s].text));
          break;
        case QuoteSpanKind::kept:
          if (!texts_[s].empty()) before_ = classify(texts_[s].back());
          out.emplace_back(spans[s].text);
          break;
        case QuoteSpanKind::word:
          before_ = Before::word;
          out.emplace_back(spans[s].text);
          break;
        case QuoteSpanKind::line_break:
          before_ = Before::opening;
          out.emplace_back(spans[s].text);
          break;
      }
    }
    return out;
  }

 private:
  struct Open {
    char32_t typed;  // " or '
    std::size_t depth;
  };

  /// The character `ahead` places after the stream position `at`, or start_or_end.
  char32_t peek(std::size_t at, std::size_t ahead) const {
    return at + ahead < stream_.size() ? stream_[at + ahead] : start_or_end;
  }

  /// Decodes a span for reading; its bytes are what is copied out, so that text is never
  /// changed but for its quotes (an invalid byte stays for layout to report).
  void decode(std::string_view utf8) {
    std::u32string text;
    std::vector<std::size_t> offsets;
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
      offsets.push_back(static_cast<std::size_t>(i));
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      text += c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
    }
    offsets.push_back(utf8.size());
    texts_.push_back(std::move(text));
    offsets_.push_back(std::move(offsets));
  }

  std::string text(std::size_t span, std::string_view utf8) {
    const std::u32string& in = texts_[span];
    const auto& offsets = offsets_[span];
    // The bytes of code points [from, to) as the input has them.
    const auto bytes = [&](std::size_t from, std::size_t to) {
      return utf8.substr(offsets[from], offsets[to] - offsets[from]);
    };
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
      const char32_t c = in[i];
      const std::size_t at = first_[span] + i;
      if (before_ == Before::opening && url_at(in, i)) {
        const std::size_t end = std::max(url_end(in, i), i + 1);
        out += bytes(i, end);
        before_ = classify(in[end - 1]);
        i = end - 1;
        continue;
      }
      if (c == '"') {
        double_quote(at, out);
      } else if (c == '\'') {
        single_quote(at, out);
      } else {
        out += bytes(i, i + 1);
        before_ = classify(c);
        continue;
      }
      // The locale's space inside an opening mark replaces the spaces typed after it.
      if (!space_after_open_.empty())
        while (i + 1 < in.size() && is_space(in[i + 1])) ++i;
      space_after_open_.clear();
    }
    return out;
  }

  /// Where the URL starting at `at` ends: at a space, less the punctuation after it that ends a
  /// sentence, a bracket or a quotation open around it.
  std::size_t url_end(const std::u32string& text, std::size_t at) const {
    std::size_t end = at;
    while (end < text.size() && !is_space(text[end])) ++end;
    while (end > at) {
      const char32_t last = text[end - 1];
      const bool closes_quote = (last == '"' || last == '\'') && open_with(last) != npos;
      if (!closes_quote &&
          std::u32string_view(U".,;:!?)]}").find(last) == std::u32string_view::npos)
        break;
      --end;
    }
    return end;
  }

  void double_quote(std::size_t at, std::string& out) {
    // " after a space closes an open " quotation when no word follows: French typists write
    // " oui ".
    const char32_t next = peek(at, 1);
    const bool closes_open =
        open_with('"') != npos && (is_space(next) || classify(next) == Before::other);
    if (before_ == Before::opening && !closes_open)
      open('"', out);
    else
      close('"', out);
  }

  void single_quote(std::size_t at, std::string& out) {
    const char32_t next = peek(at, 1);
    if (before_ == Before::word && is_letter(next)) return apostrophe(out);
    if (before_ == Before::opening) {
      const bool year =
          is_digit(next) && is_digit(peek(at, 2)) && !is_digit(peek(at, 3)) && peek(at, 3) != '\'';
      if (year || is_space(next)) return apostrophe(out);
      return open('\'', out);
    }
    if (open_with('\'') != npos) return close('\'', out);
    apostrophe(out);
  }

  void apostrophe(std::string& out) {
    out += apostrophe_;
    before_ = Before::word;
  }

  static constexpr std::size_t npos = std::size_t(-1);

  std::size_t open_with(char32_t typed) const {
    for (std::size_t k = open_.size(); k-- > 0;)
      if (open_[k].typed == typed) return k;
    return npos;
  }

  const QuoteMarks::Pair& pair(std::size_t depth) const {
    return depth % 2 == 0 ? marks_.outer : marks_.inner;
  }

  void open(char32_t typed, std::string& out) {
    const auto& p = pair(open_.size());
    open_.push_back({typed, open_.size()});
    out += p.open;
    out += p.inside;
    space_after_open_ = p.inside;
    before_ = Before::opening;
  }

  void close(char32_t typed, std::string& out) {
    const std::size_t k = open_with(typed);
    // A closing mark with nothing open to close takes the pair a quotation opened here would.
    const std::size_t depth = k == npos ? open_.size() : open_[k].depth;
    if (k != npos) open_.resize(k);
    const auto& p = pair(depth);
    if (!p.inside.empty())
      while (!out.empty()) {  // the spaces typed before the mark give way to the locale's
        auto end = static_cast<int32_t>(out.size());
        UChar32 last;
        U8_PREV(reinterpret_cast<const uint8_t*>(out.data()), 0, end, last);
        if (last < 0 || !is_space(static_cast<char32_t>(last))) break;
        out.resize(static_cast<std::size_t>(end));
      }
    out += p.inside;
    out += p.close;
    before_ = Before::other;
  }

  const QuoteMarks& marks_;
  const std::string& apostrophe_ = marks_.apostrophe;
  std::vector<std::u32string> texts_;  // each span's code points (empty for word, line_break)
  std::vector<std::vector<std::size_t>> offsets_;  // where each code point starts, and the end
  std::vector<std::size_t> first_;                 // where each span starts in stream_
  std::u32string stream_;                          // the whole run, as peek reads ahead in it
  std::vector<Open> open_;                         // the quotations open, outermost first
  Before before_ = Before::opening;
  std::string space_after_open_;  // the inside space of the mark just opened, if any
};

}  // namespace

QuoteMarks quote_marks(const Messages& messages) {
  const std::string& locale = messages.locale();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<ULocaleData, LocaleDataCloser> data(
      ulocdata_open(icu_locale(locale).getName(), &status));
  check(status, "opening the locale data of " + locale);
  QuoteMarks marks;
  marks.outer.open = delimiter(data.get(), ULOCDATA_QUOTATION_START, locale);
  marks.outer.close = delimiter(data.get(), ULOCDATA_QUOTATION_END, locale);
  marks.inner.open = delimiter(data.get(), ULOCDATA_ALT_QUOTATION_START, locale);
  marks.inner.close = delimiter(data.get(), ULOCDATA_ALT_QUOTATION_END, locale);
  marks.apostrophe = messages.format("quotes/apostrophe");
  const std::string spaced = messages.format("quotes/spaced_marks");
  const std::string space = messages.format("quotes/space_inside");
  for (auto* p : {&marks.outer, &marks.inner})
    if (!p->open.empty() && spaced.find(p->open) != std::string::npos) p->inside = space;
  return marks;
}

std::vector<std::string> typeset_quotes(const std::vector<QuoteSpan>& spans,
                                        const QuoteMarks& marks) {
  return Typesetter(spans, marks).run(spans);
}

std::string typeset_quotes(std::string_view text, const QuoteMarks& marks) {
  return typeset_quotes({QuoteSpan{QuoteSpanKind::text, text}}, marks).front();
}

}  // namespace fiscgen::i18n
