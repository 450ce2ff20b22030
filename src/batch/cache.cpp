// Keys, explanations and the cache file.

#include "batch/cache.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <utility>

#include "base/error.hpp"
#include "base/file_signature.hpp"
#include "base/sources.hpp"
#include "base/temporary_files.hpp"
#include "batch/cache_store.hpp"
#include "pdf/atomic_file.hpp"
#include "pdf/sha256.hpp"
#include "rules/profile.hpp"

namespace fs = std::filesystem;

namespace fiscgen::batch {
namespace {

/// The flags of a variant, in the order its text gives them: declared once, for writing the
/// text and for naming what changed in it.
std::array<std::pair<bool, const char*>, 3> variant_flags(const Variant& flags) {
  return {{{flags.public_version, "--public"},
           {flags.keep_pages, "--keep-pages"},
           {flags.draft, "--draft"}}};
}

/// Whether the flags' text (words separated by spaces) holds `option` as a word.
bool has_flag(const std::string& flags, const std::string& option) {
  std::istringstream words(flags);
  for (std::string word; words >> word;)
    if (word == option) return true;
  return false;
}

// Bumped when the meaning of a key changes, so that old caches simply miss.
// 3: files carry the name the search path found them by.
// 4: a rules profile is keyed by the version in force on the document's date.
constexpr const char* key_scheme = "fiscgen-batch-key/4";

std::string hex(const std::array<std::uint8_t, 32>& digest) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const auto byte : digest) {
    out += digits[byte >> 4];
    out += digits[byte & 15];
  }
  return out;
}

std::optional<std::string> read_bytes(const fs::path& file) {
  // One read of the whole file, where a stream read it 8 KB at a time (a font: 50 reads).
  auto read = read_file(file, std::numeric_limits<std::size_t>::max() / 2);
  if (read.outcome != FileRead::Outcome::read) return std::nullopt;
  return std::move(read.bytes);
}

std::string absolute_name(const fs::path& path) {
  return absolute_path(path).string();
}

// Asks rules:: for the settings that differ, when it offers rules::differences(); found by
// argument-dependent lookup at instantiation, so this compiles with or without it.
template <typename Profile>
std::vector<std::string> setting_differences(const Profile& before, const Profile& after) {
  if constexpr (requires { differences(before, after); })
    return std::vector<std::string>(differences(before, after));
  else
    return {};
}

// The settings of a rules profile that changed between the version the cache kept (its text,
// one version) and the version of the file now in force on `as_of`, led by the version that now
// applies when that changed ("2016-12-01 version now applies"). Empty when either cannot be
// read: the caller then names the profile only.
std::vector<std::string> changed_settings(const std::string& old_bytes, const fs::path& file,
                                          const std::string& as_of) {
  // Registered, so that a signal while profiles are compared leaves no copy in /tmp.
  TemporaryFile copy((fs::temp_directory_path() / "fiscgen-rules-XXXXXX").string());
  if (copy.fd() < 0) return {};
  const bool written = ::write(copy.fd(), old_bytes.data(), old_bytes.size()) ==
                       static_cast<ssize_t>(old_bytes.size());
  copy.close();
  const std::string pattern = copy.path();
  std::vector<std::string> changed;
  try {
    if (written) {
      const auto before = rules::load_profile(pattern);
      const auto after = rules::load_profile(file, as_of);
      changed = setting_differences(before, after);
      if (before.effective != after.effective && !after.effective.empty()) {
        // The version's own number and date are what "now applies" says already.
        std::erase_if(changed, [](const std::string& line) {
          return line.starts_with("version: ") || line.starts_with("effective: ");
        });
        changed.insert(changed.begin(), after.effective + " version now applies");
      }
    }
  } catch (const std::exception&) {
    changed.clear();
  }
  return changed;  // the destructor removes the copy
}

/// How reasons name a file found on the search path by `name`.
std::string what_is(const std::string& name) {
  const fs::path path(name);
  if (source_name::is_rules_profile(name)) return "rules " + path.stem().string();
  if (name == source_name::recipients) return "recipients directory " + name;
  if (name == source_name::markings) return "classification vocabulary " + name;
  if (name == source_name::citation_table) return "citation table " + name;
  if (name == source_name::case_names) return "case-name abbreviations " + name;
  return "template " + name;
}

