// write_file_atomically() under a signal and after a process that was killed outright.
#include "pdf/atomic_file.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "base/temporary_files.hpp"
#include "pdf_tools.hpp"

namespace fs = std::filesystem;
using pdf_test::TempDir;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int entries(const fs::path& folder) {
  return static_cast<int>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

// The file-size limit below turns the write into a SIGXFSZ; this turns that into the SIGTERM
// that a user or a scheduler would send, exactly while the temporary file is half written.
extern "C" void terminate_now(int) {
  ::raise(SIGTERM);
}

}  // namespace

TEST_CASE("SIGTERM while write() is writing removes the temporary file and writes nothing") {
  TempDir dir;
  const fs::path file = dir / "out.pdf";
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    fiscgen::remove_temporary_files_on_signals();  // as main() does
    std::signal(SIGXFSZ, terminate_now);
    const rlimit limit{64 * 1024, 64 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      fiscgen::pdf::write_file_atomically(file, std::string(1 << 20, 'x'));
    } catch (...) {
    }
    ::_exit(0);  // not reached when the signal works
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK(entries(dir.path()) == 0);
}

TEST_CASE("the temporary file of a killed writer is removed by the next write once an hour old") {
  TempDir dir;
  const fs::path file = dir / "out.pdf";
  const auto old = fs::file_time_type::clock::now() - std::chrono::minutes(61);
  for (const char* name : {".out.pdf.Ab12Cd", ".out.pdf.young1", ".other.pdf.Ab12Cd"})
    std::ofstream(dir / name) << "%PDF-1.4 half";
  fs::last_write_time(dir / ".out.pdf.Ab12Cd", old);
  fs::last_write_time(dir / ".other.pdf.Ab12Cd", old);
  fiscgen::pdf::write_file_atomically(file, "%PDF-1.4 whole");
  CHECK(read_file(file) == "%PDF-1.4 whole");
  CHECK_FALSE(fs::exists(dir / ".out.pdf.Ab12Cd"));
  CHECK(fs::exists(dir / ".out.pdf.young1"));    // may be another process's, being written
  CHECK(fs::exists(dir / ".other.pdf.Ab12Cd"));  // another output's: left to its own writes
}

TEST_CASE("a device node named as the output is written in place, never replaced") {
  TempDir dir;
  const fs::path null = dir / "null";
  // A null device of the test's own, in its private folder: never the system's /dev/null.
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    MESSAGE("mknod is not allowed here (not root): skipped");
    return;
  }
  fiscgen::pdf::write_file_atomically(null, "%PDF-1.4 whole");
  struct stat info {};
  REQUIRE(::lstat(null.c_str(), &info) == 0);
  CHECK(S_ISCHR(info.st_mode));
  CHECK(info.st_rdev == makedev(1, 3));
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("a FIFO named as the output gets the bytes and stays a FIFO") {
  TempDir dir;
  const fs::path fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Opened here first, without blocking, so that a writer that never opens it fails the test
  // instead of hanging it; a writer end of our own keeps the reader from an early end.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  const int held = ::open(fifo.c_str(), O_WRONLY);
  REQUIRE(held >= 0);
  ::fcntl(reader, F_SETFL, 0);
  std::string got;
  std::thread drain([&] {
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(reader, buffer, sizeof buffer)) > 0)
      got.append(buffer, static_cast<std::size_t>(n));
  });
  const std::string bytes(200 * 1024, 'x');  // more than a pipe holds: written as it is read
  try {
    fiscgen::pdf::write_file_atomically(fifo, bytes);
  } catch (...) {
  }
  ::close(held);
  drain.join();
  ::close(reader);
  CHECK(got == bytes);
  CHECK(fs::is_fifo(fs::symlink_status(fifo)));
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("a socket named as the output is refused and kept") {
  TempDir dir;
  const fs::path socket_path = dir / "sock";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(socket_path.string().size() < sizeof address.sun_path);
  std::strcpy(address.sun_path, socket_path.c_str());
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  std::string message;
  try {
    fiscgen::pdf::write_file_atomically(socket_path, "%PDF-1.4");
  } catch (const fiscgen::Error& e) {
    message = e.describe();
  }
  ::close(fd);
  CHECK(message.find(socket_path.string() + ": is a socket") == 0);
  CHECK(fs::is_socket(fs::symlink_status(socket_path)));
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("a file replaced keeps its permissions, owner and group") {
  TempDir dir;
  const fs::path file = dir / "sealed.pdf";
  std::ofstream(file) << "%PDF-1.4 old";
  REQUIRE(::chmod(file.c_str(), 0600) == 0);
  const bool root = ::geteuid() == 0;
  if (root) REQUIRE(::chown(file.c_str(), 4321, 4322) == 0);
  fiscgen::pdf::write_file_atomically(file, "%PDF-1.4 new");
  CHECK(read_file(file) == "%PDF-1.4 new");
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0600);
  if (root) {
    CHECK(info.st_uid == 4321);
    CHECK(info.st_gid == 4322);
  }
}

TEST_CASE("a link to a file stays a link: the file it names is replaced") {
  TempDir dir;
  fs::create_directory(dir / "real");
  const fs::path file = dir / "real/v3.pdf", link = dir / "latest.pdf";
  std::ofstream(file) << "%PDF-1.4 old";
  fs::create_symlink("real/v3.pdf", link);
  fiscgen::pdf::write_file_atomically(link, "%PDF-1.4 new");
  CHECK(fs::is_symlink(link));
  CHECK(read_file(file) == "%PDF-1.4 new");
  CHECK(entries(dir.path()) == 2);
  CHECK(entries(dir / "real") == 1);
}

// A batch's group is made durable with one syncfs() per file system its files are on: files on
// two file systems (the test folder, and /dev/shm where it is another one), a lone file and a
// device all end up as they would one by one.
TEST_CASE("staged writes on two file systems and a device are all put in place whole") {
  TempDir dir;
  std::unique_ptr<TempDir> other;
  struct stat here {
  }, shm{};
  if (::stat(dir.path().c_str(), &here) == 0 && ::stat("/dev/shm", &shm) == 0 &&
      here.st_dev != shm.st_dev && ::access("/dev/shm", W_OK) == 0)
    other = std::make_unique<TempDir>("/dev/shm");
  std::vector<std::pair<fs::path, std::string>> outputs;
  for (int i = 0; i < 3; ++i)
    outputs.emplace_back(dir / ("letter-" + std::to_string(i) + ".pdf"),
                         "%PDF-1.4 letter " + std::to_string(i));
  std::ofstream(outputs[1].first) << "%PDF-1.4 old";  // one replaces a file
  if (other)
    for (int i = 0; i < 2; ++i)
      outputs.emplace_back(*other / ("motion-" + std::to_string(i) + ".pdf"),
                           "%PDF-1.4 motion " + std::to_string(i));
  fiscgen::pdf::StagedWrites staged;
  for (const auto& [output, bytes] : outputs) staged.stage(output, bytes);
  staged.stage("/dev/null", "%PDF-1.4 nowhere");
  for (const auto& [output, bytes] : outputs) CHECK(read_file(output) != bytes);  // not yet
  const auto errors = staged.commit();
  REQUIRE(errors.size() == outputs.size() + 1);
  for (const auto& error : errors) CHECK_FALSE(error);
  for (const auto& [output, bytes] : outputs) CHECK(read_file(output) == bytes);
  CHECK(entries(dir.path()) == 3);  // no temporary file left
  if (other) CHECK(entries(other->path()) == 2);
  MESSAGE(
      std::string(other ? "two file systems" : "one file system (/dev/shm is not another here)"));
}
