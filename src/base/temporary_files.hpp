// Temporary files that a signal must not leave behind: a fixed table of their names that a
// signal handler can read and unlink without allocating or locking.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace fiscgen {

/// Creates a private (0600, O_CLOEXEC) file named `pattern` with its trailing "XXXXXX" made
/// unique, as mkostemp does, and registers the name so that a signal caught by
/// remove_temporary_files_on_signals() unlinks it. The destructor closes and unlinks the file
/// unless release() was called (after the file was renamed into place). At most 64 files are
/// registered at once; more are still created, and still removed by the destructor.
class TemporaryFile {
 public:
  /// Throws nothing: check fd() >= 0, errno says why not.
  explicit TemporaryFile(const std::string& pattern);
  ~TemporaryFile();
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  /// Closes the descriptor; returns close()'s result.
  int close();
  /// The file now has its final name: neither the destructor nor a signal removes it.
  void release();

 private:
  std::string path_;
  int fd_ = -1;
  int slot_ = -1;  // in the signal handler's table; -1 when not registered
};

/// Catches SIGINT, SIGTERM, SIGHUP and SIGXFSZ: the handler unlinks every registered temporary
/// file, then the signal takes its default action (the process ends as if not caught). Called once,
/// by main(); a command that wants another behaviour (batch finishing its documents) installs
/// its own handler over it and may restore it.
void remove_temporary_files_on_signals();

/// Unlinks every registered temporary file. Async-signal-safe: for other signal handlers.
void remove_registered_temporary_files() noexcept;

/// Removes the files in `folder` named `prefix` followed by exactly six characters (the names
/// TemporaryFile(prefix + "XXXXXX") makes) that were last modified more than `age` ago: what a
/// process killed by SIGKILL or a power cut left. Younger ones may be another process's file
/// being written. Errors are ignored: this is tidying, never a reason to fail. Returns how many
/// were removed.
int remove_stale_temporary_files(const std::filesystem::path& folder, const std::string& prefix,
                                 std::chrono::minutes age);

}  // namespace fiscgen
