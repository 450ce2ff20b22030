// The rules profile's <citations>: how citations are printed, read and compared.
#include <doctest/doctest.h>

#include <algorithm>

#include "profile_files.hpp"
#include "rules/profile.hpp"

using namespace fiscgen;

namespace {

const std::filesystem::path& profiles = rules_test::shipped_profiles;

rules::Profile citations_profile(const std::string& name, const std::string& citations) {
  return rules_test::load_text(name, "<rules name=\"" + name + "\">\n" + citations +
                                         "\n<style name=\"body\"/><style name=\"heading\"/>"
                                         "<style name=\"footnote\"/></rules>");
}

}  // namespace

TEST_CASE("fisc-2010 and frap-32 set case names in italics and write short forms") {
  for (const char* name : {"fisc-2010", "frap-32"}) {
    const auto p = rules::load_named_profile(profiles, name);
    CHECK(p.citations.case_name == "italic");
    CHECK(p.citations.short_forms == "auto");
    CHECK_FALSE(p.citations.detect);
  }
}

TEST_CASE("a profile without <citations> prints them as written, in italics, undetected") {
  const auto p = citations_profile("plain", "");
  CHECK(p.citations.case_name == "italic");
  CHECK(p.citations.short_forms == "as-written");
  CHECK_FALSE(p.citations.detect);
  const auto q = citations_profile(
      "underlined", R"(<citations case-name="underline" short-forms="auto" detect="yes"/>)");
  CHECK(q.citations.case_name == "underline");
  CHECK(q.citations.short_forms == "auto");
  CHECK(q.citations.detect);
  const auto lines = rules::differences(p, q);
  CHECK(std::count(lines.begin(), lines.end(), "citations.case-name: italic → underline") == 1);
  CHECK(std::count(lines.begin(), lines.end(), "citations.detect: no → yes") == 1);
}

TEST_CASE("a bad <citations> value is an error at its line") {
  try {
    citations_profile("bad", R"(<citations case-name="bold"/>)");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.where().line == 2);
    CHECK(e.message().find("expected one of italic, underline") != std::string::npos);
  }
}
