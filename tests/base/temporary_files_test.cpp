#include "base/temporary_files.hpp"

#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>

namespace fs = std::filesystem;

namespace {

/// A fresh folder under the system's temporary folder, removed at the end.
struct Folder {
  fs::path path;
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "fiscgen-base-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  int count() const {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(path)) ++n;
    return n;
  }
};

}  // namespace

TEST_CASE("a temporary file is private (0600) and removed unless released") {
  Folder folder;
  std::string name;
  {
    fiscgen::TemporaryFile temp((folder.path / ".out.pdf.XXXXXX").string());
    REQUIRE(temp.fd() >= 0);
    name = temp.path();
    CHECK(fs::path(name).filename().string().size() == std::string(".out.pdf.XXXXXX").size());
    struct stat status {};
    REQUIRE(::stat(name.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
  }
  CHECK_FALSE(fs::exists(name));
  {
    fiscgen::TemporaryFile temp((folder.path / ".out.pdf.XXXXXX").string());
    name = temp.path();
    CHECK(temp.close() == 0);
    temp.release();
  }
  CHECK(fs::exists(name));
}

TEST_CASE(
    "SIGINT, SIGTERM, SIGHUP and SIGXFSZ remove the temporary files, then end the process as "
    "usual") {
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGXFSZ}) {
    INFO("signal " << signal_number);
    Folder folder;
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      const rlimit no_core{0, 0};  // SIGXFSZ's default action dumps core
      ::setrlimit(RLIMIT_CORE, &no_core);
      fiscgen::remove_temporary_files_on_signals();
      fiscgen::TemporaryFile first((folder.path / ".a.pdf.XXXXXX").string());
      fiscgen::TemporaryFile second((folder.path / ".b.pdf.XXXXXX").string());
      fiscgen::TemporaryFile released((folder.path / ".c.pdf.XXXXXX").string());
      released.release();
      ::raise(signal_number);
      ::_exit(first.fd() >= 0 && second.fd() >= 0 ? 0 : 1);  // not reached when the signal works
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == signal_number);
    CHECK(folder.count() == 1);  // the released one
  }
}

TEST_CASE("a signal ignored when fiscgen starts stays ignored") {
  Folder folder;
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGHUP, SIG_IGN);  // as nohup does
    fiscgen::remove_temporary_files_on_signals();
    fiscgen::TemporaryFile temp((folder.path / ".a.pdf.XXXXXX").string());
    ::raise(SIGHUP);
    ::_exit(temp.fd() >= 0 ? 0 : 1);  // the destructor does not run after _exit: the file stays
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(folder.count() == 1);
}

TEST_CASE("stale temporary files of one output are removed once old enough, nothing else") {
  Folder folder;
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  for (const char* name : {".out.pdf.a1B2c3", ".out.pdf.zzzzzz", ".out.pdf.young1",
                           ".out.pdf.toolong", ".other.pdf.a1B2c3", "out.pdf", ".out.pdf.x"}) {
    std::ofstream(folder.path / name) << "x";
    if (std::string(name) != ".out.pdf.young1") fs::last_write_time(folder.path / name, old);
  }
  CHECK(fiscgen::remove_stale_temporary_files(folder.path, ".out.pdf.", std::chrono::minutes(60)) ==
        2);
  CHECK_FALSE(fs::exists(folder.path / ".out.pdf.a1B2c3"));
  CHECK_FALSE(fs::exists(folder.path / ".out.pdf.zzzzzz"));
  for (const char* kept :
       {".out.pdf.young1", ".out.pdf.toolong", ".other.pdf.a1B2c3", "out.pdf", ".out.pdf.x"})
    CHECK_MESSAGE(fs::exists(folder.path / kept), kept);
  CHECK(fiscgen::remove_stale_temporary_files(folder.path / "missing", ".out.pdf.",
                                              std::chrono::minutes(60)) == 0);
}

TEST_CASE("stale temporary files: one listing of a folder serves the outputs written after it") {
  Folder folder;
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  for (const char* name : {".a.pdf.a1B2c3", ".b.pdf.d4E5f6"}) {
    std::ofstream(folder.path / name) << "x";
    fs::last_write_time(folder.path / name, old);
  }
  CHECK(fiscgen::remove_stale_temporary_files(folder.path, ".a.pdf.", std::chrono::minutes(60)) ==
        1);
  CHECK(fs::exists(folder.path / ".b.pdf.d4E5f6"));
  // The folder as listed for a.pdf: b.pdf's stale file is found there when b.pdf is written.
  CHECK(fiscgen::remove_stale_temporary_files(folder.path, ".b.pdf.", std::chrono::minutes(60)) ==
        1);
  CHECK_FALSE(fs::exists(folder.path / ".b.pdf.d4E5f6"));
  CHECK(fiscgen::remove_stale_temporary_files(folder.path, ".a.pdf.", std::chrono::minutes(60)) ==
        0);
}
