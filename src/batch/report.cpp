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
    counts.set(status_name(status), summary.count(status));
  std::string out = "{\n  \"counts\": " + counts.dump(2) + ",\n  \"documents\": [";
  const char* comma = "";
  for (const auto& document : summary.documents) {
    json::Value item = json::Value::object();
    item.set("input", document.input.string());
    item.set("name", document.name);
    item.set("output", document.output.string());
    item.set("status", status_name(document.status));
    item.set("pages", document.pages);
    // Whole milliseconds with one decimal: enough to compare, stable to read.
    item.set("time_ms",
             static_cast<double>(static_cast<long long>(document.milliseconds * 10)) / 10);
    item.set("key", document.key);
    item.set("error", document.error);
    json::Value reasons = json::Value::array();
    for (const auto& reason : document.reasons) reasons.push(reason);
    item.set("reasons", reasons);
    json::Value warnings = json::Value::array();
    for (const auto& warning : document.warnings.list()) warnings.push(warning.describe());
    item.set("warnings", warnings);
    out += comma;
    out += "\n    " + item.dump(2);
    comma = ",";
  }
  out += "\n  ],\n  \"fiscgen\": " + json::quote(FISCGEN_VERSION) +
         ",\n  \"interrupted\": " + (summary.interrupted ? "true" : "false") + "\n}\n";
  pdf::write_file_atomically(file, out);
}

}  // namespace fiscgen::batch
