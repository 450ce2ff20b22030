// Writing a whole file so that readers see either the old file or the complete new one.
#pragma once

#include <filesystem>
#include <string_view>

namespace fiscgen::pdf {

/// Writes `bytes` to a private temporary file (0600) in `output`'s directory, syncs it, gives it
/// mode 0666 & ~umask and renames it over `output`. On any failure, or a signal caught by
/// remove_temporary_files_on_signals(), the temporary file is removed and `output` is left as
/// it was; fiscgen::Error names the path and the reason. Temporary files of `output` over an
/// hour old, left by a process killed outright, are removed after a successful write.
void write_file_atomically(const std::filesystem::path& output, std::string_view bytes);

}  // namespace fiscgen::pdf
