// The cache file's contents held compactly: every (path, hash) pair and every context once,
// each entry naming them by number. A thousand letters read the same twenty templates, bundles
// and fonts; stored whole in each entry they made the cache (and a batch's memory) grow by
// kilobytes per document.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "batch/cache.hpp"

namespace fiscgen::batch::detail {

class Store {
 public:
  /// Adds or replaces the entry for `name`.
  void put(const std::string& name, const Entry& entry);
  /// The entry for `name`, whole again; nullopt when there is none.
  std::optional<Entry> get(const std::string& name) const;
  /// Puts every entry, rules profile and stat of `other` here (theirs win).
  void merge(const Store& other);
  bool empty() const { return entries_.empty() && rules.empty() && stats.empty(); }

  std::map<std::string, std::string> rules;  // hash → bytes of a rules profile
  std::map<std::string, FileStat> stats;     // absolute path → what it looked like, hashed

  /// The cache file's text (format 3): only the file versions, profiles and stats that some
  /// entry still names, so the file does not grow with every edit.
  std::string dump() const;
  /// Reads a cache file's text; throws std::exception when it is not format 3 or malformed.
  static Store parse(std::string_view text);

 private:
  using Context = std::array<std::string, 5>;  // version, rules, data, epoch, variant
  struct Stored {
    std::string key, input, date;
    std::uint32_t context = 0;
    std::vector<std::uint32_t> files;  // into files_
    int pages = 0;
  };
  using File = std::array<std::string, 3>;  // path, hash, name on the search path (or empty)
  std::uint32_t file_id(const File& file);
  std::uint32_t context_id(const Context& context);

  std::vector<File> files_;
  std::map<File, std::uint32_t> file_ids_;
  std::vector<Context> contexts_;
  std::map<Context, std::uint32_t> context_ids_;
  std::map<std::string, Stored> entries_;
};

}  // namespace fiscgen::batch::detail
