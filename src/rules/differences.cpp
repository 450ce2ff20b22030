// `fiscgen rules diff` and batch's --explain: two profiles compared setting by setting.
#include <utility>

#include "rules/profile.hpp"
#include "rules/settings.hpp"

namespace fiscgen::rules {
namespace {

using Settings = std::vector<std::pair<std::string, std::string>>;

template <class Record>
void add(Settings& s, const std::vector<Setting<Record>>& rows, const Record& record,
         const std::string& key) {
  for (const auto& row : rows)
    s.emplace_back(setting_name(row.element, key, row.attribute), shown(row, record));
}

/// Every setting of a profile as (name, value), named as the profile file spells it. A setting
/// one profile lacks (a style, a limit) shows as "none" in the diff.
Settings settings_of(const Profile& p) {
  Settings s;
  for (const auto& row : profile_settings())
    // Two profiles always differ by name: the diff is about what they set.
    if (!(row.element == "rules" && row.attribute == "name"))
      s.emplace_back(setting_name(row.element, "", row.attribute), shown(row, p));
  for (const auto& [level, style] : p.heading_numbering)
    add(s, numbering_settings(), Numbering{style}, std::to_string(level));
  for (const auto& [name, style] : p.styles) add(s, style_settings(), style, name);
  for (const auto& limit : p.limits) add(s, limit_settings(), limit, limit.kind);
  std::string not_counted;
  for (const auto& part : p.not_counted) not_counted += (not_counted.empty() ? "" : ", ") + part;
  s.emplace_back("not-counted", not_counted);
  for (const auto& requirement : p.required)
    add(s, requirement_settings(), requirement, requirement.part);
  for (const auto& label : p.docket_labels) add(s, docket_label_settings(), label, label.match);
  return s;
}

const std::string* find(const Settings& settings, const std::string& name) {
  for (const auto& [key, value] : settings)
    if (key == name) return &value;
  return nullptr;
}

}  // namespace

std::vector<std::string> differences(const Profile& from, const Profile& to) {
  const Settings a = settings_of(from);
  const Settings b = settings_of(to);
  std::vector<std::string> out;
  const auto line = [&out](const std::string& name, const std::string* old_value,
                           const std::string* new_value) {
    const std::string none = "none";
    const std::string& x = old_value && !old_value->empty() ? *old_value : none;
    const std::string& y = new_value && !new_value->empty() ? *new_value : none;
    if (x != y) out.push_back(name + ": " + x + " \u2192 " + y);
  };
  for (const auto& [name, value] : a) line(name, &value, find(b, name));
  for (const auto& [name, value] : b)
    if (!find(a, name)) line(name, nullptr, &value);
  return out;
}

}  // namespace fiscgen::rules
