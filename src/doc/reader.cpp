// Reading the document tree from its XML (doc::from_xml): every element and attribute checked,
// with where it came from.

#include <pugixml.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "base/xml.hpp"
#include "doc/document.hpp"
#include "doc/names.hpp"

namespace fiscgen::doc {
namespace {

using namespace detail;

/// Reads the tree's XML, keeping where each element came from: its `at` attribute (set by
/// template/ to the input position) or, failing that, its own place in the tree's text.
class Reader {
 public:
  explicit Reader(const LineIndex& lines) : lines_(lines) {}

  /// `node`'s attribute `name` (null when absent), as node.attribute(name) finds it. The
  /// attributes of the element being read are listed once, with their lengths: a block is asked
  /// for some twenty that it mostly lacks, and pugixml compared each name with every attribute.
  pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) const {
    if (node != listed_) {
      listed_ = node;
      attributes_.clear();
      for (const auto& attribute : node.attributes())
        attributes_.emplace_back(attribute.name(), attribute);
    }
    for (const auto& [known, attribute] : attributes_)
      if (known == name) return attribute;
    return {};
  }

  SourceLocation where(const pugi::xml_node& node) const {
    if (const auto at = attribute(node, "at")) return parse_at(at.value());
    return locate(lines_, node);
  }

  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& message) const {
    throw Error(where(node), message);
  }

  std::vector<Block> blocks(const pugi::xml_node& parent) const {
    std::vector<Block> out;
    // Blocks are large: growing the vector by copying them all again costs more than a count.
    std::size_t elements = 0;
    for (const auto& child : parent.children()) elements += child.type() == pugi::node_element;
    out.reserve(elements);
    for (const auto& child : parent.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (std::string_view(child.value()).find_first_not_of(" \t\r\n") != std::string_view::npos)
          fail(child, std::string("text is not allowed directly inside <") + parent.name() +
                          ">: put it in a <paragraph>");
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      // The document's list of authorities follows its blocks (read by from_xml).
      if (std::string_view(child.name()) == "authorities" &&
          std::string_view(parent.name()) == "document")
        continue;
      out.push_back(block(child));
    }
    return out;
  }

  Block block(const pugi::xml_node& node) const {
    Block b;
    b.where = where(node);
    b.kind = kind_of(node);
    read_style(node, b);
    read_measures(node, b);
    read_file(node, b);
    read_part(node, b);
    read_marking(node, b);
    read_contents(node, b);
    return b;
  }

  BlockKind kind_of(const pugi::xml_node& node) const {
    const std::string_view name = node.name();
    for (const auto& [kind, text] : block_names)
      if (name == text) return kind;
    fail(node, "unknown block <" + std::string(name) +
                   "> in the document tree; expected paragraph, heading, quote, list, item, "
                   "caption, columns, column, signature, keep, group, page-break, spacer, "
                   "exhibit, image, toc or toa");
  }

  /// style= and align=.
  void read_style(const pugi::xml_node& node, Block& b) const {
    b.style = attribute(node, "style").value();
    // Layout reads the style of text blocks and list items only; elsewhere it would be ignored.
    if (attribute(node, "style") && !has_inline_content(b.kind) && b.kind != BlockKind::item)
      fail(node, "style=\"" + b.style + "\" on <" + std::string(node.name()) +
                     ">: expected it on a paragraph, heading or item, which are set in a style");
    const std::string_view align = attribute(node, "align").value();
    bool align_known = false;
    for (const auto& [value, text] : align_names)
      if (align == text) b.align = value, align_known = true;
    if (!align_known)
      fail(node, "align=\"" + std::string(align) + "\": expected left, center, right or justify");
  }

  /// The level and label of a heading, a column's width and repeat, a spacer's lines and rule.
  void read_measures(const pugi::xml_node& node, Block& b) const {
    b.level = static_cast<int>(number(node, "level", b.kind == BlockKind::heading ? 1 : 0, 1,
                                      "a whole number from 1 (a section) up", true));
    b.label = attribute(node, "label").value();
    b.width = number(node, "width", 0, 0,
                     "a fraction of the line's width, more than 0 and at most 1 (e.g. 0.2 for "
                     "a fifth)");
    if (b.width > 1 || (attribute(node, "width") && b.width == 0))
      fail(node, "width=\"" + std::string(attribute(node, "width").value()) +
                     "\": expected a fraction of the line's width, more than 0 and at most 1 "
                     "(e.g. 0.2 for a fifth)");
    if (const auto repeat = attribute(node, "repeat")) {
      const std::string_view value = repeat.value();
      if (b.kind != BlockKind::column || (value != "yes" && value != "no"))
        fail(node, "repeat=\"" + std::string(value) +
                       "\": expected yes or no, on a <column> (its line repeated down the row)");
      b.repeat = value == "yes";
    }
    // rule="" is no rule: a template passes on the input's, which may be absent.
    if (const auto rule = attribute(node, "rule"); rule && *rule.value()) {
      const std::string_view value = rule.value();
      if (b.kind != BlockKind::spacer || (value != "yes" && value != "no"))
        fail(node, "rule=\"" + std::string(value) +
                       "\": expected yes or no, on a <spacer> (a line across the text)");
      b.rule = value == "yes";
    }
    b.lines = number(node, "lines", b.kind == BlockKind::spacer ? 1 : 0, 0,
                     "a number of lines, 0 or more (e.g. 1.5)");
    b.outline = attribute(node, "outline").value();
  }

