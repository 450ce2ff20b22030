// `fiscgen cite`: citations from the command line or standard input, as text or JSON.
#include <doctest/doctest.h>

#include <fstream>

#include "tools.hpp"

TEST_CASE("fiscgen cite prints kind, Bluebook form and table heading, one line each") {
  const auto result = e2e::fiscgen(
      {"cite", "See Smith v. Maryland, 442 US 735, 742 (1979); 50 U.S.C. 1861(d)(1). Id. at 743."});
  REQUIRE_MESSAGE(result.status == 0, result.err);
  CHECK(result.out ==
        "1:5\tcase\tSmith v. Maryland, 442 U.S. 735, 742 (1979)\tCases\n"
        "1:48\tstatute\t50 U.S.C. \xC2\xA7\xC2\xA0"
        "1861(d)(1)\tStatutes\n"
        "1:70\tshort form\tId. at 743\tStatutes\n");
  // Two authorities before the Id.: it points to the last, and says it cannot tell (rule 4.1).
  CHECK(result.err ==
        "warning: <text>:1:70: \"Id. at 743\" follows a string of several citations: it points "
        "to the last of them (50 U.S.C. \xC2\xA7\xC2\xA0"
        "1861); cite the one meant\n");
}

TEST_CASE("fiscgen cite --json reads standard input and gives every part") {
  e2e::TempDir dir;
  {
    std::ofstream text(dir / "brief.txt");
    text << "Intro.\nKlayman v. Obama, 957 F.Supp.2d 1 (D.D.C. December 16, 2013).\n";
  }
  const auto result = e2e::run({"sh", "-c",
                                std::string("'") + FISCGEN_BINARY + "' cite --json - < '" +
                                    (dir / "brief.txt").string() + "'"});
  REQUIRE_MESSAGE(result.status == 0, result.err);
  CHECK(result.out.find("\"reporter\": \"F. Supp. 2d\"") != std::string::npos);
  CHECK(result.out.find("\"date\": \"Dec. 16, 2013\"") != std::string::npos);
  CHECK(result.out.find("\"line\": 2") != std::string::npos);
  CHECK(result.out.find("\"category\": \"Cases\"") != std::string::npos);
}

TEST_CASE("fiscgen cite warns, with the place, of what it cannot read") {
  const auto result = e2e::fiscgen({"cite", "Compare 123 F.9th 45 with Id. at 5."});
  CHECK(result.status == 0);
  CHECK(result.err.find("<text>:1:9: ") != std::string::npos);
  CHECK(result.err.find("F.9th") != std::string::npos);
  CHECK(result.err.find("<text>:1:27: ") != std::string::npos);  // Id. with nothing before
}

TEST_CASE("fiscgen cite refuses text that is not UTF-8, with a located error") {
  const auto result = e2e::fiscgen({"cite", "50 U.S.C. \xFF 1861"});
  CHECK(result.status == 1);
  CHECK(result.err.find("<text>") != std::string::npos);
}

TEST_CASE("fiscgen cite on text with no citation says so on standard error, and exits 0") {
  const auto plain = e2e::fiscgen({"cite", "Nothing here is cited."});
  CHECK(plain.status == 0);
  CHECK(plain.out.empty());
  CHECK(plain.err == "no citations found in <text>\n");
  const auto json = e2e::fiscgen({"cite", "--json", "Nothing here is cited."});
  CHECK(json.status == 0);
  CHECK(json.out.rfind("[]", 0) == 0);
  CHECK(json.err == "no citations found in <text>\n");
}

TEST_CASE("fiscgen cite reads pdftotext's form feeds and other whitespace controls as spaces") {
  e2e::TempDir dir;
  // pdftotext ends each page with a form feed; the next page's first line follows it.
  std::string text;
  for (int line = 1; line < 25; ++line) text += "Line " + std::to_string(line) + ".\n";
  text +=
      "\fSee 50 U.S.C. 1861(d)(1).\vAnd\xC2\x85 Smith v. Maryland, 442 US 735 (1979)."
      "\xE2\x80\xA8"
      "Id.\xE2\x80\xA9"
      "\n";
  std::ofstream(dir / "pages.txt", std::ios::binary) << text;
  const auto result = e2e::run(
      {"sh", "-c",
       std::string("'") + FISCGEN_BINARY + "' cite - < '" + (dir / "pages.txt").string() + "'"});
  REQUIRE_MESSAGE(result.status == 0, result.err);
  CHECK(result.out.find("25:6\tstatute\t50 U.S.C.") != std::string::npos);
  CHECK(result.out.find("25:33\tcase\tSmith v. Maryland, 442 U.S. 735 (1979)") !=
        std::string::npos);
  CHECK(result.out.find("\tshort form\tId.") != std::string::npos);

  // Any other control (OCR and PDF extraction leave them) is read as a space, with a warning at
  // its own line and column: the citation around it is still read.
  std::ofstream(dir / "bell.txt", std::ios::binary)
      << "one\ntwo\n  th\x07ree: Smith v. Maryland,\x08"
         "442 U.S. 735 (1979)\n";
  const auto bell = e2e::run(
      {"sh", "-c",
       std::string("'") + FISCGEN_BINARY + "' cite - < '" + (dir / "bell.txt").string() + "'"});
  CHECK(bell.status == 0);
  CHECK(bell.err.find("warning: <stdin>:3:5: control character U+0007 read as a space") !=
        std::string::npos);
  CHECK(bell.err.find("<stdin>:3:29: control character U+0008") != std::string::npos);
  CHECK(bell.out.find("3:11\tcase\tSmith v. Maryland, 442 U.S. 735 (1979)") != std::string::npos);
  const auto utf8 = e2e::fiscgen({"cite", "one\ntwo \xFF"});
  CHECK(utf8.status == 1);
  CHECK(utf8.err.find("<text>:2:5: invalid UTF-8 (0xFF)") != std::string::npos);
}

// The program, not only the unit tests: an expression built at start-up from another file's
// constant read an empty string for it in the program (static initialisation order), so no
// regulation's subsection was read there while the unit tests passed.
TEST_CASE("fiscgen cite reads a regulation's subsections") {
  const auto result = e2e::fiscgen({"cite", "28 C.F.R. § 0.85(l). 28 C.F.R. §§ 0.85(l), 0.112."});
  REQUIRE_MESSAGE(result.status == 0, result.err);
  CHECK(result.out ==
        "1:1\tregulation\t28 C.F.R. \xC2\xA7\xC2\xA0"
        "0.85(l)\tRegulations\n"
        "1:22\tregulation\t28 C.F.R. \xC2\xA7\xC2\xA7\xC2\xA0"
        "0.85(l), 0.112\tRegulations\n");
  CHECK(result.err.empty());
}
