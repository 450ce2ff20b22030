// The cite stage on document trees: <cite> read and printed the Bluebook way, Id. and short
// forms, authorities, signals, detection in plain text, and what cannot be read.
#include <doctest/doctest.h>

#include <filesystem>

#include "base/sources.hpp"
#include "cite/cite.hpp"
#include "shipped_reader.hpp"

using namespace fiscgen;

namespace {

using cite_tests::reader;

doc::Document tree(const std::string& body) {
  return cite_tests::document_of("<document>" + body + "</document>");
}

cite::Options short_forms() {
  cite::Options options;
  options.short_forms = true;
  return options;
}

// The paragraphs of the annotated tree, as --emit tree prints them.
std::string annotated(const std::string& body, const cite::Options& options, Warnings& warnings,
                      doc::Document* out = nullptr) {
  auto document = tree(body);
  cite::annotate(document, reader(), options, warnings);
  if (out) *out = document;
  return doc::to_xml(document);
}

const std::string nbsp = "\xC2\xA0";

}  // namespace

TEST_CASE("a <cite> is printed in its Bluebook form, its case name in italics, and keyed") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph>As held in <cite>Smith v Maryland, 442 US 735, 742 (1979)</cite>, and "
      "<cite>50 USC 1861(d)(1)</cite>.</paragraph>",
      {}, warnings, &document);
  CHECK(warnings.empty());
  CHECK(xml.find("As held in <cite authority=\"442 U.S. 735\"><em>Smith v. Maryland</em>, 442 "
                 "U.S. 735, 742 (1979)</cite>, and <cite authority=\"50 U.S.C. \xC2\xA7" +
                 nbsp + "1861\">50 U.S.C. \xC2\xA7" + nbsp + "1861(d)(1)</cite>.") !=
        std::string::npos);
  REQUIRE(document.authorities.size() == 2);
  const auto& smith = document.authorities[0];
  CHECK(smith.key == "442 U.S. 735");
  CHECK(smith.category == doc::AuthorityCategory::cases);
  CHECK(smith.sort_key == "Smith v. Maryland, 442 U.S. 735 (1979)");  // no pin cite
  REQUIRE(smith.entry.size() == 2);
  CHECK(smith.entry[0].kind == doc::InlineKind::emphasis);
  CHECK(doc::plain_text(smith.entry[0].children) == "Smith v. Maryland");
  CHECK(document.authorities[1].category == doc::AuthorityCategory::statutes);
  CHECK(doc::plain_text(document.authorities[1].entry) == "50 U.S.C. \xC2\xA7" + nbsp + "1861");
}

TEST_CASE("the Bluebook months, an en dash in pin ranges, and history words in italics") {
  Warnings warnings;
  const auto xml = annotated(
      "<paragraph><cite>Klayman v. Obama, 957 F.Supp.2d 1, 41-42 (D.D.C. December 16, 2013), "
      "vacated, 800 F.3d 559 (D.C. Cir. 2015)</cite></paragraph>",
      {}, warnings);
  CHECK(xml.find("<em>Klayman v. Obama</em>, 957 F. Supp. 2d 1, 41\xE2\x80\x93"
                 "42 (D.D.C. Dec. 16, 2013), <em>vacated</em>, 800 F.3d 559") != std::string::npos);
}

TEST_CASE("with short forms on: Id. for the authority just cited, a short form later") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph><cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>. "
      "<cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>. "
      "<cite>Smith v. Maryland, 442 U.S. 735, 745 (1979)</cite>. "
      "<cite>50 U.S.C. § 1861(d)(1)</cite>. <cite>50 U.S.C. § 1861(b)</cite>. "
      "<cite>Smith v. Maryland, 442 U.S. 735, 744 (1979)</cite>. "
      "<cite>United States v. Jones, 565 U.S. 400, 404 (2012)</cite>; "
      "<cite>Smith v. Maryland, 442 U.S. 735, 744 (1979)</cite>; "
      "<cite>United States v. Jones, 565 U.S. 400, 410 (2012)</cite>.</paragraph>",
      short_forms(), warnings, &document);
  CHECK(warnings.empty());
  // "Id." ends the sentence: the writer's period after the element is not printed again.
  CHECK(xml.find("<cite authority=\"442 U.S. 735\"><em>Id.</em></cite> ") != std::string::npos);
  CHECK(xml.find("<cite authority=\"442 U.S. 735\"><em>Id.</em> at 745</cite>. ") !=
        std::string::npos);
  CHECK(xml.find("<cite authority=\"50 U.S.C. \xC2\xA7" + nbsp + "1861\"><em>Id.</em> \xC2\xA7" +
                 nbsp + "1861(b)</cite>") != std::string::npos);
  CHECK(xml.find("<cite authority=\"442 U.S. 735\"><em>Smith</em>, 442 U.S. at 744</cite>. ") !=
        std::string::npos);
  // A government party gives way to the other; "; id." goes on with the sentence.
  CHECK(xml.find("<cite authority=\"565 U.S. 400\"><em>Jones</em>, 565 U.S. at 410</cite>") !=
        std::string::npos);
  CHECK(document.authorities.size() == 3);  // Smith, § 1861, Jones: each once
}

