// The include tree: every file a template includes loaded and checked in one walk, which the
// fields, `check` and the evaluator then follow.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "base/sources.hpp"
#include "scratch.hpp"
#include "template/library.hpp"

using namespace fiscgen;

namespace {

const std::string fragment_open = "<t:fragment xmlns:t=\"urn:fiscgen:template\">";

std::string error_of(const template_test::Scratch& scratch, const std::string& name) {
  templ::Library library(scratch.paths);
  const auto& top = library.load(scratch.paths.forms, name, {}, "template");
  try {
    templ::IncludeTree includes(library, top);
  } catch (const Error& e) {
    return e.where().str() + ": " + e.message();
  }
  return "";
}

/// The text of the last file t/main includes, loaded as a batch worker's next document would.
std::string last_include_of(const template_test::Scratch& scratch, templ::TemplateCache& cache) {
  templ::Library library(scratch.paths, &cache);
  const templ::IncludeTree includes(library,
                                    library.load(scratch.paths.forms, "t/main", {}, "template"));
  return includes.files().back()->lines.text();
}

}  // namespace

TEST_CASE("the include tree holds every file once, and each include leads to its file") {
  template_test::Scratch scratch;
  // A diamond: the brief and the motion both include the caption.
  scratch.write("forms/t/caption.xml",
                fragment_open + "<paragraph>Caption</paragraph></t:fragment>");
  scratch.write("forms/t/brief.xml", fragment_open + "<t:include src=\"t/caption\"/></t:fragment>");
  scratch.write("forms/t/order.xml", fragment_open + "<t:include src=\"t/caption\"/></t:fragment>");
  scratch.form("t/main",
               "<t:if test=\"false()\"><t:include src=\"t/brief\"/></t:if>"
               "<t:include src=\"t/order\"/>");
  templ::Library library(scratch.paths);
  const auto& top = library.load(scratch.paths.forms, "t/main", {}, "template");
  const templ::IncludeTree includes(library, top);
  std::string names;
  for (const auto* file : includes.files()) names += file->name + " ";
  CHECK(names == "forms/t/main.xml forms/t/brief.xml forms/t/caption.xml forms/t/order.xml ");
  // The caption is gone through twice in document order, once under each include.
  int captions = 0;
  includes.each_element([&](const templ::TemplateFile& file, const pugi::xml_node& node) {
    captions += file.name == "forms/t/caption.xml" && std::string(node.name()) == "paragraph";
  });
  CHECK(captions == 2);
  const auto include = top.xml.document_element().child("document").child("t:include");
  CHECK(includes.included(include).name == "forms/t/order.xml");
}

TEST_CASE("the fields of a tree come in the order the tree's elements do, into every include") {
  // each_field goes through the lists found when each file was parsed; each_element through
  // every element. Fields inside an include's own element, in a file included twice and in
  // the shipped motion and letter templates come in the same order both ways.
  template_test::Scratch scratch;
  scratch.write("forms/t/part.xml", fragment_open +
                                        "<t:field name=\"part/a\"/><paragraph><t:field "
                                        "name=\"part/b\"/></paragraph></t:fragment>");
  scratch.form("t/main",
               "<t:field name=\"first\"/><t:include src=\"t/part\"><t:field name=\"inside\"/>"
               "</t:include><t:if test=\"true()\"><t:field name=\"later\"/>"
               "<t:include src=\"t/part\"/></t:if><t:field name=\"last\"/>");
  const auto names = [](templ::Library& library, const std::filesystem::path& root,
                        const std::string& name) {
    const auto& top = library.load(root, name, {}, "template");
    const templ::IncludeTree includes(library, top);
    std::string by_element, by_field;
    includes.each_element([&](const templ::TemplateFile& file, const pugi::xml_node& node) {
      if (file.is_directive(node, templ::Directive::field))
        by_element += file.name + ":" + node.attribute("name").value() + " ";
    });
    includes.each_field([&](const templ::TemplateFile& file, const pugi::xml_node& node) {
      by_field += file.name + ":" + node.attribute("name").value() + " ";
    });
    CHECK(by_field == by_element);
    return by_field;
  };
  templ::Library library(scratch.paths);
  CHECK(names(library, scratch.paths.forms, "t/main") ==
        "forms/t/main.xml:first forms/t/part.xml:part/a forms/t/part.xml:part/b "
        "forms/t/main.xml:inside forms/t/main.xml:later forms/t/part.xml:part/a "
        "forms/t/part.xml:part/b forms/t/main.xml:last ");
  DataPaths shipped;
  shipped.forms = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "forms";
  shipped.letters = std::filesystem::path(FISCGEN_SOURCE_DATA_DIR) / "letters";
  templ::Library library_of_shipped(shipped);
  CHECK(names(library_of_shipped, shipped.forms, "fisc/motion").size() > 100);
  CHECK(names(library_of_shipped, shipped.letters, "attorney-general").size() > 100);
}

