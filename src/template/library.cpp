#include "template/library.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "base/xml.hpp"
#include "input/limits.hpp"
#include "template/xpath_cost.hpp"

namespace fiscgen::templ {
namespace fs = std::filesystem;

SourceLocation TemplateFile::locate(const pugi::xml_node& node) const {
  return fiscgen::locate(lines, node);
}

const std::string& TemplateFile::location_text(const pugi::xml_node& node) const {
  auto& text = location_texts[node.internal_object()];
  if (!text.empty()) return text;
  const auto where = locate(node);
  if (where.line <= 0) return text = where.str();
  // SourceLocation::str()'s "file:line:col", written in place: its to_string and
  // concatenations cost more than locating the element.
  char line[16], column[16];
  const char* line_end = std::to_chars(line, line + sizeof line, where.line).ptr;
  const char* column_end = std::to_chars(column, column + sizeof column, where.column).ptr;
  text.reserve(where.file.size() + sizeof line + sizeof column);
  text.append(where.file).append(1, ':').append(line, static_cast<std::size_t>(line_end - line));
  text.append(1, ':').append(column, static_cast<std::size_t>(column_end - column));
  return text;
}

std::string_view TemplateFile::directive_name(const pugi::xml_node& node) const {
  if (prefix.empty() || node.type() != pugi::node_element) return {};
  const std::string_view name = node.name();
  if (name.substr(0, prefix.size()) != prefix) return {};
  return name.substr(prefix.size());
}

bool TemplateFile::is_directive(const pugi::xml_node& node, const char* name) const {
  // directive_name's answer, compared without building it: every element of every template
  // is asked.
  if (prefix.empty() || node.type() != pugi::node_element) return false;
  const std::string_view full = node.name();
  if (full.size() <= prefix.size() || full.substr(0, prefix.size()) != prefix) return false;
  return !name || full.substr(prefix.size()) == name;
}

bool TemplateCache::same_place(const Kept& kept, const fs::path& root, const std::string& name) {
  return kept.file->root == root && kept.file->name == name;
}

std::shared_ptr<const TemplateFile> TemplateCache::unchanged(const fs::path& path,
                                                             const FileSignature& looked,
                                                             const fs::path& root,
                                                             const std::string& name) const {
  const auto found = files_.find(path.native());
  if (found == files_.end() || !looked.unchanged_since(found->second.looked) ||
      !same_place(found->second, root, name))
    return nullptr;
  return found->second.file;
}

std::shared_ptr<const TemplateFile> TemplateCache::find(const fs::path& path,
                                                        const std::string& text,
                                                        const fs::path& root,
                                                        const std::string& name) const {
  const auto found = files_.find(path.native());
  if (found == files_.end() || found->second.file->lines.text() != text ||
      !same_place(found->second, root, name))
    return nullptr;
  return found->second.file;
}

void TemplateCache::keep(std::shared_ptr<const TemplateFile> file, FileSignature looked) {
  const auto path = file->path;
  files_[path.native()] = Kept{std::move(file), std::move(looked)};
}

Library::Library(Sources& sources, TemplateCache* cache) : sources_(&sources), cache_(cache) {}

Library::Library(const DataPaths& paths, TemplateCache* cache)
    : own_sources_(std::make_unique<Sources>(paths)), sources_(own_sources_.get()), cache_(cache) {}

namespace {

/// "forms" or "letters": the kind of root `root` is (a built-in root, a user's, or an include's).
std::string kind_of(const fs::path& root, const DataPaths& paths) {
  const auto name = root.filename().empty() ? root.parent_path().filename() : root.filename();
  return name == paths.letters.filename() ? "letters" : "forms";
}

}  // namespace

const std::vector<fs::path>& Library::roots_for(const fs::path& root) {
  // The search path does not change during a document; each file it loads asked for it again.
  auto& roots = roots_[root.native()];
  if (!roots.empty()) return roots;
  roots = sources_->roots(kind_of(root, paths()));
  if (std::find(roots.begin(), roots.end(), absolute_path(root)) == roots.end())
    roots.push_back(root);
  return roots;
}

namespace {

/// The first element nested deeper than input::max_nesting_depth: evaluating a template
/// recurses over its elements, so a template is bounded as an input is. pugixml's traversal
/// is iterative.
pugi::xml_node too_deep(pugi::xml_document& xml) {
  struct Walker : pugi::xml_tree_walker {
    pugi::xml_node found;
    bool for_each(pugi::xml_node& node) override {
      if (node.type() != pugi::node_element ||
          static_cast<std::size_t>(depth()) < input::max_nesting_depth)
        return true;
      found = node;
      return false;
    }
  } walker;
  xml.traverse(walker);
  return walker.found;
}

bool inside(const fs::path& root, const fs::path& path) {
  const auto mismatch = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return mismatch.first == root.end();
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "(none)" : out;
}

}  // namespace

std::vector<std::string> Library::templates_under(const fs::path& root) const {
  std::vector<std::string> names;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".xml") continue;
    pugi::xml_document xml;
    if (!xml.load_file(it->path().c_str())) continue;
    const std::string_view element = xml.document_element().name();
    if (element.size() < 9 || element.substr(element.size() - 9) != ":template") continue;
    auto name = it->path().lexically_relative(root);
    name.replace_extension();
    names.push_back(name.generic_string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

namespace {

/// `candidate / file_name` made canonical, as weakly_canonical makes it, and whether it is a
/// regular file. The root's canonical path is known, so only the components of `file_name` are
/// looked at, one lstat each, where weakly_canonical made a readlink of every component from
/// "/"; a link among them is resolved the long way.
std::pair<fs::path, bool> resolve_under(const fs::path& candidate, const fs::path& canonical_root,
                                        const fs::path& file_name) {
  // Joined as a string, as operator/= joins (a separator unless the path ends in one): a
  // std::filesystem::path rebuilds its list of components at every step, most of finding a file.
  std::string path = canonical_root.native();
  const auto join = [&](const fs::path& part) {
    if (!path.empty() && path.back() != '/') path += '/';
    path += part.native();
  };
  struct stat info {};
  for (auto part = file_name.begin(); part != file_name.end(); ++part) {
    join(*part);
    if (::lstat(path.c_str(), &info) != 0) {
      // Missing: the rest as written, as weakly_canonical leaves a path's missing end.
      while (++part != file_name.end()) join(*part);
      return {path, false};
    }
    if (S_ISLNK(info.st_mode)) {
      std::error_code ec;
      auto canonical = fs::weakly_canonical(candidate / file_name, ec);
      const bool regular = fs::is_regular_file(canonical, ec);
      return {std::move(canonical), regular};
    }
  }
  return {path, S_ISREG(info.st_mode)};
}

}  // namespace

const fs::path& Library::canonical_root(const fs::path& root) {
  auto& roots = found().canonical_roots;
  if (const auto known = roots.find(root.native()); known != roots.end()) return known->second;
  std::error_code ec;
  return roots.emplace(root.native(), fs::weakly_canonical(root, ec)).first->second;
}

Library::Found Library::find(const fs::path& root, const fs::path& file_name,
                             const std::string& name, const SourceLocation& where,
                             const std::string& what) {
  // A user's folders (--templates) first, each laid out as the data folder, then the built-in
  // root: a firm's own letterhead.xml replaces ours for every letter that includes it.
  Found result;
  auto& [canonical_root, canonical, found, recorded_as] = result;
  bool regular = false;
  for (const auto& candidate : roots_for(root)) {
    canonical_root = this->canonical_root(candidate);
    std::tie(canonical, regular) = resolve_under(candidate, canonical_root, file_name);
    found = candidate / file_name;
    if (regular) break;
  }
  if (!regular) {
    std::vector<std::string> known;
    for (const auto& candidate : roots_for(root))
      for (auto& listed : templates_under(candidate)) known.push_back(std::move(listed));
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    throw Error(where, "no " + what + " \"" + name + "\" in " + root.filename().string() +
                           "/; known: " + join(known));
  }
  if (!inside(canonical_root, canonical))
    throw Error(where, what + " \"" + name + "\" leads out of " + root.filename().string() +
                           "/ (a link?): refused");
  recorded_as = (fs::path(kind_of(root, paths())) / file_name).generic_string();
  return result;
}

const TemplateFile& Library::load(const fs::path& including_root, const std::string& name,
                                  const SourceLocation& where, const std::string& what) {
  // Loaded once already in this document: the name was checked, found and recorded then.
  auto& loaded = loaded_[{including_root.native(), name}];
  if (!loaded) loaded = &load_once(including_root, name, where, what);
  return *loaded;
}

NamedTemplate Library::named(const fs::path& including_root, const std::string& name,
                             const SourceLocation& where, const std::string& what) {
  // Kept in a batch worker's cache, which names the same files for every document; a document
  // alone reads each name once (load() keeps what it gave), so keeping it there costs more.
  auto* const named = cache_ ? &cache_->found().named : nullptr;
  if (named)
    if (const auto known = named->find({including_root.native(), name}); known != named->end())
      return known->second;
  const fs::path relative = fs::path(name).lexically_normal();
  // "shared/…" is forms/shared/, whichever root includes it: the one copy of what filings and
  // letters both print (the classification authority block).
  // Components compared as strings: comparing with a path built from "shared" or ".." splits
  // it into components first, for every name loaded.
  const bool shared = !relative.empty() && relative.begin()->native() == shared_folder;
  const fs::path& root = shared ? paths().forms : including_root;
  const bool escapes = relative.is_absolute() || name.empty() ||
                       std::any_of(relative.begin(), relative.end(),
                                   [](const fs::path& part) { return part.native() == ".."; });
  if (escapes)
    throw Error(where, what + " \"" + name + "\" must be a name inside " +
                           root.filename().string() + "/, without \"..\" or a leading \"/\"");
  NamedTemplate out{shared, relative, (root.filename() / relative).generic_string()};
  if (out.file_name.extension().native() != ".xml") out.file_name += ".xml";
  if (out.shown.size() < 4 || out.shown.substr(out.shown.size() - 4) != ".xml") out.shown += ".xml";
  if (named) named->emplace(std::pair{including_root.native(), name}, out);
  return out;
}

const TemplateFile& Library::load_once(const fs::path& including_root, const std::string& name,
                                       const SourceLocation& where, const std::string& what) {
  const auto [shared, file_name, shown] = named(including_root, name, where, what);
  const fs::path& root = shared ? paths().forms : including_root;
  auto& names = found().names;
  const auto key = std::pair{root.native(), file_name.native()};
  auto known = names.find(key);
  const bool fresh = known == names.end();
  if (fresh) known = names.emplace(key, find(root, file_name, name, where, what)).first;
  const auto& [canonical_root, canonical, found, recorded_as] = known->second;

  // Recorded as found on the search path, so that batch can look the name up again.
  sources_->record(recorded_as, found);
  if (const auto kept = files_.find(canonical.native()); kept != files_.end()) return *kept->second;
  // Looked at before it is read: a change during the read changes its times.
  FileSignature looked;
  if (cache_) {
    looked = file_signature(found.native());
    if (auto kept = cache_->unchanged(canonical, looked, canonical_root, shown))
      return *files_.emplace(canonical.native(), std::move(kept)).first->second;
  }
  const std::string* text = nullptr;
  try {
    text = &sources_->bytes(found);
  } catch (const Error&) {
    if (fresh) throw;
    // Found for an earlier document of the batch and gone since: looked up again.
    names.erase(known);
    return load_once(including_root, name, where, what);
  }

  // Read when it may have changed, parsed only when its bytes are new.
  if (cache_)
    if (auto kept = cache_->find(canonical, *text, canonical_root, shown)) {
      cache_->keep(kept, std::move(looked));
      return *files_.emplace(canonical.native(), std::move(kept)).first->second;
    }
  auto loaded = std::make_unique<TemplateFile>();
  static std::atomic<std::uint64_t> parses{0};
  loaded->serial = ++parses;
  loaded->path = canonical;
  loaded->root = canonical_root;
  loaded->name = shown;
  loaded->lines = LineIndex(loaded->name, *text);
  const auto parsed = loaded->xml.load_buffer(text->data(), text->size(),
                                              pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed)
    throw Error(loaded->lines.locate(parsed.offset),
                std::string("malformed template: ") + parsed.description());
  if (const auto deep = too_deep(loaded->xml))
    throw Error(
        loaded->locate(deep),
        "elements nested more than " + std::to_string(input::max_nesting_depth) + " deep: refused");
  for (const auto& attribute : loaded->xml.document_element().attributes()) {
    const std::string_view attribute_name = attribute.name();
    if (attribute_name.substr(0, 6) == "xmlns:" &&
        std::string_view(attribute.value()) == directive_namespace)
      loaded->prefix = std::string(attribute_name.substr(6)) + ":";
  }
  if (loaded->prefix.empty())
    throw Error(loaded->locate(loaded->xml.document_element()),
                std::string("a template's root must bind a prefix to ") + directive_namespace +
                    ", e.g. xmlns:t=\"" + directive_namespace + "\"");
  // One walk: each element's XPaths checked (the first refused is the error), and the fields
  // and includes listed.
  const std::string_view field = info(Directive::field).name;
  const std::string_view include = info(Directive::include).name;
  for_each_element(loaded->xml, [&](const pugi::xml_node& node) {
    const std::string_view directive = loaded->directive_name(node);
    check_element_xpaths(*loaded, node, directive);
    if (directive == field || directive == include) loaded->fields_and_includes.push_back(node);
  });
  std::shared_ptr<const TemplateFile> parsed_file = std::move(loaded);
  if (cache_) cache_->keep(parsed_file, std::move(looked));
  return *files_.emplace(canonical.native(), std::move(parsed_file)).first->second;
}

IncludeTree::IncludeTree(Library& library, const TemplateFile& top) {
  files_.push_back(&top);
  std::vector<const TemplateFile*> open;
  walk(library, top, open);
}

void IncludeTree::walk(Library& library, const TemplateFile& file,
                       std::vector<const TemplateFile*>& open) {
  // Its includes were walked at least as deep before: the bound and cycles through it hold.
  if (const auto walked = walked_at_.find(&file);
      walked != walked_at_.end() && walked->second >= open.size())
    return;
  walked_at_[&file] = open.size();
  open.push_back(&file);
  for (const auto& node : file.fields_and_includes) {
    if (!file.is_directive(node, Directive::include)) continue;
    const auto where = file.locate(node);
    const auto& included = library.load(file.root, node.attribute("src").value(), where, "include");
    if (std::find(open.begin(), open.end(), &included) != open.end())
      throw Error(where,
                  "include cycle: " + included.name + " includes itself, through " + file.name);
    if (open.size() >= max_include_depth)
      throw Error(where,
                  "includes nested more than " + std::to_string(max_include_depth) + " deep");
    includes_.emplace(node, &included);
    if (std::find(files_.begin(), files_.end(), &included) == files_.end())
      files_.push_back(&included);
    walk(library, included, open);
  }
  open.pop_back();
}

const TemplateFile& IncludeTree::included(const pugi::xml_node& node) const {
  const auto found = includes_.find(node);
  // Every include of the tree's files was walked when it was built.
  if (found == includes_.end())
    throw std::logic_error("an include outside the template's include tree");
  return *found->second;
}

}  // namespace fiscgen::templ
