#include "rules/profile.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "profile_files.hpp"

using namespace fiscgen;

namespace {

const std::filesystem::path& rules_dir = rules_test::shipped_profiles;

}  // namespace

TEST_CASE("the FISC profile: US Letter, 1-inch margins, 12-point double-spaced body") {
  const auto p = rules::load_named_profile(rules_dir, "fisc-2010");
  CHECK(p.court == "UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT");
  CHECK(p.court_place == "WASHINGTON, D.C.");
  CHECK(p.page_width == 612);
  CHECK(p.page_height == 792);
  CHECK(p.margin_left == 72);
  CHECK(p.margin_top == 72);
  CHECK(p.font_family == "Liberation Serif");
  const auto& body = p.style("body");
  CHECK(body.size == 12);
  CHECK(body.line_height == 2 * body.size);
  CHECK(body.align == doc::Align::justify);
  CHECK(p.style("heading").face == fonts::Face::bold);
  CHECK(p.style("heading").keep_with_next);
  CHECK(p.style("quote").line_height < body.line_height);
  CHECK(p.heading_numbering_for(1) == "upper-roman");
  CHECK(p.heading_numbering_for(2) == "upper-alpha");
  CHECK(p.heading_numbering_for(9) == "none");
  CHECK(p.page_number.position == "bottom-center");
}

TEST_CASE("the letter profiles number no page at the foot: the continuation heading does") {
  for (const char* name : {"letter-us", "letter-a4", "letter-din-5008", "letter-din-5008-a"}) {
    CAPTURE(name);
    const auto p = rules::load_named_profile(rules_dir, name);
    CHECK(p.page_number.position == "none");
    CHECK(p.style("body").line_height < 2 * p.style("body").size);
  }
}

TEST_CASE("an unknown profile lists the known ones") {
  CHECK_THROWS_WITH_AS(rules::load_named_profile(rules_dir, "fisc-2099"),
                       doctest::Contains("known profiles: dc-local, fisc-2010, fiscr, frap-32, "
                                         "letter-a4, letter-din-5008-a, letter-din-5008, "
                                         "letter-us"),
                       Error);
}

TEST_CASE("a missing style is an error naming the profile and the style") {
  const auto p = rules::load_named_profile(rules_dir, "fisc-2010");
  CHECK_THROWS_WITH_AS(p.style("marginalia"),
                       doctest::Contains("fisc-2010 has no style \"marginalia\""), Error);
}

TEST_CASE("bad values are errors at their line and column") {
  try {
    rules_test::load_text("bad", R"(<rules name="bad">
  <style name="body" size="12"/>
  <style name="heading" size="12"/>
  <style name="footnote" size="twelve"/>
</rules>)");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().line == 4);
    CHECK(e.where().column == 3);
    CHECK(e.message() == "size=\"twelve\": expected a length in points, 0 or more");
  }
  CHECK_THROWS_WITH_AS(rules_test::load_text("nobody", R"(<rules name="x"><margin/></rules>)"),
                       doctest::Contains("unknown element <margin>"), Error);
  CHECK_THROWS_WITH_AS(
      rules_test::load_text("tight", R"(<rules name="x"><margins left="400" right="300"/>
  <style name="body"/><style name="heading"/><style name="footnote"/></rules>)"),
      doctest::Contains("no room on the page"), Error);
  CHECK_THROWS_WITH_AS(rules_test::load_text("broken", "<rules name=\"x\">\n<style>"),
                       doctest::Contains("malformed rules profile"), Error);
}

TEST_CASE("a profile must be named as its file") {
  CHECK_THROWS_WITH_AS(rules_test::load_text("renamed", R"(<rules name="other"><style name="body"/>
  <style name="heading"/><style name="footnote"/></rules>)"),
                       doctest::Contains("named \"other\""), Error);
}

TEST_CASE("every shipped profile loads, and rules lists them by name") {
  const auto profiles = rules::list_profiles(rules_dir);
  std::vector<std::string> names;
  for (const auto& p : profiles) names.push_back(p.name);
  CHECK(names == std::vector<std::string>{"dc-local", "fisc-2010", "fiscr", "frap-32", "letter-a4",
                                          "letter-din-5008-a", "letter-din-5008", "letter-us"});
}

