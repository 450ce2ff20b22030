#include "base/sources.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "base/error.hpp"

namespace fiscgen {
namespace fs = std::filesystem;

std::string source_name::rules_profile(const std::string& profile) {
  return std::string(rules_folder) + "/" + profile + ".xml";
}

fs::path absolute_path(const fs::path& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal();
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
  std::error_code ec;
  for (const auto& root : roots(kind))
    if (fs::is_regular_file(root / rest, ec)) found.push_back(root / rest);
  return found;
}

fs::path Sources::find(const std::string& name) const {
  const auto [kind, rest] = split(name);
  if (kind.empty()) return {};
  std::error_code ec;
  for (const auto& root : roots(kind))
    if (fs::is_regular_file(root / rest, ec)) return root / rest;
  return {};
}

bool Sources::overrides(const fs::path& file) const {
  return std::any_of(paths_.templates.begin(), paths_.templates.end(),
                     [&](const fs::path& folder) { return is_under(file, absolute_path(folder)); });
}

std::string Sources::shown(const std::string& name, const fs::path& file) const {
  return overrides(file) ? file.string() : name;
}

fs::path Sources::open(const std::string& name, const std::string& what) {
  const auto file = find(name);
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

std::string Sources::read(const std::string& name, const std::string& what) {
  const auto file = open(name, what);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw Error(SourceLocation{file.string()}, "cannot read " + what);
  return bytes.str();
}

void Sources::record(const std::string& name, const fs::path& file) {
  const auto absolute = absolute_path(file);
  const bool known = std::any_of(reads_.begin(), reads_.end(),
                                 [&](const SourceRead& read) { return read.file == absolute; });
  if (!known) reads_.push_back({name, absolute});
}

std::vector<std::string> Sources::list(const std::string& folder,
                                       const std::string& extension) const {
  const auto [kind, rest] = split(folder);
  if (kind.empty()) return {};
  std::set<std::string> names;
  std::error_code ec;
  for (const auto& root : roots(kind))
    for (const auto& entry : fs::directory_iterator(root / rest, ec))
      if (entry.is_regular_file(ec) && entry.path().extension() == extension)
        names.insert(entry.path().filename().string());
  return {names.begin(), names.end()};
}

}  // namespace fiscgen
