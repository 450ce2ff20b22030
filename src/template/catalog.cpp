// What templates there are, and new inputs for them.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "template/library.hpp"
#include "template/template.hpp"

namespace fiscgen::templ {
namespace fs = std::filesystem;

std::vector<TemplateInfo> list_templates(const DataPaths& paths) {
  Library library(paths);
  std::error_code ec;
  for (const auto& root : {paths.forms, paths.letters})
    if (!fs::is_directory(root, ec))
      throw Error("no folder " + root.string() + ": check --data-dir, or run fiscgen doctor");
  std::vector<TemplateInfo> out;
  for (const bool letter : {false, true}) {
    const auto& root = letter ? paths.letters : paths.forms;
    std::set<std::string> names;  // a user's template of the same name replaces ours
    for (const auto& folder : paths.templates)
      for (auto& name : library.templates_under(folder / root.filename())) names.insert(name);
    for (auto& name : library.templates_under(root)) names.insert(name);
    for (const auto& name : names) {
      const auto& file = library.load(root, name, {}, "template");
      const auto element = file.xml.document_element();
      const std::string_view preferred = element.attribute("default").value();
      if (!preferred.empty() && preferred != "yes" && preferred != "no")
        throw Error(file.locate(element),
                    "default=\"" + std::string(preferred) + "\": expected yes or no");
      out.push_back({name, element.attribute("kind").value(),
                     element.attribute("description").value(), file.path, letter,
                     preferred == "yes"});
    }
  }
  return out;
}

TemplateInfo find_template(const DataPaths& paths, const std::string& name) {
  const auto all = list_templates(paths);
  for (const auto& info : all)
    if (info.name == name) return info;
  std::string known;
  for (const auto& info : all) known += (known.empty() ? "" : ", ") + info.name;
  throw Error("no form or letter \"" + name + "\"; known: " + known);
}

std::vector<std::string> kinds(const std::vector<TemplateInfo>& templates) {
  std::set<std::string> out;
  for (const auto& info : templates)
    if (!info.kind.empty()) out.insert(info.kind);
  return {out.begin(), out.end()};
}

TemplateInfo template_for_kind(const DataPaths& paths, const std::string& kind) {
  const auto all = list_templates(paths);
  std::vector<const TemplateInfo*> candidates, preferred;
  for (const auto& info : all)
    if (info.kind == kind) {
      candidates.push_back(&info);
      if (info.preferred) preferred.push_back(&info);
    }
  if (candidates.size() == 1) return *candidates.front();
  if (preferred.size() == 1) return *preferred.front();
  const auto names = [](const std::vector<const TemplateInfo*>& list) {
    std::string text;
    for (const auto* info : list) text += (text.empty() ? "" : ", ") + info->name;
    return text;
  };
  if (candidates.empty()) {
    std::string known;
    for (const auto& name : kinds(all)) known += (known.empty() ? "" : ", ") + name;
    throw Error("no form or letter is for <" + kind + ">; the kinds are: " + known);
  }
  if (preferred.empty())
    throw Error("the forms for <" + kind + "> are " + names(candidates) +
                "; choose one with --form (or mark one default=\"yes\")");
  throw Error("more than one form for <" + kind +
              "> is marked default=\"yes\": " + names(preferred) + "; choose one with --form");
}

std::vector<Recipient> list_recipients(const DataPaths& paths) {
  Sources sources(paths);
  const auto file = sources.open(source_name::recipients, "recipients directory");
  pugi::xml_document xml;
  const auto parsed = xml.load_file(file.c_str());
  if (!parsed)
    throw Error(SourceLocation{file.string()}, std::string("cannot read: ") + parsed.description());
  std::vector<Recipient> out;
  for (const auto& recipient : xml.document_element().children("recipient"))
    out.push_back({recipient.attribute("id").value(), recipient.child_value("title"),
                   recipient.child_value("organization")});
  return out;
}

namespace {

/// A field path "signature/attorney/name" as steps; "[n]" indexes are dropped.
std::vector<std::string> steps_of(const std::string& path) {
  std::vector<std::string> steps;
  std::istringstream in(path);
  for (std::string step; std::getline(in, step, '/');) {
    if (const auto bracket = step.find('['); bracket != std::string::npos) step.erase(bracket);
    if (!step.empty()) steps.push_back(step);
  }
  return steps;
}

std::string comment_for(const Field& field) {
  std::string text = (field.required ? " required: " : " optional: ") + field.description;
  if (!field.example.empty()) text += ". Example: " + field.example;
  // "--" may not appear inside an XML comment.
  for (std::size_t at; (at = text.find("--")) != std::string::npos;) text.replace(at, 2, "- -");
  return text + " ";
}

}  // namespace

std::string scaffold(const TemplateInfo& info, const std::vector<Field>& fields) {
  pugi::xml_document xml;
  auto root = xml.append_child(info.kind.empty() ? "input" : info.kind.c_str());
  root.append_attribute(info.letter ? "template" : "form") = info.name.c_str();
  root.append_attribute("locale") = "en_US";
  for (const auto& field : fields) {
    auto steps = steps_of(field.name);
    if (steps.empty()) continue;
    std::string attribute;
    if (steps.back()[0] == '@') {
      attribute = steps.back().substr(1);
      steps.pop_back();
    }
    auto parent = root;
    const std::size_t last = steps.size() - (attribute.empty() ? 1 : 0);
    for (std::size_t i = 0; i < last; ++i) {
      auto child = parent.child(steps[i].c_str());
      parent = child ? child : parent.append_child(steps[i].c_str());
    }
    if (!attribute.empty()) {
      parent.append_attribute(attribute.c_str()) = "";
      parent.parent()
          .insert_child_before(pugi::node_comment, parent)
          .set_value((" @" + attribute + comment_for(field)).c_str());
      continue;
    }
    if (parent.child(steps.back().c_str())) continue;
    if (field.required) {
      parent.append_child(pugi::node_comment).set_value(comment_for(field).c_str());
      parent.append_child(steps.back().c_str()).append_child(pugi::node_pcdata).set_value("");
    } else {
      parent.append_child(pugi::node_comment)
          .set_value((comment_for(field) + "\n     <" + steps.back() + "></" + steps.back() + "> ")
                         .c_str());
    }
  }
  std::ostringstream out;
  xml.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace fiscgen::templ
