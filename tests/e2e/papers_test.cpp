// The papers FISC practitioners file, each from its example in examples/, rendered and read back
// with pdftotext; and the caption's variants (stacked dockets, the ")" column, ORAL ARGUMENT
// REQUESTED, a docket left blank).
#include <doctest/doctest.h>

#include <cctype>

#include <fstream>
#include <regex>
#include <sstream>

#include "tools.hpp"

namespace {

namespace fs = std::filesystem;
const fs::path source = FISCGEN_SOURCE_DATA_DIR;
const fs::path examples = source / "examples";

fs::path write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
  return file;
}

std::string squeezed(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(\s+)"), "");
}

/// Renders examples/NAME.xml (with `extra` arguments) and returns its text.
std::string rendered(const e2e::TempDir& dir, const std::string& name,
                     std::vector<std::string> extra = {}) {
  const auto pdf = dir / (name + ".pdf");
  std::vector<std::string> args{"render", (examples / (name + ".xml")).string(), "-o",
                                pdf.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto run = e2e::fiscgen(args);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(e2e::check_readers(pdf) == "");
  return e2e::pdf_text(pdf);
}

}  // namespace

TEST_CASE("papers: every paper comes from fiscgen new, and its example checks clean") {
  e2e::TempDir dir;
  const std::vector<std::tuple<std::string, std::string, std::string>> papers{
      {"petition", "fisc/petition-production", "petition-production"},
      {"petition", "fisc/petition-directive", "petition-directive"},
      {"declaration", "fisc/declaration", "declaration"},
      {"motion", "fisc/motion-ex-parte", "motion-ex-parte"},
      {"motion", "fisc/motion-to-seal", "motion-to-seal"},
      {"notice", "fisc/notice-of-filing", "notice-of-filing"},
      {"notice", "fisc/notice-of-supplemental-authority", "notice-of-supplemental-authority"},
      {"motion", "fisc/motion-for-extension", "motion-for-extension"},
      {"request", "fisc/hearing-request", "hearing-request"},
      {"brief", "fisc/amicus-brief", "amicus-brief"},
      {"brief", "fiscr/brief", "fiscr-brief"}};
  for (const auto& [kind, form, example] : papers) {
    INFO(form);
    const auto input = dir / (example + "-new.xml");
    const auto made = e2e::fiscgen({"new", kind, "--form", form, "-o", input.string()});
    REQUIRE_MESSAGE(made.status == 0, made.err);
    CHECK(e2e::read_file(input).find("form=\"" + form + "\"") != std::string::npos);
    const auto fields = e2e::fiscgen({"forms", form});
    CHECK_MESSAGE(fields.status == 0, fields.err);
    CHECK(fields.out.find("matter") != std::string::npos);
    // Each field's name stands apart from "required"/"optional", however long it is
    // ("classification-authority/classified-by").
    std::istringstream lines(fields.out);
    for (std::string line; std::getline(lines, line);)
      if (line.find("required  ") != std::string::npos ||
          line.find("optional  ") != std::string::npos)
        CHECK_MESSAGE(std::regex_search(line, std::regex(R"(^  \S+ {2,}(required|optional)  )")),
                      line);
    // The title's example is a title of this kind of paper (a petition's is no "Notice of
    // Filing"), in `forms` and in what `new` writes.
    const auto title = fields.out.find("\n  title ");
    if (title != std::string::npos) {
      std::string kind_word = kind;
      kind_word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind_word[0])));
      const auto line = fields.out.substr(title + 1, fields.out.find('\n', title + 1) - title);
      CHECK_MESSAGE(line.find("(e.g. ") != std::string::npos, line);
      CHECK_MESSAGE(line.find(kind_word, line.find("(e.g. ")) != std::string::npos, line);
    }
    const auto check = e2e::fiscgen({"check", (examples / (example + ".xml")).string()});
    CHECK_MESSAGE(check.status == 0, check.err);
  }
  // The kinds with several forms still have one that `new KIND` takes.
  for (const char* kind : {"petition", "notice", "brief", "motion", "declaration", "request"})
    CHECK_MESSAGE(e2e::fiscgen({"new", kind}).status == 0, kind);
}

