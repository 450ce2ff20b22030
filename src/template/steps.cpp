#include "template/steps.hpp"

#include <algorithm>

#include "base/xml.hpp"

namespace fiscgen::templ {

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

namespace {

bool present(const pugi::xml_node& root, const std::string& path) {
  const pugi::xpath_query query(path.c_str());
  if (query.return_type() != pugi::xpath_type_node_set)
    return !query.evaluate_string(pugi::xpath_node(root)).empty();
  for (const auto& found : query.evaluate_node_set(pugi::xpath_node(root))) {
    if (found.attribute() && *found.attribute().value()) return true;
    const auto node = found.node();
    if (node && (node.find_child([](const pugi::xml_node& n) {
          return n.type() == pugi::node_element;
        }) || std::string_view(node.text().get()).find_first_not_of(" \t\r\n") !=
                     std::string_view::npos))
      return true;
  }
  return false;
}

/// The deepest element of `path` the input has: where a missing field belongs.
pugi::xml_node nearest_element(const pugi::xml_node& root, const std::string& path) {
  auto node = root;
  std::size_t start = 0;
  while (start < path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    const auto step = path.substr(start, end - start);
    if (step.empty() || step[0] == '@' || step.find_first_of("[(") != std::string::npos) break;
    const auto child = node.child(step.c_str());
    if (!child) break;
    node = child;
    start = end + 1;
  }
  return node;
}

}  // namespace

std::shared_ptr<const std::vector<Field>> collect_fields(const IncludeTree& tree) {
  // Kept per thread by the tree's shape: a batch collects the same template's fields for every
  // document. A tree whose fields are refused is not kept, and refused each time.
  thread_local std::map<std::vector<std::uint64_t>, std::shared_ptr<const std::vector<Field>>> kept;
  auto shape = tree.shape();
  // A file not parsed by Library::load has no serial: nothing is kept for its tree.
  const bool keep = std::find(shape.begin(), shape.end(), 0) == shape.end();
  if (const auto found = kept.find(shape); keep && found != kept.end()) return found->second;
  auto fields = std::make_shared<std::vector<Field>>();
  tree.each_field([&](const TemplateFile& file, const pugi::xml_node& node) {
    const std::string_view required = node.attribute("required").value();
    // required="true" used to make the field optional without a word.
    if (!required.empty() && required != "yes" && required != "no")
      throw Error(file.locate(node),
                  "required=\"" + std::string(required) + "\": expected yes or no");
    Field field{node.attribute("name").value(), required == "yes",
                node.attribute("description").value(), node.attribute("example").value()};
    if (field.name.empty())
      throw Error(file.locate(node), "<" + std::string(node.name()) + "> needs a name");
    const bool seen = std::any_of(fields->begin(), fields->end(),
                                  [&](const Field& f) { return f.name == field.name; });
    if (!seen) fields->push_back(std::move(field));
  });
  if (!keep) return fields;
  if (kept.size() >= 64) kept.clear();
  return kept.emplace(std::move(shape), std::move(fields)).first->second;
}

std::vector<Error> missing_fields(const input::Matter& matter, const std::vector<Field>& fields) {
  std::vector<Error> missing;
  for (const auto& field : fields) {
    if (!field.required || present(matter.root(), field.name)) continue;
    std::string message = "missing " + field.name + ": " + field.description;
    if (!field.example.empty()) message += " (e.g. " + field.example + ")";
    missing.emplace_back(matter.locate(nearest_element(matter.root(), field.name)), message);
  }
  return missing;
}

Recipients::Recipients(Sources& sources) : sources_(sources) {}

void Recipients::fill(input::Matter& matter, std::vector<Error>* problems) {
  // What //*[@ref] selects, found by a walk rather than a compiled XPath, and listed before
  // any is filled (the parts copied in are not gone through).
  std::vector<pugi::xml_node> targets;
  for_each_element(matter.xml, [&](const pugi::xml_node& node) {
    if (node.attribute("ref")) targets.push_back(node);
  });
  for (auto target : targets) {
    pugi::xml_node recipient;
    try {
      recipient = lookup(target.attribute("ref").value(), matter.locate(target));
    } catch (const Error& e) {
      if (!problems) throw;
      problems->push_back(e);
      continue;
    }
    for (const auto& part : recipient.children()) {
      if (part.type() != pugi::node_element || target.child(part.name())) continue;
      remember(target.append_copy(part), part);
    }
  }
}

const SourceLocation* Recipients::where(const pugi::xml_node& node) const {
  const auto found = origin_.find(node.internal_object());
  return found == origin_.end() ? nullptr : &found->second;
}

pugi::xml_node Recipients::lookup(const std::string& ref, const SourceLocation& where) {
  if (!loaded_) load(where);
  const auto root = directory_->xml.document_element();
  for (const auto& recipient : root.children("recipient"))
    if (ref == recipient.attribute("id").value()) return recipient;
  std::string known;
  for (const auto& recipient : root.children("recipient"))
    known += std::string(known.empty() ? "" : ", ") + recipient.attribute("id").value();
  throw Error(where, "no recipient \"" + ref + "\" in " + shown_ + "; known: " + known);
}

void Recipients::load(const SourceLocation& where) {
  loaded_ = true;
  const std::string* text = nullptr;
  try {
    text = &sources_.read(source_name::recipients, "recipients directory");
  } catch (const Error& e) {  // at the ref that needed it
    throw Error(where, e.message());
  }
  shown_ = sources_.shown(source_name::recipients, sources_.find(source_name::recipients));
  // Read every time (a changed file is seen), parsed when its bytes or its name are new: a
  // batch of letters reads the same directory for each.
  // The directory's bytes are its lines.text(), not a copy of their own.
  struct Kept {
    std::string shown;
    std::shared_ptr<const Directory> directory;
  };
  thread_local Kept kept;
  if (kept.directory && kept.shown == shown_ && kept.directory->lines.text() == *text) {
    directory_ = kept.directory;
    return;
  }
  auto directory = std::make_shared<Directory>();
  directory->lines = LineIndex(shown_, *text);
  const auto parsed = directory->xml.load_buffer(text->data(), text->size());
  if (!parsed)
    throw Error(directory->lines.locate(parsed.offset),
                std::string("malformed XML: ") + parsed.description());
  directory_ = directory;
  kept = Kept{shown_, std::move(directory)};
}

void Recipients::remember(const pugi::xml_node& copy, const pugi::xml_node& source) {
  origin_[copy.internal_object()] = fiscgen::locate(directory_->lines, source);
  auto source_child = source.first_child();
  for (auto child = copy.first_child(); child; child = child.next_sibling()) {
    remember(child, source_child);
    source_child = source_child.next_sibling();
  }
}

}  // namespace fiscgen::templ
