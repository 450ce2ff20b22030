// A profile file's dated versions: the first, then <amendment>s holding what changed.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <tuple>
#include <vector>

#include "profile_files.hpp"
#include "rules/profile.hpp"
#include "rules/versions.hpp"

using namespace fiscgen;

namespace {

const std::filesystem::path& rules_dir = rules_test::shipped_profiles;

const rules::Requirement* requirement(const rules::Profile& p, const std::string& part) {
  for (const auto& r : p.required)
    if (r.part == part) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("frap-32 on either side of December 1, 2016") {
  const auto before = rules::load_named_profile(rules_dir, "frap-32", "2016-11-30");
  CHECK(before.effective == "1998-12-01");
  CHECK(before.version == "1");
  REQUIRE(before.limit_for("brief"));
  CHECK(before.limit_for("brief")->words == 14000);
  CHECK(before.limit_for("reply")->words == 7000);
  CHECK(before.not_counted_rule == "FRAP 32(a)(7)(B)(iii)");
  REQUIRE(requirement(before, "certificate-of-compliance"));
  CHECK(requirement(before, "certificate-of-compliance")->rule == "FRAP 32(a)(7)(C)");
  // What the amendment does not touch is the first version's.
  REQUIRE(requirement(before, "certificate-of-service"));
  CHECK(before.style("body").size == 14);

  const auto after = rules::load_named_profile(rules_dir, "frap-32", "2016-12-01");
  CHECK(after.effective == "2016-12-01");
  CHECK(after.version == "2");
  CHECK(after.first_effective == "1998-12-01");
  CHECK(after.limit_for("brief")->words == 13000);
  CHECK(after.limit_for("reply")->words == 6500);
  CHECK(after.not_counted_rule == "FRAP 32(f)");
  CHECK(requirement(after, "certificate-of-compliance")->rule == "FRAP 32(g)(1)");
  CHECK(requirement(after, "certificate-of-service"));
  CHECK(after.change_note.find("13,000") != std::string::npos);

  // No date: the latest; a date before every version: the first.
  CHECK(rules::load_named_profile(rules_dir, "frap-32").limit_for("brief")->words == 13000);
  const auto early = rules::load_named_profile(rules_dir, "frap-32", "1990-01-01");
  CHECK(early.limit_for("brief")->words == 14000);
  CHECK(early.as_of == "1990-01-01");

  const auto history = rules::profile_history(rules_dir / "frap-32.xml");
  REQUIRE(history.size() == 2);
  CHECK(history[0].effective == "1998-12-01");
  CHECK(history[1].effective == "2016-12-01");
  CHECK(history[1].profile.limit_for("brief")->words == 13000);
}

TEST_CASE("an amendment replaces an element by its identity, or adds it") {
  const std::string text = R"(<rules name="amended" effective="2001-01-01">
  <style name="body" size="12"/>
  <style name="heading" size="12"/>
  <style name="footnote" size="10"/>
  <amendment effective="2005-06-01" version="2" note="footnotes grow">
    <style name="footnote" size="12"/>
    <type minimum-size="12"/>
  </amendment>
</rules>)";
  const auto first = rules_test::load_text("amended", text, "2005-05-31");
  CHECK(first.style("footnote").size == 10);
  CHECK(first.minimum_type_size == 0);
  CHECK(first.style("body").size == 12);
  const auto second = rules_test::load_text("amended", text, "2005-06-01");
  CHECK(second.style("footnote").size == 12);
  CHECK(second.minimum_type_size == 12);
  CHECK(second.style("heading").size == 12);
  CHECK(second.styles.size() == 3);
  // Batch keys hash the version in force: one text per version, comments and others left out.
  const std::filesystem::path file = "amended.xml";
  const auto v1 = rules::resolved_profile_text(file, text, "2005-05-31");
  const auto v1_again = rules::resolved_profile_text(file, text, "2003-01-01");
  const auto v2 = rules::resolved_profile_text(file, text, "2010-01-01");
  CHECK(v1 == v1_again);
  CHECK(v1 != v2);
  CHECK(v1.find("amendment") == std::string::npos);
  CHECK(v2.find("amendment") == std::string::npos);
}

TEST_CASE("amendments out of order, undated or nested are errors at their element") {
  const std::string out_of_order = R"(<rules name="order" effective="2001-01-01">
  <style name="body"/><style name="heading"/><style name="footnote"/>
  <amendment effective="2005-06-01"/>
  <amendment effective="2004-01-01"/>
</rules>)";
  try {
    rules_test::load_text("order", out_of_order);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().line == 4);
    CHECK(e.message().find("amendment effective 2004-01-01 is not after the version before it "
                           "(2005-06-01)") == 0);
  }
  CHECK_THROWS_WITH_AS(
      rules_test::load_text("undated", R"(<rules name="undated" effective="2001-01-01">
  <style name="body"/><style name="heading"/><style name="footnote"/>
  <amendment/>
</rules>)"),
      doctest::Contains("<amendment> needs effective=\"YYYY-MM-DD\""), Error);
  CHECK_THROWS_WITH_AS(rules_test::load_text("nodate", R"(<rules name="nodate">
  <style name="body"/><style name="heading"/><style name="footnote"/>
  <amendment effective="2004-01-01"/>
</rules>)"),
                       doctest::Contains("needs effective=\"YYYY-MM-DD\" on <rules>"), Error);
  CHECK_THROWS_WITH_AS(
      rules_test::load_text("nested", R"(<rules name="nested" effective="2001-01-01">
  <style name="body"/><style name="heading"/><style name="footnote"/>
  <amendment effective="2004-01-01"><amendment effective="2005-01-01"/></amendment>
</rules>)"),
      doctest::Contains("cannot hold another"), Error);
}

