#include "base/sources.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "../temp_dir.hpp"
#include "base/error.hpp"
#include "base/xml.hpp"

namespace fs = std::filesystem;
using namespace fiscgen;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

/// A data folder and two --templates folders: `first` holds a profile and the recipients,
/// `second` the same profile and a profile of its own.
struct Folders {
  test_support::TempDir data, first, second;
  DataPaths paths;
  Folders() {
    paths.forms = data / "forms";
    paths.letters = data / "letters";
    paths.templates = {first.path(), second.path()};
    write(data / "forms/rules/fisc-2010.xml", "ours");
    write(data / "forms/rules/frap-32.xml", "ours");
    write(data / "letters/recipients.xml", "ours");
    write(first / "forms/rules/fisc-2010.xml", "first");
    write(first / "letters/recipients.xml", "first");
    write(second / "forms/rules/fisc-2010.xml", "second");
    write(second / "forms/rules/firm.xml", "second");
  }
};

}  // namespace

TEST_CASE("sources: --templates folders first, in order, then the data folder") {
  Folders folders;
  const Sources sources(folders.paths);
  CHECK(sources.find("forms/rules/fisc-2010.xml") == folders.first / "forms/rules/fisc-2010.xml");
  CHECK(sources.candidates("forms/rules/fisc-2010.xml") ==
        std::vector<fs::path>{folders.first / "forms/rules/fisc-2010.xml",
                              folders.second / "forms/rules/fisc-2010.xml",
                              folders.data / "forms/rules/fisc-2010.xml"});
  CHECK(sources.find("forms/rules/frap-32.xml") == folders.data / "forms/rules/frap-32.xml");
  CHECK(sources.find("forms/rules/firm.xml") == folders.second / "forms/rules/firm.xml");
  CHECK(sources.find("letters/recipients.xml") == folders.first / "letters/recipients.xml");
  CHECK(sources.find("forms/rules/none.xml").empty());
  CHECK(sources.list("forms/rules", ".xml") ==
        std::vector<std::string>{"firm.xml", "fisc-2010.xml", "frap-32.xml"});
  CHECK(sources.overrides(folders.first / "letters/recipients.xml"));
  CHECK_FALSE(sources.overrides(folders.data / "letters/recipients.xml"));
  CHECK(sources.shown("letters/recipients.xml", folders.data / "letters/recipients.xml") ==
        "letters/recipients.xml");
}

TEST_CASE("sources: names that could leave the search path find nothing") {
  Folders folders;
  const Sources sources(folders.paths);
  write(folders.data / "secret.xml", "no");
  for (const char* name : {"forms/../secret.xml", "forms/rules/../../secret.xml", "secret.xml",
                           "/etc/passwd", "", "locales/root.res"})
    CHECK_MESSAGE(sources.find(name).empty(), name);
}

TEST_CASE("sources: what is read is recorded once, with the name it was found by") {
  Folders folders;
  Sources sources(folders.paths);
  CHECK(sources.read("forms/rules/fisc-2010.xml", "rules profile") == "first");
  sources.open("forms/rules/fisc-2010.xml", "rules profile");
  sources.record({}, folders.data / "fonts/../font.ttf");
  REQUIRE(sources.reads().size() == 2);
  CHECK(sources.reads()[0].name == "forms/rules/fisc-2010.xml");
  CHECK(sources.reads()[0].file == folders.first / "forms/rules/fisc-2010.xml");
  CHECK(sources.reads()[1].name.empty());
  CHECK(sources.reads()[1].file == folders.data / "font.ttf");
  CHECK_THROWS_WITH_AS(sources.open("forms/markings.xml", "classification vocabulary"),
                       doctest::Contains("no classification vocabulary forms/markings.xml in "),
                       Error);
  CHECK(sources.reads().size() == 2);
}

TEST_CASE("sources: a file handed in is found, listed and read, and disk is not looked at") {
  DataPaths paths;
  paths.forms = "handed-in/forms";
  Sources sources(paths);
  sources.provide(paths.forms / "rules/firm.xml", "<rules name=\"firm\"/>");
  CHECK(sources.find("forms/rules/firm.xml") == absolute_path(paths.forms / "rules/firm.xml"));
  CHECK(sources.list("forms/rules", ".xml") == std::vector<std::string>{"firm.xml"});
  CHECK(sources.read("forms/rules/firm.xml", "rules profile") == "<rules name=\"firm\"/>");
  REQUIRE(sources.reads().size() == 1);
  CHECK(sources.reads()[0].name == "forms/rules/firm.xml");
  CHECK_THROWS_WITH_AS(sources.read("forms/rules/other.xml", "rules profile"),
                       doctest::Contains("no rules profile forms/rules/other.xml"), Error);
}

TEST_CASE("sources: a file is read from disk once, however often its bytes are asked for") {
  test_support::TempDir dir;
  const auto file = dir / "matter.xml";
  write(file, "<motion/>");
  Sources sources(DataPaths{});
  const std::string& first = sources.bytes(file);
  write(file, "<letter/>");  // changed on disk while the document is made: not seen
  CHECK(sources.bytes(file) == "<motion/>");
  CHECK(&sources.bytes(file) == &first);
  CHECK(sources.reads().size() == 1);
  // Kept by the absolute path's string: the same file spelt another way is the same bytes.
  CHECK(&sources.bytes(dir / "." / "matter.xml") == &first);
  CHECK(sources.reads().size() == 1);
}

