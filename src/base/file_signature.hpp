// Whether a file may have changed since it was last read, told from its metadata alone.
#pragma once

#include <chrono>
#include <string>

namespace fiscgen {

/// A file's size, modification and change times and inode, as stat() gives them.
struct FileSignature {
  std::string text;      // "size:mtime:ctime:inode"; empty: the file cannot be stat'ed
  bool settled = false;  // last modified or changed more than settle_time ago
  static constexpr std::chrono::seconds settle_time{1};
  /// Whether the file is as it was when `earlier` was taken. Only a settled signature vouches
  /// for that: a file written within the clock's granularity of a look may change again and
  /// keep its times.
  bool unchanged_since(const FileSignature& earlier) const {
    return earlier.settled && !text.empty() && text == earlier.text;
  }
};

/// `file`'s signature (links followed, as opening it would), taken before its bytes are read:
/// a change during the read then changes the times, and the next look reads it again.
FileSignature file_signature(const std::string& file);

}  // namespace fiscgen
