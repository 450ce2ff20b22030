// Redaction, by property: motions, briefs and letters generated from fixed seeds, with <redact>
// spans in every place running text allows (paragraphs, headings, list items, quotations,
// relief, the proposed order, footnotes both ways round, citations both ways round, links both
// ways round, emphasis, nested redactions), each hiding words found nowhere else: random 8-letter
// words in Latin, accented Latin, Greek or Cyrillic. No hidden word may be anywhere in the PDF,
// public or full: raw bytes, qpdf's decompressed file (and its hex strings decoded), pdftotext,
// MuPDF's text. The same documents with a <redact> in a field printed as plain text (title,
// movant, docket, a signer's name, a letter's subject) are refused at that <redact>.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <random>
#include <set>

#include "tools.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path examples = fs::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

// The same documents on every run: std::mt19937 is specified to the bit, the standard
// distributions are not, so none is used.
constexpr std::uint32_t seeds[] = {16, 17};
constexpr int documents_per_kind = 4;  // per seed: 24 documents, each rendered twice

using Alphabet = std::vector<const char*>;
const Alphabet latin{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
                     "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
const Alphabet accented{"é", "è", "ê", "à", "ä", "ç", "ñ", "ö", "ü", "ø", "å", "ß", "ł", "ž", "č"};
const Alphabet greek{"α", "β", "γ", "δ", "ε", "ζ", "η", "θ", "ι", "κ", "λ", "μ",
                     "ν", "ξ", "π", "ρ", "σ", "τ", "φ", "χ", "ψ", "ω", "ά", "ώ"};
const Alphabet cyrillic{"б", "в", "г", "д", "ж", "з", "и", "й", "к", "л", "м", "н",
                        "п", "р", "т", "ф", "х", "ц", "ч", "ш", "щ", "ы", "ю", "я"};
// Words that are shown: a small vocabulary, so no hidden word can be made of them by chance.
const Alphabet shown{"the",  "court", "order", "motion", "Gericht", "Ordnung",
                     "δίκη", "νόμος", "суд",   "право",  "and",     "of"};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : random_(seed) {}

  std::size_t below(std::size_t n) { return random_() % n; }

  /// A word to hide, 8 letters, never given before; Latin only where it goes into a URL.
  std::string hidden(bool ascii = false) {
    for (;;) {
      const std::size_t script = ascii ? 0 : below(4);
      std::string word;
      for (int i = 0; i < 8; ++i) {
        const Alphabet& letters = script == 0   ? latin
                                  : script == 1 ? (i % 2 ? accented : latin)
                                  : script == 2 ? greek
                                                : cyrillic;
        word += letters[below(letters.size())];
      }
      if (hidden_.insert(word).second) return word;
    }
  }

  std::string words(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += (i ? " " : "") + std::string(shown[below(12)]);
    return out;
  }

  /// One stretch of running text holding a redaction, in one of the forms a document may use.
  std::string span() {
    const auto h = [&] { return hidden(); };
    switch (below(12)) {
      case 0:
        return "<redact>" + h() + " " + h() + "</redact>";
      case 1:
        return "<redact><em>" + h() + "</em> " + h() + "</redact>";
      case 2: {
        const char* tags[] = {"em", "strong", "u", "sc"};
        const std::string tag = tags[below(4)];
        return "<" + tag + ">" + words(2) + " <redact>" + h() + "</redact></" + tag + ">";
      }
      case 3:
        return "<redact>" + h() + "<fn>" + h() + " " + h() + "</fn></redact>";
      case 4:
        return "<fn>" + words(3) + " <redact>" + h() + "</redact> " + words(2) + "</fn>";
      case 5:
        return "<redact><cite>" + h() + " v. " + h() + ", " + std::to_string(400 + below(150)) +
               " U.S. " + std::to_string(1 + below(900)) + " (1985)</cite></redact>";
      case 6:
        return "<cite>See <redact>" + h() + "</redact> v. Maryland, 442 U.S. 735 (1979)</cite>";
      case 7: {
        const auto host = hidden(true), path = hidden(true);
        return "<redact><a href=\"https://" + host + ".example/" + path + "\">" + h() +
               "</a></redact>";
      }
      case 8:
        return "<a href=\"https://example.org/\">" + words(1) + " <redact>" + h() + "</redact></a>";
      case 9:
        return "<redact>" + h() + " <redact>" + h() + "</redact></redact>";
      case 10:
        return "<redact>" + h() + "<fn>" + words(2) + " <a href=\"https://" + hidden(true) +
               ".example/\">x</a></fn></redact>";
      default:
        return "<redact>" + h() + "</redact>";
    }
  }

  /// Running text: shown words with a redaction or two among them, and a word to find.
  std::string running(const std::string& control) {
    std::string text = words(1 + below(6));
    const std::size_t spans = 1 + below(2);
    for (std::size_t i = 0; i < spans; ++i) text += " " + span() + " " + words(1 + below(8));
    if (!control.empty()) text += " " + control;
    return text;
  }

  /// A shown word found nowhere else: "Controlword" and 8 Latin letters, never hidden.
  std::string control() {
    std::string word = "Controlword";
    for (int i = 0; i < 8; ++i) word += latin[below(latin.size())];
    return word;
  }

  const std::set<std::string>& all_hidden() const { return hidden_; }

 private:
  std::mt19937 random_;
  std::set<std::string> hidden_;
};

