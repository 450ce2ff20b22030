#include "rules/profile.hpp"

#include <pugixml.hpp>

#include "base/xml.hpp"
#include "rules/docket.hpp"
#include "rules/settings.hpp"
#include "rules/versions.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <sstream>
#include <type_traits>
#include <variant>

namespace fiscgen::rules {
namespace {

/// Reads one profile file, turning every problem into an Error at the attribute's line:col.
class ProfileReader {
 public:
  ProfileReader(const std::filesystem::path& file, std::string text)
      : file_(file), text_(std::move(text)), lines_(file.string(), text_) {}

  /// The profile in force on `as_of` (YYYY-MM-DD; empty: the latest version). `amendments`,
  /// when given, receives the effective dates of the file's amendments, oldest first.
  Profile read(const std::string& as_of = {}, std::vector<std::string>* amendments = nullptr) {
    parse();
    const auto root = xml_.document_element();
    const auto fail_at = [this](const pugi::xml_node& node, const std::string& message) {
      fail(node, message);
    };
    const auto versions = detail::versions_of(root, fail_at);
    if (amendments)
      for (std::size_t i = 1; i < versions.size(); ++i)
        amendments->push_back(versions[i].effective);
    detail::resolve_versions(root, as_of, fail_at);
    Profile p = read_resolved(root);
    p.first_effective = versions.front().effective;
    p.as_of = as_of;
    for (const auto& version : versions)
      if (version.effective == p.effective) p.change_note = version.note;
    return p;
  }

  /// Every version the file holds, oldest first, each read as in force on its date.
  std::vector<Version> history() {
    parse();
    const auto fail_at = [this](const pugi::xml_node& node, const std::string& message) {
      fail(node, message);
    };
    std::vector<Version> out;
    for (const auto& dated : detail::versions_of(xml_.document_element(), fail_at)) {
      ProfileReader again(file_, text_);
      out.push_back({dated.effective, dated.version, dated.note, again.read(dated.effective)});
    }
    return out;
  }

  /// The text of the profile in force on `as_of`, without comments or other versions.
  /// `amendments`, when given, receives the effective dates of the file's amendments.
  std::string resolved_text(const std::string& as_of, std::vector<std::string>* amendments) {
    read(as_of, amendments);  // checks it
    std::ostringstream out;
    xml_.save(out, "", pugi::format_raw);
    return out.str();
  }

 private:
  void parse() {
    const auto parsed =
        xml_.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed)
      throw Error(lines_.locate(parsed.offset),
                  std::string("malformed rules profile: ") + parsed.description());
    const auto root = xml_.document_element();
    if (std::string_view(root.name()) != "rules")
      fail(root, "expected <rules> at the root of a rules profile");
  }

  Profile read_resolved(const pugi::xml_node& root) const {
    Profile p;
    apply(root, profile_settings(), p);
    for (const auto& node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = node.name();
      if (name == "limits") {
        apply(node, profile_settings(), p);
        limits(node, p);
      } else if (name == "required") {
        requirement(node, p);
      } else if (name == "docket-label") {
        docket_label(node, p);
      } else if (name == "numbering") {
        const int level = count(node, "level", 0);
        if (level < 1) fail(node, "numbering level must be 1 or more");
        Numbering numbering;
        apply(node, numbering_settings(), numbering);
        p.heading_numbering[level] = numbering.style;
      } else if (name == "style") {
        const std::string style_name = required(node, "name");
        if (p.styles.count(style_name)) fail(node, "style \"" + style_name + "\" is defined twice");
        p.styles[style_name] = style(node);
      } else if (!apply(node, profile_settings(), p)) {
        fail(node, "unknown element <" + std::string(name) + "> in a rules profile; expected " +
                       known_elements());
      }
    }
    // Every heading named is one a table of authorities has (doc::authority_categories).
    for (const auto& heading : p.toa_headings)
      if (!doc::authority_category(heading)) {
        std::string expected;
        for (const auto& names : doc::authority_categories)
          expected += (expected.empty() ? "" : ", ") + std::string(names.key);
        fail(root.child("authorities"), "headings: \"" + heading +
                                            "\" is no heading of a table of authorities; "
                                            "expected " +
                                            expected);
      }
    for (const char* needed : {"body", "heading", "footnote"})
      if (!p.styles.count(needed))
        fail(root, std::string("the profile defines no \"") + needed +
                       "\" style, which every document uses");
    if (!p.docket_pattern.empty()) try {
        docket_regex(p.docket_pattern);
      } catch (const std::regex_error& e) {
        fail(root.child("court"),
             "docket=\"" + p.docket_pattern + "\": not a regular expression (" + e.what() + ")");
      }
    if (p.margin_left + p.margin_right >= p.page_width ||
        p.margin_top + p.margin_bottom >= p.page_height)
      fail(root, "the margins leave no room on the page");
    check_marks(root.child("marks"), p);
    return p;
  }

