#include "rules/versions.hpp"

namespace fiscgen::rules::detail {

bool iso_date(std::string_view value) {
  // Checked by hand: a std::regex built for this cost 2.2M instructions per render (issue 19).
  const auto digit = [&](std::size_t i) { return value[i] >= '0' && value[i] <= '9'; };
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!digit(i)) return false;
  const int month = (value[5] - '0') * 10 + (value[6] - '0');
  const int day = (value[8] - '0') * 10 + (value[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

namespace {

constexpr const char* amendment = "amendment";

/// The attribute that tells repeated elements apart; null for elements a profile has once.
const char* key_of(std::string_view element) {
  if (element == "style") return "name";
  if (element == "required") return "part";
  if (element == "numbering") return "level";
  if (element == "docket-label") return "match";
  return nullptr;
}

bool same_identity(const pugi::xml_node& a, const pugi::xml_node& b) {
  if (std::string_view(a.name()) != b.name()) return false;
  const char* key = key_of(a.name());
  return !key || std::string_view(a.attribute(key).value()) == b.attribute(key).value();
}

}  // namespace

std::vector<Dated> versions_of(const pugi::xml_node& root, const Fail& fail) {
  std::vector<Dated> versions{
      {root.attribute("effective").value(), root.attribute("version").value(), {}}};
  for (const auto& node : root.children(amendment)) {
    Dated dated{node.attribute("effective").value(), node.attribute("version").value(),
                node.attribute("note").value()};
    if (!iso_date(dated.effective))
      fail(node, "<amendment> needs effective=\"YYYY-MM-DD\", the date it took effect");
    if (!versions.front().effective.empty() && dated.effective <= versions.back().effective)
      fail(node, "amendment effective " + dated.effective +
                     " is not after the version before it (" + versions.back().effective +
                     "): list amendments oldest first");
    for (const auto& child : node.children())
      if (child.type() == pugi::node_element && std::string_view(child.name()) == amendment)
        fail(child, "an <amendment> cannot hold another");
    versions.push_back(std::move(dated));
  }
  if (versions.size() > 1 && versions.front().effective.empty())
    fail(root,
         "a profile with amendments needs effective=\"YYYY-MM-DD\" on <rules>: the date "
         "its first version took effect");
  return versions;
}

void resolve_versions(pugi::xml_node root, const std::string& as_of, const Fail& fail) {
  versions_of(root, fail);  // checks the dates
  std::vector<pugi::xml_node> amendments;
  for (const auto& node : root.children(amendment)) amendments.push_back(node);
  for (const auto& node : amendments) {
    const std::string effective = node.attribute("effective").value();
    if (!as_of.empty() && effective > as_of) continue;
    std::vector<pugi::xml_node> changes;
    for (const auto& child : node.children())
      if (child.type() == pugi::node_element) changes.push_back(child);
    for (const auto& change : changes) {
      pugi::xml_node replaced;
      for (const auto& old : root.children())
        if (old.type() == pugi::node_element && std::string_view(old.name()) != amendment &&
            same_identity(old, change)) {
          replaced = old;
          break;
        }
      // Moved, not copied: the node keeps its place in the file's text for error messages.
      if (replaced) {
        root.insert_move_before(change, replaced);
        root.remove_child(replaced);
      } else {
        root.insert_move_before(change, amendments.front());
      }
    }
    for (const char* attribute : {"effective", "version"})
      if (node.attribute(attribute)) {
        auto target = root.attribute(attribute);
        if (!target) target = root.append_attribute(attribute);
        target.set_value(node.attribute(attribute).value());
      }
  }
  for (const auto& node : amendments) root.remove_child(node);
}

}  // namespace fiscgen::rules::detail
