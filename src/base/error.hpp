// The one error type every stage throws, and the warnings they report.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fiscgen {

/// Where something is in a file: 1-based line and column (column counts characters, not bytes).
/// An empty file means "no particular file"; line 0 means "the file as a whole".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  /// "file:line:col", "file" or "" depending on what is known.
  std::string str() const;
};

/// A problem that stops the current document. Stages throw it; only cli/ turns it into an exit
/// code.
class Error : public std::runtime_error {
 public:
  Error(SourceLocation where, std::string message);
  /// One problem found in several places at once (every character no font has): `others` are
  /// printed after it, each with its own location.
  Error(SourceLocation where, std::string message, std::vector<Error> others);
  explicit Error(std::string message);

  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }
  const std::vector<Error>& others() const { return others_; }
  /// "file:line:col: message", the form every diagnostic is printed in.
  std::string describe() const;

 private:
  SourceLocation where_;
  std::string message_;
  std::vector<Error> others_;
};

/// Something the user should know that does not stop the document (a fallback font was used).
struct Warning {
  SourceLocation where;
  std::string message;
  std::string describe() const;
};

/// Collects warnings in the order they are found; passed by reference through the pipeline.
class Warnings {
 public:
  void add(SourceLocation where, std::string message);
  const std::vector<Warning>& list() const { return list_; }
  bool empty() const { return list_.empty(); }

 private:
  std::vector<Warning> list_;
};

/// `text` as it may go to a terminal: C0 and C1 control characters (newline and tab too), DEL,
/// the bidirectional controls that reorder what follows, and bytes that are not UTF-8 become
/// visible escapes (\x1B, \u202E), so that a value from an input cannot move the cursor, ring
/// the bell or hide the rest of a line.
std::string printable(std::string_view text);

/// How many characters of document text a message quotes at most.
inline constexpr std::size_t max_quoted_characters = 60;

/// `message` with each "quoted" span longer than max_quoted_characters cut there and ended
/// with "…": a message names the place and shows a short excerpt, never a whole paragraph.
std::string shorten_quotes(std::string_view message);

/// Maps byte offsets in a text buffer to line and column, for pugixml's offsets.
class LineIndex {
 public:
  LineIndex() = default;
  LineIndex(std::string file, std::string_view text);
  SourceLocation locate(std::ptrdiff_t offset) const;
  const std::string& file() const { return file_; }
  const std::string& text() const { return text_; }

 private:
  /// Characters (UTF-8 lead bytes) before byte `at`.
  std::size_t characters_before(std::size_t at) const;

  std::string file_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  // Characters before every multiple of chunk_bytes: a column then costs one chunk's scan at
  // most, so locating every element of a file written on one line stays linear.
  static constexpr std::size_t chunk_bytes = 256;
  std::vector<std::size_t> characters_at_chunk_;
};

}  // namespace fiscgen
