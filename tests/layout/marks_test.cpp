// A blackline's marks (doc::Change) and the links layout makes: what the page model holds.

#include "layout_helpers.hpp"

using namespace fiscgen;
using namespace fiscgen::layout_test;

namespace {

const layout::TextRun* run_with(const layout::Page& page, const std::string& text) {
  for (const auto& run : page.runs)
    if (run.text.find(text) != std::string::npos) return &run;
  return nullptr;
}

}  // namespace

TEST_CASE("inserted text is underlined twice, deleted text struck once, each run in its mark") {
  Setup s;
  auto document = parse(layout_test::document(
      "<paragraph>Kept words then Zebrafinch then Quokkamoss end.</paragraph>"));
  // Cut the text into three inlines, the second inserted and the fourth deleted.
  auto& inlines = document.blocks[0].inlines;
  const std::string text = inlines[0].text;
  inlines.clear();
  const auto piece = [&](const std::string& words, doc::Change change) {
    doc::Inline in;
    in.text = words;
    in.change = change;
    inlines.push_back(in);
  };
  piece("Kept words then ", doc::Change::none);
  piece("Zebrafinch", doc::Change::inserted);
  piece(" then ", doc::Change::none);
  piece("Quokkamoss", doc::Change::deleted);
  piece(" end.", doc::Change::none);
  const auto model = layout::lay_out(document, s.profile, s.fonts, s.warnings);
  const auto& page = model.pages.at(0);
  const auto* inserted = run_with(page, "Zebrafinch");
  const auto* deleted = run_with(page, "Quokkamoss");
  const auto* kept = run_with(page, "Kept");
  REQUIRE(inserted);
  REQUIRE(deleted);
  REQUIRE(kept);
  CHECK(inserted->text == "Zebrafinch");  // a run of its own: the PDF colours it alone
  CHECK(inserted->change == doc::Change::inserted);
  CHECK(deleted->text == "Quokkamoss");
  CHECK(deleted->change == doc::Change::deleted);
  CHECK(kept->change == doc::Change::none);
  std::vector<layout::Line> under, through;
  for (const auto& line : page.lines) {
    if (line.change == doc::Change::inserted) under.push_back(line);
    if (line.change == doc::Change::deleted) through.push_back(line);
    CHECK(line.change != doc::Change::moved_to);
  }
  REQUIRE(under.size() == 2);
  for (const auto& line : under) {
    CHECK(line.x1 == doctest::Approx(inserted->x));
    CHECK(line.x2 == doctest::Approx(s.right_of(*inserted)));
    CHECK(line.y1 < inserted->y);
    CHECK(line.y1 > inserted->y - 5);
  }
  CHECK(under[0].y1 != doctest::Approx(under[1].y1));
  REQUIRE(through.size() == 1);
  CHECK(through[0].x1 == doctest::Approx(deleted->x));
  CHECK(through[0].y1 > deleted->y);
  CHECK(through[0].y1 < deleted->y + deleted->size / 2);
}

TEST_CASE("a moved paragraph's margin note stands left of the text, in the colour of a move") {
  Setup s;
  auto document = parse(layout_test::document("<paragraph>Moved words.</paragraph>"));
  document.blocks[0].margin_note = "Moved from below";
  for (auto& in : document.blocks[0].inlines) in.change = doc::Change::moved_to;
  const auto model = layout::lay_out(document, s.profile, s.fonts, s.warnings);
  const auto* note = run_with(model.pages.at(0), "Moved from below");
  REQUIRE(note);
  CHECK(s.right_of(*note) < s.profile.margin_left);
  CHECK(note->x > 0);
  CHECK(note->change == doc::Change::moved_to);
}

TEST_CASE("a note's reference mark links to the note's first line, an address to itself") {
  Setup s;
  const auto model = s.run(document("<paragraph>See www.fisc.example/rules, and the note." +
                                    std::string("<fn>The note's text.</fn></paragraph>")));
  const auto& page = model.pages.at(0);
  int notes = 0, uris = 0;
  for (const auto& link : page.links) {
    if (!link.uri.empty()) {
      ++uris;
      CHECK(link.uri == "http://www.fisc.example/rules");
      continue;
    }
    ++notes;
    CHECK(link.page == 0);
    // The note's first line starts there: its text's run sits just below `top`.
    const auto* text = run_with(page, "The note");
    REQUIRE(text);
    CHECK(text->y < link.top);
    CHECK(text->y > link.top - 24);
    CHECK(link.y > text->y);  // the mark is up in the body
  }
  CHECK(notes == 1);
  CHECK(uris == 1);
}
