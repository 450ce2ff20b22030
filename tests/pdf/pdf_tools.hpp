// Helpers for the PDF writer's tests: a temporary folder and the independent PDF readers.
#pragma once

#include <filesystem>
#include <string>

#include "../temp_dir.hpp"
#include "layout/layout.hpp"

#include "fonts/fonts.hpp"

namespace pdf_test {

/// The fonts the PDF tests draw with: Liberation Serif, and DejaVu Serif for what it lacks.
struct Fonts {
  fiscgen::fonts::FontconfigResolver resolver;
  fiscgen::fonts::FontSet set{resolver, "Liberation Serif", "DejaVu Serif"};
};

struct Output {
  int status = -1;     // exit status of the command
  std::string text;    // its standard output
  std::string errors;  // its standard error (run_keeping_errors only)
};

/// Runs a shell command line, capturing standard output (standard error is discarded).
Output run(const std::string& command);

/// The same, also capturing standard error (through a temporary file).
Output run_keeping_errors(const std::string& command);

/// Single-quotes a path for the shell.
std::string quote(const std::filesystem::path& path);

using TempDir = test_support::TempDir;

/// A one-page letter-size model: runs in regular, bold, italic and the fallback family, a rule,
/// a redaction box, a link and a two-level outline.
fiscgen::layout::PageModel sample_model();

}  // namespace pdf_test
