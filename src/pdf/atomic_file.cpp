// Temporary file + fsync + rename: the POSIX way to replace a file whole.

#include "pdf/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
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
mode_t current_umask() {
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

[[noreturn]] void fail(const std::filesystem::path& output, const std::string& what, int error) {
  throw Error(SourceLocation{output.string(), 0, 0}, what + ": " + std::strerror(error));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& output, std::string_view bytes) {
  const std::filesystem::path directory =
      output.has_parent_path() ? output.parent_path() : std::filesystem::path(".");
  // A dot file beside the output: same file system, so rename() is atomic. Its name is
  // .NAME.XXXXXX; a signal removes it (base/temporary_files.hpp), and one left by SIGKILL or a
  // power cut is removed by the next write of the same output, once it is an hour old.
  const std::string prefix = "." + output.filename().string() + ".";
  TemporaryFile temp((directory / (prefix + "XXXXXX")).string());
  if (temp.fd() < 0) fail(output, "cannot create a file in " + directory.string(), errno);

  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t written = ::write(temp.fd(), data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(output, "cannot write " + temp.path(), errno);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  if (::fsync(temp.fd()) != 0) fail(output, "cannot flush " + temp.path() + " to disk", errno);
  // mkstemp made the file 0600, so a sealed filing is private while it is written; only the
  // whole file gets the permissions any new file would.
  if (::fchmod(temp.fd(), 0666 & ~current_umask()) != 0)
    fail(output, "cannot set the permissions of " + temp.path(), errno);
  if (temp.close() != 0) fail(output, "cannot write " + temp.path(), errno);
  if (::rename(temp.path().c_str(), output.c_str()) != 0)
    fail(output, "cannot replace the file", errno);
  temp.release();
  remove_stale_temporary_files(directory, prefix, stale_after);
  // The folder is not fsynced: after a crash the name holds the old file or the new one, each
  // whole, which is all "atomic" promises; making the rename durable too cost 3 ms a render.
}

}  // namespace fiscgen::pdf
