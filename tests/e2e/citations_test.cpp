// Citations in a motion's running text, end to end: read, printed the Bluebook way (normalised,
// case names in italics, Id. and short forms), keyed in the tree, and warned of when unreadable.
#include <doctest/doctest.h>

#include <fstream>

#include "tools.hpp"

namespace {

// Line 11 column 20 holds an Id. with nothing before it; line 12 column 18 a <cite> that cannot
// be read.
const char* const motion = R"(<?xml version="1.0" encoding="UTF-8"?>
<motion form="fisc/motion" locale="en_US" rules="fisc-2010">
  <docket>Misc. 13-04</docket>
  <matter>In re Motion for Declaratory Judgment</matter>
  <title>Motion for Declaratory Judgment</title>
  <movant>Cascade Software Corporation</movant>
  <date>2013-06-19</date>
  <body>
    <section>
      <heading>Argument</heading>
      <p>Dangling: <cite>Id. at 9</cite>.</p>
      <p>Unread: <cite>the Act, passim</cite>.</p>
      <p>The statute bars disclosure of an order, <cite>50 USC 1861(d)(1)</cite>, but not of a
        count. The Court may declare the parties' rights. <cite>28 U.S.C. 2201(a)</cite>. The
        Government's regulations agree, <cite>28 CFR 0.85</cite>, and the rules allow a motion.
        <cite>FISC R.P. 6(d)</cite>. Nothing in <cite>50 U.S.C. § 1861(d)(1)</cite> says
        otherwise; see also <cite>50 U.S.C. § 1861(f)</cite>.</p>
      <p>A person has no expectation of privacy in numbers he dials. <cite>See Smith v Maryland,
        442 US 735, 742 (1979)</cite>. The numbers were conveyed to the company.
        <cite>Smith v. Maryland, 442 U.S. 735, 744 (1979)</cite>.<fn>The Court has said as much
        of bank records. <cite>United States v. Miller, 425 U.S. 435, 443 (1976)</cite>.</fn>
        That reasoning has limits. <cite>Smith v. Maryland, 442 U.S. 735, 745 (1979)</cite>;
        <cite>Kerr, supra note 12, at 575</cite>. Later courts agreed in
        Klayman v. Obama, 957 F.Supp.2d 1 (D.D.C. December 16, 2013).</p>
    </section>
  </body>
  <signature><attorney><name>Margaret A. Lindqvist</name></attorney>
    <counsel-for>Cascade Software Corporation</counsel-for></signature>
  <service date="2013-06-19"><recipient><name>Chief, Litigation Security Group</name>
    <method>hand delivery</method></recipient></service>
</motion>
)";

std::filesystem::path write_motion(const e2e::TempDir& dir) {
  const auto input = dir / "motion.xml";
  std::ofstream(input) << motion;
  return input;
}

}  // namespace

TEST_CASE("a motion's citations print normalised, in order, with Id. and short forms") {
  e2e::TempDir dir;
  const auto input = write_motion(dir);
  const auto pdf = dir / "motion.pdf";
  const auto result = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(result.status == 0, result.err);
  const auto text = e2e::pdf_text(pdf, 1) + e2e::pdf_text(pdf, 2);
  const auto found = e2e::find_in_order(
      e2e::words("Dangling: Id. at 9. Unread: the Act, passim. 50 U.S.C. § 1861(d)(1), 28 U.S.C. § "
                 "2201(a). 28 C.F.R. § 0.85, FISC R.P. 6(d). "
                 "Nothing in 50 U.S.C. § 1861(d)(1) says otherwise; see also id. § 1861(f). "
                 "See Smith v. Maryland, 442 U.S. 735, 742 (1979). Id. at 744. "
                 "Smith, 442 U.S. at 745; Kerr, supra note 12, at 575. "
                 "Klayman v. Obama, 957 F.Supp.2d 1 (D.D.C. December 16, 2013)."),
      e2e::words(text));
  CHECK_MESSAGE(found.empty(), found);
  // The footnote's case, between the Id. and the short form, is cited in full.
  CHECK(text.find("United States v. Miller, 425 U.S. 435, 443 (1976)") != std::string::npos);
  // What the input wrote is not what is printed.
  CHECK(text.find("442 US 735") == std::string::npos);
  CHECK(text.find("50 USC") == std::string::npos);
  // Detection is off by default: plain text stays as written.
  CHECK(text.find("F.Supp.2d") != std::string::npos);

  bool italic = false;
  for (const auto& font : e2e::pdf_fonts(pdf))
    italic |= font.name.find("Italic") != std::string::npos && font.embedded;
  CHECK(italic);
  CHECK(e2e::check_readers(pdf).empty());
}

