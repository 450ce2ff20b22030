// Renders the examples with the real binary and reads the PDFs back as a reader would.
#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <regex>
#include <string_view>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

/// Where a citation stood: it and the punctuation after it are left out (text_of).
constexpr char cited = '\x01';

/// The text of an input element, as the reader should see it: footnotes set apart (they go to
/// the foot of the page) and redactions left out. Read with pugixml, not with fiscgen's reader.
struct InputText {
  std::string running;
  std::string notes;
};

void collect(const pugi::xml_node& node, InputText& out, bool in_note) {
  for (const auto& child : node.children()) {
    if (child.type() == pugi::node_pcdata) {
      (in_note ? out.notes : out.running) += child.value();
    } else if (child.type() == pugi::node_element) {
      const std::string name = child.name();
      if (name == "redact") continue;
      // A citation prints in its Bluebook form (a repeated one as "Id."): tests/e2e/cite_test.cpp
      // and practice_test.cpp read those; here it only separates words.
      if (name == "cite") {
        (in_note ? out.notes : out.running) += cited;
        continue;
      }
      if (name == "fn") {
        out.notes += ' ';
        collect(child, out, true);
        out.notes += ' ';
        continue;
      }
      // Block boundaries are word boundaries.
      const bool block = name == "p" || name == "heading" || name == "item" || name == "section";
      if (block) (in_note ? out.notes : out.running) += ' ';
      collect(child, out, in_note);
      if (block) (in_note ? out.notes : out.running) += ' ';
    }
  }
}

/// `text` with each citation mark and the punctuation after it made a space.
std::string without_citations(std::string text) {
  for (auto at = text.find(cited); at != std::string::npos; at = text.find(cited, at)) {
    auto end = at + 1;
    while (end < text.size() && std::string_view(".,;:)").find(text[end]) != std::string::npos)
      ++end;
    text.replace(at, end - at, " ");
  }
  return text;
}

InputText text_of(const pugi::xml_node& root, std::initializer_list<const char*> parts) {
  InputText text;
  for (const char* part : parts)
    for (const auto& node : root.children(part)) collect(node, text, false);
  text.running = without_citations(text.running);
  text.notes = without_citations(text.notes);
  return text;
}

struct Rendered {
  e2e::TempDir dir;
  std::filesystem::path pdf;
  e2e::Run run;
  pugi::xml_document input;
  std::string text;

  explicit Rendered(const std::string& example) {
    pdf = dir / (example + ".pdf");
    run = e2e::fiscgen({"render", (examples / (example + ".xml")).string(), "-o", pdf.string()});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    REQUIRE(input.load_file((examples / (example + ".xml")).c_str()));
    text = e2e::pdf_text(pdf);
  }
  pugi::xml_node root() const { return input.document_element(); }
};

void check_fonts_embedded_and_subset(const std::filesystem::path& pdf) {
  const auto fonts = e2e::pdf_fonts(pdf);
  REQUIRE_FALSE(fonts.empty());
  const std::regex subset_name("[A-Z]{6}\\+.+");
  for (const auto& font : fonts) {
    INFO("font " << font.name);
    CHECK(font.embedded);
    CHECK(font.subset);
    CHECK(font.unicode);
    CHECK(std::regex_match(font.name, subset_name));
  }
}

void check_words_in_order(const std::string& what, const std::string& expected,
                          const std::string& pdf_text) {
  INFO(what);
  const auto expected_words = e2e::words(expected);
  REQUIRE(expected_words.size() > 0);
  CHECK(e2e::find_in_order(expected_words, e2e::words(pdf_text)) == "");
}

}  // namespace

