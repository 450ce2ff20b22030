#include "template/evaluator.hpp"

#include <cmath>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "template/content.hpp"
#include "template/directives.hpp"
#include "template/merge_limits.hpp"
#include "template/queries.hpp"

namespace fiscgen::templ {
namespace {

class Evaluator {
 public:
  Evaluator(const EvaluationContext& context, const pugi::xml_node& input_root)
      : context_(context), limits_(input_root), queries_(Queries::of_thread()) {}

  void children(const TemplateFile& file, const pugi::xml_node& parent, pugi::xml_node out,
                const Focus& focus) {
    for (const auto& child : parent.children()) node(file, child, out, focus);
  }

 private:
  void node(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
            const Focus& focus) {
    switch (node.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        limits_.produced(file, node, 1);
        out.append_child(pugi::node_pcdata).set_value(node.value());
        return;
      case pugi::node_element:
        break;
      default:
        return;  // comments and processing instructions are for the template's readers
    }
    const std::string_view name = file.directive_name(node);
    if (name.empty()) return literal(file, node, out, focus);
    const auto directive = directive_named(name);
    switch (directive.value_or(Directive::template_root)) {
      case Directive::field:
        return;
      case Directive::value:
        return value(file, node, out, focus);
      case Directive::copy:
        return copy(file, node, out, focus);
      case Directive::if_:
        if (condition(file, node, focus)) children(file, node, out, focus);
        return;
      case Directive::choose:
        return choose(file, node, out, focus);
      case Directive::for_each:
        return for_each(file, node, out, focus);
      case Directive::include:
        return include(node, out, focus);
      case Directive::date:
        return date(file, node, out, focus);
      case Directive::number:
        return number(file, node, out, focus);
      case Directive::message:
        return message(file, node, out, focus);
      case Directive::rule:
        return rule(file, node, out, focus);
      case Directive::template_root:  // or unknown: none of these stands in content
      case Directive::fragment:
      case Directive::when:
      case Directive::otherwise:
      case Directive::arg:
        break;
    }
    throw Error(file.locate(node), "unknown directive <" + std::string(node.name()) +
                                       ">; expected " + content_directive_list());
  }

  /// A layout element: copied, with {xpath} in its attribute values evaluated. t:at="XPATH"
  /// locates it at the input node selected, so that later stages' errors point into the input.
  void literal(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
               const Focus& focus) {
    limits_.produced(file, node, 1);
    auto element = out.append_child(node.name());
    // A portion of a classified filing: marked from what it prints, unless the form marks it.
    auto* const portions = context_.portions;
    // t:portion="no": a paragraph the form says is no portion (a letter's salutation).
    const bool portion =
        portions && portions->marks_portions() && is_template_portion(node) &&
        !node.attribute("class") &&
        std::string_view(node.attribute((file.prefix + "portion").c_str()).value()) != "no";
    const bool set_apart = portions && is_set_apart(node);
    if (portion) portions->open();
    if (set_apart) portions->set_apart(true);
    bool located = false;
    for (const auto& attribute : node.attributes()) {
      const std::string_view name = attribute.name();
      if (name == "xmlns" || name.substr(0, 6) == "xmlns:") continue;
      if (file.is_prefixed(name, "portion")) {  // read above
        if (std::string_view(attribute.value()) != "no")
          throw Error(file.locate(node),
                      std::string(name) + "=\"" + attribute.value() + "\": expected no");
        continue;
      }
      if (file.is_prefixed(name, "at")) {
        const std::string expression = attribute.value();
        auto& selected = query(file, node, expression);
        element.append_attribute("at") = input_location(file, node, selected, focus).str().c_str();
        located = true;
        continue;
      }
      located = located || name == "at";
      // Most values hold no braces: copied as they stand, without building a string first.
      if (!std::strpbrk(attribute.value(), "{}"))
        element.append_attribute(attribute.name()) = attribute.value();
      else
        element.append_attribute(attribute.name()) =
            attribute_value(file, node, attribute.value(), focus).c_str();
    }
    if (!located) element.append_attribute("at") = file.location_text(node).c_str();
    children(file, node, element, focus);
    if (set_apart) portions->set_apart(false);
    if (portion) element.append_attribute("class") = portions->close().c_str();
  }

