// The Shaper's shortcut for printable ASCII: every atom it makes must be the atom the general
// path (add_code_point) makes of the same character, in every script and face around it.
#include <string>
#include <vector>

#include "layout/context.hpp"
#include "layout/text.hpp"
#include "layout_helpers.hpp"

using namespace fiscgen;
using layout_test::document;
using layout_test::parse;
using layout_test::Setup;

namespace {

// Paragraphs mixing ASCII with Latin letters, Greek, Hebrew (right to left), Chinese, marks
// that change how a character is classified (no-break and soft hyphen, tab, zero-width space)
// and inlines that change face, size and marks.
const std::vector<std::string> paragraphs = {
    "Plain ASCII: the quick brown fox (jumps) over 12 lazy dogs; \"AVATAR\" & 'Wa' ~ {x}.",
    "G\u00f3mez v. \u0141\u00f3d\u017a Corp., 573 U.S. 373 (2014), \u00a7 1861(d)(1).",
    "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac and ASCII, \u05e2\u05d1\u05e8\u05d9\u05ea "
    "(Hebrew) then \u4e2d\u6587 text.",
    "No-break\u00a0space, soft\u00adhyphen, zero\u200bwidth, tab\there, \u201cquotes\u201d.",
    "<em>Italic V.A.T.</em> <strong>Bold To</strong> <u>under LT</u> <sc>Small Caps G\u00f3mez"
    "</sc> <a href=\"https://example.com\">a link</a> and https://example.org/x?y=1 inline.",
    "<cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>.<fn>A note, with "
    "\u05e9\u05dc\u05d5\u05dd and <em>AWAY</em>.</fn> After<br/>the break.",
};

void require_same(const layout::detail::Shaped& fast, const layout::detail::Shaped& general) {
  REQUIRE(fast.text == general.text);
  REQUIRE(fast.atoms.size() == general.atoms.size());
  for (std::size_t i = 0; i < fast.atoms.size(); ++i) {
    CAPTURE(i);
    const auto& x = fast.atoms[i];
    const auto& y = general.atoms[i];
    CHECK(x.offset == y.offset);
    CHECK(x.cp == y.cp);
    CHECK(x.kind == y.kind);
    CHECK(x.font == y.font);
    CHECK(x.underline == y.underline);
    CHECK(x.redacted == y.redacted);
    CHECK(x.link == y.link);
    CHECK(x.note == y.note);
    CHECK(x.change == y.change);
    CHECK(x.size == y.size);
    CHECK(x.rise == y.rise);
    CHECK(x.width == y.width);
    CHECK(x.kern == y.kern);
    CHECK(x.level == y.level);
  }
  REQUIRE(fast.links == general.links);
}

}  // namespace

TEST_CASE("the shaper's ASCII shortcut makes the atoms of the general path, in any script") {
  Setup setup;
  for (const auto& paragraph : paragraphs) {
    CAPTURE(paragraph);
    const auto tree = parse(document("<paragraph>" + paragraph + "</paragraph>"));
    REQUIRE(!tree.blocks.empty());
    const auto& inlines = tree.blocks.front().inlines;
    for (const char* style : {"body", "footnote"}) {
      CAPTURE(style);
      const auto shape = [&](bool fast) {
        layout::detail::Context context(tree, setup.profile, setup.fonts, setup.warnings);
        layout::detail::Shaper shaper(context, setup.profile.style(style));
        if (!fast) shaper.without_ascii_fast_path();
        shaper.add_mark(3, {}, true);
        shaper.add_text("(TS//NF) 1.\t", {});
        shaper.add_inlines(inlines);
        return shaper.finish();
      };
      require_same(shape(true), shape(false));
    }
  }
}