TEST_CASE("the sample motion renders as a FISC filing") {
  Rendered motion("motion");
  CHECK(motion.run.err == "");
  check_fonts_embedded_and_subset(motion.pdf);

  const int pages = e2e::pdf_pages(motion.pdf);
  CHECK(pages >= 5);

  SUBCASE("poppler, MuPDF, qpdf and Ghostscript open it without a warning") {
    CHECK(e2e::check_readers(motion.pdf) == "");
  }

  SUBCASE("caption, docket and title on the first page") {
    const std::string first = e2e::pdf_text(motion.pdf, 1);
    CHECK(first.find("UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT") != std::string::npos);
    CHECK(first.find("WASHINGTON, D.C.") != std::string::npos);
    const std::string docket = motion.root().child_value("docket");
    CHECK(first.find(docket) != std::string::npos);
    check_words_in_order("matter in the caption", motion.root().child_value("matter"), first);
    check_words_in_order("title", motion.root().child_value("title"), first);
  }

  SUBCASE("every word of the body and relief, in order; every footnote, in order") {
    const auto text = text_of(motion.root(), {"body", "relief"});
    check_words_in_order("body and relief", text.running, motion.text);
    check_words_in_order("footnotes", text.notes, motion.text);
  }

  SUBCASE("every attorney signs, and the certificate of service has a page of its own") {
    for (const auto& attorney : motion.root().child("signature").children("attorney")) {
      CHECK(motion.text.find(attorney.child_value("name")) != std::string::npos);
      CHECK(motion.text.find(attorney.child_value("email")) != std::string::npos);
    }
    int certificate_page = 0;
    for (int page = 1; page <= pages && !certificate_page; ++page) {
      const auto words = e2e::words(e2e::pdf_text(motion.pdf, page));
      if (words.size() >= 3 && words[0] == "certificate" && words[1] == "of" &&
          words[2] == "service")
        certificate_page = page;
    }
    CHECK_MESSAGE(certificate_page > 1, "no page begins with CERTIFICATE OF SERVICE");
    for (const auto& recipient : motion.root().child("service").children("recipient"))
      CHECK(e2e::pdf_text(motion.pdf, certificate_page).find(recipient.child_value("name")) !=
            std::string::npos);
  }

  SUBCASE("the proposed order comes last, under its own caption") {
    REQUIRE(motion.root().child("proposed-order"));
    const std::string last = e2e::pdf_text(motion.pdf, pages);
    const std::string order = text_of(motion.root(), {"proposed-order"}).running;
    const auto order_words = e2e::words(order);
    std::string order_pages;
    for (int page = pages; page >= 1; --page) {
      const std::string text = e2e::pdf_text(motion.pdf, page);
      order_pages = text + order_pages;
      if (text.find("SURVEILLANCE COURT") != std::string::npos) break;
    }
    CHECK(order_pages.find("FOREIGN INTELLIGENCE SURVEILLANCE COURT") != std::string::npos);
    check_words_in_order("proposed order", order, order_pages);
  }

  SUBCASE("every page is numbered: the motion from 1, the proposed order from 1 again") {
    int order_page = pages + 1;
    for (int page = 1; page <= pages && order_page > pages; ++page)
      if (e2e::pdf_text(motion.pdf, page).find("[PROPOSED] ORDER") != std::string::npos)
        order_page = page;
    CHECK(order_page <= pages);
    for (int page = 1; page <= pages; ++page) {
      const auto words = e2e::words(e2e::pdf_text(motion.pdf, page));
      const int printed = page < order_page ? page : page - order_page + 1;
      INFO("page " << page);
      CHECK(std::find(words.begin(), words.end(), std::to_string(printed)) != words.end());
    }
  }

  SUBCASE("document information comes from the input, never the machine") {
    CHECK(e2e::pdf_info(motion.pdf, "Title") == motion.root().child_value("title"));
    CHECK(e2e::pdf_info(motion.pdf, "CreationDate").find("2013") != std::string::npos);
    const std::string bytes = e2e::read_file(motion.pdf);
    CHECK(bytes.find(FISCGEN_SOURCE_DATA_DIR) == std::string::npos);
    if (const char* user = std::getenv("USER"); user && std::string(user).size() > 3)
      CHECK(bytes.find(user) == std::string::npos);
  }
}

