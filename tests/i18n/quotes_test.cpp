// Typographic quotes: the marks of every shipped locale, and how straight quotes are read.
#include <doctest/doctest.h>

#include <map>

#include "i18n/i18n.hpp"

using namespace fiscgen;
using namespace fiscgen::i18n;

namespace {

const std::filesystem::path bundles = FISCGEN_BUILD_LOCALE_DIR;

QuoteMarks marks_of(const std::string& locale) {
  return quote_marks(Messages(bundles, locale));
}

std::string typeset(std::string_view text, const std::string& locale = "en_US") {
  return typeset_quotes(text, marks_of(locale));
}

// What each shipped locale prints, from CLDR 42 (ICU 72's delimiters), written out here so that
// a change of ICU or of a bundle shows: outer pair, inner pair, and the French space inside.
struct Expected {
  std::string open, close, inner_open, inner_close, inside;
};
const std::map<std::string, Expected> expected{
    {"root", {"“", "”", "‘", "’", ""}},     {"en", {"“", "”", "‘", "’", ""}},
    {"en_GB", {"“", "”", "‘", "’", ""}},     // CLDR's en_GB keeps double quotes outside
    {"fr", {"«", "»", "«", "»", "\u202F"}},  // CLDR 42: « » at both levels
    {"de", {"„", "“", "‚", "‘", ""}},       {"es", {"«", "»", "“", "”", ""}},
};

}  // namespace

TEST_CASE("every shipped locale has its CLDR quotation marks") {
  for (const auto& locale : available_locales(bundles)) {
    CAPTURE(locale);
    const auto found = expected.find(locale);
    REQUIRE_MESSAGE(found != expected.end(), "add the new locale's marks to this test");
    const auto& e = found->second;
    const auto marks = marks_of(locale);
    CHECK(marks.outer.open == e.open);
    CHECK(marks.outer.close == e.close);
    CHECK(marks.inner.open == e.inner_open);
    CHECK(marks.inner.close == e.inner_close);
    CHECK(marks.outer.inside == e.inside);
    CHECK(marks.apostrophe == "’");
    // The same sentence in each: a quotation, one inside it, an apostrophe.
    const std::string in = e.inside;
    const std::string inner_in = marks.inner.inside;
    CHECK(typeset("He said \"the Court's 'final' order\".", locale) ==
          "He said " + e.open + in + "the Court’s " + e.inner_open + inner_in + "final" + inner_in +
              e.inner_close + " order" + in + e.close + ".");
  }
}

TEST_CASE("English: curly quotes, apostrophes and years") {
  CHECK(typeset("\"Hello,\" she said.") == "“Hello,” she said.");
  CHECK(typeset("'Hello,' she said.") == "“Hello,” she said.");  // the locale decides the pair
  CHECK(typeset("don't, Court's, O'Brien") == "don’t, Court’s, O’Brien");
  CHECK(typeset("the parties' briefs") == "the parties’ briefs");
  CHECK(typeset("in '13 and the '90s") == "in ’13 and the ’90s");
  CHECK(typeset("the 1990's") == "the 1990’s");
  CHECK(typeset("(\"quoted\")") == "(“quoted”)");
  CHECK(typeset("[\"a\"] {\"b\"}") == "[“a”] {“b”}");
  CHECK(typeset("a—\"dash\"—b") == "a—“dash”—b");
  CHECK(typeset("\"'Tis,\" he said") == "“‘Tis,” he said");
}

TEST_CASE("nesting alternates the outer and inner pairs") {
  CHECK(typeset("\"a 'b \"c\" b' a\"") == "“a ‘b “c” b’ a”");
  CHECK(typeset("\"He said 'no.'\"") == "“He said ‘no.’”");
  CHECK(typeset("'a \"b\" a'") == "“a ‘b’ a”");
  CHECK(typeset("\"a 'b\" c") == "“a ‘b” c");  // an unclosed inner quotation ends with its outer
}

