// Rules profiles for the rules tests: the shipped folder, and profiles a test writes itself.
#pragma once

#include <filesystem>
#include <string>

#include "base/sources.hpp"
#include "rules/profile.hpp"

namespace rules_test {

inline const std::filesystem::path shipped_profiles =
    std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/rules";

/// The profile NAME whose file holds `text`, handed in through Sources: no folder written.
/// With `as_of`, the version in force on that date ("YYYY-MM-DD").
inline fiscgen::rules::Profile load_text(const std::string& name, const std::string& text,
                                         const std::string& as_of = {}) {
  fiscgen::DataPaths paths;
  paths.forms = "handed-in/forms";
  fiscgen::Sources sources(paths);
  sources.provide(paths.forms / "rules" / (name + ".xml"), text);
  return fiscgen::rules::load_named_profile(sources, name, as_of);
}

}  // namespace rules_test
