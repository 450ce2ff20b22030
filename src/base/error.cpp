#include "base/error.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace fiscgen {

std::string SourceLocation::str() const {
  if (file.empty()) return {};
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

Error::Error(SourceLocation where, std::string message)
    : std::runtime_error(message), where_(std::move(where)), message_(std::move(message)) {}

Error::Error(SourceLocation where, std::string message, std::vector<Error> others)
    : Error(std::move(where), std::move(message)) {
  others_ = std::move(others);
}

Error::Error(std::string message) : Error(SourceLocation{}, std::move(message)) {}

static std::string with_location(const SourceLocation& where, const std::string& message) {
  const std::string at = where.str();
  return at.empty() ? message : at + ": " + message;
}

std::string Error::describe() const {
  std::string out = with_location(where_, message_);
  for (const auto& other : others_) out += "\n  " + other.describe();
  return out;
}

std::string Warning::describe() const {
  return with_location(where, message);
}

void Warnings::add(SourceLocation where, std::string message) {
  list_.push_back({std::move(where), std::move(message)});
}

namespace {

/// The length of the well-formed UTF-8 sequence at text[at], or 0.
std::size_t utf8_length(std::string_view text, std::size_t at, char32_t& c) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  if (lead < 0x80) {
    c = lead;
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    c = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    c = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    c = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() - at < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if ((length == 3 && c < 0x800) || (length == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  return length;
}

bool hidden_control(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E ||
         c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    char32_t c = 0;
    const std::size_t length = utf8_length(text, at, c);
    char escape[16];
    if (length == 0) {
      std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned char>(text[at]));
      out += escape;
      ++at;
      continue;
    }
    if (hidden_control(c)) {
      if (c <= 0xFF)
        std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned>(c));
      else
        std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(c));
      out += escape;
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

std::string shorten_quotes(std::string_view message) {
  std::string out;
  std::size_t at = 0;
  while (at < message.size()) {
    const std::size_t open = message.find('"', at);
    if (open == std::string_view::npos) break;
    // A quoted span ends at the last '"' before the next one that follows a space or ends the
    // text: a quotation mark inside the value does not end it.
    std::size_t close = message.find('"', open + 1);
    while (close != std::string_view::npos && close + 1 < message.size() &&
           message[close + 1] != ' ' && message[close + 1] != ':' && message[close + 1] != ',' &&
           message[close + 1] != ';' && message[close + 1] != ')') {
      const std::size_t next = message.find('"', close + 1);
      if (next == std::string_view::npos) break;
      close = next;
    }
    if (close == std::string_view::npos) break;
    out.append(message.substr(at, open + 1 - at));
    const std::string_view quoted = message.substr(open + 1, close - open - 1);
    std::size_t characters = 0, cut = 0;
    for (; cut < quoted.size(); ++cut)
      if ((static_cast<unsigned char>(quoted[cut]) & 0xC0) != 0x80 &&
          ++characters > max_quoted_characters)
        break;
    out.append(quoted.substr(0, cut));
    if (cut < quoted.size()) out += "\u2026";
    out += '"';
    at = close + 1;
  }
  out.append(message.substr(at));
  return out;
}

namespace {
bool starts_character(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
}

/// Characters (UTF-8 lead bytes) in text[from, to). Eight bytes at a time: a continuation byte
/// is 10xxxxxx, so its top bit is set and the next is clear. The byte loop alone took nine
/// instructions a byte, the most of indexing a file such as forms/cite/reporters.xml.
std::size_t characters_in(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t characters = 0, i = from;
  constexpr std::uint64_t tops = 0x8080808080808080ULL;
  for (; i + 8 <= to; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    // One bit a continuation byte, at the bottom of its byte; the multiplication sums the eight
    // into the top byte (std::popcount is a library call without -mpopcnt).
    const std::uint64_t continuations = (word & ~(word << 1) & tops) >> 7;
    characters += 8 - static_cast<std::size_t>((continuations * 0x0101010101010101ULL) >> 56);
  }
  for (; i < to; ++i)
    if (starts_character(text[i])) ++characters;
  return characters;
}
}  // namespace

LineIndex::LineIndex(std::string file, std::string_view text)
    : file_(std::move(file)), text_(text) {
  // Every file read is indexed, and most are never asked for a place: memchr and a count per
  // chunk, which the compiler vectorises, keep this to a fraction of reading the file.
  line_starts_.push_back(0);
  for (auto at = text_.find('\n'); at != std::string::npos; at = text_.find('\n', at + 1))
    line_starts_.push_back(at + 1);
  characters_at_chunk_.reserve(text_.size() / chunk_bytes + 1);
  std::size_t characters = 0;
  for (std::size_t chunk = 0; chunk <= text_.size(); chunk += chunk_bytes) {
    characters_at_chunk_.push_back(characters);
    characters += characters_in(text_, chunk, std::min(text_.size(), chunk + chunk_bytes));
  }
}

std::size_t LineIndex::characters_before(std::size_t at) const {
  const std::size_t chunk = at / chunk_bytes;
  return characters_at_chunk_[chunk] + characters_in(text_, chunk * chunk_bytes, at);
}

SourceLocation LineIndex::locate(std::ptrdiff_t offset) const {
  if (offset < 0 || line_starts_.empty()) return {file_, 0, 0};
  const auto at = std::min(static_cast<std::size_t>(offset), text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
  const std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  // A line shorter than a chunk is counted from its start (most lines: a sixth of the bytes
  // two chunk scans read); a longer one, such as a file written on one line, by its chunks.
  const auto column =
      (at - start <= chunk_bytes ? characters_in(text_, start, at)
                                 : characters_before(at) - characters_before(start)) +
      1;
  return {file_, static_cast<int>(line), static_cast<int>(column)};
}

}  // namespace fiscgen
