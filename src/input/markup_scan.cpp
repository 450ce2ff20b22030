#include "input/markup_scan.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace fiscgen::input {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[at + i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != prefix[i]) return false;
  }
  return true;
}

// XML 1.0 Char: what a numeric character reference may name.
bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// Checks the reference starting at text[at] == '&'; returns a message if it is not allowed.
std::optional<std::string> check_reference(std::string_view text, std::size_t at) {
  constexpr std::size_t longest = 64;
  std::size_t end = at + 1;
  while (end < text.size() && end - at <= longest && text[end] != ';' && !is_space(text[end]) &&
         text[end] != '<' && text[end] != '&' && text[end] != '"' && text[end] != '\'')
    ++end;
  if (end >= text.size() || text[end] != ';' || end == at + 1)
    return "a bare '&' is not allowed in XML: write it as &amp;";
  const std::string_view name = text.substr(at + 1, end - at - 1);
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos")
    return std::nullopt;
  // Appended, not concatenated: GCC 12's -Wrestrict misfires on "&" + std::string(...).
  std::string written = "&";
  written.append(name).append(";");
  if (name[0] == '#') {
    const bool hex = name.size() > 1 && name[1] == 'x';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint32_t value = 0;
    bool ok = !digits.empty() && digits.size() <= 8;
    for (char c : digits) {
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) ok = false;
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(std::max(digit, 0));
    }
    if (!ok) return "malformed character reference " + written + ": expected &#167; or &#xA7;";
    if (!is_xml_char(value)) return written + " names a character XML does not allow";
    return std::nullopt;
  }
  return "unknown entity " + written +
         ": fiscgen reads no DTDs, so only &amp; &lt; &gt; &quot; &apos; and numeric references "
         "such as &#167; are known; write the character itself";
}

std::size_t skip_past(std::string_view text, std::size_t from, std::string_view end) {
  const std::size_t found = text.find(end, from);
  return found == std::string_view::npos ? text.size() : found + end.size();
}

std::size_t name_end(std::string_view text, std::size_t from) {
  while (from < text.size() && !is_space(text[from]) && text[from] != '/' && text[from] != '>')
    ++from;
  return from;
}

}  // namespace

MarkupScan scan_markup(std::string_view text, std::size_t limit) {
  MarkupScan scan;
  limit = std::min(limit, text.size());
  std::string root;
  auto fail = [&](std::size_t at, std::string message) {
    scan.problem = MarkupProblem{at, std::move(message)};
  };

  // Inside the root element, text needs no look until the next '<' or '&': found with memchr,
  // the next '&' kept until the scan passes it (a search for it from every '<' would make a
  // long text without one quadratic).
  std::size_t next_amp = 0;  // the next '&' at or after it was searched from; limit: none
  const auto next_markup = [&](std::size_t from) {
    if (next_amp < from) {
      const void* amp = std::memchr(text.data() + from, '&', limit - from);
      next_amp =
          amp ? static_cast<std::size_t>(static_cast<const char*>(amp) - text.data()) : limit;
    }
    const void* tag = std::memchr(text.data() + from, '<', next_amp - from);
    return tag ? static_cast<std::size_t>(static_cast<const char*>(tag) - text.data()) : next_amp;
  };

  std::size_t i = 0;
  while (i < limit && !scan.problem) {
    const char c = text[i];
    if (c != '<' && c != '&' && !scan.open.empty()) {
      i = next_markup(i + 1);
    } else if (c == '&') {
      if (auto message = check_reference(text, i)) {
        fail(i, *message);
      } else if (scan.open.empty()) {
        fail(i, root.empty() ? "text before the root element"
                             : "text after the root element <" + root + ">");
      }
      ++i;
    } else if (c != '<') {
      if (scan.open.empty() && !is_space(c))
        fail(i, root.empty() ? "text before the root element"
                             : "text after the root element <" + root + ">");
      ++i;
    } else if (text.substr(i, 4) == "<!--") {
      i = skip_past(text, i + 4, "-->");
    } else if (text.substr(i, 9) == "<![CDATA[") {
      i = skip_past(text, i + 9, "]]>");
    } else if (text.substr(i, 2) == "<?") {
      i = skip_past(text, i + 2, "?>");
    } else if (starts_with_nocase(text, i, "<!DOCTYPE")) {
      fail(i, "DOCTYPE is not allowed: fiscgen reads no DTDs or external entities");
    } else if (text.substr(i, 2) == "<!") {
      i = skip_past(text, i + 2, ">");
    } else if (text.substr(i, 2) == "</") {
      const std::size_t end = name_end(text, i + 2);
      if (end > i + 2 && !scan.open.empty()) scan.open.pop_back();
      i = skip_past(text, end, ">");
    } else {
      const std::size_t end = name_end(text, i + 1);
      std::string name(text.substr(i + 1, end - i - 1));
      if (scan.open.empty() && !root.empty()) {
        fail(i, "a second root element <" + name + "> after <" + root +
                    ">: an input has exactly one root element");
        break;
      }
      if (scan.open.empty()) root = name;
      // Walk the attributes to the tag's '>', checking references in quoted values.
      std::size_t j = end;
      char quote = 0;
      bool empty_element = false;
      for (; j < text.size(); ++j) {
        const char d = text[j];
        if (quote) {
          if (d == quote)
            quote = 0;
          else if (d == '&' && j < limit)
            if (auto message = check_reference(text, j)) {
              fail(j, *message);
              break;
            }
        } else if (d == '"' || d == '\'') {
          quote = d;
        } else if (d == '>' || d == '<') {
          empty_element = d == '>' && text[j - 1] == '/';
          break;
        }
      }
      if (!empty_element) scan.open.push_back(std::move(name));
      i = j < text.size() && text[j] == '>' ? j + 1 : j;
    }
  }
  return scan;
}

}  // namespace fiscgen::input
