// The PDF writer, read back with independent tools (poppler's pdftotext/pdffonts/pdfinfo, qpdf).

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <sstream>

#include "fonts/fonts.hpp"
#include "pdf/haru.hpp"
#include "pdf/pdf.hpp"
#include "pdf_tools.hpp"

namespace fs = std::filesystem;
using fiscgen::Error;
using fiscgen::fonts::FontconfigResolver;
using fiscgen::fonts::FontSet;
using fiscgen::layout::PageModel;
using fiscgen::pdf::Info;
using pdf_test::Fonts;
using pdf_test::quote;
using pdf_test::run;
using pdf_test::run_keeping_errors;
using pdf_test::sample_model;
using pdf_test::TempDir;

namespace {

// Each test gets its own FontSet, as each rendered document does.
std::string render(const PageModel& model, const Info& info = {}) {
  Fonts fonts;
  return fiscgen::pdf::write_to_memory(model, fonts.set, info);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

int count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.describe();
  }
  return "(no error)";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Rows of pdffonts output whose "emb" and "sub" columns both say yes.
int embedded_subsets(const std::string& pdffonts) {
  std::istringstream lines(pdffonts);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::vector<std::string> w{std::istream_iterator<std::string>(words), {}};
    // ... emb sub uni object-number generation
    if (w.size() >= 6 && w[w.size() - 5] == "yes" && w[w.size() - 4] == "yes") ++rows;
  }
  return rows;
}

// The decoded data of every CIDToGIDMap stream in `file`, in object order.
std::vector<std::string> cid_to_gid_maps(const fs::path& file, const TempDir& dir) {
  const fs::path plain = dir / "maps.pdf";
  REQUIRE(run("qpdf --qdf --object-streams=disable " + quote(file) + " " + quote(plain)).status ==
          0);
  const std::string text = read_file(plain);
  std::vector<std::string> maps;
  for (auto at = text.find("/CIDToGIDMap "); at != std::string::npos;
       at = text.find("/CIDToGIDMap ", at + 1)) {
    const int object = std::atoi(text.c_str() + at + 13);
    REQUIRE(object > 0);
    maps.push_back(run("qpdf --show-object=" + std::to_string(object) + " --filtered-stream-data " +
                       quote(plain))
                       .text);
  }
  return maps;
}

// The trailer's /ID entry as written.
std::string trailer_id(const std::string& pdf) {
  const auto at = pdf.rfind("/ID");
  if (at == std::string::npos) return {};
  return pdf.substr(at, pdf.find(']', at) - at + 1);
}

}  // namespace

TEST_CASE("a page model written to memory is a deterministic PDF with embedded subsets") {
  const std::string first = render(sample_model());
  const std::string second = render(sample_model());
  CHECK(first.rfind("%PDF-1.", 0) == 0);
  CHECK(contains(first, "/FontFile2"));
  CHECK(count(first, "/FontFile2") == 4);  // regular, bold, italic + DejaVu for U+2200
  CHECK(first == second);
  CHECK_FALSE(contains(first, "/CreationDate"));
  CHECK_FALSE(contains(first, "/ModDate"));
  CHECK(trailer_id(first).size() > 60);  // [<32 hex digits><32 hex digits>]
  // Nothing from libharu's defaults or from this machine.
  CHECK_FALSE(contains(first, "HPDFA"));
  CHECK_FALSE(contains(first, "Haru"));
  CHECK_FALSE(contains(first, "/usr/share/fonts"));
  CHECK_FALSE(contains(first, fs::current_path().string()));
  if (const char* user = std::getenv("USER"); user && std::string(user).size() >= 4)
    CHECK_FALSE(contains(first, user));
}

TEST_CASE("the /ID follows the content") {
  PageModel changed = sample_model();
  changed.pages[0].runs[1].text = "Pursuant to 50 U.S.C. § 1862.";
  const std::string original = trailer_id(render(sample_model()));
  CHECK(original != trailer_id(render(changed)));
  Info titled;
  titled.title = "Another title";
  CHECK(original != trailer_id(render(sample_model(), titled)));
}

