// The signal handler may only call async-signal-safe functions (unlink, raise) and read memory
// that is there whatever the other threads do: so the names live in a fixed static table, each
// slot claimed and freed with an atomic, never in a std::string or a container.
#include "base/temporary_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

namespace fiscgen {
namespace {

// 64 is more than any batch runs at once (one file each); a file beyond it is still created.
constexpr int slot_count = 64;
constexpr std::size_t max_name = 4096;  // PATH_MAX on Linux

enum SlotState : int { free_slot = 0, claimed = 1, to_remove = 2 };

struct Slot {
  std::atomic<int> state{free_slot};
  char name[max_name]{};
};
static_assert(std::atomic<int>::is_always_lock_free, "read from a signal handler");

// Zero, so constant-initialised in .bss: a constructor run at start-up wrote each slot's state,
// touching 64 pages (63 of a letter's 800 page faults) for a table most runs never use.
constinit Slot slots[slot_count];

int claim_slot() {
  for (int i = 0; i < slot_count; ++i) {
    int expected = free_slot;
    if (slots[i].state.compare_exchange_strong(expected, claimed)) return i;
  }
  return -1;
}

extern "C" void remove_and_die(int signal_number) {
  remove_registered_temporary_files();
  // SA_RESETHAND put back the default action; the signal raised again is blocked until this
  // handler returns, then ends the process as if it had never been caught (exit status too).
  ::raise(signal_number);
}

}  // namespace

TemporaryFile::TemporaryFile(const std::string& pattern) {
  slot_ = pattern.size() < max_name ? claim_slot() : -1;
  if (slot_ < 0) {
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ >= 0) path_ = name.data();
    return;
  }
  // mkostemp makes the name in place, in the slot, so a signal at any moment finds the name of
  // the file it may have created (or the pattern, which names no file).
  Slot& slot = slots[slot_];
  std::memcpy(slot.name, pattern.c_str(), pattern.size() + 1);
  slot.state.store(to_remove);
  fd_ = ::mkostemp(slot.name, O_CLOEXEC);
  if (fd_ >= 0) {
    path_ = slot.name;
  } else {
    const int error = errno;
    slot.state.store(free_slot);
    slot_ = -1;
    errno = error;
  }
}

TemporaryFile::~TemporaryFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!path_.empty()) ::unlink(path_.c_str());
  if (slot_ >= 0) slots[slot_].state.store(free_slot);
}

int TemporaryFile::close() {
  const int result = ::close(fd_);
  fd_ = -1;
  return result;
}

void TemporaryFile::release() {
  path_.clear();
  if (slot_ >= 0) slots[slot_].state.store(free_slot);
  slot_ = -1;
}

void remove_registered_temporary_files() noexcept {
  const int saved_errno = errno;
  for (auto& slot : slots)
    if (slot.state.load() == to_remove) ::unlink(slot.name);
  errno = saved_errno;
}

void remove_temporary_files_on_signals() {
  // SIGXFSZ too: the one signal the write itself causes, past a file-size limit (ulimit -f).
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGXFSZ}) {
    struct sigaction action {};
    action.sa_handler = remove_and_die;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    struct sigaction previous {};
    ::sigaction(signal_number, &action, &previous);
    // A signal ignored when fiscgen started (nohup, a shell's background job) stays ignored.
    if (previous.sa_handler == SIG_IGN) ::sigaction(signal_number, &previous, nullptr);
  }
}

int remove_stale_temporary_files(const std::filesystem::path& folder, const std::string& prefix,
                                 std::chrono::minutes age) {
  namespace fs = std::filesystem;
  std::error_code error;
  const auto before = fs::file_time_type::clock::now() - age;
  int removed = 0;
  for (fs::directory_iterator entry(folder, error), end; !error && entry != end;
       entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) continue;
    std::error_code ignored;
    if (!entry->is_regular_file(ignored) || entry->last_write_time(ignored) >= before || ignored)
      continue;
    if (fs::remove(entry->path(), ignored)) ++removed;
  }
  return removed;
}

}  // namespace fiscgen
