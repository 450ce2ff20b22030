// The template language's directives (docs/templates.md), declared once: the evaluator
// dispatches on them, the XPath cost check finds their expressions here, and the message for an
// unknown one lists them from here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fiscgen::templ {

enum class Directive {
  template_root,  // <t:template>, the root of a form or letter
  fragment,       // <t:fragment>, the root of a shared piece used with <t:include>
  field,
  value,
  copy,
  if_,
  choose,
  when,
  otherwise,
  for_each,
  include,
  date,
  number,
  message,
  arg,
  rule,
};

struct DirectiveInfo {
  Directive directive;
  const char* name;  // as written after the prefix: <t:for-each>
  /// The attribute holding an XPath expression ("select", "test"), or nullptr.
  const char* xpath_attribute;
  /// The attribute whose {expressions} are XPath (<t:message key="letter/{@kind}">), or nullptr.
  const char* braced_attribute;
  /// Whether it may stand wherever content is expanded (not only inside another directive, as
  /// <t:when> inside <t:choose>).
  bool in_content;
};

inline constexpr DirectiveInfo directives[] = {
    {Directive::template_root, "template", nullptr, nullptr, false},
    {Directive::fragment, "fragment", nullptr, nullptr, false},
    {Directive::field, "field", "name", nullptr, true},
    {Directive::value, "value", "select", nullptr, true},
    {Directive::copy, "copy", "select", nullptr, true},
    {Directive::if_, "if", "test", nullptr, true},
    {Directive::choose, "choose", nullptr, nullptr, true},
    {Directive::when, "when", "test", nullptr, false},
    {Directive::otherwise, "otherwise", nullptr, nullptr, false},
    {Directive::for_each, "for-each", "select", nullptr, true},
    {Directive::include, "include", nullptr, nullptr, true},
    {Directive::date, "date", "select", nullptr, true},
    {Directive::number, "number", "select", nullptr, true},
    {Directive::message, "message", nullptr, "key", true},
    {Directive::arg, "arg", "select", nullptr, false},
    {Directive::rule, "rule", nullptr, nullptr, true},
};

/// The directive named `name` ("for-each"); empty for an unknown name.
std::optional<Directive> directive_named(std::string_view name);
/// What the row of `directive` says of it.
const DirectiveInfo& info(Directive directive);
/// "field, value, copy, … or rule": the directives that may stand in content, for messages.
std::string content_directive_list();

}  // namespace fiscgen::templ
