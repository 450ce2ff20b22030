#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <map>
#include <set>

#include "cli/command.hpp"

namespace fiscgen::cli {

void wait_for_change(const std::vector<std::filesystem::path>& files) {
  namespace fs = std::filesystem;
  const int fd = inotify_init1(IN_CLOEXEC);
  if (fd < 0) throw Error("--watch: cannot watch files (inotify): the system refused");
  std::map<int, fs::path> folders;                    // watch descriptor → folder
  std::set<std::pair<fs::path, std::string>> wanted;  // folder, file name
  for (const auto& file : files) {
    std::error_code ec;
    const auto absolute = fs::absolute(file, ec).lexically_normal();
    const auto folder = absolute.parent_path();
    wanted.emplace(folder, absolute.filename().string());
    const int wd =
        inotify_add_watch(fd, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB);
    if (wd >= 0) folders[wd] = folder;
  }
  alignas(inotify_event) char buffer[8192];
  for (bool changed = false; !changed;) {
    const auto n = read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    for (char* at = buffer; at < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      if (event->len && wanted.count({folders[event->wd], event->name})) changed = true;
      at += sizeof(inotify_event) + event->len;
    }
  }
  // An editor may write in several steps: let them finish before rendering again.
  pollfd settle{fd, POLLIN, 0};
  while (poll(&settle, 1, 100) > 0 && read(fd, buffer, sizeof buffer) > 0) {
  }
  close(fd);
}

}  // namespace fiscgen::cli
