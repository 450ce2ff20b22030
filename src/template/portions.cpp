#include "template/portions.hpp"

#include <algorithm>
#include <cctype>

namespace fiscgen::templ {
namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

/// The location paths of an XPath expression, predicates left out ("signature/attorney[1]/name"
/// gives "signature/attorney/name"): names followed by "(" are functions, "$name" variables,
/// quoted text literals. What it leaves out only widens the paths, so a printed field is never
/// missed.
std::vector<std::string> location_paths(const std::string& expression) {
  std::vector<std::string> paths;
  std::string path;
  const auto flush = [&] {
    while (!path.empty() && path.back() == '/') path.pop_back();
    if (!path.empty() && path != "and" && path != "or" && path != "div" && path != "mod")
      paths.push_back(path);
    path.clear();
  };
  for (std::size_t i = 0; i < expression.size(); ++i) {
    const char c = expression[i];
    if (c == '\'' || c == '"') {
      flush();
      const auto end = expression.find(c, i + 1);
      i = end == std::string::npos ? expression.size() : end;
    } else if (c == '$') {
      flush();
      while (i + 1 < expression.size() && name_char(expression[i + 1])) ++i;
    } else if (c == '[') {  // a predicate: skipped, brackets balanced
      int depth = 1;
      while (depth > 0 && ++i < expression.size())
        depth += expression[i] == '[' ? 1 : expression[i] == ']' ? -1 : 0;
    } else if (name_char(c) || c == '/' || c == '@' || c == '*' || c == ':') {
      if (c == '*' && path.empty()) continue;  // multiplication, or a bare "*": no field named
      path += c;
    } else if (c == '(') {
      // A function's name is no path; "node()" and "text()" end a path that reads its parent.
      const auto slash = path.rfind('/');
      path = slash == std::string::npos ? std::string() : path.substr(0, slash);
      flush();
    } else {
      flush();
    }
  }
  flush();
  // Numbers are no paths.
  std::erase_if(paths, [](const std::string& p) {
    return std::isdigit(static_cast<unsigned char>(p.front())) || p.find("::") != p.npos;
  });
  return paths;
}

/// The class="…" of `field` or of its nearest marked ancestor; empty when none is marked.
std::string marking_of(pugi::xml_node field) {
  for (; field && field.type() == pugi::node_element; field = field.parent())
    if (const auto marking = field.attribute("class")) return marking.value();
  return {};
}

}  // namespace

bool is_template_portion(const pugi::xml_node& template_element) {
  const std::string_view name = template_element.name();
  if (name == "heading") return true;
  return name == "paragraph" &&
         std::string_view(template_element.attribute("style").value()) == "body";
}

bool is_set_apart(const pugi::xml_node& template_element) {
  return std::string_view(template_element.name()) == "group" && template_element.attribute("part");
}

bool input_is_classified(const pugi::xml_node& input_root, const doc::Markings& markings) {
  const auto above_lowest = [&](const std::string& marking) {
    return !marking.empty() && markings.rank(doc::split_marking(marking)[0]) > 0;
  };
  if (above_lowest(input_root.child("classification").text().get())) return true;
  for (const auto& found : input_root.select_nodes("descendant-or-self::*[@class]"))
    if (above_lowest(found.node().attribute("class").value())) return true;
  return false;
}

void PortionMarks::printed(const std::string& expression, const pugi::xml_node& focus) {
  if (!recording()) return;
  for (const auto& path : location_paths(expression)) {
    try {
      const pugi::xpath_query query(path.c_str());
      if (query.return_type() != pugi::xpath_type_node_set) continue;
      for (const auto& found : query.evaluate_node_set(pugi::xpath_node(focus)))
        printed(found.node() ? found.node() : found.parent());
    } catch (const pugi::xpath_exception&) {
      // Not a path on its own (an operator or axis the scan cut): the expression as a whole was
      // read by the evaluator, which refuses what is malformed.
    }
  }
}

void PortionMarks::printed(const pugi::xml_node& field) {
  if (!recording() || !field) return;
  const auto element = field.type() == pugi::node_element ? field : field.parent();
  for (auto& frame : frames_) frame.push_back(element);
}

std::string PortionMarks::close() {
  auto fields = std::move(frames_.back());
  frames_.pop_back();
  int level = 0;
  std::vector<std::string> caveats;
  std::vector<Error> unmarked;
  std::vector<pugi::xml_node> seen;
  for (const auto& field : fields) {
    if (std::find(seen.begin(), seen.end(), field) != seen.end()) continue;
    seen.push_back(field);
    const auto marking = marking_of(field);
    if (marking.empty()) {
      unmarked.emplace_back(locate_(field),
                            "<" + std::string(field.name()) +
                                "> is printed in a portion of a classified filing (a paragraph or "
                                "heading the form writes, 32 C.F.R. § 2001.21(c)): mark it, "
                                "class=\"" +
                                markings_.levels.front().mark + "\" or higher");
      continue;
    }
    const auto parts = doc::split_marking(marking);
    level = std::max(level, markings_.rank(parts[0]));
    for (std::size_t i = 1; i < parts.size(); ++i)
      if (std::find(caveats.begin(), caveats.end(), parts[i]) == caveats.end())
        caveats.push_back(parts[i]);
  }
  if (!unmarked.empty()) {
    auto first = unmarked.front();
    unmarked.erase(unmarked.begin());
    throw Error(first.where(), first.message(), std::move(unmarked));
  }
  std::string mark = markings_.levels[static_cast<std::size_t>(level)].mark;
  for (const auto& caveat : caveats) mark += "//" + caveat;
  return mark;
}

}  // namespace fiscgen::templ
