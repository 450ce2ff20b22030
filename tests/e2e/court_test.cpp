// The right court and the rules in force on the filing's date: a document whose form, docket
// and rules profile name different courts is refused; the Court of Review has its own profile
// and forms; frap-32 holds a document to the version in force on its date, and batch re-renders
// exactly the documents an amendment applies to.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "tools.hpp"

namespace {

namespace fs = std::filesystem;
const fs::path source = FISCGEN_SOURCE_DATA_DIR;
const std::string motion = (source / "examples/motion.xml").string();

fs::path write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
  return file;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

/// Text without white space, so that a sentence reads the same however its lines broke.
std::string squeezed(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(\s+)"), "");
}

/// The label a viewer shows for each page of `pdf`, from qpdf's reading of /PageLabels: the
/// prefix, then the number in its style ("Cover", "ii", "1", "A-1").
std::vector<std::string> viewer_labels(const fs::path& pdf) {
  const auto run = e2e::run({"qpdf", "--json=2", "--json-key=pages", pdf.string()});
  REQUIRE(run.status == 0);
  const char* const romans[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"};
  std::vector<std::string> labels;
  const auto json = nlohmann::json::parse(run.out);  // kept: the loop reads inside it
  for (const auto& page : json.at("pages")) {
    const auto& label = page.at("label");
    std::string text = label.value("/P", "");
    if (text.rfind("u:", 0) == 0) text = text.substr(2);  // qpdf marks text strings so
    const int number = label.value("/St", 1);
    const std::string style = label.value("/S", "");
    if (style == "/r") text += number < 11 ? romans[number] : "?";
    if (style == "/D") text += std::to_string(number);
    labels.push_back(text);
  }
  return labels;
}

/// The sample motion as a motion to a court of appeals dated `date`.
std::string appeal_motion(const std::string& date) {
  auto text = e2e::read_file(motion);
  text = replace(text, "form=\"fisc/motion\"", "form=\"appeals/motion\"");
  text = replace(text, "rules=\"fisc-2010\"", "rules=\"frap-32\"");
  text = replace(text, "<docket>Misc. 13-04</docket>", "<docket>13-5127</docket>");
  return replace(text, "<date>2013-06-19</date>", "<date>" + date + "</date>");
}

}  // namespace

TEST_CASE("court: a FISC brief under frap-32 is refused, naming both courts where rules= is") {
  e2e::TempDir dir;
  auto text = e2e::read_file(source / "examples/brief.xml");
  text = replace(text, "rules=\"fisc-2010\"", "rules=\"frap-32\"");
  const auto input = write(dir / "brief.xml", text);
  const auto check = e2e::fiscgen({"check", input.string()});
  CHECK(check.status == 1);
  INFO(check.err);
  // Located at the root element, where rules="frap-32" is written.
  CHECK(
      std::regex_search(check.err, std::regex(R"(brief\.xml:9:\d+: form forms/fisc/brief\.xml)")));
  CHECK(check.err.find("UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT (court \"fisc\"") !=
        std::string::npos);
  CHECK(check.err.find("UNITED STATES COURT OF APPEALS (court \"usca\"") != std::string::npos);
  // render refuses it as check does, and writes nothing.
  const auto render = e2e::fiscgen({"render", input.string(), "-o", (dir / "b.pdf").string()});
  CHECK(render.status != 0);
  CHECK_FALSE(fs::exists(dir / "b.pdf"));

  // The shipped brief is a FISC brief: no court of appeals, no FRAP certificate.
  const auto pdf = dir / "fisc.pdf";
  const auto ok =
      e2e::fiscgen({"render", (source / "examples/brief.xml").string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(ok.status == 0, ok.err);
  const auto all = e2e::pdf_text(pdf);
  CHECK(all.find("UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT") != std::string::npos);
  CHECK(all.find("COURT OF APPEALS") == std::string::npos);
  CHECK(all.find("CERTIFICATE OF COMPLIANCE") == std::string::npos);
  CHECK(all.find("FRAP") == std::string::npos);
}

TEST_CASE("court: a docket in another court's style is refused at the <docket>") {
  const auto fiscr = e2e::fiscgen({"check", motion, "--set", "docket=No. 08-01"});
  CHECK(fiscr.status == 1);
  CHECK(fiscr.err.find("docket \"No. 08-01\" is not numbered as the UNITED STATES FOREIGN "
                       "INTELLIGENCE SURVEILLANCE COURT") != std::string::npos);
  const auto review = e2e::fiscgen({"check", motion, "--set", "docket=08-01"});
  CHECK(review.status == 1);
  INFO(review.err);
  CHECK(review.err.find("is numbered as the UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE "
                        "COURT OF REVIEW (court \"fiscr\"") != std::string::npos);
  CHECK(review.err.find("(its dockets read like \"Misc. 13-04\")") != std::string::npos);
  for (const char* docket : {"Misc. 13-04", "BR 13-109", "PR/TT 13-01"})
    CHECK_MESSAGE(
        e2e::fiscgen({"check", motion, "--set", std::string("docket=") + docket}).status == 0,
        docket);
}

TEST_CASE("court: dc-local is the District Court's, and the court check covers it") {
  // A FISC motion under the District Court's rules: refused, naming both courts.
  const auto fisc_form = e2e::fiscgen({"check", motion, "--set", "@rules=dc-local"});
  CHECK(fisc_form.status == 1);
  INFO(fisc_form.err);
  CHECK(fisc_form.err.find("form forms/fisc/motion.xml is a paper of the UNITED STATES FOREIGN "
                           "INTELLIGENCE SURVEILLANCE COURT (court \"fisc\"") != std::string::npos);
  CHECK(fisc_form.err.find("the rules of the UNITED STATES DISTRICT COURT (court \"dcd\", rules "
                           "profile dc-local)") != std::string::npos);
  // The District Court's motion with a FISC docket: refused at the <docket>, naming the FISC.
  const auto fisc_docket =
      e2e::fiscgen({"check", motion, "--set", "@rules=dc-local", "--set", "@form=dcd/motion"});
  CHECK(fisc_docket.status == 1);
  CHECK(fisc_docket.err.find("docket \"Misc. 13-04\" is numbered as the UNITED STATES FOREIGN "
                             "INTELLIGENCE SURVEILLANCE COURT (court \"fisc\"") !=
        std::string::npos);
  CHECK(fisc_docket.err.find("(its dockets read like \"1:13-cv-00881\")") != std::string::npos);
  // A civil action number under the FISC's rules names the District Court.
  const auto district_docket = e2e::fiscgen({"check", motion, "--set", "docket=13-420 (JEB)"});
  CHECK(district_docket.status == 1);
  CHECK(district_docket.err.find(
            "is numbered as the UNITED STATES DISTRICT COURT (court \"dcd\"") != std::string::npos);
  // The District Court's case numbers, as its papers write them.
  for (const char* docket :
       {"1:13-cv-00881", "1:19-cv-50-RJL", "22-cv-1143 (DLF)", "13-420 (JEB)"}) {
    const auto run = e2e::fiscgen({"check", motion, "--set", "@rules=dc-local", "--set",
                                   "@form=dcd/motion", "--set", std::string("docket=") + docket});
    CAPTURE(run.err);
    CHECK_MESSAGE(run.status == 0, docket);
  }
}

TEST_CASE("court: a D.D.C. caption says Civil Action No., from the profile, in any language") {
  e2e::TempDir dir;
  const auto pdf = dir / "dcd.pdf";
  const std::vector<std::string> dcd = {"--set", "@rules=dc-local", "--set", "@form=dcd/motion"};
  const auto render = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"render", motion, "-o", pdf.string()};
    args.insert(args.end(), dcd.begin(), dcd.end());
    args.insert(args.end(), extra.begin(), extra.end());
    const auto run = e2e::fiscgen(args);
    REQUIRE_MESSAGE(run.status == 0, run.err);
    return squeezed(e2e::pdf_text(pdf, 1));
  };
  // As the Court's opinions and filings print it: "Civil Action No. 13-420 (JEB)".
  auto caption = render({"--set", "docket=13-420 (JEB)"});
  CHECK(caption.find(squeezed("Civil Action No. 13-420 (JEB)")) != std::string::npos);
  CHECK(caption.find("DocketNo.") == std::string::npos);
  // The label is the court's own words: a German document keeps it.
  caption = render({"--set", "docket=1:13-cv-00881", "--locale", "de"});
  CHECK(caption.find(squeezed("Civil Action No. 1:13-cv-00881")) != std::string::npos);
  CHECK(caption.find("Aktenzeichen") == std::string::npos);
  // A number that says its case type gets the Court's label for it.
  caption = render({"--set", "docket=1:12-cr-00033-JEB"});
  CHECK(caption.find(squeezed("Criminal No. 1:12-cr-00033-JEB")) != std::string::npos);
  caption = render({"--set", "docket=1:19-mc-00032 (ABJ)"});
  CHECK(caption.find(squeezed("Misc. Action No. 1:19-mc-00032 (ABJ)")) != std::string::npos);
  // A complaint the Clerk has not numbered yet.
  caption = render({"--set", "docket=____"});
  CHECK(caption.find(squeezed("Civil Action No. ____")) != std::string::npos);
  // The FISC's caption keeps its own label: the label is the profile's, not the form's.
  const auto fisc = e2e::fiscgen({"render", motion, "-o", pdf.string()});
  REQUIRE_MESSAGE(fisc.status == 0, fisc.err);
  CHECK(squeezed(e2e::pdf_text(pdf, 1)).find("DocketNo.Misc.13-04") != std::string::npos);
  // `check` accepts what `render` does.
  CHECK(e2e::fiscgen({"check", motion, "--set", "@rules=dc-local", "--set", "@form=dcd/motion",
                      "--set", "docket=13-420 (JEB)"})
            .status == 0);
}

TEST_CASE(
    "fiscr: the sample brief has its cover, unnumbered, and a table of contents listing "
    "the table of authorities") {
  e2e::TempDir dir;
  const auto pdf = dir / "fiscr.pdf";
  const auto run =
      e2e::fiscgen({"render", (source / "examples/fiscr-brief.xml").string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(e2e::check_readers(pdf) == "");
  const auto cover = e2e::pdf_text(pdf, 1);
  // FRAP 32(a)(2)'s cover, the practice the fiscr profile borrows.
  for (const char* part :
       {"Docket No. 13-01", "UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT", "OF REVIEW",
        "IN RE DIRECTIVES TO CASCADE SOFTWARE CORPORATION",
        "On Petition for Review of an Order of the United States Foreign Intelligence",
        "Docket No. Misc. 13-04", "BRIEF FOR PETITIONER CASCADE SOFTWARE CORPORATION",
        "Margaret A. Lindqvist", "1200 Example Street, N.W.", "Tomasz Wiśniewski-Ñúñez",
        "Counsel for Petitioner Cascade Software Corporation"})
    CHECK_MESSAGE(cover.find(part) != std::string::npos, part);
  // The cover prints no page number; the next page prints ii.
  CHECK(std::regex_search(cover, std::regex(R"(\n\s*i\s*$)")) == false);
  const auto second = e2e::pdf_text(pdf, 2);
  CHECK(second.find("CORPORATE DISCLOSURE STATEMENT") != std::string::npos);
  CHECK(std::regex_search(second, std::regex(R"(\bii\s*$)")));
  // Viewers show what is printed: the cover a word, not "i"; then ii, iii, …; the body 1, 2, ….
  const auto labels = viewer_labels(pdf);
  REQUIRE(labels.size() >= 6);
  CHECK(labels[0] == "Cover");
  CHECK(labels[1] == "ii");
  CHECK(labels[2] == "iii");
  CHECK(std::find(labels.begin(), labels.end(), "1") != labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "i") == labels.end());

  // The table of contents lists the table of authorities at the page that prints it.
  int contents = 0, authorities = 0;
  for (int p = 1; p <= 6; ++p) {
    const auto text = e2e::pdf_text(pdf, p);
    if (text.find("TABLE OF CONTENTS") != std::string::npos) contents = p;
    if (text.find("TABLE OF AUTHORITIES") != std::string::npos) authorities = p;
  }
  REQUIRE(contents > 0);
  REQUIRE(authorities > contents);
  const char* const romans[] = {"", "i", "ii", "iii", "iv", "v", "vi"};
  const auto toc = e2e::pdf_text(pdf, contents);
  std::smatch listed;
  REQUIRE(std::regex_search(toc, listed, std::regex(R"(Table of Authorities[ .]*([ivx]+))")));
  CHECK(listed[1].str() == romans[authorities]);
  CHECK(std::regex_search(e2e::pdf_text(pdf, authorities),
                          std::regex(std::string("\\b") + romans[authorities] + "\\s*$")));

  // The fiscr profile requires no certificate of compliance, and the brief has none.
  const auto all = e2e::pdf_text(pdf);
  CHECK(all.find("CERTIFICATE OF COMPLIANCE") == std::string::npos);
  CHECK(all.find("CERTIFICATE OF SERVICE") != std::string::npos);
  const auto check = e2e::fiscgen({"check", (source / "examples/fiscr-brief.xml").string()});
  CHECK_MESSAGE(check.status == 0, check.err);
  CHECK(check.out.find("(fiscr: ") != std::string::npos);
}

TEST_CASE("a brief's cover is labelled by a word in the brief's language, never i") {
  e2e::TempDir dir;
  struct Case {
    std::string example, locale, cover;
  };
  for (const Case& c : {Case{"brief", "en_US", "Cover"}, Case{"fiscr-brief", "de", "Deckblatt"},
                        Case{"fiscr-brief", "fr", "Couverture"}}) {
    CAPTURE(c.example);
    CAPTURE(c.locale);
    const auto pdf = dir / (c.example + "-" + c.locale + ".pdf");
    const auto run = e2e::fiscgen({"render", (source / "examples" / (c.example + ".xml")).string(),
                                   "-o", pdf.string(), "--locale", c.locale});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const auto labels = viewer_labels(pdf);
    REQUIRE(labels.size() > 3);
    CHECK(labels[0] == c.cover);
    CHECK(labels[1] == "ii");
    // The page labelled ii prints ii.
    CHECK(std::regex_search(e2e::pdf_text(pdf, 2), std::regex(R"(\bii\s*$)")));
  }
  // A motion has no cover: its first page is 1, as printed.
  const auto motion_pdf = dir / "motion.pdf";
  REQUIRE(e2e::fiscgen({"render", motion, "-o", motion_pdf.string()}).status == 0);
  CHECK(viewer_labels(motion_pdf).front() == "1");
}

TEST_CASE("fiscr: petition for review and disclosure statement come from fiscgen new") {
  e2e::TempDir dir;
  for (const auto& [kind, form] : std::vector<std::pair<std::string, std::string>>{
           {"petition", "fiscr/petition-for-review"},
           {"disclosure", "fiscr/disclosure-statement"}}) {
    const auto input = dir / (kind + ".xml");
    const auto made = e2e::fiscgen({"new", kind, "--form", form, "-o", input.string()});
    REQUIRE_MESSAGE(made.status == 0, made.err);
    const auto text = e2e::read_file(input);
    CHECK(text.find("form=\"" + form + "\"") != std::string::npos);
    const auto forms = e2e::fiscgen({"forms", form});
    REQUIRE_MESSAGE(forms.status == 0, forms.err);
    CHECK(forms.out.find("matter") != std::string::npos);
  }
  // A petition for review, written out, renders under the Court of Review's name.
  const auto input = write(dir / "review.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<petition form="fiscr/petition-for-review" locale="en_US">
  <docket>13-02</docket>
  <matter>In re Production Order Directed to Cascade Software Corporation</matter>
  <below><court>United States Foreign Intelligence Surveillance Court</court>
    <decision>an Order Denying a Petition</decision><docket>BR 13-80</docket></below>
  <title>Petition for Review</title>
  <party>Cascade Software Corporation</party>
  <date>2013-08-01</date>
  <body><p>The petition review pool denied Cascade’s petition on July 25, 2013. Cascade asks
    this Court to review that decision. <cite>50 U.S.C. § 1861(f)(3)</cite>.</p></body>
  <signature><attorney><name>Margaret A. Lindqvist</name></attorney></signature>
  <service><recipient><name>Counsel for the United States</name></recipient></service>
</petition>
)");
  const auto pdf = dir / "review.pdf";
  const auto run = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto first = e2e::pdf_text(pdf, 1);
  CHECK(squeezed(first).find("UNITEDSTATESFOREIGNINTELLIGENCESURVEILLANCECOURTOFREVIEW") !=
        std::string::npos);
  CHECK(first.find("PETITION FOR REVIEW") != std::string::npos);
  CHECK(squeezed(first).find(squeezed("On Petition for Review of an Order Denying a Petition of "
                                      "the United States Foreign Intelligence Surveillance "
                                      "Court, Docket No. BR 13-80")) != std::string::npos);
}

TEST_CASE("rules by date: frap-32 before and after December 1, 2016") {
  e2e::TempDir dir;
  // The day before: 14,000 words, certified under 32(a)(7)(C).
  const auto before = write(dir / "before.xml", appeal_motion("2016-11-30"));
  const auto after = write(dir / "after.xml", appeal_motion("2016-12-01"));
  // The certificate names the rule on what is not counted as it stood on the document's date.
  for (const auto& [input, rule] : std::vector<std::pair<fs::path, std::string>>{
           {before, "FRAP 32(a)(7)(B)(iii)"}, {after, "FRAP 32(f)"}}) {
    const auto pdf = fs::path(input).replace_extension(".pdf");
    const auto run = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const auto text = squeezed(e2e::pdf_text(pdf));
    INFO(input);
    CHECK(text.find("CERTIFICATEOFCOMPLIANCE") != std::string::npos);
    CHECK(text.find(squeezed("exempted by " + rule)) != std::string::npos);
  }
  CHECK(squeezed(e2e::pdf_text(before.parent_path() / "before.pdf"))
            .find(squeezed("exempted by FRAP 32(f)")) == std::string::npos);

  // A motion of about 13,300 words: within the old limit, over the new one.
  std::string body = "<p>";
  for (int i = 0; i < 12300; ++i) body += i % 12 == 11 ? "word. " : "word ";
  body += "</p>";
  for (const auto& [date, limit] : std::vector<std::pair<std::string, std::string>>{
           {"2016-11-30", ""}, {"2016-12-01", "13,000"}}) {
    auto text = appeal_motion(date);
    const auto open = text.find("<body>") + 6;
    text.insert(open, "<section><heading>More</heading>" + body + "</section>");
    const auto input = write(dir / ("long-" + date + ".xml"), text);
    const auto check = e2e::fiscgen({"check", input.string()});
    INFO(date, check.err, check.out);
    if (limit.empty()) {
      CHECK(check.status == 0);
      CHECK(check.out.find("no problems found (frap-32: 13,") != std::string::npos);
    } else {
      CHECK(check.status == 1);
      CHECK(check.err.find("FRAP 32(a)(7)(B)(i) allows 13,000 for a principal brief") !=
            std::string::npos);
    }
  }

  // Before every version: a warning at the <date>, and the first version all the same.
  const auto old = write(dir / "old.xml", appeal_motion("1997-05-01"));
  const auto warned = e2e::fiscgen({"check", old.string()});
  CHECK(warned.status == 0);
  CHECK(warned.err.find("old.xml:") != std::string::npos);
  CHECK(warned.err.find("the document is dated 1997-05-01, before the first version of rules "
                        "frap-32 (effective 1998-12-01)") != std::string::npos);
}

TEST_CASE("rules history lists the versions with their dates and what changed") {
  const auto run = e2e::fiscgen({"rules", "history", "frap-32"});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.out.find("1998-12-01\tversion 1\tfirst version") == 0);
  CHECK(run.out.find("2016-12-01\tversion 2\tword limits 13,000") != std::string::npos);
  CHECK(run.out.find("  limit.words: 14000 \u2192 13000\n") != std::string::npos);
  CHECK(run.out.find("  limit reply.words: 7000 \u2192 6500\n") != std::string::npos);
  CHECK(run.out.find("  required certificate-of-compliance.rule: FRAP 32(a)(7)(C) \u2192 FRAP "
                     "32(g)(1)\n") != std::string::npos);
  const auto one = e2e::fiscgen({"rules", "history", "fisc-2010"});
  CHECK(one.out ==
        "2010-11-01\tversion 1\tfirst version: United States Foreign Intelligence "
        "Surveillance Court Rules of Procedure\n");
  CHECK(e2e::fiscgen({"rules", "history", "frap-99"}).status != 0);
}

TEST_CASE("batch: an amendment re-renders exactly the documents dated on or after it") {
  e2e::TempDir dir, firm;
  const fs::path in = dir / "in", out = dir / "out";
  write(in / "old.xml", appeal_motion("2013-06-19"));
  write(in / "new.xml", appeal_motion("2017-03-01"));
  // The firm's frap-32 as it stood before the 2016 amendments: the file without them.
  const auto profile = e2e::read_file(source / "forms/rules/frap-32.xml");
  const auto cut = profile.find("  <!-- The amendments effective December 1, 2016");
  REQUIRE(cut != std::string::npos);
  const auto firm_profile = firm / "forms/rules/frap-32.xml";
  write(firm_profile, profile.substr(0, cut) + "</rules>\n");
  const auto batch = [&](const std::string& report) {
    const auto run = e2e::fiscgen({"--templates", firm.path().string(), "batch", in.string(), "-o",
                                   out.string(), "--explain", "--report", (dir / report).string()});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    return e2e::read_report(dir / report);
  };
  auto report = batch("first.json");
  CHECK(report.at("old.xml").status == "rendered");
  CHECK(report.at("new.xml").status == "rendered");
  CHECK(squeezed(e2e::pdf_text(out / "new.pdf")).find("exemptedbyFRAP32(a)(7)(B)(iii)") !=
        std::string::npos);

  // The amendment is added: the 2017 document is set under it, the 2013 one is untouched.
  write(firm_profile, profile);
  report = batch("second.json");
  CHECK(report.at("old.xml").status == "up-to-date");
  CHECK(report.at("old.xml").reasons.empty());
  REQUIRE(report.at("new.xml").status == "rendered");
  REQUIRE(report.at("new.xml").reasons.size() == 1);
  const auto reason = report.at("new.xml").reasons[0];
  CHECK_MESSAGE(reason.find("rules frap-32: 2016-12-01 version now applies: ") == 0, reason);
  CHECK_MESSAGE(reason.find("limit.words: 14000 \u2192 13000") != std::string::npos, reason);
  CHECK_MESSAGE(reason.find("effective:") == std::string::npos, reason);
  CHECK(squeezed(e2e::pdf_text(out / "new.pdf")).find("exemptedbyFRAP32(f)") != std::string::npos);

  // Nothing changed since: nothing is rendered.
  report = batch("third.json");
  for (const auto& [name, document] : report) CHECK_MESSAGE(document.status == "up-to-date", name);
}