TEST_CASE("dates come only from the info, at midnight UTC") {
  Info info;
  info.creation_date = "2013-06-19";
  const std::string pdf = render(sample_model(), info);
  CHECK(contains(pdf, "/CreationDate (D:20130619000000Z00'00')"));
  CHECK(contains(pdf, "/ModDate (D:20130619000000Z00'00')"));
  CHECK(pdf == render(sample_model(), info));
  for (const char* bad : {"2013-02-29", "2013-13-01", "19.06.2013", "2013-6-19", "today"}) {
    info.creation_date = bad;
    CHECK_MESSAGE(contains(error_of([&] { render(sample_model(), info); }), bad), bad);
  }
  info.creation_date = "2012-02-29";  // a leap day is fine
  CHECK_NOTHROW(render(sample_model(), info));
}

TEST_CASE("written to a file, poppler and qpdf read back text, fonts, info and outline") {
  TempDir dir;
  const fs::path file = dir / "motion.pdf";
  Info info;
  info.title = "Motion for Declaratory Judgment — § 1861";
  info.author = "Microsoft Corporation";
  info.subject = "Misc. 13-04";
  info.keywords = "FISC";
  Fonts fonts;
  fiscgen::pdf::write(sample_model(), fonts.set, info, file);
  REQUIRE(fs::exists(file));

  const auto text = run("pdftotext -enc UTF-8 " + quote(file) + " -");
  CHECK(text.status == 0);
  CHECK(contains(text.text, "MOTION FOR DECLARATORY JUDGMENT"));
  CHECK(contains(text.text, "Pursuant to 50 U.S.C. § 1861(d)(1) — “quoted” text."));
  CHECK(contains(text.text, "In re Application"));
  CHECK(contains(text.text, "For all \u2200 cases"));

  const auto fonts_out = run("pdffonts " + quote(file));
  CHECK(fonts_out.status == 0);
  CHECK(embedded_subsets(fonts_out.text) == 4);
  CHECK(contains(fonts_out.text, "+LiberationSerif "));
  CHECK(contains(fonts_out.text, "+LiberationSerif-Bold"));
  CHECK(contains(fonts_out.text, "+LiberationSerif-Italic"));
  CHECK(contains(fonts_out.text, "+DejaVuSerif"));

  CHECK(run("qpdf --check " + quote(file)).status == 0);

  const auto pdfinfo = run("pdfinfo -enc UTF-8 " + quote(file)).text;
  CHECK(contains(pdfinfo, "Title:           Motion for Declaratory Judgment — § 1861"));
  CHECK(contains(pdfinfo, "Author:          Microsoft Corporation"));
  CHECK(contains(pdfinfo, "Subject:         Misc. 13-04"));
  CHECK(contains(pdfinfo, "Keywords:        FISC"));
  CHECK(contains(pdfinfo, "Creator:         fiscgen\n"));
  CHECK(contains(pdfinfo, std::string("Producer:        fiscgen ") + FISCGEN_VERSION + "\n"));
  CHECK(contains(pdfinfo, "Page size:       612 x 792 pts (letter)"));
  CHECK_FALSE(contains(pdfinfo, "CreationDate"));

  // Outline: two top-level entries, the second-level one nested under the first.
  const auto outline = run("qpdf --json=2 --json-key=outlines " + quote(file)).text;
  const auto intro = outline.find("\"Introduction\"");
  const auto argument = outline.find("Argument");
  const auto conclusion = outline.find("\"Conclusion\"");
  REQUIRE(intro != std::string::npos);
  REQUIRE(argument != std::string::npos);
  REQUIRE(conclusion != std::string::npos);
  CHECK(count(outline, "\"kids\": [\n") == 1);   // only Introduction has children
  CHECK(outline.find("\"kids\": [\n") < intro);  // kids are listed before the title
  CHECK(argument < conclusion);

  // No temporary file is left beside the output.
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("poppler reads the text without a warning: the ToUnicode CMaps are valid") {
  TempDir dir;
  const fs::path file = dir / "sample.pdf";
  Fonts fonts;
  fiscgen::pdf::write(sample_model(), fonts.set, {}, file);
  for (const char* tool : {"pdftotext -enc UTF-8", "pdffonts"}) {
    const auto out = run_keeping_errors(std::string(tool) + " " + quote(file) +
                                        (contains(tool, "pdftotext") ? " -" : ""));
    CHECK_MESSAGE(out.status == 0, tool);
    CHECK_MESSAGE(out.errors.empty(), tool << ": " << out.errors);
  }
  const auto text = run_keeping_errors("pdftotext -enc UTF-8 " + quote(file) + " -");
  CHECK(contains(text.text, "Pursuant to 50 U.S.C. § 1861(d)(1) — “quoted” text."));
  CHECK(contains(text.text, "For all \u2200 cases"));
  const auto fonts_out = run("pdffonts " + quote(file)).text;
  CHECK(count(fonts_out, "yes yes yes") == 4);  // embedded, subset, with a ToUnicode map

  REQUIRE(run("qpdf --qdf --object-streams=disable " + quote(file) + " " + quote(dir / "plain.pdf"))
              .status == 0);
  const std::string plain = read_file(dir / "plain.pdf");
  CHECK_FALSE(contains(plain, "begincidrange"));
  CHECK(count(plain, "/CMapType 2 def") == 4);
  CHECK(contains(plain, "<2200> <2200>"));  // the fallback font's one character
  CHECK(contains(plain, "/Ordering (Identity)"));
  CHECK_FALSE(contains(plain, "/Ordering (Identity-H)"));
}

TEST_CASE("the ToUnicode CMap maps each drawn code point to itself, runs as ranges") {
  using fiscgen::pdf::haru::unicode_cmap;
  const std::string cmap = unicode_cmap({U'A', U'B', U'C', U'a', U'\u00A7', U'\u00FF', U'\u0100'});
  CHECK(contains(cmap, "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"));
  // A range may not cross a change of the first byte: U+00FF and U+0100 are kept apart.
  CHECK(contains(cmap,
                 "4 beginbfchar\n<0061> <0061>\n<00A7> <00A7>\n<00FF> <00FF>\n"
                 "<0100> <0100>\nendbfchar\n"));
  CHECK(contains(cmap, "1 beginbfrange\n<0041> <0043> <0041>\nendbfrange\n"));
  CHECK(contains(cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"));

  // Blocks hold at most 100 entries.
  std::set<char32_t> spaced;
  for (char32_t cp = 0x100; cp < 0x100 + 2 * 250; cp += 2) spaced.insert(cp);
  const std::string many = unicode_cmap(spaced);
  CHECK(count(many, "100 beginbfchar") == 2);
  CHECK(count(many, "50 beginbfchar") == 1);
  CHECK(count(many, "> <") == 250 + 1);  // and the code space range

  // Every code as printf's "%04X" writes it: each hex digit in each place, U+FFFF, wider ones.
  std::set<char32_t> digits = {0x1, 0xFFFF, 0x1F600};
  for (char32_t d = 0; d < 16; ++d)
    for (const int shift : {0, 4, 8, 12}) digits.insert((d << shift) | 0x1000 | (d << 1));
  const std::string written = unicode_cmap(digits);
  char line[40];
  for (const char32_t cp : digits) {
    CAPTURE(static_cast<unsigned>(cp));
    std::snprintf(line, sizeof line, "\n<%04X> <%04X>\n", static_cast<unsigned>(cp),
                  static_cast<unsigned>(cp));
    const bool single = !digits.count(cp - 1) && !digits.count(cp + 1);
    if (single) CHECK(contains(written, line));
  }
}

TEST_CASE("the CIDFont tables cover the code points drawn, not all 65,536") {
  PageModel model;
  model.pages.emplace_back();
  model.pages[0].runs.push_back({72, 700, 0, 12, "AVAWAY"});  // Y is the highest code point
  model.pages[0].runs.push_back({72, 680, 4, 12, "\u2200x"});
  TempDir dir;
  const fs::path file = dir / "narrow.pdf";
  Fonts fonts;
  fiscgen::pdf::write(model, fonts.set, {}, file);
  CHECK(run("qpdf --check " + quote(file)).status == 0);

  // Each map reaches just past the highest code point, and every drawn one has a glyph.
  const auto maps = cid_to_gid_maps(file, dir);
  REQUIRE(maps.size() == 2);
  const auto glyph = [](const std::string& map, char32_t cp) {
    const std::size_t at = 2 * static_cast<std::size_t>(cp);
    if (at + 1 >= map.size()) return -1;
    return static_cast<unsigned char>(map[at]) * 256 + static_cast<unsigned char>(map[at + 1]);
  };
  CHECK(maps[0].size() == 2 * (U'Y' + 1));
  for (const char32_t cp : {U'A', U'V', U'W', U'Y'}) CHECK_MESSAGE(glyph(maps[0], cp) > 0, cp);
  CHECK(glyph(maps[0], U'B') == 0);
  CHECK(maps[1].size() == 2 * (0x2200 + 1));
  CHECK(glyph(maps[1], 0x2200) > 0);
  CHECK(glyph(maps[1], U'x') > 0);

  // /W holds the widths of the highest code point too: pdftotext places Y where layout did.
  const double expected = 72 + fonts.set.font(0).width("AVAWAY", 12);
  const auto bbox = run("pdftotext -bbox " + quote(file) + " -").text;
  const auto at = bbox.find(">AVAWAY<");
  REQUIRE(at != std::string::npos);
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  REQUIRE(std::sscanf(bbox.c_str() + bbox.rfind("<word", at),
                      "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x_min, &y_min,
                      &x_max, &y_max) == 4);
  CHECK(x_max == doctest::Approx(expected).epsilon(0.0001));
}

TEST_CASE("links are URI annotations without a border, URIs made ASCII") {
  const std::string pdf = render(sample_model());
  CHECK(contains(pdf, "/Subtype /Link"));
  // libharu escapes "/" and "%" in strings as octal: this is "https://example.com/a%20b".
  CHECK(contains(pdf, "/URI (https:\\057\\057example.com\\057a\\04520b)"));
  CHECK(contains(pdf, "/Border [ 0 0 0 ]"));
}

TEST_CASE("text is placed where layout measured it: fonts::Font widths equal the PDF's") {
  TempDir dir;
  const fs::path file = dir / "widths.pdf";
  Fonts fonts;
  fiscgen::pdf::write(sample_model(), fonts.set, {}, file);
  const double expected = 72 + fonts.set.font(0).width("AVAWAY", 12);
  const auto bbox = run("pdftotext -bbox " + quote(file) + " -").text;
  const auto at = bbox.find(">AVAWAY<");
  REQUIRE(at != std::string::npos);
  const auto line_start = bbox.rfind("<word", at);
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  REQUIRE(std::sscanf(bbox.c_str() + line_start,
                      "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x_min, &y_min,
                      &x_max, &y_max) == 4);
  CHECK(x_min == doctest::Approx(72).epsilon(0.0001));
  CHECK(x_max == doctest::Approx(expected).epsilon(0.0001));
}

TEST_CASE("a redaction box draws a filled rectangle and no text at all") {
  PageModel model;
  model.pages.emplace_back();
  model.pages[0].boxes.push_back({72, 700, 150, 12});
  TempDir dir;
  const fs::path file = dir / "redacted.pdf";
  Fonts fonts;
  fiscgen::pdf::write(model, fonts.set, {}, file);
  CHECK(run("qpdf --check " + quote(file)).status == 0);
  const auto text = run("pdftotext " + quote(file) + " -").text;
  CHECK(text.find_first_not_of(" \n\f") == std::string::npos);
  const auto fonts_out = run("pdffonts " + quote(file)).text;
  CHECK(embedded_subsets(fonts_out) == 0);
  CHECK_FALSE(contains(fonts_out, "TrueType"));
  REQUIRE(run("qpdf --qdf --object-streams=disable " + quote(file) + " " + quote(dir / "plain.pdf"))
              .status == 0);
  const std::string plain = read_file(dir / "plain.pdf");
  CHECK(contains(plain, "72 700 150 12 re"));
  CHECK_FALSE(contains(plain, "BT"));
  CHECK_FALSE(contains(plain, "/Font"));
}

TEST_CASE("main and fallback on the same file embed one font") {
  PageModel model;
  model.pages.emplace_back();
  model.pages[0].runs.push_back({72, 700, 0, 12, "Main"});
  model.pages[0].runs.push_back({72, 680, 4, 12, "Fallback"});
  FontconfigResolver resolver;
  FontSet fonts(resolver, "DejaVu Serif", "DejaVu Serif");
  const std::string pdf = fiscgen::pdf::write_to_memory(model, fonts, {});
  CHECK(count(pdf, "/FontFile2") == 1);
}

// The umask is read once per process (fiscgen never changes it): a run with another umask is the
// e2e test "outputs: a new PDF is 0666 less the umask".
TEST_CASE("write() makes a new output 0666 & ~umask, and one it replaces keeps its mode") {
  TempDir dir;
  const fs::path file = dir / "out.pdf", old = dir / "old.pdf";
  { std::ofstream(old) << "old contents"; }
  ::chmod(old.c_str(), 0604);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  Fonts fonts;
  fiscgen::pdf::write(sample_model(), fonts.set, {}, file);
  fiscgen::pdf::write(sample_model(), fonts.set, {}, old);
  const std::string bytes = read_file(file);
  CHECK(bytes.rfind("%PDF-", 0) == 0);
  CHECK(bytes == render(sample_model()));
  CHECK(read_file(old) == bytes);
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == (0666 & ~mask));
  REQUIRE(::stat(old.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0604);  // not the umask's: the file's own
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 2);
}

TEST_CASE("write() into a missing folder throws, naming it, and leaves nothing behind") {
  TempDir dir;
  const fs::path file = dir / "missing" / "out.pdf";
  Fonts fonts;
  const std::string message =
      error_of([&] { fiscgen::pdf::write(sample_model(), fonts.set, {}, file); });
  CHECK(contains(message, (dir / "missing").string()));
  CHECK_FALSE(fs::exists(file));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 0);
}

TEST_CASE("write() over a folder fails and keeps the folder and no temporary file") {
  TempDir dir;
  fs::create_directory(dir / "taken");
  Fonts fonts;
  CHECK(error_of([&] { fiscgen::pdf::write(sample_model(), fonts.set, {}, dir / "taken"); }) ==
        (dir / "taken").string() + ": is a folder; expected the name of a file to write (such as " +
            (dir / "taken" / "out.pdf").string() + ")");
  CHECK(fs::is_directory(dir / "taken"));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("models the PDF cannot show faithfully are errors, not silent gaps") {
  const auto with_run = [](int font, std::string text) {
    PageModel model;
    model.pages.emplace_back();
    model.pages[0].runs.push_back({72, 700, font, 12, std::move(text)});
    return model;
  };
  CHECK(contains(error_of([&] { render(with_run(0, "\u65E5\u672C")); }), "U+65E5"));
  CHECK(contains(error_of([&] { render(with_run(0, "emoji \U0001F600")); }), "U+1F600"));
  CHECK(contains(error_of([&] { render(with_run(0, "caf\xE9")); }), "UTF-8"));
  CHECK(contains(error_of([&] { render(with_run(9, "x")); }), "font 9"));
  CHECK(contains(error_of([&] { render(PageModel{}); }), "no pages"));

  PageModel bad_outline = with_run(0, "x");
  bad_outline.outline.push_back({"Nowhere", 1, 3, 700});
  CHECK(contains(error_of([&] { render(bad_outline); }), "page 4"));

  PageModel bad_size = with_run(0, "x");
  bad_size.width = 1;
  CHECK(contains(error_of([&] { render(bad_size); }), "page size"));
}

TEST_CASE("measure: bytes and time for the one-page sample" * doctest::skip()) {
  const int rounds = 50;
  Fonts fonts;
  std::size_t bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < rounds; ++i)
    bytes = fiscgen::pdf::write_to_memory(sample_model(), fonts.set, {}).size();
  const std::chrono::duration<double, std::milli> elapsed =
      std::chrono::steady_clock::now() - start;
  MESSAGE("one-page sample: " << bytes << " bytes, " << elapsed.count() / rounds
                              << " ms per write");
}
