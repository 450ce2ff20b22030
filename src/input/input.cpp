#include "input/input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <unordered_set>

#include "base/xml.hpp"
#include "i18n/i18n.hpp"
#include "input/limits.hpp"
#include "input/markup_scan.hpp"
#include "input/overrides.hpp"

namespace fiscgen::input {
namespace {

// parse_ws_pcdata keeps the spaces of mixed content ("a <em>b</em> c"); doc::from_xml collapses
// whitespace itself. parse_doctype is left out: a DOCTYPE is refused before parsing.
constexpr unsigned parse_options = pugi::parse_default | pugi::parse_ws_pcdata;

std::string parse_error_message(const pugi::xml_parse_result& result, std::string_view text,
                                std::size_t& offset) {
  const std::string prefix = "malformed XML: ";
  switch (result.status) {
    case pugi::status_end_element_mismatch: {
      // pugixml points at (or near) the end tag's name; the tag starts at its "</". At the end
      // of the file it reports the same status, pointing at the last end tag, which matches.
      const std::size_t tag = text.rfind("</", std::min(offset, text.size()));
      std::string name;
      if (tag != std::string_view::npos) {
        std::size_t end = tag + 2;
        while (end < text.size() && text[end] != '>' && text[end] != ' ' && text[end] != '\t' &&
               text[end] != '\r' && text[end] != '\n')
          ++end;
        name = std::string(text.substr(tag + 2, end - tag - 2));
      }
      const auto open =
          tag == std::string_view::npos ? std::vector<std::string>{} : scan_markup(text, tag).open;
      if (name.empty() || (!open.empty() && name == open.back())) {
        offset = text.size();
        const auto still_open = scan_markup(text, text.size()).open;
        if (still_open.empty()) return prefix + "the file ends inside a tag";
        return prefix + "the file ends inside <" + still_open.back() + ">; expected </" +
               still_open.back() + ">";
      }
      offset = tag;
      if (open.empty()) return prefix + "end tag </" + name + "> has no start tag";
      return prefix + "end tag </" + name + "> does not match start tag <" + open.back() +
             ">; expected </" + open.back() + ">";
    }
    case pugi::status_unrecognized_tag:
      return prefix +
             "expected an element name, a comment or CDATA after '<' (write a literal "
             "'<' as &lt;)";
    case pugi::status_bad_pi:
      return prefix + "unterminated processing instruction: expected '?>'";
    case pugi::status_bad_comment:
      return prefix + "bad comment: expected '-->' (and no '--' inside it)";
    case pugi::status_bad_cdata:
      return prefix + "unterminated CDATA section: expected ']]>'";
    case pugi::status_bad_doctype:
      return "DOCTYPE is not allowed: fiscgen reads no DTDs or external entities";
    case pugi::status_bad_pcdata:
      return prefix + "bad text content";
    case pugi::status_bad_start_element:
      return prefix + "bad start tag: expected an attribute, '>' or '/>'";
    case pugi::status_bad_attribute:
      return prefix + "bad attribute: expected name=\"value\"";
    case pugi::status_bad_end_element:
      return prefix + "bad end tag: expected '>'";
    case pugi::status_no_document_element:
      offset = 0;
      return prefix + "no root element: expected one such as <motion> or <letter>";
    default:
      return prefix + result.description();
  }
}

std::string too_long(const std::string& what, std::size_t bytes) {
  return what + " is " + std::to_string(bytes) + " bytes long; fiscgen accepts at most " +
         std::to_string(max_value_bytes) + " (split it into paragraphs)";
}

/// Refuses more than max_attributes on `element`, and a name given twice (pugixml keeps both
/// copies; XML forbids it). A set, not a pairwise comparison: that was quadratic in the count.
void check_attributes(const Matter& matter, const pugi::xml_node& element) {
  std::size_t count = 0;
  for (auto attribute = element.first_attribute(); attribute;
       attribute = attribute.next_attribute())
    if (++count > max_attributes)
      throw Error(matter.locate(element), "more than " + std::to_string(max_attributes) +
                                              " attributes on one element: refused");
  if (count < 2) return;
  std::unordered_set<std::string_view> seen;
  seen.reserve(count);
  for (const pugi::xml_attribute attribute : element.attributes())
    if (!seen.insert(attribute.name()).second)
      throw Error(matter.locate(element), "malformed XML: attribute " +
                                              std::string(attribute.name()) +
                                              " appears twice; expected it once");
}

/// Whether `text` is printable ASCII, tabs and line ends only: valid UTF-8 without a control
/// character i18n::normalise refuses, and NFC as it stands, so normalise would return it
/// unchanged. Most of an input is; normalise decodes every character to check it.
bool plain_ascii(std::string_view text) {
  const auto plain_byte = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x7F && (byte >= 0x20 || c == '\t' || c == '\n' || c == '\r');
  };
  // Eight bytes at a time: a word whose bytes all lie in 0x20-0x7E passes at once (the most of
  // an input's text); one holding anything else (a line end, a letter beyond ASCII) is looked
  // at byte by byte. A byte below 0x20 borrows into its top bit when 0x20 is taken from it, a
  // byte of 0x7F or more has it set once 0x01 is added (0x80 and up have it already).
  constexpr std::uint64_t ones = 0x0101010101010101ULL, tops = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((((word - 0x20 * ones) | (word + ones) | word) & tops) == 0) continue;
    for (std::size_t j = i; j < i + 8; ++j)
      if (!plain_byte(text[j])) return false;
  }
  for (; i < text.size(); ++i)
    if (!plain_byte(text[i])) return false;
  return true;
}

