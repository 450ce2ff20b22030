// Links end to end: every link annotation of a PDF read with qpdf --json, the text under each
// read with pdftotext -x -y -W -H, and where it goes checked against the page it names. Tables
// of contents and authorities link to their pages, note marks to their notes, web addresses to
// themselves; a redacted address is in no byte of the file.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

struct LinkInfo {
  int page = 0;  // 1-based, where the link is
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string uri;     // URI action; empty for a destination
  int target = 0;      // 1-based page of the destination; 0 for a URI
  double top = 0;      // of the destination
  std::string border;  // the /Border array as JSON
};

/// Whether object `j` has `key`: find(), as nlohmann may read a key starting with '/' in
/// contains() as a JSON pointer.
bool has(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.find(key) != j.end();
}

/// How many pages are front matter: labelled i, ii, ….
int front_pages(const std::filesystem::path& pdf) {
  const auto run = e2e::run({QPDF, "--json=2", "--json-key=pages", pdf.string()});
  REQUIRE(run.status == 0);
  int count = 0;
  const auto json = nlohmann::json::parse(run.out);  // kept: the loop reads inside it
  for (const auto& page : json.at("pages"))
    if (const auto label = page.find("label"); label != page.end() && label->is_object()) {
      // Roman, or no number at all: a brief's cover, labelled by its word alone.
      const auto style = label->find("/S");
      if (style == label->end() || *style == "/r") ++count;
    }
  return count;
}

std::vector<LinkInfo> links_of(const std::filesystem::path& pdf) {
  const auto run = e2e::run({QPDF, "--json=2", pdf.string()});
  REQUIRE(run.status == 0);
  const auto json = nlohmann::json::parse(run.out);
  std::map<std::string, int> page_of;  // "12 0 R" → 1-based page
  const auto& pages = json.at("pages");
  for (std::size_t i = 0; i < pages.size(); ++i)
    page_of[pages[i].at("object").get<std::string>()] = static_cast<int>(i + 1);
  const auto& objects = json.at("qpdf").at(1);
  const auto object = [&](const std::string& ref) -> const nlohmann::json& {
    return objects.at("obj:" + ref).at("value");
  };
  std::vector<LinkInfo> links;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto& page = object(pages[i].at("object").get<std::string>());
    if (!has(page, "/Annots")) continue;
    for (const auto& ref : page.at("/Annots")) {
      const auto& annot = ref.is_string() ? object(ref.get<std::string>()) : ref;
      if (!has(annot, "/Subtype") || annot.at("/Subtype") != "/Link") continue;
      LinkInfo link;
      link.page = static_cast<int>(i + 1);
      const auto& rect = annot.at("/Rect");
      link.x0 = rect[0].get<double>(), link.y0 = rect[1].get<double>();
      link.x1 = rect[2].get<double>(), link.y1 = rect[3].get<double>();
      link.border = has(annot, "/Border") ? annot.at("/Border").dump() : "";
      if (has(annot, "/A")) {
        const auto& action = annot.at("/A");
        CHECK(action.at("/S") == "/URI");
        std::string uri = action.at("/URI").get<std::string>();
        if (uri.rfind("u:", 0) == 0 || uri.rfind("b:", 0) == 0) uri = uri.substr(2);
        link.uri = uri;
      } else {
        const auto& named = annot.at("/Dest");  // libharu writes the array as its own object
        const auto& dest = named.is_string() ? object(named.get<std::string>()) : named;
        link.target = page_of.at(dest[0].get<std::string>());
        CHECK(dest[1] == "/XYZ");
        link.top = dest[3].get<double>();
      }
      links.push_back(link);
    }
  }
  return links;
}

