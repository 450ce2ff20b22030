// The words of the language the reader knows come from the table (forms/cite/reporters.xml),
// not from the code: a table that lacks one reads differently, and one that adds one reads more.
#include <doctest/doctest.h>

#include <string>

#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;
using fiscgen::cite_tests::reader;

namespace {

// A reader over a table of one reporter and the entries given.
cite::Reader reader_with(const std::string& entries) {
  return cite::Reader(cite::Table::read(
      "citations.xml", "<citations><reporter abbreviation=\"U.S.\"/>" + entries + "</citations>"));
}

bool warned(const Warnings& warnings, const std::string& part) {
  for (const auto& w : warnings.list())
    if (w.message.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("the words a bare supra may follow are the last words of the table's Bluebook signals") {
  const std::string text = "Nothing else was argued. See generally supra note 4.";
  Warnings warnings;
  const auto with = reader_with("<signal bluebook=\"yes\">See generally</signal>")
                        .find(text, {"t", 1, 1}, warnings);
  REQUIRE(with.size() == 1);
  CHECK(with[0].normalised == "supra note 4");
  // Without the signal, "generally supra" is a word before supra, not a signal.
  CHECK(reader_with("<signal bluebook=\"yes\">See</signal>")
            .find(text, {"t", 1, 1}, warnings)
            .empty());
  // Nor is a signal that is not the Bluebook's.
  CHECK(reader_with("<signal>See generally</signal>").find(text, {"t", 1, 1}, warnings).empty());
}

TEST_CASE("a one-word Bluebook signal before a bare supra may be a string cite's lower-case one") {
  Warnings warnings;
  const auto own = reader_with("<signal bluebook=\"yes\">Accord</signal>");
  for (const char* text : {"Accord supra Part II.A.", "The cases agree; accord supra Part II.A.",
                           "Accord Supra Part II.A."}) {
    CAPTURE(text);
    const auto found = own.find(text, {"t", 1, 1}, warnings);
    REQUIRE(found.size() == 1);
    CHECK(found[0].short_form == cite::ShortForm::supra);
  }
  // The shipped table's signals: "see", "cf.", "compare", "contra" and "accord" lead to one.
  for (const char* text : {"See supra note 2.", "But see supra note 2.", "See also supra note 2.",
                           "Cf. supra note 2.", "Compare supra note 2, with infra note 9.",
                           "Contra supra note 2.", "The circuits differ; accord supra note 2."}) {
    CAPTURE(text);
    const auto found = reader().find(text, {"t", 1, 1}, warnings);
    REQUIRE(found.size() == 1);
    CHECK(found[0].normalised == "supra note 2");
  }
}

TEST_CASE("the words naming a court before \"in\" and a case name are the table's court words") {
  const std::string text = "The Panel in Smith v. Jones, 1 U.S. 2 (1999), said so.";
  Warnings warnings;
  const auto without = reader_with("").find(text, {"t", 1, 1}, warnings);
  REQUIRE(without.size() == 1);
  CHECK(without[0].case_name == "The Panel in Smith v. Jones");
  const auto with = reader_with("<court-word>Panel</court-word>").find(text, {"t", 1, 1}, warnings);
  REQUIRE(with.size() == 1);
  CHECK(with[0].case_name == "Smith v. Jones");
  // The shipped table's: "Court" and "Circuit", and a name with "in" inside it stays whole.
  const auto shipped = reader().find(
      "The Court in Katz v. United States, 389 U.S. 347 (1967), and the Ninth Circuit in Smith v. "
      "Jones, 1 F.3d 2 (9th Cir. 1993), did not cite Parents Involved in Community Schools v. "
      "Seattle School District No. 1, 551 U.S. 701 (2007).",
      {"t", 1, 1}, warnings);
  REQUIRE(shipped.size() == 3);
  CHECK(shipped[0].case_name == "Katz v. United States");
  CHECK(shipped[1].case_name == "Smith v. Jones");
  CHECK(shipped[2].case_name ==
        "Parents Involved in Community Schools v. Seattle School District No. 1");
}

TEST_CASE("a code's divisions before an unread section are the table's code divisions") {
  // No state code in this table: the section is unread, and the Id. after it points nowhere.
  const std::string text = "Foo v. Bar, 1 U.S. 1 (1990). Okla. Stat. tit. 21, § 1. Id. at 3.";
  Warnings without, with;
  reader_with("").find(text, {"t", 1, 1}, without);
  CHECK(warned(without, "follows \"21, § 1\""));
  reader_with("<code-division>tit.</code-division>").find(text, {"t", 1, 1}, with);
  CHECK(warned(with, "follows \"Okla. Stat. tit. 21, § 1\""));
}

TEST_CASE("a state code's date names a publisher of the table's code publishers") {
  const std::string text = "Fla. Stat. § 934.03 (Gould 2019).";
  const auto read = [&](const std::string& entries) {
    Warnings warnings;
    const auto found = reader_with("<state-code>Fla. Stat.</state-code>" + entries)
                           .find(text, {"t", 1, 1}, warnings);
    REQUIRE(found.size() == 1);
    return found[0].normalised;
  };
  CHECK(read("").find("Gould") == std::string::npos);  // the date unread: not the code's
  CHECK(read("<code-publisher>Gould</code-publisher>").ends_with("934.03 (Gould 2019)"));
}

TEST_CASE("an unknown element of the citation table names the ones expected") {
  try {
    cite::Table::read("citations.xml",
                      "<citations>\n  <reporter abbreviation=\"U.S.\"/>\n  <court-words/>\n"
                      "</citations>\n");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().line == 3);
    CHECK(e.message().find("<court-word>") != std::string::npos);
    CHECK(e.message().find("<code-division>") != std::string::npos);
    CHECK(e.message().find("<name-particle>") != std::string::npos);
  }
}

TEST_CASE("an empty or ill-formed word of the citation table is refused where it stands") {
  struct Case {
    const char* entry;
    const char* says;
  };
  for (const auto& [entry, says] : {
           Case{"<court-word></court-word>", "expected a word in <court-word>"},
           Case{"<court-word/>", "expected a word in <court-word>"},
           Case{"<code-division> tit.</code-division>", "expected a word in <code-division>"},
           Case{"<code-division>tit. ch.</code-division>", "one word in <code-division>"},
           Case{"<court-word>Court of Appeals</court-word>", "one word in <court-word>"},
           Case{"<name-particle>van der</name-particle>", "one word in <name-particle>"},
           Case{"<signal bluebook=\"yes\"/>", "expected a word in <signal>"},
           Case{"<signal bluebook=\"si\">Vid.</signal>", "bluebook=\"si\": expected yes or no"},
           Case{"<government></government>", "expected a word in <government>"},
       }) {
    CAPTURE(entry);
    try {
      cite::Table::read("citations.xml",
                        std::string("<citations>\n  <reporter abbreviation=\"U.S.\"/>"
                                    "\n    ") +
                            entry + "\n</citations>\n");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.where().str() == "citations.xml:3:5");
      CHECK(e.message().find(says) != std::string::npos);
    }
  }
}
