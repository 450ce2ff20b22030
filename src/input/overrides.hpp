// --set "path=value": changing or adding a leaf of the input after it is read.
#pragma once

#include <string>

#include "input/input.hpp"

namespace fiscgen::input {

/// Applies one override to `matter`, creating missing elements and recording where they came
/// from in matter.added. Bad syntax throws Error with an example of the right form.
void apply_override(Matter& matter, const std::string& text);

/// Removes what `path` (as --set writes it) names from `matter`, when it is there: mail merge's
/// empty cell, so that a row can leave out what the input or another column would supply.
void remove_path(Matter& matter, const std::string& path);

}  // namespace fiscgen::input
