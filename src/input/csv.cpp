#include "input/csv.hpp"

#include <map>
#include <string_view>

#include "base/sources.hpp"
#include "i18n/i18n.hpp"
#include "input/limits.hpp"
#include "input/overrides.hpp"

namespace fiscgen::input {

namespace {

bool ends_field(std::string_view text, std::size_t at) {
  return at >= text.size() || text[at] == ',' || text[at] == '\n' || text[at] == '\r';
}

/// The quoted field opening at `at` ("" inside is one "), `at` left after its closing quote.
std::string quoted_field(std::string_view text, std::size_t& at, const LineIndex& lines) {
  std::string field;
  const std::size_t open = at++;
  for (;;) {
    if (at >= text.size())
      throw Error(lines.locate(static_cast<std::ptrdiff_t>(open)),
                  "a quoted field is never closed: expected a closing \"");
    if (text[at] == '"') {
      if (at + 1 < text.size() && text[at + 1] == '"') {
        field += '"';
        at += 2;
        continue;
      }
      ++at;
      break;
    }
    field += text[at++];
  }
  if (!ends_field(text, at))
    throw Error(lines.locate(static_cast<std::ptrdiff_t>(at)),
                "expected a comma or the end of the line after a quoted field");
  return field;
}

/// The record starting at `at`, `at` left at the next; `field_starts` gets where each field
/// starts.
std::vector<std::string> record_at(std::string_view text, std::size_t& at, const LineIndex& lines,
                                   std::vector<std::size_t>& field_starts) {
  std::vector<std::string> record;
  for (;;) {
    field_starts.push_back(at);
    if (at < text.size() && text[at] == '"') {
      record.push_back(quoted_field(text, at, lines));
    } else {
      const std::size_t from = at;
      while (!ends_field(text, at)) ++at;
      record.emplace_back(text.substr(from, at - from));
    }
    if (at < text.size() && text[at] == ',') {
      ++at;
      continue;
    }
    if (at < text.size() && text[at] == '\r') ++at;
    if (at < text.size() && text[at] == '\n') ++at;
    return record;
  }
}

/// Each header names an input path, once: refused here, once, where it is written, rather than
/// failing every row (or worse: "a=b" with a cell "c" would set a to "b=c").
void check_header(const CsvTable& table, int line, const std::vector<std::size_t>& header_at,
                  const LineIndex& lines) {
  const auto at = [&](std::size_t i) {
    return lines.locate(static_cast<std::ptrdiff_t>(header_at[i]));
  };
  std::map<std::string_view, std::size_t> first_column;  // linear in the header's width
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string column = "column " + std::to_string(i + 1) + " of the header";
    if (table.header[i].empty())
      throw Error(SourceLocation{table.file, line, 0}, column + " has no name");
    // Two columns for one path would let the later silently overwrite the earlier.
    const auto [seen, added] = first_column.emplace(table.header[i], i);
    if (!added)
      throw Error(at(i), "column " + std::to_string(i + 1) + " repeats the header \"" +
                             table.header[i] + "\" of column " + std::to_string(seen->second + 1) +
                             ": expected each input path once");
  }
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string column = "column " + std::to_string(i + 1) + " of the header";
    if (const auto elements = path_elements(table.header[i]); elements > max_path_elements)
      throw Error(at(i), column + " is " + path_too_deep(elements));
    if (!is_path(table.header[i]))
      throw Error(at(i),
                  column + ", \"" + table.header[i] +
                      "\", is not an input path: expected names separated by '/', an "
                      "optional [n] counting from 1 and a final @attribute, such as to/@ref");
  }
}

}  // namespace

CsvTable read_csv_text(const std::string& name, std::string_view text) {
  CsvTable table;
  table.file = name;
  if (text.size() > max_input_bytes) throw Error(SourceLocation{name}, too_big(text.size()));
  const LineIndex lines(name, text);
  std::size_t at = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  if (const auto bad = i18n::invalid_utf8_at(text); bad != std::string_view::npos)
    throw Error(lines.locate(static_cast<std::ptrdiff_t>(bad)), "invalid UTF-8 in CSV data");

  std::vector<std::vector<std::string>> records;
  std::vector<int> starts;
  std::vector<std::size_t> header_at;  // where each header field starts, for its errors
  while (at < text.size()) {
    const int start_line = lines.locate(static_cast<std::ptrdiff_t>(at)).line;
    std::vector<std::size_t> field_starts;
    auto record = record_at(text, at, lines, field_starts);
    if (record.size() == 1 && record[0].empty()) continue;  // a blank line
    if (records.empty()) header_at = std::move(field_starts);
    records.push_back(std::move(record));
    starts.push_back(start_line);
  }
  if (records.empty()) throw Error(SourceLocation{name}, "no header row: the CSV file is empty");
  table.header = std::move(records[0]);
  check_header(table, starts[0], header_at, lines);
  for (std::size_t i = 1; i < records.size(); ++i)
    table.rows.push_back({starts[i], std::move(records[i])});
  return table;
}

CsvTable read_csv(const std::filesystem::path& file) {
  Sources sources(DataPaths{});
  return read_csv_text(file.string(), sources.bytes(file, max_input_bytes));
}

}  // namespace fiscgen::input
