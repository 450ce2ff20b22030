// German business letters after DIN 5008, read back from the PDF with pdftotext -bbox: Form A and
// Form B put the postal zone (return address and notes), the address and the information block
// where the standard puts them; the information block prints the reference fields the input
// gives, each under its label in the letter's language, and nothing for the others.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "tools.hpp"

namespace {

namespace fs = std::filesystem;
const fs::path examples = fs::path(FISCGEN_SOURCE_DATA_DIR) / "examples";
const fs::path german = examples / "letter-de.xml";
constexpr double mm = 72 / 25.4;
// pdftotext's box of a word reaches a little above and below its glyphs.
constexpr double slack = 0.5;

using e2e::Word;

e2e::Run render(const fs::path& input, const fs::path& pdf, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"render", input.string(), "-o", pdf.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return e2e::fiscgen(args);
}

const Word* find_word(const std::vector<Word>& words, const std::string& text) {
  const auto found =
      std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.text == text; });
  return found == words.end() ? nullptr : &*found;
}

const Word& word_of(const std::vector<Word>& words, const std::string& text) {
  const Word* found = find_word(words, text);
  REQUIRE_MESSAGE(found, text);
  return *found;
}

/// The `n`th (from 1) of the words that read `text`.
const Word& nth_word(const std::vector<Word>& words, const std::string& text, int n) {
  for (const auto& w : words)
    if (w.text == text && --n == 0) return w;
  FAIL(text);
  return words.front();
}

/// The words of the information block: those from 125 mm on (the body's words start at 25 mm).
std::vector<Word> info_block(const std::vector<Word>& words) {
  std::vector<Word> block;
  std::copy_if(words.begin(), words.end(), std::back_inserter(block),
               [](const Word& w) { return w.left >= 125 * mm - 0.5; });
  return block;
}

/// The word right of `label` on its line (the value an information block prints after it).
std::string after(const std::vector<Word>& words, const std::string& label) {
  const auto& at = word_of(words, label);
  const Word* next = nullptr;
  for (const auto& w : words)
    if (std::abs(w.top - at.top) < 1 && w.left > at.right && (!next || w.left < next->left))
      next = &w;
  return next ? next->text : std::string();
}

std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

fs::path write(const fs::path& file, const std::string& text) {
  std::ofstream(file) << text;
  return file;
}

struct Form {
  const char* profile;
  double zone_top, address_top, info_top;  // mm from the paper's top edge
};

}  // namespace

TEST_CASE("DIN 5008 Form A and Form B: postal zone, address and information block in place") {
  e2e::TempDir dir;
  for (const Form form :
       {Form{"letter-din-5008-a", 27, 44.7, 32}, Form{"letter-din-5008", 45, 62.7, 50}}) {
    CAPTURE(form.profile);
    const auto pdf = dir / (std::string(form.profile) + ".pdf");
    const auto run = render(german, pdf, {"--set", std::string("@rules=") + form.profile});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(run.err == "");
    const auto words = e2e::pdf_words(pdf);
    // The postal zone: the return address in small type, then the note, written upwards so
    // that the note's line ends just above the address; all 20 mm from the left edge.
    // The letterhead says it first; the return address again, in one line.
    const auto& sender = nth_word(words, "Kanzlei", 2);
    const auto& note = word_of(words, "Einschreiben");
    const auto& recipient = word_of(words, "Herrn");
    CHECK(sender.left == doctest::Approx(20 * mm).epsilon(0.001));
    CHECK(note.left == doctest::Approx(20 * mm).epsilon(0.001));
    CHECK(sender.top >= form.zone_top * mm - slack);
    CHECK(sender.bottom < note.top + slack);
    CHECK(note.bottom <= form.address_top * mm + slack);
    CHECK(form.address_top * mm - note.bottom < 10);  // at the zone's lower edge, not its top
    CHECK(sender.bottom - sender.top < 9);            // 7 pt type, not the letter's 12 pt
    // The return address is one line: its last word stands on the first word's line.
    CHECK(nth_word(words, "Hamburg", 2).top == doctest::Approx(sender.top));
    // The address from the zone's lower edge down, in the window's 85 mm.
    CHECK(recipient.left == doctest::Approx(20 * mm).epsilon(0.001));
    CHECK(recipient.top == doctest::Approx(form.address_top * mm).epsilon(0.001));
    CHECK(word_of(words, "Berlin").right <= 105 * mm);
    // The information block, 125 mm from the left edge: the fields given, in DIN 5008's
    // order, each label with its value; "Unser Nachricht vom" was not given and is not printed.
    const auto& first = word_of(words, "Ihr");
    CHECK(first.left == doctest::Approx(125 * mm).epsilon(0.001));
    CHECK(first.top == doctest::Approx(form.info_top * mm).epsilon(0.001));
    CHECK(after(words, "Zeichen:") == "RA-2013/0457");
    CHECK(after(words, "vom:") == "02.07.2013");
    CHECK(after(words, "Name:") == "Clara");
    CHECK(after(words, "Telefon:") == "040");
    CHECK(after(words, "E-Mail:") == "c.kuehn@soerensen-celik.example");
    CHECK(after(words, "Datum:") == "16.07.2013");
    CHECK(find_word(info_block(words), "Unsere") == nullptr);
    const double order[] = {first.top, word_of(words, "Unser").top, word_of(words, "Name:").top,
                            word_of(words, "Telefon:").top, word_of(words, "Datum:").top};
    CHECK(std::is_sorted(std::begin(order), std::end(order)));
    for (const char* label : {"Unser", "Name:", "Telefon:", "E-Mail:", "Datum:"})
      CHECK_MESSAGE(word_of(words, label).left == doctest::Approx(125 * mm).epsilon(0.001), label);
    // The letter's text begins below the address field and the information block.
    const auto& subject = word_of(words, "Auskunftsersuchen");
    CHECK(subject.top > (form.address_top + 27.3) * mm);
    CHECK(subject.top > word_of(words, "Datum:").bottom);
    // The letterhead stays above the zone.
    CHECK(nth_word(words, "20354", 1).bottom <= form.zone_top * mm + slack);
  }
}

