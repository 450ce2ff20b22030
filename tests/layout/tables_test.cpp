// Tables of contents and authorities: front matter numbered i, ii, …, the body from 1, and the
// tables listing the printed pages where headings and citations landed.

#include "layout_helpers.hpp"

using namespace fiscgen;
using namespace fiscgen::layout_test;

namespace {

const char* const front =
    "<paragraph style=\"title\">BRIEF</paragraph><page-break/>"
    "<toc title=\"TABLE OF CONTENTS\" page=\"Page\" outline=\"Table of Contents\"/><page-break/>"
    "<toa title=\"TABLE OF AUTHORITIES\" page=\"Page(s)\" passim=\"passim\" cases=\"Cases\" "
    "statutes=\"Statutes\" rules=\"Rules\" outline=\"Table of Authorities\"/>";

// The citation texts of the body, and the authority each names.
struct Cited {
  const char* text;
  const char* key;
  const char* category;
  const char* sort_key;
};
const Cited cited[] = {
    {"Smith v. Maryland, 442 U.S. 735 (1979)", "442 U.S. 735", "cases", "Smith v. Maryland"},
    {"50 U.S.C. \u00A7 1881a", "50 U.S.C. \u00A7 1881a", "statutes", "50 U.S.C. \u00A7 1881a"},
    {"50 U.S.C. \u00A7 1861", "50 U.S.C. \u00A7 1861", "statutes", "50 U.S.C. \u00A7 1861"},
    {"Katz v. United States, 389 U.S. 347 (1967)", "389 U.S. 347", "cases",
     "Katz v. United States"},
    {"FISC R. P. 6", "FISC R. P. 6", "rules", "FISC R. P. 6"},
};

// A body of `sections` sections; section s cites authority s % 5, Smith everywhere, and its
// footnote cites Katz.
std::string body(int sections) {
  std::string text;
  for (int s = 0; s < sections; ++s) {
    text += "<heading level=\"1\" label=\"" + id("", s + 1, ".") + "\" outline=\"" +
            id("Section ", s + 1) + "\">" + id("Section ", s + 1) + "</heading>";
    text += "<paragraph>" + prose(60) + " <cite>" + cited[s % 5].text + "</cite>; <cite>" +
            cited[0].text + "</cite>." + "<fn>See <cite>" + cited[3].text + "</cite>.</fn> " +
            prose(200) + "</paragraph>";
  }
  return text;
}

void annotate(std::vector<doc::Inline>& inlines) {
  for (auto& in : inlines) {
    if (in.kind == doc::InlineKind::citation)
      for (const auto& c : cited)
        if (doc::plain_text(in.children) == c.text) in.authority = c.key;
    annotate(in.children);
  }
}
void annotate(std::vector<doc::Block>& blocks) {
  for (auto& b : blocks) {
    annotate(b.inlines);
    annotate(b.children);
  }
}

doc::Document brief(const std::string& front_matter, int sections) {
  auto document = parse(layout_test::document(front_matter + body(sections)));
  annotate(document.blocks);
  for (const auto& c : cited) {
    doc::Authority authority;
    authority.key = c.key;
    authority.category = *doc::authority_category(c.category);
    authority.sort_key = c.sort_key;
    doc::Inline text;
    text.text = c.text;
    authority.entry.push_back(text);
    document.authorities.push_back(authority);
  }
  return document;
}

std::string page_number(Setup& s, const layout::Page& page) {
  for (const auto& line : text_lines(s, page, 0))
    if (line.y < 60) return line.text;
  return "";
}

std::string page_text(Setup& s, const layout::Page& page) {
  std::string text;
  for (const auto& line : text_lines(s, page)) text += line.text + "\n";
  return text;
}

// The table's lines on the front pages: its text and the pages it lists, by entry.
std::map<std::string, std::string> listed(Setup& s, const layout::PageModel& model,
                                          const std::vector<std::string>& names) {
  std::map<std::string, std::string> out;
  for (int p = 0; p < model.front_matter_pages; ++p)
    for (const auto& line : text_lines(s, model.pages[static_cast<std::size_t>(p)]))
      for (const auto& name : names)
        if (line.text.find(name) != std::string::npos) {
          const auto dots = line.text.rfind(". .");
          out[name] = line.text.substr(dots == std::string::npos ? 0 : dots + 3);
          while (!out[name].empty() && (out[name][0] == ' ' || out[name][0] == '.'))
            out[name].erase(0, 1);
        }
  return out;
}

}  // namespace

