// Blacklines end to end: two versions of a motion compared with `fiscgen compare`, the PDF read
// back with MuPDF. Each inserted and deleted word is found in the text (pdftotext), and its
// marks are checked where a reader sees them: the colour MuPDF reports for its characters
// (`mutool draw -F stext`) and the lines drawn under or through it (`mutool trace`); no word
// that did not change is coloured, and no line of a mark runs under one.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

// As src/pdf/pdf.cpp draws them, in MuPDF's #rrggbb (which rounds down: 0.5 is 7f).
const std::string blue = "#0033bf", red = "#cc0000", green = "#007f00", black = "#000000";

struct Word {
  std::string text, colour;  // colour of its first character
  bool mixed = false;        // characters of more than one colour
  double x0 = 0, x1 = 0, baseline = 0, size = 0;
  int page = 0;
};

struct Stroke {
  double x0 = 0, x1 = 0, y = 0;  // horizontal, in MuPDF's coordinates (y down from the top)
  std::string colour;
  int page = 0;
};

/// Words of every page, with the colour and place of their characters (mutool draw -F stext).
std::vector<Word> stext_words(const std::filesystem::path& pdf, const std::filesystem::path& dir) {
  const auto out = dir / "page.stext";
  const auto run =
      e2e::run({MUTOOL, "draw", "-q", "-F", "stext", "-o", out.string(), pdf.string()});
  REQUIRE(run.status == 0);
  pugi::xml_document xml;
  REQUIRE(xml.load_file(out.c_str()));
  std::vector<Word> words;
  int page = 0;
  for (const auto& p : xml.select_nodes("//page")) {
    ++page;
    for (const auto& line : p.node().select_nodes(".//line")) {
      Word word;
      const auto flush = [&] {
        if (!word.text.empty()) words.push_back(word);
        word = Word{};
      };
      for (const auto& font : line.node().children("font")) {
        const double size = font.attribute("size").as_double();
        for (const auto& ch : font.children("char")) {
          const std::string c = ch.attribute("c").value();
          if (c == " ") {
            flush();
            continue;
          }
          std::istringstream quad(ch.attribute("quad").value());
          double qx[8] = {};
          for (double& v : qx) quad >> v;
          const std::string colour = ch.attribute("color").value();
          // A word's colour is its letters': punctuation after a struck word may be kept.
          const bool punctuation = c.size() == 1 && std::ispunct(static_cast<unsigned char>(c[0]));
          if (word.text.empty()) {
            word.x0 = qx[0];
            word.baseline = ch.attribute("y").as_double();
            word.size = size;
            word.page = page;
          }
          if (!punctuation) {
            if (word.colour.empty())
              word.colour = colour;
            else if (colour != word.colour)
              word.mixed = true;
          }
          word.text += c;
          word.x1 = qx[2];
        }
      }
      flush();
    }
  }
  for (auto& word : words)
    if (word.colour.empty()) word.colour = black;  // punctuation alone
  return words;
}

/// The horizontal lines stroked on every page (mutool trace), in stext's coordinates.
std::vector<Stroke> traced_strokes(const std::filesystem::path& pdf,
                                   const std::filesystem::path& dir) {
  const auto run = e2e::run({MUTOOL, "trace", pdf.string()});
  REQUIRE(run.status == 0);
  pugi::xml_document xml;
  const std::string text = "<trace>" + run.out + "</trace>";
  REQUIRE(xml.load_string(text.c_str()));
  (void)dir;
  std::vector<Stroke> strokes;
  int page = 0;
  for (const auto& p : xml.select_nodes("//page")) {
    ++page;
    for (const auto& path : p.node().select_nodes(".//stroke_path")) {
      const auto node = path.node();
      std::istringstream matrix(node.attribute("transform").value());
      double m[6] = {1, 0, 0, 1, 0, 0};
      for (double& v : m) matrix >> v;
      std::istringstream values(node.attribute("color").value());
      std::vector<double> rgb;
      for (double v; values >> v;) rgb.push_back(v);
      char hex[8] = "#000000";
      if (rgb.size() == 3)
        // Rounded down, as stext writes the colour of characters (0.5 is 7f).
        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(rgb[0] * 255 + 1e-3),
                      static_cast<int>(rgb[1] * 255 + 1e-3), static_cast<int>(rgb[2] * 255 + 1e-3));
      std::vector<std::pair<double, double>> points;
      for (const auto& point : node.children()) {
        const double x = point.attribute("x").as_double(), y = point.attribute("y").as_double();
        points.emplace_back(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
      }
      if (points.size() != 2 || std::abs(points[0].second - points[1].second) > 0.01) continue;
      strokes.push_back(Stroke{std::min(points[0].first, points[1].first),
                               std::max(points[0].first, points[1].first), points[0].second, hex,
                               page});
    }
  }
  return strokes;
}

