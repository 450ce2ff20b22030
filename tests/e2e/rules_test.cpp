// Rules profiles from the command line: `fiscgen rules`, rendering under another court's profile,
// and `fiscgen check` measuring a filing against its profile's limits and required parts.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";
const std::string motion = (examples / "motion.xml").string();

/// A motion whose argument is `words` words (one heading word included), in paragraphs of 100.
std::string long_motion(int words) {
  std::ostringstream out;
  out << R"(<?xml version="1.0" encoding="UTF-8"?>
<motion form="fisc/motion" locale="en_US" rules="fisc-2010">
  <docket>Misc. 13-04</docket>
  <matter>In re Motion for Leave to Test Word Counts</matter>
  <title>Motion for Leave</title>
  <movant>Example Corporation</movant>
  <date>2013-06-19</date>
  <body><section><heading>Argument</heading>
)";
  const std::string sentence = "The movant asks the Court for relief on these grounds. ";
  int left = words - 1;
  while (left > 0) {
    out << "<p>";
    for (int i = 0; i < 10 && left > 0; ++i) {
      if (left >= 10) {
        out << sentence;
        left -= 10;
      } else {
        for (; left > 0; --left) out << "more ";
      }
    }
    out << "</p>\n";
  }
  out << R"(</section></body>
  <signature><attorney><name>Jane Q. Counsel</name><email>jane@example.com</email></attorney>
    <counsel-for>Example Corporation</counsel-for></signature>
  <service><recipient><name>Chief, Litigation Security Group</name></recipient></service>
</motion>
)";
  return out.str();
}

std::filesystem::path write(const e2e::TempDir& dir, const std::string& name,
                            const std::string& text) {
  const auto file = dir / name;
  std::ofstream(file) << text;
  return file;
}

/// The median height of the words on page 1, from pdftotext's bounding boxes: proportional to
/// the type size, read by a tool that knows nothing of fiscgen's profiles.
double median_word_height(const std::filesystem::path& pdf) {
  const auto run = e2e::run({PDFTOTEXT, "-bbox", "-f", "2", "-l", "2", pdf.string(), "-"});
  REQUIRE(run.status == 0);
  static const std::regex word(
      R"re(<word xMin="[-\d.]+" yMin="([-\d.]+)" xMax="[-\d.]+" yMax="([-\d.]+)")re");
  std::vector<double> heights;
  for (auto it = std::sregex_iterator(run.out.begin(), run.out.end(), word);
       it != std::sregex_iterator(); ++it)
    heights.push_back(std::stod((*it)[2]) - std::stod((*it)[1]));
  REQUIRE(heights.size() > 20);
  std::sort(heights.begin(), heights.end());
  return heights[heights.size() / 2];
}

/// The sample motion is a FISC paper (its form and its docket): under frap-32 it is refused.
/// These arguments make it a motion to a court of appeals (appeals/motion, a "13-5127" docket),
/// dated after FRAP's 2016 amendments, so that the 13,000-word version applies. `form`: false
/// keeps the input's own form (a --templates form naming no court).
/// `args` with the sample motion made a motion to the District Court for the District of
/// Columbia: its form, its rules, a civil action number.
std::vector<std::string> district(std::vector<std::string> args) {
  for (const char* set : {"@rules=dc-local", "@form=dcd/motion", "docket=1:13-cv-00881"})
    args.insert(args.end(), {"--set", set});
  return args;
}

std::vector<std::string> appeal(std::vector<std::string> args, bool form = true) {
  for (const char* set : {"@rules=frap-32", "docket=13-5127", "date=2017-03-01"})
    args.insert(args.end(), {"--set", set});
  if (form) args.insert(args.end(), {"--set", "@form=appeals/motion"});
  return args;
}

}  // namespace

