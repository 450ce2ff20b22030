#include "base/sources.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "base/error.hpp"

namespace fiscgen {
namespace fs = std::filesystem;

std::string source_name::rules_profile(const std::string& profile) {
  return std::string(rules_folder) + "/" + profile + ".xml";
}

bool source_name::is_rules_profile(std::string_view name) {
  // As fs::path(name).parent_path() == rules_folder, without making a path: asked for every
  // file every document of a batch read.
  const std::string_view folder = rules_folder;
  if (name.size() <= folder.size() || name.substr(0, folder.size()) != folder ||
      name[folder.size()] != '/')
    return false;
  const auto file = name.find_first_not_of('/', folder.size());  // "forms/rules//a" is a path too
  return file == std::string_view::npos || name.find('/', file) == std::string_view::npos;
}

std::string too_big_message(std::size_t bytes, std::size_t limit) {
  return "the file is " + std::to_string(bytes) + " bytes; fiscgen reads at most " +
         std::to_string(limit) + " (" + std::to_string(limit >> 20) + " MiB)";
}

const fs::path& working_folder() {
  static const fs::path folder = [] {
    std::error_code ec;
    return fs::current_path(ec);
  }();
  return folder;
}

namespace {

/// Whether an absolute path is lexically normal already: no "." or ".." component and no
/// doubled separator. Cheaper than lexically_normal(), which a batch letter ran 300 times.
bool plainly_normal(const std::string& text) {
  const auto ends_with = [&](std::string_view end) {
    return text.size() >= end.size() &&
           text.compare(text.size() - end.size(), end.size(), end) == 0;
  };
  return text.find("//") == std::string::npos && text.find("/./") == std::string::npos &&
         text.find("/../") == std::string::npos && !ends_with("/.") && !ends_with("/..");
}

/// absolute_path(`path`), without copying it when it is absolute and normal already (as the
/// files found on the search path are): `storage` holds the answer otherwise. A path's copy
/// copies its list of components too.
const fs::path& absolute_in(const fs::path& path, fs::path& storage) {
  if (path.is_absolute() && plainly_normal(path.native())) return path;
  return storage = absolute_path(path);
}

}  // namespace

fs::path absolute_path(const fs::path& path) {
  if (path.is_absolute()) return plainly_normal(path.native()) ? path : path.lexically_normal();
  if (path.empty() || working_folder().empty()) {
    std::error_code ec;
    return fs::absolute(path, ec).lexically_normal();
  }
  return (working_folder() / path).lexically_normal();
}

FileRead read_file(const fs::path& file, std::size_t limit) {
  FileRead result;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.error = errno;
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    result.error = errno;
  } else if (S_ISDIR(info.st_mode)) {
    result.outcome = FileRead::Outcome::folder;
  } else {
    // Room for the whole file and one byte more: a read that stops short at the size fstat
    // gave is the file's end, so a file is read whole by one read(). A device or a pipe
    // (size 0) is read in chunks.
    const bool regular = result.regular = S_ISREG(info.st_mode);
    const auto size = static_cast<std::size_t>(info.st_size);
    std::size_t chunk = regular ? size + 1 : std::size_t{1} << 16;
    result.outcome = FileRead::Outcome::read;
    for (;;) {
      const std::size_t used = result.bytes.size();
      const std::size_t room = std::min(chunk, limit + 1 - used);
      result.bytes.resize(used + room);
      const auto got = ::read(fd, result.bytes.data() + used, room);
      if (got < 0) {
        result.bytes.resize(used);
        if (errno == EINTR) continue;
        result.outcome = FileRead::Outcome::failed, result.error = errno;
        break;
      }
      result.bytes.resize(used + static_cast<std::size_t>(got));
      if (result.bytes.size() > limit) {
        result.outcome = FileRead::Outcome::too_big;
        result.size = std::max<std::uintmax_t>(size, result.bytes.size());
        break;
      }
      if (got == 0 ||
          (regular && static_cast<std::size_t>(got) < room && result.bytes.size() == size))
        break;
      chunk = std::size_t{1} << 16;
    }
    if (result.outcome != FileRead::Outcome::read) result.bytes.clear();
  }
  ::close(fd);
  return result;
}