TEST_CASE("DIN 5008: Form A and Form B differ only in the letterhead zone's height") {
  constexpr double mm = 72 / 25.4;
  const auto a = rules::load_named_profile(rules_dir, "letter-din-5008-a");
  const auto b = rules::load_named_profile(rules_dir, "letter-din-5008");
  // The address field: 27 mm (A) or 45 mm (B) from the top; its postal zone 17.7 mm, written
  // upwards; the address from 44.7 or 62.7 mm; the information block at 32 or 50 mm.
  CHECK(a.postal_zone.top == doctest::Approx(27 * mm).epsilon(0.001));
  CHECK(b.postal_zone.top == doctest::Approx(45 * mm).epsilon(0.001));
  CHECK(a.address_field.top == doctest::Approx(44.7 * mm).epsilon(0.001));
  CHECK(b.address_field.top == doctest::Approx(62.7 * mm).epsilon(0.001));
  CHECK(a.info_block.top == doctest::Approx(32 * mm).epsilon(0.001));
  CHECK(b.info_block.top == doctest::Approx(50 * mm).epsilon(0.001));
  for (const auto* p : {&a, &b}) {
    CHECK(p->postal_zone.anchor == rules::Placement::Anchor::bottom);
    CHECK(p->postal_zone.height == doctest::Approx(17.7 * mm).epsilon(0.001));
    CHECK(p->postal_zone.top + p->postal_zone.height == doctest::Approx(p->address_field.top));
    CHECK(p->address_field.left == doctest::Approx(20 * mm).epsilon(0.001));
    CHECK(p->info_block.left == doctest::Approx(125 * mm).epsilon(0.001));
    // Five lines of the postal zone's small type fit its 17.7 mm.
    CHECK(5 * p->style("postal").line_height <= p->postal_zone.height);
  }
  // Besides title and version, only the letterhead zone's height moves things.
  std::string moved;
  for (const auto& line : rules::differences(b, a))
    if (line.rfind("title:", 0) != 0 && line.rfind("version:", 0) != 0)
      moved += line.substr(0, line.find(':')) + " ";
  CHECK(moved ==
        "margins.top postal-zone.top address-field.top info-block.top marks.first-fold "
        "marks.second-fold ");
  // Folded for a window envelope: Form A at 87 and 192 mm, Form B at 105 and 210 mm; both
  // punched at half the sheet's height.
  CHECK(a.marks.first_fold == doctest::Approx(87 * mm).epsilon(0.001));
  CHECK(a.marks.second_fold == doctest::Approx(192 * mm).epsilon(0.001));
  CHECK(b.marks.first_fold == doctest::Approx(105 * mm).epsilon(0.001));
  CHECK(b.marks.second_fold == doctest::Approx(210 * mm).epsilon(0.001));
  CHECK(a.marks.hole == doctest::Approx(148.5 * mm).epsilon(0.001));
  CHECK(b.marks.hole == doctest::Approx(b.page_height / 2).epsilon(0.001));
}

TEST_CASE(
    "a postal zone written from the side, or a docket label, is read or refused where it is") {
  try {
    rules_test::load_text("side", R"(<rules name="side"><style name="body"/><style name="heading"/>
  <style name="footnote"/><postal-zone left="56" top="127" width="240" from="left"/></rules>)");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().line == 2);
    CHECK(e.message().find("from=\"left\"") != std::string::npos);
    CHECK(e.message().find("top") != std::string::npos);
  }
  CHECK_THROWS_WITH_AS(
      rules_test::load_text("low", R"(<rules name="low"><style name="body"/><style name="heading"/>
  <style name="footnote"/><marks hole="900" length="14"/></rules>)"),
      doctest::Contains("hole=\"900\": below the paper's bottom edge (792 pt from its top)"),
      Error);
  const auto p = rules_test::load_text("label", R"(<rules name="label"><style name="body"/>
  <style name="heading"/><style name="footnote"/><court docket-label="Civil Action No."/></rules>)");
  CHECK(p.docket_label == "Civil Action No.");
  CHECK(rules::load_named_profile(rules_dir, "dc-local").docket_label == "Civil Action No.");
  CHECK(rules::load_named_profile(rules_dir, "fisc-2010").docket_label.empty());
  // Labels by the case type a number carries; the first pattern it holds wins.
  const auto dc = rules::load_named_profile(rules_dir, "dc-local");
  CHECK(dc.docket_label_for("13-420 (JEB)") == "Civil Action No.");
  CHECK(dc.docket_label_for("1:13-cv-00881") == "Civil Action No.");
  CHECK(dc.docket_label_for("1:12-cr-33-JEB") == "Criminal No.");
  CHECK(dc.docket_label_for("19-mc-32 (ABJ)") == "Misc. Action No.");
  CHECK_THROWS_WITH_AS(
      rules_test::load_text("twice",
                            R"(<rules name="twice"><style name="body"/><style name="heading"/>
  <style name="footnote"/><docket-label match="-cr-" label="Criminal No."/>
  <docket-label match="-cr-" label="Crim. No."/></rules>)"),
      doctest::Contains("match=\"-cr-\" is labelled twice"), Error);
  CHECK_THROWS_WITH_AS(rules_test::load_text(
                           "open", R"(<rules name="open"><style name="body"/><style name="heading"/>
  <style name="footnote"/><docket-label match="(cr" label="Criminal No."/></rules>)"),
                       doctest::Contains("match=\"(cr\": not a regular expression"), Error);
  CHECK_THROWS_WITH_AS(rules_test::load_text(
                           "bare", R"(<rules name="bare"><style name="body"/><style name="heading"/>
  <style name="footnote"/><docket-label match="-cr-"/></rules>)"),
                       doctest::Contains("label"), Error);
}

