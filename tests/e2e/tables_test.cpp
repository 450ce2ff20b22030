// Tables of contents and authorities, end to end: a brief long enough to need them, rendered
// with real <cite> input, read back page by page. Every page a table lists must really hold
// what it lists there; front matter is labelled and printed i, ii, …, the body from 1.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tools.hpp"

namespace {

// Filler words that contain none of the recognisable parts below.
const char* const filler[] = {"the",       "court",    "should",    "weigh",   "each",
                              "statutory", "question", "with",      "care",    "because",
                              "providers", "report",   "figures",   "only",    "in",
                              "broad",     "bands",    "revealing", "nothing", "operational"};

std::string prose(int words, int& next) {
  std::string text;
  for (int i = 0; i < words; ++i, ++next) text += (i ? " " : "") + std::string(filler[next % 20]);
  return text;
}

// Each authority as the input cites it, the table's entry begins, and a part of it that any
// of its printed forms (full or short) starts with on the page where the citation starts.
struct Authority {
  const char* cite;
  const char* entry;
  const char* recognisable;
};
const Authority smith{"Smith v. Maryland, 442 U.S. 735, 742 (1979)", "Smith v. Maryland", "Smith"};
const Authority miller{"United States v. Miller, 425 U.S. 435, 443 (1976)",
                       "United States v. Miller", "Miller"};
const Authority rotating[] = {
    {"50 U.S.C. § 1861(d)(1)", "50 U.S.C. § 1861 ", "1861"},
    {"Katz v. United States, 389 U.S. 347, 351 (1967)", "Katz v. United States", "Katz"},
    {"50 U.S.C. § 1881a(h)", "50 U.S.C. § 1881a", "1881a"},
    {"U.S. Const. amend. IV", "U.S. Const. amend. IV", "Const."},
    {"FISC R.P. 6(d)", "FISC R.P. 6", "FISC"},
};

// Sixteen sections of two paragraphs. The first paragraph of each cites one of the rotating
// authorities (each on three or four pages: listed), every paragraph cites Smith and its
// footnote Miller (on every page: passim). No authority is cited twice in a row, so none
// becomes Id. `extra` adds a paragraph to the sections it names.
std::string brief_input(const std::map<int, std::string>& extra = {}) {
  std::string body;
  int next = 0;
  for (int s = 1; s <= 16; ++s) {
    body += "<section><heading>Point " + std::to_string(s) + " of the argument</heading>";
    for (int p = 0; p < 2; ++p) {
      const std::string other =
          p == 0 ? std::string(" <cite>") + rotating[(s - 1) % 5].cite + "</cite>." : "";
      body += "<p>" + prose(70, next) + other + " " + prose(40, next) + " <cite>" + smith.cite +
              "</cite>.<fn>See <cite>" + miller.cite + "</cite>.</fn> " + prose(60, next) + "</p>";
    }
    if (const auto found = extra.find(s); found != extra.end())
      body += "<p>" + prose(30, next) + " " + found->second + "</p>";
    body += "</section>";
  }
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<brief form="appeals/brief" locale="en_US" rules="frap-32">
  <docket>13-5127</docket>
  <matter>In re Motion for Declaratory Judgment</matter>
  <below proceeding="appeal"><court>United States District Court for the District of
    Columbia</court><decision>a Judgment</decision></below>
  <party>Cascade Software Corporation</party>
  <title>Brief in Support of Motion</title>
  <movant>Cascade Software Corporation</movant>
  <date>2013-06-19</date>
  <body>)" +
         body +
         R"(</body>
  <signature><attorney><name>Margaret A. Lindqvist</name></attorney>
    <counsel-for>Cascade Software Corporation</counsel-for></signature>
  <service date="2013-06-19"><recipient><name>Chief, Litigation Security Group</name>
    <method>hand delivery</method></recipient></service>
  <proposed-order><p>The motion is granted.</p></proposed-order>
</brief>
)";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(" \f") != std::string::npos) lines.push_back(line);
  return lines;
}

// What a table's line lists after its dot leaders: "1, 4, 6" or "passim".
std::string after_leaders(const std::string& line) {
  const auto dots = line.rfind(". .");
  if (dots == std::string::npos) return "";
  std::string rest = line.substr(dots);
  rest.erase(0, rest.find_first_not_of(". "));
  while (!rest.empty() && rest.back() == ' ') rest.pop_back();
  return rest;
}