  /// The file of an exhibit or an image, and an image's height.
  void read_file(const pugi::xml_node& node, Block& b) const {
    b.file = attribute(node, "file").value();
    if (b.kind == BlockKind::exhibit && b.file.empty())
      fail(node, "<exhibit> needs a file=\"…\" attribute: the PDF to append");
    if (b.kind == BlockKind::image) {
      if (b.file.empty()) fail(node, "<image> needs a file=\"…\" attribute: the PNG to draw");
      b.height = number(node, "height", 0, 0, "a height in points, more than 0 (e.g. 36)");
      if (b.height <= 0 || b.height > 720)
        fail(node,
             "<image> needs height=\"…\": its height in points, more than 0 and at most "
             "720 (e.g. 36)");
    }
  }

  /// The part a block is, the words of a table and a restart of the page numbers.
  void read_part(const pugi::xml_node& node, Block& b) const {
    b.part = attribute(node, "part").value();
    if (attribute(node, "part") && !valid_part_name(b.part))
      fail(node, "part=\"" + b.part +
                     "\": expected lower-case words joined by '-', refined by '/' "
                     "(e.g. certificate-of-service, signature/email)");
    if (is_table(b.kind)) {
      for (const char* word : table_words)
        if (const auto found = attribute(node, word)) b.words[word] = found.value();
      for (const auto& names : authority_categories)
        if (const auto found = attribute(node, names.key))
          b.words[std::string(names.key)] = found.value();
    }
    if (const auto numbering = attribute(node, "numbering")) {
      if (std::string_view(numbering.value()) != "restart")
        fail(node, "numbering=\"" + std::string(numbering.value()) +
                       "\": expected restart (its pages numbered from 1 again)");
      b.restart_numbering = true;
    }
  }

  void read_marking(const pugi::xml_node& node, Block& b) const {
    // An empty class="" is no marking: a template passes on the input's, which may be absent.
    b.marking = attribute(node, "class").value();
    const bool markable = has_inline_content(b.kind) || b.kind == BlockKind::item;
    if (!b.marking.empty() && (!markable || !valid_marking(b.marking)))
      fail(node, "class=\"" + b.marking +
                     "\": a portion marking on a paragraph, heading or list item: a level in "
                     "capitals (as forms/markings.xml lists them), then any //caveats (e.g. "
                     "TS//SI//NF)");
  }

  /// The inlines of a text block, or the blocks inside any other.
  void read_contents(const pugi::xml_node& node, Block& b) const {
    if (has_inline_content(b.kind)) {
      b.inlines = inlines(node);
      trim(b.inlines);
    } else if (b.kind == BlockKind::item && !has_block_children(node)) {
      // An item written with bare text is one paragraph.
      Block paragraph;
      paragraph.where = b.where;
      paragraph.inlines = inlines(node);
      trim(paragraph.inlines);
      b.children.push_back(std::move(paragraph));
    } else {
      b.children = blocks(node);
    }
    if (b.kind == BlockKind::columns) check_widths(node, b);
    // A list item's mark is printed where its text starts: on its first paragraph.
    if (b.kind == BlockKind::item && !b.marking.empty()) {
      if (!b.children.empty() && b.children.front().kind == BlockKind::paragraph &&
          b.children.front().marking.empty())
        b.children.front().marking = b.marking;
      b.marking.clear();
    }
  }