TEST_CASE("front matter is numbered i, ii and the body starts on a new page numbered 1") {
  Setup s;
  s.profile.passim_after = 3;
  const auto model = layout::lay_out(brief(front, 12), s.profile, s.fonts, s.warnings);
  check_runs(s, model);
  REQUIRE(model.front_matter_pages >= 3);
  CHECK(page_number(s, model.pages[0]) == "i");
  CHECK(page_number(s, model.pages[1]) == "ii");
  CHECK(page_number(s, model.pages[static_cast<std::size_t>(model.front_matter_pages)]) == "1");
  CHECK(page_number(s, model.pages[static_cast<std::size_t>(model.front_matter_pages) + 1]) == "2");
  // The body's first page holds the first heading at its top.
  const auto first = text_lines(s, model.pages[static_cast<std::size_t>(model.front_matter_pages)]);
  REQUIRE(!first.empty());
  CHECK(first.front().text.find("Section 1") != std::string::npos);
  // The tables' bookmarks point at the front pages.
  std::map<std::string, int> bookmarks;
  for (const auto& entry : model.outline) bookmarks[entry.title] = entry.page;
  CHECK(bookmarks.at("Table of Contents") == 1);
  CHECK(bookmarks.at("Table of Authorities") >= 2);
  CHECK(bookmarks.at("Section 1") == model.front_matter_pages);
}

TEST_CASE("the table of contents gives the printed page of every heading") {
  Setup s;
  const auto model = layout::lay_out(brief(front, 12), s.profile, s.fonts, s.warnings);
  std::vector<std::string> names;
  for (int n = 1; n <= 12; ++n) names.push_back(id("Section ", n) + " ");
  // "Section 1 " would also match "Section 10 ": the labels tell them apart.
  int checked = 0;
  for (const auto& entry : model.outline) {
    if (entry.title.rfind("Section ", 0) != 0) continue;
    const int printed = entry.page - model.front_matter_pages + 1;
    bool found = false;
    for (int p = 0; p < model.front_matter_pages; ++p)
      for (const auto& line : text_lines(s, model.pages[static_cast<std::size_t>(p)])) {
        const std::string label = entry.title.substr(8) + ".";
        if (line.text.rfind(label + " " + entry.title, 0) == 0) {
          found = true;
          const auto end = line.text.substr(line.text.rfind(' ') + 1);
          CHECK_MESSAGE(end == std::to_string(printed), line.text);
        }
      }
    CHECK_MESSAGE(found, entry.title);
    ++checked;
  }
  CHECK(checked == 12);
}

TEST_CASE("the table of authorities lists categories in order, collated, with pages or passim") {
  Setup s;
  s.profile.passim_after = 3;
  const auto model = layout::lay_out(brief(front, 12), s.profile, s.fonts, s.warnings);
  // Where each authority really is: the body pages that cite it, as printed.
  std::map<std::string, std::vector<int>> truth;
  for (std::size_t p = static_cast<std::size_t>(model.front_matter_pages); p < model.pages.size();
       ++p)
    for (const auto& key : model.pages[p].authorities)
      truth[key].push_back(static_cast<int>(p) - model.front_matter_pages + 1);
  std::string toa;
  for (int p = 0; p < model.front_matter_pages; ++p)
    toa += page_text(s, model.pages[static_cast<std::size_t>(p)]);
  // Categories in the Bluebook's order; § 1861 before § 1881a (numeric collation); Katz before
  // Smith.
  const auto at = [&](const std::string& what) { return toa.find(what); };
  CHECK(at("Cases") < at("Katz v. United States"));
  CHECK(at("Katz v. United States") < at("Smith v. Maryland"));
  CHECK(at("Smith v. Maryland") < at("Statutes"));
  CHECK(at("Statutes") < at("\u00A7 1861"));
  CHECK(at("\u00A7 1861") < at("\u00A7 1881a"));
  CHECK(at("\u00A7 1881a") < at("Rules"));
  CHECK(at("Rules") < at("FISC R. P. 6"));
  CHECK(at("FISC R. P. 6") != std::string::npos);
  CHECK(at("Constitutional") == std::string::npos);  // no entry: no heading

  std::vector<std::string> names;
  for (const auto& c : cited) names.push_back(c.text);
  const auto pages = listed(s, model, names);
  for (const auto& c : cited) {
    INFO(c.text);
    const auto& where = truth[c.key];
    REQUIRE(!where.empty());
    if (where.size() > 3) {
      CHECK(pages.at(c.text) == "passim");
    } else {
      std::string expected;
      for (const int page : where)
        expected += (expected.empty() ? "" : ", ") + std::to_string(page);
      CHECK(pages.at(c.text) == expected);
    }
  }
  // Smith is cited in every section: passim, in italics.
  bool italic = false;
  for (int p = 0; p < model.front_matter_pages; ++p)
    for (const auto& run : model.pages[static_cast<std::size_t>(p)].runs)
      if (run.text == "passim") italic = run.font % 4 == static_cast<int>(fonts::Face::italic);
  CHECK(italic);
  // Katz is cited only in footnotes: counted for the pages of their notes.
  CHECK(truth["389 U.S. 347"].size() >= 10);
}

