// Case names abbreviated by Bluebook tables T6 and T10, end to end: a brief with a table of
// authorities rendered under frap-32 as shipped (abbreviate-names="citations") and under a
// firm's copy asking for the table only, or for nothing; the names read back with pdftotext.
#include <doctest/doctest.h>

#include <fstream>

#include "tools.hpp"

namespace fs = std::filesystem;

namespace {

const char* const brief = R"(<?xml version="1.0" encoding="UTF-8"?>
<brief form="appeals/brief" locale="en_US" rules="frap-32">
  <docket>13-5127</docket>
  <matter>In re Motion for Declaratory Judgment</matter>
  <below proceeding="appeal"><court>United States District Court for the District of
    Columbia</court><decision>a Judgment</decision></below>
  <party>Cascade Software Corporation</party>
  <title>Brief in Support of Motion</title>
  <movant>Cascade Software Corporation</movant>
  <date>2013-06-19</date>
  <body>
    <section><heading>Argument</heading>
      <p>In <cite>Brown v. Board of Education, 347 U.S. 483 (1954)</cite>, the Court overruled a
        line of cases. Courts weigh such questions with care. <cite>See National Association
        of Manufacturers v. Department of Defense, 583 U.S. 109, 111 (2018)</cite>. The press
        may publish what it lawfully holds, <cite>New York Times Company v. United States, 403
        U.S. 713, 714 (1971)</cite>, and the Government bears a heavy burden.
        <cite>Department of Justice v. Reporters Committee for Freedom of the Press, 489 U.S.
        749, 763 (1989)</cite>.</p>
    </section>
  </body>
  <signature><attorney><name>Margaret A. Lindqvist</name></attorney>
    <counsel-for>Cascade Software Corporation</counsel-for></signature>
  <service date="2013-06-19"><recipient><name>Chief, Litigation Security Group</name>
    <method>hand delivery</method></recipient></service>
</brief>
)";

// White space runs as one space, so names broken over lines are found whole.
std::string squeezed(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

struct Printed {
  std::string table, body;  // the table of authorities' page(s), and the argument's
};

// The brief rendered, under the shipped frap-32 when `setting` is empty, else under a firm's
// copy of it that says abbreviate-names="SETTING".
Printed render(const std::string& setting) {
  e2e::TempDir dir;
  std::ofstream(dir / "brief.xml") << brief;
  std::vector<std::string> args = {"render", (dir / "brief.xml").string(), "-o",
                                   (dir / "brief.pdf").string()};
  if (!setting.empty()) {
    auto profile = e2e::read_file(fs::path(FISCGEN_SOURCE_DATA_DIR) / "forms/rules/frap-32.xml");
    const std::string shipped = "abbreviate-names=\"citations\"";
    const auto at = profile.find(shipped);
    REQUIRE(at != std::string::npos);
    profile.replace(at, shipped.size(), "abbreviate-names=\"" + setting + "\"");
    fs::create_directories(dir / "firm/forms/rules");
    std::ofstream(dir / "firm/forms/rules/frap-32.xml") << profile;
    args.insert(args.begin(), {"--templates", (dir / "firm").string()});
  }
  const auto run = e2e::fiscgen(args);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const auto text = squeezed(e2e::pdf_text(dir / "brief.pdf"));
  const auto table = text.find("TABLE OF AUTHORITIES");
  const auto argument = text.find("In Brown");
  REQUIRE(table != std::string::npos);
  REQUIRE(argument != std::string::npos);
  REQUIRE(table < argument);
  return {text.substr(table, argument - table), text.substr(argument)};
}

}  // namespace

TEST_CASE("frap-32 abbreviates case names in citation sentences and its table, not in text") {
  const auto printed = render("");
  INFO(printed.table);
  CHECK(printed.table.find("Brown v. Bd. of Educ., 347 U.S. 483 (1954)") != std::string::npos);
  CHECK(printed.table.find("Dep't of Just. v. Reporters Comm. for Freedom of the Press, 489") !=
        std::string::npos);
  CHECK(printed.table.find("Nat'l Ass'n of Mfrs. v. Dep't of Def., 583 U.S. 109") !=
        std::string::npos);
  CHECK(printed.table.find("N.Y. Times Co. v. United States, 403 U.S. 713") != std::string::npos);
  CHECK(printed.table.find("Board of Education") == std::string::npos);
  INFO(printed.body);
  // A name the sentence's own words lead to is part of it: only "Co." of rule 10.2.1(c).
  CHECK(printed.body.find("In Brown v. Board of Education, 347 U.S. 483 (1954), the Court") !=
        std::string::npos);
  // After a signal, after a comma (a clause), and alone as a sentence: citations.
  CHECK(printed.body.find("See Nat'l Ass'n of Mfrs. v. Dep't of Def., 583 U.S. 109, 111") !=
        std::string::npos);
  CHECK(printed.body.find("holds, N.Y. Times Co. v. United States, 403 U.S. 713, 714") !=
        std::string::npos);
  CHECK(printed.body.find("burden. Dep't of Just. v. Reporters Comm. for Freedom") !=
        std::string::npos);
}

TEST_CASE("abbreviate-names=authorities abbreviates the table only, as-written nothing") {
  SUBCASE("authorities") {
    const auto printed = render("authorities");
    INFO(printed.table);
    CHECK(printed.table.find("Brown v. Bd. of Educ., 347 U.S. 483") != std::string::npos);
    CHECK(printed.table.find("N.Y. Times Co. v. United States") != std::string::npos);
    INFO(printed.body);
    CHECK(printed.body.find("See National Association of Manufacturers v. Department of "
                            "Defense, 583 U.S. 109") != std::string::npos);
    CHECK(printed.body.find("New York Times Company v. United States") != std::string::npos);
    CHECK(printed.body.find("Nat'l") == std::string::npos);
  }
  SUBCASE("as-written") {
    const auto printed = render("as-written");
    INFO(printed.table);
    CHECK(printed.table.find("Brown v. Board of Education, 347 U.S. 483") != std::string::npos);
    CHECK(printed.table.find("Department of Justice v. Reporters Committee") != std::string::npos);
    CHECK(printed.table.find("Bd. of Educ.") == std::string::npos);
    CHECK(printed.table.find("Dep't") == std::string::npos);
    INFO(printed.body);
    CHECK(printed.body.find("Dep't") == std::string::npos);
  }
}

TEST_CASE("a profile's abbreviate-names other than its three values is refused at its place") {
  e2e::TempDir dir;
  std::ofstream(dir / "brief.xml") << brief;
  auto profile = e2e::read_file(fs::path(FISCGEN_SOURCE_DATA_DIR) / "forms/rules/frap-32.xml");
  const std::string shipped = "abbreviate-names=\"citations\"";
  const auto at = profile.find(shipped);
  REQUIRE(at != std::string::npos);
  profile.replace(at, shipped.size(), "abbreviate-names=\"t6\"");
  fs::create_directories(dir / "firm/forms/rules");
  std::ofstream(dir / "firm/forms/rules/frap-32.xml") << profile;
  const auto run =
      e2e::fiscgen({"--templates", (dir / "firm").string(), "check", (dir / "brief.xml").string()});
  CHECK(run.status != 0);
  CHECK(run.err.find("frap-32.xml:") != std::string::npos);
  CHECK(run.err.find("t6") != std::string::npos);
  CHECK(run.err.find("citations") != std::string::npos);
}
