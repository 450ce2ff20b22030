// Keys, explanations and the cache file.

#include "batch/cache.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/error.hpp"
#include "batch/json.hpp"
#include "pdf/atomic_file.hpp"
#include "pdf/sha256.hpp"
#include "rules/profile.hpp"

namespace fs = std::filesystem;

namespace fiscgen::batch {
namespace {

// Bumped when the meaning of a key changes, so that old caches simply miss.
constexpr const char* key_scheme = "fiscgen-batch-key/1";
constexpr int cache_format = 1;

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
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

std::string absolute_name(const fs::path& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal().string();
}

bool is_under(const fs::path& path, const fs::path& folder) {
  const auto relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
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

// The settings of a rules profile that changed between the bytes the cache kept and the file
// now. Empty when either cannot be read: the caller then names the profile only.
std::vector<std::string> changed_settings(const std::string& old_bytes, const fs::path& file) {
  std::string pattern = (fs::temp_directory_path() / "fiscgen-rules-XXXXXX").string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) return {};
  const bool written =
      ::write(fd, old_bytes.data(), old_bytes.size()) == static_cast<ssize_t>(old_bytes.size());
  ::close(fd);
  std::vector<std::string> changed;
  try {
    if (written)
      changed = setting_differences(rules::load_profile(pattern), rules::load_profile(file));
  } catch (const std::exception&) {
    changed.clear();
  }
  ::unlink(pattern.c_str());
  return changed;
}

std::string describe_change(const fs::path& file, const std::string& old_hash, bool removed,
                            const DataPaths& paths,
                            const std::map<std::string, std::string>& old_rules) {
  const std::string what = removed ? " removed" : " changed";
  const fs::path rules_dir = absolute_name(paths.rules());
  if (file.parent_path() == rules_dir && file.extension() == ".xml") {
    std::string text = "rules " + file.stem().string() + what;
    const auto old = old_rules.find(old_hash);
    if (!removed && old != old_rules.end()) {
      const auto settings = changed_settings(old->second, file);
      for (std::size_t i = 0; i < settings.size(); ++i) text += (i ? ", " : ": ") + settings[i];
    }
    return text;
  }
  if (file.extension() == ".res") return "locale bundle " + file.stem().string() + what;
  for (const fs::path root : {absolute_name(paths.forms), absolute_name(paths.letters)}) {
    if (!is_under(file, root)) continue;
    const auto shown = file.lexically_relative(root.parent_path()).generic_string();
    if (file.filename() == "recipients.xml") return "recipients directory " + shown + what;
    return "template " + shown + what;
  }
  const auto extension = file.extension().string();
  if (extension == ".ttf" || extension == ".otf" || extension == ".ttc" || extension == ".pfb")
    return "font " + file.string() + what;
  return "file " + file.string() + what;
}

json::Value to_json(const Entry& entry) {
  json::Value value = json::Value::object();
  value.set("key", entry.key);
  value.set("version", entry.version);
  value.set("rules", entry.rules);
  value.set("data", entry.data);
  value.set("source_date_epoch", entry.source_date_epoch);
  value.set("input", entry.input);
  value.set("pages", entry.pages);
  json::Value files = json::Value::object();
  for (const auto& [path, hash] : entry.files) files.set(path, hash);
  value.set("files", files);
  return value;
}

Entry from_json(const json::Value& value) {
  Entry entry;
  entry.key = value["key"].as_string();
  entry.version = value["version"].as_string();
  entry.rules = value["rules"].as_string();
  entry.data = value["data"].as_string();
  entry.source_date_epoch = value["source_date_epoch"].as_string();
  entry.input = value["input"].as_string();
  entry.pages = static_cast<int>(value["pages"].as_number());
  for (const auto& [path, hash] : value["files"].members()) entry.files[path] = hash.as_string();
  return entry;
}

struct Contents {
  std::map<std::string, Entry> entries;
  std::map<std::string, std::string> rules;
};

Contents read_cache(const fs::path& file) {
  Contents contents;
  const auto bytes = read_bytes(file);
  if (!bytes) return contents;
  try {
    const auto root = json::parse(*bytes);
    if (root["format"].as_number() != cache_format) return contents;
    for (const auto& [name, value] : root["entries"].members())
      contents.entries[name] = from_json(value);
    for (const auto& [hash, value] : root["rules"].members())
      contents.rules[hash] = value.as_string();
  } catch (const std::exception&) {
    return {};
  }
  return contents;
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
  const auto name = absolute_name(file);
  {
    std::lock_guard lock(mutex_);
    if (const auto found = known_.find(name); found != known_.end()) return found->second;
  }
  // Hashed outside the lock: two workers may both hash a file once, never wait on each other.
  const auto bytes = read_bytes(file);
  const std::string digest = bytes ? sha256_hex(*bytes) : "";
  std::lock_guard lock(mutex_);
  return known_.emplace(name, digest).first->second;
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
  field(input);
  for (const auto& [path, hash] : files) {
    field(path);
    field(hash);
  }
  return hex(sha.finish());
}

Context Context::current(const DataPaths& paths, const std::string& rules_override) {
  Context context;
  context.version = FISCGEN_VERSION;
  context.rules = rules_override;
  context.data = absolute_name(paths.forms) + "\n" + absolute_name(paths.letters) + "\n" +
                 absolute_name(paths.locales);
  for (const auto& folder : paths.templates) context.data += "\n" + absolute_name(folder);
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  context.source_date_epoch = epoch ? epoch : "";
  return context;
}

namespace {

/// A file of a --templates folder that now comes before `file` in the search order (an
/// override added since `file` was read), or empty. Its own hash cannot tell: it is unchanged.
fs::path overriding(const fs::path& file, const DataPaths& paths) {
  for (const fs::path builtin : {absolute_name(paths.forms), absolute_name(paths.letters)}) {
    std::vector<fs::path> roots;  // the order the template library searches in
    for (const auto& folder : paths.templates)
      roots.push_back(fs::path(absolute_name(folder)) / builtin.filename());
    roots.push_back(builtin);
    for (std::size_t i = 0; i < roots.size(); ++i) {
      if (!is_under(file, roots[i])) continue;
      const auto relative = file.lexically_relative(roots[i]);
      for (std::size_t earlier = 0; earlier < i; ++earlier) {
        std::error_code error;
        if (fs::is_regular_file(roots[earlier] / relative, error)) return roots[earlier] / relative;
      }
      return {};
    }
  }
  return {};
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
  if (entry->data != context.data) reasons.push_back("data folders changed");
  if (entry->source_date_epoch != context.source_date_epoch)
    reasons.push_back("SOURCE_DATE_EPOCH changed");
  if (entry->input != input_hash) reasons.push_back("input changed");
  for (const auto& [path, hash] : entry->files) {
    const auto now = hashes.of(path);
    if (now != hash) reasons.push_back(describe_change(path, hash, now.empty(), paths, old_rules));
    if (const auto override_file = overriding(path, paths); !override_file.empty())
      reasons.push_back("template " + override_file.string() + " now overrides " +
                        fs::path(path).filename().string());
  }
  return reasons;
}

Cache::Cache(fs::path file) : file_(std::move(file)) {
  auto contents = read_cache(file_);
  entries_ = std::move(contents.entries);
  rules_ = std::move(contents.rules);
}

std::string Cache::name_of(const fs::path& output) const {
  const auto folder = fs::path(absolute_name(file_)).parent_path();
  const auto relative = fs::path(absolute_name(output)).lexically_relative(folder);
  if (relative.empty() || *relative.begin() == "..") return absolute_name(output);
  return relative.generic_string();
}

const Entry* Cache::find(const std::string& name) const {
  const auto found = entries_.find(name);
  return found == entries_.end() ? nullptr : &found->second;
}

void Cache::record(const std::string& name, const Entry& entry,
                   const std::map<std::string, std::string>& rules_files) {
  std::lock_guard lock(mutex_);
  updated_[name] = entry;
  for (const auto& [path, bytes] : rules_files) new_rules_[sha256_hex(bytes)] = bytes;
  unsaved_ = true;
  if (std::chrono::steady_clock::now() - saved_at_ >= save_interval) save_locked();
}

void Cache::flush() {
  std::lock_guard lock(mutex_);
  if (unsaved_) save_locked();
}

void Cache::save_locked() {
  if (file_.has_parent_path()) fs::create_directories(file_.parent_path());
  FileLock lock(fs::path(file_).concat(".lock"));
  // Re-read under the lock: another shard may have recorded outputs since we started.
  auto contents = read_cache(file_);
  for (const auto& [name, entry] : updated_) contents.entries[name] = entry;
  for (const auto& [hash, bytes] : new_rules_) contents.rules[hash] = bytes;

  json::Value root = json::Value::object();
  root.set("format", cache_format);
  json::Value entries = json::Value::object();
  std::map<std::string, bool> used;
  for (const auto& [name, entry] : contents.entries) {
    entries.set(name, to_json(entry));
    for (const auto& [path, hash] : entry.files) used[hash] = true;
  }
  root.set("entries", entries);
  // Only the profiles some entry still names: the cache does not grow with every edit.
  json::Value rules = json::Value::object();
  for (const auto& [hash, bytes] : contents.rules)
    if (used.count(hash)) rules.set(hash, bytes);
  root.set("rules", rules);
  pdf::write_file_atomically(file_, root.dump(1));
  unsaved_ = false;
  saved_at_ = std::chrono::steady_clock::now();
}

}  // namespace fiscgen::batch
