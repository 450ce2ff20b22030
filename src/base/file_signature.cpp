#include "base/file_signature.hpp"

#include <sys/stat.h>

#include <algorithm>

namespace fiscgen {

FileSignature file_signature(const std::string& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return {};
  const auto ns = [](const timespec& t) {
    return std::to_string(static_cast<long long>(t.tv_sec) * 1000000000LL + t.tv_nsec);
  };
  FileSignature signature;
  signature.text = std::to_string(info.st_size) + ":" + ns(info.st_mtim) + ":" + ns(info.st_ctim) +
                   ":" + std::to_string(info.st_ino);
  // Whole nanoseconds: cut to seconds, a file written at 9.95 s would count as settled at 10.01.
  const auto since_epoch = [](const timespec& t) {
    return std::chrono::seconds{t.tv_sec} + std::chrono::nanoseconds{t.tv_nsec};
  };
  const auto newest = std::max(since_epoch(info.st_mtim), since_epoch(info.st_ctim));
  signature.settled =
      std::chrono::system_clock::now().time_since_epoch() - newest > FileSignature::settle_time;
  return signature;
}

}  // namespace fiscgen
