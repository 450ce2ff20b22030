// Running a template's directives against the input, writing the document tree as XML.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "i18n/i18n.hpp"
#include "rules/profile.hpp"
#include "template/library.hpp"
#include "template/portions.hpp"
#include "template/redactions.hpp"
#include "template/template.hpp"

namespace fiscgen::templ {

/// Where an input node came from (the input file, or letters/recipients.xml for a recipient).
using InputLocator = std::function<SourceLocation(const pugi::xml_node&)>;

struct EvaluationContext {
  /// The template's files: an include is expanded from the file the tree loaded for it.
  const IncludeTree& includes;
  InputLocator locate_input;
  const i18n::Messages& messages;
  const rules::Profile& profile;
  std::string locale;
  std::string kind;  // the document's kind, for the profile's limits and required parts
  /// For <t:rule name="counted-words|counted-pages"/>; null in a first pass (they write 0).
  const Counts* counted = nullptr;
  /// Set when the template asked for the counts: the caller lays out, counts and merges again.
  bool* wants_counts = nullptr;
  /// The input's sealed <redact>s: a value taken as plain text that holds one is refused there.
  const Redactions* redactions = nullptr;
  /// Set for a classified input: the body paragraphs and headings the template writes are
  /// marked from the fields they print (template/portions.hpp).
  PortionMarks* portions = nullptr;
};

/// Expands `template_root`'s children (one <t:template> or <t:fragment>) with the input root as
/// context, appending the output to `out`. Every output element carries at="file:line:col".
void expand_template(const TemplateFile& file, const pugi::xml_node& input_root, pugi::xml_node out,
                     const EvaluationContext& context);

}  // namespace fiscgen::templ
