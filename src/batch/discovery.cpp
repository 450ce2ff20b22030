#include "batch/discovery.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "base/error.hpp"

namespace fs = std::filesystem;

namespace fiscgen::batch {
namespace {

// The root start tag sits after the XML declaration and a few comments; 64 KiB is generous.
constexpr std::size_t sniff_bytes = std::size_t{64} * 1024;

std::string read_start(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text(sniff_bytes, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

bool is_hidden(const fs::path& path) {
  const auto name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

std::string generic(const fs::path& path) {
  return path.lexically_normal().generic_string();
}

/// The real path of a folder or file, links resolved; empty when it cannot be resolved.
std::string real_path(const fs::path& path) {
  std::error_code ec;
  const auto real = fs::canonical(path, ec);
  return ec ? std::string() : real.string();
}

/// Whether `folder` is `path` or one of its parents (both real paths).
bool contains_path(const std::string& folder, const std::string& path) {
  if (path.compare(0, folder.size(), folder) != 0) return false;
  return path.size() == folder.size() || path[folder.size()] == '/' || folder == "/";
}

class Collector {
 public:
  explicit Collector(Warnings* warnings) : warnings_(warnings) {}

  std::vector<Found> found;

  void add_path(const fs::path& path, const std::string& name, const SourceLocation& named_at) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status))
      throw Error(named_at.file.empty() ? SourceLocation{path.string()} : named_at,
                  "no such file or folder: " + path.string());
    if (fs::is_directory(status)) {
      // Named again (or walked inside a folder named before): every input under it is found
      // already, and a manifest repeating "." 30,000 times walked the folder 30,000 times.
      if (walked_.count(real_path(path))) return;
      return add_folder(path, name);
    }
    if (path.extension() == ".list") return add_manifest(path, named_at);
    add_file(path, name);
  }

 private:
  void add_file(const fs::path& input, const std::string& name) {
    std::error_code ec;
    std::string identity;
    if (const auto known = identities_.find(input); known != identities_.end())
      identity = known->second;
    else
      identity = fs::weakly_canonical(input, ec).string();
    if (ec) identity = fs::absolute(input).lexically_normal().string();
    if (!seen_.insert(identity).second) return;  // named twice: rendered once
    found.push_back({input.lexically_normal(), name});
  }

  /// Every input under `folder`. Real subfolders are walked first; then each link to a folder,
  /// in name order, unless it leads to a folder already walked or to one of its own parents:
  /// followed, such a link would walk the same files again, or loop (`up -> ..`) until the
  /// path grew too long. Each link skipped is a warning naming it.
  void add_folder(const fs::path& folder, const std::string& prefix) {
    std::vector<std::pair<std::string, fs::path>> inputs;
    std::vector<std::pair<std::string, fs::path>> links;  // (name, link), followed after
    walk(folder, folder, prefix, inputs, links);
    std::sort(links.begin(), links.end());
    for (std::size_t next = 0; next < links.size(); ++next) {
      const auto [name, link] = links[next];
      const std::string target = real_path(link);
      const std::string place = real_path(link.parent_path());
      if (target.empty()) continue;  // a dangling link: nothing to read
      if (walked_.count(target) || contains_path(target, place)) {
        if (warnings_)
          warnings_->add(SourceLocation{link.string()},
                         "a link to a folder already read (" + target +
                             "): not followed, so that no input is read twice and no link "
                             "loops");
        continue;
      }
      const auto before = links.size();
      walk(link, folder, prefix, inputs, links);
      // Links found inside this one are followed in name order too, after those already known.
      std::sort(links.begin() + static_cast<std::ptrdiff_t>(before), links.end());
    }
    std::sort(inputs.begin(), inputs.end());
    for (const auto& [name, path] : inputs) add_file(path, name);
  }

  /// The inputs under `start` (a folder, or a link to one), not following links to folders:
  /// those are put in `links` for add_folder to decide on. Names are relative to `root`.
  void walk(const fs::path& start, const fs::path& root, const std::string& prefix,
            std::vector<std::pair<std::string, fs::path>>& inputs,
            std::vector<std::pair<std::string, fs::path>>& links) {
    const auto name_of = [&](const fs::path& path) {
      return generic(fs::path(prefix) / generic(path.lexically_relative(root)));
    };
    // The real path of each folder walked, resolved once: a file in it that is not a link is
    // that folder's real path and its name, without a readlink per component of its own path.
    const auto start_folder = (start / "x").parent_path();  // as its entries' parent paths read
    std::map<fs::path, std::string> real_folders{{start_folder, real_path(start)}};
    walked_.insert(real_folders[start_folder]);
    std::error_code ec;
    fs::recursive_directory_iterator it(start, ec);
    if (ec) throw Error(SourceLocation{start.string()}, "cannot read the folder: " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec)
        throw Error(SourceLocation{start.string()}, "cannot read the folder: " + ec.message());
      const auto& entry = *it;
      if (is_hidden(entry.path())) {
        if (entry.is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (entry.is_symlink(ec) && entry.is_directory(ec)) {
        links.emplace_back(name_of(entry.path()), entry.path());
        continue;
      }
      if (entry.is_directory(ec)) {
        walked_.insert(real_folders[entry.path()] = real_path(entry.path()));
        continue;
      }
      if (!entry.is_regular_file(ec) || entry.path().extension() != ".xml") continue;
      if (!looks_like_input(read_start(entry.path()))) continue;
      inputs.emplace_back(name_of(entry.path()), entry.path());
      const auto folder = real_folders.find(entry.path().parent_path());
      if (!entry.is_symlink(ec) && folder != real_folders.end() && !folder->second.empty())
        identities_[entry.path()] = (fs::path(folder->second) / entry.path().filename()).string();
    }
  }

  void add_manifest(const fs::path& manifest, const SourceLocation& named_at) {
    // A manifest listing itself, or one that lists it, would be read forever.
    std::string identity = real_path(manifest);
    if (identity.empty()) identity = fs::absolute(manifest).lexically_normal().string();
    if (std::find(reading_.begin(), reading_.end(), identity) != reading_.end())
      throw Error(named_at.file.empty() ? SourceLocation{manifest.string()} : named_at,
                  "the manifest " + manifest.string() +
                      " is already being read: it lists itself, directly or through another "
                      "manifest; expected files, folders or other manifests");
    reading_.push_back(identity);
    std::ifstream in(manifest);
    if (!in) throw Error(SourceLocation{manifest.string()}, "cannot read the manifest");
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const auto first = line.find_first_not_of(" \t");
      if (first == std::string::npos || line[first] == '#') continue;
      const auto last = line.find_last_not_of(" \t");
      const fs::path entry = line.substr(first, last - first + 1);
      const fs::path path = entry.is_absolute() ? entry : manifest.parent_path() / entry;
      // Names stay relative to the manifest, so outputs mirror the tree it describes.
      std::string name = generic(entry);
      if (entry.is_absolute() || name.rfind("..", 0) == 0) name = entry.filename().string();
      add_path(path, name, SourceLocation{manifest.string(), number, static_cast<int>(first) + 1});
    }
    reading_.pop_back();
  }

  Warnings* warnings_;
  std::set<std::string> seen_;
  std::map<fs::path, std::string> identities_;  // real paths of inputs found in walks
  std::set<std::string> walked_;                // real paths of the folders walked
  std::vector<std::string> reading_;  // real paths of the manifests being read, outermost first
};

}  // namespace

bool looks_like_input(std::string_view text) {
  std::size_t at = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") at = 3;  // a byte order mark
  for (;;) {
    at = text.find('<', at);
    if (at == std::string_view::npos || at + 1 >= text.size()) return false;
    if (text.substr(at, 4) == "<!--") {
      at = text.find("-->", at + 4);
      if (at == std::string_view::npos) return false;
      continue;
    }
    if (text[at + 1] == '?' || text[at + 1] == '!') {
      ++at;
      continue;
    }
    break;
  }
  const auto end = text.find('>', at);
  const auto tag = text.substr(at, end == std::string_view::npos ? text.size() - at : end - at);
  // An attribute name is preceded by white space and followed by optional space and '='.
  for (const std::string_view attribute : {"form", "template"}) {
    for (auto found = tag.find(attribute); found != std::string_view::npos;
         found = tag.find(attribute, found + 1)) {
      const char before = tag[found - 1];
      if (before != ' ' && before != '\t' && before != '\n' && before != '\r') continue;
      auto after = found + attribute.size();
      while (after < tag.size() && (tag[after] == ' ' || tag[after] == '\t' || tag[after] == '\n'))
        ++after;
      if (after < tag.size() && tag[after] == '=') return true;
    }
  }
  return false;
}

std::vector<Found> discover(const std::vector<fs::path>& paths, Warnings* warnings) {
  Collector collector(warnings);
  for (const auto& path : paths) {
    std::error_code ec;
    // A folder's documents are named relative to it; a file by its own name.
    const std::string name = fs::is_directory(path, ec) ? "" : path.filename().string();
    collector.add_path(path, name, {});
  }
  return std::move(collector.found);
}

fs::path output_for(const Found& found, const fs::path& output_dir) {
  fs::path output = output_dir.empty() ? found.input : output_dir / fs::path(found.name);
  output.replace_extension(".pdf");
  return output.lexically_normal();
}

}  // namespace fiscgen::batch
