// Internal to template/: the evaluator's XPath, read once per thread and evaluated against the
// input node in focus: by SimpleXPath when the expression has one of its shapes, else by pugixml.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "template/library.hpp"
#include "template/simple_xpath.hpp"
#include "template/xpath_cost.hpp"

namespace fiscgen::templ {

/// What a directive sees: the input node it is about, and where it is in a for-each.
struct Focus {
  pugi::xml_node node;
  double position = 1;
  double count = 1;
};

/// An expression read once; pugixml compiles it only when SimpleXPath cannot read it, or when a
/// simple one is wanted as a number.
struct Query {
  std::string text;
  std::optional<SimpleXPath> simple;
  std::optional<pugi::xpath_query> compiled;
  XpathReach reach = XpathReach::whole_input;  // for MergeLimits::charge
};

/// The thread's queries by their text, with the variables they read ($position and $count,
/// which pugixml binds when it compiles): a for-each evaluates the same expressions for each
/// item and a batch for each document.
class Queries {
 public:
  /// The thread's; emptied when large, between merges, never during one (a query returned is
  /// used while others are read).
  static Queries& of_thread();

  /// `expression` read; one pugixml cannot compile, or whose shape xpath_reach refuses, is an
  /// Error at `node`.
  Query& read(const TemplateFile& file, const pugi::xml_node& node, const std::string& expression);

  static pugi::xpath_value_type type(const Query& query) {
    return query.simple ? query.simple->type() : query.compiled->return_type();
  }
  std::string string(Query& query, const Focus& focus);
  bool boolean(Query& query, const Focus& focus);
  double number(Query& query, const Focus& focus);
  /// A node-set expression's nodes in document order, and the first of them.
  std::vector<pugi::xpath_node> nodes(Query& query, const Focus& focus);
  pugi::xpath_node first(Query& query, const Focus& focus);

 private:
  Queries() = default;
  /// pugixml's query, with $position and $count set from `focus` for its evaluation, which
  /// follows at once (the variables are shared by every query of the thread).
  const pugi::xpath_query& compiled(Query& query, const Focus& focus);

  pugi::xpath_variable_set variables_;
  pugi::xpath_variable* position_ = variables_.add("position", pugi::xpath_type_number);
  pugi::xpath_variable* count_ = variables_.add("count", pugi::xpath_type_number);
  std::unordered_map<std::string, Query> queries_;
};

}  // namespace fiscgen::templ