  /// A number attribute: `fallback` when it is absent; anything else than a number of at least
  /// `low` (whole, if `whole`) is an error at its element, naming what was expected. pugixml's
  /// as_double reads "20%" as 20 and "two" as 0, so a typo would silently change the layout.
  double number(const pugi::xml_node& node, const char* name, double fallback, double low,
                const char* expected, bool whole = false) const {
    const auto found = attribute(node, name);
    if (!found) return fallback;
    const std::string_view text = found.value();
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
        value < low || (whole && value != std::floor(value)) || (whole && value > 1e6))
      fail(node, std::string(name) + "=\"" + std::string(text) + "\": expected " + expected);
    return value;
  }

  /// Columns with widths that fill the line leave nothing for the others, which would vanish.
  void check_widths(const pugi::xml_node& node, const Block& b) const {
    double fixed = 0;
    int free = 0;
    for (const auto& column : b.children) {
      fixed += column.width;
      free += column.width == 0;
    }
    constexpr double slack = 1e-9;  // 0.7 + 0.2 + 0.1 is 1.0000000000000002 in binary
    if (fixed > 1 + slack || (free > 0 && fixed >= 1 - slack)) {
      char sum[32];
      std::snprintf(sum, sizeof sum, "%g", fixed);
      fail(node, std::string("the columns' widths add up to ") + sum +
                     (free > 0 ? ", leaving no room for the " + std::to_string(free) +
                                     (free == 1 ? " column" : " columns") + " without a width"
                               : "") +
                     ": expected widths adding up to at most 1 (the whole line)");
    }
  }

  std::vector<Inline> inlines(const pugi::xml_node& parent) const {
    std::vector<Inline> out;
    for (const auto& child : parent.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        append_text(out, child.value(), [&] { return where(parent); });
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      Inline in;
      in.where = where(child);
      const std::string_view name = child.name();
      bool known = false;
      for (const auto& [kind, text] : inline_names)
        if (name == text && kind != InlineKind::text) in.kind = kind, known = true;
      if (!known)
        fail(child, "unknown inline <" + std::string(name) + "> in <" + parent.name() +
                        ">; expected em, strong, u, sc, cite, fn, redact, a, br or literal");
      if (in.kind == InlineKind::link) {
        in.href = attribute(child, "href").value();
        if (in.href.empty()) fail(child, "<a> needs an href attribute");
      }
      if (in.kind == InlineKind::footnote) {
        in.note = static_cast<int>(number(child, "n", 0, 1, "a footnote number, 1 or more", true));
        in.marking = attribute(child, "class").value();  // a footnote is a portion of its own
        if (!in.marking.empty() && !valid_marking(in.marking))
          fail(child, "class=\"" + in.marking +
                          "\": a portion marking: a level in capitals (as forms/markings.xml "
                          "lists them), then any //caveats (e.g. TS//SI//NF)");
      }
      if (in.kind == InlineKind::citation) in.authority = attribute(child, "authority").value();
      if (in.kind == InlineKind::redaction) {
        // Nothing inside a redaction is read, wherever the tree came from.
        in.hidden_length = attribute(child, "length").as_int(0);
        if (in.hidden_length < 0)
          fail(child, "length=\"" + std::string(attribute(child, "length").value()) +
                          "\": expected a number of characters, 0 or more");
        out.push_back(std::move(in));
        continue;
      }
      in.children = inlines(child);
      if (in.kind == InlineKind::footnote) trim(in.children);
      out.push_back(std::move(in));
    }
    return out;
  }

 private:
  static bool has_block_children(const pugi::xml_node& node) {
    for (const auto& child : node.children())
      if (child.type() == pugi::node_element && is_block_name(child.name())) return true;
    return false;
  }

  static SourceLocation parse_at(std::string_view at) {
    // "file:line:col"; the file may itself contain ':' so read from the right.
    SourceLocation where;
    const auto last = at.rfind(':');
    const auto middle = last == std::string_view::npos ? last : at.rfind(':', last - 1);
    if (middle == std::string_view::npos) {
      where.file = std::string(at);
      return where;
    }
    where.file = std::string(at.substr(0, middle));
    where.line = leading_int(at.substr(middle + 1, last - middle - 1));
    where.column = leading_int(at.substr(last + 1));
    return where;
  }

  /// std::atoi's reading of `text` (white space, a sign, then digits; 0 for none), without
  /// copying it into a string first: every block and inline of a tree has its at="…" read.
  static int leading_int(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'))) ++i;
    const bool negative = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    std::size_t digits = i;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    // Past nine digits an int may overflow: atoi's own answer, whatever it is.
    if (digits - i > 9) return std::atoi(std::string(text).c_str());
    int value = 0;
    for (; i < digits; ++i) value = value * 10 + (text[i] - '0');
    return negative ? -value : value;
  }

  /// Collapses white space as HTML does: any run of XML white space is one space. `where()`
  /// locates the text when it starts an inline of its own.
  template <class Where>
  static void append_text(std::vector<Inline>& out, std::string_view raw, const Where& where) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::string text;
    text.reserve(raw.size());
    bool in_space = false;
    for (std::size_t i = 0; i < raw.size();) {
      // A run of other characters is copied at once, after one space for the run before it.
      const std::size_t start = i;
      while (i < raw.size() && !space(raw[i])) ++i;
      if (i > start) {
        if (in_space) text += ' ';
        text.append(raw.substr(start, i - start));
        in_space = false;
      }
      for (; i < raw.size() && space(raw[i]); ++i) in_space = true;
    }
    if (in_space) text += ' ';
    if (text.empty()) return;
    if (!out.empty() && out.back().kind == InlineKind::text) {
      out.back().text += text;
      collapse_double_space(out.back().text);
      return;
    }
    Inline in;
    in.text = std::move(text);
    in.where = where();
    out.push_back(std::move(in));
  }

  static void collapse_double_space(std::string& text) {
    std::string::size_type at;
    while ((at = text.find("  ")) != std::string::npos) text.erase(at, 1);
  }

  /// Removes white space at the start and end of a paragraph, and doubled spaces across
  /// inline boundaries ("word <em> emphasis</em>").
  static void trim(std::vector<Inline>& inlines) {
    bool after_space = true;  // at the start, a leading space is dropped
    trim_from(inlines, after_space);
    trim_end(inlines);
  }

  static void trim_from(std::vector<Inline>& inlines, bool& after_space) {
    for (auto& in : inlines) {
      if (in.kind == InlineKind::text) {
        if (after_space && !in.text.empty() && in.text.front() == ' ') in.text.erase(0, 1);
        if (!in.text.empty()) after_space = in.text.back() == ' ';
      } else if (in.kind == InlineKind::line_break) {
        after_space = true;
      } else if (in.kind == InlineKind::redaction) {
        after_space = false;  // a box, though empty: the space after it stays
      } else if (in.kind != InlineKind::footnote) {
        trim_from(in.children, after_space);
      }
    }
    std::erase_if(inlines,
                  [](const Inline& in) { return in.kind == InlineKind::text && in.text.empty(); });
  }

  static bool trim_end(std::vector<Inline>& inlines) {
    for (auto it = inlines.rbegin(); it != inlines.rend(); ++it) {
      if (it->kind == InlineKind::text) {
        if (!it->text.empty() && it->text.back() == ' ') it->text.pop_back();
        if (!it->text.empty()) return true;
      } else if (it->kind == InlineKind::footnote || it->kind == InlineKind::line_break ||
                 it->kind == InlineKind::redaction) {
        return true;
      } else if (trim_end(it->children)) {
        return true;
      }
    }
    return false;
  }

  const LineIndex& lines_;
  mutable pugi::xml_node listed_;  // whose attributes attributes_ holds
  mutable std::vector<std::pair<std::string_view, pugi::xml_attribute>> attributes_;
};

}  // namespace