  /// A mark is on the paper: above its bottom edge, and shorter than it is wide.
  void check_marks(const pugi::xml_node& node, const Profile& p) const {
    const auto& m = p.marks;
    const auto number = [](double value) { return std::to_string(std::lround(value)); };
    for (const auto& [name, at] : {std::pair{"first-fold", m.first_fold}, std::pair{"hole", m.hole},
                                   std::pair{"second-fold", m.second_fold}})
      if (at >= p.page_height)
        fail(node, std::string(name) + "=\"" + number(at) + "\": below the paper's bottom edge (" +
                       number(p.page_height) + " pt from its top)");
    if (m.from_edge + m.length >= p.page_width)
      fail(node, "from-edge and length reach past the paper's right edge");
  }

  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& message) const {
    throw Error(locate(lines_, node), message);
  }

  // pugixml keeps no offsets for attributes: locate at the element.
  std::string required(const pugi::xml_node& node, const char* name) const {
    const auto attribute = node.attribute(name);
    if (!attribute || !*attribute.value())
      fail(node, "<" + std::string(node.name()) + "> needs a " + name + " attribute");
    return attribute.value();
  }

  double length(const pugi::xml_node& node, const char* name, double fallback) const {
    const auto attribute = node.attribute(name);
    if (!attribute) return fallback;
    const std::string value = attribute.value();
    std::size_t used = 0;
    double number = 0;
    try {
      number = std::stod(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != value.size() || number < 0)
      fail(node, std::string(name) + "=\"" + value + "\": expected a length in points, 0 or more");
    return number;
  }

  int count(const pugi::xml_node& node, const char* name, int fallback) const {
    const double value = length(node, name, fallback);
    if (value != static_cast<int>(value)) fail(node, std::string(name) + " must be a whole number");
    return static_cast<int>(value);
  }

  bool yes_no(const pugi::xml_node& node, const char* name, bool fallback) const {
    return one_of(node, name, fallback ? "yes" : "no", {"yes", "no"}) == "yes";
  }

  std::string one_of(const pugi::xml_node& node, const char* name, std::string_view fallback,
                     const std::vector<std::string_view>& allowed) const {
    const auto attribute = node.attribute(name);
    if (!attribute) return std::string(fallback);
    const std::string value = attribute.value();
    std::string list;
    for (const auto option : allowed) {
      if (value == option) return value;
      list += list.empty() ? "" : ", ";
      list += option;
    }
    fail(node, std::string(name) + "=\"" + value + "\": expected one of " + list);
  }

  /// Reads the attributes `rows` declare for `node`'s element into `record`, checking each as
  /// its type says. False when no row is for that element.
  template <class Record>
  bool apply(const pugi::xml_node& node, const std::vector<Setting<Record>>& rows,
             Record& record) const {
    bool known = false;
    // Measured once: compared with every row, a const char* name was measured for each.
    const std::string_view element = node.name();
    for (const auto& row : rows) {
      if (row.element != element) continue;
      known = true;
      const std::string name(row.attribute);
      if (row.required) required(node, name.c_str());
      if (node.attribute(name.c_str())) read(row, node, name.c_str(), record);
    }
    return known;
  }

  template <class Record>
  void read(const Setting<Record>& row, const pugi::xml_node& node, const char* name,
            Record& record) const {
    std::visit(
        [&](const auto& member) {
          using M = std::decay_t<decltype(member)>;
          if constexpr (std::is_same_v<M, EnumMember<Record>>) {
            const auto choices = choices_of(row);
            const auto value = one_of(node, name, choices.at(member.get(record)), choices);
            const auto found = std::find(choices.begin(), choices.end(), value);
            member.set(record, static_cast<std::size_t>(found - choices.begin()));
          } else {
            auto& target = member(record);
            using V = std::decay_t<decltype(target)>;
            if constexpr (std::is_same_v<V, std::string>) {
              target = row.type == SettingType::choice ? one_of(node, name, target, choices_of(row))
                                                       : node.attribute(name).value();
              if (row.type == SettingType::date && !target.empty() && !detail::iso_date(target))
                fail(node,
                     std::string(name) + "=\"" + target + "\": expected a date as YYYY-MM-DD");
            } else if constexpr (std::is_same_v<V, double>) {
              target = length(node, name, target);
              if (row.type == SettingType::positive && target <= 0)
                fail(node, std::string(name) + " must be more than 0");
            } else if constexpr (std::is_same_v<V, int>) {
              target = count(node, name, target);
            } else if constexpr (std::is_same_v<V, bool>) {
              target = yes_no(node, name, target);
            } else {
              target.clear();
              std::istringstream words(node.attribute(name).value());
              for (std::string word; words >> word;) target.push_back(word);
            }
          }
        },
        row.member);
  }

  /// "court, page, …, or style": the elements a profile may hold, for the unknown one's error.
  static std::string known_elements() {
    std::vector<std::string_view> names;
    for (const auto& row : profile_settings())
      if (row.element != "rules" &&
          std::find(names.begin(), names.end(), row.element) == names.end())
        names.push_back(row.element);
    for (const std::string_view repeated : {"numbering", "style", "required", "docket-label"})
      names.push_back(repeated);
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i)
      (list += i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") += names[i];
    return list;
  }

  /// <required part="…" what="…" rule="…" kinds="…"/>: a part every filing must contain.
  void requirement(const pugi::xml_node& node, Profile& p) const {
    Requirement r;
    r.part = required(node, "part");
    apply(node, requirement_settings(), r);
    if (!doc::valid_part_name(r.part)) bad_part(node, r.part);
    for (const auto& other : p.required)
      if (other.part == r.part) fail(node, "part \"" + r.part + "\" is required twice");
    p.required.push_back(std::move(r));
  }

  /// <docket-label match="…" label="…"/>: a label for the docket numbers `match` finds.
  void docket_label(const pugi::xml_node& node, Profile& p) const {
    DocketLabel label;
    label.match = required(node, "match");
    apply(node, docket_label_settings(), label);
    try {
      docket_regex(label.match);
    } catch (const std::regex_error& e) {
      fail(node, "match=\"" + label.match + "\": not a regular expression (" + e.what() + ")");
    }
    for (const auto& other : p.docket_labels)
      if (other.match == label.match) fail(node, "match=\"" + label.match + "\" is labelled twice");
    p.docket_labels.push_back(std::move(label));
  }

  [[noreturn]] void bad_part(const pugi::xml_node& node, const std::string& part) const {
    fail(node, "part=\"" + part +
                   "\": expected lower-case words joined by '-', refined by '/' "
                   "(e.g. certificate-of-service, signature/email)");
  }

  /// <limits note="…" rule="…"> <limit kind="" words="" pages="" document="" rule=""/> …
  ///   <not-counted part="…"/> … </limits>
  void limits(const pugi::xml_node& node, Profile& p) const {
    for (const auto& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "limit") {
        Limit limit;
        limit.kind = child.attribute("kind").value();
        apply(child, limit_settings(), limit);
        if (limit.words == 0 && limit.pages == 0)
          fail(child, "<limit> needs words=\"N\" or pages=\"N\", more than 0");
        for (const auto& other : p.limits)
          if (other.kind == limit.kind)
            fail(child, limit.kind.empty() ? std::string("two limits name no kind")
                                           : "two limits for kind \"" + limit.kind + "\"");
        p.limits.push_back(std::move(limit));
      } else if (name == "not-counted") {
        const std::string part = required(child, "part");
        if (!doc::valid_part_name(part)) bad_part(child, part);
        p.not_counted.push_back(part);
      } else {
        fail(child, "unknown element <" + std::string(name) +
                        "> in <limits>; expected limit or not-counted");
      }
    }
  }