TEST_CASE("DIN 5008: a field left out or empty prints nothing, a bad date is refused") {
  e2e::TempDir dir;
  const auto pdf = dir / "letter.pdf";
  // Empty values count as absent: no label without its value.
  auto run = render(german, pdf,
                    {"--set", "contact/phone=", "--set", "references/yours=", "--set",
                     "references/yours-dated="});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  auto words = e2e::pdf_words(pdf);
  CHECK(find_word(words, "Telefon:") == nullptr);
  CHECK(find_word(info_block(words), "Ihr") == nullptr);
  CHECK(word_of(words, "Unser").top == doctest::Approx(50 * mm).epsilon(0.001));
  CHECK(after(words, "E-Mail:") == "c.kuehn@soerensen-celik.example");
  // No field at all: the date line alone, unlabelled, as before.
  auto text = e2e::read_file(german);
  text.erase(text.find("  <references>"), text.find("  <subject>") - text.find("  <references>"));
  const auto plain =
      write(dir / "plain.xml", with(text, "<postal-note>Einschreiben</postal-note>", ""));
  run = render(plain, pdf);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  words = e2e::pdf_words(pdf);
  CHECK(find_word(words, "Datum:") == nullptr);
  CHECK(find_word(words, "Einschreiben") == nullptr);
  CHECK(word_of(words, "Juli").top == doctest::Approx(50 * mm).epsilon(0.001));
  // The return address stays, now the only line of the zone, just above the address.
  CHECK(62.7 * mm - nth_word(words, "Kanzlei", 2).bottom < 10);
  // A date the input writes another way: refused where it is, by check as by render.
  text = e2e::read_file(german);
  const auto bad =
      write(dir / "bad.xml", with(text, "<yours-dated>2013-07-02", "<yours-dated>2.7.2013"));
  const auto line = 1 + std::count(text.begin(), text.begin() + text.find("<yours-dated>"), '\n');
  for (const char* command : {"render", "check"}) {
    CAPTURE(command);
    run =
        std::string(command) == "render" ? render(bad, pdf) : e2e::fiscgen({command, bad.string()});
    CHECK(run.status != 0);
    CHECK(run.err.find("bad.xml:" + std::to_string(line) + ":") != std::string::npos);
    CHECK(run.err.find("2.7.2013") != std::string::npos);
  }
}

