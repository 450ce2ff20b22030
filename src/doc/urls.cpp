#include "doc/urls.hpp"

#include <algorithm>
#include <array>

namespace fiscgen::doc {
namespace {

constexpr std::array<std::string_view, 3> starts{"https://", "http://", "www."};
static_assert(std::all_of(starts.begin(), starts.end(),
                          [](std::string_view s) { return s[0] == 'h' || s[0] == 'w'; }),
              "find_urls passes over any byte that is not h or w");

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Bytes that end an address: white space, controls, the characters RFC 3986 never allows
/// unescaped in a URI that prose puts around one, and the start of a curly quotation mark or
/// of a non-breaking space (U+2018–U+201D, U+00A0 begin with these bytes).
bool ends_address(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' ||
      c == '}' || c == '|' || c == '\\' || c == '^')
    return true;
  if (c == 0xE2 && at + 2 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0x80) {
    const auto third = static_cast<unsigned char>(text[at + 2]);
    return third >= 0x98 && third <= 0x9D;  // ‘ ’ ‚ ‛ “ ”
  }
  return c == 0xC2 && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0xA0;
}

/// Where the address [begin, end) really ends: punctuation closing the sentence around it, and
/// a closing bracket it did not open, are not part of it.
std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const char c = text[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'') {
      --end;
      continue;
    }
    if (c == ')' || c == ']') {
      const char open = c == ')' ? '(' : '[';
      const auto piece = text.substr(begin, end - begin);
      if (std::count(piece.begin(), piece.end(), open) <
          std::count(piece.begin(), piece.end(), c)) {
        --end;
        continue;
      }
    }
    break;
  }
  return end;
}

}  // namespace

std::vector<FoundUrl> find_urls(std::string_view text) {
  std::vector<FoundUrl> found;
  std::size_t at = 0;
  while (at < text.size()) {
    // Every start begins with h or w: other bytes are passed at once (this loop was 0.8% of a
    // motion's instructions).
    if (const char c = static_cast<char>(text[at] | 0x20); c != 'h' && c != 'w') {
      ++at;
      continue;
    }
    std::string_view start;
    for (const auto s : starts)
      if (text.size() - at >= s.size() &&
          std::equal(s.begin(), s.end(), text.begin() + static_cast<std::ptrdiff_t>(at),
                     [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + 32 : b); })) {
        start = s;
        break;
      }
    // At the start of a word only: not "xwww." nor the host of an e-mail address.
    const bool word_start = at == 0 || (!ascii_alnum(text[at - 1]) && text[at - 1] != '@' &&
                                        text[at - 1] != '.' && text[at - 1] != '/');
    if (start.empty() || !word_start) {
      ++at;
      continue;
    }
    std::size_t end = at + start.size();
    while (end < text.size() && !ends_address(text, end)) ++end;
    end = trim_end(text, at, end);
    if (end <= at + start.size()) {
      at += start.size();
      continue;
    }
    std::string uri(text.substr(at, end - at));
    if (start == "www.") uri = "http://" + uri;
    found.push_back({at, end, std::move(uri)});
    at = end;
  }
  return found;
}

}  // namespace fiscgen::doc