TEST_CASE("Id. goes on with a sentence after a signal, and the signal is italic") {
  Warnings warnings;
  const auto xml = annotated(
      "<paragraph><cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>. Because of it, "
      "<cite>see Smith v. Maryland, 442 U.S. 735, 743 (1979)</cite>.</paragraph>",
      short_forms(), warnings);
  CHECK(xml.find("Because of it, <em>see</em> <cite authority=\"442 U.S. 735\"><em>id.</em> at "
                 "743</cite>.") != std::string::npos);
}

TEST_CASE("a short form two cases fit is keyed to none, and no Id. is written past it") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph><cite>Okafor v. Lindahl, 1 U.S. 1, 3 (1790)</cite>. <cite>Brandt v. Iyer, 1 "
      "U.S. 2 (1790)</cite>. The page both may share: <cite>1 U.S., at 2</cite>. Again, "
      "<cite>Brandt v. Iyer, 1 U.S. 2, 4 (1790)</cite>.</paragraph>",
      short_forms(), warnings, &document);
  CHECK(xml.find("<cite>1 U.S. at 2</cite>") != std::string::npos);
  // Not "Id. at 4": an Id. after the short form would mean it, which means neither case.
  CHECK(xml.find("<cite authority=\"1 U.S. 2\"><em>Brandt</em>, 1 U.S. at 4</cite>") !=
        std::string::npos);
  CHECK(document.authorities.size() == 2);
  REQUIRE(warnings.list().size() == 1);
  CHECK(warnings.list()[0].message.find("\"1 U.S., at 2\" may mean Okafor v. Lindahl, 1 U.S. 1 "
                                        "or Brandt v. Iyer, 1 U.S. 2") != std::string::npos);
}

TEST_CASE("a signal written just before the <cite> is italic too") {
  Warnings warnings;
  const auto xml = annotated(
      "<paragraph><cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>; see also "
      "<cite>Smith v. Maryland, 442 U.S. 735, 743 (1979)</cite>.</paragraph>",
      short_forms(), warnings);
  CHECK(xml.find("(1979)</cite>; <em>see also</em> <cite authority=\"442 U.S. 735\"><em>id.</em> "
                 "at 743</cite>.") != std::string::npos);
}

TEST_CASE("short forms as written: nothing the author typed is replaced") {
  Warnings warnings;
  const auto xml = annotated(
      "<paragraph><cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>. "
      "<cite>Smith v. Maryland, 442 U.S. 735, 743 (1979)</cite>. <cite>Id. at 744</cite>."
      "</paragraph>",
      {}, warnings);
  CHECK(xml.find("<em>Smith v. Maryland</em>, 442 U.S. 735, 743 (1979)") != std::string::npos);
  CHECK(xml.find("<cite authority=\"442 U.S. 735\"><em>Id.</em> at 744</cite>") !=
        std::string::npos);
}

TEST_CASE("a footnote is read at its reference: a citation in it breaks the run of Id.") {
  Warnings warnings;
  const auto xml = annotated(
      "<paragraph><cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>.<fn>"
      "<cite>Kyllo v. United States, 533 U.S. 27, 34 (2001)</cite>; <cite>Kyllo v. United "
      "States, 533 U.S. 27, 34 (2001)</cite>.</fn> <cite>Smith v. Maryland, 442 U.S. 735, 744 "
      "(1979)</cite>.</paragraph>",
      short_forms(), warnings);
  CHECK(xml.find("<fn><cite authority=\"533 U.S. 27\"><em>Kyllo v. United States</em>, 533 U.S. "
                 "27, 34 (2001)</cite>; <cite authority=\"533 U.S. 27\"><em>id.</em></cite>") !=
        std::string::npos);
  CHECK(xml.find("<em>Smith</em>, 442 U.S. at 744") != std::string::npos);
}

