#include "template/directives.hpp"

#include <array>
#include <cstddef>

namespace fiscgen::templ {
namespace {

/// The rows' names with their lengths, measured at compile time: every element of every
/// template is looked up, and comparing with a `const char*` measured each row's name first.
constexpr auto directive_names = [] {
  std::array<std::string_view, std::size(directives)> names{};
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = directives[i].name;
  return names;
}();

}  // namespace

std::optional<Directive> directive_named(std::string_view name) {
  for (std::size_t i = 0; i < directive_names.size(); ++i)
    if (name == directive_names[i]) return directives[i].directive;
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
