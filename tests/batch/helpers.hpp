// Small helpers shared by the batch unit tests: a private temporary folder and file writing.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "../temp_dir.hpp"

namespace batch_test {

using TempDir = test_support::TempDir;

inline void write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
}

inline std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace batch_test
