// The redaction proof: the public version (--public) of a classified motion with <redact>ed
// words holds none of the hidden words, nor their glyphs, anywhere in the file. Every stream is
// decompressed with qpdf --qdf; the text of the content streams (libharu writes 2-byte CIDs equal
// to the code points, as hex strings) is decoded; the ToUnicode maps are read; the embedded font
// subsets are extracted with mutool and their character sets read with fc-query; the bookmarks
// come from mutool and the metadata from pdfinfo. The same checks on the classified render find
// the classified words: they can see what they look for.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

// Words that occur nowhere else, and three characters that only the hidden text uses: their
// glyphs must leave the font subsets with them.
const std::vector<std::string> classified_words = {"Zephyrquartz", "Obsidianwolf", "Kestrelmoth",
                                                   "Vantablackfig", "Brimstonejay"};
const std::vector<std::string> redacted_words = {"Marmosetplow", "Sassafrasquill"};
constexpr char32_t omega = 0x03A9, psi = 0x03C8;  // in classified portions only
constexpr char32_t eth = 0x00F0;                  // in a <redact> only

/// The sample motion with classified portions, a redaction and an authority block.
std::string classified_motion() {
  std::string text = e2e::read_file(examples / "motion.xml");
  const auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("<date>2013-06-19</date>",
          "<date>2013-06-19</date>\n  <classification>TOP SECRET//SI//NOFORN</classification>\n"
          "  <classification-authority><classified-by>Brimstonejay, NSD</classified-by>"
          "<derived-from>NSA/CSSM 1-52</derived-from>"
          "<declassify-on>20380619</declassify-on></classification-authority>");
  replace("<heading>Background</heading>",
          "<heading class=\"TS//SI//NF\">Zephyrquartz Background</heading>");
  replace("<p>Recent reports",
          "<p class=\"TS//SI//NF\">Obsidianwolf saw Ω and ψ.<fn>Kestrelmoth "
          "note.</fn></p>\n<p class=\"U\">Recent reports");
  replace("<p>The Government declined.",
          "<p class=\"S//NF\">Vantablackfig.</p>\n<p class=\"U\">The Government declined.");
  replace("<p>Like other providers",
          "<p class=\"U\">Quagmirelynx is <redact>Marmosetplow ð Sassafrasquill</redact> gone. "
          "Like other "
          "providers");
  // The portions left unmarked are unclassified: a classified filing marks every one.
  for (const std::string portion : {"p", "heading", "item", "fn", "title"}) {
    const std::string open = "<" + portion + ">";
    const std::string marked = "<" + portion + " class=\"U\">";
    for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at))
      text.replace(at, open.size(), marked);
  }
  return text;
}

/// The Unicode values every ToUnicode CMap of the file maps to (bfchar and bfrange).
std::set<char32_t> to_unicode_targets(const std::string& pdf) {
  std::set<char32_t> targets;
  for (auto begin = pdf.find("begincmap"); begin != std::string::npos;
       begin = pdf.find("begincmap", begin + 1)) {
    const auto end = pdf.find("endcmap", begin);
    REQUIRE(end != std::string::npos);
    std::istringstream cmap(pdf.substr(begin, end - begin));
    std::vector<std::string> tokens;
    for (std::string token; cmap >> token;) tokens.push_back(token);
    const auto value = [](const std::string& token) {
      return static_cast<char32_t>(std::stoul(token.substr(1, token.size() - 2), nullptr, 16));
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i] == "beginbfchar")
        for (i = i + 1; i + 1 < tokens.size() && tokens[i] != "endbfchar"; i += 2)
          targets.insert(value(tokens[i + 1]));
      if (tokens[i] == "beginbfrange")
        for (i = i + 1; i + 2 < tokens.size() && tokens[i] != "endbfrange"; i += 3) {
          const char32_t first = value(tokens[i]), last = value(tokens[i + 1]);
          for (char32_t cp = 0; cp <= last - first; ++cp) targets.insert(value(tokens[i + 2]) + cp);
        }
    }
  }
  return targets;
}

