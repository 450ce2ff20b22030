// batch --compare-to: a blackline beside every output whose input changed since the version
// kept in another folder (the filings as last filed, say).

#include "base/sources.hpp"
#include "batch/batch.hpp"
#include "render/render.hpp"

namespace fiscgen::batch {
namespace {

namespace fs = std::filesystem;

/// Whether both files were read whole and hold the same bytes: one that cannot be read is
/// compared (and its error reported) by the blackline itself.
bool same_bytes(const fs::path& a, const fs::path& b) {
  const auto first = read_file(a, Sources::default_limit);
  if (first.outcome != FileRead::Outcome::read) return false;
  const auto second = read_file(b, Sources::default_limit);
  return second.outcome == FileRead::Outcome::read && first.bytes == second.bytes;
}

fs::path blackline_of(const fs::path& output) {
  fs::path blackline = output;
  blackline.replace_extension();
  blackline += "-blackline.pdf";
  return blackline;
}

}  // namespace

void write_blacklines(Summary& summary, const Options& options, const DataPaths& paths) {
  std::error_code ec;
  if (!fs::is_directory(options.compare_to, ec))
    throw Error("--compare-to " + options.compare_to.string() +
                ": expected a folder holding the "
                "earlier versions of the inputs, under the same names");
  fonts::FontconfigResolver fonts;
  for (auto& document : summary.documents) {
    if (document.status != Status::rendered && document.status != Status::up_to_date) continue;
    const fs::path earlier = options.compare_to / document.name;
    if (!fs::is_regular_file(earlier, ec)) continue;  // a new document: nothing to compare with
    if (same_bytes(earlier, document.input)) continue;
    render::CompareRequest request;
    for (auto* version : {&request.earlier, &request.later}) {
      if (!options.rules.empty()) version->overrides.push_back("@rules=" + options.rules);
      version->public_version = options.public_version;
      version->keep_pages = options.keep_pages;
      version->draft = options.draft;
      version->exhibits = options.exhibits;
    }
    request.earlier.input = earlier;
    request.later.input = document.input;
    request.later.output = blackline_of(document.output);
    try {
      const auto result = render::compare(request, paths, fonts);
      document.blackline = result.output;
    } catch (const Error& error) {
      document.blackline_error = error.where().file.empty()
                                     ? document.input.string() + ": " + error.message()
                                     : error.describe();
    }
  }
}

}  // namespace fiscgen::batch
