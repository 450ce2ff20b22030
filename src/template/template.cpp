#include "template/template.hpp"

#include <algorithm>
#include <map>

#include "base/xml.hpp"
#include "i18n/i18n.hpp"
#include "rules/profile.hpp"
#include "template/evaluator.hpp"
#include "template/library.hpp"

namespace fiscgen::templ {
namespace fs = std::filesystem;
namespace {

/// Which root and attribute name a template: <motion form="fisc/motion"> or
/// <letter template="attorney-general">.
struct TemplateName {
  fs::path root;
  std::string name;
};

TemplateName name_of(const input::Matter& matter, const DataPaths& paths, Library& library) {
  const auto root = matter.root();
  if (const auto form = root.attribute("form")) return {paths.forms, form.value()};
  if (const auto letter = root.attribute("template")) return {paths.letters, letter.value()};
  std::string known;
  for (const auto& name : library.templates_under(paths.forms)) known += " " + name;
  for (const auto& name : library.templates_under(paths.letters)) known += " " + name;
  throw Error(matter.locate(root), "<" + matter.kind +
                                       "> names no template: add form=\"…\" (forms/) or "
                                       "template=\"…\" (letters/); known:" +
                                       known);
}

fs::path root_of(const fs::path& file, const DataPaths& paths) {
  std::error_code ec;
  const auto canonical = fs::weakly_canonical(file, ec);
  for (const auto& root : {paths.forms, paths.letters}) {
    const auto relative = canonical.lexically_relative(fs::weakly_canonical(root, ec));
    if (!relative.empty() && *relative.begin() != "..") return root;
  }
  throw Error(file.string() + " is not inside the template roots " + paths.forms.string() +
              " and " + paths.letters.string());
}

void collect_fields(Library& library, const TemplateFile& file, std::vector<Field>& fields,
                    std::vector<const TemplateFile*>& open) {
  open.push_back(&file);
  for (const auto& found : file.xml.select_nodes("//*")) {
    const auto node = found.node();
    if (file.is_directive(node, "field")) {
      Field field{node.attribute("name").value(),
                  std::string_view(node.attribute("required").value()) == "yes",
                  node.attribute("description").value(), node.attribute("example").value()};
      if (field.name.empty())
        throw Error(file.locate(node), "<" + std::string(node.name()) + "> needs a name");
      const bool seen = std::any_of(fields.begin(), fields.end(),
                                    [&](const Field& f) { return f.name == field.name; });
      if (!seen) fields.push_back(std::move(field));
    } else if (file.is_directive(node, "include")) {
      const auto where = file.locate(node);
      const auto& included = library.load(file.root, node.attribute("src").value(), where, "include");
      if (std::find(open.begin(), open.end(), &included) != open.end())
        throw Error(where, "include cycle: " + included.name + " includes itself, through " +
                               file.name);
      if (open.size() >= max_include_depth)
        throw Error(where, "includes nested more than " + std::to_string(max_include_depth) +
                               " deep");
      collect_fields(library, included, fields, open);
    }
  }
  open.pop_back();
}

void collect_fields(Library& library, const TemplateFile& file, std::vector<Field>& fields) {
  std::vector<const TemplateFile*> open;
  collect_fields(library, file, fields, open);
}

bool present(const pugi::xml_node& root, const std::string& path) {
  const pugi::xpath_query query(path.c_str());
  if (query.return_type() != pugi::xpath_type_node_set)
    return !query.evaluate_string(pugi::xpath_node(root)).empty();
  for (const auto& found : query.evaluate_node_set(pugi::xpath_node(root))) {
    const auto node = found.node();
    if (found.attribute() && *found.attribute().value()) return true;
    if (node && (node.first_child() || *node.child_value())) return true;
  }
  return false;
}

void check_required(const input::Matter& matter, const std::vector<Field>& fields,
                    const std::string& template_name) {
  std::string missing;
  for (const auto& field : fields) {
    if (!field.required || present(matter.root(), field.name)) continue;
    missing += "\n  " + field.name + ": " + field.description;
    if (!field.example.empty()) missing += " (e.g. " + field.example + ")";
  }
  if (!missing.empty())
    throw Error(matter.locate(matter.root()),
                "missing what " + template_name + " requires:" + missing);
}

/// Fills <to ref="…"/> (and any element with a ref) from letters/recipients.xml.
class Recipients {
 public:
  explicit Recipients(const DataPaths& paths) : file_((paths.letters / "recipients.xml").string()) {}

  void fill(input::Matter& matter) {
    for (const auto& found : matter.xml.select_nodes("//*[@ref]")) {
      auto target = found.node();
      const std::string ref = target.attribute("ref").value();
      const auto recipient = lookup(ref, matter.locate(target));
      for (const auto& part : recipient.children()) {
        if (part.type() != pugi::node_element || target.child(part.name())) continue;
        remember(target.append_copy(part), part);
      }
    }
  }

  /// Where a node added from the directory came from, if it was.
  const SourceLocation* where(const pugi::xml_node& node) const {
    const auto found = origin_.find(node.internal_object());
    return found == origin_.end() ? nullptr : &found->second;
  }

