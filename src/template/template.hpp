// Templates: a form or letter (XML, layout vocabulary plus t: directives) evaluated against the
// input to produce the document tree (design §4).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/data_paths.hpp"
#include "base/error.hpp"
#include "doc/document.hpp"
#include "input/input.hpp"

namespace fiscgen::templ {

/// A field a template declares: what `new` scaffolds and `check` enforces.
struct Field {
  std::string name;      // XPath relative to the input root, e.g. "docket", "signature/attorney"
  bool required = false;
  std::string description;
  std::string example;
};

/// What merging needs besides the input: where the data is and where warnings go.
struct Environment {
  DataPaths paths;
  Warnings* warnings = nullptr;
};

/// The template the input names: <motion form="fisc/motion"> → forms/fisc/motion.xml,
/// <letter template="attorney-general"> → letters/attorney-general.xml. Names are confined to
/// the template roots; an unknown one is an Error listing the known ones.
std::filesystem::path template_for(const input::Matter& matter, const DataPaths& paths);

/// The fields a template declares (with its includes).
std::vector<Field> fields_of(const std::filesystem::path& template_file, const DataPaths& paths);

/// Evaluates the input's template: recipients named by ref are looked up in
/// letters/recipients.xml and added to the input (what the input writes itself wins), required
/// fields are checked (every missing one is reported at once), then the directives are run.
/// The result has its footnotes numbered and its headings labelled as the rules profile says.
doc::Document merge(input::Matter& matter, const Environment& environment);

}  // namespace fiscgen::templ
