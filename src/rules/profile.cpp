#include "rules/profile.hpp"

#include <pugixml.hpp>

#include "base/xml.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace fiscgen::rules {
namespace {

/// Reads one profile file, turning every problem into an Error at the attribute's line:col.
class ProfileReader {
 public:
  ProfileReader(const std::filesystem::path& file, std::string text)
      : text_(std::move(text)), lines_(file.string(), text_) {}

  Profile read() {
    const auto parsed =
        xml_.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed)
      throw Error(lines_.locate(parsed.offset),
                  std::string("malformed rules profile: ") + parsed.description());
    const auto root = xml_.document_element();
    if (std::string_view(root.name()) != "rules")
      fail(root, "expected <rules> at the root of a rules profile");

    Profile p;
    p.name = required(root, "name");
    p.title = root.attribute("title").value();
    p.version = root.attribute("version").value();
    p.effective = root.attribute("effective").value();
    if (!p.effective.empty() && !iso_date(p.effective))
      fail(root, "effective=\"" + p.effective + "\": expected a date as YYYY-MM-DD");
    for (const auto& node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = node.name();
      if (name == "court") {
        p.court = node.attribute("name").value();
        p.court_place = node.attribute("place").value();
      } else if (name == "page") {
        p.page_width = length(node, "width", p.page_width);
        p.page_height = length(node, "height", p.page_height);
      } else if (name == "margins") {
        p.margin_top = length(node, "top", p.margin_top);
        p.margin_right = length(node, "right", p.margin_right);
        p.margin_bottom = length(node, "bottom", p.margin_bottom);
        p.margin_left = length(node, "left", p.margin_left);
      } else if (name == "fonts") {
        p.font_family = required(node, "family");
        if (const auto fallback = node.attribute("fallback")) p.fallback_family = fallback.value();
      } else if (name == "page-number") {
        p.page_number.position = one_of(node, "position", p.page_number.position,
                                        {"bottom-center", "bottom-right", "top-right", "none"});
        if (const auto format = node.attribute("format")) p.page_number.format = format.value();
        p.page_number.size = length(node, "size", p.page_number.size);
        p.page_number.offset = length(node, "offset", p.page_number.offset);
        p.page_number.first_page = yes_no(node, "first-page", p.page_number.first_page);
      } else if (name == "signature") {
        p.signature_indent = length(node, "indent", p.signature_indent);
      } else if (name == "lists") {
        p.list_label_hang = length(node, "label-hang", p.list_label_hang);
        p.list_nested_indent = length(node, "nested-indent", p.list_nested_indent);
      } else if (name == "headings") {
        p.heading_label_tab = length(node, "label-tab", p.heading_label_tab);
        if (p.heading_label_tab <= 0) fail(node, "label-tab must be more than 0");
      } else if (name == "banners") {
        p.banner_clearance = length(node, "clearance", p.banner_clearance);
      } else if (name == "footnotes") {
        p.footnote_separator = length(node, "separator", p.footnote_separator);
        p.footnote_min_lines = count(node, "min-lines", p.footnote_min_lines);
      } else if (name == "breaking") {
        p.widow_lines = count(node, "widow-lines", p.widow_lines);
        p.orphan_lines = count(node, "orphan-lines", p.orphan_lines);
        auto& b = p.breaking;
        b.tolerance = length(node, "tolerance", b.tolerance);
        b.line_penalty = length(node, "line-penalty", b.line_penalty);
        b.hyphen_penalty = length(node, "hyphen-penalty", b.hyphen_penalty);
        b.widow_penalty = length(node, "widow-penalty", b.widow_penalty);
        b.orphan_penalty = length(node, "orphan-penalty", b.orphan_penalty);
      } else if (name == "limits") {
        limits(node, p);
      } else if (name == "required") {
        Requirement r{
            required(node, "part"), required(node, "what"), node.attribute("rule").value(), {}};
        if (!doc::valid_part_name(r.part)) bad_part(node, r.part);
        std::istringstream kinds(node.attribute("kinds").value());
        for (std::string kind; kinds >> kind;) r.kinds.push_back(kind);
        for (const auto& other : p.required)
          if (other.part == r.part) fail(node, "part \"" + r.part + "\" is required twice");
        p.required.push_back(std::move(r));
      } else if (name == "type") {
        p.minimum_type_size = length(node, "minimum-size", p.minimum_type_size);
        p.type_rule = node.attribute("rule").value();
      } else if (name == "tables") {
        p.tables.contents = yes_no(node, "contents", p.tables.contents);
        p.tables.authorities = yes_no(node, "authorities", p.tables.authorities);
        p.tables.over_pages = count(node, "over-pages", p.tables.over_pages);
        p.tables.rule = node.attribute("rule").value();
        std::istringstream kinds(node.attribute("kinds").value());
        for (std::string kind; kinds >> kind;) p.tables.kinds.push_back(kind);
      } else if (name == "authorities") {
        p.passim_after = count(node, "passim-after", p.passim_after);
      } else if (name == "citations") {
        p.citations.case_name =
            one_of(node, "case-name", p.citations.case_name, {"italic", "underline"});
        p.citations.short_forms =
            one_of(node, "short-forms", p.citations.short_forms, {"auto", "as-written"});
        p.citations.detect = yes_no(node, "detect", p.citations.detect);
      } else if (name == "redactions") {
        const bool measured =
            one_of(node, "boxes",
                   p.redaction_boxes == RedactionBoxes::measured ? "measured" : "fixed",
                   {"fixed", "measured"}) == "measured";
        p.redaction_boxes = measured ? RedactionBoxes::measured : RedactionBoxes::fixed;
      } else if (name == "numbering") {
        const int level = count(node, "level", 0);
        if (level < 1) fail(node, "numbering level must be 1 or more");
        p.heading_numbering[level] =
            one_of(node, "style", "none",
                   {"upper-roman", "lower-roman", "upper-alpha", "lower-alpha", "decimal", "none"});
      } else if (name == "style") {
        const std::string style_name = required(node, "name");
        if (p.styles.count(style_name)) fail(node, "style \"" + style_name + "\" is defined twice");
        p.styles[style_name] = style(node);
      } else {
        fail(node, "unknown element <" + std::string(name) +
                       "> in a rules profile; expected court, page, margins, fonts, page-number, "
                       "signature, lists, headings, banners, footnotes, breaking, numbering, "
                       "style, limits, required, type, tables, authorities, citations or "
                       "redactions");
      }
    }
    for (const char* needed : {"body", "heading", "footnote"})
      if (!p.styles.count(needed))
        fail(root, std::string("the profile defines no \"") + needed +
                       "\" style, which every document uses");
    if (p.margin_left + p.margin_right >= p.page_width ||
        p.margin_top + p.margin_bottom >= p.page_height)
      fail(root, "the margins leave no room on the page");
    return p;
  }

