// The redaction proof: the public version (--public) of a classified motion with <redact>ed
// words holds none of the hidden words, nor their glyphs, anywhere in the file. Every stream is
// decompressed with qpdf --qdf; the text of the content streams (libharu writes 2-byte CIDs equal
// to the code points, as hex strings) is decoded; the ToUnicode maps are read; the embedded font
// subsets are extracted with mutool and their character sets read with fc-query; the bookmarks
// come from mutool and the metadata from pdfinfo. The same checks on the classified render find
// the classified words: they can see what they look for.
#include <doctest/doctest.h>

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
          "<reason>1.4(c)</reason><derived-from>NSA/CSSM 1-52</derived-from>"
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
  // The paragraphs left unmarked are unclassified.
  for (auto at = text.find("<p>"); at != std::string::npos; at = text.find("<p>", at))
    text.replace(at, 3, "<p class=\"U\">");
  return text;
}

/// Every hex string of the file decoded as 2-byte code points and joined in order: the text
/// of every content stream (kerned pieces of a word join up again), and of every other string.
std::string decoded_hex_strings(const std::string& pdf) {
  std::string out;
  for (std::size_t at = pdf.find('<'); at != std::string::npos; at = pdf.find('<', at + 1)) {
    if (at + 1 < pdf.size() && pdf[at + 1] == '<') {
      ++at;
      continue;
    }
    const auto end = pdf.find('>', at);
    if (end == std::string::npos) break;
    const std::string hex = pdf.substr(at + 1, end - at - 1);
    if (hex.empty() || hex.size() % 4 != 0 ||
        hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
      continue;
    for (std::size_t i = 0; i < hex.size(); i += 4) {
      const auto cp = std::stoul(hex.substr(i, 4), nullptr, 16);
      if (cp < 0x80)
        out += static_cast<char>(cp);
      else if (cp < 0x800)
        out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
      else
        out += static_cast<char>(0xE0 | (cp >> 12)),
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
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

std::string uncompressed(const e2e::TempDir& dir, const std::filesystem::path& pdf) {
  const auto qdf = dir / "qdf.pdf";
  const auto run =
      e2e::run({QPDF, "--qdf", "--object-streams=disable", pdf.string(), qdf.string()});
  REQUIRE(run.status == 0);
  return e2e::read_file(qdf);
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
  r.qdf = uncompressed(dir, pdf);
  r.decoded = decoded_hex_strings(r.qdf);
  r.text = e2e::pdf_text(pdf);
  r.outline = e2e::run({MUTOOL, "show", pdf.string(), "outline"}).out;
  for (const char* key : {"Title", "Subject", "Author", "Keywords", "Creator", "Producer"})
    r.info += e2e::pdf_info(pdf, key) + "\n";
  r.mapped = to_unicode_targets(r.qdf);
  r.embedded = embedded_characters(dir, pdf);
  return r;
}

}  // namespace

TEST_CASE(
    "--public: no hidden or redacted word, nor a glyph only they use, is anywhere in the file") {
  e2e::TempDir dir;
  const auto r = render(dir, {"--public"});
  for (const auto& word : classified_words) {
    CAPTURE(word);
    CHECK_FALSE(contains(r.qdf, word));      // any stream, any string, metadata, bookmarks
    CHECK_FALSE(contains(r.decoded, word));  // the text drawn in the content streams
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
    CHECK(r.mapped.count(cp) == 0);    // no ToUnicode entry
    CHECK(r.embedded.count(cp) == 0);  // no glyph in any subset
  }
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
