// What an output name may point at (docs/security.md, "Outputs"): a device node or a FIFO is
// written, never replaced; a folder is refused; a file replaced keeps its mode and owner.
// Device nodes are made with mknod in a private folder (the tests run as root in CI), never
// the system's own.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <thread>

#include "tools.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path examples = fs::path(FISCGEN_SOURCE_DATA_DIR) / "examples";

/// A character device like /dev/null (1, 3) at `path`; false when not allowed (not root).
bool make_null_device(const fs::path& path) {
  return ::mknod(path.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0;
}

bool is_null_device(const fs::path& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 && S_ISCHR(info.st_mode) &&
         info.st_rdev == makedev(1, 3);
}

/// Everything written into the FIFO at `path`, read on another thread. The test holds a
/// writer end of its own until text(), so the reader neither waits forever to open (should
/// fiscgen never open the FIFO) nor sees the end before fiscgen has written.
class FifoReader {
 public:
  explicit FifoReader(const fs::path& path) {
    read_end_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(read_end_ >= 0);
    ::fcntl(read_end_, F_SETFL, ::fcntl(read_end_, F_GETFL) & ~O_NONBLOCK);
    held_writer_ = ::open(path.c_str(), O_WRONLY);
    REQUIRE(held_writer_ >= 0);
    thread_ = std::thread([this] {
      char buffer[1 << 16];
      ssize_t got = 0;
      while ((got = ::read(read_end_, buffer, sizeof buffer)) > 0)
        text_.append(buffer, static_cast<std::size_t>(got));
    });
  }
  /// What was written, once every writer has closed.
  std::string text() {
    if (held_writer_ >= 0) ::close(held_writer_);
    held_writer_ = -1;
    if (thread_.joinable()) thread_.join();
    return text_;
  }
  ~FifoReader() {
    text();
    ::close(read_end_);
  }
  FifoReader(const FifoReader&) = delete;
  FifoReader& operator=(const FifoReader&) = delete;

 private:
  int read_end_ = -1, held_writer_ = -1;
  std::string text_;
  std::thread thread_;
};

mode_t mode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

int entries(const fs::path& folder) {
  return static_cast<int>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("outputs: render -o a device node writes to it and leaves it a device") {
  e2e::TempDir dir;
  const auto null = dir / "null";
  if (!make_null_device(null)) {
    MESSAGE("mknod is not allowed here (not root): skipped");
    return;
  }
  for (const std::string emit : {"pdf", "tree"}) {
    CAPTURE(emit);
    const auto run = e2e::fiscgen(
        {"render", (examples / "letter.xml").string(), "--emit", emit, "-o", null.string()});
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(is_null_device(null));
    CHECK(entries(dir.path()) == 1);  // no temporary file left beside it
  }
}

TEST_CASE("outputs: render -o a FIFO writes the whole PDF into it and leaves it a FIFO") {
  e2e::TempDir dir;
  const auto fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  FifoReader reader(fifo);
  const auto run =
      e2e::fiscgen({"render", (examples / "letter.xml").string(), "-o", fifo.string()});
  INFO(run.err);
  CHECK(run.status == 0);
  const auto pdf = reader.text();
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.find("%%EOF") != std::string::npos);
  CHECK(fs::is_fifo(fs::symlink_status(fifo)));
}

TEST_CASE("outputs: batch --report to a device node leaves it a device") {
  e2e::TempDir dir;
  const auto null = dir / "null";
  if (!make_null_device(null)) {
    MESSAGE("mknod is not allowed here (not root): skipped");
    return;
  }
  fs::create_directories(dir / "in");
  fs::copy_file(examples / "letter.xml", dir / "in/letter.xml");
  const auto run = e2e::fiscgen(
      {"batch", (dir / "in").string(), "-o", (dir / "out").string(), "--report", null.string()});
  INFO(run.err);
  CHECK(run.status == 0);
  CHECK(is_null_device(null));
  CHECK(fs::exists(dir / "out/letter.pdf"));
}

TEST_CASE("outputs: -o a folder is refused, naming it, and the folder is kept as it was") {
  e2e::TempDir dir;
  fs::create_directories(dir / "taken");
  const auto run =
      e2e::fiscgen({"render", (examples / "letter.xml").string(), "-o", (dir / "taken").string()});
  CHECK(run.status == 1);
  CHECK(run.err.find((dir / "taken").string() + ": is a folder; expected the name of a file") !=
        std::string::npos);
  CHECK(fs::is_directory(dir / "taken"));
  CHECK(entries(dir / "taken") == 0);
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("outputs: -o the input itself, or a link to it, is refused and the input kept") {
  e2e::TempDir dir;
  fs::copy_file(examples / "letter.xml", dir / "letter.xml");
  fs::create_symlink(dir / "letter.xml", dir / "link.pdf");
  const auto before = e2e::read_file(dir / "letter.xml");
  for (const char* output : {"letter.xml", "link.pdf"}) {
    const auto run =
        e2e::fiscgen({"render", (dir / "letter.xml").string(), "-o", (dir / output).string()});
    CHECK(run.status == 1);
    CHECK(run.err.find("is the input file; choose another with -o") != std::string::npos);
  }
  CHECK(e2e::read_file(dir / "letter.xml") == before);
}

TEST_CASE("outputs: a PDF replaced keeps its mode (0600 stays 0600) and its owner") {
  e2e::TempDir dir;
  const auto pdf = dir / "letter.pdf";
  std::ofstream(pdf) << "an older PDF";
  fs::permissions(pdf, fs::perms::owner_read | fs::perms::owner_write);
  // As root, give it to another user and group: the new file must go to them too.
  const bool root = ::geteuid() == 0;
  if (root) REQUIRE(::chown(pdf.c_str(), 4321, 4322) == 0);
  const auto run = e2e::fiscgen({"render", (examples / "letter.xml").string(), "-o", pdf.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(e2e::read_file(pdf).rfind("%PDF-", 0) == 0);
  CHECK(mode_of(pdf) == 0600);
  if (root) {
    struct stat info {};
    REQUIRE(::stat(pdf.c_str(), &info) == 0);
    CHECK(info.st_uid == 4321);
    CHECK(info.st_gid == 4322);
  }
}

TEST_CASE("outputs: a new PDF is 0666 less the umask, from render and each one of a batch") {
  e2e::TempDir dir;
  fs::create_directories(dir / "in");
  for (const char* name : {"a.xml", "b.xml"})
    fs::copy_file(examples / "letter.xml", dir / "in" / name);
  const mode_t before = ::umask(027);
  const auto single = e2e::fiscgen(
      {"render", (examples / "letter.xml").string(), "-o", (dir / "one.pdf").string()});
  const auto batch =
      e2e::fiscgen({"batch", (dir / "in").string(), "-o", (dir / "out").string(), "--jobs", "1"});
  ::umask(before);
  INFO(single.err, batch.err);
  REQUIRE(single.status == 0);
  REQUIRE(batch.status == 0);
  CHECK(mode_of(dir / "one.pdf") == 0640);
  CHECK(mode_of(dir / "out" / "a.pdf") == 0640);
  CHECK(mode_of(dir / "out" / "b.pdf") == 0640);
}