TEST_CASE("the profile orders the headings of the table of authorities") {
  Setup s;
  s.profile.toa_headings = {"rules", "statutes"};
  const auto model = layout::lay_out(brief(front, 5), s.profile, s.fonts, s.warnings);
  std::string toa;
  for (int p = 0; p < model.front_matter_pages; ++p)
    toa += page_text(s, model.pages[static_cast<std::size_t>(p)]);
  const auto at = [&](const std::string& what) { return toa.find(what); };
  // Rules and Statutes first, as named; Cases, not named, after them.
  CHECK(at("Rules") < at("Statutes"));
  CHECK(at("Statutes") < at("Cases"));
  CHECK(at("Cases") != std::string::npos);
}

TEST_CASE("the tables' length never moves the body") {
  Setup s;
  const auto with_tables = layout::lay_out(brief(front, 12), s.profile, s.fonts, s.warnings);
  const auto long_front = std::string(front) + "<page-break/>" + "<paragraph>" + prose(900) +
                          "</paragraph><toc title=\"MORE\"/>";
  const auto longer = layout::lay_out(brief(long_front, 12), s.profile, s.fonts, s.warnings);
  REQUIRE(longer.front_matter_pages > with_tables.front_matter_pages);
  const auto body_of = [](const layout::PageModel& model) {
    return std::vector<layout::Page>(model.pages.begin() + model.front_matter_pages,
                                     model.pages.end());
  };
  const auto a = body_of(with_tables), b = body_of(longer);
  REQUIRE(a.size() == b.size());
  for (std::size_t p = 0; p < a.size(); ++p) {
    REQUIRE(a[p].runs.size() == b[p].runs.size());
    for (std::size_t r = 0; r < a[p].runs.size(); ++r) {
      CHECK(a[p].runs[r].text == b[p].runs[r].text);
      CHECK(a[p].runs[r].x == b[p].runs[r].x);
      CHECK(a[p].runs[r].y == b[p].runs[r].y);
    }
  }
}

TEST_CASE("long entries wrap, with dot leaders to the page number on their last line") {
  Setup s;
  std::string heading =
      "A heading long enough to need two lines in the table of contents, "
      "which keeps going for a while";
  auto document =
      parse(layout_test::document(std::string("<toc title=\"CONTENTS\"/><heading level=\"1\" "
                                              "label=\"I.\" outline=\"x\">") +
                                  heading + "</heading><paragraph>" + prose(40) + "</paragraph>"));
  const auto model = layout::lay_out(document, s.profile, s.fonts, s.warnings);
  REQUIRE(model.front_matter_pages == 1);
  const auto lines = text_lines(s, model.pages[0]);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0].text == "CONTENTS");
  CHECK(lines[1].text.rfind("I. A heading long", 0) == 0);
  CHECK(lines[1].text.find(". . .") == std::string::npos);
  CHECK(lines[2].text.find(". . .") != std::string::npos);
  CHECK(lines[2].text.substr(lines[2].text.size() - 2) == " 1");
  // The wrapped line hangs under the text, and the page number is flush right.
  CHECK(lines[2].left > lines[1].left);
  CHECK(std::abs(lines[2].right - (s.profile.page_width - s.profile.margin_right)) < 0.01);
}

TEST_CASE("pages too many for their share of the line wrap, flush right, under the entry") {
  Setup s;
  s.profile.passim_after = 0;  // never passim: every page listed
  const auto model = layout::lay_out(brief(front, 40), s.profile, s.fonts, s.warnings);
  std::vector<int> truth;
  for (std::size_t p = static_cast<std::size_t>(model.front_matter_pages); p < model.pages.size();
       ++p)
    for (const auto& key : model.pages[p].authorities)
      if (key == "442 U.S. 735")
        truth.push_back(static_cast<int>(p) - model.front_matter_pages + 1);
  REQUIRE(truth.size() > 30);
  // The entry's line, then lines of numbers only, each flush with the right margin.
  std::string listed;
  bool in_entry = false;
  const double right = s.profile.page_width - s.profile.margin_right;
  int wrapped = 0;
  for (int p = 0; p < model.front_matter_pages; ++p)
    for (const auto& line : text_lines(s, model.pages[static_cast<std::size_t>(p)])) {
      if (line.text.rfind("Smith v. Maryland", 0) == 0) {
        in_entry = true;
        const auto dots = line.text.rfind(". .");
        REQUIRE(dots != std::string::npos);
        listed = line.text.substr(line.text.find_first_not_of(". ", dots));
        CHECK(std::abs(line.right - right) < 0.01);
        continue;
      }
      if (!in_entry) continue;
      if (line.text.find_first_not_of("0123456789, ") != std::string::npos) {
        in_entry = false;
        continue;
      }
      CHECK(std::abs(line.right - right) < 0.01);
      CHECK(line.left > s.profile.margin_left + 200);  // in the page column, not under the text
      listed += " " + line.text;
      ++wrapped;
    }
  CHECK(wrapped >= 1);
  std::string expected;
  for (const int page : truth) expected += (expected.empty() ? "" : ", ") + std::to_string(page);
  CHECK(listed == expected);
}
