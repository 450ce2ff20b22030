// Typographic choices are rules-profile data: a list label's hang, a nested list's step, a
// heading's tab after its number and a banner's clearance from the page number. Changing one in
// a copied profile moves the text where a reader of the PDF (pdftotext -bbox) finds it.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <regex>

#include "tools.hpp"

namespace {

const std::filesystem::path source = FISCGEN_SOURCE_DATA_DIR;

struct Word {
  double x = 0, y = 0;  // top-left corner, points from the page's top-left
  std::string text;
};

/// Every word of one page with its box, as pdftotext -bbox reads it.
std::vector<Word> words_of(const std::filesystem::path& pdf, int page) {
  const auto run = e2e::run({PDFTOTEXT, "-bbox", "-f", std::to_string(page), "-l",
                             std::to_string(page), pdf.string(), "-"});
  REQUIRE(run.status == 0);
  static const std::regex word(
      R"re(<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="[-\d.]+" yMax="[-\d.]+">([^<]*)</word>)re");
  std::vector<Word> words;
  for (auto it = std::sregex_iterator(run.out.begin(), run.out.end(), word);
       it != std::sregex_iterator(); ++it)
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), (*it)[3]});
  return words;
}

/// The first word `text` on the page; fails the test when there is none.
Word find(const std::vector<Word>& words, const std::string& text) {
  for (const auto& w : words)
    if (w.text == text) return w;
  FAIL("no word \"" << text << "\" on the page");
  return {};
}

/// The word `text` lowest on the page (the foot's banner rather than the head's).
Word lowest(const std::vector<Word>& words, const std::string& text) {
  Word found;
  found.y = -1;
  for (const auto& w : words)
    if (w.text == text && w.y > found.y) found = w;
  REQUIRE_MESSAGE(found.y >= 0, text);
  return found;
}

/// The page of `pdf` (1-based) that holds `text`; 0 when none does.
int page_with(const std::filesystem::path& pdf, const std::string& text) {
  for (int page = 1; page <= e2e::pdf_pages(pdf); ++page)
    if (e2e::pdf_text(pdf, page).find(text) != std::string::npos) return page;
  return 0;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("list hang, nested list step, heading tab and banner clearance are profile data") {
  e2e::TempDir dir, data;
  std::filesystem::copy(source / "forms", data / "forms", std::filesystem::copy_options::recursive);
  std::filesystem::copy(source / "letters", data / "letters",
                        std::filesystem::copy_options::recursive);
  // The firm's copy of fisc-2010 under another name, each of the four values doubled.
  std::string profile = e2e::read_file(source / "forms/rules/fisc-2010.xml");
  profile = replaced(profile, "name=\"fisc-2010\"", "name=\"fisc-roomy\"");
  profile = replaced(profile, "<lists label-hang=\"24\" nested-indent=\"36\"/>",
                     "<lists label-hang=\"48\" nested-indent=\"72\"/>");
  profile = replaced(profile, "<headings label-tab=\"36\"/>", "<headings label-tab=\"72\"/>");
  profile = replaced(profile, "<banners clearance=\"14\"/>", "<banners clearance=\"28\"/>");
  std::ofstream(data / "forms/rules/fisc-roomy.xml") << profile;

  const auto diff = e2e::fiscgen(
      {"--data-dir", data.path().string(), "rules", "diff", "fisc-2010", "fisc-roomy"});
  REQUIRE_MESSAGE(diff.status == 0, diff.err);
  CHECK(diff.out ==
        "lists.label-hang: 24 \u2192 48\nlists.nested-indent: 36 \u2192 72\n"
        "headings.label-tab: 36 \u2192 72\nbanners.clearance: 14 \u2192 28\n");

  // The sample motion, classified, with a list nested in its numbered list.
  std::string input = e2e::read_file(source / "examples/motion.xml");
  input = replaced(input, "<date>2013-06-19</date>",
                   "<date>2013-06-19</date>\n  <classification>UNCLASSIFIED</classification>");
  input = replaced(input,
                   "<item>the total number of user accounts specified in those demands; and</item>",
                   "<item><p>the total number of user accounts specified in those demands; "
                   "and</p><list><item>Zygomorphic nested item</item></list></item>");
  std::ofstream(dir / "motion.xml") << input;
  const auto render = [&](const std::string& rules, const std::filesystem::path& pdf) {
    const auto run =
        e2e::fiscgen({"--data-dir", data.path().string(), "render", (dir / "motion.xml").string(),
                      "--set", "@rules=" + rules, "-o", pdf.string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
  };
  const auto shipped = dir / "shipped.pdf", roomy = dir / "roomy.pdf";
  render("fisc-2010", shipped);
  render("fisc-roomy", roomy);

  // The heading's text starts at the next multiple of the tab after "I.".
  const int heading_page = page_with(shipped, "Introduction");
  REQUIRE(heading_page > 0);
  REQUIRE(page_with(roomy, "Introduction") == heading_page);
  const auto heading_shipped = words_of(shipped, heading_page);
  const auto heading_roomy = words_of(roomy, heading_page);
  CHECK(find(heading_shipped, "I.").x ==
        doctest::Approx(find(heading_roomy, "I.").x).epsilon(0.001));
  CHECK(find(heading_roomy, "Introduction").x - find(heading_shipped, "Introduction").x ==
        doctest::Approx(36).epsilon(0.02));

  // The label hangs twice as far left of the same text; the nested list steps in twice as far.
  const int list_page = page_with(shipped, "Zygomorphic");
  REQUIRE(list_page > 0);
  REQUIRE(page_with(roomy, "Zygomorphic") == list_page);
  const auto list_shipped = words_of(shipped, list_page);
  const auto list_roomy = words_of(roomy, list_page);
  const double text_x = find(list_shipped, "Zygomorphic").x;
  CHECK(find(list_shipped, "1.").x == doctest::Approx(find(list_roomy, "1.").x + 24).epsilon(0.02));
  CHECK(find(list_roomy, "Zygomorphic").x - text_x == doctest::Approx(36).epsilon(0.02));
  // The numbered items' own text stays where it was.
  CHECK(find(list_roomy, "communications").x ==
        doctest::Approx(find(list_shipped, "communications").x).epsilon(0.001));

  // The foot's banner sits 14 points nearer the paper's edge; the page number stays.
  const auto first_shipped = words_of(shipped, 1);
  const auto first_roomy = words_of(roomy, 1);
  CHECK(lowest(first_roomy, "UNCLASSIFIED").y - lowest(first_shipped, "UNCLASSIFIED").y ==
        doctest::Approx(14).epsilon(0.02));
  CHECK(lowest(first_roomy, "1").y == doctest::Approx(lowest(first_shipped, "1").y).epsilon(0.001));

  // A tab of 0 would never end: refused where it is written.
  std::ofstream(data / "forms/rules/fisc-roomy.xml")
      << replaced(profile, "<headings label-tab=\"72\"/>", "<headings label-tab=\"0\"/>");
  const auto bad =
      e2e::fiscgen({"--data-dir", data.path().string(), "render", (dir / "motion.xml").string(),
                    "--set", "@rules=fisc-roomy", "-o", (dir / "bad.pdf").string()});
  CHECK(bad.status == 1);
  CHECK(bad.err.find("fisc-roomy.xml:") != std::string::npos);
  CHECK(bad.err.find("label-tab must be more than 0") != std::string::npos);
}