TEST_CASE("DIN 5008 Form A: a letterhead taller than its 27 mm is a warning") {
  e2e::TempDir dir;
  const auto tall =
      write(dir / "tall.xml", with(e2e::read_file(german), "<line>20354 Hamburg</line>",
                                   "<line>20354 Hamburg</line><line>Telefon 040 555 0143-0</line>"
                                   "<line>www.soerensen-celik.example</line>"));
  const auto run = render(tall, dir / "tall.pdf", {"--set", "@rules=letter-din-5008-a"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.err.find("the text above the postal-zone ends") != std::string::npos);
  CHECK(run.err.find("rules profile letter-din-5008-a sets it: they overlap") != std::string::npos);
  // Form B's 45 mm hold it.
  const auto b = render(tall, dir / "b.pdf");
  REQUIRE_MESSAGE(b.status == 0, b.err);
  CHECK(b.err == "");
}

TEST_CASE("letters in other languages: the labels are the locale's, notes stand in the text") {
  e2e::TempDir dir;
  const auto pdf = dir / "letter.pdf";
  // A US letter: CERTIFIED MAIL above the inside address, no return address (the letterhead
  // has it); the references under their English labels where the date goes.
  auto run = render(examples / "letter.xml", pdf,
                    {"--set", "postal-note=CERTIFIED MAIL", "--set", "references/ours=EMH-0716",
                     "--set", "contact/email=legal@cascade.example"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  auto words = e2e::pdf_words(pdf);
  const auto& certified = word_of(words, "CERTIFIED");
  CHECK(certified.left == doctest::Approx(72).epsilon(0.001));
  CHECK(certified.top < word_of(words, "950").top);
  CHECK(certified.top > word_of(words, "Date:").top);
  CHECK(after(words, "reference:") == "EMH-0716");
  CHECK(after(words, "Email:") == "legal@cascade.example");
  CHECK(after(words, "Date:") == "July");
  CHECK(std::count_if(words.begin(), words.end(),
                      [](const Word& w) { return w.text == "Harbor"; }) == 1);
  // French and Spanish labels, on A4.
  for (const auto& [locale, label, value] :
       {std::tuple{"fr", "référence", "EMH-0716"}, std::tuple{"es", "referencia:", "EMH-0716"}}) {
    CAPTURE(locale);
    run = render(examples / "letter.xml", pdf,
                 {"--locale", locale, "--set", "references/ours=EMH-0716"});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    words = e2e::pdf_words(pdf);
    CHECK(find_word(words, label) != nullptr);
    CHECK(find_word(words, value) != nullptr);
  }
}

TEST_CASE("DIN 5008: fold and hole marks at the left edge of the first page, by form") {
  e2e::TempDir dir;
  for (const auto& [profile, first, second] : {std::tuple{"letter-din-5008-a", 87.0, 192.0},
                                               std::tuple{"letter-din-5008", 105.0, 210.0}}) {
    CAPTURE(profile);
    const auto pdf = dir / "marks.pdf";
    const auto run = render(german, pdf, {"--set", std::string("@rules=") + profile});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    // Every short horizontal line drawn near the left edge ("x y m x y l" in the content), as
    // millimetres from the top edge, whatever page it is on.
    const auto content = e2e::pdf_uncompressed(pdf, dir / "marks.qdf");
    const std::regex line(R"(([\d.]+) ([\d.]+) m\s+([\d.]+) ([\d.]+) l)");
    std::vector<double> marks;
    for (std::sregex_iterator it(content.begin(), content.end(), line), end; it != end; ++it) {
      const double x1 = std::stod((*it)[1]), y1 = std::stod((*it)[2]), x2 = std::stod((*it)[3]),
                   y2 = std::stod((*it)[4]);
      if (y1 == y2 && x1 < 20 * mm && x2 - x1 < 10 * mm) marks.push_back((841.89 - y1) / mm);
    }
    std::sort(marks.begin(), marks.end());
    REQUIRE(marks.size() == 3);  // on the first page only
    CHECK(marks[0] == doctest::Approx(first).epsilon(0.002));
    CHECK(marks[1] == doctest::Approx(148.5).epsilon(0.002));
    CHECK(marks[2] == doctest::Approx(second).epsilon(0.002));
  }
  // A US letter has none.
  const auto us = dir / "us.pdf";
  REQUIRE(render(examples / "letter.xml", us).status == 0);
  const auto content = e2e::pdf_uncompressed(us, dir / "us.qdf");
  CHECK(std::regex_search(content, std::regex(R"(\n14\.1\d* [\d.]+ m)")) == false);
}
