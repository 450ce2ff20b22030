// The citation reader over the shipped table, built once for every test of the stage.
#pragma once

#include <filesystem>

#include "cite/cite.hpp"

namespace fiscgen::cite_tests {

inline const cite::Reader& reader() {
  static const cite::Reader instance(cite::Table::load(
      std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms/cite/reporters.xml"));
  return instance;
}

}  // namespace fiscgen::cite_tests
