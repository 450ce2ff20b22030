#include <algorithm>
#include <map>

#include "render/render.hpp"

namespace fiscgen::render {
namespace {

/// A file name from the pattern: {column} from the row; characters a file name cannot hold or
/// that would move it to another folder become "_".
std::string output_name(const std::string& pattern, const input::CsvTable& data,
                        const input::CsvRow& row, int number) {
  std::string name;
  for (std::size_t at = 0; at < pattern.size(); ++at) {
    if (pattern[at] != '{') {
      name += pattern[at];
      continue;
    }
    const auto end = pattern.find('}', at);
    if (end == std::string::npos) throw Error("--name \"" + pattern + "\": a { is never closed");
    const auto key = pattern.substr(at + 1, end - at - 1);
    at = end;
    if (key == "row") {
      name += std::to_string(number);
      continue;
    }
    const auto column = std::find(data.header.begin(), data.header.end(), key);
    if (column == data.header.end()) {
      std::string known = "row";
      for (const auto& header : data.header) known += ", " + header;
      throw Error("--name \"" + pattern + "\": {" + key + "} is not a column of " + data.file +
                  "; known: " + known);
    }
    const auto index = static_cast<std::size_t>(column - data.header.begin());
    if (index < row.fields.size()) name += row.fields[index];
  }
  for (auto& c : name)
    if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '_';
  if (!name.empty() && name[0] == '.') name[0] = '_';
  return name;
}

}  // namespace

std::vector<RowOutcome> render_rows(const Request& base, const input::CsvTable& data,
                                    const std::string& name_pattern,
                                    const std::filesystem::path& output_dir, const DataPaths& paths,
                                    fonts::FontResolver& fonts) {
  if (data.rows.empty())
    throw Error(SourceLocation{data.file},
                "no rows found: the CSV file has a header and nothing under it; expected one row "
                "per document");
  // Names first, for every row, so that a bad pattern or a clash stops before any output.
  std::vector<RowOutcome> outcomes;
  std::map<std::string, int> taken;
  for (std::size_t i = 0; i < data.rows.size(); ++i) {
    RowOutcome outcome;
    outcome.row = static_cast<int>(i) + 1;
    outcome.line = data.rows[i].line;
    const auto name = output_name(name_pattern, data, data.rows[i], outcome.row);
    if (name.empty() || name == "_")
      throw Error("--name gives row " + std::to_string(outcome.row) + " an empty file name");
    if (const auto [at, fresh] = taken.emplace(name, outcome.row); !fresh)
      throw Error("--name \"" + name_pattern + "\" gives rows " + std::to_string(at->second) +
                  " and " + std::to_string(outcome.row) + " the same file, " + name +
                  ": add a column that tells them apart, or {row}");
    outcome.output = output_dir / name;
    outcomes.push_back(std::move(outcome));
  }

  for (std::size_t i = 0; i < data.rows.size(); ++i) {
    auto& outcome = outcomes[i];
    const auto& row = data.rows[i];
    if (row.fields.size() != data.header.size()) {
      outcome.error = data.file + ":" + std::to_string(row.line) + ": row " +
                      std::to_string(outcome.row) + " has " + std::to_string(row.fields.size()) +
                      " fields; the header has " + std::to_string(data.header.size());
      continue;
    }
    Request request = base;
    request.output = outcome.output;
    request.emit = Emit::pdf;
    for (std::size_t column = 0; column < data.header.size(); ++column)
      if (row.fields[column].empty())
        request.absent.push_back(data.header[column]);
      else
        request.overrides.push_back(data.header[column] + "=" + row.fields[column]);
    try {
      auto result = render(request, paths, fonts);
      outcome.pages = result.pages;
      outcome.warnings = std::move(result.warnings);
    } catch (const Error& e) {
      outcome.error = data.file + ":" + std::to_string(row.line) + ": row " +
                      std::to_string(outcome.row) + ": " + e.describe();
    }
  }
  return outcomes;
}

}  // namespace fiscgen::render
