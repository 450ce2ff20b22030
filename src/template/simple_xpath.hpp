// Internal to template/: the XPath the templates mostly write (child paths, a final @attribute,
// normalize-space(), and/or/not), evaluated by walking the pugixml tree. Compiling a
// pugi::xpath_query costs a heap page and more instructions than a letter's walks; anything else
// is left to pugixml, and what is accepted gives what pugixml gives (tests/template).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace fiscgen::templ {

class SimpleXPath {
 public:
  /// The expression read, or nothing when it is not of the shapes above (pugixml evaluates it).
  static std::optional<SimpleXPath> parse(std::string_view expression);

  /// pugi::xpath_type_node_set, _string or _boolean, as pugixml would type the expression.
  pugi::xpath_value_type type() const;

  /// A node-set expression's nodes in document order (what evaluate_node_set gives).
  void select(const pugi::xml_node& context, std::vector<pugi::xpath_node>& out) const;
  /// The first of them (null when there is none).
  pugi::xpath_node first(const pugi::xml_node& context) const {
    return first(terms_.back(), context);
  }
  std::string string(const pugi::xml_node& context) const;
  bool boolean(const pugi::xml_node& context) const;

 private:
  enum class Predicate { none, position, non_blank };
  /// A child step: elements called `name`, the first `position` of them, or the non-blank.
  struct Step {
    std::string name;
    Predicate predicate = Predicate::none;
    long position = 0;
  };
  enum class Kind { path, normalized, negation, conjunction, disjunction };
  struct Term {
    Kind kind = Kind::path;
    /// A path, or normalize-space's argument: its steps ("." has none), then @attribute if any.
    std::vector<Step> steps;
    std::string attribute;
    std::vector<std::size_t> operands;  // of not, and, or: indices into terms_
  };

  class Reader;
  template <class Visit>
  bool walk(const Term& path, const pugi::xml_node& context, std::size_t step,
            const Visit& visit) const;
  pugi::xpath_node first(const Term& path, const pugi::xml_node& context) const;
  std::string string_of(std::size_t term, const pugi::xml_node& context) const;
  bool boolean_of(std::size_t term, const pugi::xml_node& context) const;

  std::vector<Term> terms_;  // the root last
};

}  // namespace fiscgen::templ
