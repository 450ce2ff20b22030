// The cache file, format 4:
//   {"format": 3, "contexts": [[version, rules, data, epoch, variant], …],
//    "files": [[path, hash, name], …],   (name: on the search path, "" for fonts, bundles, …)
//    "entries": {name: {"key", "input", "date", "context": i, "files": "i i …", "pages"}, …},
//    "rules": {hash: bytes, …}, "stats": {path: [signature, hash], …}}
// Written as text directly: a value tree of the whole file cost more memory than the entries.

#include "batch/cache_store.hpp"

#include <set>
#include <sstream>
#include <stdexcept>

#include "batch/json.hpp"

namespace fiscgen::batch::detail {
namespace {

// 3: a file's name on the search path; a format 2 cache is read as none (all rendered again).
// 4: an entry's date (the rules profile's version is chosen by it).
constexpr int format = 4;

std::uint32_t index_of(double number, std::size_t limit) {
  if (number < 0 || number >= static_cast<double>(limit) ||
      number != static_cast<std::uint32_t>(number))
    throw std::runtime_error("cache: an index out of range");
  return static_cast<std::uint32_t>(number);
}

/// The strings of `item`, which must be an array of exactly `count` of them.
std::vector<std::string> strings_of(const json::Value& item, std::size_t count) {
  if (!item.is_array() || item.size() != count)
    throw std::runtime_error("cache: expected " + std::to_string(count) + " strings");
  std::vector<std::string> strings;
  for (const auto& value : item) strings.push_back(value.get<std::string>());
  return strings;
}

}  // namespace

std::uint32_t Store::file_id(const File& file) {
  const auto [it, added] = file_ids_.emplace(file, static_cast<std::uint32_t>(files_.size()));
  if (added) files_.push_back(file);
  return it->second;
}

std::uint32_t Store::context_id(const Context& context) {
  const auto [it, added] =
      context_ids_.emplace(context, static_cast<std::uint32_t>(contexts_.size()));
  if (added) contexts_.push_back(context);
  return it->second;
}

void Store::put(const std::string& name, const Entry& entry) {
  Stored stored;
  stored.key = entry.key;
  stored.input = entry.input;
  stored.date = entry.date;
  stored.pages = entry.pages;
  stored.context =
      context_id({entry.version, entry.rules, entry.data, entry.source_date_epoch, entry.variant});
  stored.files.reserve(entry.files.size());
  for (const auto& [path, hash] : entry.files) {
    const auto name = entry.names.find(path);
    stored.files.push_back(file_id({path, hash, name == entry.names.end() ? "" : name->second}));
  }
  entries_[name] = std::move(stored);
}

std::optional<Entry> Store::get(const std::string& name) const {
  const auto found = entries_.find(name);
  if (found == entries_.end()) return std::nullopt;
  const Stored& stored = found->second;
  Entry entry;
  const Context& context = contexts_[stored.context];
  entry.version = context[0];
  entry.rules = context[1];
  entry.data = context[2];
  entry.source_date_epoch = context[3];
  entry.variant = context[4];
  entry.input = stored.input;
  entry.date = stored.date;
  entry.key = stored.key;
  entry.pages = stored.pages;
  for (const auto id : stored.files) {
    const auto& [path, hash, name] = files_[id];
    entry.files.emplace(path, hash);
    if (!name.empty()) entry.names.emplace(path, name);
  }
  return entry;
}

void Store::merge(const Store& other) {
  for (const auto& [name, stored] : other.entries_) put(name, *other.get(name));
  for (const auto& [hash, bytes] : other.rules) rules[hash] = bytes;
  for (const auto& [path, stat] : other.stats) stats[path] = stat;
}

std::string Store::dump() const {
  // Number again only what the entries use: versions of files no entry names are dropped.
  std::vector<std::uint32_t> file_number(files_.size(), UINT32_MAX),
      context_number(contexts_.size(), UINT32_MAX);
  std::vector<std::uint32_t> files_used, contexts_used;
  for (const auto& [name, stored] : entries_) {
    if (context_number[stored.context] == UINT32_MAX) {
      context_number[stored.context] = static_cast<std::uint32_t>(contexts_used.size());
      contexts_used.push_back(stored.context);
    }
    for (const auto id : stored.files)
      if (file_number[id] == UINT32_MAX) {
        file_number[id] = static_cast<std::uint32_t>(files_used.size());
        files_used.push_back(id);
      }
  }
  std::set<std::string> paths_used, hashes_used;
  for (const auto id : files_used) {
    paths_used.insert(files_[id][0]);
    hashes_used.insert(files_[id][1]);
  }

  std::string out = "{\n \"format\": " + std::to_string(format) + ",\n \"contexts\": [";
  const char* comma = "";
  for (const auto id : contexts_used) {
    out += comma;
    out += "\n  [";
    for (std::size_t i = 0; i < contexts_[id].size(); ++i)
      out += (i ? ", " : "") + json::quote(contexts_[id][i]);
    out += "]";
    comma = ",";
  }
  out += "],\n \"files\": [";
  comma = "";
  for (const auto id : files_used) {
    out += comma;
    out += "\n  [" + json::quote(files_[id][0]) + ", " + json::quote(files_[id][1]) + ", " +
           json::quote(files_[id][2]) + "]";
    comma = ",";
  }
  out += "],\n \"entries\": {";
  comma = "";
  for (const auto& [name, stored] : entries_) {
    out += comma;
    out += "\n  " + json::quote(name) + ": {\"key\": " + json::quote(stored.key) +
           ", \"input\": " + json::quote(stored.input) + ", \"date\": " + json::quote(stored.date) +
           ", \"context\": " + std::to_string(context_number[stored.context]) +
           ", \"pages\": " + std::to_string(stored.pages) + ", \"files\": \"";
    // One string, not an array: a parsed array costs a value per number.
    for (std::size_t i = 0; i < stored.files.size(); ++i)
      out += (i ? " " : "") + std::to_string(file_number[stored.files[i]]);
    out += "\"}";
    comma = ",";
  }
  out += "},\n \"rules\": {";
  comma = "";
  // Only the profiles some entry still names: the cache does not grow with every edit.
  for (const auto& [hash, bytes] : rules) {
    if (!hashes_used.count(hash)) continue;
    out += comma;
    out += "\n  " + json::quote(hash) + ": " + json::quote(bytes);
    comma = ",";
  }
  out += "},\n \"stats\": {";
  comma = "";
  for (const auto& [path, stat] : stats) {
    out += comma;
    out += "\n  " + json::quote(path) + ": [" + json::quote(stat.signature) + ", " +
           json::quote(stat.hash) + "]";
    comma = ",";
  }
  out += "}\n}\n";
  return out;
}

Store Store::parse(std::string_view text) {
  // Anything unexpected (a missing member, a value of the wrong kind) throws, from here or
  // from nlohmann-json: the cache is then not trusted at all.
  const auto root = json::Value::parse(text);
  if (!root.is_object() || root.at("format").get<double>() != format)
    throw std::runtime_error("cache: another format");
  Store store;
  std::vector<std::uint32_t> contexts, files;
  for (const auto& item : root.at("contexts")) {
    const auto c = strings_of(item, 5);
    contexts.push_back(store.context_id({c[0], c[1], c[2], c[3], c[4]}));
  }
  for (const auto& item : root.at("files")) {
    const auto f = strings_of(item, 3);
    files.push_back(store.file_id({f[0], f[1], f[2]}));
  }
  for (const auto& [name, value] : root.at("entries").items()) {
    Stored stored;
    stored.key = value.at("key").get<std::string>();
    stored.input = value.at("input").get<std::string>();
    stored.date = value.at("date").get<std::string>();
    stored.pages = value.at("pages").get<int>();
    stored.context = contexts[index_of(value.at("context").get<double>(), contexts.size())];
    std::istringstream ids(value.at("files").get<std::string>());
    for (double id = 0; ids >> id;) stored.files.push_back(files[index_of(id, files.size())]);
    if (!ids.eof()) throw std::runtime_error("cache: a list of files is not numbers");
    store.entries_[name] = std::move(stored);
  }
  for (const auto& [hash, bytes] : root.at("rules").items())
    store.rules[hash] = bytes.get<std::string>();
  for (const auto& [path, value] : root.at("stats").items())
    if (value.is_array() && value.size() == 2)
      store.stats[path] = {value[0].get<std::string>(), value[1].get<std::string>()};
  return store;
}

}  // namespace fiscgen::batch::detail