/// `text` NFC-normalised, or an Error at `where()`: located only when there is one to report
/// (locating counts the characters of the line before the node).
template <class Where>
std::string normalised(std::string_view text, Where where, const std::string& what = {}) {
  try {
    return i18n::normalise(text, {});
  } catch (const Error& e) {
    throw Error(where(), what + e.message());
  }
}

/// Checks and NFC-normalises every text node and attribute value under `node`, which is
/// `depth` elements deep; deeper than max_nesting_depth is refused, as is a value longer than
/// max_value_bytes.
void normalise_tree(Matter& matter, pugi::xml_node node, std::size_t depth) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      const std::string_view text = child.value();
      if (text.size() > max_value_bytes)
        throw Error(matter.locate(child), too_long("a text", text.size()));
      if (plain_ascii(text)) continue;
      const std::string value = normalised(text, [&] { return matter.locate(child); });
      // Only rewrite on change: pugixml keeps a node's offset when its value stays in place.
      if (value != text) child.set_value(value.c_str());
    } else if (child.type() == pugi::node_element) {
      if (depth + 1 > max_nesting_depth)
        throw Error(matter.locate(child), "elements nested more than " +
                                              std::to_string(max_nesting_depth) +
                                              " deep: refused (is an end tag missing?)");
      check_attributes(matter, child);
      for (pugi::xml_attribute attribute : child.attributes()) {
        const std::string_view text = attribute.value();
        if (text.size() > max_value_bytes)
          throw Error(matter.locate(child),
                      too_long("attribute " + std::string(attribute.name()), text.size()));
        if (plain_ascii(text)) continue;
        const std::string value = normalised(
            text, [&] { return matter.locate(child); },
            "attribute " + std::string(attribute.name()) + ": ");
        if (value != text) attribute.set_value(value.c_str());
      }
      normalise_tree(matter, child, depth + 1);
    }
  }
}

}  // namespace

std::string too_big(std::size_t bytes) {
  return too_big_message(bytes, max_input_bytes);
}

