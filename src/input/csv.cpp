#include "input/csv.hpp"

#include <fstream>
#include <map>
#include <string_view>

#include "i18n/i18n.hpp"
#include "input/limits.hpp"
#include "input/overrides.hpp"

namespace fiscgen::input {

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
    std::vector<std::string> record;
    if (records.empty()) header_at.clear();
    const int start_line = lines.locate(static_cast<std::ptrdiff_t>(at)).line;
    bool end_of_record = false;
    while (!end_of_record) {
      std::string field;
      if (records.empty()) header_at.push_back(at);
      if (at < text.size() && text[at] == '"') {
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
        if (at < text.size() && text[at] != ',' && text[at] != '\n' && text[at] != '\r')
          throw Error(lines.locate(static_cast<std::ptrdiff_t>(at)),
                      "expected a comma or the end of the line after a quoted field");
      } else {
        while (at < text.size() && text[at] != ',' && text[at] != '\n' && text[at] != '\r')
          field += text[at++];
      }
      record.push_back(std::move(field));
      if (at < text.size() && text[at] == ',') {
        ++at;
        continue;
      }
      if (at < text.size() && text[at] == '\r') ++at;
      if (at < text.size() && text[at] == '\n') ++at;
      end_of_record = true;
    }
    const bool blank = record.size() == 1 && record[0].empty();
    if (!blank) {
      records.push_back(std::move(record));
      starts.push_back(start_line);
    }
  }
  if (records.empty()) throw Error(SourceLocation{name}, "no header row: the CSV file is empty");
  table.header = std::move(records[0]);
  std::map<std::string_view, std::size_t> first_column;  // linear in the header's width
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i].empty())
      throw Error(SourceLocation{name, starts[0], 0},
                  "column " + std::to_string(i + 1) + " of the header has no name");
    // Two columns for one path would let the later silently overwrite the earlier.
    const auto [seen, added] = first_column.emplace(table.header[i], i);
    if (!added)
      throw Error(lines.locate(static_cast<std::ptrdiff_t>(header_at[i])),
                  "column " + std::to_string(i + 1) + " repeats the header \"" + table.header[i] +
                      "\" of column " + std::to_string(seen->second + 1) +
                      ": expected each input path once");
  }
  // Each header is a --set path for every row: refused here, once, where it is written.
  for (std::size_t i = 0; i < table.header.size(); ++i)
    if (const auto elements = path_elements(table.header[i]); elements > max_path_elements)
      throw Error(
          lines.locate(static_cast<std::ptrdiff_t>(header_at[i])),
          "column " + std::to_string(i + 1) + " of the header is " + path_too_deep(elements));
    else if (!is_path(table.header[i]))
      // Each row would fail alone, or worse: "a=b" with a cell "c" set a to "b=c".
      throw Error(lines.locate(static_cast<std::ptrdiff_t>(header_at[i])),
                  "column " + std::to_string(i + 1) + " of the header, \"" + table.header[i] +
                      "\", is not an input path: expected names separated by '/', an optional "
                      "[n] counting from 1 and a final @attribute, such as to/@ref");
  for (std::size_t i = 1; i < records.size(); ++i)
    table.rows.push_back({starts[i], std::move(records[i])});
  return table;
}

CsvTable read_csv(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(SourceLocation{file.string()}, "cannot read the CSV file");
  // As input::read: one byte past the limit at most, so a huge file is refused unread.
  std::string text;
  char chunk[1 << 16];
  while (text.size() <= max_input_bytes && in.read(chunk, sizeof chunk).gcount() > 0)
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  return read_csv_text(file.string(), text);
}

}  // namespace fiscgen::input
