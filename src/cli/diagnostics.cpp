// How problems are shown: "error: file:line:col: message", and on a terminal the line quoted
// with a caret under the column, in colour unless NO_COLOR is set.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/command.hpp"

namespace fiscgen::cli {
namespace {

bool quiet_output = false;

bool on_terminal() {
  return isatty(STDERR_FILENO) == 1;
}

bool in_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  return on_terminal() && (!no_colour || !*no_colour);
}

/// How much of a long source line is quoted around the column, in characters.
constexpr int quoted_before_column = 50, quoted_after_column = 30;

/// The source line near the column, and under it blanks up to the column (tabs kept, so the
/// caret lines up), for a location in a file that can be read. Only a window of a long line is
/// shown, escaped as messages are.
void quote_source(const SourceLocation& where) {
  if (where.file.empty() || where.line <= 0 || !on_terminal()) return;
  std::ifstream in(where.file, std::ios::binary);
  std::string line;
  for (int n = 0; n < where.line && std::getline(in, line); ++n) {
  }
  if (!in && line.empty()) return;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::string shown, under;
  int column = 1;
  for (std::size_t at = 0; at < line.size();) {
    std::size_t end = at + 1;
    while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
    const std::string_view character(line.data() + at, end - at);
    at = end;
    if (column < where.column - quoted_before_column) {
      ++column;
      continue;
    }
    if (column > where.column + quoted_after_column) {
      shown += "\u2026";
      break;
    }
    const std::string escaped = character == "\t" ? "\t" : printable(character);
    if (shown.empty() && column > 1) shown = "\u2026", under = " ";
    shown += escaped;
    if (column < where.column) {
      // An escape is as wide as its ASCII spelling; any other character, one column.
      const std::size_t width = escaped == character ? 1 : escaped.size();
      under += character == "\t" ? std::string("\t") : std::string(width, ' ');
    }
    ++column;
  }
  std::cerr << "  " << shown << "\n  " << under << (in_colour() ? "\033[1;32m^\033[0m" : "^")
            << '\n';
}

/// What is printed of a message: escaped, and its quotations shortened.
std::string shown(const std::string& text) {
  return printable(shorten_quotes(text));
}

std::string shown(const Error& error) {
  std::string out = shown(
      error.where().str().empty() ? error.message() : error.where().str() + ": " + error.message());
  for (const auto& other : error.others()) out += "\n  " + shown(other);
  return out;
}

void print(const char* label, const char* colour, const SourceLocation& where,
           const std::string& text) {
  if (in_colour())
    std::cerr << "\033[" << colour << 'm' << label << ":\033[0m " << text << '\n';
  else
    std::cerr << label << ": " << text << '\n';
  quote_source(where);
}

}  // namespace

void set_quiet(bool quiet) {
  quiet_output = quiet;
}

void print_error(const Error& error) {
  print("error", "1;31", error.where(), shown(error));
}

void print_warnings(const Warnings& warnings) {
  if (quiet_output) return;
  for (const auto& warning : warnings.list())
    print("warning", "1;35", warning.where, shown(warning.describe()));
}

std::string terminal_text(const std::string& text) {
  return shown(text);
}

}  // namespace fiscgen::cli
