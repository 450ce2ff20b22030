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

Error::Error(std::string message) : Error(SourceLocation{}, std::move(message)) {}

static std::string with_location(const SourceLocation& where, const std::string& message) {
  const std::string at = where.str();
  return at.empty() ? message : at + ": " + message;
}

std::string Error::describe() const {
  return with_location(where_, message_);
}

std::string Warning::describe() const {
  return with_location(where, message);
}

void Warnings::add(SourceLocation where, std::string message) {
  list_.push_back({std::move(where), std::move(message)});
}

LineIndex::LineIndex(std::string file, std::string_view text)
    : file_(std::move(file)), text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

SourceLocation LineIndex::locate(std::ptrdiff_t offset) const {
  if (offset < 0 || line_starts_.empty()) return {file_, 0, 0};
  const auto at = std::min(static_cast<std::size_t>(offset), text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
  const std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  // Columns count characters: skip UTF-8 continuation bytes.
  int column = 1;
  for (std::size_t i = start; i < at; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {file_, static_cast<int>(line), column};
}

}  // namespace fiscgen
