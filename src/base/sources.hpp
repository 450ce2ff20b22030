// The one search path for fiscgen's data files, and the record of what a document read through
// it (design §2: as Typst's World). Batch keys and --explain are taken from that record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/data_paths.hpp"

namespace fiscgen {

/// The names, relative to the data folder, of the data files every document may read.
namespace source_name {
inline constexpr const char* recipients = "letters/recipients.xml";
inline constexpr const char* markings = "forms/markings.xml";
inline constexpr const char* citation_table = "forms/cite/reporters.xml";
inline constexpr const char* case_names = "forms/cite/case-names.xml";  // T6 and T10
inline constexpr const char* rules_folder = "forms/rules";
/// "forms/rules/NAME.xml".
std::string rules_profile(const std::string& profile);
/// Whether `name` names a file in forms/rules/ (not in a folder below it): a rules profile.
bool is_rules_profile(std::string_view name);
}  // namespace source_name

/// A file read for a document.
struct SourceRead {
  /// The name it was found by on the search path ("forms/rules/fisc-2010.xml"); empty for a
  /// file named by its path (a font, a locale bundle, an exhibit).
  std::string name;
  std::filesystem::path file;  // absolute and normal
};

/// Resolves names such as "forms/rules/fisc-2010.xml" or "letters/recipients.xml": each
/// --templates folder, in the order given, then the data folder; the first that holds the file
/// wins. Every file a document reads is read here and recorded, once; its bytes are kept, so a
/// file read twice (the input of a document that counts its own words) is read once and cannot
/// change in between. Tests hand in files with provide() instead of writing folders. One per
/// document (not shared between threads).
class Sources {
 public:
  explicit Sources(DataPaths paths);

  const DataPaths& paths() const { return paths_; }

  /// The folders searched for names under `kind` ("forms" or "letters"), in order.
  std::vector<std::filesystem::path> roots(const std::string& kind) const;
  /// Every file on the search path that `name` names, in the order searched: the first is the
  /// one read, the others it overrides. Empty for a name with "..", or absolute.
  std::vector<std::filesystem::path> candidates(const std::string& name) const;
  /// The file `name` resolves to; empty when no folder holds it.
  std::filesystem::path find(const std::string& name) const;
  /// Whether `file` lies in a --templates folder rather than the data folder.
  bool overrides(const std::filesystem::path& file) const;
  /// How messages name a file read by `name`: the name for the data folder's own ("letters/
  /// recipients.xml"), the path for a user's (they must know which of their files it is).
  std::string shown(const std::string& name, const std::filesystem::path& file) const;

  /// Resolves `name` and records it as read. An Error naming `what` when no folder holds it.
  std::filesystem::path open(const std::string& name, const std::string& what);
  /// The bytes of `name`, resolved and recorded as open() does.
  const std::string& read(const std::string& name, const std::string& what);
  /// The same, or null when no folder holds it (nothing recorded). Each folder's file is opened
  /// rather than stat'ed first: a system call less per file.
  const std::string* read_found(const std::string& name);
  /// The bytes of `file`, named by its path (the input), recorded as read. A folder, an
  /// unreadable file or one of more than `limit` bytes is an Error naming `file`; at most one
  /// byte past the limit is read, so an endless device is refused, not read into memory.
  const std::string& bytes(const std::filesystem::path& file, std::size_t limit = default_limit);
  /// Hands in `file` with `bytes`: found and read as if it were on disk, disk not looked at.
  void provide(const std::filesystem::path& file, std::string bytes);

  /// What bytes() reads at most unless told: the size of the largest data file fiscgen reads.
  static constexpr std::size_t default_limit = std::size_t{16} << 20;
  /// Records `file`, found by `name` (empty: named by its path), as read.
  void record(const std::string& name, const std::filesystem::path& file);

  /// The files named "FOLDER/…EXTENSION" in any folder of the search path ("forms/rules",
  /// ".xml"), as file names, sorted, each once.
  std::vector<std::string> list(const std::string& folder, const std::string& extension) const;

  /// Everything recorded, in the order first read, each file once.
  const std::vector<SourceRead>& reads() const { return reads_; }

 private:
  /// Whether `file` is handed in or a regular file on disk.
  bool exists(const std::filesystem::path& file) const;
  /// record() for a path absolute_path() gave already.
  void record_absolute(const std::string& name, const std::filesystem::path& absolute);

  DataPaths paths_;
  std::vector<SourceRead> reads_;
  // The files of reads_, as strings: absolute and lexically normal, two paths are one file when
  // their strings are equal (comparing paths component by component was 1% of a letter).
  std::set<std::string> recorded_;
  // Handed in, or read; by absolute path as a string, compared whole (std::filesystem::path's
  // comparison goes component by component: a third of reading a letter's template files).
  std::map<std::string, std::string> contents_;
};

/// "the file is N bytes; fiscgen reads at most LIMIT (… MiB)".
std::string too_big_message(std::size_t bytes, std::size_t limit);

/// `path` absolute and lexically normal: how files are recorded and compared.
std::filesystem::path absolute_path(const std::filesystem::path& path);

/// The working folder, asked of the system once: fiscgen never changes it, and a batch would
/// otherwise ask for it (getcwd) at every relative path it makes absolute.
const std::filesystem::path& working_folder();

/// A whole file as one open, one fstat, usually one read and one close.
struct FileRead {
  enum class Outcome { read, folder, failed, too_big } outcome = Outcome::failed;
  std::string bytes;
  bool regular = false;     // a regular file (not a device, a pipe or a folder)
  int error = 0;            // errno, when failed
  std::uintmax_t size = 0;  // the file's size, when too big
};
/// Reads at most `limit` bytes of `file` (one byte past it, to see a bigger one; an endless
/// device is never read into memory).
FileRead read_file(const std::filesystem::path& file, std::size_t limit);

}  // namespace fiscgen