/// The characters of every font program embedded in the PDF: mutool extracts them, fc-query
/// reads each one's cmap ("20-7e a0 3a9").
std::set<char32_t> embedded_characters(const e2e::TempDir& dir, const std::filesystem::path& pdf) {
  const auto fonts = dir / "fonts";
  std::filesystem::create_directories(fonts);
  const auto extract =
      e2e::run({"sh", "-c",
                "cd '" + fonts.string() + "' && '" + MUTOOL + "' extract '" + pdf.string() + "'"});
  REQUIRE(extract.status == 0);
  std::set<char32_t> characters;
  int programs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fonts)) {
    const auto query = e2e::run({"fc-query", "--format=%{charset}", entry.path().string()});
    REQUIRE(query.status == 0);
    ++programs;
    std::istringstream ranges(query.out);
    for (std::string range; ranges >> range;) {
      const auto dash = range.find('-');
      const auto first = std::stoul(range.substr(0, dash), nullptr, 16);
      const auto last =
          dash == std::string::npos ? first : std::stoul(range.substr(dash + 1), nullptr, 16);
      for (auto cp = first; cp <= last; ++cp) characters.insert(static_cast<char32_t>(cp));
    }
  }
  REQUIRE(programs > 0);
  std::filesystem::remove_all(fonts);
  return characters;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct Rendered {
  std::string qdf, decoded, text, outline, info;
  std::set<char32_t> mapped, embedded;
};

Rendered render(const e2e::TempDir& dir, const std::vector<std::string>& options) {
  std::ofstream(dir / "motion.xml") << classified_motion();
  const auto pdf = dir / "motion.pdf";
  std::vector<std::string> arguments{"render", (dir / "motion.xml").string(), "-o", pdf.string()};
  arguments.insert(arguments.end(), options.begin(), options.end());
  const auto run = e2e::fiscgen(arguments);
  INFO(run.err);
  REQUIRE(run.status == 0);
  REQUIRE(e2e::run({QPDF, "--check", pdf.string()}).status == 0);
  Rendered r;
  r.qdf = e2e::pdf_uncompressed(pdf, dir / "qdf.pdf");
  r.decoded = e2e::decoded_hex_strings(r.qdf);
  r.text = e2e::pdf_text(pdf);
  r.outline = e2e::run({MUTOOL, "show", pdf.string(), "outline"}).out;
  for (const char* key : {"Title", "Subject", "Author", "Keywords", "Creator", "Producer"})
    r.info += e2e::pdf_info(pdf, key) + "\n";
  r.mapped = to_unicode_targets(r.qdf);
  r.embedded = embedded_characters(dir, pdf);
  return r;
}

/// What no public version may hold: a classified or redacted word anywhere in the file, or a
/// glyph only they use.
void check_public(const Rendered& r) {
  for (const auto& word : classified_words) {
    CAPTURE(word);
    CHECK_FALSE(contains(r.qdf, word));
    CHECK_FALSE(contains(r.decoded, word));
    CHECK_FALSE(contains(r.text, word));
    CHECK_FALSE(contains(r.outline, word));
    CHECK_FALSE(contains(r.info, word));
  }
  for (const auto& word : redacted_words) {
    CAPTURE(word);
    CHECK_FALSE(contains(r.qdf, word));
    CHECK_FALSE(contains(r.decoded, word));
    CHECK_FALSE(contains(r.text, word));
  }
  for (const char32_t cp : {omega, psi, eth}) {
    CAPTURE(static_cast<unsigned>(cp));
    CHECK(r.mapped.count(cp) == 0);
    CHECK(r.embedded.count(cp) == 0);
  }
  CHECK(contains(r.text, "[Redacted]"));
}

}  // namespace

TEST_CASE(
    "--public: no hidden or redacted word, nor a glyph only they use, is anywhere in the file") {
  e2e::TempDir dir;
  const auto r = render(dir, {"--public"});
  check_public(r);
  // What a reader sees instead: the notice, the heading's place in the outline, the words around
  // the redaction, an unclassified banner.
  CHECK(contains(r.text, "[Redacted]"));
  CHECK(contains(r.outline, "II. [Redacted]"));
  CHECK(contains(r.text, "Quagmirelynx is"));
  CHECK(contains(r.decoded, "Quagmirelynx"));  // the decoder reads the content streams
  CHECK_FALSE(contains(r.text, "SECRET"));
  CHECK_FALSE(contains(r.text, "Classified By"));
  CHECK(contains(r.text, "UNCLASSIFIED"));
}

