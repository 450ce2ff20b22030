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

bool on_terminal() { return isatty(STDERR_FILENO) == 1; }

bool in_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  return on_terminal() && (!no_colour || !*no_colour);
}

/// The source line, and the same line blanked up to the column (tabs kept, so the caret lines
/// up), for a location in a file that can be read.
void quote_source(const SourceLocation& where) {
  if (where.file.empty() || where.line <= 0 || !on_terminal()) return;
  std::ifstream in(where.file, std::ios::binary);
  std::string line;
  for (int n = 0; n < where.line && std::getline(in, line); ++n) {
  }
  if (!in && line.empty()) return;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::string under;
  int column = 1;
  for (std::size_t at = 0; at < line.size() && column < where.column; ++at) {
    const unsigned char c = static_cast<unsigned char>(line[at]);
    if ((c & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte is part of one character
    under += c == '\t' ? '\t' : ' ';
    ++column;
  }
  std::cerr << "  " << line << "\n  " << under << (in_colour() ? "\033[1;32m^\033[0m" : "^")
            << '\n';
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

void set_quiet(bool quiet) { quiet_output = quiet; }

void print_error(const Error& error) { print("error", "1;31", error.where(), error.describe()); }

void print_warnings(const Warnings& warnings) {
  if (quiet_output) return;
  for (const auto& warning : warnings.list())
    print("warning", "1;35", warning.where, warning.describe());
}

}  // namespace fiscgen::cli
