// What one evaluation of a template's XPath may cost, read from its steps: pugixml counts no
// steps and has no time limit, so the shapes whose cost grows faster than the input are refused
// when the template is read, and the evaluator charges the rest to a budget per merge.
#pragma once

#include <string>
#include <string_view>

#include "template/library.hpp"

namespace fiscgen::templ {

/// How far one evaluation of an expression may walk.
enum class XpathReach {
  /// Only down from the context node (child, attribute and self steps, "."): what it walks lies
  /// under its context, so loops over the input's parts walk each part a bounded number of times.
  context,
  /// Up, sideways or from the root ("/", "//", "..", the ancestor, descendant, following,
  /// preceding and parent axes): charged as the whole input on every evaluation.
  whole_input,
};

/// Reads the steps of `expression`. Throws fiscgen::Error without a location (the caller knows
/// the element) for a shape whose single evaluation grows faster than the input: a predicate
/// that looks beyond the node it tests (`item[//x]`, `item[../x]`: once per node, so the square
/// of the input, or its cube when nested), and "//" or a many-node axis after a step that gave
/// many nodes (`a//b`, `//a/following::b`: each node walks again).
XpathReach xpath_reach(std::string_view expression);

/// xpath_reach's answer, kept per thread: it depends on the text alone, and the same expressions
/// are read when each file is checked, at every evaluation, and for every document of a batch.
/// A refused shape throws every time and is not kept.
XpathReach known_xpath_reach(std::string_view expression);

/// Checks every XPath of one element of a template file (select=, test=, key= and {…} in
/// attribute values, PREFIX:at=) with xpath_reach; the first refused is an Error at the
/// element. `directive` is the element's directive_name. Library::load checks every element of
/// each file it parses, in document order; an expression read once in the thread is not read
/// again.
void check_element_xpaths(const TemplateFile& file, const pugi::xml_node& element,
                          std::string_view directive);

/// The expressions in an attribute value template ("Docket No. {docket}"), without
/// "{message:…}" ones, which are not XPath.
void each_braced_expression(std::string_view value, const auto& visit) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if ((c == '{' || c == '}') && i + 1 < value.size() && value[i + 1] == c) {
      ++i;
    } else if (c == '{') {
      const auto end = value.find('}', i);
      if (end == std::string_view::npos) return;  // reported by the evaluator
      const auto expression = value.substr(i + 1, end - i - 1);
      if (expression.rfind("message:", 0) != 0) visit(expression);
      i = end;
    }
  }
}

}  // namespace fiscgen::templ