TEST_CASE("a date in a profile is YYYY-MM-DD with a real month and day") {
  for (const char* good : {"2016-12-01", "1978-10-25", "2024-02-29", "2026-01-31"})
    CHECK_MESSAGE(rules::detail::iso_date(good), good);
  for (const char* bad :
       {"", "2016-12-1", "2016-13-01", "2016-00-10", "2016-12-00", "2016-12-32", "2016/12/01",
        "2016-12-01 ", " 2016-12-01", "20a6-12-01", "2016-1a-01", "２０１６-12-01", "2016-12-011"})
    CHECK_MESSAGE(!rules::detail::iso_date(bad), bad);
}

TEST_CASE("a profile read again from the same bytes is the version in force on each date") {
  // load_named_profile keeps what it read per thread: each date still gets its own version,
  // the date it was asked for, and a file whose bytes changed is read again.
  const std::string text = R"(<rules name="kept" effective="2001-01-01" version="1">
  <style name="body" size="12"/><style name="heading" size="12"/><style name="footnote" size="10"/>
  <amendment effective="2005-06-01" version="2" note="footnotes grow">
    <style name="footnote" size="11"/>
  </amendment>
  <amendment effective="2010-01-01" version="3" note="and again">
    <style name="footnote" size="12"/>
  </amendment>
</rules>)";
  for (int round = 0; round < 2; ++round)
    for (const auto& [as_of, size, version] :
         std::vector<std::tuple<std::string, double, std::string>>{{"2003-01-01", 10, "1"},
                                                                   {"2005-06-01", 11, "2"},
                                                                   {"2009-12-31", 11, "2"},
                                                                   {"", 12, "3"},
                                                                   {"2001-01-01", 10, "1"},
                                                                   {"2024-07-16", 12, "3"}}) {
      CAPTURE(as_of);
      const auto profile = rules_test::load_text("kept", text, as_of);
      CHECK(profile.style("footnote").size == size);
      CHECK(profile.version == version);
      CHECK(profile.as_of == as_of);
      CHECK(profile.first_effective == "2001-01-01");
    }
  std::string changed = text;
  changed.replace(changed.find("size=\"12\"/>\n  </amendment>\n</rules>"), 9, "size=\"14\"");
  CHECK(rules_test::load_text("kept", changed, "2024-07-16").style("footnote").size == 14);
  CHECK(rules_test::load_text("kept", text, "2024-07-16").style("footnote").size == 12);
  // A file that fails is read, and refused, every time.
  std::string broken = text;
  broken.replace(broken.find("2010-01-01"), 10, "2004-01-01");
  for (int round = 0; round < 2; ++round)
    CHECK_THROWS_WITH_AS(rules_test::load_text("kept", broken, "2024-07-16"),
                         doctest::Contains("is not after the version before it"), Error);
}