TEST_CASE("several citations in one <cite> become one citation inline each") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph><cite>See, e.g., Smith v. Maryland, 442 U.S. 735 (1979); U.S. Const. amend. 4; "
      "Fed.R.Civ.P. 12(b)(6)</cite>.</paragraph>",
      {}, warnings, &document);
  CHECK(xml.find("<em>See, e.g.,</em> <cite authority=\"442 U.S. 735\"><em>Smith v. "
                 "Maryland</em>, 442 U.S. 735 (1979)</cite>; <cite authority=\"U.S. Const. amend. "
                 "IV\">U.S. Const. amend. IV</cite>; <cite authority=\"Fed. R. Civ. P. 12\">Fed. "
                 "R. Civ. P. 12(b)(6)</cite>.") != std::string::npos);
  REQUIRE(document.authorities.size() == 3);
  CHECK(document.authorities[1].category == doc::AuthorityCategory::constitutional_provisions);
  CHECK(document.authorities[2].category == doc::AuthorityCategory::rules);
}

TEST_CASE("case names can be underlined instead, signals and Id. with them") {
  Warnings warnings;
  auto options = short_forms();
  options.emphasis = doc::InlineKind::underline;
  const auto xml = annotated(
      "<paragraph><cite>Cf. Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>. "
      "<cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>.</paragraph>",
      options, warnings);
  CHECK(xml.find("<u>Cf.</u> <cite authority=\"442 U.S. 735\"><u>Smith v. Maryland</u>") !=
        std::string::npos);
  CHECK(xml.find("<cite authority=\"442 U.S. 735\"><u>Id.</u></cite>") != std::string::npos);
  CHECK(xml.find("<em>") == std::string::npos);
}

TEST_CASE("a <cite> that cannot be read is a warning at its place and printed as written") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph>Text <cite at=\"motion.xml:7:12\">the Act, passim</cite> and <cite "
      "at=\"motion.xml:8:3\">123 F.9th 45</cite>.</paragraph>",
      {}, warnings, &document);
  CHECK(xml.find("<cite>the Act, passim</cite>") != std::string::npos);
  CHECK(xml.find("<cite>123 F.9th 45</cite>") != std::string::npos);
  REQUIRE(warnings.list().size() == 2);
  CHECK(warnings.list()[0].where.str() == "motion.xml:7:12");
  CHECK(warnings.list()[0].message.find("printed as written") != std::string::npos);
  CHECK(warnings.list()[1].where.str() == "motion.xml:8:3");
  CHECK(warnings.list()[1].message.find("F.9th") != std::string::npos);
  CHECK(document.authorities.empty());
}

TEST_CASE("an Id. that points to nothing is a warning at its place") {
  Warnings warnings;
  const auto xml = annotated(
      "<paragraph>First, <cite at=\"motion.xml:3:9\">Id. at 5</cite>.</paragraph>", {}, warnings);
  REQUIRE(warnings.list().size() == 1);
  CHECK(warnings.list()[0].where.str() == "motion.xml:3:9");
  CHECK(warnings.list()[0].message.find("points to no earlier citation") != std::string::npos);
  CHECK(xml.find("<cite><em>Id.</em> at 5</cite>") != std::string::npos);  // no authority
}

TEST_CASE("with detection on, citations in plain text are read as <cite> is") {
  Warnings warnings;
  auto options = short_forms();
  options.detect = true;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph>The Court held in Smith v. Maryland, 442 US 735 (1979), that the numbers "
      "were not private. See Smith v. Maryland, 442 U.S. 735, 743 (1979).</paragraph>"
      "<caption><paragraph>No. 13-04, 442 U.S. 735</paragraph></caption>",
      options, warnings, &document);
  CHECK(xml.find("The Court held in <cite authority=\"442 U.S. 735\"><em>Smith v. "
                 "Maryland</em>, 442 U.S. 735 (1979)</cite>, that") != std::string::npos);
  CHECK(xml.find("<em>See</em> <cite authority=\"442 U.S. 735\"><em>id.</em> at 743</cite>.") !=
        std::string::npos);
  CHECK(xml.find("No. 13-04, 442 U.S. 735</paragraph>") != std::string::npos);  // caption
  CHECK(document.authorities.size() == 1);
  // Off by default: the same text stays plain.
  Warnings quiet;
  const auto plain =
      annotated("<paragraph>Smith v. Maryland, 442 US 735 (1979).</paragraph>", {}, quiet);
  CHECK(plain.find("<cite") == std::string::npos);
}

