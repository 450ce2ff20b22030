#include "template/directives.hpp"

namespace fiscgen::templ {

std::optional<Directive> directive_named(std::string_view name) {
  for (const auto& row : directives)
    if (name == row.name) return row.directive;
  return std::nullopt;
}

const DirectiveInfo& info(Directive directive) {
  for (const auto& row : directives)
    if (row.directive == directive) return row;
  return directives[0];  // every enumerator has its row (checked by the template tests)
}

std::string content_directive_list() {
  std::string list, last;
  for (const auto& row : directives) {
    if (!row.in_content) continue;
    if (!last.empty()) list += (list.empty() ? "" : ", ") + last;
    last = row.name;
  }
  return list + " or " + last;
}

}  // namespace fiscgen::templ
