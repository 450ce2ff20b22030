#include "pdf/content_id.hpp"

#include <doctest/doctest.h>

using namespace fiscgen;

namespace {

layout::PageModel one_page() {
  layout::PageModel model;
  auto& page = model.pages.emplace_back();
  page.runs.push_back({72, 700, 0, 12, "MOTION", doc::Change::none});
  page.links.push_back({72, 690, 40, 12, "", 0, 700, 0, false});
  return model;
}

std::array<std::uint8_t, 32> id_of(const layout::PageModel& model) {
  return pdf::content_id(model, pdf::Info{}, {}).digest;
}

}  // namespace

TEST_CASE("the content ID follows every field of the page model, and nothing else") {
  const auto base = id_of(one_page());
  CHECK(id_of(one_page()) == base);

  auto front = one_page();
  front.front_matter_pages = 1;  // page labels change: i, then 1
  CHECK(id_of(front) != base);

  auto exhibit = one_page();
  exhibit.exhibits.push_back({"letter.pdf", "A", 0, {}});
  CHECK(id_of(exhibit) != base);
  auto same_exhibit_elsewhere = exhibit;
  same_exhibit_elsewhere.exhibits[0].where = SourceLocation{"other.xml", 9, 9};
  CHECK(id_of(same_exhibit_elsewhere) == id_of(exhibit));

  auto marked = one_page();
  marked.pages[0].runs[0].change = doc::Change::inserted;
  CHECK(id_of(marked) != base);

  auto linked = one_page();
  linked.pages[0].links[0].top = 650;
  CHECK(id_of(linked) != base);

  auto drafted = one_page();
  drafted.pages[0].watermark.angle = 45;
  CHECK(id_of(drafted) != base);
}

TEST_CASE("a subset's tag comes from the subset's own bytes and its index, not the document") {
  const std::vector<std::uint8_t> subset{0, 1, 0, 0, 'g', 'l', 'y', 'f'}, other{0, 1, 0, 0, 'l'};
  const auto tag = pdf::subset_tag(pdf::subset_digest(subset), 0);
  CHECK(tag.size() == 6);
  for (const char c : tag) CHECK((c >= 'A' && c <= 'Z'));
  // The same subset in another document (another page model) gets the same name.
  CHECK(pdf::subset_tag(pdf::subset_digest(subset), 0) == tag);
  CHECK(pdf::subset_tag(pdf::subset_digest(other), 0) != tag);
  // Two subsets of one document never share a name, however alike their digests.
  CHECK(pdf::subset_tag(pdf::subset_digest(subset), 1) != tag);
}
