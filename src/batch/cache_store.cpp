// The cache file, format 3:
//   {"format": 3, "contexts": [[version, rules, data, epoch, variant], …],
//    "files": [[path, hash, name], …],   (name: on the search path, "" for fonts, bundles, …)
//    "entries": {name: {"key", "input", "context": i, "files": "i i …", "pages"}, …},
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
constexpr int format = 3;

std::uint32_t index_of(const json::Value& value, std::size_t limit) {
  const double number = value.as_number();
  if (!value.is(json::Value::Kind::number) || number < 0 || number >= static_cast<double>(limit))
    throw std::runtime_error("cache: an index out of range");
  return static_cast<std::uint32_t>(number);
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
           ", \"input\": " + json::quote(stored.input) +
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
  const auto root = json::parse(text);
  if (root["format"].as_number() != format) throw std::runtime_error("cache: another format");
  Store store;
  std::vector<std::uint32_t> contexts, files;
  for (const auto& item : root["contexts"].items()) {
    const auto& strings = item.items();
    if (strings.size() != 5) throw std::runtime_error("cache: a context is not 5 strings");
    contexts.push_back(
        store.context_id({strings[0].as_string(), strings[1].as_string(), strings[2].as_string(),
                          strings[3].as_string(), strings[4].as_string()}));
  }
  for (const auto& item : root["files"].items()) {
    const auto& strings = item.items();
    if (strings.size() != 3) throw std::runtime_error("cache: a file is not 3 strings");
    files.push_back(
        store.file_id({strings[0].as_string(), strings[1].as_string(), strings[2].as_string()}));
  }
  for (const auto& [name, value] : root["entries"].members()) {
    Stored stored;
    stored.key = value["key"].as_string();
    stored.input = value["input"].as_string();
    stored.pages = static_cast<int>(value["pages"].as_number());
    stored.context = contexts[index_of(value["context"], contexts.size())];
    std::istringstream ids(value["files"].as_string());
    for (double id = 0; ids >> id;)
      stored.files.push_back(files[index_of(json::Value(id), files.size())]);
    if (!ids.eof()) throw std::runtime_error("cache: a list of files is not numbers");
    store.entries_[name] = std::move(stored);
  }
  for (const auto& [hash, bytes] : root["rules"].members()) store.rules[hash] = bytes.as_string();
  for (const auto& [path, value] : root["stats"].members())
    if (value.items().size() == 2)
      store.stats[path] = {value.items()[0].as_string(), value.items()[1].as_string()};
  return store;
}

}  // namespace fiscgen::batch::detail
