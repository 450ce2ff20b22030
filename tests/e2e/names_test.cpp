// A batch of letters signed by people whose names are written in many languages and scripts,
// in every shipped locale: round one's 160-letter batch lost 58 letters to "Ana Gómez" and
// "Jürgen Bäcker". Every letter must render, and its signer's name must come back from the PDF.
#include <doctest/doctest.h>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <fstream>
#include <sstream>

#include "tools.hpp"

namespace fs = std::filesystem;

namespace {

// Names as their bearers write them (invented combinations of common given and family names).
const char* const names[] = {"Ana Gómez",
                             "Jürgen Bäcker",
                             "Nguyễn Thị Minh Khai",
                             "Zoë Ørsted",
                             "Łukasz Żółkiewski",
                             "Antonín Dvořák",
                             "Şükrü Yılmaz",
                             "Αλέξανδρος Παππάς",
                             "Дмитрий Шостаков",
                             "Ólafur Grímsson",
                             "Siobhán Ní Bhriain",
                             "François Lefèvre",
                             "İsmail Öztürk",
                             "Ştefan Ţepeş",
                             "Đorđe Balašević",
                             "Mārtiņš Bērziņš",
                             "Jūratė Kazickaitė",
                             "Søren Kierkegård",
                             "Władysław Szpilman",
                             "Erdős Pál",
                             "Trần Hưng Đạo",
                             "Llŷr Gwŷn",
                             "Kalākaua Kāne",
                             "Ọlábísí Àjàlá",
                             "Björk Guðmundsdóttir",
                             "Ñuño Peña",
                             "Chloé Dubœuf",
                             "Ĝeorĝo Ŝanĥajo",
                             "Pēteris Ķēniņš",
                             "Vuk Karadžić",
                             "Ελένη Σταθοπούλου",
                             "Юлия Соловьёва",
                             "Ґалина Їжакевич",
                             "Kateřina Nováková",
                             "Ægir Þórsson",
                             "Mikko Häkkinen",
                             "דוד בן־גוריון",
                             "نجيب محفوظ",
                             "山田 太郎",
                             "김 민수",
                             "王 小明",
                             "Jean-Luc O’Brien",
                             "Dr. Ayşe Çelik",
                             "Ludwig van Beethoven",
                             "Eleanor M. Hart",
                             "Hiroshi Tanaka",
                             "Ngozi Okonjo",
                             "José María Aznar",
                             "Małgorzata Wąsowska",
                             "Ilse Müller-Lüdenscheidt"};
const char* const locales[] = {"en_US", "en_GB", "fr", "de", "es"};

std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '&' ? std::string("&amp;") : std::string(1, c);
  return out;
}

/// NFKC: an Arabic name comes back in the presentation forms it was drawn in.
std::string compatible(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const auto* nfkc = icu::Normalizer2::getNFKCInstance(status);
  REQUIRE(U_SUCCESS(status));
  std::string out;
  return nfkc->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(out);
}

}  // namespace

TEST_CASE("a batch of 300 letters signed in many languages and scripts all render") {
  const e2e::TempDir dir;
  fs::create_directories(dir / "in");
  struct Letter {
    std::string file, name;
  };
  std::vector<Letter> letters;
  const std::size_t name_count = std::size(names);
  for (std::size_t i = 0; i < 300; ++i) {
    const std::string name = names[i % name_count];
    const std::string locale = locales[(i / name_count + i) % std::size(locales)];
    const std::string file = "letter-" + std::to_string(i);
    std::ofstream(dir / "in" / (file + ".xml")) << R"(<?xml version="1.0" encoding="UTF-8"?>
<letter template="attorney-general" locale=")" + locale +
                                                       R"(">
  <date>2013-07-16</date>
  <from><name>)" + escaped(name) + R"(</name><title>General Counsel</title>
    <organization>Cascade Software Corporation</organization>
    <address><line>One Harbor Way</line></address></from>
  <to ref="attorney-general"/>
  <subject>Letter from )" + escaped(name) + R"(</subject>
  <body><p>I write on behalf of )" + escaped(name) + R"( to ask for your help.</p></body>
</letter>
)";
    letters.push_back({file, name});
  }
  const auto run = e2e::fiscgen(
      {"-q", "batch", (dir / "in").string(), "-o", (dir / "out").string(), "--jobs", "2"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  int found = 0;
  for (const auto& letter : letters) {
    const auto pdf = dir / "out" / (letter.file + ".pdf");
    REQUIRE_MESSAGE(fs::exists(pdf), letter.file << " (" << letter.name << ") was not written");
    const auto text = compatible(e2e::pdf_text(pdf));
    // Word by word: poppler gives a right-to-left name's words in visual order.
    std::istringstream words(letter.name);
    for (std::string word; words >> word;) {
      const bool here = text.find(compatible(word)) != std::string::npos;
      CHECK_MESSAGE(here, letter.file << ": \"" << word << "\" of " << letter.name);
      found += here;
    }
  }
  MESSAGE(found << " name words found in " << letters.size() << " letters");
}
