#include "template/merge_limits.hpp"

namespace fiscgen::templ {

MergeLimits::MergeLimits(const pugi::xml_node& input_root) : input_root_(input_root) {}

long MergeLimits::count_below(const pugi::xml_node& node) {
  long count = 0;
  for (auto it = node.first_child(); it;) {
    ++count;
    if (it.first_child()) {
      it = it.first_child();
      continue;
    }
    while (it && it != node && !it.next_sibling()) it = it.parent();
    if (!it || it == node) break;
    it = it.next_sibling();
  }
  return count;
}

SourceLocation MergeLimits::blame(const TemplateFile& file, const pugi::xml_node& node,
                                  std::string& message) const {
  if (loops_.empty()) return file.locate(node);
  const auto& [loop_file, loop] = loops_.back();
  message = "<" + std::string(loop.name()) + " select=\"" + loop.attribute("select").value() +
            "\">: " + message;
  return loop_file->locate(loop);
}

void MergeLimits::produced(const TemplateFile& file, const pugi::xml_node& node, long nodes) {
  produced_ += nodes;
  if (produced_ <= max_merge_nodes) return;
  std::string message = "this merge writes more than " + std::to_string(max_merge_nodes) +
                        " nodes into the document (loops inside loops multiply): refused";
  const auto where = blame(file, node, message);
  throw Error(where, message);
}

void MergeLimits::charge(const TemplateFile& file, const pugi::xml_node& node,
                         const std::string& expression, XpathReach reach) {
  if (reach != XpathReach::whole_input) return;
  // Counted when first needed: most merges evaluate no expression that leaves its context.
  if (input_nodes_ < 0) {
    input_nodes_ = 0;
    for (auto it = input_root_.root().begin(); it != input_root_.root().end(); ++it)
      input_nodes_ += 1 + count_below(*it);
  }
  xpath_nodes_ += input_nodes_;
  if (xpath_nodes_ <= max_xpath_nodes) return;
  std::string message = "the XPath \"" + expression + "\" walks the whole input (" +
                        std::to_string(input_nodes_) +
                        " nodes) each time it is evaluated; this merge has walked more than " +
                        std::to_string(max_xpath_nodes) +
                        " nodes: refused (select from the loop's item, not from the root or "
                        "with //, .. or another axis that leaves it)";
  const auto where = blame(file, node, message);
  throw Error(where, message);
}

void MergeLimits::enter_loop(const TemplateFile& file, const pugi::xml_node& node,
                             std::size_t items) {
  if (static_cast<long>(items) > max_iterations)
    throw Error(file.locate(node),
                "more than " + std::to_string(max_iterations) + " items to repeat: refused");
  loops_.emplace_back(&file, node);
}

void MergeLimits::next_item(const TemplateFile& file, const pugi::xml_node& node) {
  if (++iterations_ > max_merge_iterations)
    throw Error(file.locate(node), "<" + std::string(node.name()) + " select=\"" +
                                       node.attribute("select").value() +
                                       "\">: the loops of this merge repeat more than " +
                                       std::to_string(max_merge_iterations) +
                                       " items in all (loops inside loops multiply): refused");
}

}  // namespace fiscgen::templ
