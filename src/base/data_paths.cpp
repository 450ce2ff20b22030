#include "base/data_paths.hpp"

#include <cstdlib>

namespace fiscgen {

DataPaths DataPaths::discover(const std::filesystem::path& data_dir) {
  std::filesystem::path root = data_dir;
  if (root.empty())
    if (const char* env = std::getenv("FISCGEN_DATA"); env && *env) root = env;
  DataPaths paths;
  std::error_code ec;
  if (root.empty()) {
    // An installed binary (PREFIX/bin/fiscgen) reads PREFIX/share/fiscgen.
    const auto installed =
        std::filesystem::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "share" /
        "fiscgen";
    if (!ec && std::filesystem::exists(installed / "forms", ec)) root = installed;
  }
  if (root.empty()) {
    root = FISCGEN_SOURCE_DATA_DIR;
    paths.locales = std::filesystem::path(FISCGEN_BUILD_LOCALE_DIR) / "";
  } else {
    paths.locales = root / "locales" / "";
    // A source tree holds the bundles' sources; this build compiled them beside itself.
    if (!std::filesystem::exists(paths.locales / "root.res", ec))
      paths.locales = std::filesystem::path(FISCGEN_BUILD_LOCALE_DIR) / "";
  }
  paths.forms = root / "forms";
  paths.letters = root / "letters";
  return paths;
}

}  // namespace fiscgen
