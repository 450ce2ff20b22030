#include "rules/compliance.hpp"

#include <cstdio>
#include <map>
#include <set>
#include <string_view>

namespace fiscgen::rules {
namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

void append_text(std::string& out, const std::vector<doc::Inline>& inlines, std::string& notes) {
  for (const auto& in : inlines) {
    switch (in.kind) {
      case doc::InlineKind::text:
        out += in.text;
        break;
      case doc::InlineKind::redaction:
        out += ' ';  // what was there is not in the filing, and neither are its words
        break;
      case doc::InlineKind::line_break:
        out += ' ';
        break;
      case doc::InlineKind::footnote:
        notes += ' ';
        append_text(notes, in.children, notes);
        notes += ' ';
        break;
      default:
        append_text(out, in.children, notes);
    }
  }
}

int words_in(const std::string& text) {
  int words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

/// Where the checks look: each text block with its part and the style it is set in, resolved
/// as layout resolves it (a paragraph takes its container's style unless it names one).
struct TextBlock {
  const doc::Block* block;
  std::string part;
  std::string style;
};

void collect(const std::vector<doc::Block>& blocks, const std::string& inherited,
             const std::string& default_style, std::vector<TextBlock>& out) {
  using doc::BlockKind;
  for (const auto& b : blocks) {
    const std::string part = doc::part_of(b, inherited);
    if (b.kind == BlockKind::paragraph || b.kind == BlockKind::heading)
      out.push_back({&b, part, style_name(b, default_style)});
    else
      collect(b.children, part, contents_style(b, default_style), out);
  }
}

bool has_footnote(const std::vector<doc::Inline>& inlines) {
  for (const auto& in : inlines)
    if (in.kind == doc::InlineKind::footnote || has_footnote(in.children)) return true;
  return false;
}

bool has_block(const std::vector<doc::Block>& blocks, doc::BlockKind kind) {
  for (const auto& b : blocks)
    if (b.kind == kind || has_block(b.children, kind)) return true;
  return false;
}

bool inside(const std::string& part, const std::string& whole) {
  return part == whole || part.starts_with(whole + "/");
}

std::string not_counted_note(const Profile& profile) {
  if (!profile.not_counted_note.empty()) return " (" + profile.not_counted_note + ")";
  if (profile.not_counted.empty()) return "";
  std::string list;
  for (std::size_t i = 0; i < profile.not_counted.size(); ++i) {
    if (i > 0) list += i + 1 == profile.not_counted.size() ? " and " : ", ";
    for (const char c : profile.not_counted[i]) list += c == '-' || c == '/' ? ' ' : c;
  }
  return " (" + list + " not counted)";
}

}  // namespace

std::string grouped(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return (n < 0 ? "-" : "") + digits;
}

int count_words(const std::vector<doc::Inline>& inlines) {
  std::string text, notes;
  append_text(text, inlines, notes);
  return words_in(text) + words_in(notes);
}

namespace {

/// "the fisc-2010 profile", or the rule a setting names ("FRAP 32(a)(7)(B)(i)").
std::string who_requires(const std::string& rule, const Profile& profile) {
  return rule.empty() ? "the " + profile.name + " profile" : rule;
}

/// The word and page limits the profile sets for the document's kind, checked.
void check_limits(Compliance& result, const std::string& kind, const Profile& profile) {
  const Limit* limit = result.limit;
  if (!limit) return;
  const std::string who = who_requires(limit->rule, profile);
  const std::string for_what = limit->document.empty() ? "" : " for a " + limit->document;
  if (limit->words > 0 && result.words > limit->words)
    result.violations.emplace_back("the " + kind + " has " + grouped(result.words) + " words; " +
                                   who + " allows " + grouped(limit->words) + for_what +
                                   not_counted_note(profile));
  if (limit->pages > 0 && result.pages > limit->pages)
    result.violations.emplace_back("the " + kind + " has " + grouped(result.pages) + " pages; " +
                                   who + " allows " + grouped(limit->pages) + for_what +
                                   not_counted_note(profile));
}

/// The parts the profile requires, and its tables of contents and authorities where it wants
/// them for this kind and length, checked.
void check_required(Compliance& result, const std::string& kind, const doc::Document& document,
                    const Profile& profile, const std::vector<TextBlock>& blocks) {
  const auto present = [&blocks](const std::string& part) {
    for (const auto& t : blocks)
      if (inside(t.part, part) && count_words(t.block->inlines) > 0) return true;
    return false;
  };
  for (const auto& requirement : profile.required) {
    if (!requirement.applies_to(document.meta.kind)) continue;
    if (!present(requirement.part))
      result.violations.emplace_back(who_requires(requirement.rule, profile) + " requires " +
                                     requirement.what + "; the " + kind + " has none");
  }

  const Tables& tables = profile.tables;
  if (!tables.applies_to(document.meta.kind) ||
      (tables.over_pages != 0 && result.pages <= tables.over_pages))
    return;
  const std::string who = who_requires(tables.rule, profile);
  const std::string when = tables.over_pages == 0 ? ""
                                                  : " in a document of more than " +
                                                        grouped(tables.over_pages) + " pages";
  // A <toc> or <toa> is the table; a template may also write one out as text of its part.
  const auto missing = [&](bool wanted, const char* part, const char* what) {
    const auto table = std::string_view(part) == "table-of-contents"
                           ? doc::BlockKind::table_of_contents
                           : doc::BlockKind::table_of_authorities;
    if (wanted && !present(part) && !has_block(document.blocks, table))
      result.violations.emplace_back(who + " requires " + what + when + "; the " + kind +
                                     " has none");
  };
  missing(tables.contents, "table-of-contents", "a table of contents");
  missing(tables.authorities, "table-of-authorities", "a table of authorities");
}

/// Every style the document's text is set in, its footnotes and its page numbers against the
/// profile's minimum type size.
void check_type_size(Compliance& result, const Profile& profile,
                     const std::vector<TextBlock>& blocks) {
  if (profile.minimum_type_size <= 0) return;
  const std::string who = who_requires(profile.type_rule, profile);
  const auto below = [&](const std::string& what, double size, SourceLocation where) {
    result.violations.emplace_back(std::move(where),
                                   what + " is set in " + number(size) + "-point type; " + who +
                                       " requires at least " + number(profile.minimum_type_size) +
                                       " points");
  };
  std::set<std::string> seen;
  bool notes = false;
  for (const auto& t : blocks) {
    notes |= has_footnote(t.block->inlines);
    if (!seen.insert(t.style).second) continue;
    const double size = profile.style(t.style).size;
    if (size < profile.minimum_type_size)
      below("text in style \"" + t.style + "\"", size, t.block->where);
  }
  if (notes && !seen.count("footnote") &&
      profile.style("footnote").size < profile.minimum_type_size)
    below("footnote text", profile.style("footnote").size, {});
  if (profile.page_number.position != "none" &&
      profile.page_number.size < profile.minimum_type_size)
    below("the page numbers", profile.page_number.size, {});
}

}  // namespace

Compliance check_compliance(const doc::Document& document, const Profile& profile,
                            const std::vector<std::vector<std::string>>& page_parts) {
  Compliance result;
  std::vector<TextBlock> blocks;
  collect(document.blocks, "", "body", blocks);

  for (const auto& t : blocks)
    if (profile.counted(t.part)) result.words += count_words(t.block->inlines);
  for (const auto& parts : page_parts) {
    bool counted = false;
    for (const auto& part : parts) counted |= profile.counted(part == "body" ? "" : part);
    result.pages += counted;
  }

  const std::string kind = document.meta.kind.empty() ? "document" : document.meta.kind;
  result.limit = profile.limit_for(document.meta.kind);
  check_limits(result, kind, profile);
  check_required(result, kind, document, profile, blocks);
  check_type_size(result, profile, blocks);
  return result;
}

}  // namespace fiscgen::rules
