// Templates: a form or letter (XML, layout vocabulary plus t: directives) evaluated against the
// input to produce the document tree (design §4).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/data_paths.hpp"
#include "base/error.hpp"
#include "base/sources.hpp"
#include "doc/document.hpp"
#include "input/input.hpp"

namespace fiscgen::rules {
struct Profile;
}

namespace fiscgen::templ {

/// A field a template declares: what `new` scaffolds and `check` enforces.
struct Field {
  std::string name;  // XPath relative to the input root, e.g. "docket", "signature/attorney"
  bool required = false;
  std::string description;
  std::string example;
};

/// What a laid-out first pass counted, as `fiscgen check` counts it under the rules profile.
struct Counts {
  int words = 0;
  int pages = 0;
};

/// What merging needs besides the input: where the data is and where warnings go.
class TemplateCache;  // library.hpp

struct Environment {
  DataPaths paths;
  Warnings* warnings = nullptr;
  /// When given, every template and data file is found through it, and recorded there (batch's
  /// keys, --verbose); else through a search path of `paths` made for the merge.
  Sources* sources = nullptr;
  /// When given, set to the rules profile the merge read: the caller lays out under it.
  rules::Profile* profile = nullptr;
  /// --public: classified portions replaced by the locale's notice (doc::make_public).
  bool public_version = false;
  /// --keep-pages: the public version keeps every block and footnote in number, so that its
  /// layout can keep the classified version's pages.
  bool keep_pages = false;
  /// --draft: the locale's DRAFT watermark on every page.
  bool draft = false;
  /// The words and pages a first layout pass counted, for a certificate of compliance
  /// (<t:rule name="counted-words"/>); null: not counted yet, and the counts read 0.
  const Counts* counted = nullptr;
  /// Set to true when the template asked for those counts: lay out, count, and merge again.
  bool* wants_counts = nullptr;
  /// When given, templates parsed for earlier documents are reused (batch: one per worker).
  TemplateCache* templates = nullptr;
};

/// The template the input names: <motion form="fisc/motion"> → forms/fisc/motion.xml,
/// <letter template="attorney-general"> → letters/attorney-general.xml. Names are confined to
/// the template roots; an unknown one is an Error listing the known ones.
std::filesystem::path template_for(const input::Matter& matter, const DataPaths& paths);

/// The fields a template declares (with its includes).
std::vector<Field> fields_of(const std::filesystem::path& template_file, const DataPaths& paths);

/// A template as `fiscgen forms` lists it.
struct TemplateInfo {
  std::string name;         // "fisc/motion", "attorney-general"
  std::string kind;         // the input root it is for: "motion", "letter"
  std::string description;  // one line
  std::filesystem::path file;
  bool letter = false;     // under letters/ (named by template=) rather than forms/ (form=)
  bool preferred = false;  // default="yes": what `fiscgen new KIND` takes among several
};

/// Every template under forms/ and letters/ (includes are not templates), sorted by name.
std::vector<TemplateInfo> list_templates(const DataPaths& paths);

/// The template called `name` (forms/ first, then letters/); an unknown one is an Error listing
/// the known ones.
TemplateInfo find_template(const DataPaths& paths, const std::string& name);

/// The template `fiscgen new KIND` writes an input for: the only one whose kind is `kind`, or,
/// among several, the one marked default="yes". An Error lists the kinds there are, or the
/// templates to choose from with --form.
TemplateInfo template_for_kind(const DataPaths& paths, const std::string& kind);

/// Every kind of input some template is for ("brief", "letter", "motion", …), sorted.
std::vector<std::string> kinds(const std::vector<TemplateInfo>& templates);

/// An office in letters/recipients.xml.
struct Recipient {
  std::string id, title, organization;
};
std::vector<Recipient> list_recipients(const DataPaths& paths);

/// A new input for `info`: every field it declares, required ones as empty elements and
/// optional ones commented out, each with its description and example in a comment.
std::string scaffold(const TemplateInfo& info, const std::vector<Field>& fields);

/// Every problem with an input that can be found without laying it out: unknown template or
/// recipient, missing required fields, elements the template never reads (with the nearest
/// known name), impossible dates, then whatever merging reports. Empty when all is well.
std::vector<Error> check(input::Matter& matter, const Environment& environment);

/// Evaluates the input's template: recipients named by ref are looked up in
/// letters/recipients.xml and added to the input (what the input writes itself wins), required
/// fields are checked (every missing one is reported at once), then the directives are run.
/// The result has its footnotes numbered and its headings labelled as the rules profile says;
/// its portion marks are checked against forms/markings.xml and meta.classification is the
/// banner they give (doc::banner), after doc::make_public for a public version.
doc::Document merge(input::Matter& matter, const Environment& environment);

}  // namespace fiscgen::templ