std::string bare(std::string word) {
  const auto strip = [](char c) { return c == '.' || c == ',' || c == ';' || c == ':'; };
  while (!word.empty() && strip(word.back())) word.pop_back();
  return word;
}

/// Lines of `colour` under a word (between its baseline and 5 pt below) or through it (in the
/// lower half of its letters' height), covering its middle.
int lines_under(const Word& word, const std::vector<Stroke>& strokes, const std::string& colour) {
  const double middle = (word.x0 + word.x1) / 2;
  return static_cast<int>(std::count_if(strokes.begin(), strokes.end(), [&](const Stroke& s) {
    return s.page == word.page && s.colour == colour && s.x0 <= middle && s.x1 >= middle &&
           s.y > word.baseline && s.y < word.baseline + 5;
  }));
}
int lines_through(const Word& word, const std::vector<Stroke>& strokes, const std::string& colour) {
  const double middle = (word.x0 + word.x1) / 2;
  return static_cast<int>(std::count_if(strokes.begin(), strokes.end(), [&](const Stroke& s) {
    return s.page == word.page && s.colour == colour && s.x0 <= middle && s.x1 >= middle &&
           s.y < word.baseline && s.y > word.baseline - word.size * 0.5;
  }));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
  return text;
}

/// `text` with every `from` made `to`.
std::string replace_every(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

/// `june` and `september` written as june.xml and september.xml in `dir`, and compared into
/// `pdf`.
e2e::Run compare_versions(const std::filesystem::path& dir, const std::string& june,
                          const std::string& september, const std::filesystem::path& pdf) {
  write(dir / "june.xml", june);
  write(dir / "september.xml", september);
  return e2e::fiscgen({"compare", (dir / "june.xml").string(), (dir / "september.xml").string(),
                       "-o", pdf.string()});
}

}  // namespace