/// The text pdftotext finds inside the link's rectangle on its page.
std::string text_under(const std::filesystem::path& pdf, const LinkInfo& link, double height) {
  const auto page = std::to_string(link.page);
  const auto run =
      e2e::run({PDFTOTEXT, "-f", page, "-l", page, "-x", std::to_string(static_cast<int>(link.x0)),
                "-y", std::to_string(static_cast<int>(height - link.y1)), "-W",
                std::to_string(static_cast<int>(link.x1 - link.x0 + 1.5)), "-H",
                std::to_string(static_cast<int>(link.y1 - link.y0 + 1)), pdf.string(), "-"});
  std::string text = run.out;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\f' || text.back() == ' '))
    text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("table of contents entries, note marks and addresses in the brief are links") {
  e2e::TempDir dir;
  const auto pdf = dir.path() / "brief.pdf";
  REQUIRE(e2e::fiscgen({"render", (examples / "brief.xml").string(), "-o", pdf.string()}).status ==
          0);
  CHECK(e2e::check_readers(pdf) == "");
  const auto links = links_of(pdf);
  const int front = front_pages(pdf);
  REQUIRE(front >= 1);
  int toc = 0, notes = 0;
  for (const auto& link : links) {
    CHECK(link.border == "[0,0,0]");
    if (!link.uri.empty()) continue;
    const std::string under = text_under(pdf, link, 792);
    const std::string target_text = e2e::pdf_text(pdf, link.target);
    if (link.page <= front && under.size() > 3) {
      // A table's entry: the heading it names is on that page (its last word), or the
      // authority (its first word: a case's first party, a title's number; later citations
      // there may be short forms, without the year).
      ++toc;
      std::string heading = under.substr(0, under.find(" ."));
      if (const auto tab = heading.find("  "); tab != std::string::npos)
        heading = heading.substr(tab);
      const auto words = e2e::words(heading);
      REQUIRE(!words.empty());
      const auto target_words = e2e::words(target_text);
      const bool heading_there = e2e::find_in_order({words.back()}, target_words).empty();
      const bool authority_there = e2e::find_in_order({words.front()}, target_words).empty();
      CHECK_MESSAGE((heading_there || authority_there), under);
    } else if (link.page > front && under.find_first_of("0123456789") != std::string::npos) {
      // A note mark (the cropped text may catch the period it follows): its note starts on
      // the target page, at `top`.
      ++notes;
      CHECK_MESSAGE(link.target >= link.page, under);
      // The line at the destination is the note's first: it holds the note's raised number
      // (pdftotext reads a raised mark after the line it starts).
      LinkInfo line{link.target, 0, link.top - 14, 612, link.top, {}, 0, 0, {}};
      std::string number;
      for (const char c : under)
        if (std::isdigit(static_cast<unsigned char>(c))) number += c;
      const auto note = text_under(pdf, line, 792);
      const auto note_words = e2e::words(note);
      CHECK_MESSAGE(std::count(note_words.begin(), note_words.end(), number) == 1,
                    number << " → " << note);
      CHECK(link.top < 792 / 2.0);  // notes are at the foot of the page
    }
  }
  CHECK(toc >= 4);
  CHECK(notes >= 1);
}

TEST_CASE("a table of contents entry's page number links to the page printed with that number") {
  e2e::TempDir dir;
  const auto pdf = dir.path() / "brief.pdf";
  REQUIRE(e2e::fiscgen({"render", (examples / "brief.xml").string(), "-o", pdf.string()}).status ==
          0);
  int checked = 0;
  const int front = front_pages(pdf);
  for (const auto& link : links_of(pdf)) {
    if (!link.uri.empty() || link.page > front) continue;
    const std::string under = text_under(pdf, link, 792);
    if (under.empty() || under.find_first_not_of("0123456789") != std::string::npos) continue;
    // The target page prints its number at the foot: the last word of its text.
    const auto words = e2e::words(e2e::pdf_text(pdf, link.target));
    REQUIRE(!words.empty());
    CHECK_MESSAGE(words.back() == under, "page " << link.target << " for " << under);
    ++checked;
  }
  CHECK(checked >= 4);
}

TEST_CASE("web addresses in running text are links to themselves, closing punctuation left out") {
  e2e::TempDir dir;
  std::string text = e2e::read_file(examples / "motion-june.xml");
  const std::string from = "Those reports have drawn no";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, 0, "See also www.justice.example/nsd, and (https://fisc.example/rules). ");
  std::ofstream(dir.path() / "in.xml", std::ios::binary) << text;
  const auto pdf = dir.path() / "out.pdf";
  REQUIRE(e2e::fiscgen({"render", (dir.path() / "in.xml").string(), "-o", pdf.string()}).status ==
          0);
  std::vector<std::string> uris;
  for (const auto& link : links_of(pdf))
    if (!link.uri.empty()) {
      uris.push_back(link.uri);
      CHECK(link.border == "[0,0,0]");
    }
  CHECK(std::count(uris.begin(), uris.end(), "https://transparency.cascade.example/reports") == 1);
  CHECK(std::count(uris.begin(), uris.end(), "http://www.justice.example/nsd") == 1);
  CHECK(std::count(uris.begin(), uris.end(), "https://fisc.example/rules") == 1);
  CHECK(e2e::check_readers(pdf) == "");
  // The same input gives the same bytes, links and all.
  const auto again = dir.path() / "again.pdf";
  REQUIRE(e2e::fiscgen({"render", (dir.path() / "in.xml").string(), "-o", again.string()}).status ==
          0);
  CHECK(e2e::read_file(pdf) == e2e::read_file(again));
}

TEST_CASE("a redacted web address is in no link and no byte of the public version") {
  e2e::TempDir dir;
  std::string text = e2e::read_file(examples / "motion-june.xml");
  const std::string from = "Those reports have drawn no";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, 0,
               "Its tips go to <redact>https://hidden.example/wombatfile</redact> and "
               "<redact><a href=\"https://hidden.example/quokka\">a portal</a></redact>. ");
  std::ofstream(dir.path() / "in.xml", std::ios::binary) << text;
  const auto pdf = dir.path() / "out.pdf";
  REQUIRE(e2e::fiscgen({"render", (dir.path() / "in.xml").string(), "--public", "-o", pdf.string()})
              .status == 0);
  for (const auto& link : links_of(pdf)) CHECK(link.uri.find("hidden") == std::string::npos);
  const auto bytes = e2e::pdf_uncompressed(pdf, dir.path() / "qdf.pdf");
  CHECK(bytes.find("hidden.example") == std::string::npos);
  CHECK(bytes.find("wombat") == std::string::npos);
  CHECK(e2e::decoded_hex_strings(bytes).find("hidden.example") == std::string::npos);
}
