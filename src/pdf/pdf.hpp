// The only stage that includes libharu: writes a page model to a PDF file.
#pragma once

#include <filesystem>
#include <string>

#include "fonts/fonts.hpp"
#include "layout/layout.hpp"

namespace fiscgen::pdf {

/// Document information. Dates come from the input or SOURCE_DATE_EPOCH, never the clock.
struct Info {
  std::string title, subject, author, keywords;
  std::string creation_date;  // "YYYY-MM-DD" or empty for none
};

/// Writes `pages` to `output`: every font used is subset with hb-subset and embedded; the same
/// model and fonts give the same bytes (a /ID derived from the content). The file is written
/// to a temporary file beside `output` and renamed into place, so a failure leaves no partial
/// file and never clobbers an existing one. Errors throw fiscgen::Error.
void write(const layout::PageModel& pages, fonts::FontSet& fonts, const Info& info,
           const std::filesystem::path& output);

/// The same PDF as bytes in memory (for tests and benchmarks).
std::string write_to_memory(const layout::PageModel& pages, fonts::FontSet& fonts,
                            const Info& info);

}  // namespace fiscgen::pdf
