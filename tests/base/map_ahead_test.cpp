// map_ahead(): the heap it maps in is read without page faults. Each case runs in a child
// process, so that the break it moves is its own.
#include <doctest/doctest.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstddef>

#include "base/map_ahead.hpp"

namespace {

constexpr std::size_t one_mib = std::size_t{1} << 20;

/// The minor page faults a child takes to read each page of the mebibyte below the break, after
/// `prepare` (which moves the break); -1 if the child failed.
long faults_reading_below_the_break(void (*prepare)()) {
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    prepare();
    // Free heap at its top: read, never written, so nothing malloc keeps there is touched.
    const auto* top = static_cast<const volatile char*>(::sbrk(0));
    rusage before{}, after{};
    ::getrusage(RUSAGE_SELF, &before);
    for (std::size_t back = 64; back <= one_mib; back += 4096)
      static_cast<void>(top[-static_cast<long>(back)]);  // volatile: each read is made
    ::getrusage(RUSAGE_SELF, &after);
    const long faults = after.ru_minflt - before.ru_minflt;
    const bool written = ::write(pipe_ends[1], &faults, sizeof faults) == sizeof faults;
    ::_exit(written ? 0 : 1);
  }
  ::close(pipe_ends[1]);
  long faults = -1;
  if (::read(pipe_ends[0], &faults, sizeof faults) != sizeof faults) faults = -1;
  ::close(pipe_ends[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? faults : -1;
}

/// Whether the kernel maps pages in on request (MADV_POPULATE_WRITE, Linux 5.14).
bool kernel_populates() {
  void* page = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) return false;
  const bool populated = ::madvise(page, 4096, 23) == 0;
  ::munmap(page, 4096);
  return populated;
}

}  // namespace

TEST_CASE("map_ahead: the heap's top is mapped in, where a break moved by hand faults per page") {
#if defined(__SANITIZE_ADDRESS__)
  // The sanitizer's allocator does not grow the heap with brk: nothing to map ahead.
  return;
#endif
  if (!kernel_populates()) {
    MESSAGE(
        "this kernel cannot map pages in on request (before Linux 5.14): map_ahead does nothing");
    return;
  }
  const long by_hand = faults_reading_below_the_break([] { (void)::sbrk(2 * one_mib); });
  const long mapped = faults_reading_below_the_break([] { fiscgen::map_ahead(2 * one_mib); });
  CAPTURE(by_hand);
  CAPTURE(mapped);
  CHECK(by_hand >= 200);  // 256 pages, each read faulted in
  CHECK(mapped >= 0);
  CHECK(mapped <= 2);
}
