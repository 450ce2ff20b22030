// Rules settings declared once. Each row is one attribute of a profile file: where the file
// puts it, the member it sets, its type and a line of documentation. The profile reader,
// `rules diff` and the settings table in docs/rules.md are all made from these rows, so a new
// setting is one row (and its member in profile.hpp), and none of the three can miss it.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rules/profile.hpp"

namespace fiscgen::rules {

/// How a setting's value is written in the file, and checked when it is read.
enum class SettingType {
  text,      // any text
  date,      // YYYY-MM-DD
  length,    // PDF points, 0 or more
  positive,  // PDF points, more than 0
  number,    // a weight in TeX's units, 0 or more
  count,     // a whole number, 0 or more
  yes_no,    // yes or no
  choice,    // one of the row's choices
  words,     // words separated by spaces
};

/// An enum member, reached through the index of its value's name in the row's choices.
template <class Record>
struct EnumMember {
  std::size_t (*get)(const Record&);
  void (*set)(Record&, std::size_t);
};

/// The member a row sets. The accessor's type says how the value is stored; the row's
/// SettingType says how it is written and checked.
template <class Record>
using Member =
    std::variant<std::string& (*)(Record&), double& (*)(Record&), int& (*)(Record&),
                 bool& (*)(Record&), std::vector<std::string>& (*)(Record&), EnumMember<Record>>;

constexpr std::size_t max_choices = 6;

/// The names a choice row allows, without the empty places.
template <class Row>
std::vector<std::string_view> choices_of(const Row& row) {
  std::vector<std::string_view> names;
  for (const auto name : row.choices)
    if (!name.empty()) names.push_back(name);
  return names;
}

/// One attribute of a profile file.
template <class Record>
struct Setting {
  std::string_view element;    // as the file spells it; "rules" is the root
  std::string_view attribute;  // as the file spells it
  SettingType type;
  Member<Record> member;
  std::string_view doc;  // one line for docs/rules.md, in Markdown
  // For SettingType::choice, in the enum's order; unused places stay empty. An array, not a
  // vector: GCC 12 crashes on a vector member's default in this template aggregate.
  std::array<std::string_view, max_choices> choices = {};
  std::string_view zero = {};  // what 0 or an empty value means ("none", "never"), if not itself
  bool required = false;       // an element written without this attribute is an error
  std::string_view computed_default = {};  // when the default depends on another setting
};

/// A heading level's numbering (<numbering level="N" style="…"/>), for the rows' sake.
struct Numbering {
  std::string style = "none";
};

/// Attributes of the root and of the elements a profile has at most once, in `rules diff` order.
const std::vector<Setting<Profile>>& profile_settings();
/// Attributes of the elements that repeat, each named by a key attribute: <style name="…">,
/// <limit kind="…"> (inside <limits>), <required part="…">, <numbering level="…">,
/// <docket-label match="…">.
const std::vector<Setting<Style>>& style_settings();
const std::vector<Setting<Limit>>& limit_settings();
const std::vector<Setting<Requirement>>& requirement_settings();
const std::vector<Setting<Numbering>>& numbering_settings();
const std::vector<Setting<DocketLabel>>& docket_label_settings();

/// How `rules diff` and docs/rules.md name a setting: "margins.left" as in <margins left="">,
/// the root's own attributes bare ("effective"), a repeated element's with its key:
/// "style body.size", "limit reply.words" (an empty key: "limit.words").
std::string setting_name(std::string_view element, std::string_view key,
                         std::string_view attribute);

/// A setting's value as `rules diff` prints it: numbers as %g, booleans as yes/no, words
/// joined by spaces, enums by name; 0 or empty as the row's `zero` when it has one.
template <class Record>
std::string shown(const Setting<Record>& setting, const Record& record);

/// The Markdown table of every setting (name, type, default, meaning) that docs/rules.md holds
/// between its "settings table" markers; `fiscgen rules --settings-table` prints it.
std::string settings_table();

}  // namespace fiscgen::rules