TEST_CASE("papers: petitions under § 1861(f) and § 1881a, with their caption variants") {
  e2e::TempDir dir;
  const auto production = rendered(dir, "petition-production");
  CHECK(squeezed(production)
            .find(squeezed(
                "Cascade Software Corporation respectfully petitions the Court under 50 U.S.C. "
                "§ 1861(f)(2) to modify or set aside the order requiring it to produce tangible "
                "things")) != std::string::npos);
  // An initiating filing: the docket left for the Clerk; oral argument requested.
  const auto first = e2e::pdf_text(dir / "petition-production.pdf", 1);
  CHECK(first.find("Docket No. ____") != std::string::npos);
  CHECK(first.find("ORAL ARGUMENT REQUESTED") != std::string::npos);

  const auto directive = rendered(dir, "petition-directive");
  CHECK(squeezed(directive).find(squeezed("under 50 U.S.C. § 1881a(h)(4) to modify or set aside "
                                          "the directive issued to it on April 2, 2013")) !=
        std::string::npos);
  // Two matters stacked in one caption, each with its docket, in order.
  const auto caption = squeezed(e2e::pdf_text(dir / "petition-directive.pdf", 1));
  const auto one = caption.find("INREDIRECTIVETOCASCADESOFTWARECORPORATION");
  const auto two = caption.find("INREMOTIONFORDECLARATORYJUDGMENT");
  CHECK(one != std::string::npos);
  CHECK(two != std::string::npos);
  CHECK(one < two);
  CHECK(caption.find("DocketNo.Misc.13-06") != std::string::npos);
  CHECK(caption.find("DocketNo.Misc.13-04") != std::string::npos);
  CHECK(caption.find("ORALARGUMENTREQUESTED") == std::string::npos);

  // Since January 19, 2018 (Pub. L. 115-118) the challenge is under § 1881a(i)(4): the date
  // chooses, on both sides of it.
  auto text = e2e::read_file(examples / "petition-directive.xml");
  const auto date = text.find("<date>2013-06-24</date>");
  REQUIRE(date != std::string::npos);
  for (const auto& [day, provision] : std::vector<std::pair<std::string, std::string>>{
           {"2018-01-18", "§ 1881a(h)(4)"}, {"2018-01-19", "§ 1881a(i)(4)"}}) {
    INFO(day);
    auto dated = text;
    dated.replace(date, std::string("<date>2013-06-24</date>").size(), "<date>" + day + "</date>");
    const auto input = write(dir / ("directive-" + day + ".xml"), dated);
    const auto pdf = dir / ("directive-" + day + ".pdf");
    const auto run = e2e::fiscgen({"render", input.string(), "-o", pdf.string()});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    CHECK(squeezed(e2e::pdf_text(pdf))
              .find(squeezed("under 50 U.S.C. " + provision + " to modify or set aside")) !=
          std::string::npos);
  }
}

