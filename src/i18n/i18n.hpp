// Everything ICU does for fiscgen. No other stage includes ICU headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/error.hpp"

namespace fiscgen::i18n {

/// Sets ICU's default locale to root, so a user's LANG never leaks into bundle fallback
/// (library-probe §2: de_DE otherwise falls back to the process locale). Call once at start-up.
void initialise();

/// Throws Error unless `name` is written as a locale is: a language code of 2 or 3 letters (or
/// "root"), then, joined by '_' or '-', a script, a region and variants of 1 to 8 letters or
/// digits each ("en", "en-US", "fr_CA", "sr_Latn_RS"); at most 64 characters. ICU itself
/// accepts almost any string, and reads most as the language alone.
void check_locale_name(const std::string& name);

/// Checks that text is valid UTF-8 holding no control characters other than tab and newline,
/// and returns it in NFC. Invalid input throws Error at `where`, with the byte offset of the fault.
std::string normalise(std::string_view utf8, const SourceLocation& where);

/// Plain text read whole, as `fiscgen cite` reads a file pdftotext wrote: the whitespace-like
/// controls (form feed between pages, vertical tab, NEL U+0085, line and paragraph separators
/// U+2028 and U+2029) become spaces, one character for one so that columns stay put; then as
/// normalise(), except that a refused character is located at its own line and column counted
/// from `start`.
std::string normalise_plain_text(std::string_view utf8, const SourceLocation& start);

/// The byte offset of the first invalid UTF-8 sequence in `utf8` (overlong forms and surrogates
/// included), or std::string_view::npos if it is all valid.
std::size_t invalid_utf8_at(std::string_view utf8);

/// Decodes UTF-8 (already validated) into code points.
std::u32string to_utf32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

/// What layout does with a character that is not a letter to draw, by Unicode's properties.
enum class CharacterRole {
  drawn,      // has a glyph (spaces of fixed width U+2000–U+200A included)
  separator,  // LINE or PARAGRAPH SEPARATOR: white space, as a line break in the input is
  invisible,  // Default_Ignorable_Code_Point: joiners, direction marks and isolates, BOM
};
CharacterRole character_role(char32_t cp);

/// The Unicode BiDi embedding level (UAX #9, ICU's ubidi) of each byte of `utf8`, read as a
/// left-to-right paragraph: odd levels are right to left. Empty when all of it is left to right
/// (no right-to-left character), which costs one scan.
std::vector<std::uint8_t> bidi_levels(std::string_view utf8);

/// The visual order of a line whose characters have these levels: out[i] is the logical index
/// of the character shown i-th from the left (UAX #9 rule L2, ubidi_reorderVisual).
std::vector<int> visual_order(const std::vector<std::uint8_t>& levels);

/// The glyph a right-to-left run shows for `cp`: its mirror image ("(" for ")"), or itself.
char32_t mirrored(char32_t cp);

/// Arabic letters in the presentation forms their neighbours call for (initial, medial, final,
/// isolated; lam-alef ligatures), so that a font's nominal glyphs join; other text unchanged.
std::string shape_arabic(std::string_view utf8);

/// Upper-cases with the locale's rules (German ß → SS, Turkish i → İ).
std::string to_upper(std::string_view utf8, const std::string& locale);

/// Whether the first character is a capital (upper or title case) letter in any script: "Ōtsuka",
/// "Ørsted", "Ǆukić" are; "ōtsuka", "1U.S.", "" are not.
bool starts_with_capital(std::string_view utf8);

/// Byte offsets in `utf8` where a line may break (the start of the next line), by ICU's line
/// break iterator for `locale`. Offset 0 is not included; utf8.size() is.
std::vector<std::size_t> line_breaks(std::string_view utf8, const std::string& locale);

/// ICU collation keys of `texts` in `locale`, with numeric ordering ("§ 1861" before
/// "§ 1881a", "F.2d" before "F.3d"): comparing two keys as byte strings (std::string's <) orders
/// their texts as the locale's collator does. One collator serves the whole list.
std::vector<std::string> collation_keys(const std::vector<std::string>& texts,
                                        const std::string& locale);

/// A calendar date read from ISO 8601 "YYYY-MM-DD"; throws Error at `where` if impossible.
struct Date {
  int year = 0, month = 0, day = 0;
  static Date parse(std::string_view iso, const SourceLocation& where);
};

/// Formats a date in the locale: style "full", "long", "medium", "short", or an ICU skeleton
/// such as "MMMM" or "yMMMMd". Time zone is UTC: a date never shifts by a day.
std::string format_date(const Date& date, const std::string& locale, const std::string& style);

/// Formats a number: style "decimal", "ordinal" (16th, 16e, 16.), "upper-roman", "lower-roman",
/// "upper-alpha", "lower-alpha" (A, B, … Z, AA), "spellout".
std::string format_number(long long value, const std::string& locale, const std::string& style);

/// ICU's version, e.g. "72.1", for `fiscgen doctor`.
std::string icu_version();

/// The locales fiscgen has bundles for (from the *.res files), sorted.
std::vector<std::string> available_locales(const std::filesystem::path& bundle_dir);

/// The message keys ("letter/closing") that the bundle `name` ("fr", "root") defines itself,
/// without what it inherits, sorted. For checking that a translation is complete.
std::vector<std::string> message_keys(const std::filesystem::path& bundle_dir,
                                      const std::string& name);

using MessageArgument = std::variant<std::string, long long, Date>;

/// The fixed words of templates, from ICU resource bundles compiled from locales/.
class Messages {
 public:
  /// Opens the bundles in `bundle_dir` for `locale`, with ICU's fallback (fr_CA → fr → root).
  /// A locale whose language has no bundle is an Error listing the available ones.
  Messages(const std::filesystem::path& bundle_dir, const std::string& locale);
  ~Messages();
  Messages(const Messages&) = delete;
  Messages& operator=(const Messages&) = delete;

