// --set "path=value": changing or adding a leaf of the input after it is read.
#pragma once

#include <string>

#include "input/input.hpp"
#include "input/limits.hpp"

namespace fiscgen::input {

/// Elements a path below the root may name: the root is the first of max_nesting_depth levels.
inline constexpr std::size_t max_path_elements = max_nesting_depth - 1;

/// How many elements the path "a/b[2]/@c" (an override's, or a CSV header's) names: 2 here.
/// Counted without parsing, so a path of any length costs one pass.
std::size_t path_elements(std::string_view path);

/// "a path of N elements …": the message for a path longer than max_path_elements.
std::string path_too_deep(std::size_t elements);

/// Whether `path` is written as an override's path is: names separated by '/', each with an
/// optional [n] counting from 1, and an optional final @attribute. A CSV header must be one.
bool is_path(std::string_view path);

/// Applies one override to `matter`, creating missing elements and recording where they came
/// from in matter.added. Bad syntax, or a path of more than max_path_elements elements, throws
/// Error with an example of the right form.
void apply_override(Matter& matter, const std::string& text);

/// Removes what `path` (as --set writes it) names from `matter`, when it is there: mail merge's
/// empty cell, so that a row can leave out what the input or another column would supply.
void remove_path(Matter& matter, const std::string& path);

}  // namespace fiscgen::input