struct Generated {
  std::string name, xml;
  std::set<std::string> hidden;
  std::string control;     // a shown word: the checks must find it
  std::string refused_at;  // "NAME.xml:LINE:COL" of a <redact> in a plain-text field; empty: none
};

/// `text` with what is between the element `open` starts ("<body>", or "<proposed-order" to
/// allow attributes) and `close` replaced by `content`.
std::string replaced_between(std::string text, const std::string& open, const std::string& close,
                             const std::string& content) {
  const auto begin = text.find(open);
  REQUIRE(begin != std::string::npos);
  const auto inside = text.find('>', begin) + 1;
  const auto end = text.find(close, inside);
  REQUIRE(end != std::string::npos);
  return text.replace(inside, end - inside, content);
}

/// A body (sections, headings, paragraphs, lists, quotations) for a filing; paragraphs only
/// for a letter.
std::string body(Generator& g, bool filing, const std::string& control) {
  std::string xml;
  const std::size_t sections = 1 + g.below(3);
  for (std::size_t s = 0; s < sections; ++s) {
    if (filing) xml += "\n    <section><heading>" + g.running("") + "</heading>";
    xml += "\n      <p>" + g.running(s == 0 ? control : "") + "</p>";
    if (g.below(2))
      xml +=
          "\n      <list><item>" + g.running("") + "</item><item>" + g.words(3) + "</item></list>";
    if (g.below(2)) xml += "\n      <quote><p>" + g.running("") + "</p></quote>";
    if (filing && g.below(2))
      xml += "\n      <section><heading>" + g.running("") + "</heading><p>" + g.running("") +
             "</p></section>";
    if (filing) xml += "\n    </section>";
  }
  return xml + "\n  ";
}

