// Nothing lost: letters and motions generated from a fixed seed (random words, punctuation,
// every letter of the Latin, Greek and Cyrillic blocks and General Punctuation's marks, words wider
// than a line, empty paragraphs, many paragraphs) are rendered, and every word of their bodies must
// come back from the PDF, in order. A failing input is kept in the build folder
// (property-failures/) to be rendered again.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <random>

#include "../unicode_blocks.hpp"
#include "tools.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path examples = fs::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

// The same documents on every run and every machine: std::mt19937 is specified to the bit;
// the standard distributions are not, so none is used.
constexpr std::uint32_t seeds[] = {8, 9};
constexpr int documents_per_kind = 20;  // per seed, letters and motions: 40 documents, ~70 pages

using Alphabet = std::vector<std::string>;

const Alphabet latin{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
                     "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};

/// Every letter of the blocks from `first` to `last` (indices into typed_blocks), as ICU's data
/// says: round one's hand-picked 28 accented letters missed the ones that crashed the writer.
Alphabet letters_of(std::size_t first, std::size_t last) {
  Alphabet out;
  for (std::size_t b = first; b <= last; ++b)
    for (const char32_t cp : test_support::characters_of(test_support::typed_blocks[b]))
      if (u_isalpha(static_cast<UChar32>(cp)) && test_support::nfc_stable(cp))
        out.push_back(test_support::utf8(cp));
  return out;
}
// typed_blocks: 0-3 Latin (Supplement, Extended-A, -B, Additional), 4 Greek, 5 Cyrillic.
const Alphabet accented = letters_of(0, 3);
const Alphabet greek = letters_of(4, 4);
const Alphabet cyrillic = letters_of(5, 5);
/// General Punctuation that draws a mark (dashes, daggers, bullets, per mille, primes …).
const Alphabet punctuation = [] {
  Alphabet out;
  for (const char32_t cp : test_support::characters_of(test_support::typed_blocks[6]))
    if (test_support::visibility(cp) == test_support::Visibility::drawn &&
        test_support::nfc_stable(cp))
      out.push_back(test_support::utf8(cp));
  return out;
}();
// Marks that stick to a word (before, after) and ones that stand alone between spaces. No
// straight quotes or "--": those an input may see turned into typographic ones.
const std::vector<std::pair<const char*, const char*>> around{
    {"", ","},  {"", "."},  {"", ";"},  {"", ":"},  {"", "!"}, {"", "?"},  {"(", ")"},
    {"“", "”"}, {"‘", "’"}, {"«", "»"}, {"[", "]"}, {"", "…"}, {"", "’s"}, {"¿", "?"}};
const Alphabet alone{"—", "–", "&", "§", "¶", "<", ">", "%", "/", "*", "†", "=", "+"};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : random_(seed) {}

  std::size_t below(std::size_t n) { return random_() % n; }

  std::string letters(const Alphabet& alphabet, std::size_t count) {
    std::string word;
    for (std::size_t i = 0; i < count; ++i) word += alphabet[below(alphabet.size())];
    return word;
  }

  /// One word as the input has it (unescaped), maybe with punctuation.
  std::string word() {
    std::string word;
    const std::size_t kind = below(100);
    if (kind < 40)
      word = letters(latin, 1 + below(10));
    else if (kind < 48)
      word = letters(latin, 1) + letters(accented, 1) + letters(latin, below(6));
    else if (kind < 58)
      word = letters(greek, 1 + below(10));
    else if (kind < 68)
      word = letters(cyrillic, 1 + below(10));
    else if (kind < 72)
      word = std::to_string(below(100000));
    else if (kind < 74)
      word = letters(latin, 120 + below(100));  // wider than any line
    else if (kind < 76)
      return alone[below(alone.size())];
    else if (kind < 78)
      return punctuation[below(punctuation.size())];
    else
      word = letters(kind % 2 ? latin : accented, 2 + below(8));
    if (below(4) == 0) {
      const auto& [before, after] = around[below(around.size())];
      word = before + word + after;
    }
    return word;
  }

  /// A paragraph's words; none at times, many at others.
  std::vector<std::string> paragraph() {
    const std::size_t kind = below(10);
    const std::size_t count = kind == 0 ? 0 : kind < 7 ? 1 + below(40) : 40 + below(120);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < count; ++i) words.push_back(word());
    return words;
  }

 private:
  std::mt19937 random_;
};

std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

struct Generated {
  std::string xml;                 // the body's content
  std::vector<std::string> words;  // what pdftotext must give back, in order
};