 private:
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

  std::string one_of(const pugi::xml_node& node, const char* name, const std::string& fallback,
                     std::initializer_list<const char*> allowed) const {
    const auto attribute = node.attribute(name);
    if (!attribute) return fallback;
    const std::string value = attribute.value();
    std::string list;
    for (const char* option : allowed) {
      if (value == option) return value;
      list += list.empty() ? "" : ", ";
      list += option;
    }
    fail(node, std::string(name) + "=\"" + value + "\": expected one of " + list);
  }

  [[noreturn]] void bad_part(const pugi::xml_node& node, const std::string& part) const {
    fail(node, "part=\"" + part +
                   "\": expected lower-case words joined by '-', refined by '/' "
                   "(e.g. certificate-of-service, signature/email)");
  }

  static bool iso_date(const std::string& value) {
    static const std::regex date(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
    return std::regex_match(value, date);
  }

  /// <limits note="…" rule="…"> <limit kind="" words="" pages="" document="" rule=""/> …
  ///   <not-counted part="…"/> … </limits>
  void limits(const pugi::xml_node& node, Profile& p) const {
    if (const auto note = node.attribute("note")) p.not_counted_note = note.value();
    p.not_counted_rule = node.attribute("rule").value();
    for (const auto& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "limit") {
        Limit limit;
        limit.kind = child.attribute("kind").value();
        limit.words = count(child, "words", 0);
        limit.pages = count(child, "pages", 0);
        if (limit.words == 0 && limit.pages == 0)
          fail(child, "<limit> needs words=\"N\" or pages=\"N\", more than 0");
        limit.document = child.attribute("document").value();
        limit.rule = child.attribute("rule").value();
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
    const std::string face =
        one_of(node, "face", "regular", {"regular", "bold", "italic", "bold-italic"});
    s.face = face == "bold"          ? Face::bold
             : face == "italic"      ? Face::italic
             : face == "bold-italic" ? Face::bold_italic
                                     : Face::regular;
    s.size = length(node, "size", s.size);
    if (s.size <= 0) fail(node, "size must be more than 0");
    s.line_height = length(node, "line-height", s.size * 1.15);
    s.space_before = length(node, "space-before", 0);
    s.space_after = length(node, "space-after", 0);
    s.indent_left = length(node, "indent-left", 0);
    s.indent_right = length(node, "indent-right", 0);
    s.first_line_indent = length(node, "first-line-indent", 0);
    const std::string align = one_of(node, "align", "left", {"left", "center", "right", "justify"});
    s.align = align == "center"    ? doc::Align::center
              : align == "right"   ? doc::Align::right
              : align == "justify" ? doc::Align::justify
                                   : doc::Align::left;
    s.keep_with_next = yes_no(node, "keep-with-next", false);
    return s;
  }

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

Profile load_profile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(SourceLocation{file.string()}, "cannot read the rules profile");
  std::ostringstream text;
  text << in.rdbuf();
  return ProfileReader(file, text.str()).read();
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

Profile load_named_profile(Sources& sources, const std::string& name) {
  require_known(profile_names(sources.list(source_name::rules_folder, ".xml")), name);
  const auto file = sources.open(source_name::rules_profile(name), "rules profile");
  return named(load_profile(file), file, name);
}

std::vector<Profile> list_profiles(const std::filesystem::path& rules_dir) {
  std::vector<Profile> profiles;
  for (const auto& name : profile_names(rules_dir))
    profiles.push_back(load_named_profile(rules_dir, name));
  return profiles;
}

Profile load_named_profile(const std::filesystem::path& rules_dir, const std::string& name) {
  require_known(profile_names(rules_dir), name);
  const auto file = rules_dir / (name + ".xml");
  return named(load_profile(file), file, name);
}

}  // namespace fiscgen::rules
