// Running fiscgen and the independent PDF readers from end-to-end tests.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../temp_dir.hpp"

namespace e2e {

struct Run {
  int status = -1;  // exit code
  std::string out, err;
};

/// Runs a command line (arguments are shell-quoted here), capturing stdout and stderr.
Run run(const std::vector<std::string>& arguments);

/// Runs fiscgen with these arguments.
Run fiscgen(const std::vector<std::string>& arguments);

using TempDir = test_support::TempDir;

/// pdftotext of the whole file (reading order, no layout), or of one page (1-based).
std::string pdf_text(const std::filesystem::path& pdf, int page = 0);
/// The text of every page in the order the content streams draw it (`pdftotext -raw`): no
/// layout analysis, so no guessing where words end. The default mode joins the words of some
/// short lines ("a z" reads "az", "% z" "%z"), on Ghostscript's own PDFs as on ours.
std::string pdf_text_raw(const std::filesystem::path& pdf);
/// The text of every page as MuPDF reads it (`mutool draw -F txt`).
std::string pdf_text_mupdf(const std::filesystem::path& pdf);
/// Page count from pdfinfo.
int pdf_pages(const std::filesystem::path& pdf);
/// pdfinfo's "Key: value" for `key`, trimmed; empty when absent.
std::string pdf_info(const std::filesystem::path& pdf, const std::string& key);

/// A word of a page and its box, in points from the page's top left corner.
struct Word {
  double left = 0, top = 0, right = 0, bottom = 0;
  std::string text;
};
/// The words of page `page` (1-based) of `pdf` with their boxes, as `pdftotext -bbox` reads them,
/// in its reading order.
std::vector<Word> pdf_words(const std::filesystem::path& pdf, int page = 1);

struct FontRow {
  std::string name, type;
  bool embedded = false, subset = false, unicode = false;
};
/// pdffonts' table.
std::vector<FontRow> pdf_fonts(const std::filesystem::path& pdf);

/// Opens `pdf` with four independent readers, each as strictly as it allows: poppler
/// (pdftotext), MuPDF (mutool draw, rasterising every page), qpdf --check and Ghostscript (its
/// nullpage device). Returns what any of them said on standard error or by a non-zero exit,
/// one reader a line; empty when all four read the file silently.
std::string check_readers(const std::filesystem::path& pdf);

/// The lines of pdftotext output that hold something besides white space and form feeds.
std::vector<std::string> non_blank_lines(const std::string& text);

/// Lower-cased words, split at white space.
std::vector<std::string> words(const std::string& text);

/// Checks that `expected` appears in `actual` in order (other words may come between, such as
/// page numbers and footnotes). A PDF word may carry a footnote mark ("figures1."), and a word
/// broken after its hyphen at a line end comes back from pdftotext joined, without the hyphen;
/// a word wider than the line, split over lines, comes back as its pieces in a row (with the
/// page number between them when it was split over a page break).
std::string find_in_order(const std::vector<std::string>& expected,
                          const std::vector<std::string>& actual);

std::string read_file(const std::filesystem::path& file);

/// One document of a batch --report file: its status and the reasons given.
struct Reported {
  std::string status;
  std::vector<std::string> reasons;
};
/// Every document of a --report file by name, read with plain searches (each "name" to the
/// end of its object).
std::map<std::string, Reported> read_report(const std::filesystem::path& file);

/// The file with every stream decompressed and no object streams (`qpdf --qdf
/// --object-streams=disable`), written to `scratch` and read back.
std::string pdf_uncompressed(const std::filesystem::path& pdf,
                             const std::filesystem::path& scratch);

/// Every hex string of a PDF decoded as 2-byte code points and joined in order: the text of
/// every content stream (libharu writes 2-byte CIDs equal to the code points, so kerned pieces
/// of a word join up again), and of every other string (UTF-16 metadata and bookmarks).
std::string decoded_hex_strings(const std::string& pdf);

}  // namespace e2e
