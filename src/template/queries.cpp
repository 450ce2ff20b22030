#include "template/queries.hpp"

#include <utility>

namespace fiscgen::templ {

Queries& Queries::of_thread() {
  thread_local Queries kept;
  if (kept.queries_.size() >= 4096) kept.queries_.clear();
  return kept;
}

Query& Queries::read(const TemplateFile& file, const pugi::xml_node& node,
                     const std::string& expression) {
  if (const auto found = queries_.find(expression); found != queries_.end()) return found->second;
  Query query{expression, SimpleXPath::parse(expression), std::nullopt};
  try {
    // What SimpleXPath reads pugixml compiles too (tests/template): only when wanted.
    if (!query.simple) query.compiled.emplace(expression.c_str(), &variables_);
  } catch (const pugi::xpath_exception& e) {
    throw Error(file.locate(node),
                "the XPath \"" + expression + "\" cannot be read: " + e.result().description());
  }
  try {
    query.reach = known_xpath_reach(expression);
  } catch (const Error& e) {  // a refused shape is not kept, and is refused again next time
    throw Error(file.locate(node), e.message());
  }
  return queries_.emplace(expression, std::move(query)).first->second;
}

const pugi::xpath_query& Queries::compiled(Query& query, const Focus& focus) {
  if (!query.compiled) query.compiled.emplace(query.text.c_str(), &variables_);
  position_->set(focus.position);
  count_->set(focus.count);
  return *query.compiled;
}

std::string Queries::string(Query& query, const Focus& focus) {
  if (query.simple) return query.simple->string(focus.node);
  return compiled(query, focus).evaluate_string(pugi::xpath_node(focus.node));
}

bool Queries::boolean(Query& query, const Focus& focus) {
  if (query.simple) return query.simple->boolean(focus.node);
  return compiled(query, focus).evaluate_boolean(pugi::xpath_node(focus.node));
}

double Queries::number(Query& query, const Focus& focus) {
  return compiled(query, focus).evaluate_number(pugi::xpath_node(focus.node));
}

std::vector<pugi::xpath_node> Queries::nodes(Query& query, const Focus& focus) {
  std::vector<pugi::xpath_node> nodes;
  if (query.simple) {
    query.simple->select(focus.node, nodes);
  } else {
    const auto set = compiled(query, focus).evaluate_node_set(pugi::xpath_node(focus.node));
    nodes.assign(set.begin(), set.end());
  }
  return nodes;
}

pugi::xpath_node Queries::first(Query& query, const Focus& focus) {
  if (query.simple) return query.simple->first(focus.node);
  return compiled(query, focus).evaluate_node_set(pugi::xpath_node(focus.node)).first();
}

}  // namespace fiscgen::templ
