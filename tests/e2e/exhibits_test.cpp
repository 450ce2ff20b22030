// Exhibits: <exhibit file="…" title="…"/> appends that PDF after a slip sheet, with a bookmark
// and page labels A-1, A-2, …; a bad exhibit is an error at the <exhibit> element.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "tools.hpp"

namespace {

const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

/// The example motion with `extra` written before its closing tag.
std::string motion_with(const std::string& extra) {
  std::string input = e2e::read_file(examples / "motion.xml");
  const auto end = input.rfind("</motion>");
  REQUIRE(end != std::string::npos);
  return input.insert(end, extra);
}

/// Renders the example letter with its subject replaced: a small PDF whose words we know.
void make_letter(const std::filesystem::path& pdf, const std::string& subject) {
  const auto run = e2e::fiscgen({"render", (examples / "letter.xml").string(), "--set",
                                 "subject=" + subject, "-o", pdf.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
}

struct Exhibits {
  e2e::TempDir dir;
  std::filesystem::path input = dir / "motion.xml", pdf = dir / "motion.pdf";
  // The motion's pages before its proposed order, which comes last (after the exhibits) and is
  // numbered on its own; and the order's pages.
  int base_pages = 0, a_pages = 0, b_pages = 0, order_pages = 0;

  Exhibits() {
    std::filesystem::create_directories(dir / "attached");
    make_letter(dir / "exhibit-a.pdf", "Zanzibar aggregate figures");
    make_letter(dir / "attached" / "exhibit-b.pdf", "Quixotic transparency report");
    a_pages = e2e::pdf_pages(dir / "exhibit-a.pdf");
    b_pages = e2e::pdf_pages(dir / "attached" / "exhibit-b.pdf");
    const auto base = e2e::fiscgen(
        {"render", (examples / "motion.xml").string(), "-o", (dir / "base.pdf").string()});
    REQUIRE(base.status == 0);
    const int all_pages = e2e::pdf_pages(dir / "base.pdf");
    base_pages = all_pages;
    while (base_pages > 1 && e2e::pdf_text(dir / "base.pdf", base_pages).find("[PROPOSED] ORDER") ==
                                 std::string::npos)
      --base_pages;
    --base_pages;  // the order's first page
    order_pages = all_pages - base_pages;
    std::ofstream(input) << motion_with(
        "  <exhibit file=\"exhibit-a.pdf\" title=\"Letter to the Attorney General\"/>\n"
        "  <exhibit file=\"attached/exhibit-b.pdf\" title=\"Letter of July 2013\"/>\n");
  }

  e2e::Run render(const std::filesystem::path& output) {
    return e2e::fiscgen({"render", input.string(), "-o", output.string()});
  }
};

}  // namespace

TEST_CASE("two exhibits follow their slip sheets, with bookmarks, page labels and valid PDF") {
  Exhibits t;
  const auto run = t.render(t.pdf);
  INFO(run.err);
  REQUIRE(run.status == 0);
  REQUIRE(t.a_pages >= 1);
  REQUIRE(t.b_pages >= 1);
  CHECK(e2e::pdf_pages(t.pdf) == t.base_pages + 1 + t.a_pages + 1 + t.b_pages + t.order_pages);

  const int slip_a = t.base_pages + 1, slip_b = slip_a + 1 + t.a_pages;
  const auto slip_a_text = e2e::pdf_text(t.pdf, slip_a);
  CHECK(slip_a_text.find("EXHIBIT A") != std::string::npos);
  CHECK(slip_a_text.find("Letter to the Attorney General") != std::string::npos);
  const auto slip_b_text = e2e::pdf_text(t.pdf, slip_b);
  CHECK(slip_b_text.find("EXHIBIT B") != std::string::npos);
  CHECK(slip_b_text.find("Letter of July 2013") != std::string::npos);
  // Each exhibit's pages, whole and in order, right after its slip sheet.
  for (int p = 1; p <= t.a_pages; ++p)
    CHECK(e2e::pdf_text(t.pdf, slip_a + p) == e2e::pdf_text(t.dir / "exhibit-a.pdf", p));
  for (int p = 1; p <= t.b_pages; ++p)
    CHECK(e2e::pdf_text(t.pdf, slip_b + p) ==
          e2e::pdf_text(t.dir / "attached" / "exhibit-b.pdf", p));
  CHECK(e2e::pdf_text(t.pdf, slip_a + 1).find("Zanzibar") != std::string::npos);
  CHECK(e2e::pdf_text(t.pdf, slip_b + 1).find("Quixotic") != std::string::npos);
  // The main document is unchanged before the exhibits.
  CHECK(e2e::pdf_text(t.pdf, 1) == e2e::pdf_text(t.dir / "base.pdf", 1));

  const auto outline = e2e::run({"mutool", "show", t.pdf.string(), "outline"});
  REQUIRE(outline.status == 0);
  // The headings' bookmarks, then each exhibit's, in document order; the proposed order last.
  std::size_t at = 0;
  for (const std::string title :
       {"Introduction", "Certificate of Service", "Exhibit A: Letter to the Attorney General",
        "Exhibit B: Letter of July 2013", "Proposed Order"}) {
    CAPTURE(title);
    at = outline.out.find(title, at);
    CHECK(at != std::string::npos);
  }
  // Each exhibit bookmark lands on its slip sheet (mutool prints "#page=N&…", N from 1).
  CHECK(outline.out.find("Exhibit A: Letter to the Attorney General\"\t#page=" +
                         std::to_string(slip_a) + "&") != std::string::npos);
  CHECK(outline.out.find("Exhibit B: Letter of July 2013\"\t#page=" + std::to_string(slip_b) +
                         "&") != std::string::npos);

  CHECK(e2e::check_readers(t.pdf) == "");
  const auto check = e2e::run({"qpdf", "--check", t.pdf.string()});
  CHECK(check.status == 0);
}

TEST_CASE("page labels: the main pages 1, 2, …, an exhibit's A-1, A-2, …") {
  Exhibits t;
  REQUIRE(t.render(t.pdf).status == 0);
  // qpdf's JSON names each page's label; poppler and MuPDF show the same in their page boxes.
  const auto json = e2e::run({"qpdf", "--json", "--json-key=pagelabels", t.pdf.string()});
  REQUIRE(json.status == 0);
  const auto& text = json.out;
  CHECK(text.find("A-\"") != std::string::npos);  // qpdf writes "/P": "u:A-"
  CHECK(text.find("B-\"") != std::string::npos);
  // The page after exhibit A's pages (the slip sheet of B) goes on with its printed number.
  CHECK(text.find("\"index\": " + std::to_string(t.base_pages + 1 + t.a_pages)) !=
        std::string::npos);
  CHECK(text.find("\"/St\": " + std::to_string(t.base_pages + 2)) != std::string::npos);
  const auto info = e2e::run({"pdfinfo", "-f", std::to_string(t.base_pages + 2), "-l",
                              std::to_string(t.base_pages + 2), t.pdf.string()});
  CHECK(info.status == 0);
}

TEST_CASE("exhibits: the same input gives the same bytes, and the exhibit files are read") {
  Exhibits t;
  REQUIRE(t.render(t.pdf).status == 0);
  const auto again = t.dir / "again.pdf";
  const auto run = e2e::fiscgen({"-v", "render", t.input.string(), "-o", again.string()});
  REQUIRE(run.status == 0);
  CHECK(e2e::read_file(t.pdf) == e2e::read_file(again));
  // -v lists what the output depends on: batch keys see a changed exhibit.
  CHECK(run.err.find("exhibit-a.pdf") != std::string::npos);
  CHECK(run.err.find("exhibit-b.pdf") != std::string::npos);
}

namespace {

/// check's summary: (pages counted, pages in the file), both -1 when it says neither.
std::pair<int, int> check_counts(const std::vector<std::string>& arguments) {
  std::vector<std::string> command{"check"};
  command.insert(command.end(), arguments.begin(), arguments.end());
  const auto run = e2e::fiscgen(command);
  INFO(run.err);
  REQUIRE(run.status == 0);
  std::smatch found;
  if (!std::regex_search(
          run.out, found,
          std::regex(R"(words and (\d+) pages? counted, of (\d+) pages? in the file\))")))
    return {-1, -1};
  return {std::stoi(found[1]), std::stoi(found[2])};
}

}  // namespace

TEST_CASE("render and check count every page of the file, page limits no exhibit") {
  Exhibits t;
  const auto run = e2e::fiscgen({"-v", "render", t.input.string(), "-o", t.pdf.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  const int in_file = e2e::pdf_pages(t.pdf);
  REQUIRE(in_file == t.base_pages + 1 + t.a_pages + 1 + t.b_pages + t.order_pages);
  // render -v reports what a reader of the PDF counts: slip sheets and the exhibits' pages too.
  CHECK(run.err.find(" (" + std::to_string(in_file) + " pages, ") != std::string::npos);

  // The same motion to the FISC, and to the District Court (its form, rules and docket).
  const std::vector<std::vector<std::string>> courts{
      {},
      {"--set", "@rules=dc-local", "--set", "@form=dcd/motion", "--set", "docket=1:13-cv-00881"}};
  for (const auto& court : courts) {
    CAPTURE(court.size());
    std::vector<std::string> base_args{(examples / "motion.xml").string()},
        with_args{t.input.string()};
    base_args.insert(base_args.end(), court.begin(), court.end());
    with_args.insert(with_args.end(), court.begin(), court.end());
    const auto base = check_counts(base_args);
    const auto with = check_counts(with_args);
    // The whole file, as render writes it; the pages a limit counts are the motion's alone.
    CHECK(base.second == t.base_pages + t.order_pages);
    CHECK(with.second == in_file);
    CHECK(base.first > 0);
    CHECK(with.first == base.first);
  }
}

TEST_CASE("a missing or invalid exhibit is an error at its <exhibit>, and nothing is written") {
  e2e::TempDir dir;
  std::ofstream(dir / "not-a-pdf.pdf") << "This is a text file, not a PDF.\n";
  for (const std::string file : {"missing.pdf", "not-a-pdf.pdf"}) {
    CAPTURE(file);
    const auto input = dir / "motion.xml", pdf = dir / "motion.pdf";
    const std::string text = motion_with("  <exhibit file=\"" + file + "\" title=\"Bad\"/>\n");
    std::ofstream(input) << text;
    // The element's line: count the newlines before it.
    const auto at = text.find("<exhibit");
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
    const auto run = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
    CHECK(run.status == 1);
    CHECK(run.err.find("motion.xml:" + std::to_string(line) + ":3") != std::string::npos);
    CHECK(run.err.find(file) != std::string::npos);
    CHECK(!std::filesystem::exists(pdf));
    // check opens the exhibits to count their pages, so it finds the same problem.
    const auto checked = e2e::fiscgen({"check", input.string()});
    CHECK(checked.status == 1);
    CHECK(checked.err.find("motion.xml:" + std::to_string(line) + ":3") != std::string::npos);
  }
}

// Kerning: the font's pairs (AV, To, Ye) are honoured by starting a new text run at each
// kerned pair, placed where the shaped width puts it; readers still see whole words.
TEST_CASE("kerned words are drawn as positioned runs and still read as whole words") {
  e2e::TempDir dir;
  const auto pdf = dir / "kerned.pdf", again = dir / "again.pdf";
  const std::vector<std::string> args{"render", (examples / "letter.xml").string(), "--set",
                                      "subject=AVAVAV Tomorrow Yesterday WAVY"};
  auto first = args, second = args;
  first.insert(first.end(), {"-o", pdf.string()});
  second.insert(second.end(), {"-o", again.string()});
  REQUIRE(e2e::fiscgen(first).status == 0);
  REQUIRE(e2e::fiscgen(second).status == 0);
  CHECK(e2e::read_file(pdf) == e2e::read_file(again));
  CHECK(e2e::find_in_order({"avavav", "tomorrow", "yesterday", "wavy"},
                           e2e::words(e2e::pdf_text(pdf))) == "");
  // Uncompressed, the text is in TJ arrays of strings and numbers: no string holds an A followed
  // by a V, and a number (the pair's kerning) stands between them, both ways round.
  const auto plain = dir / "plain.pdf";
  REQUIRE(e2e::run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), plain.string()})
              .status == 0);
  const std::string content = e2e::read_file(plain);
  const auto count = [&](const std::string& pattern) {
    const std::regex expression(pattern);
    return std::distance(std::sregex_iterator(content.begin(), content.end(), expression),
                         std::sregex_iterator());
  };
  // (A string in an array follows its '[', another string or a number; a code is 4 digits.)
  CHECK(count("[\\[>0-9]<([0-9a-f]{4})*00410056") == 0);
  CHECK(count("0041>-?[0-9.]+<0056") >= 3);  // A V, three times in AVAVAV
  CHECK(count("0056>-?[0-9.]+<0041") >= 2);
  CHECK(count("\\]TJ") > 20);
}

// An input may come from someone else: its exhibits are read from its own folder (or the
// folder --exhibits names) and from nowhere else, and no message tells what exists outside.
TEST_CASE("exhibits: absolute paths, '..' and links leading out are refused at the <exhibit>") {
  e2e::TempDir dir;
  const auto in = dir / "in", outside = dir / "outside";
  std::filesystem::create_directories(in / "sub");
  std::filesystem::create_directories(outside);
  make_letter(outside / "secret.pdf", "Outside the input's folder");
  std::filesystem::create_symlink("../../outside/secret.pdf", in / "sub/link.pdf");
  std::filesystem::create_directory_symlink("../outside", in / "away");
  const auto input = in / "motion.xml", pdf = in / "motion.pdf";
  const auto message_for = [&](const std::string& file) {
    const std::string text = motion_with("  <exhibit file=\"" + file + "\" title=\"T\"/>\n");
    std::ofstream(input) << text;
    const auto at = text.find("<exhibit");
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
    const auto run = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
    CHECK(run.status == 1);
    CHECK_FALSE(std::filesystem::exists(pdf));
    const auto checked = e2e::fiscgen({"check", input.string()});
    CHECK(checked.status == 1);
    const std::string place = "motion.xml:" + std::to_string(line) + ":3: ";
    CHECK(run.err.find(place) != std::string::npos);
    CHECK(checked.err.find(place) != std::string::npos);
    // The message without the file's name: what it says of the path itself.
    std::string said = run.err.substr(run.err.find(place) + place.size());
    said = said.substr(0, said.find('\n'));
    const auto quoted = said.find("\"" + file + "\"");
    REQUIRE(quoted != std::string::npos);
    return said.erase(quoted, file.size() + 2);
  };
  const auto absolute = (outside / "secret.pdf").string();
  CHECK(message_for(absolute).find("is an absolute path; expected a PDF file in the input's "
                                   "folder") != std::string::npos);
  CHECK(message_for("../outside/secret.pdf").find("leads out of the input's folder") !=
        std::string::npos);
  CHECK(message_for("sub/../../outside/secret.pdf").find("leads out of") != std::string::npos);
  // Through links: the same words as for a file that does not exist, inside or out.
  const auto missing = message_for("missing.pdf");
  CHECK(missing.find("was not found; expected a PDF file in the input's folder") !=
        std::string::npos);
  CHECK(message_for("sub/link.pdf") == missing);
  CHECK(message_for("away/secret.pdf") == missing);
  CHECK(message_for("away/no-such.pdf") == missing);
  CHECK(message_for("away/../../outside/secret.pdf").find("leads out of") != std::string::npos);
}

TEST_CASE("exhibits: --exhibits DIR is where render, check and batch read them, and only there") {
  e2e::TempDir dir;
  const auto in = dir / "in", attached = dir / "attached";
  std::filesystem::create_directories(in);
  std::filesystem::create_directories(attached);
  make_letter(attached / "exhibit-a.pdf", "Zanzibar aggregate figures");
  std::ofstream(in / "motion.xml") << motion_with(
      "  <exhibit file=\"exhibit-a.pdf\" title=\"Letter to the Attorney General\"/>\n");
  const auto pdf = dir / "motion.pdf";
  // Not beside the input: not found without the option.
  CHECK(e2e::fiscgen({"render", (in / "motion.xml").string(), "-o", pdf.string()}).status == 1);
  const auto run = e2e::fiscgen({"render", (in / "motion.xml").string(), "--exhibits",
                                 attached.string(), "-o", pdf.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(e2e::pdf_text(pdf).find("Zanzibar") != std::string::npos);
  CHECK(e2e::fiscgen({"check", (in / "motion.xml").string(), "--exhibits", attached.string()})
            .status == 0);
  const auto batch = e2e::fiscgen(
      {"batch", in.string(), "-o", (dir / "out").string(), "--exhibits", attached.string()});
  INFO(batch.err);
  CHECK(batch.status == 0);
  CHECK(e2e::pdf_text(dir / "out/motion.pdf").find("Zanzibar") != std::string::npos);
  // The input's own folder is then outside: a file there is not read.
  std::filesystem::copy_file(attached / "exhibit-a.pdf", in / "beside.pdf");
  std::ofstream(in / "motion.xml") << motion_with("  <exhibit file=\"beside.pdf\" title=\"B\"/>\n");
  const auto beside = e2e::fiscgen({"render", (in / "motion.xml").string(), "--exhibits",
                                    attached.string(), "-o", pdf.string()});
  CHECK(beside.status == 1);
  CHECK(beside.err.find("\"beside.pdf\" was not found; expected a PDF file in the --exhibits "
                        "folder " +
                        attached.string()) != std::string::npos);
}
