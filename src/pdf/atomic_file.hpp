// Writing a whole file so that readers see either the old file or the complete new one.
#pragma once

#include <filesystem>
#include <string_view>

namespace fiscgen::pdf {

/// Writes `bytes` to `output` so that no reader ever sees half of it, and never replaces what
/// is not a regular file:
/// - a new file or an existing regular file: written to a private temporary file (0600) in
///   `output`'s directory, synced, given its mode and renamed over `output`. A new file gets
///   0666 & ~umask; a file replaced keeps its permission bits (not setuid, setgid or sticky)
///   and, where the process may change them, its owner and group. On any failure, or a signal
///   caught by remove_temporary_files_on_signals(), the temporary file is removed and `output`
///   is left as it was. Temporary files of `output` over an hour old, left by a process killed
///   outright, are removed after a successful write.
/// - a character or block device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe): opened
///   and written as it is, never renamed over (a FIFO waits for its reader, as a shell does).
/// - a folder or a socket: refused.
/// A symbolic link is followed to what it names: a link to a file stays a link, and the file it
/// names is replaced. fiscgen::Error names the path and the reason.
void write_file_atomically(const std::filesystem::path& output, std::string_view bytes);

}  // namespace fiscgen::pdf