Document from_xml(const pugi::xml_node& document_element, const LineIndex& lines) {
  Reader reader(lines);
  if (std::string_view(document_element.name()) != "document")
    reader.fail(document_element,
                std::string("expected <document> at the root of the tree, found <") +
                    document_element.name() + ">");
  Document document;
  auto& meta = document.meta;
  meta.title = document_element.attribute("title").value();
  meta.subject = document_element.attribute("subject").value();
  meta.author = document_element.attribute("author").value();
  meta.locale = document_element.attribute("locale").value();
  meta.rules = document_element.attribute("rules").value();
  meta.date = document_element.attribute("date").value();
  meta.classification = document_element.attribute("classification").value();
  meta.kind = document_element.attribute("kind").value();
  meta.watermark = document_element.attribute("watermark").value();
  meta.note_continued = document_element.attribute("note-continued").value();
  meta.cover_label = document_element.attribute("cover-label").value();
  document.blocks = reader.blocks(document_element);
  for (const auto& list : document_element.children("authorities"))
    for (const auto& node : list.children()) {
      if (node.type() != pugi::node_element) continue;
      if (std::string_view(node.name()) != "authority")
        reader.fail(node, std::string("expected <authority> in <authorities>, found <") +
                              node.name() + ">");
      Authority authority;
      authority.key = node.attribute("key").value();
      authority.sort_key = node.attribute("sort-key").value();
      if (authority.key.empty()) reader.fail(node, "<authority> needs a key=\"…\" attribute");
      const std::string category = node.attribute("category").value();
      if (const auto found = authority_category(category)) {
        authority.category = *found;
      } else {
        std::string expected;
        for (std::size_t i = 0; i < authority_categories.size(); ++i)
          expected += std::string(i == 0                                 ? ""
                                  : i + 1 == authority_categories.size() ? " or "
                                                                         : ", ") +
                      std::string(authority_categories[i].key);
        reader.fail(node, "category=\"" + category + "\": expected " + expected);
      }
      authority.entry = reader.inlines(node);
      document.authorities.push_back(std::move(authority));
    }
  return document;
}

}  // namespace fiscgen::doc
