#include "input/overrides.hpp"

#include <optional>

#include "i18n/i18n.hpp"
#include "input/limits.hpp"

namespace fiscgen::input {
namespace {

struct Step {
  std::string name;
  std::size_t index = 1;  // 1-based, as in XPath
};

struct Path {
  std::vector<Step> elements;
  std::string attribute;  // empty: the path names an element's text
};

// Element and attribute names as XML allows them, less the rarely used: a letter or '_' (or any
// non-ASCII byte) first, then letters, digits, '-', '_', '.'.
bool is_name(std::string_view name) {
  if (name.empty()) return false;
  auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool high = static_cast<unsigned char>(c) >= 0x80;
    const bool first_ok = ascii_letter(c) || c == '_' || high;
    const bool rest_ok = first_ok || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':';
    if (!(i == 0 ? first_ok : rest_ok)) return false;
  }
  return true;
}

std::optional<Step> parse_step(std::string_view text) {
  Step step;
  const std::size_t bracket = text.find('[');
  step.name = std::string(text.substr(0, bracket));
  if (!is_name(step.name)) return std::nullopt;
  if (bracket == std::string_view::npos) return step;
  if (text.back() != ']' || text.size() - bracket < 3) return std::nullopt;
  std::size_t index = 0;
  for (char c : text.substr(bracket + 1, text.size() - bracket - 2)) {
    if (c < '0' || c > '9' || index > 100000) return std::nullopt;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  if (index == 0) return std::nullopt;
  step.index = index;
  return step;
}

std::optional<Path> parse_path(std::string_view text) {
  Path path;
  if (const std::size_t at = text.rfind('@'); at != std::string_view::npos) {
    path.attribute = std::string(text.substr(at + 1));
    if (!is_name(path.attribute) || (at > 0 && text[at - 1] != '/')) return std::nullopt;
    text = text.substr(0, at == 0 ? 0 : at - 1);
    if (at == 0) return path;  // "@locale": an attribute of the root
  }
  while (true) {
    const std::size_t slash = text.find('/');
    const auto step = parse_step(text.substr(0, slash));
    if (!step) return std::nullopt;
    path.elements.push_back(*step);
    if (slash == std::string_view::npos) break;
    text = text.substr(slash + 1);
  }
  return path;
}

/// Forgets the origins of `node`'s subtree before pugixml frees it (addresses get reused).
void forget(Matter& matter, const pugi::xml_node& node) {
  matter.added.erase(node.internal_object());
  for (const pugi::xml_node& child : node.children()) forget(matter, child);
}

/// The step.index-th child named step.name of `parent`, or none; `count` is how many such
/// children were seen (all of them when there is none).
pugi::xml_node nth_child(const pugi::xml_node& parent, const Step& step, std::size_t& count) {
  for (pugi::xml_node child : parent.children(step.name.c_str()))
    if (++count == step.index) return child;
  return {};
}

}  // namespace

std::size_t path_elements(std::string_view path) {
  if (const auto at = path.rfind('@'); at != std::string_view::npos) path = path.substr(0, at);
  if (path.empty()) return 0;
  std::size_t count = 1;
  for (std::size_t at = 0; at < path.size(); ++at)
    if (path[at] == '/' && at + 1 < path.size()) ++count;
  return count;
}

bool is_path(std::string_view path) {
  return parse_path(path).has_value();
}

std::string path_too_deep(std::size_t elements) {
  return "a path of " + std::to_string(elements) + " elements; inputs are nested at most " +
         std::to_string(max_nesting_depth) + " deep, the root included, so a path names at most " +
         std::to_string(max_path_elements);
}

void apply_override(Matter& matter, const std::string& text) {
  const std::size_t equals = text.find('=');
  // Before anything else: each element added records its origin, and every pass over the tree
  // recurses, so a path 30,000 deep cost gigabytes and then the stack.
  if (const auto elements = path_elements(
          std::string_view(text).substr(0, equals == std::string::npos ? text.size() : equals));
      elements > max_path_elements)
    throw Error(SourceLocation{"--set " + text.substr(0, std::min<std::size_t>(equals, 40)) + "…"},
                path_too_deep(elements));
  const SourceLocation origin{"--set " + text, 0, 0};
  const std::optional<Path> path = equals == std::string::npos
                                       ? std::nullopt
                                       : parse_path(std::string_view(text).substr(0, equals));
  if (!path)
    throw Error("--set \"" + text + "\": expected path=value, e.g. date=2013-07-16 " +
                "(elements separated by '/', an optional [n] counting from 1, a final @attribute)");
  if (text.size() - equals - 1 > max_value_bytes)
    throw Error(origin.file.substr(0, origin.file.find('=') + 1) + "…: the value is " +
                std::to_string(text.size() - equals - 1) + " bytes long; fiscgen accepts at most " +
                std::to_string(max_value_bytes));
  const std::string value = i18n::normalise(std::string_view(text).substr(equals + 1), origin);

  // A value is text; an element that holds elements is not replaced by it (their text would
  // stand where the document expects paragraphs, and the error would blame the template).
  const auto refuse_if_it_holds_elements = [&](const pugi::xml_node& element) {
    for (const pugi::xml_node child : element.children())
      if (child.type() == pugi::node_element)
        throw Error(SourceLocation{"--set " + text.substr(0, equals + 1) + "…"},
                    "<" + std::string(element.name()) + "> holds elements (<" + child.name() +
                        ">…), and --set gives only text: set one of them instead, such as " +
                        text.substr(0, equals) + "/" + child.name() + "[1]=…");
  };

  pugi::xml_node node = matter.root();
  std::string walked;
  for (const Step& step : path->elements) {
    walked += (walked.empty() ? "" : "/") + step.name;
    std::size_t count = 0;
    pugi::xml_node found = nth_child(node, step, count);
    if (!found) {
      if (count + 1 < step.index)
        throw Error(origin, "cannot add " + walked + "[" + std::to_string(step.index) +
                                "]: there " + (count == 1 ? "is " : "are ") +
                                std::to_string(count) + " " + step.name + " element" +
                                (count == 1 ? "" : "s") + " there, so the next one is [" +
                                std::to_string(count + 1) + "]");
      found = node.append_child(step.name.c_str());
      matter.added[found.internal_object()] = origin;
    }
    node = found;
  }

  if (!path->attribute.empty()) {
    auto attribute = node.attribute(path->attribute.c_str());
    if (!attribute) attribute = node.append_attribute(path->attribute.c_str());
    attribute.set_value(value.c_str());
    matter.added[attribute.internal_object()] = origin;
    return;
  }
  refuse_if_it_holds_elements(node);
  while (pugi::xml_node child = node.first_child()) {
    forget(matter, child);
    node.remove_child(child);
  }
  if (value.empty()) return;
  pugi::xml_node text_node = node.append_child(pugi::node_pcdata);
  text_node.set_value(value.c_str());
  matter.added[text_node.internal_object()] = origin;
}

void remove_path(Matter& matter, const std::string& text) {
  const auto path = parse_path(text);
  if (!path)
    throw Error("\"" + text +
                "\": expected a path, e.g. to/@ref (elements separated by '/', an "
                "optional [n] counting from 1, a final @attribute)");
  pugi::xml_node node = matter.root();
  for (const Step& step : path->elements) {
    std::size_t count = 0;
    const pugi::xml_node found = nth_child(node, step, count);
    if (!found) return;
    node = found;
  }
  if (!path->attribute.empty()) {
    node.remove_attribute(path->attribute.c_str());
    return;
  }
  forget(matter, node);
  node.parent().remove_child(node);
}

}  // namespace fiscgen::input
