// Fuzz target: batch discovery (batch::discover) of a manifest of arbitrary bytes, in a private
// folder that also holds inputs, a non-input, a hidden folder, a link back up (a loop) and
// manifests of its own, one of which lists the fuzzed manifest (a cycle). NUL bytes split the
// input into up to three manifests, m0.list (the one discovered), m1.list and m2.list, so that
// manifests may name each other. Lines that would leave the folder (an absolute path, a ".."
// step) become comments: discovery of the whole file system is not what is tested here.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "../temp_dir.hpp"
#include "batch/discovery.hpp"
#include "fuzz.hpp"

namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, std::string_view text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

/// The folder every input is discovered in, made once per process.
const test_support::TempDir& folder() {
  static const test_support::TempDir dir;
  static const bool made = [] {
    const auto& root = dir.path();
    fs::create_directories(root / "sub" / "deeper");
    fs::create_directories(root / ".hidden");
    fs::create_directories(root / "out");
    write(root / "doc.xml", "<motion form=\"fisc/motion\"/>");
    write(root / "note.xml", "<notes/>");
    write(root / "letter.xml", "<?xml version=\"1.0\"?><!-- x --><letter template=\"l\"/>");
    write(root / "sub" / "a.xml", "<brief form=\"fisc/brief\"/>");
    write(root / "sub" / "b.txt", "not xml");
    write(root / "sub" / "deeper" / "c.xml", "<order\n form = 'fisc/order'/>");
    write(root / ".hidden" / "h.xml", "<motion form=\"fisc/motion\"/>");
    write(root / "fixed.list", "# a manifest of the folder's own\ndoc.xml\nsub\n\n");
    write(root / "cycle.list", "m0.list\n");
    write(root / "sub" / "inner.list", "a.xml\n../doc.xml\ndeeper/\n");
    std::error_code ignored;
    fs::create_directory_symlink("..", root / "sub" / "up", ignored);  // a loop
    fs::create_directory_symlink("deeper", root / "sub" / "down", ignored);
    fs::create_symlink("missing", root / "dangling.xml", ignored);
    return true;
  }();
  (void)made;
  return dir;
}

/// `text` with every line that would leave the folder turned into a comment.
std::string confined(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(start, end - start);
    const auto first = line.find_first_not_of(" \t");
    bool leaves = first != std::string_view::npos && line[first] == '/';
    for (std::size_t at = 0; !leaves && (at = line.find("..", at)) != std::string_view::npos;
         ++at) {
      const bool step_start =
          at == 0 || line[at - 1] == '/' || line[at - 1] == ' ' || line[at - 1] == '\t';
      const bool step_end = at + 2 >= line.size() || line[at + 2] == '/' || line[at + 2] == '\r' ||
                            line[at + 2] == ' ' || line[at + 2] == '\t';
      leaves = step_start && step_end;
    }
    if (leaves) out += '#';
    out += line;
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& root = folder().path();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  for (int i = 0; i < 3; ++i) {
    const auto nul = i < 2 ? text.find('\0') : std::string_view::npos;
    parts.push_back(text.substr(0, nul));
    text = nul == std::string_view::npos ? std::string_view() : text.substr(nul + 1);
  }
  for (std::size_t i = 0; i < parts.size(); ++i)
    write(root / ("m" + std::to_string(i) + ".list"), confined(parts[i]));
  fiscgen::Warnings warnings;
  try {
    const auto found = fiscgen::batch::discover({root / "m0.list"}, &warnings);
    for (const auto& each : found) {
      (void)fiscgen::batch::output_for(each, root / "out");
      (void)fiscgen::batch::output_for(each, {});
    }
  } catch (const fiscgen::Error& error) {
    (void)error.describe();
  }
  for (const auto& warning : warnings.list()) (void)warning.describe();
  return 0;
}
