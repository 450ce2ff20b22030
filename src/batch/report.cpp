// The machine-readable report: one JSON object, every document with what became of it.

#include "base/error.hpp"
#include "batch/batch.hpp"
#include "batch/json.hpp"
#include "pdf/atomic_file.hpp"

namespace fiscgen::batch {

void write_report(const Summary& summary, const std::filesystem::path& file) {
  // Written as text, one small value per document: a tree of the whole report cost more memory
  // than the batch (kilobytes per document).
  json::Value counts = json::Value::object();
  for (const auto status : {Status::rendered, Status::up_to_date, Status::failed,
                            Status::skipped_by_shard, Status::would_render, Status::not_started})
    counts[status_name(status)] = summary.count(status);
  std::string out = "{\n  \"counts\": " + json::dump(counts, 2) + ",\n  \"documents\": [";
  const char* comma = "";
  for (const auto& document : summary.documents) {
    json::Value item = json::Value::object();
    item["input"] = document.input.string();
    item["name"] = document.name;
    item["output"] = document.output.string();
    item["status"] = status_name(document.status);
    item["pages"] = document.pages;
    // Whole milliseconds with one decimal: enough to compare, stable to read.
    item["time_ms"] = static_cast<double>(static_cast<long long>(document.milliseconds * 10)) / 10;
    item["key"] = document.key;
    item["error"] = document.error;
    item["reasons"] = document.reasons;
    json::Value warnings = json::Value::array();
    for (const auto& warning : document.warnings.list()) warnings.push_back(warning.describe());
    item["warnings"] = std::move(warnings);
    out += comma;
    out += "\n    " + json::dump(item, 2);
    comma = ",";
  }
  out += "\n  ],\n  \"fiscgen\": " + json::quote(FISCGEN_VERSION) +
         ",\n  \"interrupted\": " + (summary.interrupted ? "true" : "false") + "\n}\n";
  pdf::write_file_atomically(file, out);
}

}  // namespace fiscgen::batch
