// The settings table drives the reader, `rules diff` and docs/rules.md: each row is checked
// against all three, so a row cannot be read from one name and shown under another.
#include "rules/settings.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "profile_files.hpp"

using namespace fiscgen;
using rules::Setting;
using rules::SettingType;

namespace {

// Explicit line heights, so that changing a size changes nothing else.
const std::string base_parts =
    "<style name=\"body\" line-height=\"14\"/><style name=\"heading\" line-height=\"14\"/>"
    "<style name=\"footnote\" line-height=\"14\"/>"
    "<limits><limit kind=\"reply\" words=\"100\"/></limits>"
    "<required part=\"signature\" what=\"a signature\"/>"
    "<numbering level=\"1\" style=\"decimal\"/>";

rules::Profile profile(const std::string& name, const std::string& root_attributes,
                       const std::string& parts) {
  return rules_test::load_text(
      name, "<rules name=\"" + name + "\"" + root_attributes + ">" + parts + "</rules>");
}

/// A valid value for `row` other than `current` (as rules::shown() prints it).
template <class Record>
std::string other_value(const Setting<Record>& row, const std::string& current) {
  double number = 0;
  try {
    number = std::stod(current);
  } catch (const std::exception&) {
    number = 0;  // "none", "never": the row's zero
  }
  switch (row.type) {
    case SettingType::text:
      return "changed";
    case SettingType::date:
      return "2001-02-03";
    case SettingType::words:
      // The table of authorities' headings are names of its categories; other words are words.
      return row.attribute == "headings" ? "statutes cases" : "alpha beta";
    case SettingType::yes_no:
      return current == "yes" ? "no" : "yes";
    case SettingType::count:
      return std::to_string(static_cast<int>(number) + 3);
    case SettingType::length:
    case SettingType::positive:
    case SettingType::number: {
      std::ostringstream text;
      text << number + 1.5;
      return text.str();
    }
    case SettingType::choice:
      for (const auto choice : rules::choices_of(row))
        if (choice != current) return std::string(choice);
  }
  FAIL("no other value for " << row.attribute);
  return {};
}

/// The one line `rules diff` prints when `row` alone changes from `before` to `after`.
template <class Record>
void check_one_line(const Setting<Record>& row, const std::string& key, const rules::Profile& a,
                    const rules::Profile& b) {
  const auto name = rules::setting_name(row.element, key, row.attribute);
  const auto lines = rules::differences(a, b);
  REQUIRE_MESSAGE(lines.size() == 1, name);
  CHECK_MESSAGE(lines[0].starts_with(name + ": "), lines[0]);
}

}  // namespace

TEST_CASE("every setting is read from the attribute its row names, and diffed under that name") {
  const auto base = profile("base", "", base_parts);
  for (const auto& row : rules::profile_settings()) {
    if (row.attribute == "name") continue;  // the profile's identity, not a setting to diff
    const auto value = other_value(row, rules::shown(row, base));
    const std::string attribute = " " + std::string(row.attribute) + "=\"" + value + "\"";
    const auto changed = row.element == "rules"
                             ? profile("changed", attribute, base_parts)
                             : profile("changed", "",
                                       "<" + std::string(row.element) + attribute +
                                           (row.element == "fonts" && row.attribute != "family"
                                                ? " family=\"Liberation Serif\""
                                                : "") +
                                           "/>" + base_parts);
    INFO(row.element << " " << row.attribute);
    check_one_line(row, "", base, changed);
  }

  const auto body = base.style("body");
  for (const auto& row : rules::style_settings()) {
    const auto value = other_value(row, rules::shown(row, body));
    // line-height's own row must not meet the base's line-height on the same element.
    const std::string spacing = row.attribute == "line-height" ? "" : "line-height=\"14\" ";
    const auto changed =
        profile("changed", "",
                "<style name=\"body\" " + spacing + std::string(row.attribute) + "=\"" + value +
                    "\"/>" + base_parts.substr(base_parts.find("<style name=\"heading\"")));
    check_one_line(row, "body", base, changed);
  }

  const std::string limits = "<limits><limit kind=\"reply\" words=\"100\"/></limits>";
  for (const auto& row : rules::limit_settings()) {
    const auto value = other_value(row, rules::shown(row, base.limits.at(0)));
    auto parts = base_parts;
    parts.replace(parts.find(limits), limits.size(),
                  std::string("<limits><limit kind=\"reply\" ") +
                      (row.attribute == "words" ? "" : "words=\"100\" ") +
                      std::string(row.attribute) + "=\"" + value + "\"/></limits>");
    check_one_line(row, "reply", base, profile("changed", "", parts));
  }

  const std::string required = "<required part=\"signature\" what=\"a signature\"/>";
  for (const auto& row : rules::requirement_settings()) {
    const auto value = other_value(row, rules::shown(row, base.required.at(0)));
    auto parts = base_parts;
    parts.replace(parts.find(required), required.size(),
                  std::string("<required part=\"signature\" ") +
                      (row.attribute == "what" ? "" : "what=\"a signature\" ") +
                      std::string(row.attribute) + "=\"" + value + "\"/>");
    check_one_line(row, "signature", base, profile("changed", "", parts));
  }

  for (const auto& row : rules::numbering_settings()) {
    const auto value = other_value(row, rules::shown(row, rules::Numbering{"decimal"}));
    auto parts = base_parts;
    parts.replace(parts.find("style=\"decimal\""), 15,
                  std::string(row.attribute) + "=\"" + value + "\"");
    check_one_line(row, "1", base, profile("changed", "", parts));
  }
}

TEST_CASE("rules diff names settings as the profile file spells them") {
  const auto base = profile("base", "", base_parts);
  const auto wider = profile("wider", "", "<margins left=\"90\"/>" + base_parts);
  CHECK(rules::differences(base, wider) == std::vector<std::string>{"margins.left: 72 \u2192 90"});
  const auto font = profile("font", "", "<fonts family=\"DejaVu Serif\"/>" + base_parts);
  CHECK(rules::differences(base, font) ==
        std::vector<std::string>{"fonts.family: Liberation Serif \u2192 DejaVu Serif"});
}

TEST_CASE("docs/rules.md holds the settings table the rows make") {
  std::ifstream in(std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "docs/rules.md");
  std::ostringstream text;
  text << in.rdbuf();
  const std::string docs = text.str();
  const std::string begin = "<!-- settings table: generated -->\n";
  const std::string end = "<!-- end of settings table -->\n";
  const auto from = docs.find(begin);
  const auto to = docs.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  const auto in_docs = docs.substr(from + begin.size(), to - from - begin.size());
  CHECK_MESSAGE(in_docs == rules::settings_table(),
                "docs/rules.md is out of date: run scripts/update-docs");
}
