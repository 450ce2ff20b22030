#include <doctest/doctest.h>

#include "base/error.hpp"
#include "batch/batch.hpp"
#include "batch/discovery.hpp"
#include "helpers.hpp"

namespace fs = std::filesystem;
using namespace fiscgen::batch;
using batch_test::TempDir;
using batch_test::write;

namespace {

const char* motion =
    "<?xml version=\"1.0\"?>\n<!-- a <comment> -->\n<motion form=\"fisc/motion\">\n</motion>\n";
const char* letter = "<letter\n  locale=\"fr\"\n  template = \"letter\"><date/></letter>";

std::vector<std::string> names(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const auto& f : found) out.push_back(f.name);
  return out;
}

}  // namespace

TEST_CASE("discovery: an input is recognised by its root's form= or template= attribute") {
  CHECK(looks_like_input(motion));
  CHECK(looks_like_input(letter));
  CHECK(looks_like_input("\xEF\xBB\xBF<motion form='x'><broken"));  // broken later: still an input
  CHECK_FALSE(looks_like_input("<recipients><r form=\"x\"/></recipients>"));
  CHECK_FALSE(looks_like_input("<profile platform=\"x\"/>"));
  CHECK_FALSE(looks_like_input("<!-- form=\"x\" --><rules/>"));
  CHECK_FALSE(looks_like_input("not xml at all"));
  CHECK_FALSE(looks_like_input(""));
}

TEST_CASE(
    "discovery: folders recursively and sorted, manifests relative to themselves, each once") {
  TempDir dir;
  write(dir / "filings/b.xml", motion);
  write(dir / "filings/a.xml", motion);
  write(dir / "filings/sub/c.xml", letter);
  write(dir / "filings/notes.xml", "<notes/>");  // not an input
  write(dir / "filings/readme.txt", "text");     // not XML
  write(dir / "filings/.hidden/d.xml", motion);  // hidden folder
  write(dir / "other/e.xml", motion);
  write(dir / "lists/docket.list",
        "# the docket\n\n../other/e.xml\n  ../filings/sub  \n../filings/a.xml\r\n");

  const auto found = discover({dir / "filings", dir / "lists/docket.list", dir / "other/e.xml"});
  CHECK(names(found) == std::vector<std::string>{"a.xml", "b.xml", "sub/c.xml", "e.xml"});
  CHECK(found[0].input == (dir / "filings/a.xml").lexically_normal());

  const auto from_list = discover({dir / "lists/docket.list"});
  // Entries reaching outside the manifest's folder are named from their last component.
  CHECK(names(from_list) == std::vector<std::string>{"e.xml", "sub/c.xml", "a.xml"});
}

TEST_CASE("discovery: a manifest line naming nothing is an error at that line") {
  TempDir dir;
  write(dir / "m.list", "a.xml\n\n  missing.xml\n");
  write(dir / "a.xml", motion);
  try {
    discover({dir / "m.list"});
    FAIL("expected an error");
  } catch (const fiscgen::Error& error) {
    CHECK(error.describe().find("m.list:3:3: no such file or folder") != std::string::npos);
  }
  CHECK_THROWS_AS(discover({dir / "nothing-here"}), fiscgen::Error);
}

TEST_CASE("discovery: outputs mirror names under the output folder, or sit beside the input") {
  const Found found{"filings/sub/c.xml", "sub/c.xml"};
  CHECK(output_for(found, "out") == fs::path("out/sub/c.pdf"));
  CHECK(output_for(found, "") == fs::path("filings/sub/c.pdf"));
}

