// What each output was made from, so that the next batch can skip it or say why not.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/data_paths.hpp"

namespace fiscgen::batch {

/// What a file looked like when it was hashed: its size, modification and change times (ns)
/// and inode, and the hash of its bytes then.
struct FileStat {
  std::string signature;  // "size:mtime:ctime:inode"
  std::string hash;
};

/// Hex SHA-256 of files, each read once per batch however many documents use it. Thread-safe.
/// Given the stats of an earlier batch, a file whose size, times and inode are all unchanged
/// keeps its hash without being read (the no-change re-run reads no input, template or font);
/// any difference, `touch` included, reads and hashes it again, so the content decides.
class FileHashes {
 public:
  FileHashes() = default;
  explicit FileHashes(std::map<std::string, FileStat> earlier) : earlier_(std::move(earlier)) {}

  /// The digest of `file`'s bytes; empty when it cannot be read.
  std::string of(const std::filesystem::path& file);
  /// A rules profile as in force on `as_of` (the document's date; empty: its latest version):
  /// the text of that one version (rules::resolved_profile_text) and its digest. What a batch
  /// key holds for a profile, so that an amendment re-renders only the documents dated on or
  /// after it. Empty when the file cannot be read or is not a valid profile.
  struct Profile {
    std::string hash, text;
  };
  const Profile& profile(const std::filesystem::path& file, const std::string& as_of);
  /// The stats of the files hashed so far, for the next batch. A file modified in the last
  /// second is left out: a change within the clock's granularity could keep its times.
  std::map<std::string, FileStat> stats() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> known_;
  std::map<std::string, FileStat> earlier_;
  std::map<std::string, FileStat> stats_;
  // By "path\n" and which of the file's amendments are in force ('1' or '0' each, in the
  // file's order): documents of different dates share a version.
  std::map<std::string, Profile> profiles_;
  std::map<std::string, std::optional<std::string>> profile_bytes_;  // by path; none: unreadable
  std::map<std::string, std::vector<std::string>> amendments_;       // by path, of a valid profile
};

/// Hex SHA-256 of bytes in memory.
std::string sha256_hex(std::string_view bytes);

/// What an output was rendered from. Two entries with the same key made the same PDF.
struct Entry {
  std::string version;            // FISCGEN_VERSION
  std::string rules;              // the --rules override, empty for none
  std::string data;               // the data folders (forms, letters, locales)
  std::string source_date_epoch;  // the PDF's dates may come from it
  std::string variant;            // "--public", "--public --keep-pages", "--draft", … or empty
  std::string input;              // hash of the input's bytes
  /// The date the rules profile's version was chosen by (the input's <date>); empty: latest.
  std::string date;
  std::map<std::string, std::string> files;  // absolute path → hash of every file read
  /// absolute path → the name the search path found it by ("forms/rules/fisc-2010.xml"), for
  /// the files found so; the next batch looks each name up again to see it overridden.
  std::map<std::string, std::string> names;
  int pages = 0;
  std::string key;  // over all of the above but pages; see compute_key()

  /// SHA-256 over the fields, each length-prefixed so that no two entries collide by
  /// shifting text from one field into the next.
  std::string compute_key() const;
};

/// The flags that change every PDF of a batch, as render has them.
struct Variant {
  bool public_version = false;  // --public
  bool keep_pages = false;      // --keep-pages (with --public)
  bool draft = false;           // --draft
};

/// What the current run would put in an entry, before knowing the files read.
struct Context {
  std::string version, rules, data, source_date_epoch, variant;
  /// The state of this process: FISCGEN_VERSION, $SOURCE_DATE_EPOCH, the data folders; and
  /// the options that change every PDF (--rules, --public, --keep-pages, --draft, --exhibits).
  /// Not the --templates folders: what they change is seen file by file, in each entry's names.
  static Context current(const DataPaths& paths, const std::string& rules_override,
                         const Variant& flags = {}, const std::filesystem::path& exhibits = {});
};

/// Why the output of `entry` is out of date, in words ("input changed", "template
/// forms/fisc/caption.xml changed", "rules fisc-2010 changed: margins.left", "rules fisc-2010:
/// FIRM/forms/rules/fisc-2010.xml now overrides DATA/forms/rules/fisc-2010.xml"); empty when it
/// is up to date. Each named file is looked up again on the search path of `paths`. `entry` null:
/// never rendered. `old_rules` gives the bytes a rules profile had (by hash) so the settings that
/// changed can be named.
std::vector<std::string> explain(const Entry* entry, const Context& context,
                                 const std::string& input_hash, bool output_exists,
                                 FileHashes& hashes, const DataPaths& paths,
                                 const std::map<std::string, std::string>& old_rules);

/// The cache file: one entry per output, named by the output's path relative to the cache's
/// folder, and the bytes of every rules profile an entry names (to diff them later).
/// The file is rewritten atomically under an flock(2), merging what other processes (other
/// shards) wrote meanwhile: by record() at most every `save_interval`, and by flush(). Rewriting
/// it after every document made a batch quadratic (1,100 documents: 1,100 writes of up to 3 MB);
/// an interrupted batch calls flush(), and a killed one renders at most that interval again.
namespace detail {
class Store;
}

class Cache {
 public:
  /// Reads `file` if it exists. A cache that cannot be parsed is ignored (everything is
  /// rendered again), never trusted in part.
  explicit Cache(std::filesystem::path file);
  ~Cache();
  Cache(const Cache&) = delete;
  Cache& operator=(const Cache&) = delete;

  const std::filesystem::path& file() const { return file_; }
  /// The name an output is recorded under.
  std::string name_of(const std::filesystem::path& output) const;
  /// The entry for `name` as it was when the batch started; nullopt when there is none.
  std::optional<Entry> find(const std::string& name) const;
  /// Rules profile bytes by hash, as the cache held them when the batch started.
  const std::map<std::string, std::string>& rules_bytes() const;
  /// The stats of the files hashed by earlier batches, for FileHashes.
  const std::map<std::string, FileStat>& stats() const;
  /// Records `entry` for `name` and writes the cache. `rules_texts` are the rules profiles it
  /// read, by their hash (FileHashes::Profile's). Thread-safe.
  void record(const std::string& name, const Entry& entry,
              const std::map<std::string, std::string>& rules_texts);
  /// Keeps `stats` (FileHashes::stats()) for the next batch, at the next write. Thread-safe.
  void remember(const std::map<std::string, FileStat>& stats);
  /// Writes what record() has not written yet. Thread-safe.
  void flush();

  static constexpr std::chrono::milliseconds save_interval{500};

 private:
  void save_locked();

  std::filesystem::path file_;
  std::unique_ptr<detail::Store> start_;  // as read at the start
  std::mutex mutex_;
  // Recorded by this run and not yet written: emptied by every write, so a batch holds no
  // more per document than the start's compact entries.
  std::unique_ptr<detail::Store> unsaved_;
  std::chrono::steady_clock::time_point saved_at_{};
};

}  // namespace fiscgen::batch
