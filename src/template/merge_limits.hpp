// Internal to template/: the bounds that keep one merge (a template, or a hostile one) from
// running away, counted as the evaluator works.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "template/library.hpp"
#include "template/xpath_cost.hpp"

namespace fiscgen::templ {

/// Items one for-each may repeat.
inline constexpr long max_iterations = 100000;
/// Items repeated by all the for-each of one merge together: ten loops at the limit of one.
/// Nested loops multiply, each under max_iterations (three of 300 items are 27 million).
inline constexpr long max_merge_iterations = 1000000;
/// Nodes one merge writes into the tree, copies included: above twice the nodes of the largest
/// input (16 MiB), and what keeps the tree well under a gigabyte whatever the loops do.
inline constexpr long max_merge_nodes = 4000000;
/// Input nodes the XPath of one merge may walk, an expression that reaches past its context
/// (xpath_cost.hpp) counting the whole input each time: 2–3 s of pugixml walking, far below
/// the 10 s any input within the limits may take.
inline constexpr long long max_xpath_nodes = 100000000;

/// What one merge has done so far against those bounds; each check throws an Error at the
/// directive (or at the innermost loop running, which is what multiplied the work).
class MergeLimits {
 public:
  explicit MergeLimits(const pugi::xml_node& input_root);

  /// Nodes under `node`, walked without recursion (depth is bounded, but this is cheap).
  static long count_below(const pugi::xml_node& node);

  /// `nodes` more written into the tree by `node`.
  void produced(const TemplateFile& file, const pugi::xml_node& node, long nodes);
  /// One text node written: checked at the next element or copy, since a text is never a loop.
  void produced_text() { ++produced_; }
  /// `expression`, about to be evaluated for `node`, of `reach` (xpath_cost.hpp, read when the
  /// query was): the whole input counted when it may reach past its context (pugixml counts no
  /// steps, so its reach stands for them).
  void charge(const TemplateFile& file, const pugi::xml_node& node, const std::string& expression,
              XpathReach reach);

  /// A for-each, `node`, about to repeat `items` items; leave_loop() when it is done.
  void enter_loop(const TemplateFile& file, const pugi::xml_node& node, std::size_t items);
  /// The next item of the innermost loop.
  void next_item(const TemplateFile& file, const pugi::xml_node& node);
  void leave_loop() { loops_.pop_back(); }

 private:
  SourceLocation blame(const TemplateFile& file, const pugi::xml_node& node,
                       std::string& message) const;

  std::vector<std::pair<const TemplateFile*, pugi::xml_node>> loops_;  // running, outermost first
  long iterations_ = 0;
  long produced_ = 0;
  pugi::xml_node input_root_;
  long long input_nodes_ = -1;  // not counted yet
  long long xpath_nodes_ = 0;
};

}  // namespace fiscgen::templ