  /// "{docket}" and "Docket No. {docket}"; "{{" and "}}" stand for braces.
  std::string attribute_value(const TemplateFile& file, const pugi::xml_node& node,
                              const std::string& text, const Focus& focus) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      // The text up to the next brace copied whole: most values hold none.
      if (const auto brace = text.find_first_of("{}", i); brace != i) {
        out.append(text, i, brace == std::string::npos ? std::string::npos : brace - i);
        if (brace == std::string::npos) break;
        i = brace;
      }
      const char c = text[i];
      if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
        out += c;
        ++i;
      } else if (c == '{') {
        const auto end = text.find('}', i);
        if (end == std::string::npos)
          throw Error(file.locate(node), "unclosed { in attribute value \"" + text + "\"");
        const auto expression = text.substr(i + 1, end - i - 1);
        // {message:KEY}: fixed words from the bundles, for a bookmark or a document title.
        if (expression.rfind("message:", 0) == 0) {
          try {
            out += context_.messages.format(expression.substr(8));
          } catch (const Error& e) {
            throw Error(file.locate(node), e.message());
          }
        } else {
          out += string_of(file, node, query(file, node, expression), focus, expression);
        }
        i = end;
      } else {
        out += c;
      }
    }
    return out;
  }

  /// `expression` read, and charged to the merge's limits.
  Query& query(const TemplateFile& file, const pugi::xml_node& node,
               const std::string& expression) {
    auto& read = queries_.read(file, node, expression);
    limits_.charge(file, node, expression, read.reach);
    return read;
  }

  /// A value from the input as plain text: refused where it holds a redaction, which plain text
  /// (a caption line, the metadata) cannot hide.
  std::string string_of(const TemplateFile& file, const pugi::xml_node& node, Query& selected,
                        const Focus& focus, const std::string& expression) {
    if (context_.portions) context_.portions->printed(expression, focus.node);
    auto value = queries_.string(selected, focus);
    if (context_.redactions)
      context_.redactions->refuse_in_plain_text(value, [&] { return file.locate(node); });
    return value;
  }

  std::string required_attribute(const TemplateFile& file, const pugi::xml_node& node,
                                 const char* name) {
    const auto attribute = node.attribute(name);
    if (!attribute)
      throw Error(file.locate(node),
                  "<" + std::string(node.name()) + "> needs a " + name + " attribute");
    return attribute.value();
  }

  bool boolean(const TemplateFile& file, const pugi::xml_node& node, const char* attribute,
               const Focus& focus) {
    const auto expression = required_attribute(file, node, attribute);
    return queries_.boolean(query(file, node, expression), focus);
  }

  /// t:if's and t:when's condition: test="XPATH", or rule-requires="PART" (the rules profile
  /// requires that part of a document of this kind, so a form can add a certificate only where a
  /// court wants one).
  bool condition(const TemplateFile& file, const pugi::xml_node& node, const Focus& focus) {
    if (const auto part = node.attribute("rule-requires")) {
      for (const auto& requirement : context_.profile.required)
        if (requirement.part == part.value() && requirement.applies_to(context_.kind)) return true;
      return false;
    }
    // rule-caption="STYLE": the profile's <caption style> (the ")" column or two columns).
    if (const auto style = node.attribute("rule-caption"))
      return context_.profile.caption_style == style.value();
    // rule-places="PART": the profile sets PART at a fixed place on the first page (DIN 5008's
    // postal zone), so a letter writes a return address only where an envelope's window shows it.
    if (const auto part = node.attribute("rule-places")) return places(file, node, part.value());
    // rule-has="NAME": t:rule NAME gives text (a court's own docket label).
    if (const auto name = node.attribute("rule-has"))
      return !rule_value(file, node, name.value(), focus, "rule-has").empty();
    return boolean(file, node, "test", focus);
  }

  /// The input node a select= points at, for messages about its value.
  SourceLocation input_location(const TemplateFile& file, const pugi::xml_node& node,
                                Query& selected, const Focus& focus) {
    if (Queries::type(selected) == pugi::xpath_type_node_set) {
      const auto first = queries_.first(selected, focus);
      if (first.node()) return context_.locate_input(first.node());
      if (first.attribute()) return context_.locate_input(first.parent());
    }
    return file.locate(node);
  }

  void text(pugi::xml_node out, const std::string& value) {
    if (value.empty()) return;
    limits_.produced_text();
    out.append_child(pugi::node_pcdata).set_value(value.c_str());
  }

  void value(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
             const Focus& focus) {
    const auto expression = required_attribute(file, node, "select");
    auto result = string_of(file, node, query(file, node, expression), focus, expression);
    const std::string_view letter_case = node.attribute("case").value();
    if (letter_case == "upper") {
      result = i18n::to_upper(result, context_.locale);
    } else if (!letter_case.empty()) {
      throw Error(file.locate(node), "case=\"" + std::string(letter_case) + "\": expected upper");
    }
    text(out, result);
  }

  void copy(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
            const Focus& focus) {
    const auto expression = required_attribute(file, node, "select");
    auto& selected = query(file, node, expression);
    if (Queries::type(selected) != pugi::xpath_type_node_set)
      throw Error(file.locate(node), "<" + std::string(node.name()) + "> selects elements; use <" +
                                         file.prefix + "value> for a value");
    for (const auto& selected_node : queries_.nodes(selected, focus))
      if (selected_node.node()) {
        // Counted before copying, so that a copy inside a loop is refused before it is made.
        limits_.produced(file, node, MergeLimits::count_below(selected_node.node()));
        if (context_.portions) context_.portions->printed(selected_node.node());
        copy_content(selected_node.node(), out, context_.locate_input);
      }
  }

  void choose(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
              const Focus& focus) {
    for (const auto& branch : node.children()) {
      if (branch.type() != pugi::node_element) continue;
      if (file.is_directive(branch, Directive::when)) {
        // t:when takes t:if's conditions: test, or one of the rules profile's (rule-has, …).
        if (condition(file, branch, focus)) return children(file, branch, out, focus);
      } else if (file.is_directive(branch, Directive::otherwise)) {
        return children(file, branch, out, focus);
      } else {
        throw Error(file.locate(branch), "<" + std::string(node.name()) + "> holds only <" +
                                             file.prefix + "when> and <" + file.prefix +
                                             "otherwise>");
      }
    }
  }

  void for_each(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
                const Focus& focus) {
    const auto expression = required_attribute(file, node, "select");
    auto& selected = query(file, node, expression);
    if (Queries::type(selected) != pugi::xpath_type_node_set)
      throw Error(file.locate(node), "<" + std::string(node.name()) + "> needs a node-set");
    const auto nodes = queries_.nodes(selected, focus);
    limits_.enter_loop(file, node, nodes.size());
    double position = 0;
    for (const auto& item : nodes) {
      if (!item.node()) continue;
      limits_.next_item(file, node);
      children(file, node, out, {item.node(), ++position, static_cast<double>(nodes.size())});
    }
    limits_.leave_loop();
  }

  /// The tree (IncludeTree) loaded the included file and refused cycles and depth before any
  /// directive ran.
  void include(const pugi::xml_node& node, pugi::xml_node out, const Focus& focus) {
    const auto& included = context_.includes.included(node);
    children(included, included.xml.document_element(), out, focus);
  }

  void date(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
            const Focus& focus) {
    const auto expression = required_attribute(file, node, "select");
    auto& selected = query(file, node, expression);
    const auto iso = string_of(file, node, selected, focus, expression);
    if (iso.empty()) return;
    const auto parsed = i18n::Date::parse(iso, input_location(file, node, selected, focus));
    const std::string style = node.attribute("style").as_string("long");
    if (style == "legal") return text(out, legal_date(file, node, parsed));
    try {
      text(out, i18n::format_date(parsed, context_.locale, style));
    } catch (const Error& e) {
      throw Error(file.locate(node), e.message());  // an unknown style names no place
    }
  }

  /// "16th day of July, 2013": the words and their order are the bundles' (date/legal), since
  /// no ICU date pattern writes an ordinal day.
  std::string legal_date(const TemplateFile& file, const pugi::xml_node& node,
                         const i18n::Date& date) {
    try {
      return context_.messages.format("date/legal",
                                      {{"day", static_cast<long long>(date.day)},
                                       {"month", i18n::format_date(date, context_.locale, "MMMM")},
                                       {"year", std::to_string(date.year)},
                                       {"date", date}});
    } catch (const Error& e) {
      throw Error(file.locate(node), e.message());
    }
  }

  void number(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
              const Focus& focus) {
    const auto expression = required_attribute(file, node, "select");
    const double value = queries_.number(query(file, node, expression), focus);
    if (!std::isfinite(value) || std::abs(value) > 1e15)
      throw Error(file.locate(node), "<" + std::string(node.name()) + ">: \"" +
                                         node.attribute("select").value() + "\" is not a number");
    try {
      text(out, i18n::format_number(std::llround(value), context_.locale,
                                    node.attribute("style").as_string("decimal")));
    } catch (const Error& e) {
      throw Error(file.locate(node), e.message());  // an unknown style names no place
    }
  }

  void message(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
               const Focus& focus) {
    // {xpath} in the key lets the input choose among messages (letter/address/{to/…}).
    const auto key = attribute_value(file, node, required_attribute(file, node, "key"), focus);
    std::map<std::string, i18n::MessageArgument> arguments;
    for (const auto& argument : node.children()) {
      if (argument.type() != pugi::node_element) continue;
      if (!file.is_directive(argument, Directive::arg))
        throw Error(file.locate(argument),
                    "<" + std::string(node.name()) + "> holds only <" + file.prefix + "arg>");
      const auto name = required_attribute(file, argument, "name");
      const std::string_view type = argument.attribute("type").as_string("string");
      if (!argument.attribute("select")) {
        arguments[name] = produced_argument(file, argument, type, focus);
        continue;
      }
      const auto expression = required_attribute(file, argument, "select");
      auto& selected = query(file, argument, expression);
      if (type == "number") {
        arguments[name] = std::llround(queries_.number(selected, focus));
      } else if (type == "date") {
        const auto iso = string_of(file, argument, selected, focus, expression);
        arguments[name] = i18n::Date::parse(iso, input_location(file, argument, selected, focus));
      } else if (type == "string") {
        arguments[name] = string_of(file, argument, selected, focus, expression);
      } else {
        throw Error(file.locate(argument),
                    "type=\"" + std::string(type) + "\": expected string, number or date");
      }
    }
    try {
      text(out, context_.messages.format(key, arguments));
    } catch (const Error& e) {
      throw Error(file.locate(node), e.message());
    }
  }

  /// An argument written as content rather than select=: the text its directives produce (a
  /// legal date, another message), so that one message can hold what another formats.
  i18n::MessageArgument produced_argument(const TemplateFile& file, const pugi::xml_node& argument,
                                          std::string_view type, const Focus& focus) {
    pugi::xml_document scratch;
    auto holder = scratch.append_child("arg");
    children(file, argument, holder, focus);
    // Its text nodes in document order, as .//text() selects them, without compiling that XPath
    // for every argument.
    std::string raw;
    for_each_text(holder, [&](const pugi::xml_node& text) { raw += text.value(); });
    // The template's own indentation is not part of the value: white space collapses, as in
    // running text.
    std::string value;
    for (const char c : raw) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space) {
        value += c;
      } else if (!value.empty() && value.back() != ' ') {
        value += ' ';
      }
    }
    if (!value.empty() && value.back() == ' ') value.pop_back();
    if (type == "string") return value;
    if (type == "date") return i18n::Date::parse(value, file.locate(argument));
    if (type == "number") {
      const double number = pugi::xpath_query("number(.)").evaluate_number(holder);
      if (!std::isfinite(number) || std::abs(number) > 1e15)
        throw Error(file.locate(argument), "\"" + value + "\" is not a number");
      return std::llround(number);
    }
    throw Error(file.locate(argument),
                "type=\"" + std::string(type) + "\": expected string, number or date");
  }

  /// A value of the rules profile: the court's name as its rules print it, what a certificate of
  /// compliance states (the limit and its rule, the type), and the counts of the laid-out document.
  void rule(const TemplateFile& file, const pugi::xml_node& node, pugi::xml_node out,
            const Focus& focus) {
    // A std::string, not a view: required_attribute returns a temporary.
    const std::string name = required_attribute(file, node, "name");
    text(out, rule_value(file, node, name, focus));
  }

  /// The value `t:rule name` gives; `attribute` names where the template wrote the name.
  std::string rule_value(const TemplateFile& file, const pugi::xml_node& node,
                         const std::string& name, const Focus& focus,
                         const char* attribute = "name") {
    const auto& profile = context_.profile;
    const rules::Limit* limit = profile.limit_for(context_.kind);
    const auto whole = [](double value) { return std::to_string(std::lround(value)); };
    if (name == "court") return profile.court;
    if (name == "court-place") return profile.court_place;
    if (name == "court-in-text")
      return profile.court_in_text.empty() ? profile.court : profile.court_in_text;
    // The label of the docket in focus: the caption's, or a consolidated matter's.
    if (name == "docket-label")
      return profile.docket_label_for(focus.node.child("docket").text().get());
    if (name == "title") return profile.title;
    if (name == "name") return profile.name;
    if (name == "font") return profile.font_family;
    if (name == "body-size") return whole(profile.style("body").size);
    if (name == "type-rule") return profile.type_rule;
    if (name == "limit-rule") return limit ? limit->rule : "";
    if (name == "limit-words") return limit ? std::to_string(limit->words) : "0";
    if (name == "limit-pages") return limit ? std::to_string(limit->pages) : "0";
    if (name == "not-counted-rule") return profile.not_counted_rule;
    if (name == "counted-words" || name == "counted-pages") {
      if (context_.wants_counts) *context_.wants_counts = true;
      const Counts counted = context_.counted ? *context_.counted : Counts{};
      return std::to_string(name == "counted-words" ? counted.words : counted.pages);
    }
    throw Error(file.locate(node), "<" + std::string(node.name()) + " " + attribute + "=\"" + name +
                                       "\">: expected court, court-place, court-in-text, "
                                       "docket-label, title, name, font, body-size, type-rule, "
                                       "limit-rule, limit-words, limit-pages, not-counted-rule, "
                                       "counted-words or counted-pages");
  }

  /// Whether the profile sets `part` at a fixed place; a part no profile can place is an error,
  /// so that a misspelt name is not read as "not placed".
  bool places(const TemplateFile& file, const pugi::xml_node& node, const std::string& part) {
    std::string known;
    for (const auto& [name, placement] : context_.profile.placements()) {
      if (name == part) return placement->width > 0;
      known += (known.empty() ? "" : ", ") + name;
    }
    throw Error(file.locate(node), "<" + std::string(node.name()) + " rule-places=\"" + part +
                                       "\">: expected one of " + known);
  }

  const EvaluationContext& context_;
  MergeLimits limits_;
  Queries& queries_;
};

}  // namespace

void expand_template(const TemplateFile& file, const pugi::xml_node& input_root, pugi::xml_node out,
                     const EvaluationContext& context) {
  Evaluator evaluator(context, input_root);
  evaluator.children(file, file.xml.document_element(), out, {input_root});
}

}  // namespace fiscgen::templ
