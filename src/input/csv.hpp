// Mail-merge data: a CSV file whose header names input paths, one document per row.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"

namespace fiscgen::input {

struct CsvRow {
  int line = 0;  // where the row starts in the file, for messages
  std::vector<std::string> fields;
};

struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
};

/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" for a quote,
/// commas and line breaks allowed inside), a header row, UTF-8 (a byte-order mark is skipped).
/// Blank lines are skipped. Invalid UTF-8, an unclosed quote, an empty header name or one
/// repeated throw Error at file:line:col; a row whose field count differs from the header is kept
/// as it is, for the caller to report with its row number.
CsvTable read_csv_text(const std::string& name, std::string_view text);
CsvTable read_csv(const std::filesystem::path& file);

}  // namespace fiscgen::input