TEST_CASE("shards: K/N is read strictly, and every name lands in exactly one part") {
  CHECK(Shard::parse("2/8").index == 2);
  CHECK(Shard::parse("2/8").count == 8);
  for (const char* bad : {"0/2", "3/2", "1", "a/b", "1/0", "1/2x", "/2"})
    CHECK_THROWS_AS(Shard::parse(bad), fiscgen::Error);
  for (const int parts : {1, 2, 3, 7}) {
    std::vector<int> sizes(static_cast<std::size_t>(parts));
    for (int i = 0; i < 200; ++i) {
      const std::string name = "filings/" + std::to_string(i) + ".xml";
      int holders = 0;
      for (int k = 1; k <= parts; ++k)
        if (Shard{k, parts}.contains(name)) {
          ++holders;
          ++sizes[static_cast<std::size_t>(k - 1)];
        }
      CHECK(holders == 1);
    }
    for (const int size : sizes) CHECK(size > 200 / parts / 2);  // roughly even
  }
}

TEST_CASE("discovery: a manifest listing itself, or two listing each other, is an error there") {
  TempDir dir;
  write(dir / "a.xml", motion);
  write(dir / "self.list", "a.xml\n\n  self.list\n");
  write(dir / "one.list", "a.xml\ntwo.list\n");
  write(dir / "two.list", "# back\n./one.list\n");
  const auto error_of = [](const fs::path& manifest) {
    try {
      discover({manifest});
    } catch (const fiscgen::Error& error) {
      return error.describe();
    }
    return std::string("no error");
  };
  CHECK(error_of(dir / "self.list").find("self.list:3:3: the manifest ") != std::string::npos);
  CHECK(error_of(dir / "self.list").find("lists itself") != std::string::npos);
  // The line that closes the circle is named: two.list's, which leads back to one.list.
  CHECK(error_of(dir / "one.list").find("two.list:2:1: the manifest ") != std::string::npos);
  // A manifest named twice without a circle is no error: its documents are found once.
  write(dir / "both.list", "self-free.list\nself-free.list\n");
  write(dir / "self-free.list", "a.xml\n");
  CHECK(names(discover({dir / "both.list"})) == std::vector<std::string>{"a.xml"});
}

TEST_CASE("discovery: a link loop is not followed, and the link is named in a warning") {
  TempDir dir;
  write(dir / "filings/a.xml", motion);
  write(dir / "filings/sub/b.xml", letter);
  write(dir / "elsewhere/c.xml", motion);
  fs::create_directory_symlink("..", dir / "filings/sub/up");  // a loop: to a parent
  fs::create_directory_symlink("sub", dir / "filings/again");  // a folder walked anyway
  fs::create_directory_symlink("../../elsewhere", dir / "filings/sub/more");  // outside: once
  fiscgen::Warnings warnings;
  const auto found = discover({dir / "filings"}, &warnings);
  CHECK(names(found) == std::vector<std::string>{"a.xml", "sub/b.xml", "sub/more/c.xml"});
  std::string said;
  for (const auto& warning : warnings.list()) said += warning.describe() + "\n";
  CHECK(warnings.list().size() == 2);
  CHECK(said.find((dir / "filings/sub/up").string() + ": a link to a folder already read") !=
        std::string::npos);
  CHECK(said.find((dir / "filings/again").string() + ": a link to a folder already read") !=
        std::string::npos);
}

TEST_CASE("discovery: a folder named again is not walked again") {
  // Seen writing the manifest fuzz target: a manifest repeating "." walked the folder once a
  // line (32,768 lines: 3 s for six files), and warned of each link loop in it every time.
  TempDir dir;
  write(dir / "filings/a.xml", motion);
  write(dir / "filings/sub/b.xml", letter);
  fs::create_directory_symlink("..", dir / "filings/sub/up");
  std::string lines;
  for (int i = 0; i < 3; ++i) lines += ".\nsub\n./sub/up\n";
  write(dir / "filings/again.list", lines);
  fiscgen::Warnings warnings;
  const auto found = discover({dir / "filings/again.list", dir / "filings"}, &warnings);
  CHECK(names(found) == std::vector<std::string>{"a.xml", "sub/b.xml"});
  CHECK(warnings.list().size() == 1);
}