TEST_CASE("captions: at most five consolidated matters, and the ')' column as a profile option") {
  e2e::TempDir dir;
  auto text = e2e::read_file(examples / "petition-directive.xml");
  const std::string more =
      "<consolidated><docket>Misc. 13-07</docket><matter>In re "
      "Another</matter></consolidated>\n";
  const auto at = text.find("  <title>");
  for (int i = 0; i < 4; ++i) text.insert(at, more);  // six matters
  const auto six = write(dir / "six.xml", text);
  const auto refused = e2e::fiscgen({"check", six.string()});
  CHECK(refused.status == 1);
  CHECK_MESSAGE(
      refused.err.find("at most 5 consolidated matters share a caption; this is the 6th") !=
          std::string::npos,
      refused.err);
  CHECK(std::regex_search(refused.err, std::regex(R"(six\.xml:\d+:\d+: at most 5)")));

  // A firm's fisc-2010 asking for the ")" column: a column of ")" as tall as the matter.
  const auto firm = dir / "firm";
  auto profile = e2e::read_file(source / "forms/rules/fisc-2010.xml");
  profile.replace(profile.find("<caption style=\"columns\"/>"), 26,
                  "<caption style=\"parenthesis\"/>");
  write(firm / "forms/rules/fisc-2010.xml", profile);
  const auto pdf = dir / "paren.pdf";
  const auto run = e2e::fiscgen({"--templates", firm.string(), "render",
                                 (examples / "motion.xml").string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto first = e2e::pdf_text(pdf, 1);
  const auto parens = std::count(first.begin(), first.end(), ')');
  CHECK(parens >= 3);
  // Initial capitals in this style, as the filers who used it wrote the matter.
  CHECK(squeezed(first).find("InreMotionforDeclaratoryJudgment") != std::string::npos);
  CHECK(first.find("Docket No. Misc. 13-04") != std::string::npos);
  // The default style has no ")" column.
  const auto plain = dir / "plain.pdf";
  REQUIRE(
      e2e::fiscgen({"render", (examples / "motion.xml").string(), "-o", plain.string()}).status ==
      0);
  const auto caption = e2e::pdf_text(plain, 1);
  CHECK(caption.find("IN RE MOTION FOR DECLARATORY JUDGMENT") != std::string::npos);
}

TEST_CASE("papers: a declaration under 28 U.S.C. § 1746 with its exhibit index and exhibit") {
  e2e::TempDir dir;
  const auto text = rendered(dir, "declaration");
  const auto flat = squeezed(text);
  CHECK(flat.find(squeezed("DECLARATION OF ANA LUCÍA PÉREZ")) != std::string::npos);
  CHECK(flat.find(squeezed("I, Ana Lucía Pérez, declare as follows:")) != std::string::npos);
  CHECK(flat.find(squeezed("1. I am the Director of Legal Compliance")) != std::string::npos);
  CHECK(flat.find(squeezed("4. On July 16, 2013")) != std::string::npos);
  CHECK(flat.find(squeezed("I declare under penalty of perjury that the foregoing is true and "
                           "correct.")) != std::string::npos);
  CHECK(flat.find(squeezed("Executed on June 19, 2013, at Seattle, Washington.")) !=
        std::string::npos);
  CHECK(flat.find(squeezed("INDEX OF EXHIBITS")) != std::string::npos);
  CHECK(flat.find(squeezed("EXHIBIT A Letter to the Attorney General of July 16, 2013")) !=
        std::string::npos);
  // The exhibit's own pages follow: the letter's words are in the file.
  CHECK(flat.find(squeezed("Publishing aggregate figures")) != std::string::npos);

  // Signed abroad: § 1746(1)'s words.
  auto input = e2e::read_file(examples / "declaration.xml");
  input.replace(input.find("<executed place=\"Seattle, Washington\"/>"), 39,
                "<executed place=\"Dublin, Ireland\" outside-us=\"yes\"/>");
  const auto abroad = write(dir / "abroad.xml", input);
  fs::create_directories(dir / "exhibits");
  fs::copy_file(examples / "exhibits/letter.pdf", dir / "exhibits/letter.pdf");
  const auto pdf = dir / "abroad.pdf";
  REQUIRE(e2e::fiscgen({"render", abroad.string(), "-o", pdf.string()}).status == 0);
  CHECK(squeezed(e2e::pdf_text(pdf))
            .find(squeezed(
                "under the laws of the United States of America that the foregoing is true and "
                "correct.")) != std::string::npos);
}

TEST_CASE("papers: ex parte and sealing motions, the Court's copy and the one served") {
  e2e::TempDir dir;
  for (const char* name : {"motion-ex-parte", "motion-to-seal"}) {
    INFO(name);
    const auto court = rendered(dir, name);
    const auto served_pdf = dir / (std::string(name) + "-served.pdf");
    const auto run = e2e::fiscgen({"render", (examples / (std::string(name) + ".xml")).string(),
                                   "--public", "-o", served_pdf.string()});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    const auto served = e2e::pdf_text(served_pdf);
    CHECK(court.find("SECRET") != std::string::npos);
    CHECK(served.find("SECRET") == std::string::npos);
    CHECK(served.find("[Redacted]") != std::string::npos);
    CHECK(served.find("Classified By") == std::string::npos);
    // The classified sentence is in the Court's copy only; the argument is in both.
    const std::string secret =
        std::string(name) == "motion-ex-parte" ? "which of Cascade" : "list of selectors";
    CHECK(squeezed(court).find(squeezed(secret)) != std::string::npos);
    CHECK(squeezed(served).find(squeezed(secret)) == std::string::npos);
    CHECK(squeezed(served).find("CERTIFICATEOFSERVICE") != std::string::npos);
  }
  CHECK(squeezed(e2e::pdf_text(dir / "motion-ex-parte-served.pdf"))
            .find(squeezed("does not depend on the figures")) != std::string::npos);
  CHECK(squeezed(e2e::pdf_text(dir / "motion-ex-parte.pdf"))
            .find(squeezed("respectfully moves for leave to file the Supplemental Declaration of "
                           "Ana Lucía Pérez ex parte and in camera")) != std::string::npos);
}

TEST_CASE("papers: notices, extension, hearing request") {
  e2e::TempDir dir;
  CHECK(squeezed(rendered(dir, "notice-of-filing"))
            .find(squeezed("PLEASE TAKE NOTICE that Cascade Software Corporation hereby files the "
                           "Declaration of Ana Lucía Pérez")) != std::string::npos);
  const auto supplemental = squeezed(rendered(dir, "notice-of-supplemental-authority"));
  CHECK(supplemental.find(squeezed("the following authority, which bears on its Motion for "
                                   "Declaratory Judgment:")) != std::string::npos);
  CHECK(supplemental.find(squeezed("930 F. Supp. 2d 1064")) != std::string::npos);
  CHECK(squeezed(rendered(dir, "motion-for-extension"))
            .find(squeezed("an extension of time to file its reply in support of its motion, "
                           "from July 1, 2013 to July 15, 2013. Counsel for the Government")) !=
        std::string::npos);
  CHECK(squeezed(rendered(dir, "hearing-request"))
            .find(squeezed("Under Rule 17 of the FISC Rules of Procedure, Cascade Software "
                           "Corporation respectfully requests a hearing on its Motion for "
                           "Declaratory Judgment")) != std::string::npos);
}

TEST_CASE("papers: the motion for leave attaches the amicus brief as its exhibit") {
  e2e::TempDir dir;
  const auto brief = rendered(dir, "amicus-brief");
  CHECK(brief.find("INTEREST OF AMICUS CURIAE") == std::string::npos);  // a heading, not caps
  CHECK(brief.find("Interest of Amicus Curiae") != std::string::npos);
  CHECK(brief.find("TABLE OF AUTHORITIES") != std::string::npos);
  // The brief just rendered is the exhibit: --exhibits names the folder it is in.
  fs::create_directories(dir / "exhibits");
  fs::copy_file(dir / "amicus-brief.pdf", dir / "exhibits/amicus-brief.pdf");
  const auto pdf = dir / "motion.pdf";
  const auto run = e2e::fiscgen({"render", (examples / "amicus-motion.xml").string(), "--exhibits",
                                 dir.path().string(), "-o", pdf.string()});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto motion = e2e::pdf_text(pdf);
  const auto slip = motion.find("EXHIBIT A");
  REQUIRE(slip != std::string::npos);
  CHECK(motion.find("BRIEF OF AMICUS CURIAE CENTER FOR OPEN COURTS", slip) != std::string::npos);
  CHECK(e2e::pdf_pages(pdf) > e2e::pdf_pages(dir / "amicus-brief.pdf"));
}
