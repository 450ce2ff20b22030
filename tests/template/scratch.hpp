// A data folder of a test's own: forms/ with the real fisc-2010 rules, an empty letters/, the
// real locale bundles; templates written into it for one directive each.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/data_paths.hpp"

namespace template_test {

struct Scratch {
  std::filesystem::path root;
  fiscgen::DataPaths paths;

  Scratch() {
    namespace fs = std::filesystem;
    static int made = 0;
    const fs::path source = FISCGEN_SOURCE_DATA_DIR;
    root = fs::temp_directory_path() /
           ("fiscgen-template-test-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
    fs::remove_all(root);
    fs::create_directories(root / "forms" / "rules");
    fs::create_directories(root / "letters");
    fs::copy_file(source / "forms" / "rules" / "fisc-2010.xml",
                  root / "forms" / "rules" / "fisc-2010.xml");
    paths = fiscgen::DataPaths::discover();
    paths.forms = root / "forms";
    paths.letters = root / "letters";
  }
  ~Scratch() { std::filesystem::remove_all(root); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  void write(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories((root / name).parent_path());
    std::ofstream(root / name) << text;
  }
  /// A template forms/NAME.xml for <motion> whose document holds `content`.
  void form(const std::string& name, const std::string& content) const {
    write("forms/" + name + ".xml",
          "<t:template xmlns:t=\"urn:fiscgen:template\" kind=\"motion\" rules=\"fisc-2010\">\n"
          "<document>" +
              content + "</document></t:template>\n");
  }
};

}  // namespace template_test