TEST_CASE("redacted text is never read, and a <cite> holding a note is kept as written") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph><redact><cite>Smith v. Maryland, 442 U.S. 735 (1979)</cite></redact> and "
      "<cite>50 U.S.C. 1861<fn>A note.</fn></cite>.</paragraph>",
      {}, warnings, &document);
  REQUIRE(document.authorities.size() == 1);
  CHECK(document.authorities[0].key == "50 U.S.C. \xC2\xA7" + nbsp + "1861");
  CHECK(xml.find("<cite authority=\"50 U.S.C. \xC2\xA7" + nbsp + "1861\">50 U.S.C. 1861<fn") !=
        std::string::npos);
}

TEST_CASE("odd <cite>s lose nothing: empty, nested, with a line break, in headings and lists") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<heading>Under <cite>50 USC 1861</cite></heading>"
      "<paragraph><cite></cite> a <cite><cite>442 US 735</cite></cite> b "
      "<cite>28 U.S.C.<br/>2201</cite> c <cite><em>Smith v. Maryland</em>, 442 U.S. 735, 740 "
      "(1979)</cite></paragraph>"
      "<list><item><paragraph><cite>U.S. Const. art. 3, sec. 2</cite></paragraph></item></list>",
      short_forms(), warnings, &document);
  CHECK(xml.find("<heading level=\"1\">Under <cite authority=\"50 U.S.C. \xC2\xA7" + nbsp +
                 "1861\">50 U.S.C. \xC2\xA7" + nbsp + "1861</cite></heading>") !=
        std::string::npos);
  CHECK(xml.find("<cite authority=\"442 U.S. 735\"><cite>442 US 735</cite></cite>") !=
        std::string::npos);                                           // kept as written, keyed
  CHECK(xml.find("28 U.S.C.<br/>2201</cite>") != std::string::npos);  // kept as written
  // The author's own <em> is replaced by the stage's: here a short form, as the nested <cite>
  // cited the case first.
  CHECK(xml.find("<cite authority=\"442 U.S. 735\"><em>Smith</em>, 442 U.S. at 740</cite>") !=
        std::string::npos);
  CHECK(xml.find("<cite/>a") != std::string::npos);  // an empty <cite>: a warning, kept
  CHECK(xml.find("U.S. Const. art. III") != std::string::npos);
  CHECK(document.authorities.size() == 4);
  REQUIRE(warnings.list().size() == 1);
  CHECK(warnings.list()[0].message.find("printed as written") != std::string::npos);
}

TEST_CASE("the reporter table is loaded once and shared") {
  DataPaths paths;
  paths.forms = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms";
  const auto file = cite::Table::file_in(paths);
  Sources sources(paths);
  const auto first = cite::shared_reader(file, sources.bytes(file));
  const auto second = cite::shared_reader(file, Sources(paths).bytes(file));
  CHECK(first.get() == second.get());
  // A table whose bytes changed (a --templates folder's, edited between documents) is read again.
  const auto edited = cite::shared_reader(file, sources.bytes(file) + "\n");
  CHECK(edited.get() != first.get());
  CHECK(!first->table().bluebook_signals.empty());
  CHECK(!first->table().governments.empty());
}

TEST_CASE(
    "a case named after a signal, and a court document by its title, are printed and listed") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph>So it held. <cite>See Ōtomo, 1 U.S. 2 (1790)</cite>. <cite>Mem. Op. at 4, "
      "Misc. No. 13-02 (FISA Ct. Sept. 13, 2013)</cite>. <cite>Op. &amp; Order, No. BR 14-01, 2014 "
      "WL 5442058, at *2 (FISA Ct. Mar. 7, 2014)</cite>.</paragraph>",
      {}, warnings, &document);
  CHECK(warnings.empty());
  CHECK(xml.find("<em>See</em> <cite authority=\"1 U.S. 2\"><em>Ōtomo</em>, 1 U.S. 2 "
                 "(1790)</cite>") != std::string::npos);
  REQUIRE(document.authorities.size() == 3);
  CHECK(document.authorities[0].sort_key == "Ōtomo, 1 U.S. 2 (1790)");
  // A court's document is listed by its title, docket or database number, court and date.
  CHECK(document.authorities[1].sort_key == "Mem. Op., Misc. No. 13-02 (FISA Ct. Sept. 13, 2013)");
  CHECK(document.authorities[2].sort_key ==
        "Op. & Order, No. BR 14-01, 2014 WL 5442058 (FISA Ct. Mar. 7, 2014)");
}

