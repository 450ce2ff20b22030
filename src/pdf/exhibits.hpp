// Appending exhibits: libharu cannot import pages, so the main document it wrote is merged with
// the exhibit PDFs through libqpdf. The only file that includes libqpdf.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pdf/pdf.hpp"

namespace fiscgen::pdf {

/// The exhibit files, opened and checked before anything is written.
class OpenExhibits {
 public:
  /// Opens and parses every exhibit. A missing, unreadable or invalid file, or one without
  /// pages, throws Error at the exhibit's location in the input.
  explicit OpenExhibits(const std::vector<Exhibit>& exhibits);
  ~OpenExhibits();
  OpenExhibits(const OpenExhibits&) = delete;
  OpenExhibits& operator=(const OpenExhibits&) = delete;

  bool empty() const;
  /// Pages of the i-th exhibit.
  int page_count(std::size_t index) const;

  /// `main` (a complete PDF) with each exhibit's pages inserted after its page, written with a
  /// /ID derived from the content and nothing from the clock.
  std::string append_to(const std::string& main) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fiscgen::pdf