Generated generate(Generator& g, const std::string& kind, const std::string& name) {
  Generated out;
  out.name = name;
  out.control = g.control();
  const bool filing = kind != "letter";
  std::string xml = e2e::read_file(examples / (kind + ".xml"));
  xml = replaced_between(xml, "<body>", "</body>", body(g, filing, out.control));
  if (kind == "motion")
    xml = replaced_between(xml, "<relief>", "</relief>", "<p>" + g.running("") + "</p>");
  if (filing)
    xml = replaced_between(xml, "<proposed-order", "</proposed-order>",
                           "<p>" + g.running("") + "</p>");
  out.hidden = g.all_hidden();
  // One document in four puts a redaction where plain text is printed: refused.
  if (g.below(4) == 0) {
    const std::vector<std::pair<std::string, std::string>> fields =
        filing ? std::vector<std::pair<std::string, std::string>>{{"<title>", "</title>"},
                                                                  {"<movant>", "</movant>"},
                                                                  {"<docket>", "</docket>"},
                                                                  {"<name>", "</name>"}}
               : std::vector<std::pair<std::string, std::string>>{{"<subject>", "</subject>"},
                                                                  {"<name>", "</name>"}};
    const auto& [open, close] = fields[g.below(fields.size())];
    const auto at = xml.find(open) + open.size();
    const std::string redact = "<redact>" + g.hidden() + "</redact> ";
    xml.insert(at, redact);
    const auto line = 1 + std::count(xml.begin(), xml.begin() + static_cast<long>(at), '\n');
    out.refused_at = name + ".xml:" + std::to_string(line) + ":" +
                     std::to_string(at - xml.rfind('\n', at)) + ": <redact> in a field";
  }
  out.xml = xml;
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("redaction property: no hidden word of 24 generated documents is anywhere in a PDF") {
  e2e::TempDir dir;
  fs::create_directories(dir / "in");
  std::vector<Generated> documents;
  for (const std::uint32_t seed : seeds) {
    Generator generator(seed);
    for (const std::string kind : {"motion", "brief", "letter"})
      for (int i = 0; i < documents_per_kind; ++i) {
        const std::string name =
            "seed" + std::to_string(seed) + "-" + kind + "-" + std::to_string(i);
        documents.push_back(generate(generator, kind, name));
        std::ofstream(dir / "in" / (name + ".xml"), std::ios::binary) << documents.back().xml;
      }
  }
  const fs::path failures = fs::path(FISCGEN_BUILD_DIR) / "property-failures";
  const auto keep = [&](const Generated& document) {
    fs::create_directories(failures);
    fs::copy_file(dir / "in" / (document.name + ".xml"), failures / (document.name + ".xml"),
                  fs::copy_options::overwrite_existing);
    return (failures / (document.name + ".xml")).string();
  };

  int checked = 0, refused = 0;
  for (const bool public_version : {false, true}) {
    const auto out = dir / (public_version ? "public" : "full");
    std::vector<std::string> arguments{"-q",     "batch", (dir / "in").string(), "-o", out.string(),
                                       "--jobs", "2"};
    if (public_version) arguments.push_back("--public");
    const auto run = e2e::fiscgen(arguments);
    for (const auto& document : documents) {
      const auto pdf = out / (document.name + ".pdf");
      CAPTURE(document.name);
      CAPTURE(public_version);
      if (!document.refused_at.empty()) {
        ++refused;
        CHECK_FALSE(fs::exists(pdf));
        const bool named = contains(run.err, document.refused_at);
        CHECK_MESSAGE(named, run.err);
        if (!named) keep(document);
        continue;
      }
      if (!fs::exists(pdf)) {
        INFO("not rendered (kept in " << keep(document) << "): " << run.err);
        CHECK(fs::exists(pdf));
        continue;
      }
      const std::string raw = e2e::read_file(pdf);
      const std::string qdf = e2e::pdf_uncompressed(pdf, dir / "qdf.pdf");
      const std::string read =
          qdf + e2e::decoded_hex_strings(qdf) + e2e::pdf_text(pdf) + e2e::pdf_text_mupdf(pdf) + raw;
      // The checks can see: the shown control word comes back.
      CHECK(contains(e2e::pdf_text(pdf), document.control));
      CHECK(contains(e2e::decoded_hex_strings(qdf), document.control));
      for (const auto& word : document.hidden) {
        if (!contains(read, word)) continue;
        INFO("the hidden word " << word << " is in the PDF (input kept in " << keep(document)
                                << ")");
        CHECK_FALSE(contains(read, word));
      }
      checked += static_cast<int>(document.hidden.size());
    }
  }
  CHECK(refused > 0);  // the seeds do reach the refusal
  MESSAGE(checked << " hidden words looked for; " << refused / 2
                  << " documents refused for a <redact> in a plain-text field");
}
