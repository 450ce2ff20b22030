// write_file_atomically() under a signal and after a process that was killed outright.
#include "pdf/atomic_file.hpp"

#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <iterator>
#include <string>

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
