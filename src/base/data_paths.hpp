// Where fiscgen's data (forms, letters, rules, compiled locales) is found.
#pragma once

#include <filesystem>
#include <vector>

namespace fiscgen {

/// The folders every stage reads its data from. One object, handed in, so tests can use their own.
struct DataPaths {
  std::filesystem::path forms;    // forms/: filing templates; forms/rules/: rules profiles
  std::filesystem::path letters;  // letters/: letter templates and recipients.xml
  std::filesystem::path locales;  // compiled ICU bundles (*.res); ends with a separator for ICU
  /// A user's own template folders (--templates), searched before forms/ and letters/: each
  /// holds forms/ and/or letters/ laid out as ours.
  std::vector<std::filesystem::path> templates;

  std::filesystem::path rules() const { return forms / "rules"; }
  /// The classification vocabulary: levels and caveats of portion marks and banners.
  std::filesystem::path markings() const { return forms / "markings.xml"; }

  /// The data of this build: --data-dir if given, else $FISCGEN_DATA, else PREFIX/share/fiscgen
  /// beside an installed PREFIX/bin/fiscgen, else the source tree the binary was built from
  /// (with the bundles genrb compiled into the build tree).
  static DataPaths discover(const std::filesystem::path& data_dir = {});
};

}  // namespace fiscgen