TEST_CASE("a Westlaw or Lexis citation is listed with its docket number (rule 10.8.1)") {
  Warnings warnings;
  doc::Document document;
  annotated(
      "<paragraph><cite>United States v. Mohamud, No. 3:10-CR-00475-KI-1, 2014 WL 2866749, at "
      "*18 (D. Or. June 24, 2014)</cite>. <cite>Al-Haramain Islamic Found., Inc. v. Bush, No. "
      "06-36083, 2016 U.S. App. LEXIS 17744, at *3 (9th Cir. Sept. 29, 2016)</cite>.</paragraph>",
      {}, warnings, &document);
  CHECK(warnings.empty());
  REQUIRE(document.authorities.size() == 2);
  CHECK(document.authorities[0].sort_key ==
        "United States v. Mohamud, No. 3:10-CR-00475-KI-1, 2014 WL 2866749 (D. Or. June 24, 2014)");
  CHECK(document.authorities[1].sort_key ==
        "Al-Haramain Islamic Found., Inc. v. Bush, No. 06-36083, 2016 U.S. App. LEXIS 17744 (9th "
        "Cir. Sept. 29, 2016)");
}

TEST_CASE("a blank-page case is listed once by its name, keyed by name and volume") {
  Warnings warnings;
  doc::Document document;
  annotated(
      "<paragraph><cite>Torres v. Madrid, 592 U.S. ___, 13 (2021)</cite>. <cite>Id. at "
      "6</cite>.</paragraph>",
      {}, warnings, &document);
  REQUIRE(document.authorities.size() == 1);
  CHECK(document.authorities[0].key == "Torres v. Madrid, 592 U.S. ___");
  CHECK(document.authorities[0].sort_key == "Torres v. Madrid, 592 U.S. ___ (2021)");
}

TEST_CASE("supra with no name is printed in italics, keyed to no authority and listed nowhere") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph>The history is set out above. <cite>See supra Part II.A</cite>. The Tax Court "
      "agreed. <cite>Crimi v. Commissioner, T.C. Memo. 2013-51, at *35</cite>.</paragraph>",
      {}, warnings, &document);
  CHECK(warnings.empty());
  CHECK(xml.find("<em>See</em> <cite><em>supra</em> Part II.A</cite>.") != std::string::npos);
  CHECK(xml.find("<cite authority=\"T.C. Memo. 2013-51\"><em>Crimi v. Commissioner</em>, T.C. "
                 "Memo. 2013-51, at *35</cite>") != std::string::npos);
  REQUIRE(document.authorities.size() == 1);
  CHECK(document.authorities[0].key == "T.C. Memo. 2013-51");
}

TEST_CASE("a <cite> with its signal outside it keeps a case name with no v.") {
  Warnings warnings;
  doc::Document document;
  const auto xml = annotated(
      "<paragraph>The panel disagreed; see <cite>van der Merwe, 18 F.4th 12 (2d Cir. "
      "2021)</cite>. The rule is older. <cite>Sealed Case, 551 F.3d 1047 (D.C. Cir. "
      "2008)</cite>.</paragraph>",
      {}, warnings, &document);
  CHECK(warnings.empty());
  CHECK(xml.find("<em>van der Merwe</em>, 18 F.4th 12") != std::string::npos);
  REQUIRE(document.authorities.size() == 2);
  CHECK(document.authorities[0].sort_key == "van der Merwe, 18 F.4th 12 (2d Cir. 2021)");
  CHECK(document.authorities[1].sort_key == "Sealed Case, 551 F.3d 1047 (D.C. Cir. 2008)");
}

TEST_CASE("a case cited by paragraph takes Id. ¶ and its short form keeps its citation") {
  Warnings warnings;
  const auto xml = annotated(
      "<paragraph><cite>State v. Tate, 2014 WI 89, ¶ 12</cite>. "
      "<cite>State v. Tate, 2014 WI 89, ¶ 14</cite>. "
      "<cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>. "
      "<cite>State v. Tate, 2014 WI 89, ¶ 20</cite>. "
      "<cite>Kowalski v. Tanaka, 601 U.S. ___, 5 (2024)</cite>. "
      "<cite>Smith v. Maryland, 442 U.S. 735, 742 (1979)</cite>. "
      "<cite>Kowalski v. Tanaka, 601 U.S. ___, 7 (2024)</cite>.</paragraph>",
      short_forms(), warnings);
  CHECK(warnings.empty());
  // Rule 3.3: a paragraph takes no "at".
  CHECK(xml.find("<em>Id.</em> ¶ 14</cite>") != std::string::npos);
  // Its short form would be "Tate, ¶ 20" (rule 10.9): written in full again, never wrong.
  // So is a case with no page yet, whose key holds its name.
  CHECK(xml.find("<em>Kowalski v. Tanaka</em>, 601 U.S. ___, 7 (2024)</cite>") !=
        std::string::npos);
  CHECK(xml.find("<em>State v. Tate</em>, 2014 WI 89, ¶ 20</cite>") != std::string::npos);
}