  Style style(const pugi::xml_node& node) const {
    Style s;
    apply(node, style_settings(), s);
    // Single spacing with a little leading, whatever the size.
    if (!node.attribute("line-height")) s.line_height = s.size * 1.15;
    return s;
  }

  std::filesystem::path file_;
  std::string text_;
  LineIndex lines_;
  pugi::xml_document xml_;
};

}  // namespace

const Style& Profile::style(const std::string& style_name) const {
  const auto found = styles.find(style_name);
  if (found == styles.end())
    throw Error("rules profile " + name + " has no style \"" + style_name + "\"");
  return found->second;
}

const Style& Profile::style(const std::string& style_name, const SourceLocation& named_at) const {
  const auto found = styles.find(style_name);
  if (found != styles.end()) return found->second;
  std::string known;
  for (const auto& [known_name, style] : styles) known += (known.empty() ? "" : ", ") + known_name;
  throw Error(named_at, "style=\"" + style_name + "\": rules profile " + name +
                            " has no such style; expected one of " + known);
}

const Style& Profile::style_for(const doc::Block& block, const std::string& inherited) const {
  return block.style.empty() ? style(style_name(block, inherited))
                             : style(block.style, block.where);
}

std::string style_name(const doc::Block& block, const std::string& inherited) {
  if (!block.style.empty()) return block.style;
  if (block.kind == doc::BlockKind::heading) return block.level <= 1 ? "heading" : "subheading";
  return inherited;
}