// --keep-pages lays the classified version out first, with fonts of its own: nothing of it,
// not even a glyph, reaches the public file.
TEST_CASE("--public --keep-pages: the same proof, on the classified version's pages") {
  e2e::TempDir dir;
  check_public(render(dir, {"--public", "--keep-pages"}));
}

TEST_CASE("the same checks find the classified words in the classified render") {
  e2e::TempDir dir;
  const auto r = render(dir, {});
  for (const auto& word : classified_words) {
    CAPTURE(word);
    CHECK(contains(r.decoded + r.text, word));
  }
  CHECK(contains(r.text, "Zephyrquartz"));
  CHECK(contains(r.outline, "Zephyrquartz"));
  CHECK(r.mapped.count(omega) == 1);
  CHECK(r.mapped.count(psi) == 1);
  CHECK(r.embedded.count(omega) == 1);
  CHECK(r.embedded.count(psi) == 1);
  // A <redact> hides its words in every version.
  for (const auto& word : redacted_words) CHECK_FALSE(contains(r.qdf + r.decoded + r.text, word));
  CHECK(r.mapped.count(eth) == 0);
  CHECK(r.embedded.count(eth) == 0);
  CHECK(contains(r.text, "TOP SECRET//SI//NOFORN"));
  CHECK(contains(r.text, "Classified By: Brimstonejay, NSD"));
}

// What a <redact> holds, whatever it is, and wherever it stands: gone from every version.
namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

struct Output {
  e2e::Run run;
  std::string qdf, decoded, text, mupdf, outline;
  std::string all() const { return qdf + decoded + text + mupdf + outline; }
};

/// Renders `xml` (written as NAME.xml in `dir`) with `options`; reads the PDF back every way.
Output render_text(const e2e::TempDir& dir, const std::string& name, const std::string& xml,
                   const std::vector<std::string>& options = {},
                   const std::vector<std::string>& globals = {}) {
  std::ofstream(dir / (name + ".xml"), std::ios::binary) << xml;
  const auto pdf = dir / (name + ".pdf");
  std::vector<std::string> arguments{"render", (dir / (name + ".xml")).string(), "-o",
                                     pdf.string()};
  arguments.insert(arguments.end(), options.begin(), options.end());
  arguments.insert(arguments.begin(), globals.begin(), globals.end());
  Output out;
  out.run = e2e::fiscgen(arguments);
  if (out.run.status != 0 || !std::filesystem::exists(pdf)) return out;
  out.qdf = e2e::pdf_uncompressed(pdf, dir / (name + "-qdf.pdf"));
  out.decoded = e2e::decoded_hex_strings(out.qdf);
  out.text = e2e::pdf_text(pdf);
  out.mupdf = e2e::pdf_text_mupdf(pdf);
  out.outline = e2e::run({MUTOOL, "show", pdf.string(), "outline"}).out;
  return out;
}

/// The widths of the filled rectangles the content streams draw ("x y w h re"), in order.
std::vector<double> box_widths(const std::string& qdf) {
  std::vector<double> widths;
  std::istringstream tokens(qdf);
  std::vector<std::string> last;
  for (std::string token; tokens >> token;) {
    if (token == "re" && last.size() >= 4) widths.push_back(std::stod(last[last.size() - 2]));
    last.push_back(token);
    if (last.size() > 4) last.erase(last.begin());
  }
  return widths;
}

const std::string motion_text = e2e::read_file(examples / "motion.xml");
const std::string brief_text = e2e::read_file(examples / "brief.xml");
const std::string letter_text = e2e::read_file(examples / "letter.xml");
constexpr const char* letter_first_p = "<p>I write to ask";

}  // namespace

