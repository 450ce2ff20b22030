// Writing a whole file so that readers see either the old file or the complete new one.
#pragma once

#include <filesystem>
#include <string_view>

namespace fiscgen::pdf {

/// Writes `bytes` to a temporary file in `output`'s directory (mode 0666 & ~umask), syncs it and
/// renames it over `output`. On any failure the temporary file is removed, `output` is left as
/// it was, and fiscgen::Error names the path and the reason.
void write_file_atomically(const std::filesystem::path& output, std::string_view bytes);

}  // namespace fiscgen::pdf