std::string contents_style(const doc::Block& block, const std::string& inherited) {
  using doc::BlockKind;
  switch (block.kind) {
    case BlockKind::quote:
      return "quote";
    case BlockKind::caption:
      return "caption";
    case BlockKind::signature:
      return "signature";
    case BlockKind::item:
      return block.style.empty() ? "list" : block.style;
    default:
      return inherited;
  }
}

const Limit* Profile::limit_for(const std::string& kind) const {
  const Limit* fallback = nullptr;
  for (const auto& limit : limits) {
    if (limit.kind == kind) return &limit;
    if (limit.kind.empty()) fallback = &limit;
  }
  return fallback;
}

bool Requirement::applies_to(const std::string& kind) const {
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool Tables::applies_to(const std::string& kind) const {
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool Profile::counted(const std::string& part) const {
  for (const auto& excluded : not_counted)
    if (part == excluded || part.starts_with(excluded + "/")) return false;
  return true;
}

std::string Profile::heading_numbering_for(int level) const {
  const auto found = heading_numbering.find(level);
  return found == heading_numbering.end() ? "none" : found->second;
}

namespace {

std::string read_profile_file(const std::filesystem::path& file) {
  return XmlFile::bytes_of(file, "the rules profile");
}

}  // namespace

Profile load_profile(const std::filesystem::path& file, const std::string& as_of) {
  return ProfileReader(file, read_profile_file(file)).read(as_of);
}

std::vector<Version> profile_history(const std::filesystem::path& file) {
  return ProfileReader(file, read_profile_file(file)).history();
}

std::string resolved_profile_text(const std::filesystem::path& file, const std::string& bytes,
                                  const std::string& as_of, std::vector<std::string>* amendments) {
  return ProfileReader(file, bytes).resolved_text(as_of, amendments);
}

namespace {

std::vector<std::string> profile_names(const std::vector<std::string>& files) {
  std::vector<std::string> known;
  for (const auto& file : files) known.push_back(std::filesystem::path(file).stem().string());
  return known;
}

std::vector<std::string> profile_names(const std::filesystem::path& rules_dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(rules_dir, ec))
    if (entry.path().extension() == ".xml") files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  return profile_names(files);
}

/// An unknown name is an Error listing the known ones: no path is ever built from it.
void require_known(const std::vector<std::string>& known, const std::string& name) {
  if (std::find(known.begin(), known.end(), name) != known.end()) return;
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  throw Error("unknown rules profile \"" + name +
              "\"; known profiles: " + (list.empty() ? "none" : list));
}

Profile named(Profile profile, const std::filesystem::path& file, const std::string& name) {
  if (profile.name != name)
    throw Error(SourceLocation{file.string()},
                "the profile in this file is named \"" + profile.name + "\", not \"" + name + "\"");
  return profile;
}

}  // namespace

std::vector<Profile> list_profiles(Sources& sources) {
  std::vector<Profile> profiles;
  for (const auto& name : profile_names(sources.list(source_name::rules_folder, ".xml")))
    profiles.push_back(load_named_profile(sources, name));
  return profiles;
}

namespace {

/// Whether `name` can only name a file directly in the rules folder: then reading it from there
/// is as safe as finding it in the folder's listing first, and costs no listing per document.
bool plain_file_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." &&
         name.find_first_of(std::string_view("/\\0", 2)) == std::string::npos;
}

/// The profile `bytes` (read from `file`) holds, in force on `as_of`: read once per thread
/// for each version in force, then copied. A batch reads the same profile for every document
/// (0.28M instructions a letter); its bytes are still read every time, so a changed file is
/// read again. What is in force on a date depends only on how many amendments took effect by
/// then, so documents of different dates share a version. Failures are not kept: they are
/// read, and reported, again.
Profile read_kept(const std::filesystem::path& file, const std::string& bytes,
                  const std::string& as_of) {
  struct Kept {
    std::string bytes;
    std::vector<std::string> amendments;  // effective dates, oldest first
    std::map<std::size_t, Profile> by_applied;
  };
  thread_local std::map<std::string, Kept> kept;
  const auto found = kept.find(file.string());
  if (found != kept.end() && found->second.bytes == bytes) {
    const auto& dates = found->second.amendments;
    const auto applied = static_cast<std::size_t>(
        std::count_if(dates.begin(), dates.end(),
                      [&](const std::string& date) { return as_of.empty() || date <= as_of; }));
    if (const auto profile = found->second.by_applied.find(applied);
        profile != found->second.by_applied.end()) {
      Profile copy = profile->second;
      copy.as_of = as_of;
      return copy;
    }
  }
  std::vector<std::string> amendments;
  Profile profile = ProfileReader(file, bytes).read(as_of, &amendments);
  if (kept.size() >= 32) kept.clear();  // bounded: a batch names a few profiles
  auto& entry = kept[file.string()];
  if (entry.bytes != bytes) entry = Kept{bytes, amendments, {}};
  const auto applied = static_cast<std::size_t>(
      std::count_if(amendments.begin(), amendments.end(),
                    [&](const std::string& date) { return as_of.empty() || date <= as_of; }));
  entry.by_applied.emplace(applied, profile);
  return profile;
}

}  // namespace