TEST_CASE("a footnote inside <redact> is in neither version: no note, no number, no text") {
  e2e::TempDir dir;
  const auto xml =
      replaced(letter_text, letter_first_p,
               "<p>Before <redact>Quillfeather<fn>Noteworthyzed explains.</fn></redact> "
               "after.</p>\n    <p>I write to ask");
  for (const bool public_version : {false, true}) {
    CAPTURE(public_version);
    const auto out = render_text(
        dir, "letter", xml,
        public_version ? std::vector<std::string>{"--public"} : std::vector<std::string>{});
    REQUIRE_MESSAGE(out.run.status == 0, out.run.err);
    CHECK_FALSE(contains(out.all(), "Noteworthyzed"));
    CHECK_FALSE(contains(out.all(), "Quillfeather"));
    CHECK(contains(out.text, "Before"));
    // The letter has no other note: a note mark would be a "1" raised after the box.
    CHECK_FALSE(contains(out.text, "explains"));
  }
}

TEST_CASE("a link inside <redact> is no /URI annotation, in either version") {
  e2e::TempDir dir;
  const auto xml = replaced(
      letter_text, letter_first_p,
      "<p>See <redact><a href=\"https://hiddenhostqz.example/path\">Linkwordqz</a></redact> and "
      "<a href=\"https://shown.example/\">shown</a>.</p>\n    <p>I write to ask");
  for (const bool public_version : {false, true}) {
    CAPTURE(public_version);
    const auto out = render_text(
        dir, "letter", xml,
        public_version ? std::vector<std::string>{"--public"} : std::vector<std::string>{});
    REQUIRE_MESSAGE(out.run.status == 0, out.run.err);
    CHECK_FALSE(contains(out.all(), "hiddenhostqz"));
    CHECK_FALSE(contains(out.all(), "Linkwordqz"));
    CHECK(contains(out.qdf, "https://shown.example/"));  // the checks can see a link
  }
}

