// `fiscgen check`: every problem with an input at once, each where it is.
#include <algorithm>
#include <regex>
#include <set>
#include <tuple>

#include "i18n/i18n.hpp"
#include "template/content.hpp"
#include "template/library.hpp"
#include "template/steps.hpp"
#include "template/template.hpp"

namespace fiscgen::templ {
namespace {

/// Element names an XPath mentions: "signature/attorney[1]/name" → signature, attorney, name.
void names_in_xpath(const std::string& expression, std::set<std::string>& names) {
  static const std::regex name(R"((^|[^@$\w.-])([A-Za-z_][\w.-]*)(\s*\()?)");
  for (auto it = std::sregex_iterator(expression.begin(), expression.end(), name);
       it != std::sregex_iterator(); ++it)
    if (!(*it)[3].matched) names.insert((*it)[2].str());
}

/// The names of input elements a template and its includes may read.
void names_in_template(const IncludeTree& tree, std::set<std::string>& names) {
  for (const auto* file : tree.files())
    for_each_element(file->xml, [&](const pugi::xml_node& node) {
      for (const auto& attribute : node.attributes()) {
        const std::string_view attribute_name = attribute.name();
        const std::string value = attribute.value();
        if (file->is_directive(node) &&
            (attribute_name == "select" || attribute_name == "test" || attribute_name == "name"))
          names_in_xpath(value, names);
        for (std::size_t open = value.find('{'); open != std::string::npos;
             open = value.find('{', open + 1))
          names_in_xpath(value.substr(open + 1, value.find('}', open) - open - 1), names);
      }
    });
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string nearest(const std::string& name, const std::set<std::string>& known) {
  std::string best;
  std::size_t best_distance = name.size() / 3 + 1;
  for (const auto& candidate : known) {
    const auto distance = edit_distance(name, candidate);
    if (distance <= best_distance && (best.empty() || distance < best_distance))
      best = candidate, best_distance = distance;
  }
  return best;
}

void check_elements(const input::Matter& matter, const pugi::xml_node& node,
                    const std::set<std::string>& known, const Recipients& directory,
                    std::vector<Error>& problems) {
  for (const auto& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    // What the recipients directory added is no writing of the user's: a certificate of
    // service need not print a letter's form of address.
    if (directory.where(child)) continue;
    const std::string name = child.name();
    if (!known.count(name)) {
      const auto guess = nearest(name, known);
      problems.emplace_back(matter.locate(child),
                            "unknown element <" + name + ">" +
                                (guess.empty() ? ": the template never reads it"
                                               : "; did you mean <" + guess + ">?"));
      continue;
    }
    if (name == "date" &&
        !child.find_child([](const pugi::xml_node& n) { return n.type() == pugi::node_element; })) {
      try {
        i18n::Date::parse(child.child_value(), matter.locate(child));
      } catch (const Error& e) {
        problems.push_back(e);
      }
    }
    if (const auto date = child.attribute("date")) {
      try {
        i18n::Date::parse(date.value(), matter.locate(child));
      } catch (const Error& e) {
        problems.push_back(e);
      }
    }
    check_elements(matter, child, known, directory, problems);
  }
}

}  // namespace

std::vector<Error> check(input::Matter& matter, const Environment& environment) {
  std::vector<Error> problems;
  Sources own_sources(environment.paths);
  Sources& sources = environment.sources ? *environment.sources : own_sources;
  Library library(sources);
  const TemplateFile* file = nullptr;
  try {
    const auto name = name_of(matter, environment.paths, library);
    file = &library.load(name.root, name.name, matter.locate(matter.root()), "template");
  } catch (const Error& e) {
    problems.push_back(e);
    return problems;
  }

  Recipients directory(sources);
  directory.fill(matter, &problems);
  const IncludeTree includes(library, *file);
  const auto collected = collect_fields(includes);
  const auto& fields = *collected;
  for (auto& missing : missing_fields(matter, fields)) problems.push_back(std::move(missing));

  std::set<std::string> known;
  for (const auto name : input_block_elements) known.emplace(name);
  for (const auto name : input_inline_elements) known.emplace(name);
  names_in_template(includes, known);
  for (const auto& field : fields) names_in_xpath(field.name, known);
  // A recipient from the directory may be written out in the input instead.
  for (const char* part : {"name", "title", "organization", "address", "line", "salutation"})
    known.insert(part);
  check_elements(matter, matter.root(), known, directory, problems);

  std::stable_sort(problems.begin(), problems.end(), [](const Error& a, const Error& b) {
    return std::tie(a.where().line, a.where().column) < std::tie(b.where().line, b.where().column);
  });

  // What only evaluating the template finds (a date a directive formats, a bad message).
  if (problems.empty()) {
    try {
      merge(matter, environment);
    } catch (const Error& e) {
      problems.push_back(e);
    }
  }
  return problems;
}

}  // namespace fiscgen::templ