  const std::string& locale() const { return locale_; }
  /// The compiled bundles of the fallback chain, most specific first (root last): what a
  /// document using these messages read.
  std::vector<std::filesystem::path> bundle_files() const;
  /// True if the key exists (in the locale or a parent).
  bool has(const std::string& key) const;
  /// Formats the message `key` with ICU MessageFormat (plural, select, date arguments).
  /// A missing key or bad pattern throws Error naming the key and the locale.
  std::string format(const std::string& key,
                     const std::map<std::string, MessageArgument>& arguments = {}) const;

 private:
  std::string locale_;
  std::filesystem::path directory_;
  void* bundle_ = nullptr;  // the fallback chain of UResourceBundle*, opaque so ICU stays in i18n/
};

/// A locale's quotation marks. The marks are ICU's, from CLDR's delimiters (“ ” ‘ ’ in English,
/// „ “ ‚ ‘ in German, « » in French); the apostrophe and the space some languages set inside
/// some marks are the locale bundle's quotes/* (French: U+202F inside « »), as CLDR has neither.
struct QuoteMarks {
  struct Pair {
    std::string open, close;
    std::string inside;  // set after `open` and before `close`; empty: nothing
  };
  Pair outer;  // a quotation
  Pair inner;  // a quotation inside a quotation; inside that one, outer again
  std::string apostrophe;
};

/// The quotation marks of `messages`' locale (see QuoteMarks).
QuoteMarks quote_marks(const Messages& messages);

/// What typeset_quotes does with one span of a run of text.
enum class QuoteSpanKind {
  text,        // its straight quotes become the locale's marks; a URL in it is kept as written
  kept,        // printed as written (a citation, <literal>), but read as context for its neighbours
  word,        // read as one word whose characters are never looked at (a redaction, a note mark)
  line_break,  // read as a space
};

struct QuoteSpan {
  QuoteSpanKind kind = QuoteSpanKind::text;
  std::string_view text;  // UTF-8; only text and kept spans are read
};

/// Replaces straight quotes (" and ') in a run of text, such as a paragraph, by the locale's
/// marks. The run is given in spans because a quotation may open in plain text and close after
/// emphasis; each span's text is returned, converted or as it was. A mark after the start, a
/// space, an opening bracket, a dash or another opening mark opens; any other closes. A quote
/// opened inside another takes the inner pair, whichever straight mark was typed. ' between a
/// letter or digit and a letter ("don't"), before a year ("'13") or closing no open ' is the
/// apostrophe.
std::vector<std::string> typeset_quotes(const std::vector<QuoteSpan>& spans,
                                        const QuoteMarks& marks);

/// typeset_quotes for a run that is one span of text.
std::string typeset_quotes(std::string_view text, const QuoteMarks& marks);

/// A regular expression (PCRE2's syntax, with Unicode properties: \\p{Lu}, (?<name>...), (?i))
/// applied to UTF-8 text, reporting byte offsets, so callers need no library's types. \\d, \\w,
/// \\s and \\b are Unicode's (a digit is \\p{Nd}); a look-behind has a fixed length.
class Regex {
 public:
  /// A group's byte range in the text; begin == npos when the group took no part in the match.
  struct Span {
    std::size_t begin = std::string_view::npos, end = std::string_view::npos;
    bool matched() const { return begin != std::string_view::npos; }
    bool operator==(const Span&) const = default;
  };
  /// Group 0 is the whole match; group n the n-th capturing group.
  using Match = std::vector<Span>;