TEST_CASE("<redact> in a field printed as plain text is refused at the <redact>, nothing written") {
  e2e::TempDir dir;
  struct Case {
    std::string name, text, from, to;
  };
  const std::vector<Case> cases{
      {"title", motion_text, "<title>Motion for Declaratory Judgment</title>",
       "<title>Motion for <redact>Titlewordqz</redact> Judgment</title>"},
      {"movant", motion_text, "<movant>Cascade Software Corporation</movant>",
       "<movant>Cascade <redact>Movantwordqz</redact></movant>"},
      {"docket", motion_text, "<docket>Misc. 13-04</docket>",
       "<docket>Misc. <redact>13-04</redact></docket>"},
      {"brief title", brief_text,
       "<title>Brief in Support of Motion for Declaratory Judgment</title>",
       "<title>Brief <redact>Titlewordqz</redact></title>"},
      {"letter subject", letter_text, "<subject>Publishing",
       "<subject><redact>Subjectwordqz</redact> Publishing"},
      {"signer", letter_text, "<name>Eleanor M. Hart</name>",
       "<name>Eleanor <redact>Signerwordqz</redact></name>"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto xml = replaced(c.text, c.from, c.to);
    // Where the <redact> is: its line and column (1-based) in the file.
    const auto at = xml.find("<redact>", xml.find(c.to.substr(0, c.to.find("<redact>"))));
    const auto line = 1 + std::count(xml.begin(), xml.begin() + static_cast<long>(at), '\n');
    const auto column = at - xml.rfind('\n', at);
    for (const bool public_version : {false, true}) {
      const auto out = render_text(
          dir, "doc", xml,
          public_version ? std::vector<std::string>{"--public"} : std::vector<std::string>{});
      CHECK(out.run.status == 1);
      CHECK_FALSE(std::filesystem::exists(dir / "doc.pdf"));
      CHECK(contains(out.run.err, "doc.xml:" + std::to_string(line) + ":" + std::to_string(column) +
                                      ": <redact> in a field"));
      CHECK(contains(out.run.err, "expected <redact> only in running text"));
      CHECK_FALSE(contains(out.run.err, "wordqz"));
    }
  }
}

TEST_CASE("--emit tree shows a redaction as an empty <redact/>, public or not") {
  e2e::TempDir dir;
  const auto xml = replaced(letter_text, letter_first_p,
                            "<p>Before <redact>Treewordqz <fn>Treenoteqz</fn> <a "
                            "href=\"https://treelinkqz.example/\">x</a></redact> after.</p>\n"
                            "    <p>I write to ask");
  std::ofstream(dir / "letter.xml", std::ios::binary) << xml;
  for (const bool public_version : {false, true}) {
    std::vector<std::string> arguments{"render", (dir / "letter.xml").string(), "--emit", "tree"};
    if (public_version) arguments.push_back("--public");
    const auto run = e2e::fiscgen(arguments);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK_FALSE(contains(run.out, "qz"));
    CHECK(contains(run.out, "Before <redact/> after."));
  }
}

TEST_CASE(
    "a box's width tells nothing of what it hides, unless a profile asks for measured boxes") {
  e2e::TempDir dir;
  const std::string long_text = "thirty-seven characters hidden inside";  // 37 characters
  const auto xml = replaced(letter_text, letter_first_p,
                            "<p>Short <redact>ab</redact> here.</p>\n    <p>Long <redact>" +
                                long_text + "</redact> here.</p>\n    <p>I write to ask");
  const auto fixed = render_text(dir, "letter", xml);
  REQUIRE_MESSAGE(fixed.run.status == 0, fixed.run.err);
  const auto fixed_widths = box_widths(fixed.qdf);
  REQUIRE(fixed_widths.size() == 2);
  CHECK(fixed_widths[0] == doctest::Approx(60));  // five ems of 12-point type
  CHECK(fixed_widths[1] == doctest::Approx(60));
  MESSAGE("fixed boxes: " << fixed_widths[0] << " and " << fixed_widths[1] << " pt");

  // A firm's copy of the letters' profile, asking for measured boxes.
  const auto firm = dir / "firm";
  std::filesystem::create_directories(firm / "forms" / "rules");
  const auto profile = e2e::read_file(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms" /
                                      "rules" / "letter-us.xml");
  std::ofstream(firm / "forms" / "rules" / "letter-us.xml", std::ios::binary)
      << replaced(profile, "<page width", "<redactions boxes=\"measured\"/>\n  <page width");
  const auto measured = render_text(dir, "letter", xml, {}, {"--templates", firm.string()});
  REQUIRE_MESSAGE(measured.run.status == 0, measured.run.err);
  const auto measured_widths = box_widths(measured.qdf);
  REQUIRE(measured_widths.size() == 2);
  CHECK(measured_widths[0] == doctest::Approx(2 * 6));  // half an em a character
  CHECK(measured_widths[1] == doctest::Approx(37 * 6));
  MESSAGE("measured boxes: " << measured_widths[0] << " and " << measured_widths[1] << " pt");
  CHECK_FALSE(contains(measured.all(), "thirty-seven"));
}

TEST_CASE("a citation or heading inside <redact> is in no table, bookmark or destination") {
  e2e::TempDir dir;
  auto xml = replaced(brief_text, "<heading>Introduction</heading>",
                      "<heading>Introduction <redact>Headwordqz</redact></heading>");
  xml = replaced(xml, "<p>The question is one of statutory text first",
                 "<p>As held in <redact><cite>Zanzibarqz v. Quokkaqz, 501 U.S. 1 (1991)</cite> "
                 "and <cite>50 U.S.C. § 1805(c)</cite></redact>, the question is. The question is "
                 "one of statutory text first");
  for (const bool public_version : {false, true}) {
    CAPTURE(public_version);
    const auto out = render_text(
        dir, "brief", xml,
        public_version ? std::vector<std::string>{"--public"} : std::vector<std::string>{});
    REQUIRE_MESSAGE(out.run.status == 0, out.run.err);
    for (const char* word : {"Headwordqz", "Zanzibarqz", "Quokkaqz", "501 U.S.", "1805"}) {
      CAPTURE(word);
      CHECK_FALSE(contains(out.all(), word));
    }
    CHECK(contains(out.outline, "Introduction"));
    CHECK(contains(out.text, "Bartnicki"));  // the table of authorities is there, and read
  }
}
