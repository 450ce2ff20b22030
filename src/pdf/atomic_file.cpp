// Temporary file + fsync + rename: the POSIX way to replace a file whole; devices and FIFOs
// are written in place, since renaming over one would destroy it.

#include "pdf/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "base/temporary_files.hpp"

namespace fiscgen::pdf {
namespace {

// Rendering and writing take seconds; a temporary file untouched for an hour is no other
// process's work in progress.
constexpr std::chrono::minutes stale_after{60};

// The process umask, read without changing it: umask(2) can only be read by setting it, which
// races with other threads creating files (batch renders in parallel). Linux reports it in
// /proc/self/status; without that, assume the common 022.
mode_t read_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0) {
      try {
        return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
      } catch (const std::exception&) {
        break;
      }
    }
  }
  return 022;
}

// Read once: fiscgen never changes its umask, and the kernel writes the whole status file (some
// fifty lines) for each read, once per PDF of a batch.
mode_t current_umask() {
  static const mode_t mask = read_umask();
  return mask;
}

[[noreturn]] void fail(const std::filesystem::path& output, const std::string& what, int error) {
  throw Error(SourceLocation{output.string(), 0, 0}, what + ": " + std::strerror(error));
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& output,
               const std::string& name) {
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(output, "cannot write " + name, errno);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

/// A device or FIFO: written where it is. There is no old content to keep whole, and renaming
/// over it would put a regular file in place of the device (as root, /dev/null itself).
void write_in_place(const std::filesystem::path& output, std::string_view bytes) {
  // O_NOCTTY: a terminal named as the output must not become our controlling terminal.
  int fd = -1;
  do {
    fd = ::open(output.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) fail(output, "cannot open the device for writing", errno);
  try {
    write_all(fd, bytes, output, output.string());
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail(output, "cannot write " + output.string(), errno);
}

}  // namespace

/// A file written to its temporary name beside its output, given its final mode, not yet synced
/// or renamed.
struct StagedWrites::Staged {
  std::filesystem::path output, target, directory;
  std::string prefix;  // of the temporary file's name
  std::unique_ptr<TemporaryFile> temp;
};

namespace {

/// Writes `bytes` for `output` up to the sync; nullptr when it was written in place (a device).
std::unique_ptr<StagedWrites::Staged> stage_file(const std::filesystem::path& output,
                                                 std::string_view bytes) {
  // What is there now decides how to write: stat() follows a link to what it names.
  std::optional<struct stat> existing;
  if (struct stat info{}; ::stat(output.c_str(), &info) == 0) existing = info;
  if (existing) {
    const mode_t type = existing->st_mode & S_IFMT;
    if (type == S_IFDIR)
      throw Error(SourceLocation{output.string()},
                  "is a folder; expected the name of a file to write (such as " +
                      (output / "out.pdf").string() + ")");
    if (type == S_IFCHR || type == S_IFBLK || type == S_IFIFO) {
      write_in_place(output, bytes);
      return nullptr;
    }
    if (type != S_IFREG)
      throw Error(SourceLocation{output.string()},
                  "is a socket or another special file, not a regular file or device; expected "
                  "the name of a file to write");
  }

  auto staged = std::make_unique<StagedWrites::Staged>();
  staged->output = output;
  // A link to a file: the file it names is replaced and the link kept. Renaming over the link
  // itself would put a file in its place (as root, -o /dev/stdout redirected to a file would
  // replace the system's /dev/stdout).
  staged->target = output;
  if (struct stat link{};
      existing && ::lstat(output.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    std::error_code ec;
    if (auto real = std::filesystem::canonical(output, ec); !ec) staged->target = std::move(real);
  }
  staged->directory =
      staged->target.has_parent_path() ? staged->target.parent_path() : std::filesystem::path(".");
  // A dot file beside the output: same file system, so rename() is atomic. Its name is
  // .NAME.XXXXXX; a signal removes it (base/temporary_files.hpp), and one left by SIGKILL or a
  // power cut is removed by the next write of the same output, once it is an hour old.
  staged->prefix = "." + staged->target.filename().string() + ".";
  staged->temp =
      std::make_unique<TemporaryFile>((staged->directory / (staged->prefix + "XXXXXX")).string());
  TemporaryFile& temp = *staged->temp;
  if (temp.fd() < 0) fail(output, "cannot create a file in " + staged->directory.string(), errno);

  write_all(temp.fd(), bytes, output, temp.path());
  if (existing) {
    // The file replaced keeps its owner and group where we may set them (root, or a group we
    // are in); chown before chmod, since chown may clear mode bits.
    if (::fchown(temp.fd(), existing->st_uid, existing->st_gid) != 0 && errno == EPERM)
      (void)!::fchown(temp.fd(), static_cast<uid_t>(-1), existing->st_gid);
  }
  // mkstemp made the file 0600, so a sealed filing is private while it is written; only the
  // whole file gets its final permissions: those of the file it replaces (a 0600 filing stays
  // private), or those any new file would get.
  const mode_t mode = existing ? (existing->st_mode & 0777) : (0666 & ~current_umask());
  if (::fchmod(temp.fd(), mode) != 0)
    fail(output, "cannot set the permissions of " + temp.path(), errno);
  return staged;
}

Error flush_error(const StagedWrites::Staged& staged, int error) {
  return Error(SourceLocation{staged.output.string(), 0, 0},
               "cannot flush " + staged.temp->path() + " to disk: " + std::strerror(error));
}

void sync_file(const StagedWrites::Staged& staged) {
  if (::fsync(staged.temp->fd()) != 0) throw flush_error(staged, errno);
}

/// Renames a staged file into place, once synced (its data and mode durable before its name is).
void place(StagedWrites::Staged& staged) {
  TemporaryFile& temp = *staged.temp;
  if (temp.close() != 0) fail(staged.output, "cannot write " + temp.path(), errno);
  if (::rename(temp.path().c_str(), staged.target.c_str()) != 0)
    fail(staged.output, "cannot replace the file", errno);
  temp.release();
  remove_stale_temporary_files(staged.directory, staged.prefix, stale_after);
  // The folder is not fsynced: after a crash the name holds the old file or the new one, each
  // whole, which is all "atomic" promises; making the rename durable too cost 3 ms a render.
}

/// Syncs the staged files: one syncfs() for the files of a group on one file system, where
/// syncing each file issued a flush of the disk's cache each; a flush makes every write finished
/// before it durable, and syncfs() waits for the data and inodes of the whole file system, so
/// one is enough. It reports a write error on that file system since the files were opened
/// (Linux 5.8 on), which then fails every file of the group there. A lone file is synced alone.
/// Sets errors[i] for each file not synced.
void sync_staged(const std::vector<std::unique_ptr<StagedWrites::Staged>>& staged,
                 std::vector<std::exception_ptr>& errors) {
  std::map<dev_t, std::vector<std::size_t>> by_device;
  for (std::size_t i = 0; i < staged.size(); ++i) {
    if (!staged[i]) continue;
    struct stat info {};
    if (::fstat(staged[i]->temp->fd(), &info) != 0) info.st_dev = 0;  // synced on its own
    by_device[info.st_dev].push_back(i);
  }
  for (const auto& [device, files] : by_device) {
    if (files.size() > 1 && device != 0) {
      if (::syncfs(staged[files.front()]->temp->fd()) == 0) continue;
      if (errno != ENOSYS) {
        const int error = errno;
        for (const std::size_t i : files)
          errors[i] = std::make_exception_ptr(flush_error(*staged[i], error));
        continue;
      }
    }
    // A lone file, or a kernel without syncfs(): one file at a time.
    for (const std::size_t i : files) {
      if (::fsync(staged[i]->temp->fd()) != 0)
        errors[i] = std::make_exception_ptr(flush_error(*staged[i], errno));
    }
  }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& output, std::string_view bytes) {
  if (const auto staged = stage_file(output, bytes)) {
    sync_file(*staged);
    place(*staged);
  }
}

StagedWrites::StagedWrites() = default;
StagedWrites::~StagedWrites() = default;  // what was never committed is removed

void StagedWrites::stage(const std::filesystem::path& output, std::string_view bytes) {
  auto staged = stage_file(output, bytes);  // null for a device: written already
  // Writeback starts now: commit()'s sync finds most of the group's data written already.
  if (staged) (void)::sync_file_range(staged->temp->fd(), 0, 0, SYNC_FILE_RANGE_WRITE);
  staged_.push_back(std::move(staged));
}

std::vector<std::exception_ptr> StagedWrites::commit() {
  std::vector<std::exception_ptr> errors(staged_.size());
  sync_staged(staged_, errors);
  for (std::size_t i = 0; i < staged_.size(); ++i) {
    if (!staged_[i] || errors[i]) continue;
    try {
      place(*staged_[i]);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  }
  staged_.clear();
  return errors;
}

}  // namespace fiscgen::pdf