TEST_CASE("German: „ “ outside, ‚ ‘ inside, ’ for the apostrophe") {
  CHECK(typeset("Er sagte: \"Das ist 'gut'.\"", "de") == "Er sagte: „Das ist ‚gut‘.“");
  CHECK(typeset("Hans' Buch, geht's", "de") == "Hans’ Buch, geht’s");
  CHECK(typeset("de_AT \"Wien\"", "de_AT") == "de_AT „Wien“");  // a region falls back to de
}

TEST_CASE("French: guillemets with a narrow no-break space inside") {
  CHECK(typeset("Il a dit \"oui\".", "fr") == "Il a dit «\u202Foui\u202F».");
  // The spaces a French typist leaves inside are replaced, not doubled.
  CHECK(typeset("Il a dit \" oui \".", "fr") == "Il a dit «\u202Foui\u202F».");
  CHECK(typeset("Il a dit \"\u00A0oui\u00A0\".", "fr") == "Il a dit «\u202Foui\u202F».");
  // Canadian French: CLDR's ” “ inside, without the space, which the bundle gives « » only.
  CHECK(typeset("\"a 'b' a\"", "fr_CA") == "«\u202Fa ”b“ a\u202F»");
  CHECK(typeset("l'arrêt \"X 'Y' Z\"", "fr") == "l’arrêt «\u202FX «\u202FY\u202F» Z\u202F»");
}

TEST_CASE("Spanish: « » outside, “ ” inside") {
  CHECK(typeset("Dijo \"no 'sé'\".", "es") == "Dijo «no “sé”».");
}

TEST_CASE("URLs keep their straight quotes") {
  CHECK(typeset("See https://example.org/?q=\"x\"&y='z' now.") ==
        "See https://example.org/?q=\"x\"&y='z' now.");
  CHECK(typeset("(\"www.example.org/'a'\")") == "(“www.example.org/'a'”)");
  CHECK(typeset("\"mailto:o'brien@example.org\"") == "“mailto:o'brien@example.org”");
}

TEST_CASE("spans: context crosses them, kept and word spans are never changed") {
  const auto en = marks_of("en_US");
  using K = QuoteSpanKind;
  // "<em>Smith</em>" — a quotation opened before emphasis closes after it.
  auto out =
      typeset_quotes({{K::text, "He said \""}, {K::text, "Smith"}, {K::text, "\" twice"}}, en);
  CHECK(out == std::vector<std::string>{"He said “", "Smith", "” twice"});
  // A kept span (a citation, <literal>) is printed as written, but read as context.
  out = typeset_quotes({{K::text, "\""}, {K::kept, "x \"y\" don't"}, {K::text, "\""}}, en);
  CHECK(out == std::vector<std::string>{"“", "x \"y\" don't", "”"});
  // A word span (a redaction) is never read: what follows it is the same whatever it hides.
  for (const std::string_view hidden : {"secret", "", " ", "x\"", "'", "(  "}) {
    out = typeset_quotes({{K::text, "said \""},
                          {K::word, hidden},
                          {K::text, "\" and '"},
                          {K::word, hidden},
                          {K::text, "'s"}},
                         en);
    CHECK(out == std::vector<std::string>{"said “", std::string(hidden), "” and “",
                                          std::string(hidden), "’s"});
  }
  // A line break is a space: what follows it opens.
  out = typeset_quotes({{K::text, "a"}, {K::line_break, ""}, {K::text, "\"b\""}}, en);
  CHECK(out == std::vector<std::string>{"a", "", "“b”"});
  // An apostrophe looks ahead into the next span.
  out = typeset_quotes({{K::text, "don'"}, {K::text, "t"}}, en);
  CHECK(out == std::vector<std::string>{"don’", "t"});
}

TEST_CASE("text without straight quotes is unchanged") {
  CHECK(typeset("") == "");
  CHECK(typeset("§ 1861(d)(1) — “already curly” ‘too’") == "§ 1861(d)(1) — “already curly” ‘too’");
  CHECK(typeset("Müller, Gómez", "fr") == "Müller, Gómez");
  // Only the quotes change: an invalid byte is left for layout to report, not replaced.
  CHECK(typeset("a \xE9 \"b\"") == "a \xE9 “b”");
}
