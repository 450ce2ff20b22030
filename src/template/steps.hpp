// The steps of merging that `check` runs too: finding the template, filling recipients,
// checking required fields. Internal to template/.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "template/library.hpp"
#include "template/template.hpp"

namespace fiscgen::templ {

/// Which root and name an input gives its template: <motion form="fisc/motion"> or
/// <letter template="attorney-general">.
struct TemplateName {
  std::filesystem::path root;
  std::string name;
};

TemplateName name_of(const input::Matter& matter, const DataPaths& paths, Library& library);

/// The fields a template and its includes declare, in document order, each name once; shared
/// with later trees of the same shape on this thread.
std::shared_ptr<const std::vector<Field>> collect_fields(const IncludeTree& tree);

/// One Error per required field the input lacks, at the nearest element of its path.
std::vector<Error> missing_fields(const input::Matter& matter, const std::vector<Field>& fields);

/// Fills every element with ref="…" (<to ref="attorney-general"/>) from letters/recipients.xml,
/// found on the search path of `sources` and read (and recorded) only when a ref asks for it.
class Recipients {
 public:
  explicit Recipients(Sources& sources);
  /// Unknown refs throw, or are added to `problems` when it is given.
  void fill(input::Matter& matter, std::vector<Error>* problems = nullptr);
  /// Where a node added from the directory came from, if it was.
  const SourceLocation* where(const pugi::xml_node& node) const;

 private:
  pugi::xml_node lookup(const std::string& ref, const SourceLocation& where);
  void load(const SourceLocation& where);
  void remember(const pugi::xml_node& copy, const pugi::xml_node& source);

  /// The directory parsed, shared with later documents of the thread that read the same bytes.
  struct Directory {
    pugi::xml_document xml;
    LineIndex lines;
  };

  Sources& sources_;
  std::string shown_ = source_name::recipients;  // how messages name the file read
  bool loaded_ = false;
  std::shared_ptr<const Directory> directory_;
  std::map<pugi::xml_node_struct*, SourceLocation> origin_;
};

}  // namespace fiscgen::templ
