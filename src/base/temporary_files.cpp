// The signal handler may only call async-signal-safe functions (unlink, raise) and read memory
// that is there whatever the other threads do: so the names live in a fixed static table, each
// slot claimed and freed with an atomic, never in a std::string or a container.
#include "base/temporary_files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
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

namespace {

// A batch writes hundreds of outputs into one folder, each sweeping it for its own stale
// temporaries: listing the folder for each would cost a listing per document, growing with the
// folder. So a folder's dot-files are listed at most once a minute and kept (per process, for
// every thread); each call looks only at the kept names of its own output. A stale file is an
// hour old: it was there at the last listing, unless moved in since.
constexpr std::chrono::minutes relist_after{1};

struct Listing {
  std::chrono::steady_clock::time_point listed;
  std::vector<std::string> names;  // dot-files, the only names a temporary file has
};

std::mutex listings_mutex;
std::map<std::string, Listing> listings;

std::vector<std::string> dot_files(const std::filesystem::path& folder) {
  // readdir, not std::filesystem::directory_iterator, which makes a path of every entry (2,400
  // instructions each): an output folder may hold thousands of filings, and only its dot-files
  // are wanted.
  std::vector<std::string> names;
  DIR* dir = ::opendir(folder.c_str());
  if (!dir) return names;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name.size() > 1 && name[0] == '.' && name != "..") names.emplace_back(name);
  }
  ::closedir(dir);
  return names;
}

}  // namespace

int remove_stale_temporary_files(const std::filesystem::path& folder, const std::string& prefix,
                                 std::chrono::minutes age) {
  namespace fs = std::filesystem;
  const auto now = std::chrono::steady_clock::now();
  std::vector<std::string> candidates;
  {
    std::lock_guard lock(listings_mutex);
    auto& listing = listings[folder.string()];
    if (listing.listed == std::chrono::steady_clock::time_point{} ||
        now - listing.listed >= relist_after)
      listing = Listing{now, dot_files(folder)};
    for (const auto& name : listing.names)
      if (name.size() == prefix.size() + 6 && name.compare(0, prefix.size(), prefix) == 0)
        candidates.push_back(name);
  }
  const auto before = fs::file_time_type::clock::now() - age;
  int removed = 0;
  std::vector<std::string> gone;
  for (const auto& name : candidates) {
    const auto path = folder / name;
    std::error_code ignored;
    const auto status = fs::symlink_status(path, ignored);
    if (ignored || !fs::exists(status)) {
      gone.push_back(name);  // renamed into place, or removed by another
      continue;
    }
    if (!fs::is_regular_file(status) || fs::last_write_time(path, ignored) >= before || ignored)
      continue;
    if (fs::remove(path, ignored)) ++removed, gone.push_back(name);
  }
  if (!gone.empty()) {
    std::lock_guard lock(listings_mutex);
    auto& names = listings[folder.string()].names;
    for (const auto& name : gone) std::erase(names, name);
  }
  return removed;
}

}  // namespace fiscgen
