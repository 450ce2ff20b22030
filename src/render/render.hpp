// The whole pipeline for one document: input → template → tree → layout → PDF.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/data_paths.hpp"
#include "base/error.hpp"
#include "base/sources.hpp"
#include "doc/document.hpp"
#include "fonts/fonts.hpp"
#include "input/csv.hpp"
#include "layout/layout.hpp"
#include "rules/profile.hpp"

namespace fiscgen::templ {
class TemplateCache;
}
namespace fiscgen::pdf {
class StagedWrites;
}

namespace fiscgen::render {

enum class Emit { pdf, tree };

struct Request {
  std::filesystem::path input;
  std::filesystem::path output;        // empty: the input's name with .pdf (tree: stdout)
  std::vector<std::string> overrides;  // --set path=value
  std::vector<std::string> absent;     // paths taken out after those (mail merge's empty cells)
  std::string locale;                  // --locale; empty: the input's
  Emit emit = Emit::pdf;
  bool public_version = false;    // --public: classified portions replaced by a notice
  bool keep_pages = false;        // --keep-pages: the public version on the classified pages
  bool draft = false;             // --draft: a DRAFT watermark on every page
  bool detect_citations = false;  // --detect-citations: read citations outside <cite> too
  /// --exhibits: the folder <exhibit file="…"> names are read from; empty: the input's folder.
  /// Nothing outside it is read (absolute paths, '..' and links leading out are refused).
  std::filesystem::path exhibits;
  /// Batch: templates parsed for earlier documents of this worker, reused when unchanged.
  templ::TemplateCache* templates = nullptr;
  /// Batch: the PDF is staged here (written, not yet synced or in place) instead of written;
  /// the caller commits it with others, so that one journal commit serves many documents.
  pdf::StagedWrites* staged = nullptr;
};

struct Result {
  std::filesystem::path output;  // the PDF written (Emit::pdf)
  std::string tree;              // the document tree as XML (Emit::tree)
  int pages = 0;  // pages of the file, as a reader counts them: slip sheets and exhibits too
  /// The date the rules profile's version was chosen by (the input's <date>; empty: latest).
  std::string rules_as_of;
  Warnings warnings;
  /// Every file the output depends on besides the input, as the render read it: templates,
  /// includes, the recipients directory, the rules profile, markings, the citation table (each
  /// with the name the search path found it by), locale bundles, exhibits and font files.
  std::vector<SourceRead> reads;
  /// The same files, as paths (--verbose, --watch).
  std::vector<std::filesystem::path> files_read;
};

/// Renders one input. Throws fiscgen::Error; on error no output file is left behind.
Result render(const Request& request, const DataPaths& paths, fonts::FontResolver& fonts);
/// The same, every file read through `sources` (and recorded there): what a caller that reads
/// the input itself first (check), or hands in its own files (tests), uses.
Result render(const Request& request, Sources& sources, fonts::FontResolver& fonts);

/// A document merged and laid out, nothing written: what `fiscgen check` measures.
struct LaidOut {
  doc::Document document;
  rules::Profile profile;
  layout::PageModel pages;
  /// Pages of the file a render would write, as a reader counts them: the page model's (slip
  /// sheets too) and every exhibit's. Page limits count fewer (rules::check_compliance).
  int file_pages = 0;
  Warnings warnings;
};

/// Runs the whole pipeline (request.output and request.emit are ignored), the PDF writer
/// included, into memory and discarded: whatever render() would refuse, this refuses with the
/// same message. A missing or invalid exhibit, or one outside the exhibits folder, throws at
/// its <exhibit>.
LaidOut lay_out(const Request& request, const DataPaths& paths, fonts::FontResolver& fonts);
/// The same, every file read through `sources`.
LaidOut lay_out(const Request& request, Sources& sources, fonts::FontResolver& fonts);

/// What became of one row of mail-merge data.
struct RowOutcome {
  int row = 0;   // 1 for the first row after the header
  int line = 0;  // where the row is in the CSV file
  std::filesystem::path output;
  int pages = 0;
  Warnings warnings;
  std::string error;  // empty: rendered
};

/// Mail merge: renders `base` once per row of `data`, each column header an input path set to
/// the row's value (as --set does); an empty cell means absent: that path is removed from the
/// input, so one file can mix rows that name a directory recipient (to/@ref) with rows that write
/// one out (to/name, …). Outputs go to `output_dir`, named by `name_pattern` with {column} replaced
/// by the row's value and {row} by its number ("{to/name} {date}.pdf"). A bad row is reported in
/// its outcome and the others go on; no rows at all, a pattern naming no column, or two rows with
/// the same output name is an Error before anything is written.
std::vector<RowOutcome> render_rows(const Request& base, const input::CsvTable& data,
                                    const std::string& name_pattern,
                                    const std::filesystem::path& output_dir, const DataPaths& paths,
                                    fonts::FontResolver& fonts);

/// `fiscgen compare`: a blackline of two versions of a document.
struct CompareRequest {
  /// The earlier version: its input, and the same --set, --locale and --public as the later.
  Request earlier;
  /// The later version, as it will be filed; its output is the blackline's (empty: LATER with
  /// "-blackline.pdf" for its extension).
  Request later;
  bool summary = false;  // --summary: a last page counting the changes per section
};

struct CompareResult {
  std::filesystem::path output;
  int pages = 0;
  int inserted = 0, deleted = 0, moved = 0;  // words
  Warnings warnings;
  std::vector<std::filesystem::path> files_read;  // both versions' (--verbose)
};

/// Writes the later version typeset as filed, its changes from the earlier one marked word by
/// word (compare::compare): inserted words underlined twice in blue, deleted words struck
/// through in red, moved paragraphs in green with a note in the margin. Both versions go
/// through the whole pipeline first (with --public, both are redacted before they are
/// compared). Errors name the file, line and column, as render()'s do.
CompareResult compare(const CompareRequest& request, const DataPaths& paths,
                      fonts::FontResolver& fonts);

/// The blackline's default path: LATER with "-blackline.pdf" in place of its extension.
std::filesystem::path default_blackline(const std::filesystem::path& later);

/// The default output path: INPUT with its extension replaced by .pdf.
std::filesystem::path default_output(const std::filesystem::path& input);

}  // namespace fiscgen::render
