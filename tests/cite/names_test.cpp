// Case names abbreviated as Bluebook rule 10.2 says (forms/cite/case-names.xml): T6 words and
// T10 places in citation sentences and the table of authorities, rule 10.2.1(c)'s few words in
// textual sentences, and where each rule stops.
#include <doctest/doctest.h>

#include <filesystem>

#include "base/xml.hpp"
#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;
using cite::NamePlace;

namespace {

const cite::CaseNames& names() {
  static const auto file =
      std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/cite/case-names.xml";
  static const auto instance = cite::CaseNames::read(file, XmlFile::bytes_of(file, "test"));
  return instance;
}

std::string cited(std::string_view name) {
  return names().abbreviate(name, NamePlace::citation);
}
std::string textual(std::string_view name) {
  return names().abbreviate(name, NamePlace::textual);
}

}  // namespace

TEST_CASE("case names in citations take every T6 word, the first word of a party too") {
  CHECK(cited("Brown v. Board of Education") == "Brown v. Bd. of Educ.");
  CHECK(cited("Regents of University of California v. Bakke") ==
        "Regents of Univ. of Cal. v. Bakke");
  CHECK(cited("Smith v. Department of Justice") == "Smith v. Dep't of Just.");
  CHECK(cited("Department of Justice v. Reporters Committee for Freedom of the Press") ==
        "Dep't of Just. v. Reporters Comm. for Freedom of the Press");
  CHECK(cited("National Association of Manufacturers v. Taylor") ==
        "Nat'l Ass'n of Mfrs. v. Taylor");
  CHECK(cited("International Business Machines Corporation v. United States") ==
        "Int'l Bus. Machs. Corp. v. United States");
  CHECK(cited("Doe v. Mercy Hospital of Pittsburgh") == "Doe v. Mercy Hosp. of Pittsburgh");
  CHECK(cited("Feist Publications, Inc. v. Rural Telephone Service Company") ==
        "Feist Publ'ns, Inc. v. Rural Tel. Serv. Co.");
  CHECK(cited("Clapper v. Amnesty International USA") == "Clapper v. Amnesty Int'l USA");
  CHECK(cited("American Civil Liberties Union v. National Security Agency") ==
        "Am. Civil Liberties Union v. Nat'l Sec. Agency");
  CHECK(cited("Trustees of Dartmouth College v. Woodward") ==
        "Trs. of Dartmouth Coll. v. Woodward");
  CHECK(cited("Kelo v. City of New London") == "Kelo v. City of New London");
  CHECK(cited("Citizens United v. Federal Election Commission") ==
        "Citizens United v. Fed. Election Comm'n");
  CHECK(cited("In re Application of the Federal Bureau of Investigation") ==
        "In re Application of the Fed. Bureau of Investigation");
  CHECK(cited("United States ex rel. Smith v. Hospital Corporation of America") ==
        "United States ex rel. Smith v. Hosp. Corp. of Am.");
  CHECK(cited("Brown and Williamson Tobacco Corporation v. Food and Drug Administration") ==
        "Brown & Williamson Tobacco Corp. v. Food & Drug Admin.");
}

TEST_CASE("plurals T6 covers take an s, and a plural listed itself keeps its own form") {
  CHECK(cited("Smith v. Allied Hospitals") == "Smith v. Allied Hosps.");
  CHECK(cited("Doe v. Columbia Broadcasting Companies") == "Doe v. Columbia Broad. Cos.");
  CHECK(cited("Roe v. Associated Departments of Health") == "Roe v. Associated Dep'ts of Health");
  CHECK(cited("Alpha Associations v. Beta Governments") == "Alpha Ass'ns v. Beta Gov'ts");
  CHECK(cited("Acme Industries v. Zenith Laboratories") == "Acme Indus. v. Zenith Labs.");
  CHECK(cited("Kent Communities v. Orr Utilities") == "Kent Cmtys. v. Orr Utils.");
  CHECK(cited("Acme Securities v. Ross Systems") == "Acme Sec. v. Ross Sys.");
  CHECK(cited("Doe v. Allied Casualties") == "Doe v. Allied Cas.");
  CHECK(cited("Hope Brothers v. Lane Savings Bank") == "Hope Bros. v. Lane Sav. Bank");
}

TEST_CASE("a word that merely holds a T6 word, or is not English, is left alone") {
  CHECK(cited("Hospitality Partners v. Nationwide Mutual") ==
        "Hospitality Partners v. Nationwide Mut.");
  CHECK(cited("Departmental Store v. Governmental Unit") ==
        "Departmental Store v. Governmental Unit");
  CHECK(cited("Incorporators Group v. Companyia Ltd.") == "Incorporators Grp. v. Companyia Ltd.");
  CHECK(cited("Asociación Nacional de Abogados v. Universität Wien") ==
        "Asociación Nacional de Abogados v. Universität Wien");
  CHECK(cited("Société Nationale Industrielle Aérospatiale v. United States District Court") ==
        "Société Nationale Industrielle Aérospatiale v. U.S. Dist. Ct.");
  CHECK(cited("Müller Hospital v. Østergaard International") == "Müller Hosp. v. Østergaard Int'l");
  CHECK(cited("Zhōngguó National Bank v. Ōsaka University") ==
        "Zhōngguó Nat'l Bank v. Ōsaka Univ.");
  // Lower case is not the word of a name, and an abbreviation is not abbreviated again.
  CHECK(cited("Smith v. national hospital") == "Smith v. national hospital");
  CHECK(cited("Nat'l Ass'n of Mfrs. v. Dep't of Def.") == "Nat'l Ass'n of Mfrs. v. Dep't of Def.");
}

