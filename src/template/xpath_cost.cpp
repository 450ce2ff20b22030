// Reading an XPath's steps for their cost, not their meaning: pugixml parses and checks the
// syntax; this only follows tokens far enough to see where a path starts, which axes its steps
// take and whether they are inside a predicate. XPath 1.0 §3.7 decides what a token is.
#include "template/xpath_cost.hpp"

#include <array>
#include <cstddef>
#include <functional>
#include <memory_resource>
#include <unordered_map>
#include <vector>

#include "base/error.hpp"
#include "template/directives.hpp"

namespace fiscgen::templ {
namespace {

bool name_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool name_part(unsigned char c) {
  return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// Axes that give many nodes from one: after a step that already gave many, each walks again.
constexpr std::array<std::string_view, 8> many_node_axes = {
    "ancestor",  "ancestor-or-self",  "descendant", "descendant-or-self",
    "following", "following-sibling", "preceding",  "preceding-sibling"};

bool is_many_node_axis(std::string_view axis) {
  for (const auto known : many_node_axes)
    if (axis == known) return true;
  return false;
}

/// Where the tokens are within one path: at its start (a "/" there is the root), and whether
/// every step so far gave one node at most (".", "..", the root).
struct PathState {
  bool at_start = true;
  bool single = true;
};

class Reader {
 public:
  explicit Reader(std::string_view expression) : text_(expression) {}

  XpathReach read() {
    while (skip_space(), at_ < text_.size()) token();
    return reach_;
  }

 private:
  PathState& path() { return paths_.back(); }

  [[noreturn]] void refuse(const std::string& why) const {
    throw Error("the XPath \"" + std::string(text_) + "\" " + why);
  }

  /// A step or a path start that reaches past the context: refused inside a predicate, which is
  /// evaluated once for every node it tests.
  void wide(std::string_view what) {
    reach_ = XpathReach::whole_input;
    if (predicates_ > 0)
      refuse("uses " + std::string(what) +
             " inside [ ]: a predicate is evaluated once per node it tests, so this walks the "
             "input once per node (its square, or more when nested); inside [ ] only child "
             "and attribute steps of the node tested are allowed, such as item[name]");
  }

  void many_node_step(std::string_view what) {
    wide(what);
    if (!path().single)
      refuse("uses " + std::string(what) +
             " after a step that gave many nodes, so it walks again from each of them; it "
             "may start a path (//item, .//item) but not follow a step (a//b)");
    path().single = false;
  }

  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
      ++at_;
  }

  // XPath 1.0 §3.7: after an operand, "*" multiplies and a name is an operator (and, or, div,
  // mod); anywhere else they are name tests.
  bool operand_before() const { return after_operand_; }

  void operand_end() {
    after_operand_ = true;
    path().at_start = false;
  }

  void operator_token() {
    after_operand_ = false;
    path() = PathState{};
  }

  void open(bool predicate) {
    after_operand_ = false;
    predicates_ += predicate ? 1 : 0;
    paths_.push_back(PathState{});
    openers_.push_back(predicate ? '[' : '(');
  }

  void close() {
    if (paths_.size() > 1) paths_.pop_back();
    const char opener = openers_.empty() ? '(' : openers_.back();
    if (!openers_.empty()) openers_.pop_back();
    if (opener == '[') {
      --predicates_;
    } else {
      path().single = false;  // a call or a group: its result may hold many nodes
    }
    operand_end();
  }

  std::string_view name() {
    const std::size_t begin = at_;
    while (at_ < text_.size() && name_part(static_cast<unsigned char>(text_[at_]))) ++at_;
    // A QName's prefix ("t:name", "ns:*"), never the "::" of an axis.
    if (at_ + 1 < text_.size() && text_[at_] == ':' && text_[at_ + 1] != ':') {
      ++at_;
      if (text_[at_] == '*')
        ++at_;
      else
        while (at_ < text_.size() && name_part(static_cast<unsigned char>(text_[at_]))) ++at_;
    }
    return text_.substr(begin, at_ - begin);
  }

  /// A name test or node type test taken along `axis` ("" for the child axis).
  void step(std::string_view axis) {
    if (axis == "parent") {
      wide("the parent axis");
    } else if (is_many_node_axis(axis)) {
      many_node_step("the " + std::string(axis) + " axis");
    } else if (axis != "self") {
      path().single = false;
    }
    operand_end();
  }

  void token() {
    const char c = text_[at_];
    const auto next = at_ + 1 < text_.size() ? text_[at_ + 1] : '\0';
    if (c == '\'' || c == '"' || is_digit(c) || (c == '.' && is_digit(next))) return literal(c);
    if (c == '.') return dot(next == '.');
    if (c == '/') return slash(next == '/');
    if (c == '(' || c == '[') {
      ++at_;
      return open(c == '[');
    }
    if (c == ')' || c == ']') {
      ++at_;
      return close();
    }
    if (c == '@' || c == '$') return attribute_or_variable(c == '@');
    if (c == '*' && !operand_before()) {
      ++at_;
      return step("");
    }
    if (name_start(static_cast<unsigned char>(c))) return named();
    // Operators: | , + - = != < <= > >= and a multiplying *.
    ++at_;
    if ((c == '!' || c == '<' || c == '>') && at_ < text_.size() && text_[at_] == '=') ++at_;
    operator_token();
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  /// A string in quotes (`quote`) or a number: a value, not a node.
  void literal(char quote) {
    if (quote == '\'' || quote == '"') {
      const auto end = text_.find(quote, at_ + 1);
      at_ = end == std::string_view::npos ? text_.size() : end + 1;
    } else {
      while (at_ < text_.size() && (is_digit(text_[at_]) || text_[at_] == '.')) ++at_;
    }
    path().single = false;
    operand_end();
  }

  /// "." or (`parent`) "..".
  void dot(bool parent) {
    if (parent) {
      at_ += 2;
      wide("\"..\"");
    } else {
      ++at_;
    }
    operand_end();
  }

  /// "/" or (`descendants`) "//": from the root when a path starts with it.
  void slash(bool descendants) {
    if (descendants) {
      at_ += 2;
      if (path().at_start) {
        path().single = true;  // from the root, one node
        wide("an absolute path");
      }
      many_node_step("\"//\"");
    } else {
      ++at_;
      if (path().at_start) {
        wide("an absolute path");
        path().single = true;
      }
    }
    after_operand_ = false;
    path().at_start = false;
  }

  /// "@name", "@*" or "$name": values, never a step to many nodes.
  void attribute_or_variable(bool attribute) {
    ++at_;
    if (attribute) {
      skip_space();
      if (at_ < text_.size() && text_[at_] == '*')
        ++at_;
      else
        name();
    } else {
      name();
    }
    path().single = false;
    operand_end();
  }

  /// A word: an operator (and, or, div, mod), an axis, a node type test, a function call or a
  /// name test.
  void named() {
    const std::string_view word = name();
    if (operand_before() && (word == "and" || word == "or" || word == "div" || word == "mod"))
      return operator_token();
    skip_space();
    if (text_.substr(at_, 2) == "::") {
      at_ += 2;
      skip_space();
      if (at_ < text_.size() && text_[at_] == '*')
        ++at_;
      else
        name();
      skip_node_type_parentheses();
      return step(word);
    }
    if (at_ < text_.size() && text_[at_] == '(') {
      if (word == "node" || word == "text" || word == "comment" ||
          word == "processing-instruction") {
        skip_node_type_parentheses();
        return step("");
      }
      if (word == "id") wide("id()");
      ++at_;
      return open(false);
    }
    step("");
  }

  /// "text()" and "processing-instruction('x')" after a name: part of the step.
  void skip_node_type_parentheses() {
    skip_space();
    if (at_ >= text_.size() || text_[at_] != '(') return;
    const auto end = text_.find(')', at_);
    at_ = end == std::string_view::npos ? text_.size() : end + 1;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  // The stacks below live on the C++ stack unless an expression nests deeper than it holds:
  // allocating them was a third of reading a short expression.
  std::array<std::byte, 256> stack_space_;
  std::pmr::monotonic_buffer_resource arena_{stack_space_.data(), stack_space_.size()};
  std::pmr::vector<PathState> paths_{{PathState{}}, &arena_};
  std::pmr::vector<char> openers_{&arena_};
  int predicates_ = 0;
  bool after_operand_ = false;
  XpathReach reach_ = XpathReach::context;
};

}  // namespace

XpathReach xpath_reach(std::string_view expression) {
  return Reader(expression).read();
}

namespace {

/// Looks a std::string key up by a string_view, without building a string.
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

}  // namespace

XpathReach known_xpath_reach(std::string_view expression) {
  thread_local std::unordered_map<std::string, XpathReach, ViewHash, std::equal_to<>> known;
  if (const auto found = known.find(expression); found != known.end()) return found->second;
  const auto reach = xpath_reach(expression);
  if (known.size() >= 4096) known.clear();
  known.emplace(expression, reach);
  return reach;
}

void check_element_xpaths(const TemplateFile& file, const pugi::xml_node& element,
                          std::string_view directive) {
  // Which attribute holds an XPath and which {expressions}, looked up once per element.
  const auto known = directive.empty() ? std::nullopt : directive_named(directive);
  const char* xpath = known ? info(*known).xpath_attribute : nullptr;
  const char* braced = known ? info(*known).braced_attribute : nullptr;
  try {
    for (const auto& attribute : element.attributes()) {
      const std::string_view name = attribute.name();
      if ((xpath && name == xpath) || (directive.empty() && file.is_prefixed(name, "at"))) {
        known_xpath_reach(attribute.value());
      } else if (directive.empty() || (braced && name == braced)) {
        each_braced_expression(attribute.value(),
                               [](std::string_view expression) { known_xpath_reach(expression); });
      }
    }
  } catch (const Error& e) {
    throw Error(file.locate(element), e.message());
  }
}

}  // namespace fiscgen::templ