TEST_CASE("an include cycle is refused by the tree, even in a branch the input does not take") {
  template_test::Scratch scratch;
  scratch.write("forms/t/a.xml", fragment_open + "\n<t:include src=\"t/b\"/></t:fragment>");
  scratch.write("forms/t/b.xml", fragment_open + "\n\n<t:include src=\"t/a\"/></t:fragment>");
  scratch.form("t/main", "<t:if test=\"false()\"><t:include src=\"t/a\"/></t:if>");
  CHECK(error_of(scratch, "t/main") ==
        "forms/t/b.xml:3:1: include cycle: forms/t/a.xml includes itself, through forms/t/b.xml");
}

TEST_CASE("includes nested deeper than the bound are refused where the one too deep is") {
  template_test::Scratch scratch;
  for (std::size_t i = 1; i <= templ::max_include_depth + 1; ++i)
    scratch.write(
        "forms/t/d" + std::to_string(i) + ".xml",
        fragment_open + "<t:include src=\"t/d" + std::to_string(i + 1) + "\"/></t:fragment>");
  scratch.write("forms/t/d" + std::to_string(templ::max_include_depth + 2) + ".xml",
                fragment_open + "</t:fragment>");
  scratch.form("t/main", "<t:include src=\"t/d1\"/>");
  const auto error = error_of(scratch, "t/main");
  CHECK(error.find("forms/t/d15.xml:1:") == 0);
  CHECK(error.find("includes nested more than 16 deep") != std::string::npos);
}

TEST_CASE("a worker's template cache: an include changed between documents is read again") {
  template_test::Scratch scratch;
  scratch.write("forms/t/caption.xml",
                fragment_open + "<paragraph>Before</paragraph></t:fragment>");
  scratch.form("t/main", "<t:include src=\"t/caption\"/>");
  templ::TemplateCache cache;  // one per batch worker, lent to each document's library
  const auto caption_of = [&] { return last_include_of(scratch, cache); };
  CHECK(caption_of().find("Before") != std::string::npos);
  scratch.write("forms/t/caption.xml", fragment_open + "<paragraph>After</paragraph></t:fragment>");
  CHECK(caption_of().find("After") != std::string::npos);
}

TEST_CASE(
    "a worker's template cache: a settled include rewritten with its size and times kept is read "
    "again") {
  namespace fs = std::filesystem;
  template_test::Scratch scratch;
  const auto caption = scratch.root / "forms/t/caption.xml";
  scratch.write("forms/t/caption.xml",
                fragment_open + "<paragraph>Gómez!</paragraph></t:fragment>");
  scratch.form("t/main", "<t:include src=\"t/caption\"/>");
  // Older than FileSignature::settle_time, so the cache trusts its size, times and inode.
  std::this_thread::sleep_for(FileSignature::settle_time + std::chrono::milliseconds(100));
  templ::TemplateCache cache;
  const auto caption_of = [&] { return last_include_of(scratch, cache); };
  CHECK(caption_of().find("Gómez!") != std::string::npos);
  CHECK(caption_of().find("Gómez!") != std::string::npos);  // unchanged: kept, not read
  // The same number of bytes, and the old modification time put back: only the change time
  // and, for a file renamed into place, the inode tell.
  const auto written = fs::last_write_time(caption);
  scratch.write("forms/t/caption.xml",
                fragment_open + "<paragraph>Gomez!!</paragraph></t:fragment>");
  fs::last_write_time(caption, written);
  CHECK(caption_of().find("Gomez!!") != std::string::npos);
  scratch.write("forms/t/fresh.xml", fragment_open + "<paragraph>Łódź</paragraph></t:fragment>");
  fs::last_write_time(scratch.root / "forms/t/fresh.xml", written);
  fs::rename(scratch.root / "forms/t/fresh.xml", caption);
  CHECK(caption_of().find("Łódź") != std::string::npos);
}

