#include "template/content.hpp"

#include <array>
#include <cstdio>
#include <string>
#include <string_view>

namespace fiscgen::templ {
namespace {

class Copier {
 public:
  explicit Copier(const std::function<SourceLocation(const pugi::xml_node&)>& locate)
      : locate_(locate) {}

  void children(const pugi::xml_node& from, pugi::xml_node out, int depth) {
    for (const auto& child : from.children()) node(child, out, depth);
  }

 private:
  void node(const pugi::xml_node& from, pugi::xml_node out, int depth) {
    if (from.type() == pugi::node_pcdata || from.type() == pugi::node_cdata) {
      out.append_child(pugi::node_pcdata).set_value(from.value());
      return;
    }
    if (from.type() != pugi::node_element) return;
    const std::string_view name = from.name();
    if (name == "section") return children(from, out, depth + 1);
    if (name == "p") {
      marked(from, element(from, out, "paragraph", depth));
      return;
    }
    if (name == "quote") {
      element(from, out, name, depth);
      return;
    }
    if (name == "item") {
      marked(from, element(from, out, name, depth));
      return;
    }
    if (name == "heading") {
      auto heading = element(from, out, "heading", depth);
      heading.append_attribute("level") = depth < 1 ? 1 : depth;
      marked(from, heading);
      return;
    }
    if (name == "list") return list(from, out, depth);
    if (name == "redact") {
      // Sealed (template/redactions.hpp): only its marker is left, which the tree never holds.
      auto copied = out.append_child("redact");
      copied.append_attribute("at") = locate_(from).str().c_str();
      if (const auto length = from.attribute("length"))
        copied.append_attribute("length") = length.value();
      return;
    }
    for (const auto known : input_inline_elements) {
      if (name != known) continue;
      auto copied = element(from, out, name, depth);
      if (name == "a") copied.append_attribute("href") = from.attribute("href").value();
      if (name == "fn") marked(from, copied);
      return;
    }
    throw Error(locate_(from), "<" + std::string(name) + "> is not allowed in <" +
                                   from.parent().name() +
                                   ">; expected section, heading, p, quote, list, item, em, "
                                   "strong, u, sc, cite, fn, redact, a, br or literal");
  }

  pugi::xml_node element(const pugi::xml_node& from, pugi::xml_node out, std::string_view name,
                         int depth) {
    auto copied = out.append_child(std::string(name).c_str());
    copied.append_attribute("at") = locate_(from).str().c_str();
    children(from, copied, depth);
    return copied;
  }

  /// The class="…" of a paragraph, heading, list item or footnote is its portion marking
  /// (design §3): the tree keeps it under the same name, and doc/ checks it.
  static void marked(const pugi::xml_node& from, pugi::xml_node copied) {
    if (const auto marking = from.attribute("class"))
      copied.append_attribute("class") = marking.value();
  }

  /// Lists are bulleted unless type="number" or type="letter" says otherwise.
  void list(const pugi::xml_node& from, pugi::xml_node out, int depth) {
    const std::string_view type = from.attribute("type").as_string("bullet");
    if (type != "bullet" && type != "number" && type != "letter")
      throw Error(locate_(from), std::string("type=\"").append(type).append(
                                     "\": expected bullet, number or letter"));
    auto copied = element(from, out, "list", depth);
    int n = 0;
    for (auto item : copied.children("item")) {
      ++n;
      char label[16] = "\u2022";  // GCC 12's -Wrestrict misfires on short string concatenation
      if (type == "number") std::snprintf(label, sizeof label, "%d.", n);
      if (type == "letter") std::snprintf(label, sizeof label, "(%c)", 'a' + (n - 1) % 26);
      item.append_attribute("label") = label;
    }
  }

  const std::function<SourceLocation(const pugi::xml_node&)>& locate_;
};

}  // namespace

void copy_content(const pugi::xml_node& from, pugi::xml_node out,
                  const std::function<SourceLocation(const pugi::xml_node&)>& locate) {
  Copier(locate).children(from, out, 0);
}

}  // namespace fiscgen::templ