TEST_CASE("the sample letter renders with the directory's address and the locale's date") {
  Rendered letter("letter");
  CHECK(letter.run.err == "");
  CHECK(e2e::check_readers(letter.pdf) == "");
  check_fonts_embedded_and_subset(letter.pdf);
  CHECK(e2e::pdf_pages(letter.pdf) <= 2);

  CHECK(letter.text.find("July 16, 2013") != std::string::npos);
  CHECK(letter.text.find("950 Pennsylvania Avenue, N.W.") != std::string::npos);
  CHECK(letter.text.find("Washington, D.C. 20530") != std::string::npos);
  const auto from = letter.root().child("from");
  CHECK(letter.text.find(from.child_value("name")) != std::string::npos);
  CHECK(letter.text.find(from.child("organization").child_value()) != std::string::npos);
  const auto text = text_of(letter.root(), {"subject", "salutation", "body", "closing"});
  check_words_in_order("subject, body and closing", text.running, letter.text);
  for (const auto& cc : letter.root().children("cc"))
    CHECK(letter.text.find(cc.child_value("name")) != std::string::npos);
}

TEST_CASE("the sample German letter renders after DIN 5008 with every word of its input") {
  Rendered letter("letter-de");
  CHECK(letter.run.err == "");
  CHECK(e2e::check_readers(letter.pdf) == "");
  check_fonts_embedded_and_subset(letter.pdf);
  CHECK(e2e::pdf_info(letter.pdf, "Page size").find("595.28 x 841.89") != std::string::npos);
  for (const char* shown :
       {"Kanzlei Sørensen-Çelik & Partner mbB, Große Bleichen 21, 20354 Hamburg", "Einschreiben",
        "Herrn Jürgen Weißhaupt", "Ihr Zeichen: RA-2013/0457 wh", "Ihre Nachricht vom: 02.07.2013",
        "Unser Zeichen: SC/kü 118/13", "Name: Clara Kühn", "Datum: 16.07.2013",
        "Sehr geehrter Herr Weißhaupt,"})
    CHECK_MESSAGE(letter.text.find(shown) != std::string::npos, shown);
  const auto text = text_of(letter.root(), {"subject", "body"});
  check_words_in_order("subject and body", text.running, letter.text);
}

TEST_CASE("the same input gives the same bytes") {
  for (const char* example : {"motion", "letter", "brief", "letter-de"}) {
    e2e::TempDir dir;
    const auto input = (examples / (std::string(example) + ".xml")).string();
    REQUIRE(e2e::fiscgen({"render", input, "-o", (dir / "a.pdf").string()}).status == 0);
    REQUIRE(e2e::fiscgen({"render", input, "-o", (dir / "b.pdf").string()}).status == 0);
    INFO(example);
    CHECK(e2e::read_file(dir / "a.pdf") == e2e::read_file(dir / "b.pdf"));
  }
}

TEST_CASE("the sample brief renders with its tables and roman front matter") {
  Rendered brief("brief");
  CHECK(e2e::check_readers(brief.pdf) == "");
  check_fonts_embedded_and_subset(brief.pdf);
  const auto labels = e2e::run({"mutool", "show", brief.pdf.string(), "trailer/Root/PageLabels"});
  CHECK(labels.out.find("0 <<") != std::string::npos);
  CHECK(labels.out.find("/S /r") != std::string::npos);
  CHECK(labels.out.find("3 <<") != std::string::npos);  // cover, contents, authorities
  const std::string contents = e2e::pdf_text(brief.pdf, 2),
                    authorities = e2e::pdf_text(brief.pdf, 3);
  CHECK(contents.find("TABLE OF CONTENTS") != std::string::npos);
  CHECK(authorities.find("TABLE OF AUTHORITIES") != std::string::npos);
  // Every heading of the input is in the table of contents, in order.
  std::vector<std::string> headings;
  for (const auto& node : brief.root().select_nodes("//heading")) {
    const auto words = e2e::words(node.node().child_value());
    headings.insert(headings.end(), words.begin(), words.end());
  }
  CHECK(e2e::find_in_order(headings, e2e::words(contents)) == "");
  for (const char* name : {"Bartnicki v. Vopper", "Smith v. Maryland", "U.S. Const. amend. I",
                           "50 U.S.C. \u00A7 1861", "FISC R.P. 6"})
    CHECK_MESSAGE(authorities.find(name) != std::string::npos, name);
  // The argument starts on page 1, after the three front pages.
  const auto body = e2e::pdf_text(brief.pdf, 4);
  CHECK(body.find("Introduction") != std::string::npos);
  CHECK(body.substr(body.find_last_not_of("\n\f ") - 1, 2) == "\n1");
}
