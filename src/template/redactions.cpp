#include "template/redactions.hpp"

#include <cstdio>

namespace fiscgen::templ {
namespace {

// U+FDD0–U+FDEF are noncharacters: never text, so a marker made of them cannot be mistaken for
// the user's words. In UTF-8 they are EF B7 90 to EF B7 AF.
constexpr std::string_view marker_open = "\xEF\xB7\x90";   // U+FDD0
constexpr std::string_view marker_close = "\xEF\xB7\x91";  // U+FDD1
constexpr unsigned char first_digit = 0xA0;                // U+FDE0 is hex digit 0

/// Where the first noncharacter U+FDD0–U+FDEF of `text` starts; npos when none.
std::size_t find_noncharacter(std::string_view text) {
  for (auto at = text.find("\xEF\xB7"); at != std::string_view::npos;
       at = text.find("\xEF\xB7", at + 1))
    if (at + 2 < text.size() && static_cast<unsigned char>(text[at + 2]) >= 0x90 &&
        static_cast<unsigned char>(text[at + 2]) <= 0xAF)
      return at;
  return std::string_view::npos;
}

std::string marker(std::size_t number) {
  std::string out(marker_open);
  char hex[24];
  std::snprintf(hex, sizeof hex, "%zx", number);
  for (const char* c = hex; *c; ++c) {
    const int digit = *c <= '9' ? *c - '0' : *c - 'a' + 10;
    out += "\xEF\xB7";
    out += static_cast<char>(first_digit + digit);
  }
  return out += marker_close;
}

/// The marker's number at `at` (where marker_open starts); -1 when what follows is not one.
long read_marker(std::string_view text, std::size_t at) {
  long number = 0;
  std::size_t pos = at + marker_open.size();
  int digits = 0;
  for (; pos + 3 <= text.size() && text.substr(pos, 2) == "\xEF\xB7"; pos += 3) {
    const auto byte = static_cast<unsigned char>(text[pos + 2]);
    if (byte < first_digit || byte > first_digit + 15 || ++digits > 12) break;
    number = number * 16 + (byte - first_digit);
  }
  return digits > 0 && text.substr(pos, marker_close.size()) == marker_close ? number : -1;
}

/// The next node in document order, not entering `node`'s children when `enter` is false.
/// Iterative: an input may be deeper than the stack would allow (the depth limit is checked
/// elsewhere, and not for nodes --set adds).
pugi::xml_node next_node(pugi::xml_node node, bool enter) {
  if (enter && node.first_child()) return node.first_child();
  while (node && !node.next_sibling()) node = node.parent();
  return node ? node.next_sibling() : pugi::xml_node();
}

/// Characters of running text under `redact`, as a box measures them: a run of white space is
/// one, a footnote's text none (it is not on the line).
int running_length(const pugi::xml_node& redact) {
  int length = 0;
  bool in_space = true;  // leading white space counts nothing
  for (auto node = redact.first_child(); node;) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      for (const unsigned char c : std::string_view(node.value())) {
        if ((c & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte: same character
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!space || !in_space) ++length;
        in_space = space;
      }
    }
    const bool footnote =
        node.type() == pugi::node_element && std::string_view(node.name()) == "fn";
    if (!footnote && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != redact && !node.next_sibling()) node = node.parent();
    node = node == redact ? pugi::xml_node() : node.next_sibling();
  }
  if (in_space && length > 0) --length;  // trailing white space
  return length;
}

void refuse_noncharacters(const input::Matter& matter, const pugi::xml_node& node,
                          std::string_view text) {
  if (find_noncharacter(text) != std::string_view::npos)
    throw Error(matter.locate(node),
                "a Unicode noncharacter (U+FDD0 to U+FDEF), which is not text; expected text");
}

}  // namespace

Redactions Redactions::seal(input::Matter& matter, rules::RedactionBoxes boxes) {
  std::vector<pugi::xml_node> found;
  for (auto node = matter.xml.first_child(); node;) {
    refuse_noncharacters(matter, node.type() == pugi::node_element ? node : node.parent(),
                         node.value());
    for (const auto& attribute : node.attributes())
      refuse_noncharacters(matter, node, attribute.value());
    const bool redact =
        node.type() == pugi::node_element && std::string_view(node.name()) == "redact";
    if (redact) found.push_back(node);
    node = next_node(node, !redact);
  }
  Redactions sealed;
  for (std::size_t i = 0; i < found.size(); ++i) {
    auto& redact = found[i];
    sealed.where_.push_back(matter.locate(redact));
    // Sealed already (a matter merged again): its length was counted then.
    const bool resealed = std::string_view(redact.first_child().value()).starts_with(marker_open);
    const int length = boxes != rules::RedactionBoxes::measured ? 0
                       : resealed ? redact.attribute("length").as_int(0)
                                  : running_length(redact);
    while (redact.first_child()) redact.remove_child(redact.first_child());
    while (redact.first_attribute()) redact.remove_attribute(redact.first_attribute());
    redact.append_child(pugi::node_pcdata).set_value(marker(i).c_str());
    if (length > 0) redact.append_attribute("length") = length;
  }
  return sealed;
}

bool Redactions::holds_marker(std::string_view value) {
  return find_noncharacter(value) != std::string_view::npos;
}

void Redactions::refuse(std::string_view value, const SourceLocation& used_at) const {
  const auto at = find_noncharacter(value);
  const long number =
      value.substr(at, marker_open.size()) == marker_open ? read_marker(value, at) : -1;
  const std::string why =
      " is used as plain text (by " + used_at.str() +
      "): a caption, signature or address line, a message or the PDF's metadata, where a "
      "redaction cannot be hidden; expected <redact> only in running text (p, heading, item, "
      "quote, fn, cite, a, em, strong, u, sc), or this field without it";
  if (number >= 0 && static_cast<std::size_t>(number) < where_.size())
    throw Error(where_[static_cast<std::size_t>(number)], "<redact> in a field that" + why);
  throw Error(used_at, "a value holding a <redact>" + why);
}

}  // namespace fiscgen::templ