TEST_CASE("fisc-2010: no limit, a certificate of service and a signed name required") {
  const auto p = rules::load_named_profile(rules_dir, "fisc-2010");
  CHECK(p.limits.empty());
  CHECK(p.limit_for("motion") == nullptr);
  CHECK(p.minimum_type_size == 0);
  REQUIRE(p.required.size() == 2);
  CHECK(p.required[0].part == "certificate-of-service");
  CHECK(p.required[0].rule == "FISC Rule 8");
  CHECK(p.required[0].applies_to("motion"));
  CHECK_FALSE(p.required[0].applies_to("order"));
  CHECK(p.required[1].part == "signature/name");
  CHECK_FALSE(p.counted("certificate-of-service"));
  CHECK(p.counted(""));
}

TEST_CASE("frap-32: 14-point type, 13,000 words for a brief and 6,500 for a reply") {
  const auto p = rules::load_named_profile(rules_dir, "frap-32");
  CHECK(p.effective == "2016-12-01");
  CHECK(p.minimum_type_size == 14);
  CHECK(p.type_rule == "FRAP 32(a)(5)(A)");
  for (const auto& [name, style] : p.styles) {
    INFO("style " << name);
    CHECK(style.size >= 14);
  }
  CHECK(p.style("body").line_height == 2 * p.style("body").size);
  CHECK(p.style("quote").line_height < p.style("body").line_height);
  CHECK(p.margin_left == 72);
  REQUIRE(p.limit_for("motion") != nullptr);
  CHECK(p.limit_for("motion")->words == 13000);
  CHECK(p.limit_for("brief")->rule == "FRAP 32(a)(7)(B)(i)");
  CHECK(p.limit_for("reply")->words == 6500);
  CHECK_FALSE(p.counted("signature"));
  CHECK_FALSE(p.counted("signature/email"));  // inside the signature block
  CHECK_FALSE(p.counted("certificate-of-compliance"));
  CHECK(p.counted("proposed-order"));
  CHECK(p.tables.contents);
  CHECK(p.tables.authorities);
  CHECK(p.passim_after == 5);
  bool compliance = false;
  for (const auto& r : p.required) compliance |= r.part == "certificate-of-compliance";
  CHECK(compliance);
}

TEST_CASE("dc-local: page limits, and a proposed order with every motion") {
  const auto p = rules::load_named_profile(rules_dir, "dc-local");
  CHECK(p.court == "UNITED STATES DISTRICT COURT");
  CHECK(p.limit_for("motion")->pages == 45);
  CHECK(p.limit_for("motion")->words == 0);
  CHECK(p.limit_for("reply")->pages == 25);
  REQUIRE_FALSE(p.required.empty());
  CHECK(p.required[0].part == "proposed-order");
  CHECK(p.required[0].rule == "LCvR 7(c)");
}

TEST_CASE("breaking weights and tables are read, with TeX's defaults") {
  const auto p = rules_test::load_text("weights", R"(<rules name="weights">
  <breaking widow-lines="3" hyphen-penalty="100" tolerance="400"/>
  <tables contents="yes" over-pages="10"/>
  <style name="body"/><style name="heading"/><style name="footnote"/>
</rules>)");
  CHECK(p.widow_lines == 3);
  CHECK(p.orphan_lines == 2);
  CHECK(p.breaking.hyphen_penalty == 100);
  CHECK(p.breaking.tolerance == 400);
  CHECK(p.breaking.line_penalty == 10);
  CHECK(p.tables.contents);
  CHECK_FALSE(p.tables.authorities);
  CHECK(p.tables.over_pages == 10);
  CHECK(p.passim_after == 0);
}

