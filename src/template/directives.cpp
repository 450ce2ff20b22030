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

/// The rows stand in the enumeration's order, so a directive's row is found by its value.
constexpr bool rows_in_order() {
  for (std::size_t i = 0; i < std::size(directives); ++i)
    if (static_cast<std::size_t>(directives[i].directive) != i) return false;
  return true;
}
static_assert(rows_in_order(), "directives[] lists the Directive enumerators in their order");
static_assert(std::size(directives) == static_cast<std::size_t>(Directive::rule) + 1,
              "every Directive enumerator has its row (rule is the last)");

const DirectiveInfo& info(Directive directive) {
  return directives[static_cast<std::size_t>(directive)];
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
