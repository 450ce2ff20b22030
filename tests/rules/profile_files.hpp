// Rules profiles for the rules tests: the shipped folder, and profiles a test writes itself.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "../temp_dir.hpp"

namespace rules_test {

inline const std::filesystem::path shipped_profiles =
    std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/rules";

/// Writes `text` as NAME.xml in a folder of the test process's own, removed when it ends.
inline std::filesystem::path write_profile(const std::string& name, const std::string& text) {
  static const test_support::TempDir dir;
  const auto file = dir / (name + ".xml");
  std::ofstream(file) << text;
  return file;
}

}  // namespace rules_test