TEST_CASE("rules lists every profile with its version, effective date and title") {
  const auto run = e2e::fiscgen({"rules"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.out.find("fisc-2010\tversion 1\teffective 2010-11-01\tUnited States Foreign "
                     "Intelligence Surveillance Court Rules of Procedure\n") != std::string::npos);
  CHECK(run.out.find("frap-32\tversion 2\teffective 2016-12-01\tFederal Rules of Appellate") !=
        std::string::npos);
  CHECK(run.out.find("dc-local\tversion 2\teffective -\t") != std::string::npos);
  CHECK(run.out.find("letter-us\t") != std::string::npos);
  // DIN 5008's two forms, each by its name.
  CHECK(run.out.find("letter-din-5008\tversion 4\teffective 2011-04-01\tGeschäftsbrief nach DIN "
                     "5008, Form B (A4)\n") != std::string::npos);
  CHECK(run.out.find("letter-din-5008-a\tversion 1\teffective 2011-04-01\tGeschäftsbrief nach "
                     "DIN 5008, Form A (A4)\n") != std::string::npos);
}

TEST_CASE("rules diff prints one line per differing setting: an unknown profile is an error") {
  const auto run = e2e::fiscgen({"rules", "diff", "fisc-2010", "frap-32"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  for (const char* line :
       {"style body.size: 12 \u2192 14\n", "limit.words: none \u2192 13000\n",
        "limit reply.words: none \u2192 6500\n", "type.minimum-size: none \u2192 14\n"})
    CHECK_MESSAGE(run.out.find(line) != std::string::npos, line);
  CHECK(run.out.find("margins.") == std::string::npos);

  const auto pages = e2e::fiscgen({"rules", "diff", "fisc-2010", "dc-local"});
  CHECK(pages.out.find("limit.pages: none \u2192 45\n") != std::string::npos);
  CHECK(pages.out.find("court.name: UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT \u2192 "
                       "UNITED STATES DISTRICT COURT\n") != std::string::npos);

  const auto same = e2e::fiscgen({"rules", "diff", "frap-32", "frap-32"});
  CHECK(same.status == 0);
  CHECK(same.out.empty());

  const auto unknown = e2e::fiscgen({"rules", "diff", "fisc-2010", "frap-99"});
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("unknown rules profile \"frap-99\"") != std::string::npos);
}

TEST_CASE("rules --settings-table prints the table docs/rules.md holds") {
  const auto run = e2e::fiscgen({"rules", "--settings-table"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.out.starts_with("| setting | value | default | meaning |\n"));
  CHECK(run.out.find("| `margins.left` | length | 72 |") != std::string::npos);
  const auto docs =
      e2e::read_file(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "docs/rules.md");
  CHECK_MESSAGE(docs.find("<!-- settings table: generated -->\n" + run.out) != std::string::npos,
                "docs/rules.md is out of date: run scripts/update-docs");
}

TEST_CASE(
    "the sample motion under frap-32 is set in 14-point type, and under dc-local captioned "
    "for that court") {
  e2e::TempDir dir;
  const auto fisc = dir / "fisc.pdf", frap = dir / "frap.pdf", dc = dir / "dc.pdf";
  REQUIRE(e2e::fiscgen({"render", motion, "-o", fisc.string()}).status == 0);
  const auto run = e2e::fiscgen(appeal({"render", motion, "-o", frap.string()}));
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto district_run = e2e::fiscgen(district({"render", motion, "-o", dc.string()}));
  REQUIRE_MESSAGE(district_run.status == 0, district_run.err);
  for (const auto& pdf : {frap, dc}) CHECK(e2e::check_readers(pdf) == "");

  // The body's words are 14/12 as tall, and the same words need more pages.
  const double ratio = median_word_height(frap) / median_word_height(fisc);
  CHECK(ratio == doctest::Approx(14.0 / 12.0).epsilon(0.03));
  CHECK(e2e::pdf_pages(frap) > e2e::pdf_pages(fisc));
  for (const auto& font : e2e::pdf_fonts(frap))
    CHECK(font.name.find("LiberationSerif") != std::string::npos);
  CHECK(e2e::pdf_text(frap, 1).find("UNITED STATES COURT OF APPEALS") != std::string::npos);

  // dc-local keeps FISC's type and changes the caption.
  CHECK(median_word_height(dc) == doctest::Approx(median_word_height(fisc)).epsilon(0.01));
  const auto first = e2e::pdf_text(dc, 1);
  CHECK(first.find("UNITED STATES DISTRICT COURT") != std::string::npos);
  CHECK(first.find("FOR THE DISTRICT OF COLUMBIA") != std::string::npos);
  CHECK(first.find("SURVEILLANCE") == std::string::npos);
}

TEST_CASE("the tree marks the parts of a filing that the profiles count and require") {
  const auto run = e2e::fiscgen({"render", motion, "--emit", "tree"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  for (const char* mark :
       {"kind=\"motion\"", "<group part=\"certificate-of-service\">",
        "<group part=\"proposed-order\" numbering=\"restart\">", "part=\"signature/name\"",
        "part=\"signature/email\"", "<paragraph style=\"title\" part=\"caption\">"})
    CHECK_MESSAGE(run.out.find(mark) != std::string::npos, mark);
}

TEST_CASE("check: the sample motion complies with fisc-2010 and dc-local, and writes nothing") {
  e2e::TempDir dir;
  const auto input = dir / "motion.xml";
  std::filesystem::copy_file(motion, input);
  const auto run = e2e::fiscgen({"check", input.string()});
  CHECK_MESSAGE(run.status == 0, run.err);
  CHECK(std::regex_search(
      run.out,
      std::regex(
          R"(no problems found \(fisc-2010: [\d,]+ words and \d+ pages counted, of \d+ pages in the file\))")));
  const auto dc = e2e::fiscgen(district({"check", input.string()}));
  CHECK_MESSAGE(dc.status == 0, dc.err);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}

namespace {

/// The page of `pdf` whose text holds `needle` (1-based); 0 when none does.
int page_with(const std::filesystem::path& pdf, const std::string& needle) {
  for (int page = 1; page <= e2e::pdf_pages(pdf); ++page)
    if (e2e::pdf_text(pdf, page).find(needle) != std::string::npos) return page;
  return 0;
}

/// Text without white space: a sentence reads the same however its lines were broken (a
/// citation such as "FRAP 32(a)(7)(B)(i)" may break between its parentheses).
std::string squeezed(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(\s+)"), "");
}

}  // namespace

TEST_CASE("frap-32: a certificate of compliance states the words check counts, and the type") {
  e2e::TempDir dir;
  const auto pdf = dir / "frap.pdf";
  const auto run = e2e::fiscgen(appeal({"render", motion, "-o", pdf.string()}));
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto check = e2e::fiscgen(appeal({"check", motion}));
  CHECK_MESSAGE(check.status == 0, check.err);
  std::smatch counted;
  REQUIRE(std::regex_search(
      check.out, counted,
      std::regex(
          R"(no problems found \(frap-32: ([\d,]+) words and \d+ pages counted, of \d+ pages in the file\))")));

  // On a page of its own, after the signature and before the certificate of service.
  const int page = page_with(pdf, "CERTIFICATE OF COMPLIANCE");
  REQUIRE(page > 1);
  CHECK(page_with(pdf, "CERTIFICATE OF SERVICE") == page + 1);
  const auto text = squeezed(e2e::pdf_text(pdf, page));
  CHECK_MESSAGE(
      text.find(squeezed("the type-volume limit of FRAP 32(a)(7)(B)(i) because, excluding "
                         "the parts of the document exempted by FRAP 32(f), this "
                         "document contains " +
                         counted[1].str() + " words.")) != std::string::npos,
      text);
  CHECK(text.find(squeezed("typeface requirements of FRAP 32(a)(5)(A) because it has been "
                           "prepared in a proportionally spaced typeface, 14-point Liberation "
                           "Serif.")) != std::string::npos);

  // The FISC profile requires none, and its filings have none.
  const auto fisc = dir / "fisc.pdf";
  REQUIRE(e2e::fiscgen({"render", motion, "-o", fisc.string()}).status == 0);
  CHECK(page_with(fisc, "CERTIFICATE OF COMPLIANCE") == 0);
  const auto tree = e2e::fiscgen(appeal({"render", motion, "--emit", "tree"}));
  CHECK(tree.out.find("<group part=\"certificate-of-compliance\">") != std::string::npos);
  CHECK(tree.out.find("contains " + counted[1].str() + " words") != std::string::npos);
}

TEST_CASE("frap-32: a motion over the word limit fails check, and its certificate says how many") {
  e2e::TempDir dir;
  const auto input = write(dir, "long.xml", long_motion(13501));
  const auto frap = e2e::fiscgen(appeal({"check", input.string()}));
  CHECK(frap.status == 1);
  CHECK(frap.err.find("long.xml: the motion has 13,501 words; FRAP 32(a)(7)(B)(i) allows 13,000 "
                      "for a principal brief (cover, tables, signature block, certificates and "
                      "proof of service not counted)\n") != std::string::npos);
  CHECK(frap.err.find("1 problem in") != std::string::npos);  // the certificate is there

  const auto pdf = dir / "long.pdf";
  REQUIRE(e2e::fiscgen(appeal({"render", input.string(), "-o", pdf.string()})).status == 0);
  const int page = page_with(pdf, "CERTIFICATE OF COMPLIANCE");
  REQUIRE(page > 0);
  CHECK(squeezed(e2e::pdf_text(pdf, page)).find("thisdocumentcontains13,501words.") !=
        std::string::npos);
}

TEST_CASE("check: long motions break frap-32's word limit and dc-local's page limit") {
  e2e::TempDir dir;
  const auto input = write(dir, "long.xml", long_motion(13501));

  const auto fisc = e2e::fiscgen({"check", input.string()});
  CHECK_MESSAGE(fisc.status == 0, fisc.err);  // FISC sets no limit
  CHECK(fisc.out.find("fisc-2010: 13,501 words") != std::string::npos);

  const auto frap = e2e::fiscgen(appeal({"check", input.string()}));
  CHECK(frap.status == 1);
  CHECK(frap.err.find("long.xml: the motion has 13,501 words; FRAP 32(a)(7)(B)(i) allows 13,000 "
                      "for a principal brief (cover, tables, signature block, certificates and "
                      "proof of service not counted)\n") != std::string::npos);

  // 21,000 words at 12 points, double-spaced, run past 45 pages.
  const auto longer = write(dir, "longer.xml", long_motion(21001));
  const auto dc = e2e::fiscgen(district({"check", longer.string()}));
  CHECK(dc.status == 1);
  CHECK(std::regex_search(
      dc.err,
      std::regex(
          R"(the motion has \d\d pages; LCvR 7\(e\) allows 45 for a memorandum of points and authorities)")));
  // dc-local also wants a proposed order with every motion.
  CHECK(dc.err.find("LCvR 7(c) requires a proposed order; the motion has none") !=
        std::string::npos);

  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 2);

  // Just under the limit: no word-count problem.
  const auto shorter = write(dir, "short.xml", long_motion(12990));
  const auto under = e2e::fiscgen(appeal({"check", shorter.string()}));
  CHECK(under.err.find("words;") == std::string::npos);
}

TEST_CASE("check under frap-32: a brief without tables of contents and authorities is reported") {
  e2e::TempDir dir;
  // A firm's brief form (in a --templates folder): the FISC filing, with kind "brief" and,
  // when the input asks, a table of contents written out by hand.
  std::filesystem::create_directories(dir / "mine/forms/test");
  std::ofstream(dir / "mine/forms/test/brief.xml") << R"(<?xml version="1.0" encoding="UTF-8"?>
<t:template xmlns:t="urn:fiscgen:template" kind="motion" rules="frap-32" description="A brief">
  <document kind="brief" title="{title}">
    <t:include src="fisc/caption.xml"/>
    <paragraph style="title" part="caption"><t:value select="title" case="upper"/></paragraph>
    <t:if test="@contents = 'yes'">
      <group part="table-of-contents"><paragraph style="single">I. Introduction 1</paragraph></group>
    </t:if>
    <t:include src="fisc/filing.xml"/>
  </document>
</t:template>
)";
  std::string text = e2e::read_file(motion);
  text.replace(text.find("form=\"fisc/motion\""), 18, "form=\"test/brief\"");
  const auto input = write(dir, "brief.xml", text);
  const std::string templates = (dir / "mine").string();

  const auto run = e2e::fiscgen(appeal({"--templates", templates, "check", input.string()}, false));
  CHECK(run.status == 1);
  CHECK_MESSAGE(run.err.find("brief.xml: FRAP 28(a)(2)-(3), 28(c) requires a table of contents; "
                             "the brief has none\n") != std::string::npos,
                run.err);
  CHECK(run.err.find("requires a table of authorities; the brief has none\n") != std::string::npos);
  CHECK(run.err.find("2 problems in") != std::string::npos);

  // With a table of contents, only the table of authorities is missing.
  const auto with = e2e::fiscgen(
      appeal({"--templates", templates, "check", input.string(), "--set", "@contents=yes"}, false));
  CHECK(with.status == 1);
  CHECK(with.err.find("table of contents") == std::string::npos);
  CHECK(with.err.find("1 problem in") != std::string::npos);

  // A motion under the same profile needs neither (FRAP 27).
  CHECK(e2e::fiscgen(appeal({"check", motion})).status == 0);
}
