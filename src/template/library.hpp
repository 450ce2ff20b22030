// Finding and loading template files, confined to the template roots (forms/, letters/).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "template/directives.hpp"

#include "base/data_paths.hpp"
#include "base/error.hpp"
#include "base/file_signature.hpp"
#include "base/sources.hpp"

namespace fiscgen::templ {

/// The namespace of directives; the prefix is whatever the template binds to it.
inline constexpr const char* directive_namespace = "urn:fiscgen:template";

/// How deep includes may nest: far more than any real template needs, and a bound for a
/// hostile one.
inline constexpr std::size_t max_include_depth = 16;

/// Includes named "shared/NAME" are found in forms/shared/ (or a --templates folder's
/// forms/shared/), from forms/ and letters/ alike.
inline constexpr const char* shared_folder = "shared";

/// Calls `f(node)` for every node below `root`, in document order, without recursion.
template <class F>
void for_each_node(const pugi::xml_node& root, F&& f) {
  for (pugi::xml_node node = root.first_child(); node;) {
    f(node);
    if (const auto child = node.first_child()) {
      node = child;
      continue;
    }
    while (node != root && !node.next_sibling()) node = node.parent();
    if (node == root) break;
    node = node.next_sibling();
  }
}

/// Calls `f(element)` for every element below `root` (a document: every element of it), in
/// document order: what select_nodes("//*") lists, without building an XPath node set of the
/// whole file (a motion's templates were gone through that way five times per render).
template <class F>
void for_each_element(const pugi::xml_node& root, F&& f) {
  for_each_node(root, [&](const pugi::xml_node& node) {
    if (node.type() == pugi::node_element) f(node);
  });
}

/// Calls `f(node)` for every text and CDATA node below `root`, in document order: what
/// ".//text()" selects.
template <class F>
void for_each_text(const pugi::xml_node& root, F&& f) {
  for_each_node(root, [&](const pugi::xml_node& node) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) f(node);
  });
}

/// One parsed template or include.
struct TemplateFile {
  std::filesystem::path path;  // canonical
  std::filesystem::path root;  // the template root it lies in (forms/ or letters/), canonical
  std::string name;            // for messages: "forms/fisc/motion.xml"
  pugi::xml_document xml;
  /// Its places, and its bytes as read (lines.text(), the one copy kept: what a TemplateCache
  /// compares with the bytes read for the next document).
  LineIndex lines;
  std::string prefix;  // "t:" when the root binds xmlns:t to the directive namespace
  /// Its <t:field> and <t:include> elements in document order, found once when it is parsed:
  /// what the include tree and the field list go through for every document of a batch.
  std::vector<pugi::xml_node> fields_and_includes;
  mutable std::unordered_map<const pugi::xml_node_struct*, std::string> location_texts;
  /// Different for every parse in the process: what a cache keyed by files can trust, where an
  /// address may be reused by the parse that replaces a changed file.
  std::uint64_t serial = 0;

  SourceLocation locate(const pugi::xml_node& node) const;
  /// locate(node) written "file:line:col", as a layout element's at="" in the tree holds it;
  /// kept once asked, since a batch writes the same elements' places for every document. A
  /// file is used by one thread at a time (a TemplateCache is one worker's), so no lock.
  const std::string& location_text(const pugi::xml_node& node) const;
  bool is_directive(const pugi::xml_node& node, const char* name = nullptr) const;
  /// Whether `node` is that directive.
  bool is_directive(const pugi::xml_node& node, Directive directive) const {
    return is_directive(node, info(directive).name);
  }
  /// The directive's local name ("if" for <t:if>), empty for layout elements: a view of the
  /// element's name, not a copy: every element evaluated asks.
  std::string_view directive_name(const pugi::xml_node& node) const;
  /// Whether `name` is PREFIX:`local` ("t:at"), compared without building it.
  bool is_prefixed(std::string_view name, std::string_view local) const {
    return name.size() == prefix.size() + local.size() && name.starts_with(prefix) &&
           name.ends_with(local);
  }
};

