#include "template/simple_xpath.hpp"

#include <charconv>
#include <utility>

namespace fiscgen::templ {
namespace {

/// XPath's white space, as pugixml's normalize-space() reads it.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// pugixml's name characters: letters, '_' and every byte of a multi-byte UTF-8 sequence start a
/// name; digits, '-' and '.' continue one. ':' is left out: prefixes and axes go to pugixml.
bool starts_name(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte == '_' ||
         byte >= 0x80;
}
bool continues_name(char c) {
  return starts_name(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/// The text nodes under `node` in document order, as XPath's string-value joins them.
template <class Visit>
void each_text(const pugi::xml_node& node, const Visit& visit) {
  for (auto it = node.first_child(); it && it != node;) {
    if (it.type() == pugi::node_pcdata || it.type() == pugi::node_cdata) visit(it.value());
    if (it.first_child()) {
      it = it.first_child();
      continue;
    }
    while (it != node && !it.next_sibling()) it = it.parent();
    if (it != node) it = it.next_sibling();
  }
}

bool has_non_space(std::string_view text) {
  for (const char c : text)
    if (!is_space(c)) return true;
  return false;
}

/// normalize-space() of `node` is not empty: some text under it is not white space.
bool is_non_blank(const pugi::xml_node& node) {
  if (has_non_space(node.value())) return true;
  bool found = false;
  each_text(node, [&](const char* text) { found = found || has_non_space(text); });
  return found;
}

/// XPath's string-value of a node, as pugixml computes it.
std::string xpath_string_value(const pugi::xpath_node& node) {
  if (node.attribute()) return node.attribute().value();
  const auto& n = node.node();
  switch (n.type()) {
    case pugi::node_pcdata:
    case pugi::node_cdata:
    case pugi::node_comment:
    case pugi::node_pi:
      return n.value();
    case pugi::node_document:
    case pugi::node_element: {
      std::string value = n.value();  // an element's own text under parse_embed_pcdata
      each_text(n, [&](const char* text) { value += text; });
      return value;
    }
    default:
      return {};
  }
}

/// XPath's normalize-space(): spaces, tabs and line breaks trimmed and collapsed to one space.
std::string xpath_normalize_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (!is_space(text[i])) {
      out += text[i++];
      continue;
    }
    while (i < text.size() && is_space(text[i])) ++i;
    if (!out.empty() && i < text.size()) out += ' ';
  }
  return out;
}

}  // namespace

/// A recursive descent over the accepted shapes; any other text makes it fail.
class SimpleXPath::Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  std::optional<SimpleXPath> read() {
    SimpleXPath expression;
    expression.terms_.reserve(4);
    if (!disjunction(expression)) return std::nullopt;
    skip_spaces();
    if (at_ < text_.size()) return std::nullopt;
    return expression;
  }

 private:
  void skip_spaces() {
    while (at_ < text_.size() && is_space(text_[at_])) ++at_;
  }

