// Court rules profiles: everything a court's rules decide about a filing's form, read from
// forms/rules/NAME.xml. Nothing court-specific lives in C++.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "doc/document.hpp"
#include "fonts/fonts.hpp"

namespace fiscgen::rules {

using fonts::Face;

/// A named paragraph style. Lengths are PDF points (1/72 in).
struct Style {
  Face face = Face::regular;
  double size = 12;            // font size
  double line_height = 24;     // baseline to baseline
  double space_before = 0;
  double space_after = 0;
  double indent_left = 0;
  double indent_right = 0;
  double first_line_indent = 0;
  doc::Align align = doc::Align::left;
  bool keep_with_next = false;  // headings: never last on a page
};

struct PageNumber {
  std::string position = "bottom-center";  // bottom-center | bottom-right | top-right | none
  std::string format = "{page}";           // {page} and {pages} are replaced
  double size = 12;
  double offset = 36;  // distance of the baseline from the page edge
  bool first_page = true;  // letters number from the second page on
};

struct Profile {
  std::string name;       // e.g. fisc-2010
  std::string title;      // e.g. "FISC Rules of Procedure"
  std::string version;
  std::string effective;  // ISO date the rules took effect
  std::string court;      // court name as the caption prints it
  std::string court_place;  // e.g. "WASHINGTON, D.C."

  double page_width = 612, page_height = 792;  // US Letter
  double margin_top = 72, margin_right = 72, margin_bottom = 72, margin_left = 72;

  std::string font_family = "Liberation Serif";  // fontconfig family, four faces
  std::string fallback_family = "DejaVu Serif";   // for characters the main family lacks

  std::map<std::string, Style> styles;  // body, heading, quote, footnote, caption, …
  PageNumber page_number;
  std::map<int, std::string> heading_numbering;  // level → upper-roman, upper-alpha, decimal, …
  double signature_indent = 252;  // where the signature block starts, from the left margin
  double footnote_separator = 144;  // length of the rule above footnotes
  int widow_lines = 2;   // minimum lines of a paragraph at the top of a page
  int orphan_lines = 2;  // minimum lines of a paragraph at the bottom of a page

  /// The style of that name; an Error naming the profile when it is missing.
  const Style& style(const std::string& name) const;
  /// Numbering scheme for a heading level ("none" when the profile names none): a
  /// format_number() style such as upper-roman, upper-alpha, decimal.
  std::string heading_numbering_for(int level) const;
};

/// Reads forms/rules/NAME.xml. Errors name file:line:col and what was expected.
Profile load_profile(const std::filesystem::path& file);

/// Finds and reads the profile NAME in rules_dir; an unknown name lists the known ones.
Profile load_named_profile(const std::filesystem::path& rules_dir, const std::string& name);

}  // namespace fiscgen::rules