namespace {

/// "forms/rules/x.xml" → {"forms", "rules/x.xml"}; empty kind for a name that could leave the
/// search path (absolute, or with "..").
std::pair<std::string, fs::path> split(const std::string& name) {
  const fs::path path = fs::path(name).lexically_normal();
  if (path.empty() || path.is_absolute()) return {};
  for (const auto& part : path)
    if (part == "..") return {};
  const std::string kind = path.begin()->string();
  if (kind != "forms" && kind != "letters") return {};
  return {kind, path.lexically_relative(kind)};
}

bool is_under(const fs::path& file, const fs::path& folder) {
  const auto relative = file.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

Sources::Sources(DataPaths paths) : paths_(std::move(paths)) {}

std::vector<fs::path> Sources::roots(const std::string& kind) const {
  std::vector<fs::path> roots;
  for (const auto& folder : paths_.templates) roots.push_back(absolute_path(folder / kind));
  roots.push_back(absolute_path(kind == "letters" ? paths_.letters : paths_.forms));
  return roots;
}

std::vector<fs::path> Sources::candidates(const std::string& name) const {
  const auto [kind, rest] = split(name);
  if (kind.empty()) return {};
  std::vector<fs::path> found;
  for (const auto& root : roots(kind))
    if (exists(root / rest)) found.push_back(root / rest);
  return found;
}

fs::path Sources::find(const std::string& name) const {
  const auto [kind, rest] = split(name);
  if (kind.empty()) return {};
  for (const auto& root : roots(kind))
    if (exists(root / rest)) return root / rest;
  return {};
}

bool Sources::exists(const fs::path& file) const {
  std::error_code ec;
  return contents_.count(absolute_path(file).native()) > 0 || fs::is_regular_file(file, ec);
}

bool Sources::overrides(const fs::path& file) const {
  return std::any_of(paths_.templates.begin(), paths_.templates.end(),
                     [&](const fs::path& folder) { return is_under(file, absolute_path(folder)); });
}

std::string Sources::shown(const std::string& name, const fs::path& file) const {
  return overrides(file) ? file.string() : name;
}

fs::path Sources::open(const std::string& name, const std::string& what) {
  auto file = find(name);
  if (file.empty()) {
    const auto [kind, rest] = split(name);
    std::string searched;
    if (!kind.empty())
      for (const auto& root : roots(kind))
        searched += (searched.empty() ? "" : ", ") + root.string();
    throw Error("no " + what + " " + name + (searched.empty() ? "" : " in " + searched));
  }
  record(name, file);
  return file;
}

const std::string& Sources::read(const std::string& name, const std::string& what) {
  if (const auto* found = read_found(name)) return *found;
  return bytes(open(name, what));  // refused as open() refuses
}

const std::string* Sources::read_found(const std::string& name) {
  const auto [kind, rest] = split(name);
  if (kind.empty()) return nullptr;
  for (const auto& root : roots(kind)) {
    const auto file = root / rest;
    const std::string key = absolute_path(file).native();
    if (contents_.count(key)) break;  // handed in, or read already: find() knows it
    auto read = read_file(file, default_limit);
    if (read.outcome == FileRead::Outcome::read && read.regular) {
      record(name, file);
      return &contents_.emplace(key, std::move(read.bytes)).first->second;
    }
    // Not there (or a folder, which find() passes over too): the next folder may hold it.
    const bool absent = read.outcome == FileRead::Outcome::folder ||
                        (read.outcome == FileRead::Outcome::failed &&
                         (read.error == ENOENT || read.error == ENOTDIR));
    if (!absent) break;  // unreadable, too big, a device: find() and bytes() decide, as before
  }
  const auto file = find(name);
  if (file.empty()) return nullptr;
  record(name, file);
  return &bytes(file);
}

const std::string& Sources::bytes(const fs::path& file, std::size_t limit) {
  fs::path storage;
  const auto& absolute = absolute_in(file, storage);
  if (const auto kept = contents_.find(absolute.native()); kept != contents_.end()) {
    record_absolute({}, absolute);
    return kept->second;
  }
  auto read = read_file(file, limit);
  switch (read.outcome) {
    case FileRead::Outcome::folder:
      throw Error("cannot read " + file.string() + ": it is a folder, not a file");
    case FileRead::Outcome::failed:
      throw Error("cannot read " + file.string() + ": " + std::strerror(read.error));
    case FileRead::Outcome::too_big:
      throw Error(SourceLocation{file.string()}, too_big_message(read.size, limit));
    case FileRead::Outcome::read:
      break;
  }
  std::string text = std::move(read.bytes);
  record_absolute({}, absolute);
  return contents_.emplace(absolute.native(), std::move(text)).first->second;
}

void Sources::provide(const fs::path& file, std::string bytes) {
  contents_[absolute_path(file).native()] = std::move(bytes);
}

void Sources::record(const std::string& name, const fs::path& file) {
  fs::path storage;
  record_absolute(name, absolute_in(file, storage));
}

void Sources::record_absolute(const std::string& name, const fs::path& absolute) {
  if (recorded_.insert(absolute.native()).second) reads_.push_back({name, absolute});
}

std::vector<std::string> Sources::list(const std::string& folder,
                                       const std::string& extension) const {
  const auto [kind, rest] = split(folder);
  if (kind.empty()) return {};
  std::set<std::string> names;
  std::error_code ec;
  for (const auto& root : roots(kind)) {
    for (const auto& entry : fs::directory_iterator(root / rest, ec))
      if (entry.is_regular_file(ec) && entry.path().extension() == extension)
        names.insert(entry.path().filename().string());
    for (const auto& [name, bytes] : contents_)
      if (const fs::path file(name);
          file.parent_path() == root / rest && file.extension() == extension)
        names.insert(file.filename().string());
  }
  return {names.begin(), names.end()};
}

}  // namespace fiscgen