TEST_CASE(
    "a worker's template cache: a file found for an earlier document and gone is looked up "
    "again") {
  template_test::Scratch scratch;
  const auto firm = scratch.root / "firm";
  scratch.write("firm/forms/t/caption.xml",
                fragment_open + "<paragraph>Firm</paragraph></t:fragment>");
  scratch.write("forms/t/caption.xml", fragment_open + "<paragraph>Ours</paragraph></t:fragment>");
  scratch.form("t/main", "<t:include src=\"t/caption\"/>");
  auto paths = scratch.paths;
  paths.templates = {firm};
  templ::TemplateCache cache;
  const auto caption_of = [&] {
    Sources sources(paths);
    templ::Library library(sources, &cache);
    const templ::IncludeTree includes(library, library.load(paths.forms, "t/main", {}, "template"));
    return std::make_pair(includes.files().back()->lines.text(), sources.reads().back().file);
  };
  const auto [firm_text, firm_file] = caption_of();
  CHECK(firm_text.find("Firm") != std::string::npos);
  CHECK(firm_file == firm / "forms/t/caption.xml");
  std::filesystem::remove(firm / "forms/t/caption.xml");
  const auto [our_text, our_file] = caption_of();
  CHECK(our_text.find("Ours") != std::string::npos);
  CHECK(our_file == scratch.root / "forms/t/caption.xml");
}

TEST_CASE("a template found through links: inside its root it is read, leading out it is refused") {
  template_test::Scratch scratch;
  namespace fs = std::filesystem;
  scratch.write("forms/t/caption.xml", fragment_open + "<paragraph>Ours</paragraph></t:fragment>");
  scratch.write("outside/caption.xml", fragment_open + "<paragraph>Away</paragraph></t:fragment>");
  fs::create_directory_symlink(scratch.root / "forms/t", scratch.root / "forms/alias");
  fs::create_symlink(scratch.root / "forms/t/caption.xml", scratch.root / "forms/t/same.xml");
  fs::create_directory_symlink(scratch.root / "outside", scratch.root / "forms/out");
  templ::Library library(scratch.paths);
  const auto& through_folder = library.load(scratch.paths.forms, "alias/caption", {}, "include");
  CHECK(through_folder.path == fs::canonical(scratch.root / "forms/t/caption.xml"));
  const auto& through_file = library.load(scratch.paths.forms, "t/same", {}, "include");
  CHECK(&through_file == &through_folder);  // one file, loaded once
  CHECK_THROWS_WITH_AS(library.load(scratch.paths.forms, "out/caption", {}, "include"),
                       doctest::Contains("include \"out/caption\" leads out of forms/"), Error);
  CHECK_THROWS_WITH_AS(library.load(scratch.paths.forms, "t/missing", {}, "include"),
                       doctest::Contains("no include \"t/missing\" in forms/"), Error);
  // The data folder reached through a link: its files are inside it all the same.
  fs::create_directory_symlink(scratch.root / "forms", scratch.root / "linked-forms");
  auto paths = scratch.paths;
  paths.forms = scratch.root / "linked-forms";
  templ::Library linked(paths);
  CHECK(linked.load(paths.forms, "t/caption", {}, "include").lines.text().find("Ours") !=
        std::string::npos);
}

TEST_CASE("a layout element's place is written as its locate() says, and kept once asked") {
  template_test::Scratch scratch;
  std::string lines(11, '\n');  // the paragraph on line 12, at column 9 after "Ünïcödé "
  scratch.write("forms/t/place.xml",
                fragment_open + lines + "Ünïcödé <paragraph>x</paragraph></t:fragment>");
  templ::Library library(scratch.paths);
  const auto& file = library.load(scratch.paths.forms, "t/place", {}, "include");
  const auto paragraph = file.xml.document_element().child("paragraph");
  CHECK(file.location_text(paragraph) == file.locate(paragraph).str());
  CHECK(file.location_text(paragraph) == "forms/t/place.xml:12:9");
  CHECK(&file.location_text(paragraph) == &file.location_text(paragraph));
}
