// The only stage that includes libharu: writes a page model to a PDF file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/fonts.hpp"
#include "layout/layout.hpp"

namespace fiscgen::pdf {

/// Document information. Dates come from the input or SOURCE_DATE_EPOCH, never the clock.
struct Info {
  std::string title, subject, author, keywords;
  std::string creation_date;  // "YYYY-MM-DD" or empty for none
};

/// A PDF appended after a page of the model: an exhibit, after its slip sheet.
struct Exhibit {
  std::filesystem::path file;  // as it was found: named in messages
  std::string_view bytes;      // the file as read through Sources, which keeps them
  std::string label;           // "A": its pages are labelled, …
  int after_page = 0;          // 0-based page of the model
  SourceLocation where;        // the input's <exhibit>: problems with the file are reported here
};

/// Writes `pages` to `output`: every font used is subset with hb-subset and embedded; the same
/// model and fonts give the same bytes (a /ID derived from the content). The file is written
/// to a temporary file beside `output` and renamed into place, so a failure leaves no partial
/// file and never clobbers an existing one. `exhibits` are appended after their pages (through
/// libqpdf); every one is opened and checked before anything is written. /PageLabels number
/// the pages as printed: the main document 1, 2, …, (front matter i, ii, …), an exhibit's
/// pages, …. Errors throw fiscgen::Error.
void write(const layout::PageModel& pages, fonts::FontSet& fonts, const Info& info,
           const std::filesystem::path& output, const std::vector<Exhibit>& exhibits = {});

/// The same PDF as bytes in memory (for tests and benchmarks).
std::string write_to_memory(const layout::PageModel& pages, fonts::FontSet& fonts, const Info& info,
                            const std::vector<Exhibit>& exhibits = {});

}  // namespace fiscgen::pdf