std::vector<int> numbers_in(const std::string& list) {
  std::vector<int> out;
  std::istringstream in(list);
  for (std::string item; std::getline(in, item, ',');) out.push_back(std::stoi(item));
  return out;
}

std::string roman(int n) {
  const char* const romans[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"};
  return romans[n];
}

struct Rendered {
  e2e::TempDir dir;
  std::filesystem::path pdf = dir / "brief.pdf";
  int pages = 0;
  int front = 0;  // front-matter pages, from /PageLabels
  std::string front_text;

  std::string warnings;  // what render printed on stderr

  explicit Rendered(const std::string& input = brief_input()) {
    std::ofstream(dir / "brief.xml") << input;
    const auto run = e2e::fiscgen({"render", (dir / "brief.xml").string(), "-o", pdf.string()});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    warnings = run.err;
    pages = e2e::pdf_pages(pdf);
    // "/Nums [ 0 << /S /r /St 1 >> N << /S /D /St 1 >> ]": roman from 0, decimal from N.
    const auto labels = e2e::run({"mutool", "show", pdf.string(), "trailer/Root/PageLabels"});
    std::istringstream in(labels.out);
    std::vector<std::string> tokens;
    for (std::string token; in >> token;) tokens.push_back(token);
    for (std::size_t i = 0; i + 4 < tokens.size(); ++i)
      if (tokens[i + 1] == "<<" && tokens[i + 2] == "/S" && tokens[i + 3] == "/D" && front == 0)
        front = std::stoi(tokens[i]);
    INFO(labels.out);
    REQUIRE(labels.out.find("/S /r") != std::string::npos);
    REQUIRE(front >= 3);
    for (int p = 1; p <= front; ++p) front_text += e2e::pdf_text(pdf, p);
  }
  /// The physical page (1-based) of the printed body page `printed`.
  int physical(int printed) const { return front + printed; }
};

}  // namespace

TEST_CASE("a brief's front matter is labelled and printed i, ii, …, its body from 1") {
  Rendered r;
  CHECK(r.pages >= r.front + 15);  // brief-length
  for (int p = 1; p <= r.front; ++p) {
    const auto lines = lines_of(e2e::pdf_text(r.pdf, p));
    REQUIRE(!lines.empty());
    // The cover counts as i but prints no number (viewers label it by a word: court_test).
    if (p == 1)
      CHECK(lines.back() != roman(p));
    else
      CHECK(lines.back() == roman(p));
  }
  const auto first = lines_of(e2e::pdf_text(r.pdf, r.physical(1)));
  REQUIRE(!first.empty());
  CHECK(first.back() == "1");
  // The first heading opens it ("I." and its text may come as two lines).
  CHECK((first[0] + " " + first[1]).find("Point 1 of the argument") != std::string::npos);
  CHECK(lines_of(e2e::pdf_text(r.pdf, r.physical(2))).back() == "2");
  // Bookmarks for both tables.
  const auto outline = e2e::run({"mutool", "show", r.pdf.string(), "outline"});
  CHECK(outline.out.find("Table of Contents") != std::string::npos);
  CHECK(outline.out.find("Table of Authorities") != std::string::npos);
  CHECK(e2e::check_readers(r.pdf) == "");
}

TEST_CASE("every page the table of contents gives holds that heading") {
  Rendered r;
  int entries = 0;
  for (const auto& line : lines_of(r.front_text)) {
    const auto pages = after_leaders(line);
    if (pages.empty()) continue;
    std::string title = line.substr(0, line.find(" . "));
    // "XIV. Point 14 of the argument": the label may or may not come on the same line.
    if (const auto point = title.find("Point "); point != std::string::npos)
      title = title.substr(point);
    // The parts' bookmarks name them as their titles do not quite: what their pages print.
    const std::map<std::string, std::string> parts{
        {"Certificate of Service", "CERTIFICATE OF SERVICE"},
        {"Certificate of Compliance", "CERTIFICATE OF COMPLIANCE"},
        {"Proposed Order", "[PROPOSED] ORDER"}};
    if (title.find("Point ") != 0 && !parts.count(title))
      continue;  // a line of the table of authorities
    INFO(line);
    const int printed = std::stoi(pages);
    ++entries;
    if (title == "Proposed Order") {
      // The order is numbered on its own, from 1: its entry gives the number its first page
      // prints, the brief's pages having run on before it.
      int found = 0;
      for (int p = r.physical(1); p <= r.pages && found == 0; ++p)
        if (e2e::pdf_text(r.pdf, p).find("[PROPOSED] ORDER") != std::string::npos) found = p;
      REQUIRE(found > 0);
      CHECK(lines_of(e2e::pdf_text(r.pdf, found)).back() == pages);
      continue;
    }
    const std::string page = e2e::pdf_text(r.pdf, r.physical(printed));
    CHECK(page.find(parts.count(title) ? parts.at(title) : title) != std::string::npos);
  }
  CHECK(entries >= 18);  // 16 points, the certificate of service, the proposed order
}