Profile load_named_profile(Sources& sources, const std::string& name, const std::string& as_of) {
  const auto source = source_name::rules_profile(name);
  if (const auto* bytes = plain_file_name(name) ? sources.read_found(source) : nullptr) {
    const auto file = sources.find(source);  // read already: no system call
    return named(read_kept(file, *bytes, as_of), file, name);
  }
  require_known(profile_names(sources.list(source_name::rules_folder, ".xml")), name);
  const auto file = sources.open(source, "rules profile");
  return named(read_kept(file, sources.bytes(file), as_of), file, name);
}

std::vector<Version> named_profile_history(Sources& sources, const std::string& name) {
  load_named_profile(sources, name);  // a known name, and the right one in its file
  const auto file = sources.find(source_name::rules_profile(name));
  return ProfileReader(file, sources.bytes(file)).history();
}

std::vector<Profile> list_profiles(const std::filesystem::path& rules_dir) {
  std::vector<Profile> profiles;
  for (const auto& name : profile_names(rules_dir))
    profiles.push_back(load_named_profile(rules_dir, name));
  return profiles;
}

Profile load_named_profile(const std::filesystem::path& rules_dir, const std::string& name,
                           const std::string& as_of) {
  require_known(profile_names(rules_dir), name);
  const auto file = rules_dir / (name + ".xml");
  return named(load_profile(file, as_of), file, name);
}

}  // namespace fiscgen::rules