TEST_CASE("a party of one word is a surname, and a place that is a party's whole name stays") {
  CHECK(cited("West v. Atkins") == "West v. Atkins");
  CHECK(cited("Merchant v. Street") == "Merchant v. Street");
  CHECK(cited("Washington v. Glucksberg") == "Washington v. Glucksberg");
  CHECK(cited("New York Times Co. v. United States") == "N.Y. Times Co. v. United States");
  CHECK(cited("New York v. Ferber") == "New York v. Ferber");
  CHECK(cited("West Virginia State Board of Education v. Barnette") ==
        "W. Va. State Bd. of Educ. v. Barnette");
  CHECK(cited("West Virginia v. Environmental Protection Agency") ==
        "West Virginia v. Envtl. Prot. Agency");
  CHECK(cited("State of New York v. Smith") == "State of New York v. Smith");
  CHECK(cited("City of New York v. Permanent Mission of India") ==
        "City of New York v. Permanent Mission of India");
  CHECK(cited("United States of America v. Hospital Corporation of America") ==
        "United States of America v. Hosp. Corp. of Am.");
  CHECK(cited("People of the State of California v. Superior Court of California") ==
        "People of the State of California v. Superior Ct. of Cal.");
  CHECK(cited("Commonwealth of Pennsylvania v. Pennsylvania Hospital") ==
        "Commonwealth of Pennsylvania v. Pa. Hosp.");
  CHECK(cited("United States v. United States District Court") ==
        "United States v. U.S. Dist. Ct.");
  CHECK(cited("Pennsylvania Department of Corrections v. Yeskey") ==
        "Pa. Dep't of Corr. v. Yeskey");
}

TEST_CASE("names in textual sentences take only rule 10.2.1(c)'s words, never first") {
  CHECK(textual("Brown v. Board of Education") == "Brown v. Board of Education");
  CHECK(textual("Smith v. Department of Justice") == "Smith v. Department of Justice");
  CHECK(textual("New York Times Company v. United States") ==
        "New York Times Co. v. United States");
  CHECK(textual("National Association of Manufacturers v. Taylor") ==
        "National Ass'n of Manufacturers v. Taylor");
  CHECK(textual("Brown and Williamson Tobacco Corporation v. Food and Drug Administration") ==
        "Brown & Williamson Tobacco Corp. v. Food & Drug Administration");
  // The first word of a party stays, these words too.
  CHECK(textual("Association of Data Processing Service Organizations, Incorporated v. Camp") ==
        "Association of Data Processing Service Organizations, Inc. v. Camp");
  CHECK(textual("Company Doe v. Public Citizen") == "Company Doe v. Public Citizen");
  CHECK(textual("Acme Brothers Limited v. Number Nine Holdings") ==
        "Acme Bros. Ltd. v. Number Nine Holdings");
}