TEST_CASE("every page the table of authorities lists cites that authority, and passim past five") {
  Rendered r;
  // Where each authority is, as a reader finds it: the body pages whose text shows it.
  std::vector<Authority> all(std::begin(rotating), std::end(rotating));
  all.push_back(smith);
  all.push_back(miller);
  std::map<std::string, std::set<int>> found;
  for (int printed = 1; r.physical(printed) <= r.pages; ++printed) {
    const auto text = e2e::pdf_text(r.pdf, r.physical(printed));
    for (const auto& authority : all)
      if (text.find(authority.recognisable) != std::string::npos)
        found[authority.entry].insert(printed);
  }
  int passim = 0, listed = 0;
  const auto lines = lines_of(r.front_text);
  for (const auto& authority : all) {
    INFO(authority.entry);
    std::string pages;
    for (const auto& line : lines)
      if (line.rfind(authority.entry, 0) == 0) pages = after_leaders(line);
    REQUIRE(!pages.empty());
    if (pages == "passim") {
      CHECK(found[authority.entry].size() > 5);
      ++passim;
      continue;
    }
    const auto numbers = numbers_in(pages);
    CHECK(numbers.size() <= 5);
    for (const int page : numbers) {
      INFO("page ", page);
      CHECK(e2e::pdf_text(r.pdf, r.physical(page)).find(authority.recognisable) !=
            std::string::npos);
    }
    // …and no page that cites it is left out.
    CHECK(std::set<int>(numbers.begin(), numbers.end()) == found[authority.entry]);
    ++listed;
  }
  CHECK(passim >= 2);  // Smith and Miller, cited on every page
  CHECK(listed >= 3);
  // Categories in order, entries collated with numbers compared as numbers.
  const auto at = [&](const char* what) { return r.front_text.find(what); };
  CHECK(at("Cases") < at("Katz v. United States"));
  CHECK(at("Katz v. United States") < at("Smith v. Maryland"));
  CHECK(at("Smith v. Maryland") < at("United States v. Miller"));
  CHECK(at("United States v. Miller") < at("Constitutional Provisions"));
  CHECK(at("Constitutional Provisions") < at("Statutes"));
  CHECK(at("Statutes") < at("§ 1861 "));
  CHECK(at("§ 1861 ") < at("§ 1881a"));
  CHECK(at("§ 1881a") < at("Rules"));
  CHECK(at("Other Authorities") == std::string::npos);  // no entry, no heading
}