SourceLocation Matter::locate(const pugi::xml_node& node) const {
  if (!node) return {file, 0, 0};
  if (const auto found = added.find(node.internal_object()); found != added.end())
    return found->second;
  if (node.offset_debug() >= 0) return fiscgen::locate(lines, node);
  // A text whose NFC form outgrew it has moved out of the parse buffer: use its element.
  if (node.parent()) return locate(node.parent());
  return {file, 0, 0};
}

SourceLocation Matter::locate(const pugi::xml_node& element,
                              const pugi::xml_attribute& attribute) const {
  if (const auto found = added.find(attribute.internal_object()); found != added.end())
    return found->second;
  // pugixml keeps no offset for attributes, but parses in place: the attribute's name lies in
  // the same buffer as its element's, whose offset it does keep.
  const std::ptrdiff_t element_offset = element.offset_debug();
  const std::string_view text = lines.text();
  if (element_offset > 0 && attribute) {
    const std::uintptr_t buffer = reinterpret_cast<std::uintptr_t>(element.name()) -
                                  static_cast<std::uintptr_t>(element_offset);
    const auto at = reinterpret_cast<std::uintptr_t>(attribute.name()) - buffer;
    const std::string_view name = attribute.name();
    if (at < text.size() && text.substr(at, name.size()) == name)
      return lines.locate(static_cast<std::ptrdiff_t>(at));
  }
  return locate(element);
}

void read_text(Matter& matter, const std::string& name, std::string_view text,
               const std::vector<std::string>& overrides, const std::string& locale) {
  matter.file = name;
  matter.xml.reset();
  matter.added.clear();
  matter.kind.clear();

  if (text.size() > max_input_bytes) throw Error(SourceLocation{name}, too_big(text.size()));
  // A byte-order mark is not part of line 1's first column.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  matter.lines = LineIndex(name, text);

  if (const auto bad = i18n::invalid_utf8_at(text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    throw Error(matter.lines.locate(static_cast<std::ptrdiff_t>(bad)),
                std::string("invalid UTF-8 (byte ") + byte + "): save the file as UTF-8");
  }

  // pugixml stops at a NUL as at the end of the text, and would report what is open there.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos)
    throw Error(matter.lines.locate(static_cast<std::ptrdiff_t>(nul)),
                "a NUL byte (U+0000), which XML does not allow anywhere: is this a text file?");

  const auto scan = scan_markup(text, text.size());
  const auto result =
      matter.xml.load_buffer(text.data(), text.size(), parse_options, pugi::encoding_utf8);
  if (!result) {
    auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    std::string message = parse_error_message(result, text, offset);
    // Report whichever comes first in the file: a refused construct or the syntax error.
    if (scan.problem && scan.problem->offset <= offset) {
      offset = scan.problem->offset;
      message = scan.problem->message;
    }
    throw Error(matter.lines.locate(static_cast<std::ptrdiff_t>(offset)), message);
  }
  if (scan.problem)
    throw Error(matter.lines.locate(static_cast<std::ptrdiff_t>(scan.problem->offset)),
                scan.problem->message);

  normalise_tree(matter, matter.xml, 0);
  matter.kind = matter.root().name();

  for (const std::string& text_override : overrides) apply_override(matter, text_override);
  if (!locale.empty()) {
    try {
      i18n::check_locale_name(locale);
    } catch (const Error& e) {
      throw Error({"--locale", 0, 0}, e.message());
    }
    auto attribute = matter.root().attribute("locale");
    if (!attribute) attribute = matter.root().append_attribute("locale");
    attribute.set_value(i18n::normalise(locale, {"--locale", 0, 0}).c_str());
    matter.added[attribute.internal_object()] = {"--locale", 0, 0};
  }
}

void read(Matter& matter, Sources& sources, const std::filesystem::path& file,
          const std::vector<std::string>& overrides, const std::string& locale) {
  read_text(matter, file.string(), sources.bytes(file, max_input_bytes), overrides, locale);
}

}  // namespace fiscgen::input