TEST_CASE("sources: a folder, a missing file and one over the limit are refused by name") {
  test_support::TempDir dir;
  Sources sources(DataPaths{});
  CHECK_THROWS_WITH_AS(sources.bytes(dir.path()), doctest::Contains("it is a folder, not a file"),
                       Error);
  CHECK_THROWS_WITH_AS(sources.bytes(dir / "none.xml"), doctest::Contains("cannot read"), Error);
  write(dir / "big.xml", std::string(2 << 20, 'a'));
  CHECK_THROWS_WITH_AS(sources.bytes(dir / "big.xml", 1 << 20),
                       "the file is 2097152 bytes; fiscgen reads at most 1048576 (1 MiB)", Error);
}

TEST_CASE("sources: read_file reads a file whole, at its limit, empty, and from a device") {
  test_support::TempDir dir;
  write(dir / "exact.xml", std::string(1000, 'x'));
  auto read = read_file(dir / "exact.xml", 1000);
  CHECK(read.outcome == FileRead::Outcome::read);
  CHECK(read.bytes == std::string(1000, 'x'));
  read = read_file(dir / "exact.xml", 999);
  CHECK(read.outcome == FileRead::Outcome::too_big);
  CHECK(read.size == 1000);
  CHECK(read.bytes.empty());
  write(dir / "empty.xml", "");
  read = read_file(dir / "empty.xml", 10);
  CHECK(read.outcome == FileRead::Outcome::read);
  CHECK(read.bytes.empty());
  // A device reports no size: read in chunks up to one byte past the limit, never forever.
  read = read_file("/dev/zero", 100000);
  CHECK(read.outcome == FileRead::Outcome::too_big);
  CHECK(read_file(dir / "none.xml", 10).outcome == FileRead::Outcome::failed);
  CHECK(read_file(dir.path(), 10).outcome == FileRead::Outcome::folder);
}

TEST_CASE("sources: a relative path is made absolute against the working folder") {
  CHECK(absolute_path("a/./b/../c.xml") == fs::current_path() / "a/c.xml");
  CHECK(absolute_path("/x/../y.xml") == fs::path("/y.xml"));
  CHECK(absolute_path("/x//y/./z.xml") == fs::path("/x/y/z.xml"));
  CHECK(absolute_path("/x/y/..") == fs::path("/x/"));
  CHECK(absolute_path("/x/.hidden/y.xml") == fs::path("/x/.hidden/y.xml"));
}

TEST_CASE("sources: read_found reads the file find() names, passing over a folder of that name") {
  Folders folders;
  fs::create_directories(folders.first / "forms/rules/firm.xml");  // a folder: not a profile
  Sources sources(folders.paths);
  const auto* firm = sources.read_found("forms/rules/firm.xml");
  REQUIRE(firm != nullptr);
  CHECK(*firm == "second");
  CHECK(*sources.read_found("forms/rules/fisc-2010.xml") == "first");
  CHECK(sources.read("forms/rules/frap-32.xml", "rules profile") == "ours");
  CHECK(sources.read_found("forms/rules/none.xml") == nullptr);
  CHECK(sources.read_found("forms/../secret.xml") == nullptr);
  CHECK_THROWS_WITH_AS(sources.read("forms/rules/none.xml", "rules profile"),
                       doctest::Contains("no rules profile forms/rules/none.xml"), Error);
  std::vector<std::string> names;
  for (const auto& read : sources.reads()) names.push_back(read.name);
  CHECK(names == std::vector<std::string>{"forms/rules/firm.xml", "forms/rules/fisc-2010.xml",
                                          "forms/rules/frap-32.xml"});
  CHECK(sources.reads()[0].file == folders.second / "forms/rules/firm.xml");
}

TEST_CASE("xml files: a data file read by its path, and a folder or a missing one refused") {
  test_support::TempDir dir;
  write(dir / "table.xml", "<table/>");
  fs::create_directories(dir / "folder.xml");
  CHECK(XmlFile::bytes_of(dir / "table.xml", "the citation table") == "<table/>");
  CHECK(XmlFile(dir / "table.xml", "the citation table", "table").root.name() ==
        std::string("table"));
  CHECK_THROWS_WITH_AS(XmlFile::bytes_of(dir / "folder.xml", "the citation table"),
                       doctest::Contains("cannot read the citation table: it is a folder"), Error);
  CHECK_THROWS_WITH_AS(XmlFile::bytes_of(dir / "gone.xml", "the rules profile"),
                       doctest::Contains("cannot read the rules profile: No such file"), Error);
}

TEST_CASE("a rules profile's name: a file in forms/rules/, as its parent path says") {
  for (const std::string name :
       {"forms/rules/fisc-2010.xml", "forms/rules/", "forms/rules/ünïcödé-Łódź.xml",
        "forms/rules/sub/x.xml", "forms/rules", "forms/rulesx/a.xml", "forms/rule/a.xml",
        "letters/recipients.xml", "forms/fisc/motion.xml", "", "/forms/rules/a.xml",
        "forms/rules//a.xml", "forms/rules//", "forms/rules//a/b", "x/forms/rules/a.xml",
        "forms/rules/a.xml/"}) {
    CAPTURE(name);
    CHECK(source_name::is_rules_profile(name) ==
          (std::filesystem::path(name).parent_path() == source_name::rules_folder));
  }
  CHECK(source_name::is_rules_profile(source_name::rules_profile("frap-32")));
}