/// Where a template name was found: its root and itself made canonical (a link leading out of
/// the root is refused), and the path it was found by on the search path.
struct FoundTemplate {
  std::filesystem::path canonical_root, canonical, found;
  /// The name Sources records it by ("letters/letterhead.xml"), made once.
  std::string recorded_as;
};

/// A template's name as written, read: whether it is looked for under forms/ ("shared/…")
/// rather than the including root, its file name there ("fisc/motion.xml") and how messages
/// name it ("forms/fisc/motion.xml").
struct NamedTemplate {
  bool shared = false;
  std::filesystem::path file_name;
  std::string shown;
};

/// Answers of the search path, by (root, file name), and canonical roots: each costs a stat and
/// a readlink per path component (weakly_canonical). Keyed by the paths' strings, compared
/// whole: std::filesystem::path compares component by component, and these maps are asked for
/// every file a document loads.
struct FoundTemplates {
  std::map<std::pair<std::string, std::string>, FoundTemplate> names;
  std::map<std::pair<std::string, std::string>, NamedTemplate> named;  // by (including root, name)
  std::map<std::string, std::filesystem::path> canonical_roots;
};

/// Parsed template files kept from one document to the next (batch keeps one per worker): a
/// file whose bytes, root and name are unchanged is not parsed again. Where each name was found
/// on the search path is kept too, for the whole batch: the folders do not change during it.
/// Each file is looked at again for every document: one whose size, times and inode are as
/// when it was read, long enough ago to trust them (FileSignature), is not read again; any
/// other is read, and parsed again if its bytes changed. A file gone is looked up again. One
/// per thread.
class TemplateCache {
 public:
  /// The file kept for `path` if `looked`, its signature now, shows it unchanged since it was
  /// read, and its root and name are these; else null.
  std::shared_ptr<const TemplateFile> unchanged(const std::filesystem::path& path,
                                                const FileSignature& looked,
                                                const std::filesystem::path& root,
                                                const std::string& name) const;
  /// The file kept for `path`, if its bytes, root and name are these; else null.
  std::shared_ptr<const TemplateFile> find(const std::filesystem::path& path,
                                           const std::string& text,
                                           const std::filesystem::path& root,
                                           const std::string& name) const;
  /// Keeps `file`, read as it was when `looked` was taken.
  void keep(std::shared_ptr<const TemplateFile> file, FileSignature looked);
  FoundTemplates& found() { return found_; }

 private:
  struct Kept {
    std::shared_ptr<const TemplateFile> file;
    FileSignature looked;  // before its bytes were read
  };
  /// Whether `kept` is `path`'s file at `root`, named `name`.
  static bool same_place(const Kept& kept, const std::filesystem::path& root,
                         const std::string& name);
  std::map<std::string, Kept> files_;  // by canonical path
  FoundTemplates found_;
};

/// Loads template files once each, and resolves names inside the roots only, on the search path
/// of `sources`, which records each file loaded.
class Library {
 public:
  /// `cache`, when given, lends files parsed for earlier documents (and keeps this one's).
  explicit Library(Sources& sources, TemplateCache* cache = nullptr);
  /// With a search path of its own, for callers that keep no record (listing, scaffolding).
  explicit Library(const DataPaths& paths, TemplateCache* cache = nullptr);

  /// `name` ("fisc/motion") relative to `root`, with or without ".xml"; a name in shared/ is
  /// relative to forms/ whatever `root` is. Absolute names, "..", and links leading out of the
  /// root are refused; a missing one lists what is there.
  const TemplateFile& load(const std::filesystem::path& root, const std::string& name,
                           const SourceLocation& where, const std::string& what);

  /// The templates (files whose root is <t:template>) under `root`, as names without ".xml".
  std::vector<std::string> templates_under(const std::filesystem::path& root) const;

  const DataPaths& paths() const { return sources_->paths(); }

