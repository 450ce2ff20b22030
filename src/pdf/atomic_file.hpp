// Writing a whole file so that readers see either the old file or the complete new one.
#pragma once

#include <exception>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

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

/// Several files written as write_file_atomically() writes one, made durable together: syncing
/// each file costs a flush of the disk's cache for each (a batch spent a quarter of its time in
/// the kernel so). stage() writes a file to its temporary name and starts its writeback;
/// commit() makes the group durable with one syncfs() per file system, then renames each file
/// into place. Until commit(), no output has changed; staged files never committed are removed.
class StagedWrites {
 public:
  StagedWrites();
  ~StagedWrites();
  StagedWrites(const StagedWrites&) = delete;
  StagedWrites& operator=(const StagedWrites&) = delete;

  /// Writes `bytes` for `output`, not yet in place; throws as write_file_atomically() does. A
  /// device or FIFO is written at once.
  void stage(const std::filesystem::path& output, std::string_view bytes);
  /// Files staged and not yet committed (devices too).
  std::size_t size() const { return staged_.size(); }
  /// Syncs and renames every staged file, in the order staged. One exception per stage() in that
  /// order: null for a file now in place, else why it is not (its output left as it was).
  std::vector<std::exception_ptr> commit();

  struct Staged;

 private:
  std::vector<std::unique_ptr<Staged>> staged_;  // null for a device, written at stage()
};

}  // namespace fiscgen::pdf
