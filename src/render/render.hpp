// The whole pipeline for one document: input → template → tree → layout → PDF.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/data_paths.hpp"
#include "base/error.hpp"
#include "doc/document.hpp"
#include "fonts/fonts.hpp"

namespace fiscgen::render {

enum class Emit { pdf, tree };

struct Request {
  std::filesystem::path input;
  std::filesystem::path output;         // empty: the input's name with .pdf (tree: stdout)
  std::vector<std::string> overrides;   // --set path=value
  std::string locale;                   // --locale; empty: the input's
  Emit emit = Emit::pdf;
};

struct Result {
  std::filesystem::path output;  // the PDF written (Emit::pdf)
  std::string tree;              // the document tree as XML (Emit::tree)
  int pages = 0;
  Warnings warnings;
};

/// Renders one input. Throws fiscgen::Error; on error no output file is left behind.
Result render(const Request& request, const DataPaths& paths, fonts::FontResolver& fonts);

/// The default output path: INPUT with its extension replaced by .pdf.
std::filesystem::path default_output(const std::filesystem::path& input);

}  // namespace fiscgen::render