namespace {

/// The Error a profile's text raises, with its line for the check.
Error error_of(const std::string& name, const std::string& text) {
  try {
    rules_test::load_text(name, text);
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected an error");
  return Error("none");
}

const char* styles = R"(<style name="body"/><style name="heading"/><style name="footnote"/>)";

}  // namespace

TEST_CASE("bad limits, parts and dates are errors at their element") {
  auto e = error_of("words", std::string("<rules name=\"x\">\n<limits>\n  <limit words=\"many\"/>\n"
                                         "</limits>") +
                                 styles + "</rules>");
  CHECK(e.where().line == 3);
  CHECK(e.message() == "words=\"many\": expected a length in points, 0 or more");

  e = error_of("half", std::string("<rules name=\"x\"><limits>\n<limit words=\"12.5\"/></limits>") +
                           styles + "</rules>");
  CHECK(e.where().line == 2);
  CHECK(e.message() == "words must be a whole number");

  e = error_of("nolimit",
               std::string("<rules name=\"x\"><limits>\n<limit kind=\"reply\"/></limits>") +
                   styles + "</rules>");
  CHECK(e.message() == "<limit> needs words=\"N\" or pages=\"N\", more than 0");

  e = error_of("twice", std::string("<rules name=\"x\"><limits><limit words=\"5\"/>\n"
                                    "<limit words=\"6\"/></limits>") +
                            styles + "</rules>");
  CHECK(e.where().line == 2);
  CHECK(e.message() == "two limits name no kind");

  e = error_of("part", std::string("<rules name=\"x\">\n\n<required part=\"Certificate\" what=\"a "
                                   "certificate\"/>") +
                           styles + "</rules>");
  CHECK(e.where().line == 3);
  CHECK(e.message().find("part=\"Certificate\": expected lower-case words") == 0);

  e = error_of("what", std::string("<rules name=\"x\"><required part=\"signature/email\"/>") +
                           styles + "</rules>");
  CHECK(e.message() == "<required> needs a what attribute");

  e = error_of("counted", std::string("<rules name=\"x\"><limits>\n<not-counted part=\"a//b\"/>"
                                      "</limits>") +
                              styles + "</rules>");
  CHECK(e.where().line == 2);

  e = error_of("inside",
               std::string("<rules name=\"x\"><limits>\n<page/></limits>") + styles + "</rules>");
  CHECK(e.message() == "unknown element <page> in <limits>; expected limit or not-counted");

  e = error_of("date",
               std::string("<rules name=\"x\" effective=\"1 Dec 2016\">") + styles + "</rules>");
  CHECK(e.where().line == 1);
  CHECK(e.message() == "effective=\"1 Dec 2016\": expected a date as YYYY-MM-DD");

  e = error_of(
      "size", std::string("<rules name=\"x\">\n<type minimum-size=\"-1\"/>") + styles + "</rules>");
  CHECK(e.where().line == 2);

  e = error_of("tables", std::string("<rules name=\"x\">\n<tables contents=\"maybe\"/>") + styles +
                             "</rules>");
  CHECK(e.message() == "contents=\"maybe\": expected one of yes, no");
}

TEST_CASE("rules diff: one line per differing setting, none for equal profiles") {
  const auto fisc = rules::load_named_profile(rules_dir, "fisc-2010");
  const auto frap = rules::load_named_profile(rules_dir, "frap-32");
  CHECK(rules::differences(fisc, fisc).empty());
  const auto lines = rules::differences(fisc, frap);
  const auto has = [&lines](const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  CHECK(has("style body.size: 12 \u2192 14"));
  CHECK(has("style body.line-height: 24 \u2192 28"));
  CHECK(has("style footnote.size: 12 \u2192 14"));
  CHECK(has("limit.words: none \u2192 13000"));
  CHECK(has("limit reply.words: none \u2192 6500"));
  CHECK(has("type.minimum-size: none \u2192 14"));
  CHECK(has("effective: 2010-11-01 \u2192 2016-12-01"));
  CHECK(has("required certificate-of-compliance.rule: none \u2192 FRAP 32(g)(1)"));
  CHECK(
      has("court.name: UNITED STATES FOREIGN INTELLIGENCE SURVEILLANCE COURT \u2192 UNITED "
          "STATES COURT OF APPEALS"));
  CHECK(has("tables.contents: no \u2192 yes"));
  CHECK_FALSE(has("margins.left: 72 \u2192 72"));
  for (const auto& line : lines) CHECK(line.find("margins.") == std::string::npos);

  auto wider = fisc;
  wider.margin_left = 90;
  CHECK(rules::differences(fisc, wider) == std::vector<std::string>{"margins.left: 72 \u2192 90"});
  CHECK(rules::differences(wider, fisc) == std::vector<std::string>{"margins.left: 90 \u2192 72"});
}
