#include "rules/profile.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace fiscgen;

namespace {

const std::filesystem::path rules_dir =
    std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/rules";

std::filesystem::path write_profile(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "fiscgen-rules-test";
  std::filesystem::create_directories(dir);
  const auto file = dir / (name + ".xml");
  std::ofstream(file) << text;
  return file;
}

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

TEST_CASE("the letter profile numbers pages from the second") {
  const auto p = rules::load_named_profile(rules_dir, "letter-us");
  CHECK_FALSE(p.page_number.first_page);
  CHECK(p.style("body").line_height < 2 * p.style("body").size);
}

TEST_CASE("an unknown profile lists the known ones") {
  CHECK_THROWS_WITH_AS(rules::load_named_profile(rules_dir, "fisc-2099"),
                       doctest::Contains("known profiles: fisc-2010, letter-us"), Error);
}

TEST_CASE("a missing style is an error naming the profile and the style") {
  const auto p = rules::load_named_profile(rules_dir, "fisc-2010");
  CHECK_THROWS_WITH_AS(p.style("marginalia"),
                       doctest::Contains("fisc-2010 has no style \"marginalia\""), Error);
}

TEST_CASE("bad values are errors at their line and column") {
  const auto file = write_profile("bad", R"(<rules name="bad">
  <style name="body" size="12"/>
  <style name="heading" size="12"/>
  <style name="footnote" size="twelve"/>
</rules>)");
  try {
    rules::load_profile(file);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.where().line == 4);
    CHECK(e.where().column == 3);
    CHECK(e.message() == "size=\"twelve\": expected a length in points, 0 or more");
  }
  CHECK_THROWS_WITH_AS(
      rules::load_profile(write_profile("nobody", R"(<rules name="x"><margin/></rules>)")),
      doctest::Contains("unknown element <margin>"), Error);
  CHECK_THROWS_WITH_AS(rules::load_profile(write_profile(
                           "tight", R"(<rules name="x"><margins left="400" right="300"/>
  <style name="body"/><style name="heading"/><style name="footnote"/></rules>)")),
                       doctest::Contains("no room on the page"), Error);
  CHECK_THROWS_WITH_AS(rules::load_profile(write_profile("broken", "<rules name=\"x\">\n<style>")),
                       doctest::Contains("malformed rules profile"), Error);
}

TEST_CASE("a profile must be named as its file") {
  const auto file = write_profile("renamed", R"(<rules name="other"><style name="body"/>
  <style name="heading"/><style name="footnote"/></rules>)");
  CHECK_THROWS_WITH_AS(rules::load_named_profile(file.parent_path(), "renamed"),
                       doctest::Contains("named \"other\""), Error);
}
