#include "base/map_ahead.hpp"

#include <link.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace fiscgen {

namespace {

// Linux 5.14; glibc 2.36's headers do not name them yet.
constexpr int populate_read = 22;   // MADV_POPULATE_READ
constexpr int populate_write = 23;  // MADV_POPULATE_WRITE

constexpr std::size_t heap_block_limit = std::size_t{1} << 20;

std::uintptr_t page_size() {
  return static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
}

/// [from, to) widened to whole pages, mapped in as `advice` says.
void populate(char* from, char* to, int advice) {
  const std::uintptr_t page = page_size();
  from -= reinterpret_cast<std::uintptr_t>(from) & (page - 1);
  if (to > from) (void)::madvise(from, static_cast<std::size_t>(to - from), advice);
}

/// The program's code: its first loaded object's executable segment.
int populate_code(dl_phdr_info* info, std::size_t /*size*/, void* /*data*/) {
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& header = info->dlpi_phdr[i];
    if (header.p_type != PT_LOAD || (header.p_flags & PF_X) == 0) continue;
    // An address the loader gives as an integer: nothing the optimizer could have followed.
    char* start = reinterpret_cast<char*>(  // NOLINT(performance-no-int-to-ptr)
        info->dlpi_addr + header.p_vaddr);
    populate(start, start + header.p_memsz, populate_read);
  }
  return 1;  // the first object is the program; the libraries are left alone
}

}  // namespace

void map_ahead(std::size_t heap_bytes) {
  ::dl_iterate_phdr(populate_code, nullptr);

  ::mallopt(M_MMAP_THRESHOLD, static_cast<int>(heap_block_limit));
  // The heap grows, and is trimmed, leaving this much free at its top.
  ::mallopt(M_TOP_PAD, static_cast<int>(heap_bytes));
  // Pages below the current break may be in use already: only what the heap grows by is new.
  char* before = static_cast<char*>(::sbrk(0));
  before += (page_size() - (reinterpret_cast<std::uintptr_t>(before) & (page_size() - 1))) &
            (page_size() - 1);
  // More than the top can hold, so the heap grows by this and the pad; volatile, or the
  // compiler drops the pair.
  void* volatile grow = std::malloc(heap_block_limit / 4);
  std::free(grow);
  populate(before, static_cast<char*>(::sbrk(0)), populate_write);
}

}  // namespace fiscgen