std::string describe_change(const fs::path& file, const std::string& name,
                            const std::string& old_hash, bool removed,
                            const std::map<std::string, std::string>& old_rules,
                            const std::string& as_of) {
  const std::string what = removed ? " removed" : " changed";
  if (!name.empty()) {
    std::string text = what_is(name) + what;
    const auto old = old_rules.find(old_hash);
    if (source_name::is_rules_profile(name) && !removed && old != old_rules.end()) {
      auto settings = changed_settings(old->second, file, as_of);
      // "rules frap-32: 2016-12-01 version now applies: limit.words: 14000 → 13000"
      if (!settings.empty() && settings.front().ends_with("now applies")) {
        text = what_is(name) + ": " + settings.front();
        settings.erase(settings.begin());
      }
      for (std::size_t i = 0; i < settings.size(); ++i) text += (i ? ", " : ": ") + settings[i];
    }
    return text;
  }
  if (file.extension() == ".res") return "locale bundle " + file.stem().string() + what;
  const auto extension = file.extension().string();
  if (extension == ".ttf" || extension == ".otf" || extension == ".ttc" || extension == ".pfb")
    return "font " + file.string() + what;
  return "file " + file.string() + what;
}

// The cache as the file holds it now; empty when there is none or it cannot be trusted.
detail::Store read_store(const fs::path& file) {
  const auto bytes = read_bytes(file);
  if (!bytes) return {};
  try {
    return detail::Store::parse(*bytes);
  } catch (const std::exception&) {
    return {};
  }
}

// An exclusive flock on a file beside the cache, held for its lifetime: shards sharing an
// output folder take turns to merge their entries.
class FileLock {
 public:
  explicit FileLock(const fs::path& file) {
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0) return;  // a read-only folder fails at the write, with a clearer message
    while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  pdf::Sha256 sha;
  sha.update(bytes);
  return hex(sha.finish());
}

std::string FileHashes::of(const fs::path& file) {
  // Paths from the cache and a render's reads are absolute and plainly normal already: neither
  // getcwd() nor lexically_normal() (4K instructions, 19 times a batch letter) for them.
  const auto name = absolute_name(file);
  const FileStat* earlier = nullptr;
  {
    std::lock_guard lock(mutex_);
    if (const auto found = known_.find(name); found != known_.end()) return found->second;
    if (const auto found = earlier_.find(name); found != earlier_.end()) earlier = &found->second;
  }
  // Looked at before reading: a change during the read changes the times, and the next batch
  // reads the file again.
  const auto looked = file_signature(name);
  std::string digest;
  // A signature is kept only when settled (below), so an earlier one vouches for the bytes.
  if (earlier && looked.unchanged_since({earlier->signature, true})) {
    digest = earlier->hash;
  } else {
    // Hashed outside the lock: two workers may both hash a file once, never wait on each other.
    const auto bytes = read_bytes(file);
    digest = bytes ? sha256_hex(*bytes) : "";
  }
  std::lock_guard lock(mutex_);
  if (looked.settled && !digest.empty()) stats_[name] = {looked.text, digest};
  return known_.emplace(name, digest).first->second;
}

