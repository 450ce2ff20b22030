// The scenario of issue 7: a firm's 50 filings under one rules profile and its letters under
// another; the court amends its rules (the profile's left margin, in the firm's copy of the data);
// the next batch renders exactly the 50 filings again, each explained, and leaves the letters
// alone; a third run renders nothing. Asserted from the --report JSON, the progress lines and
// the PDFs themselves.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "tools.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path source = FISCGEN_SOURCE_DATA_DIR;
constexpr int filings = 50, letters = 6;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

/// The smallest left edge of the words on a page, as pdftotext -bbox reads it.
double left_edge(const fs::path& pdf, int page) {
  const auto run = e2e::run({PDFTOTEXT, "-bbox", "-f", std::to_string(page), "-l",
                             std::to_string(page), pdf.string(), "-"});
  REQUIRE(run.status == 0);
  static const std::regex word(R"re(<word xMin="([\d.]+)")re");
  double least = 1e9;
  for (auto it = std::sregex_iterator(run.out.begin(), run.out.end(), word);
       it != std::sregex_iterator(); ++it)
    least = std::min(least, std::stod((*it)[1]));
  return least;
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// The firm's docket: 50 motions made from the sample, each with its own docket number, movant,
/// title, date and first paragraph; and letters, each with its own date and subject.
struct Docket {
  e2e::TempDir dir;
  fs::path data = dir / "data", in = dir / "in", out = dir / "out";
  Docket() {
    // The firm's copy of fiscgen's data, where it keeps the court's rules up to date.
    fs::create_directories(data);
    fs::copy(source / "forms", data / "forms", fs::copy_options::recursive);
    fs::copy(source / "letters", data / "letters", fs::copy_options::recursive);
    const std::string motion = e2e::read_file(source / "examples/motion.xml");
    for (int i = 0; i < filings; ++i) {
      const std::string n = std::to_string(i);
      std::string text = replace(motion, "Misc. 13-04", "Misc. 13-" + std::to_string(10 + i));
      text = replace(text, "<movant>Cascade Software Corporation",
                     "<movant>Cascade Software Corporation, Division " + n);
      text = replace(text, "<title>Motion for Declaratory Judgment",
                     i % 2 ? "<title>Renewed Motion for Declaratory Judgment"
                           : "<title>Motion for Declaratory Judgment No. " + n);
      text = replace(text, "<date>2013-06-19",
                     "<date>2013-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10));
      text = replace(text, "respectfully moves", "(filing " + n + ") respectfully moves");
      write(in / "filings" / ("motion-" + std::string(i < 10 ? "0" : "") + n + ".xml"), text);
    }
    const std::string letter = e2e::read_file(source / "examples/letter.xml");
    for (int i = 0; i < letters; ++i) {
      std::string text = replace(letter, "2013-07-16", "2013-08-0" + std::to_string(1 + i));
      text = replace(text, "<subject>", "<subject>Letter " + std::to_string(i) + ": ");
      write(in / "letters" / ("letter-" + std::to_string(i) + ".xml"), text);
    }
  }
  e2e::Run batch(const fs::path& report) const {
    return e2e::fiscgen({"--data-dir", data.string(), "batch", in.string(), "-o", out.string(),
                         "--jobs", "2", "--explain", "--report", report.string()});
  }
  fs::path filing_pdf(int i) const {
    return out / "filings" /
           ("motion-" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".pdf");
  }
};

}  // namespace

TEST_CASE("scenario: the court amends its margin: exactly its 50 filings are rendered again") {
  Docket docket;
  const auto first_report = docket.dir / "first.json";
  const auto first = docket.batch(first_report);
  REQUIRE_MESSAGE(first.status == 0, first.err);
  auto report = e2e::read_report(first_report);
  REQUIRE(report.size() == static_cast<std::size_t>(filings + letters));
  for (const auto& [name, document] : report) {
    CHECK_MESSAGE(document.status == "rendered", name);
    CHECK(document.reasons == std::vector<std::string>{"new"});
  }
  CHECK(left_edge(docket.filing_pdf(7), 2) == doctest::Approx(72).epsilon(0.02));
  const auto letter_time = fs::last_write_time(docket.out / "letters/letter-0.pdf");

  // The amendment: a left margin of 1.25 inches, in the firm's copy of fisc-2010.
  const auto profile = docket.data / "forms/rules/fisc-2010.xml";
  write(profile, replace(e2e::read_file(profile), "left=\"72\"", "left=\"90\""));
  const auto second_report = docket.dir / "second.json";
  const auto second = docket.batch(second_report);
  REQUIRE_MESSAGE(second.status == 0, second.err);
  report = e2e::read_report(second_report);
  REQUIRE(report.size() == static_cast<std::size_t>(filings + letters));
  int rendered = 0;
  for (const auto& [name, document] : report) {
    if (name.rfind("filings/", 0) == 0) {
      ++rendered;
      CHECK_MESSAGE(document.status == "rendered", name);
      CHECK_MESSAGE(
          document.reasons ==
              std::vector<std::string>{"rules fisc-2010 changed: margins.left: 72 \u2192 90"},
          name);
    } else {
      CHECK_MESSAGE(document.status == "up-to-date", name);
      CHECK(document.reasons.empty());
    }
  }
  CHECK(rendered == filings);
  // The progress lines say it too, once per filing, and the summary counts them.
  CHECK(count(second.err, "): rules fisc-2010 changed: margins.left: 72 \u2192 90\n") == filings);
  CHECK(second.err.find("50 rendered, 6 up to date, 0 failed") != std::string::npos);
  // A reader of the PDFs sees the new margin; the letters were not written again.
  for (const int i : {0, 7, 49})
    CHECK(left_edge(docket.filing_pdf(i), 2) == doctest::Approx(90).epsilon(0.02));
  CHECK(fs::last_write_time(docket.out / "letters/letter-0.pdf") == letter_time);

  const auto third_report = docket.dir / "third.json";
  const auto third = docket.batch(third_report);
  REQUIRE_MESSAGE(third.status == 0, third.err);
  for (const auto& [name, document] : e2e::read_report(third_report))
    CHECK_MESSAGE(document.status == "up-to-date", name);
  CHECK(third.err.find("0 rendered, 56 up to date") != std::string::npos);
  CHECK(e2e::read_file(third_report).find("\"rendered\": 0") != std::string::npos);
}
