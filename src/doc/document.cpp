#include "doc/document.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <sstream>
#include <string_view>
#include <utility>

#include "doc/names.hpp"

namespace fiscgen::doc {

const std::array<AuthorityCategoryName, 9> authority_categories{{
    {AuthorityCategory::cases, "cases", "cases", "Cases"},
    {AuthorityCategory::constitutional_provisions, "constitutional-provisions",
     "constitutional_provisions", "Constitutional Provisions"},
    {AuthorityCategory::statutes, "statutes", "statutes", "Statutes"},
    {AuthorityCategory::regulations, "regulations", "regulations", "Regulations"},
    {AuthorityCategory::rules, "rules", "rules", "Rules"},
    {AuthorityCategory::legislative, "legislative", "legislative", "Legislative Materials"},
    {AuthorityCategory::executive, "executive", "executive", "Executive Materials"},
    {AuthorityCategory::secondary, "secondary", "secondary", "Secondary Sources"},
    {AuthorityCategory::other, "other", "other", "Other Authorities"},
}};

const AuthorityCategoryName& names_of(AuthorityCategory category) {
  static const AuthorityCategoryName none{AuthorityCategory::none, "", "", ""};
  for (const auto& names : authority_categories)
    if (names.category == category) return names;
  return none;
}

std::optional<AuthorityCategory> authority_category(std::string_view key) {
  for (const auto& names : authority_categories)
    if (names.key == key) return names.category;
  return std::nullopt;
}

namespace {

using namespace detail;

void write_inlines(pugi::xml_node parent, const std::vector<Inline>& inlines) {
  for (const auto& in : inlines) {
    if (in.kind == InlineKind::text) {
      parent.append_child(pugi::node_pcdata).set_value(in.text.c_str());
      continue;
    }
    auto node = parent.append_child(name_of(in.kind));
    if (in.kind == InlineKind::link) node.append_attribute("href") = in.href.c_str();
    if (in.kind == InlineKind::citation && !in.authority.empty())
      node.append_attribute("authority") = in.authority.c_str();
    if (in.kind == InlineKind::footnote && in.note > 0) node.append_attribute("n") = in.note;
    if (in.kind == InlineKind::footnote && !in.marking.empty())
      node.append_attribute("class") = in.marking.c_str();
    if (in.kind == InlineKind::redaction) {
      if (in.hidden_length > 0) node.append_attribute("length") = in.hidden_length;
      continue;  // never its children: a redaction has none to show
    }
    write_inlines(node, in.children);
  }
}

void write_blocks(pugi::xml_node parent, const std::vector<Block>& blocks) {
  for (const auto& b : blocks) {
    auto node = parent.append_child(name_of(b.kind));
    if (!b.style.empty()) node.append_attribute("style") = b.style.c_str();
    for (const auto& [value, text] : align_names)
      if (b.align == value && value != Align::inherit) node.append_attribute("align") = text;
    if (b.kind == BlockKind::heading) node.append_attribute("level") = b.level;
    if (!b.label.empty()) node.append_attribute("label") = b.label.c_str();
    if (b.width > 0) node.append_attribute("width") = b.width;
    if (b.repeat) node.append_attribute("repeat") = "yes";
    if (b.kind == BlockKind::spacer) node.append_attribute("lines") = b.lines;
    if (b.kind == BlockKind::image) node.append_attribute("height") = b.height;
    if (b.rule) node.append_attribute("rule") = "yes";
    if (!b.file.empty()) node.append_attribute("file") = b.file.c_str();
    if (!b.outline.empty()) node.append_attribute("outline") = b.outline.c_str();
    if (!b.part.empty()) node.append_attribute("part") = b.part.c_str();
    if (!b.marking.empty()) node.append_attribute("class") = b.marking.c_str();
    if (b.restart_numbering) node.append_attribute("numbering") = "restart";
    for (const auto& [name, text] : b.words) node.append_attribute(name.c_str()) = text.c_str();
    write_inlines(node, b.inlines);
    write_blocks(node, b.children);
  }
}

/// Indents block structure but prints running text raw: pugixml's format_indent would break
/// lines inside mixed content and so add spaces to the text.
void print_indented(std::ostream& out, const pugi::xml_node& node, int depth) {
  const std::string indent(2 * static_cast<std::size_t>(depth), ' ');
  bool blocks_inside = false;
  for (const auto& child : node.children())
    blocks_inside |= child.type() == pugi::node_element &&
                     (is_block_name(child.name()) || std::string_view(child.name()) == "authority");
  if (!blocks_inside) {
    out << indent;
    node.print(out, "", pugi::format_raw | pugi::format_no_declaration);
    out << '\n';
    return;
  }
  out << indent << '<' << node.name();
  for (const auto& attribute : node.attributes()) {
    out << ' ' << attribute.name() << "=\"";
    for (const char c : std::string_view(attribute.value())) {
      switch (c) {
        case '&':
          out << "&amp;";
          break;
        case '<':
          out << "&lt;";
          break;
        case '>':
          out << "&gt;";
          break;
        case '"':
          out << "&quot;";
          break;
        default:
          out << c;
      }
    }
    out << '"';
  }
  out << ">\n";
  for (const auto& child : node.children()) print_indented(out, child, depth + 1);
  out << indent << "</" << node.name() << ">\n";
}

void number_in(std::vector<Inline>& inlines, int& next) {
  for (auto& in : inlines) {
    if (in.kind == InlineKind::footnote) in.note = next++;
    number_in(in.children, next);
  }
}

void number_in(std::vector<Block>& blocks, int& next) {
  for (auto& b : blocks) {
    number_in(b.inlines, next);
    number_in(b.children, next);
  }
}

void append_plain(std::string& out, const std::vector<Inline>& inlines) {
  for (const auto& in : inlines) {
    switch (in.kind) {
      case InlineKind::text:
        out += in.text;
        break;
      case InlineKind::line_break:
        out += ' ';
        break;
      case InlineKind::footnote:
      case InlineKind::redaction:
        break;
      default:
        append_plain(out, in.children);
    }
  }
}

}  // namespace

bool valid_marking(const std::string& marking) {
  // The shape only: which levels exist is data (forms/markings.xml, doc::check_markings).
  std::size_t from = 0;
  for (bool level = true;; level = false) {
    const auto at = marking.find("//", from);
    const auto part = marking.substr(from, at == std::string::npos ? std::string::npos : at - from);
    if (part.empty()) return false;
    if (level &&
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      return false;
    if (at == std::string::npos) return true;
    from = at + 2;
  }
}

const char* name_of(BlockKind kind) {
  for (const auto& [value, text] : block_names)
    if (value == kind) return text;
  return "?";
}

const char* name_of(InlineKind kind) {
  for (const auto& [value, text] : inline_names)
    if (value == kind) return text;
  return "?";
}

std::string to_xml(const Document& document) {
  pugi::xml_document xml;
  auto root = xml.append_child("document");
  const auto& meta = document.meta;
  const std::pair<const char*, const std::string*> attributes[] = {
      {"title", &meta.title},
      {"subject", &meta.subject},
      {"author", &meta.author},
      {"locale", &meta.locale},
      {"rules", &meta.rules},
      {"date", &meta.date},
      {"classification", &meta.classification},
      {"kind", &meta.kind},
      {"watermark", &meta.watermark},
      {"note-continued", &meta.note_continued},
      {"cover-label", &meta.cover_label}};
  for (const auto& [name, value] : attributes)
    if (!value->empty()) root.append_attribute(name) = value->c_str();
  write_blocks(root, document.blocks);
  if (!document.authorities.empty()) {
    auto list = root.append_child("authorities");
    for (const auto& authority : document.authorities) {
      auto node = list.append_child("authority");
      node.append_attribute("key") = authority.key.c_str();
      node.append_attribute("category") = std::string(names_of(authority.category).key).c_str();
      node.append_attribute("sort-key") = authority.sort_key.c_str();
      write_inlines(node, authority.entry);
    }
  }
  std::ostringstream out;
  print_indented(out, root, 0);
  return out.str();
}

void number_footnotes(Document& document) {
  int next = 1;
  number_in(document.blocks, next);
}

bool valid_part_name(const std::string& part) {
  if (part.empty()) return false;
  char previous = '/';
  for (const char c : part) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!letter && (c != '-' && c != '/')) return false;
    if (!letter && (previous == '-' || previous == '/')) return false;  // no empty word
    previous = c;
  }
  return previous != '-' && previous != '/';
}

std::string part_of(const Block& block, const std::string& inherited) {
  if (!block.part.empty()) return block.part;
  if (!inherited.empty()) return inherited;
  if (block.kind == BlockKind::caption) return "caption";
  if (block.kind == BlockKind::signature) return "signature";
  if (block.kind == BlockKind::table_of_contents) return "table-of-contents";
  if (block.kind == BlockKind::table_of_authorities) return "table-of-authorities";
  return "";
}

std::string plain_text(const std::vector<Inline>& inlines) {
  std::string out;
  append_plain(out, inlines);
  return out;
}

}  // namespace fiscgen::doc