/// A body of `paragraphs` paragraphs, some of them empty (written three ways).
Generated body(Generator& generator, std::size_t paragraphs) {
  Generated out;
  std::string text;
  for (std::size_t p = 0; p < paragraphs; ++p) {
    const auto words = generator.paragraph();
    if (words.empty()) {
      const char* empty[] = {"<p/>", "<p></p>", "<p>  \n  </p>"};
      out.xml += std::string("\n    ") + empty[generator.below(3)];
      continue;
    }
    std::string paragraph;
    for (const auto& word : words) {
      paragraph += (paragraph.empty() ? "" : generator.below(8) == 0 ? "\n      " : " ") + word;
      text += word + " ";
    }
    out.xml += "\n    <p>" + escaped(paragraph) + "</p>";
  }
  if (text.empty()) {  // a body must say something to be checked
    out.xml += "\n    <p>end</p>";
    text = "end";
  }
  out.words = e2e::words(text);
  return out;
}

/// The example `kind` (letter or motion) with its body replaced.
std::string document(const std::string& kind, const std::string& body_xml) {
  std::string text = e2e::read_file(examples / (kind + ".xml"));
  const auto open = text.find("<body>");
  const auto close = text.find("</body>");
  REQUIRE((open != std::string::npos && close != std::string::npos));
  return text.replace(open + 6, close - open - 6, body_xml + "\n  ");
}

/// `words` without the continuation heading of the sample letter's pages after the first
/// ("Attorney General of the United States July 16, 2013 Page 2"): page furniture, like the
/// page number, which may stand between the pieces of a word split over a page break.
std::vector<std::string> without_headings(std::vector<std::string> words) {
  const auto heading = e2e::words("Attorney General of the United States July 16, 2013 Page");
  for (std::size_t at = 0; at + heading.size() < words.size(); ++at) {
    if (!std::equal(heading.begin(), heading.end(), words.begin() + static_cast<long>(at)))
      continue;
    const auto& number = words[at + heading.size()];
    if (number.find_first_not_of("0123456789") != std::string::npos) continue;
    words.erase(words.begin() + static_cast<long>(at),
                words.begin() + static_cast<long>(at + heading.size() + 1));
  }
  return words;
}

}  // namespace

TEST_CASE("nothing lost: every word of 80 generated letters and motions comes back, in order") {
  e2e::TempDir dir;
  struct Case {
    std::string name;
    std::vector<std::string> words;
  };
  std::vector<Case> cases;
  fs::create_directories(dir / "in");
  for (const std::uint32_t seed : seeds) {
    Generator generator(seed);
    for (const std::string kind : {"letter", "motion"})
      for (int i = 0; i < documents_per_kind; ++i) {
        // The last of each kind is long: 150 paragraphs, several pages of them.
        const std::size_t paragraphs = i + 1 == documents_per_kind ? 150 : 1 + generator.below(12);
        auto generated = body(generator, paragraphs);
        const std::string name =
            "seed" + std::to_string(seed) + "-" + kind + "-" + std::to_string(i);
        std::ofstream(dir / "in" / (name + ".xml"), std::ios::binary)
            << document(kind, generated.xml);
        cases.push_back({name, std::move(generated.words)});
      }
  }

  // One process renders them all, two at a time: the test takes seconds, not minutes.
  const auto run = e2e::fiscgen(
      {"-q", "batch", (dir / "in").string(), "-o", (dir / "out").string(), "--jobs", "2"});
  CHECK_MESSAGE(run.status == 0, run.err);

  // Two readers of different makers, each without a guess at where words end (see pdf_text_raw).
  const std::pair<const char*, std::string (*)(const fs::path&)> readers[] = {
      {"pdftotext -raw", e2e::pdf_text_raw}, {"mutool", e2e::pdf_text_mupdf}};
  const fs::path failures = fs::path(FISCGEN_BUILD_DIR) / "property-failures";
  int checked = 0;
  for (const auto& generated : cases) {
    const auto pdf = dir / "out" / (generated.name + ".pdf");
    for (const auto& [reader, read] : readers) {
      const auto lost =
          fs::exists(pdf)
              ? e2e::find_in_order(generated.words, without_headings(e2e::words(read(pdf))))
              : "not rendered";
      if (!lost.empty()) {
        fs::create_directories(failures);
        fs::copy_file(dir / "in" / (generated.name + ".xml"), failures / (generated.name + ".xml"),
                      fs::copy_options::overwrite_existing);
      }
      INFO(generated.name << " read by " << reader << " (kept in "
                          << (failures / (generated.name + ".xml")).string() << ")");
      CHECK(lost == "");
    }
    checked += static_cast<int>(generated.words.size());
  }
  // The first of each kind and the long ones are read by every reader too.
  const std::string last = std::to_string(documents_per_kind - 1);
  for (const auto& name :
       std::vector<std::string>{"letter-0", "motion-0", "letter-" + last, "motion-" + last}) {
    INFO(name);
    CHECK(e2e::check_readers(dir / "out" / ("seed9-" + name + ".pdf")) == "");
  }
  MESSAGE(checked << " words checked in " << cases.size() << " documents");
}
