// `fiscgen rules diff` and batch's --explain: two profiles compared setting by setting.
#include <algorithm>
#include <cstdio>
#include <utility>

#include "rules/profile.hpp"

namespace fiscgen::rules {
namespace {

using Settings = std::vector<std::pair<std::string, std::string>>;

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

std::string yes_no(bool value) {
  return value ? "yes" : "no";
}

const char* face_name(Face face) {
  switch (face) {
    case Face::bold:
      return "bold";
    case Face::italic:
      return "italic";
    case Face::bold_italic:
      return "bold-italic";
    default:
      return "regular";
  }
}

const char* align_name(doc::Align align) {
  switch (align) {
    case doc::Align::center:
      return "center";
    case doc::Align::right:
      return "right";
    case doc::Align::justify:
      return "justify";
    default:
      return "left";
  }
}

/// Every setting of a profile as (name, value), named as the profile file names it. A setting
/// one profile lacks shows as "none" in the diff.
Settings settings_of(const Profile& p) {
  Settings s;
  const auto add = [&s](std::string name, std::string value) {
    s.emplace_back(std::move(name), std::move(value));
  };
  add("title", p.title);
  add("version", p.version);
  add("effective", p.effective);
  add("court", p.court);
  add("court.place", p.court_place);
  add("page.width", number(p.page_width));
  add("page.height", number(p.page_height));
  add("margin.top", number(p.margin_top));
  add("margin.right", number(p.margin_right));
  add("margin.bottom", number(p.margin_bottom));
  add("margin.left", number(p.margin_left));
  add("font.family", p.font_family);
  add("font.fallback", p.fallback_family);
  add("type.minimum-size", p.minimum_type_size > 0 ? number(p.minimum_type_size) : "none");
  add("page-number.position", p.page_number.position);
  add("page-number.format", p.page_number.format);
  add("page-number.size", number(p.page_number.size));
  add("page-number.offset", number(p.page_number.offset));
  add("page-number.first-page", yes_no(p.page_number.first_page));
  add("signature.indent", number(p.signature_indent));
  add("lists.label-hang", number(p.list_label_hang));
  add("lists.nested-indent", number(p.list_nested_indent));
  add("headings.label-tab", number(p.heading_label_tab));
  add("banners.clearance", number(p.banner_clearance));
  add("footnotes.separator", number(p.footnote_separator));
  add("footnotes.min-lines", std::to_string(p.footnote_min_lines));
  add("breaking.widow-lines", std::to_string(p.widow_lines));
  add("breaking.orphan-lines", std::to_string(p.orphan_lines));
  add("breaking.tolerance", number(p.breaking.tolerance));
  add("breaking.line-penalty", number(p.breaking.line_penalty));
  add("breaking.hyphen-penalty", number(p.breaking.hyphen_penalty));
  add("breaking.widow-penalty", number(p.breaking.widow_penalty));
  add("breaking.orphan-penalty", number(p.breaking.orphan_penalty));
  for (const auto& [level, style] : p.heading_numbering)
    add("numbering level " + std::to_string(level), style);
  for (const auto& [name, st] : p.styles) {
    const std::string prefix = "style " + name + ".";
    add(prefix + "face", face_name(st.face));
    add(prefix + "size", number(st.size));
    add(prefix + "line-height", number(st.line_height));
    add(prefix + "space-before", number(st.space_before));
    add(prefix + "space-after", number(st.space_after));
    add(prefix + "indent-left", number(st.indent_left));
    add(prefix + "indent-right", number(st.indent_right));
    add(prefix + "first-line-indent", number(st.first_line_indent));
    add(prefix + "align", align_name(st.align));
    add(prefix + "keep-with-next", yes_no(st.keep_with_next));
  }
  // The limit for every other kind always has a line, so "none → 13000" shows.
  const Limit* general = p.limit_for("");
  if (general && !general->kind.empty()) general = nullptr;
  add("limit words", general && general->words ? std::to_string(general->words) : "none");
  add("limit pages", general && general->pages ? std::to_string(general->pages) : "none");
  add("limit rule", general ? general->rule : "");
  for (const auto& limit : p.limits) {
    if (limit.kind.empty()) continue;
    const std::string suffix = " (" + limit.kind + ")";
    add("limit words" + suffix, limit.words ? std::to_string(limit.words) : "none");
    add("limit pages" + suffix, limit.pages ? std::to_string(limit.pages) : "none");
    add("limit rule" + suffix, limit.rule);
  }
  std::string not_counted;
  for (const auto& part : p.not_counted) not_counted += (not_counted.empty() ? "" : ", ") + part;
  add("limit not-counted", not_counted.empty() ? "none" : not_counted);
  add("limit not-counted.rule", p.not_counted_rule);
  for (const auto& requirement : p.required) {
    std::string value = requirement.rule.empty() ? "yes" : requirement.rule;
    if (!requirement.kinds.empty()) {
      value += " (";
      for (std::size_t i = 0; i < requirement.kinds.size(); ++i)
        value += (i ? " " : "") + requirement.kinds[i];
      value += ")";
    }
    add("required " + requirement.part, value);
  }
  add("tables.contents", yes_no(p.tables.contents));
  add("tables.authorities", yes_no(p.tables.authorities));
  add("tables.over-pages", std::to_string(p.tables.over_pages));
  std::string table_kinds;
  for (const auto& kind : p.tables.kinds) table_kinds += (table_kinds.empty() ? "" : " ") + kind;
  add("tables.kinds", table_kinds.empty() ? "all" : table_kinds);
  add("tables.rule", p.tables.rule);
  add("authorities.passim-after", p.passim_after ? std::to_string(p.passim_after) : "never");
  add("citations.case-name", p.citations.case_name);
  add("citations.short-forms", p.citations.short_forms);
  add("citations.detect", yes_no(p.citations.detect));
  add("redactions.boxes", p.redaction_boxes == RedactionBoxes::measured ? "measured" : "fixed");
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