  /// The expression matching a Text's stand-in (a noncharacter, never in interchanged text).
  static constexpr const char* stand_in = "\\x{FDD0}";

  /// How a text's searches run a pattern: interpreted, or as machine code (PCRE2's JIT), which
  /// costs about a million instructions per pattern to make, the first time a text asks for it,
  /// and then searches several times faster: for long texts (long_text). Both find the same.
  enum class Engine { interpreted, machine_code };
  /// The length from which machine code pays for itself, for the citation reader's patterns: a
  /// text of an opinion's kind takes 67M instructions at 4 KB, not 100M; at 2 KB, 52M, not 45M.
  static constexpr std::size_t long_text = 4096;

  /// Compiles `pattern`; a bad pattern throws Error naming the reason and the offset in it.
  explicit Regex(const std::string& pattern);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;

  /// UTF-8 text prepared once for matching (ill-formed bytes read as U+FFFD, stand-ins as one
  /// character each, with each byte's offset in the input), so that many patterns can search one
  /// text without preparing it again.
  class Text {
   public:
    /// Byte ranges of a text, in order and apart.
    using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;
    /// `engine`: how the patterns search it.
    explicit Text(std::string_view utf8, Engine engine = Engine::interpreted);
    /// `utf8` with each of `stand_ins` read as the one character a pattern writes as
    /// Regex::stand_in, so that a pattern can say "one of these" where the caller found them (a
    /// pattern's alternation of a thousand spellings costs milliseconds to compile). A match's
    /// spans still count the text's own bytes: a group holding a stand-in holds its whole range.
    /// The stand-in's own character, where a text holds it, reads as U+FFFD (with stand-ins or
    /// without), so that only a stand-in matches Regex::stand_in.
    Text(std::string_view utf8, const Ranges& stand_ins, Engine engine = Engine::interpreted);
    ~Text();
    Text(Text&&) noexcept;
    Text& operator=(Text&&) noexcept;

   private:
    friend class Regex;
    struct Impl;
    std::unique_ptr<Impl> impl_;
  };

  /// Every non-overlapping match, left to right, and whether the search reached the end.
  struct Matches {
    std::vector<Match> matches;
    /// False when the match limit stopped a search before the end of the text: a pattern never
    /// hangs on hostile text, and the caller learns that later matches may be missing.
    bool complete = true;
  };

  /// The number of the named group `(?<name>...)`, or -1 if there is none.
  int group(const std::string& name) const;
  Matches find_all(const Text& text) const;
  /// Whether the pattern matches anywhere in `text`: a cheap test before a costlier pattern.
  bool found_in(const Text& text) const;

 private:
  struct Compiled;  // PCRE2's code, opaque so PCRE2 stays in i18n/
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace fiscgen::i18n
