// Where fiscgen's data (forms, letters, rules, compiled locales) is found.
#pragma once

#include <filesystem>

namespace fiscgen {

/// The folders every stage reads its data from. One object, handed in, so tests can use their own.
struct DataPaths {
  std::filesystem::path forms;    // forms/: filing templates; forms/rules/: rules profiles
  std::filesystem::path letters;  // letters/: letter templates and recipients.xml
  std::filesystem::path locales;  // compiled ICU bundles (*.res); ends with a separator for ICU

  std::filesystem::path rules() const { return forms / "rules"; }

  /// The data of this build: --data-dir if given, else $FISCGEN_DATA, else the source tree the
  /// binary was built from (with the bundles genrb compiled into the build tree).
  static DataPaths discover(const std::filesystem::path& data_dir = {});
};

}  // namespace fiscgen