  bool take(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  /// " and " or " or ": the operator word between spaces (or a parenthesis after it).
  bool take_operator(std::string_view word) {
    const auto start = at_;
    skip_spaces();
    if (at_ > start && take(word) && at_ < text_.size() &&
        (is_space(text_[at_]) || text_[at_] == '('))
      return true;
    at_ = start;
    return false;
  }

  bool binary(SimpleXPath& out, Kind kind, std::string_view word,
              bool (Reader::*operand)(SimpleXPath&)) {
    if (!(this->*operand)(out)) return false;
    if (!take_operator(word)) return true;  // most expressions: no term to make
    Term combined;
    combined.kind = kind;
    combined.operands.push_back(out.terms_.size() - 1);
    do {
      skip_spaces();
      if (!(this->*operand)(out)) return false;
      combined.operands.push_back(out.terms_.size() - 1);
    } while (take_operator(word));
    out.terms_.push_back(std::move(combined));
    return true;
  }

  bool disjunction(SimpleXPath& out) {
    return binary(out, Kind::disjunction, "or", &Reader::conjunction);
  }
  bool conjunction(SimpleXPath& out) {
    return binary(out, Kind::conjunction, "and", &Reader::unary);
  }

  bool unary(SimpleXPath& out) {
    if (take("not(")) {
      skip_spaces();
      if (!disjunction(out)) return false;
      skip_spaces();
      if (!take(")")) return false;
      out.terms_.push_back({Kind::negation, {}, {}, {out.terms_.size() - 1}});
      return true;
    }
    if (take("normalize-space(")) {
      Term normalized;
      normalized.kind = Kind::normalized;
      if (!take(")") && !(path(normalized) && take(")"))) return false;
      out.terms_.push_back(std::move(normalized));
      return true;
    }
    if (take("(")) {
      skip_spaces();
      if (!disjunction(out)) return false;
      skip_spaces();
      return take(")");
    }
    Term read;
    if (!path(read)) return false;
    out.terms_.push_back(std::move(read));
    return true;
  }

  std::string_view name() {
    const auto start = at_;
    if (at_ < text_.size() && starts_name(text_[at_])) {
      ++at_;
      while (at_ < text_.size() && continues_name(text_[at_])) ++at_;
    }
    return text_.substr(start, at_ - start);
  }

  /// ".", "@a", "a/b[1]/c", "a/b[normalize-space()]/@c".
  bool path(Term& out) {
    if (take(".")) return at_ >= text_.size() || (text_[at_] != '.' && text_[at_] != '/');
    do {
      if (take("@")) {
        out.attribute = name();
        // pugixml's attribute axis leaves out namespace declarations.
        return !out.attribute.empty() && out.attribute != "xmlns";
      }
      const auto step_name = name();
      if (step_name.empty() || (at_ < text_.size() && text_[at_] == '(')) return false;
      if (out.steps.empty()) out.steps.reserve(4);  // deeper paths are rare
      auto& step = out.steps.emplace_back();
      step.name = step_name;
      if (take("[normalize-space()]")) {
        step.predicate = Predicate::non_blank;
      } else if (take("[")) {
        const auto start = at_;
        while (at_ < text_.size() && at_ - start < 9 && text_[at_] >= '0' && text_[at_] <= '9')
          ++at_;
        if (at_ == start || text_[start] == '0' || !take("]")) return false;
        step.predicate = Predicate::position;
        std::from_chars(text_.data() + start, text_.data() + at_ - 1, step.position);
      }
    } while (take("/"));
    return true;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

std::optional<SimpleXPath> SimpleXPath::parse(std::string_view expression) {
  return Reader(expression).read();
}

pugi::xpath_value_type SimpleXPath::type() const {
  switch (terms_.back().kind) {
    case Kind::path:
      return pugi::xpath_type_node_set;
    case Kind::normalized:
      return pugi::xpath_type_string;
    default:
      return pugi::xpath_type_boolean;
  }
}

/// Calls `visit` with each node `path` selects from step `step` on, in document order (each
/// step's children in order, each of them walked whole before the next), until it says stop.
template <class Visit>
bool SimpleXPath::walk(const Term& path, const pugi::xml_node& context, std::size_t step,
                       const Visit& visit) const {
  if (step == path.steps.size()) {
    if (path.attribute.empty()) return visit(pugi::xpath_node(context));
    for (const auto& attribute : context.attributes())
      if (path.attribute == attribute.name() && !visit(pugi::xpath_node(attribute, context)))
        return false;
    return true;
  }
  const auto& [name, predicate, position] = path.steps[step];
  long count = 0;
  for (auto child = context.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element || name != child.name()) continue;
    if (predicate == Predicate::non_blank && !is_non_blank(child)) continue;
    if (predicate == Predicate::position && ++count != position) continue;
    if (!walk(path, child, step + 1, visit)) return false;
    if (predicate == Predicate::position) break;
  }
  return true;
}

pugi::xpath_node SimpleXPath::first(const Term& path, const pugi::xml_node& context) const {
  pugi::xpath_node found;
  walk(path, context, 0, [&](const pugi::xpath_node& node) {
    found = node;
    return false;
  });
  return found;
}

void SimpleXPath::select(const pugi::xml_node& context, std::vector<pugi::xpath_node>& out) const {
  walk(terms_.back(), context, 0, [&](const pugi::xpath_node& node) {
    out.push_back(node);
    return true;
  });
}

std::string SimpleXPath::string(const pugi::xml_node& context) const {
  return string_of(terms_.size() - 1, context);
}

bool SimpleXPath::boolean(const pugi::xml_node& context) const {
  return boolean_of(terms_.size() - 1, context);
}

std::string SimpleXPath::string_of(std::size_t term, const pugi::xml_node& context) const {
  const auto& t = terms_[term];
  switch (t.kind) {
    case Kind::path:
      return xpath_string_value(first(t, context));
    case Kind::normalized:
      return xpath_normalize_space(xpath_string_value(first(t, context)));
    default:
      return boolean_of(term, context) ? "true" : "false";
  }
}

bool SimpleXPath::boolean_of(std::size_t term, const pugi::xml_node& context) const {
  const auto& t = terms_[term];
  switch (t.kind) {
    case Kind::path:
      return bool(first(t, context));
    case Kind::normalized: {
      const auto node = first(t, context);
      if (node.attribute()) return has_non_space(node.attribute().value());
      return node.node() &&
             (node.node().type() == pugi::node_element || node.node().type() == pugi::node_document
                  ? is_non_blank(node.node())
                  : has_non_space(xpath_string_value(node)));
    }
    case Kind::negation:
      return !boolean_of(t.operands.front(), context);
    case Kind::conjunction:
      for (const auto operand : t.operands)
        if (!boolean_of(operand, context)) return false;
      return true;
    case Kind::disjunction:
      for (const auto operand : t.operands)
        if (boolean_of(operand, context)) return true;
      return false;
  }
  return false;
}

}  // namespace fiscgen::templ
