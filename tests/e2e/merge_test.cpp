// Mail merge: one letter template reused for several recipients, dates and locales, without
// touching the template; a bad row is reported with its number and the others are written.
#include <doctest/doctest.h>

#include <fstream>

#include "tools.hpp"

namespace {
const std::filesystem::path examples = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "examples";
}

TEST_CASE("one letter, three recipients, two dates, two locales, from CSV") {
  e2e::TempDir dir;
  const auto csv = dir / "recipients.csv";
  std::ofstream(csv)
      << "to/@ref,date,@locale,subject\n"
         "attorney-general,2013-07-16,en_US,First\n"
         "fbi-director,2013-07-17,en_GB,\"Second, with a comma\"\n"
         "director-of-national-intelligence,2013-07-16,en_GB,\"Third \"\"quoted\"\"\"\n";
  const auto out = dir / "out";
  const auto run =
      e2e::fiscgen({"render", (examples / "letter.xml").string(), "--data", csv.string(), "--name",
                    "{to/@ref} {date}.pdf", "-o", out.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.out.find("row 3: ") != std::string::npos);

  struct Expected {
    const char* file;
    const char* date;
    const char* office;
    const char* subject;
  };
  for (const auto& expected : {
           Expected{"attorney-general 2013-07-16.pdf", "July 16, 2013",
                    "The Attorney General of the United States", "Re: First"},
           Expected{"fbi-director 2013-07-17.pdf", "17 July 2013",
                    "Federal Bureau of Investigation", "Re: Second, with a comma"},
           Expected{"director-of-national-intelligence 2013-07-16.pdf", "16 July 2013",
                    // CSV's doubled quotes reach the letter, which prints them as en_GB's marks.
                    "The Director of National Intelligence", "Re: Third “quoted”"},
       }) {
    INFO(expected.file);
    const auto pdf = out / expected.file;
    REQUIRE(std::filesystem::exists(pdf));
    CHECK(e2e::check_readers(pdf) == "");
    const auto text = e2e::pdf_text(pdf);
    CHECK(text.find(expected.date) != std::string::npos);
    CHECK(text.find(expected.office) != std::string::npos);
    CHECK(text.find(expected.subject) != std::string::npos);
  }
}

TEST_CASE("a bad row is reported with its number and does not stop the others") {
  e2e::TempDir dir;
  const auto csv = dir / "rows.csv";
  std::ofstream(csv) << "to/@ref,date\n"
                        "attorney-general,2013-07-16\n"
                        "attorney-generl,2013-07-16\n"
                        "fbi-director\n"
                        "fbi-director,2013-02-30\n"
                        "fbi-director,2013-07-18\n";
  const auto run = e2e::fiscgen({"render", (examples / "letter.xml").string(), "--data",
                                 csv.string(), "-o", (dir / "out").string()});
  CHECK(run.status == 1);
  CHECK(run.err.find("rows.csv:3: row 2: ") != std::string::npos);
  CHECK(run.err.find("no recipient \"attorney-generl\"") != std::string::npos);
  CHECK(run.err.find("rows.csv:4: row 3 has 1 fields; the header has 2") != std::string::npos);
  CHECK(run.err.find("rows.csv:5: row 4: ") != std::string::npos);
  CHECK(run.err.find("2013-02-30 is not a date") != std::string::npos);
  CHECK(run.err.find("3 of 5 rows failed") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "out" / "letter-1.pdf"));
  CHECK(std::filesystem::exists(dir / "out" / "letter-5.pdf"));
  CHECK_FALSE(std::filesystem::exists(dir / "out" / "letter-2.pdf"));

  const auto clash =
      e2e::fiscgen({"render", (examples / "letter.xml").string(), "--data", csv.string(), "--name",
                    "{to/@ref}.pdf", "-o", (dir / "clash").string()});
  CHECK(clash.status == 1);
  CHECK(clash.err.find("the same file") != std::string::npos);
  const auto unknown = e2e::fiscgen({"render", (examples / "letter.xml").string(), "--data",
                                     csv.string(), "--name", "{recipient}.pdf"});
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("{recipient} is not a column") != std::string::npos);
}

TEST_CASE("an empty cell is absent: one CSV mixes directory recipients and written-out ones") {
  e2e::TempDir dir;
  const auto csv = dir / "mixed.csv";
  // The sample letter names the Attorney General by ref; the second row writes its own
  // recipient, so its empty ref must take the sample's away, not set ref="".
  std::ofstream(csv) << "to/@ref,to/name,to/title,to/organization\n"
                        "fbi-director,,,\n"
                        ",Jane Roe,General Counsel,Example Corporation\n";
  const auto out = dir / "out";
  const auto run = e2e::fiscgen(
      {"render", (examples / "letter.xml").string(), "--data", csv.string(), "-o", out.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto directory = e2e::pdf_text(out / "letter-1.pdf");
  CHECK(directory.find("Federal Bureau of Investigation") != std::string::npos);
  const auto written = e2e::pdf_text(out / "letter-2.pdf");
  CHECK(written.find("Jane Roe") != std::string::npos);
  CHECK(written.find("Example Corporation") != std::string::npos);
  CHECK(written.find("The Attorney General of the United States") == std::string::npos);
}

TEST_CASE("a CSV with a header only, or a header twice, is refused, and all rows failing says so") {
  e2e::TempDir dir;
  const auto header_only = dir / "empty.csv";
  std::ofstream(header_only) << "to/@ref,date\n";
  const auto none = e2e::fiscgen({"render", (examples / "letter.xml").string(), "--data",
                                  header_only.string(), "-o", (dir / "out").string()});
  CHECK(none.status == 1);
  CHECK(none.err.find("empty.csv: no rows found") != std::string::npos);

  const auto twice = dir / "twice.csv";
  std::ofstream(twice) << "date,to/@ref,date\n2013-07-16,fbi-director,2013-07-17\n";
  const auto repeated = e2e::fiscgen({"render", (examples / "letter.xml").string(), "--data",
                                      twice.string(), "-o", (dir / "out").string()});
  CHECK(repeated.status == 1);
  CHECK(repeated.err.find("twice.csv:1:14: column 3 repeats the header \"date\"") !=
        std::string::npos);

  const auto bad = dir / "bad.csv";
  std::ofstream(bad) << "to/@ref\nattorney-generl\nfbi-directer\n";
  const auto failed = e2e::fiscgen({"render", (examples / "letter.xml").string(), "--data",
                                    bad.string(), "-o", (dir / "out").string()});
  CHECK(failed.status == 1);
  CHECK(failed.err.find("all 2 rows failed; nothing was written") != std::string::npos);
  CHECK(failed.err.find("the others were written") == std::string::npos);
}
