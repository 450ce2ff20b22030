// Portion marks for the paragraphs and headings a template writes in a classified filing
// (32 C.F.R. § 2001.21(c): every portion is marked, the form's own words included).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "base/error.hpp"
#include "doc/markings.hpp"

namespace fiscgen::templ {

/// Which template elements are portions: a body paragraph (style="body") and a heading. The
/// caption, the title (marked by the input's <title class>), the signature block and page
/// furniture are not.
bool is_template_portion(const pugi::xml_node& template_element);

/// A paper the form sets apart in a filing (<group part="…">: the certificates of service and
/// of compliance, the proposed order, an exhibit, a disclosure statement): its own words are
/// not marked (what it copies from the input is, as everywhere).
bool is_set_apart(const pugi::xml_node& template_element);

/// Whether an input is classified above the lowest level: its <classification> says so, or one
/// of its class="…" marks does. Unknown levels count for nothing here (check_markings reports
/// them).
bool input_is_classified(const pugi::xml_node& input_root, const doc::Markings& markings);

/// Records, while a template portion is written, which input fields it prints, and gives the
/// portion's mark: the highest level of their class="…" with every caveat of each, or the lowest
/// level when it prints none. A field printed without a mark is an Error at the field.
class PortionMarks {
 public:
  using Locator = std::function<SourceLocation(const pugi::xml_node&)>;
  PortionMarks(const doc::Markings& markings, Locator locate)
      : markings_(markings), locate_(std::move(locate)) {}

  /// Inside a paper set apart (is_set_apart) no portion is opened.
  void set_apart(bool entering) { set_apart_ += entering ? 1 : -1; }
  bool marks_portions() const { return set_apart_ == 0; }
  void open() { frames_.emplace_back(); }
  bool recording() const { return !frames_.empty(); }
  /// The input elements `expression` (an XPath a template prints) reads from `focus`.
  void printed(const std::string& expression, const pugi::xml_node& focus);
  /// An input element copied or printed whole.
  void printed(const pugi::xml_node& field);
  /// The mark of the portion opened last; throws for a field printed in it without a mark.
  std::string close();

 private:
  const doc::Markings& markings_;
  Locator locate_;
  std::vector<std::vector<pugi::xml_node>> frames_;
  int set_apart_ = 0;
};

}  // namespace fiscgen::templ