TEST_CASE("a case name's place: citation sentence or clause, or part of a textual sentence") {
  SUBCASE("through a document") {
    const std::string text =
        "<document><paragraph>In <cite>Brown v. Board of Education, 347 U.S. 483 (1954)</cite>, "
        "the Court spoke. <cite>See Brown v. Board of Education, 347 U.S. 483, 495 "
        "(1954)</cite>. The rule holds, <cite>Mapp v. Department of Justice, 367 U.S. 643 "
        "(1961)</cite>, and still does. <cite>Terry v. Department of Justice, 392 U.S. 1 "
        "(1968)</cite>. <cite>Katz v. Department of Justice, 389 U.S. 347 (1967)</cite>, held "
        "otherwise.</paragraph></document>";
    auto document = cite_tests::document_of(text);
    cite::Options options;
    options.abbreviate_names = cite::NameAbbreviation::citations;
    options.case_names = &names();
    Warnings warnings;
    cite::annotate(document, cite_tests::reader(), options, warnings);
    const auto printed = doc::plain_text(document.blocks.front().inlines);
    CHECK(printed.find("In Brown v. Board of Education, 347 U.S. 483 (1954), the") !=
          std::string::npos);
    CHECK(printed.find("See Brown v. Bd. of Educ., 347 U.S. 483, 495") != std::string::npos);
    CHECK(printed.find("holds, Mapp v. Dep't of Just., 367") != std::string::npos);
    CHECK(printed.find("Terry v. Dep't of Just., 392 U.S. 1 (1968).") != std::string::npos);
    CHECK(printed.find("Katz v. Department of Justice, 389 U.S. 347 (1967), held") !=
          std::string::npos);
    REQUIRE(document.authorities.size() == 4);
    CHECK(document.authorities[0].sort_key == "Brown v. Bd. of Educ., 347 U.S. 483 (1954)");
    CHECK(document.authorities[3].sort_key == "Katz v. Dep't of Just., 389 U.S. 347 (1967)");
  }
  SUBCASE("parentheticals, string cites, footnotes and short forms") {
    const std::string text =
        "<document><paragraph>The test is settled. <cite>Smith v. Maryland, 442 U.S. 735, 742 "
        "(1979) (quoting Katz v. Department of Justice, 389 U.S. 347, 351 (1967))</cite>. "
        "<cite>See Brown v. Board of Education, 347 U.S. 483, 495 (1954)</cite>; <cite>Mapp v. "
        "Ohio Department of Corrections, 367 U.S. 643, 655 (1961)</cite>.<fn>The Court later "
        "followed <cite>Brown v. Board of Education, 347 U.S. 483, 494 (1954)</cite> in "
        "spirit. <cite>Terry v. National Hospital Association, 392 U.S. 1, 9 "
        "(1968)</cite>.</fn> Later cases agree. <cite>Brown v. Board of Education, 347 U.S. "
        "483, 496 (1954)</cite>.</paragraph></document>";
    auto document = cite_tests::document_of(text);
    cite::Options options;
    options.short_forms = true;
    options.abbreviate_names = cite::NameAbbreviation::citations;
    options.case_names = &names();
    Warnings warnings;
    cite::annotate(document, cite_tests::reader(), options, warnings);
    const auto xml_out = doc::to_xml(document);
    INFO(xml_out);
    CHECK(xml_out.find("(quoting <cite authority=\"389 U.S. 347\"><em>Katz v. Dep't of "
                       "Just.</em>") != std::string::npos);
    CHECK(xml_out.find("<em>See</em> <cite authority=\"347 U.S. 483\"><em>Brown v. Bd. of "
                       "Educ.</em>") != std::string::npos);
    CHECK(xml_out.find("<em>Mapp v. Ohio Dep't of Corr.</em>") != std::string::npos);
    // In the footnote the sentence's own words lead to it: as written (a short form).
    CHECK(xml_out.find("followed <cite authority=\"347 U.S. 483\"><em>Brown</em>, 347 U.S. "
                       "at 494</cite> in spirit") != std::string::npos);
    CHECK(xml_out.find("<em>Terry v. Nat'l Hosp. Ass'n</em>, 392 U.S. 1, 9 (1968)") !=
          std::string::npos);
    CHECK(xml_out.find("agree. <cite authority=\"347 U.S. 483\"><em>Brown</em>, 347 U.S. at "
                       "496</cite>") != std::string::npos);
  }
  SUBCASE("authorities only: the text as written, the table abbreviated") {
    const std::string text =
        "<document><paragraph><cite>See Brown v. Board of Education, 347 U.S. 483 "
        "(1954)</cite>.</paragraph></document>";
    auto document = cite_tests::document_of(text);
    cite::Options options;
    options.abbreviate_names = cite::NameAbbreviation::authorities;
    options.case_names = &names();
    Warnings warnings;
    cite::annotate(document, cite_tests::reader(), options, warnings);
    CHECK(doc::plain_text(document.blocks.front().inlines) ==
          "See Brown v. Board of Education, 347 U.S. 483 (1954).");
    REQUIRE(document.authorities.size() == 1);
    CHECK(document.authorities[0].sort_key == "Brown v. Bd. of Educ., 347 U.S. 483 (1954)");
  }
}

TEST_CASE("the table of abbreviations refuses what it cannot read, at its place") {
  const auto refused = [](const std::string& body) {
    const std::string text = "<case-names version=\"1\">\n" + body + "\n</case-names>";
    try {
      (void)cite::CaseNames::read("names.xml", text);
    } catch (const Error& error) {
      return error.describe();
    }
    return std::string("read");
  };
  CHECK(refused("<word abbreviation=\"Hosp.\">Hospital</word>") == "read");
  CHECK(refused("<word>Hospital</word>").find("names.xml:2") != std::string::npos);
  CHECK(refused("<word abbreviation=\"Hosp.\">Hospital</word>\n"
                "<word abbreviation=\"Hsp.\">Hospital</word>")
            .find("listed twice") != std::string::npos);
  CHECK(refused("<word abbreviation=\"Hosp.\" plural=\"maybe\">Hospital</word>")
            .find("expected yes or no") != std::string::npos);
  CHECK(refused("<abbreviation>Hosp.</abbreviation>").find("expected <word>") != std::string::npos);
  CHECK(refused("<word abbreviation=\"Hosp.\" plurals=\"no\">Hospital</word>")
            .find("<word> takes no plurals= (expected abbreviation, textual, plural)") !=
        std::string::npos);
  CHECK(refused("<place abbreviation=\"N.Y.\" textual=\"yes\">New York</place>")
            .find("<place> takes no textual=") != std::string::npos);
  CHECK(refused("<government kind=\"state\">State of</government>")
            .find("takes no kind= (expected none)") != std::string::npos);
}
