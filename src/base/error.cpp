#include "base/error.hpp"

#include <algorithm>

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
bool starts_character(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
}
}  // namespace

LineIndex::LineIndex(std::string file, std::string_view text)
    : file_(std::move(file)), text_(text) {
  line_starts_.push_back(0);
  std::size_t characters = 0;
  for (std::size_t i = 0; i <= text_.size(); ++i) {
    if (i % chunk_bytes == 0) characters_at_chunk_.push_back(characters);
    if (i == text_.size()) break;
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
    if (starts_character(text_[i])) ++characters;
  }
}

std::size_t LineIndex::characters_before(std::size_t at) const {
  const std::size_t chunk = at / chunk_bytes;
  std::size_t characters = characters_at_chunk_[chunk];
  for (std::size_t i = chunk * chunk_bytes; i < at; ++i)
    if (starts_character(text_[i])) ++characters;
  return characters;
}

SourceLocation LineIndex::locate(std::ptrdiff_t offset) const {
  if (offset < 0 || line_starts_.empty()) return {file_, 0, 0};
  const auto at = std::min(static_cast<std::size_t>(offset), text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
  const std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  const auto column = characters_before(at) - characters_before(start) + 1;
  return {file_, static_cast<int>(line), static_cast<int>(column)};
}

}  // namespace fiscgen