 private:
  /// The folders `root`'s names are looked for in, in order.
  const std::vector<std::filesystem::path>& roots_for(const std::filesystem::path& root);
  /// `name` read for a file under `including_root`; an Error for one that would leave it.
  NamedTemplate named(const std::filesystem::path& including_root, const std::string& name,
                      const SourceLocation& where, const std::string& what);
  /// load()'s work, for a name this document has not loaded yet.
  const TemplateFile& load_once(const std::filesystem::path& root, const std::string& name,
                                const SourceLocation& where, const std::string& what);
  using Found = FoundTemplate;
  /// Where `file_name` under `root` is.
  Found find(const std::filesystem::path& root, const std::filesystem::path& file_name,
             const std::string& name, const SourceLocation& where, const std::string& what);
  /// `root` made canonical, once.
  const std::filesystem::path& canonical_root(const std::filesystem::path& root);
  /// The search path's answers: the worker's (cache_), or this document's.
  FoundTemplates& found() { return cache_ ? cache_->found() : found_; }

  std::unique_ptr<Sources> own_sources_;  // when built from DataPaths
  Sources* sources_;
  TemplateCache* cache_;
  std::map<std::string, std::shared_ptr<const TemplateFile>> files_;  // by canonical path
  // find()'s answers for this document when no cache is lent: a letter loads its 9 files 19
  // times.
  FoundTemplates found_;
  // What load() gave for (the including root, the name as written): the same include in
  // another file is the same file, found, recorded and parsed already.
  std::map<std::pair<std::string, std::string>, const TemplateFile*> loaded_;
  std::map<std::string, std::vector<std::filesystem::path>> roots_;  // roots_for's, by root
};

/// A template with every file it includes, loaded in one walk that follows each include (in
/// branches the input may not take too): an include cycle, or includes nested deeper than
/// max_include_depth, is an Error at the include that closes it. What goes through includes
/// afterwards (the required fields, the names `check` knows, the evaluator) follows this tree:
/// it loads and checks nothing again.
class IncludeTree {
 public:
  IncludeTree(Library& library, const TemplateFile& top);

  const TemplateFile& top() const { return *files_.front(); }
  /// Every file once: the template first, then each in the order it is first included.
  const std::vector<const TemplateFile*>& files() const { return files_; }
  /// The file that `node`, an include in a file of the tree, names.
  const TemplateFile& included(const pugi::xml_node& node) const;

  /// Calls `f(file, node)` for every element of the template, in document order, going into
  /// each included file where its include stands (a file included twice is gone through twice).
  template <class F>
  void each_element(F&& f) const {
    each_element(top(), f);
  }

  /// The serial of every file in the order each_field enters them, a file included twice
  /// twice: the fields of two trees of the same shape are the same.
  std::vector<std::uint64_t> shape() const {
    std::vector<std::uint64_t> out;
    shape(top(), out);
    return out;
  }

  /// Calls `f(file, node)` for every <t:field> of the template, in the order each_element
  /// meets them, from the lists found when the files were parsed.
  template <class F>
  void each_field(F&& f) const {
    each_field(top(), f);
  }

 private:
  void walk(Library& library, const TemplateFile& file, std::vector<const TemplateFile*>& open);
  template <class F>
  void each_element(const TemplateFile& file, F& f) const {
    for_each_element(file.xml, [&](const pugi::xml_node& node) {
      f(file, node);
      if (const auto include = includes_.find(node); include != includes_.end())
        each_element(*include->second, f);
    });
  }
  void shape(const TemplateFile& file, std::vector<std::uint64_t>& out) const {
    out.push_back(file.serial);
    for (const auto& node : file.fields_and_includes)
      if (const auto include = includes_.find(node); include != includes_.end())
        shape(*include->second, out);
  }
  template <class F>
  void each_field(const TemplateFile& file, F& f) const {
    for (const auto& node : file.fields_and_includes) {
      if (const auto include = includes_.find(node); include != includes_.end())
        each_field(*include->second, f);
      else
        f(file, node);
    }
  }

  std::vector<const TemplateFile*> files_;
  std::map<pugi::xml_node, const TemplateFile*> includes_;  // by the include element
  // How deep each file has been walked from: a file walked as deep already is not again.
  std::map<const TemplateFile*, std::size_t> walked_at_;
};

}  // namespace fiscgen::templ