TEST_CASE(
    "a blackline marks each inserted word blue and underlined twice, each deleted word red "
    "and struck through, and nothing else") {
  e2e::TempDir dir;
  const std::string june = e2e::read_file(examples / "motion-june.xml");
  // One word inserted, two deleted, one replaced, in the body, a footnote and the proposed order.
  std::string september = replaced(june, "disclosed wholesale", "disclosed");
  september = replaced(september, "respectfully moves", "respectfully and urgently moves");
  september = replaced(september, "describes them here only", "describes them here");
  september = replaced(september, "The motion is GRANTED.", "The amended motion is GRANTED.");
  september = replaced(september, "in round figures", "in rough figures");
  const auto pdf = dir.path() / "blackline.pdf";
  const auto run = compare_versions(dir.path(), june, september, pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK_MESSAGE(run.out.find("4 words inserted, 3 deleted, 0 moved") != std::string::npos, run.out);
  CHECK(e2e::check_readers(pdf) == "");

  // Every word is there, in reading order, the deleted ones where they stood.
  const auto text = e2e::words(e2e::pdf_text(pdf));
  CHECK(e2e::find_in_order({"respectfully", "and", "urgently", "moves"}, text) == "");
  CHECK(e2e::find_in_order({"in", "round", "rough", "figures"}, text) == "");  // a space apart
  CHECK(e2e::find_in_order({"disclosed", "wholesale."}, text) == "");
  CHECK(e2e::find_in_order({"the", "amended", "motion", "is", "granted."}, text) == "");

  const auto words = stext_words(pdf, dir.path());
  const auto strokes = traced_strokes(pdf, dir.path());
  const std::vector<std::string> inserted = {"and", "urgently", "amended", "rough"};
  const std::vector<std::string> deleted = {"wholesale", "only", "round"};
  int blue_words = 0, red_words = 0;
  for (const auto& word : words) {
    CHECK_MESSAGE(!word.mixed, word.text);
    if (word.colour == blue) {
      ++blue_words;
      CHECK_MESSAGE(std::find(inserted.begin(), inserted.end(), bare(word.text)) != inserted.end(),
                    word.text);
      CHECK_MESSAGE(lines_under(word, strokes, blue) == 2, word.text);
    } else if (word.colour == red) {
      ++red_words;
      CHECK_MESSAGE(std::find(deleted.begin(), deleted.end(), bare(word.text)) != deleted.end(),
                    word.text);
      CHECK_MESSAGE(lines_through(word, strokes, red) == 1, word.text);
    } else {
      CHECK_MESSAGE(word.colour == black, word.text << " is " << word.colour);
      CHECK_MESSAGE(lines_under(word, strokes, blue) == 0, word.text);
      CHECK_MESSAGE(lines_through(word, strokes, red) == 0, word.text);
    }
  }
  // "and" is also in the text unchanged many times: the blue one is the inserted one.
  CHECK(blue_words == 4);
  CHECK(red_words == 3);
  // The footnote's deleted "only": red, below the body (in the note).
  const auto only = std::find_if(words.begin(), words.end(), [&](const Word& w) {
    return w.colour == red && bare(w.text) == "only";
  });
  REQUIRE(only != words.end());
  CHECK(only->baseline > 792 / 2.0);
}

TEST_CASE("a moved paragraph is green where it is and where it was, with notes in the margin") {
  e2e::TempDir dir;
  const auto pdf = dir.path() / "blackline.pdf";
  const auto run =
      e2e::fiscgen({"compare", (examples / "motion-june.xml").string(),
                    (examples / "motion-september.xml").string(), "-o", pdf.string(), "--summary"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(e2e::check_readers(pdf) == "");
  const auto text = e2e::pdf_text(pdf);
  CHECK(text.find("Moved from below") != std::string::npos);
  CHECK(text.find("Moved above") != std::string::npos);
  const auto words = stext_words(pdf, dir.path());
  const auto strokes = traced_strokes(pdf, dir.path());
  // "Users decide where to keep their correspondence": twice, green both times.
  int green_users = 0;
  for (const auto& word : words)
    if (word.text == "Users" && word.colour == green) {
      ++green_users;
      CHECK(lines_under(word, strokes, green) + lines_through(word, strokes, green) >= 1);
    }
  CHECK(green_users == 2);
  // The September version cites 28 U.S.C. § 2201 in a phrase it adds (blue), and again where
  // the June version did (black: the same authority).
  int blue_cites = 0, black_cites = 0;
  for (const auto& word : words)
    if (word.text.find("2201") != std::string::npos)
      ++(word.colour == blue ? blue_cites : black_cites);
  CHECK(blue_cites == 1);
  CHECK(black_cites == 1);
  // The summary page counts per section.
  const auto last = e2e::pdf_text(pdf, e2e::pdf_pages(pdf));
  CHECK(last.find("COMPARISON OF VERSIONS") != std::string::npos);
  CHECK(last.find("motion-june.xml compared with motion-september.xml") != std::string::npos);
  CHECK(last.find("Background:") != std::string::npos);
  CHECK(last.find("Total:") != std::string::npos);
}

TEST_CASE("the blackline of the public versions holds nothing redacted, in any byte") {
  e2e::TempDir dir;
  // A classified document marks every portion (the motion's own are unclassified).
  std::string june = e2e::read_file(examples / "motion-june.xml");
  for (const std::string tag : {"title", "p", "heading", "fn", "item"})
    june = replace_every(june, "<" + tag + ">", "<" + tag + " class=\"U\">");
  const auto classified = [&](const std::string& secret) {
    std::string text = replaced(june, "<date>2013-06-19</date>",
                                "<date>2013-06-19</date><classification>SECRET//NOFORN"
                                "</classification>");
    text = replaced(text, "<p class=\"U\">Recent reports",
                    "<p class=\"S//NF\">" + secret + " orders.</p><p class=\"U\">Recent reports");
    return replaced(text, "Like other providers",
                    "The count is <redact>" + secret + "quill</redact> now. Like other providers");
  };
  write(dir.path() / "old.xml", classified("Pangolinfern"));
  write(dir.path() / "new.xml", classified("Quetzalmoss"));
  const auto pdf = dir.path() / "blackline.pdf";
  const auto run =
      e2e::fiscgen({"compare", (dir.path() / "old.xml").string(), (dir.path() / "new.xml").string(),
                    "--public", "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.out.find("0 words inserted, 0 deleted") != std::string::npos);
  const auto bytes = e2e::pdf_uncompressed(pdf, dir.path() / "qdf.pdf");
  const auto decoded = e2e::decoded_hex_strings(bytes);
  for (const std::string secret : {"Pangolinfern", "Quetzalmoss"}) {
    CHECK(bytes.find(secret) == std::string::npos);
    CHECK(decoded.find(secret) == std::string::npos);
  }
  // The classified comparison does show them: the check can see what it looks for.
  const auto shown = dir.path() / "classified.pdf";
  REQUIRE(e2e::fiscgen({"compare", (dir.path() / "old.xml").string(),
                        (dir.path() / "new.xml").string(), "-o", shown.string()})
              .status == 0);
  const auto shown_text = e2e::pdf_text(shown);
  CHECK(shown_text.find("Pangolinfern") != std::string::npos);
  CHECK(shown_text.find("Quetzalmoss") != std::string::npos);
}

TEST_CASE("compare reports an error in either version at its file, line and column") {
  e2e::TempDir dir;
  write(dir.path() / "old.xml", e2e::read_file(examples / "motion-june.xml"));
  write(dir.path() / "bad.xml",
        replaced(e2e::read_file(examples / "motion-june.xml"), "<title>", "<title><oops>"));
  const auto run =
      e2e::fiscgen({"compare", (dir.path() / "old.xml").string(), (dir.path() / "bad.xml").string(),
                    "-o", (dir.path() / "x.pdf").string()});
  CHECK(run.status == 1);
  CHECK(run.err.find("bad.xml:") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.path() / "x.pdf"));
}

TEST_CASE("batch --compare-to writes a blackline beside each output whose input changed") {
  e2e::TempDir dir;
  const auto filed = dir.path() / "filed", now = dir.path() / "now", out = dir.path() / "out";
  std::filesystem::create_directories(filed);
  std::filesystem::create_directories(now);
  const std::string june = e2e::read_file(examples / "motion-june.xml");
  write(filed / "same.xml", june);
  write(now / "same.xml", june);
  write(filed / "amended.xml", june);
  write(now / "amended.xml", replaced(june, "in round figures", "in rough figures"));
  write(now / "new.xml", june);
  const auto run = e2e::fiscgen(
      {"batch", now.string(), "-o", out.string(), "--compare-to", filed.string(), "-j", "1"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(std::filesystem::exists(out / "amended.pdf"));
  CHECK(std::filesystem::exists(out / "amended-blackline.pdf"));
  CHECK(!std::filesystem::exists(out / "same-blackline.pdf"));
  CHECK(!std::filesystem::exists(out / "new-blackline.pdf"));
  const auto words = stext_words(out / "amended-blackline.pdf", dir.path());
  int blue_words = 0;
  for (const auto& word : words)
    if (word.colour == blue) {
      ++blue_words;
      CHECK(word.text == "rough");
    }
  CHECK(blue_words == 1);
}

TEST_CASE("a citation the cite stage rewrote into its short form is not marked as a change") {
  e2e::TempDir dir;
  const std::string june = replaced(e2e::read_file(examples / "motion-june.xml"),
                                    "This Court has inherent authority over its own orders",
                                    "This Court has inherent authority, see <cite>Smith v. "
                                    "Maryland, 442 U.S. 735, 742 (1979)</cite>, over its own "
                                    "orders");
  // Cited earlier in September: the Argument's citation is then printed in its short form.
  const std::string september =
      replaced(june, "Recent reports in the press have described",
               "As <cite>Smith v. Maryland, 442 U.S. 735, 740 (1979)</cite> shows, recent reports "
               "in the press have described");
  const auto pdf = dir.path() / "blackline.pdf";
  const auto run = compare_versions(dir.path(), june, september, pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto text = e2e::pdf_text(pdf);
  REQUIRE(text.find("see Smith, 442 U.S. at 742, over") != std::string::npos);  // short form
  int blue_smith = 0, black_smith = 0, red_smith = 0;
  for (const auto& word : stext_words(pdf, dir.path())) {
    if (word.text.rfind("Smith", 0) != 0) continue;
    if (word.colour == blue) ++blue_smith;
    if (word.colour == black) ++black_smith;
    if (word.colour == red) ++red_smith;
  }
  CHECK(blue_smith == 1);   // the new citation, in full
  CHECK(black_smith == 1);  // the old one, now short: the same authority
  CHECK(red_smith == 0);
}