TEST_CASE("a short form two cases of one volume fit adds its page to neither in the table") {
  // Kowalski starts on page 31, where Adebayo may end: "601 U.S., at 31" may be either's, and
  // the Id. after it too. Neither's entry may list the page they are on.
  const Rendered r(brief_input(
      {{1,
        "<cite>Adebayo v. Lindqvist, 601 U.S. 10, 14 (2023)</cite>; <cite>Kowalski v. "
        "Tanaka, 601 U.S. 31, 33 (2023)</cite>."},
       {8,
        "The government quotes a page both opinions may share. <cite>601 U.S., at "
        "31</cite>. <cite>Id. at 32</cite>."},
       {16, "The first held that notice must come first. <cite>Adebayo, 601 U.S. at 29</cite>."}}));
  CHECK(r.warnings.find("\"601 U.S., at 31\" may mean Adebayo v. Lindqvist, 601 U.S. 10 or "
                        "Kowalski v. Tanaka, 601 U.S. 31") != std::string::npos);
  int ambiguous = 0;  // the printed page of the short form
  for (int printed = 1; r.physical(printed) <= r.pages && ambiguous == 0; ++printed)
    if (e2e::pdf_text(r.pdf, r.physical(printed)).find("601 U.S. at 31") != std::string::npos)
      ambiguous = printed;
  REQUIRE(ambiguous > 0);
  const auto lines = lines_of(r.front_text);
  for (const std::string name : {"Adebayo", "Kowalski"}) {
    INFO(name);
    REQUIRE(e2e::pdf_text(r.pdf, r.physical(ambiguous)).find(name) == std::string::npos);
    std::string pages;
    for (const auto& line : lines)
      if (line.rfind(name + " v. ", 0) == 0) pages = after_leaders(line);
    REQUIRE(!pages.empty());
    const auto numbers = numbers_in(pages);
    CHECK(std::find(numbers.begin(), numbers.end(), ambiguous) == numbers.end());
    for (const int page : numbers)  // each page listed names the case
      CHECK(e2e::pdf_text(r.pdf, r.physical(page)).find(name) != std::string::npos);
    CHECK(numbers.size() == (name == "Adebayo" ? 2U : 1U));
  }
}

TEST_CASE("frap-32 check: a brief with both tables passes, one without them fails") {
  e2e::TempDir dir;
  std::ofstream(dir / "brief.xml") << brief_input();
  std::vector<std::string> args = {"check", (dir / "brief.xml").string()};
  const auto with = e2e::fiscgen(args);
  const std::string said = with.out + with.err;
  CHECK_MESSAGE(with.status == 0, said);
  // The same brief under a firm's own brief template that leaves the tables out.
  std::filesystem::create_directories(dir / "firm/forms/appeals");
  std::ofstream(dir / "firm/forms/appeals/brief.xml") << R"(<?xml version="1.0" encoding="UTF-8"?>
<t:template xmlns:t="urn:fiscgen:template" kind="brief" rules="frap-32" description="no tables">
  <document title="{title}" date="{date}">
    <t:include src="fiscr/cover.xml"/>
    <paragraph style="title"><t:value select="party"/></paragraph>
    <t:include src="fisc/filing.xml"/>
  </document>
</t:template>
)";
  args.insert(args.begin(), {"--templates", (dir / "firm").string()});
  const auto without = e2e::fiscgen(args);
  CHECK(without.status != 0);
  CHECK(without.err.find("requires a table of contents") != std::string::npos);
  CHECK(without.err.find("requires a table of authorities") != std::string::npos);
}

TEST_CASE("an Id. naming another section of a state's code is its own entry in the table") {
  // § 425.16 in the first point and again in the eighth, then "Id. § 425.17(b)": § 425.17 is
  // listed on the Id.'s page alone, § 425.16 on the pages that cite it.
  const Rendered r(brief_input(
      {{1,
        "The State's statute is to the same effect. <cite>Cal. Civ. Proc. Code § "
        "425.16(b)(1) (West 2004)</cite>."},
       {8,
        "Its exceptions are narrow. <cite>Cal. Civ. Proc. Code § 425.16(e)</cite>. Public "
        "interest suits are one of them. <cite>Id. § 425.17(b)</cite>."}}));
  CHECK(r.warnings.empty());
  const auto page_of = [&](const std::string& what) {
    for (int printed = 1; r.physical(printed) <= r.pages; ++printed)
      if (e2e::pdf_text(r.pdf, r.physical(printed)).find(what) != std::string::npos) return printed;
    return 0;
  };
  const int first = page_of("425.16(b)(1)"), again = page_of("425.16(e)"),
            id = page_of("425.17(b)");
  REQUIRE(first > 0);
  REQUIRE(id > first);
  std::map<std::string, std::vector<int>> listed;
  for (const auto& line : lines_of(r.front_text))
    for (const std::string section : {"425.16", "425.17"})
      if (line.rfind("Cal. Civ. Proc. Code § " + section + " ", 0) == 0)
        listed[section] = numbers_in(after_leaders(line));
  CHECK(listed["425.17"] == std::vector<int>{id});
  CHECK(listed["425.16"] ==
        (first == again ? std::vector<int>{first} : std::vector<int>{first, again}));
}