const FileHashes::Profile& FileHashes::profile(const fs::path& file, const std::string& as_of) {
  const auto name = absolute_name(file);
  // Which amendments are in force on `as_of` decides the version, and so its text and hash.
  const auto key_of = [&](const std::vector<std::string>& amendments) {
    std::string key = name + "\n";
    for (const auto& effective : amendments) key += as_of.empty() || effective <= as_of ? '1' : '0';
    return key;
  };
  const std::optional<std::string>* bytes = nullptr;
  {
    std::lock_guard lock(mutex_);
    const auto dates = amendments_.find(name);
    const auto found =
        profiles_.find(dates != amendments_.end() ? key_of(dates->second) : name + "\n" + as_of);
    if (found != profiles_.end()) return found->second;
    if (const auto found = profile_bytes_.find(name); found != profile_bytes_.end())
      bytes = &found->second;
  }
  // A profile's bytes are read once a batch, as every file's hash is (of()); each version in
  // force is resolved from them once.
  if (!bytes) {
    auto read = read_bytes(file);
    std::lock_guard lock(mutex_);
    bytes = &profile_bytes_.emplace(name, std::move(read)).first->second;
  }
  Profile resolved;
  std::vector<std::string> amendments;
  bool valid = false;
  if (*bytes) try {
      resolved.text = rules::resolved_profile_text(file, **bytes, as_of, &amendments);
      resolved.hash = sha256_hex(resolved.text);
      valid = true;
    } catch (const std::exception&) {
      // Not a valid profile: keyed by its bytes, so that fixing it re-renders.
      resolved.hash = sha256_hex(**bytes);
    }
  std::lock_guard lock(mutex_);
  // An unreadable or invalid profile is kept by its date, as it was.
  if (!valid) return profiles_.emplace(name + "\n" + as_of, std::move(resolved)).first->second;
  amendments_.emplace(name, amendments);
  return profiles_.emplace(key_of(amendments), std::move(resolved)).first->second;
}

std::map<std::string, FileStat> FileHashes::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

std::string Entry::compute_key() const {
  pdf::Sha256 sha;
  const auto field = [&sha](const std::string& text) {
    sha.update(std::to_string(text.size()) + ":");
    sha.update(text);
  };
  field(key_scheme);
  field(version);
  field(rules);
  field(data);
  field(source_date_epoch);
  field(variant);
  field(input);
  field(date);
  for (const auto& [path, hash] : files) {
    field(path);
    field(hash);
    const auto name = names.find(path);
    field(name == names.end() ? "" : name->second);
  }
  return hex(sha.finish());
}

Context Context::current(const DataPaths& paths, const std::string& rules_override,
                         const Variant& flags, const fs::path& exhibits) {
  Context context;
  for (const auto& [given, option] : variant_flags(flags))
    if (given) context.variant += (context.variant.empty() ? "" : " ") + std::string(option);
  // Last, so that explain() can tell it from the flags before it.
  if (!exhibits.empty())
    context.variant +=
        (context.variant.empty() ? "--exhibits " : " --exhibits ") + absolute_name(exhibits);
  context.version = FISCGEN_VERSION;
  context.rules = rules_override;
  context.data = absolute_name(paths.forms) + "\n" + absolute_name(paths.letters) + "\n" +
                 absolute_name(paths.locales);
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  context.source_date_epoch = epoch ? epoch : "";
  return context;
}

namespace {

/// Why a file found by `name` at `file` is not the one the search path finds now, or empty
/// when it still is. A file's own hash cannot tell: an override added beside it leaves it as it
/// was.
std::string moved(const std::string& name, const fs::path& file, const Sources& sources) {
  const auto now = sources.candidates(name);
  if (now.empty() || now.front() == file) return {};
  if (std::find(now.begin(), now.end(), file) != now.end())
    return what_is(name) + ": " + now.front().string() + " now overrides " + file.string();
  return what_is(name) + ": now read from " + now.front().string() + ", not " + file.string();
}

}  // namespace