TEST_CASE("citations that cannot be read are warnings at their line:col, and still printed") {
  e2e::TempDir dir;
  const auto input = write_motion(dir);
  const auto pdf = dir / "motion.pdf";
  const auto result = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(result.status == 0, result.err);
  CHECK(result.err.find("motion.xml:12:18: this <cite> is no citation") != std::string::npos);
  CHECK(result.err.find("motion.xml:11:20: \"Id. at 9\" points to no earlier citation") !=
        std::string::npos);
  CHECK(result.err.find("passim") == std::string::npos);  // no document text in messages
  CHECK(e2e::pdf_text(pdf, 1).find("Unread: the Act, passim.") != std::string::npos);

  // check says the same, and still finds no problem that stops the filing.
  const auto checked = e2e::fiscgen({"check", input.string()});
  CHECK_MESSAGE(checked.status == 0, checked.err);
  CHECK(checked.err.find("motion.xml:12:18: this <cite> is no citation") != std::string::npos);
  CHECK(checked.err.find("motion.xml:11:20: \"Id. at 9\" points to no earlier citation") !=
        std::string::npos);
}

TEST_CASE("--emit tree shows each citation's authority and the list of authorities") {
  e2e::TempDir dir;
  const auto input = write_motion(dir);
  const auto result = e2e::fiscgen({"render", input.string(), "--emit", "tree"});
  REQUIRE_MESSAGE(result.status == 0, result.err);
  const auto& tree = result.out;
  CHECK(tree.find("<cite authority=\"442 U.S. 735\"><em>Smith v. Maryland</em>, 442 U.S. 735, "
                  "742 (1979)</cite>") != std::string::npos);
  CHECK(tree.find("<cite authority=\"442 U.S. 735\"><em>Id.</em> at 744</cite>") !=
        std::string::npos);
  CHECK(tree.find("<cite authority=\"442 U.S. 735\"><em>Smith</em>, 442 U.S. at 745</cite>") !=
        std::string::npos);
  CHECK(tree.find("<cite>the Act, passim</cite>") != std::string::npos);
  const auto list = tree.find("<authorities>");
  REQUIRE(list != std::string::npos);
  // In order of first citation, each once.
  const auto at = [&](const std::string& key) { return tree.find("key=\"" + key + "\"", list); };
  const std::string section = "\xC2\xA7\xC2\xA0";
  CHECK(at("50 U.S.C. " + section + "1861") < at("28 U.S.C. " + section + "2201"));
  CHECK(at("28 U.S.C. " + section + "2201") < at("28 C.F.R. " + section + "0.85"));
  CHECK(at("28 C.F.R. " + section + "0.85") < at("FISC R.P. 6"));
  CHECK(at("FISC R.P. 6") < at("442 U.S. 735"));
  CHECK(at("442 U.S. 735") < at("425 U.S. 435"));
  CHECK(at("425 U.S. 435") != std::string::npos);
  CHECK(tree.find("key=\"442 U.S. 735\"", at("442 U.S. 735") + 1) == std::string::npos);
  CHECK(tree.find("category=\"cases\" sort-key=\"Smith v. Maryland, 442 U.S. 735 (1979)\"><em>"
                  "Smith v. Maryland</em>, 442 U.S. 735 (1979)</authority>") != std::string::npos);
}

TEST_CASE("--detect-citations reads citations in plain text: a profile may print as written") {
  e2e::TempDir dir;
  const auto input = write_motion(dir);
  const auto pdf = dir / "motion.pdf";
  auto result = e2e::fiscgen({"render", input.string(), "-o", pdf.string(), "--detect-citations"});
  REQUIRE_MESSAGE(result.status == 0, result.err);
  const auto text = e2e::pdf_text(pdf);
  CHECK(text.find("F.Supp.2d") == std::string::npos);
  const auto detected =
      e2e::find_in_order(e2e::words("957 F. Supp. 2d 1 (D.D.C. Dec. 16, 2013)."), e2e::words(text));
  CHECK_MESSAGE(detected.empty(), detected);
  result = e2e::fiscgen({"render", input.string(), "--emit", "tree", "--detect-citations"});
  CHECK(result.out.find("<cite authority=\"957 F. Supp. 2d 1\">") != std::string::npos);

  // dc-local chooses no short forms: the repeated citation stays as the lawyer typed it.
  result = e2e::fiscgen({"render", input.string(), "-o", pdf.string(), "--set", "@rules=dc-local",
                         "--set", "@form=dcd/motion", "--set", "docket=1:13-cv-00881"});
  REQUIRE_MESSAGE(result.status == 0, result.err);
  const auto as_written = e2e::pdf_text(pdf);
  const auto repeated = e2e::find_in_order(
      e2e::words("conveyed to the company. Smith v. Maryland, 442 U.S. 735, 744 (1979)."),
      e2e::words(as_written));
  CHECK_MESSAGE(repeated.empty(), repeated);
  CHECK(as_written.find("Id. at 744") == std::string::npos);
}