 private:
  pugi::xml_node lookup(const std::string& ref, const SourceLocation& where) {
    if (!loaded_) load(where);
    for (const auto& recipient : xml_.document_element().children("recipient"))
      if (ref == recipient.attribute("id").value()) return recipient;
    std::string known;
    for (const auto& recipient : xml_.document_element().children("recipient"))
      known += std::string(known.empty() ? "" : ", ") + recipient.attribute("id").value();
    throw Error(where, "no recipient \"" + ref + "\" in letters/recipients.xml; known: " + known);
  }

  void load(const SourceLocation& where) {
    loaded_ = true;
    std::string text;
    if (FILE* in = std::fopen(file_.c_str(), "rb")) {
      char buffer[8192];
      for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;) text.append(buffer, n);
      std::fclose(in);
    } else {
      throw Error(where, "cannot read the recipients directory " + file_);
    }
    lines_ = LineIndex("letters/recipients.xml", text);
    const auto parsed = xml_.load_buffer(text.data(), text.size());
    if (!parsed)
      throw Error(lines_.locate(parsed.offset), std::string("malformed XML: ") + parsed.description());
  }

  void remember(const pugi::xml_node& copy, const pugi::xml_node& source) {
    origin_[copy.internal_object()] = fiscgen::locate(lines_, source);
    auto source_child = source.first_child();
    for (auto child = copy.first_child(); child; child = child.next_sibling()) {
      remember(child, source_child);
      source_child = source_child.next_sibling();
    }
  }

  std::string file_;
  bool loaded_ = false;
  pugi::xml_document xml_;
  LineIndex lines_;
  std::map<pugi::xml_node_struct*, SourceLocation> origin_;
};

void label_headings(std::vector<doc::Block>& blocks, const rules::Profile& profile,
                    const std::string& locale, std::map<int, int>& counters) {
  for (auto& block : blocks) {
    if (block.kind == doc::BlockKind::heading && block.label.empty()) {
      const auto style = profile.heading_numbering_for(block.level);
      if (style != "none") {
        const int n = ++counters[block.level];
        counters.erase(counters.upper_bound(block.level), counters.end());
        block.label = i18n::format_number(n, locale, style) + ".";
      }
    }
    if (block.kind == doc::BlockKind::heading && block.outline.empty()) {
      const auto text = doc::plain_text(block.inlines);
      block.outline = block.label.empty() ? text : block.label + " " + text;
    }
    label_headings(block.children, profile, locale, counters);
  }
}

}  // namespace

fs::path template_for(const input::Matter& matter, const DataPaths& paths) {
  Library library(paths);
  const auto name = name_of(matter, paths, library);
  return library.load(name.root, name.name, matter.locate(matter.root()), "template").path;
}

std::vector<Field> fields_of(const fs::path& template_file, const DataPaths& paths) {
  Library library(paths);
  const auto root = root_of(template_file, paths);
  std::vector<Field> fields;
  const auto& file = library.load(
      root, fs::weakly_canonical(template_file).lexically_relative(fs::weakly_canonical(root)),
      {}, "template");
  collect_fields(library, file, fields);
  return fields;
}

doc::Document merge(input::Matter& matter, const Environment& environment) {
  Library library(environment.paths);
  const auto name = name_of(matter, environment.paths, library);
  const auto& file = library.load(name.root, name.name, matter.locate(matter.root()), "template");
  const auto template_root = file.xml.document_element();
  if (!file.is_directive(template_root, "template"))
    throw Error(file.locate(template_root), file.name + " is an include, not a template: its root is <" +
                                                template_root.name() + ">");
  const std::string kind = template_root.attribute("kind").value();
  if (!kind.empty() && kind != matter.kind)
    throw Error(matter.locate(matter.root()), file.name + " is for <" + kind + ">, not <" +
                                                  matter.kind + ">");

  Recipients recipients(environment.paths);
  recipients.fill(matter);
  std::vector<Field> fields;
  collect_fields(library, file, fields);
  check_required(matter, fields, file.name);

  std::string locale = matter.root().attribute("locale").value();
  if (locale.empty()) locale = template_root.attribute("locale").as_string("en_US");
  std::string rules_name = matter.root().attribute("rules").value();
  if (rules_name.empty()) rules_name = template_root.attribute("rules").value();
  if (rules_name.empty())
    throw Error(file.locate(template_root), file.name + " names no rules profile (rules=\"…\")");
  const auto profile = rules::load_named_profile(environment.paths.rules(), rules_name);
  const i18n::Messages messages(environment.paths.locales, locale);

  const EvaluationContext context{
      library,
      [&](const pugi::xml_node& node) {
        if (const auto* where = recipients.where(node)) return *where;
        return matter.locate(node);
      },
      messages, profile, locale};
  pugi::xml_document tree;
  expand_template(file, matter.root(), tree, context);
  auto document = doc::from_xml(tree.document_element(), LineIndex(file.name, ""));
  if (document.meta.locale.empty()) document.meta.locale = locale;
  if (document.meta.rules.empty()) document.meta.rules = rules_name;
  doc::number_footnotes(document);
  std::map<int, int> counters;
  label_headings(document.blocks, profile, locale, counters);
  return document;
}

}  // namespace fiscgen::templ