std::vector<std::string> explain(const Entry* entry, const Context& context,
                                 const std::string& input_hash, bool output_exists,
                                 FileHashes& hashes, const DataPaths& paths,
                                 const std::map<std::string, std::string>& old_rules) {
  if (!entry) return {"new"};
  std::vector<std::string> reasons;
  if (entry->key != entry->compute_key()) return {"cache entry damaged"};
  if (!output_exists) reasons.push_back("output missing");
  if (entry->version != context.version) reasons.push_back("fiscgen version changed");
  if (entry->rules != context.rules) {
    if (context.rules.empty())
      reasons.push_back("--rules " + entry->rules + " no longer given");
    else if (entry->rules.empty())
      reasons.push_back("--rules " + context.rules + " given");
    else
      reasons.push_back("--rules changed from " + entry->rules + " to " + context.rules);
  }
  if (entry->variant != context.variant) {
    // "--public --keep-pages --draft --exhibits FOLDER": the flags, then the folder (which may
    // hold any word).
    const auto split = [](const std::string& variant) {
      const auto at = variant.find("--exhibits ");
      return at == std::string::npos ? std::pair{variant, std::string()}
                                     : std::pair{variant.substr(0, at), variant.substr(at + 11)};
    };
    const auto [flags_before, exhibits_before] = split(entry->variant);
    const auto [flags_now, exhibits_now] = split(context.variant);
    for (const auto& [given, name] : variant_flags({})) {
      const std::string option = name;
      const bool before = has_flag(flags_before, option), now = has_flag(flags_now, option);
      if (before != now) reasons.push_back(option + (now ? " given" : " no longer given"));
    }
    if (exhibits_before != exhibits_now)
      reasons.push_back(exhibits_now.empty() ? "--exhibits no longer given"
                                             : "exhibits read from " + exhibits_now);
  }
  if (entry->data != context.data) reasons.push_back("data folders changed");
  if (entry->source_date_epoch != context.source_date_epoch)
    reasons.push_back("SOURCE_DATE_EPOCH changed");
  if (entry->input != input_hash) reasons.push_back("input changed");
  const Sources sources(paths);
  for (const auto& [path, hash] : entry->files) {
    const auto named = entry->names.find(path);
    const std::string name = named == entry->names.end() ? "" : named->second;
    if (!name.empty())
      if (auto reason = moved(name, path, sources); !reason.empty()) {
        reasons.push_back(std::move(reason));
        continue;  // what the file now read says, its hash cannot
      }
    const bool profile = source_name::is_rules_profile(name);
    const auto now = profile ? hashes.profile(path, entry->date).hash : hashes.of(path);
    if (now != hash)
      reasons.push_back(describe_change(path, name, hash, now.empty(), old_rules, entry->date));
  }
  return reasons;
}

Cache::Cache(fs::path file)
    : file_(std::move(file)),
      start_(std::make_unique<detail::Store>(read_store(file_))),
      unsaved_(std::make_unique<detail::Store>()) {}

Cache::~Cache() = default;

const std::map<std::string, std::string>& Cache::rules_bytes() const {
  return start_->rules;
}

const std::map<std::string, FileStat>& Cache::stats() const {
  return start_->stats;
}

std::string Cache::name_of(const fs::path& output) const {
  const auto folder = fs::path(absolute_name(file_)).parent_path();
  const auto relative = fs::path(absolute_name(output)).lexically_relative(folder);
  if (relative.empty() || *relative.begin() == "..") return absolute_name(output);
  return relative.generic_string();
}

std::optional<Entry> Cache::find(const std::string& name) const {
  return start_->get(name);
}

void Cache::record(const std::string& name, const Entry& entry,
                   const std::map<std::string, std::string>& rules_texts) {
  std::lock_guard lock(mutex_);
  unsaved_->put(name, entry);
  for (const auto& [hash, text] : rules_texts) unsaved_->rules[hash] = text;
  if (std::chrono::steady_clock::now() - saved_at_ >= save_interval) save_locked();
}

void Cache::remember(const std::map<std::string, FileStat>& stats) {
  std::lock_guard lock(mutex_);
  for (const auto& [path, stat] : stats) unsaved_->stats[path] = stat;
}

void Cache::flush() {
  std::lock_guard lock(mutex_);
  if (!unsaved_->empty()) save_locked();
}

void Cache::save_locked() {
  if (file_.has_parent_path()) fs::create_directories(file_.parent_path());
  FileLock lock(fs::path(file_).concat(".lock"));
  // Re-read under the lock: another shard may have recorded outputs since we started.
  auto contents = read_store(file_);
  contents.merge(*unsaved_);
  pdf::write_file_atomically(file_, contents.dump());
  unsaved_ = std::make_unique<detail::Store>();
  saved_at_ = std::chrono::steady_clock::now();
}

}  // namespace fiscgen::batch
