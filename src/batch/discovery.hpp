// Finding a batch's documents: files, folders (recursively) and *.list manifests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/error.hpp"

namespace fiscgen::batch {

struct Found {
  std::filesystem::path input;  // openable from the working directory
  std::string name;             // relative to the folder or manifest that named it ('/' separated)
};

/// The documents `paths` name, in order, each once. A folder gives every *.xml under it whose
/// root element names a form or template (form= or template=), sorted by name, hidden entries
/// skipped; a *.list manifest gives its lines (blank lines and # comments skipped), each a
/// file or folder relative to the manifest; any other file is taken as an input as it is.
/// A path that does not exist throws Error naming it (and the manifest line), as does a
/// manifest that lists itself, directly or through others. A link to a folder is followed
/// unless it leads to a folder already read or to one of its own parents (a loop): each link
/// not followed is added to `warnings`, naming it.
std::vector<Found> discover(const std::vector<std::filesystem::path>& paths,
                            Warnings* warnings = nullptr);

/// Whether the start of `text` is an XML document whose root element has a form= or
/// template= attribute: the mark of a fiscgen input. Only the root's start tag is read, so a
/// file broken further down still counts (and fails when rendered, as it should).
bool looks_like_input(std::string_view text);

/// Where the PDF for `found` goes: OUTPUT_DIR/NAME with .pdf, or beside the input.
std::filesystem::path output_for(const Found& found, const std::filesystem::path& output_dir);

}  // namespace fiscgen::batch
