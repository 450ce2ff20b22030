#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "batch/cache.hpp"
#include "batch/json.hpp"
#include "helpers.hpp"

namespace fs = std::filesystem;
using namespace fiscgen::batch;
using batch_test::TempDir;
using batch_test::write;

namespace {

/// A data folder of our own: one template, the directory, a rules profile and a bundle.
struct Data {
  TempDir dir;
  fiscgen::DataPaths paths;
  Data() {
    paths.forms = dir / "forms";
    paths.letters = dir / "letters";
    paths.locales = dir / "locales/";
    write(paths.forms / "fisc/caption.xml", "<caption/>");
    write(paths.letters / "recipients.xml", "<recipients/>");
    write(paths.locales / "root.res", "bundle");
    fs::create_directories(paths.rules());
    fs::copy_file(fs::path(FISCGEN_SOURCE_DATA_DIR) / "forms/rules/fisc-2010.xml",
                  paths.rules() / "fisc-2010.xml");
  }
  /// Each file with the name the search path finds it by (none for the bundle: read by path).
  std::vector<std::pair<fs::path, std::string>> files() const {
    return {{paths.forms / "fisc/caption.xml", "forms/fisc/caption.xml"},
            {paths.letters / "recipients.xml", "letters/recipients.xml"},
            {paths.locales / "root.res", ""},
            {paths.rules() / "fisc-2010.xml", "forms/rules/fisc-2010.xml"}};
  }
};

Entry entry_for(const Data& data, const Context& context, FileHashes& hashes,
                const std::string& input_hash) {
  Entry entry;
  entry.version = context.version;
  entry.rules = context.rules;
  entry.data = context.data;
  entry.source_date_epoch = context.source_date_epoch;
  entry.variant = context.variant;
  entry.input = input_hash;
  for (const auto& [file, name] : data.files()) {
    const auto path = fs::absolute(file).lexically_normal().string();
    // A rules profile is keyed by the version in force on the entry's date (none: the latest).
    entry.files[path] = fs::path(name).parent_path() == "forms/rules"
                            ? hashes.profile(file, entry.date).hash
                            : hashes.of(file);
    if (!name.empty()) entry.names[path] = name;
  }
  entry.key = entry.compute_key();
  return entry;
}

}  // namespace

TEST_CASE("keys: every field counts, and moving text between fields changes the key") {
  Entry entry;
  entry.version = "0.1.0";
  entry.input = "abc";
  entry.files["/a"] = "1";
  const auto key = entry.compute_key();
  CHECK(key.size() == 64);
  CHECK(key == entry.compute_key());
  auto changed = entry;
  changed.rules = "fisc-2010";
  CHECK(changed.compute_key() != key);
  changed = entry;
  changed.files["/a"] = "2";
  CHECK(changed.compute_key() != key);
  changed = entry;
  changed.version = "0.1.0abc";
  changed.input = "";
  CHECK(changed.compute_key() != key);
  changed = entry;
  changed.pages = 9;  // an outcome, not an ingredient
  CHECK(changed.compute_key() == key);
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("explain: new, up to date, and each reason in words") {
  Data data;
  const auto context = Context::current(data.paths, "");
  FileHashes hashes;
  const auto entry = entry_for(data, context, hashes, "input-1");

  CHECK(explain(nullptr, context, "input-1", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"new"});
  CHECK(explain(&entry, context, "input-1", true, hashes, data.paths, {}).empty());
  CHECK(explain(&entry, context, "input-2", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"input changed"});
  CHECK(explain(&entry, context, "input-1", false, hashes, data.paths, {}) ==
        std::vector<std::string>{"output missing"});

  auto older = entry;
  older.version = "0.0.9";
  older.key = older.compute_key();
  CHECK(explain(&older, context, "input-1", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"fiscgen version changed"});

  const auto with_rules = Context::current(data.paths, "letter-us");
  CHECK(explain(&entry, with_rules, "input-1", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"--rules letter-us given"});

  auto damaged = entry;
  damaged.input = "forged";
  CHECK(explain(&damaged, context, "forged", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"cache entry damaged"});
}

TEST_CASE("explain: changed data files are named by what they are") {
  Data data;
  const auto context = Context::current(data.paths, "");
  FileHashes before;
  const auto entry = entry_for(data, context, before, "input");
  write(data.paths.forms / "fisc/caption.xml", "<caption changed=\"yes\"/>");
  write(data.paths.letters / "recipients.xml", "<recipients><r/></recipients>");
  fs::remove(data.paths.locales / "root.res");
  FileHashes after;  // a new batch reads the files afresh
  const auto reasons = explain(&entry, context, "input", true, after, data.paths, {});
  CHECK(std::find(reasons.begin(), reasons.end(), "template forms/fisc/caption.xml changed") !=
        reasons.end());
  CHECK(std::find(reasons.begin(), reasons.end(),
                  "recipients directory letters/recipients.xml changed") != reasons.end());
  CHECK(std::find(reasons.begin(), reasons.end(), "locale bundle root removed") != reasons.end());
  CHECK(reasons.size() == 3);
}

TEST_CASE("explain: a --templates folder changes only the outputs whose files it overrides") {
  Data data;
  const auto context = Context::current(data.paths, "");
  FileHashes hashes;
  const auto entry = entry_for(data, context, hashes, "input");
  const auto ours = [&](const std::string& name) {
    return fs::absolute(data.dir / name).lexically_normal().string();
  };

  // Given, holding nothing this output read: up to date.
  const TempDir firm;
  auto with_firm = data.paths;
  with_firm.templates = {firm.path()};
  write(firm / "forms/fisc/other.xml", "<other/>");
  write(firm / "forms/rules/frap-32.xml", "<rules/>");
  CHECK(Context::current(with_firm, "").data == context.data);
  CHECK(explain(&entry, Context::current(with_firm, ""), "input", true, hashes, with_firm, {})
            .empty());

  // Gaining an override of a file it read: named, with the file now read.
  const auto theirs = fs::absolute(firm / "forms/fisc/caption.xml").lexically_normal().string();
  write(theirs, "<caption firm=\"yes\"/>");
  write(firm / "forms/rules/fisc-2010.xml", "<rules/>");
  const auto theirs_rules =
      fs::absolute(firm / "forms/rules/fisc-2010.xml").lexically_normal().string();
  FileHashes after;
  CHECK(explain(&entry, context, "input", true, after, with_firm, {}) ==
        std::vector<std::string>{"template forms/fisc/caption.xml: " + theirs + " now overrides " +
                                     ours("forms/fisc/caption.xml"),
                                 "rules fisc-2010: " + theirs_rules + " now overrides " +
                                     ours("forms/rules/fisc-2010.xml")});

  // Rendered with the override, then the folder dropped: the data folder's file is read again.
  auto overridden = entry;
  overridden.files.erase(ours("forms/fisc/caption.xml"));
  overridden.names.erase(ours("forms/fisc/caption.xml"));
  overridden.files[theirs] = after.of(theirs);
  overridden.names[theirs] = "forms/fisc/caption.xml";
  overridden.key = overridden.compute_key();
  CHECK(explain(&overridden, context, "input", true, after, with_firm, {}) ==
        std::vector<std::string>{"rules fisc-2010: " + theirs_rules + " now overrides " +
                                 ours("forms/rules/fisc-2010.xml")});
  CHECK(explain(&overridden, context, "input", true, after, data.paths, {}) ==
        std::vector<std::string>{"template forms/fisc/caption.xml: now read from " +
                                 ours("forms/fisc/caption.xml") + ", not " + theirs});
}

TEST_CASE("explain: a changed rules profile is named, with its settings when rules can diff") {
  Data data;
  const auto context = Context::current(data.paths, "");
  FileHashes before;
  const auto entry = entry_for(data, context, before, "input");
  const auto profile = data.paths.rules() / "fisc-2010.xml";
  const auto old_bytes = batch_test::read(profile);
  auto text = old_bytes;
  const std::string margins = "<margins top=\"72\" right=\"72\" bottom=\"72\" left=\"72\"/>";
  const auto at = text.find(margins);
  REQUIRE(at != std::string::npos);
  text.replace(at, margins.size(), "<margins top=\"72\" right=\"72\" bottom=\"72\" left=\"90\"/>");
  write(profile, text);
  FileHashes after;
  // The cache keeps the version in force as the key hashed it.
  const auto& kept = before.profile(profile, "");
  const std::map<std::string, std::string> old_rules{{kept.hash, kept.text}};
  const auto reasons = explain(&entry, context, "input", true, after, data.paths, old_rules);
  REQUIRE(reasons.size() == 1);
  CHECK(reasons[0].rfind("rules fisc-2010 changed", 0) == 0);
  // With rules::differences() the setting is named; without, the profile alone is.
  if (reasons[0].size() > std::string("rules fisc-2010 changed").size())
    CHECK(reasons[0].find("left") != std::string::npos);
}

TEST_CASE("cache: entries persist, and two caches on one file (two shards) merge") {
  TempDir dir;
  const auto file = dir / "out/.fiscgen-batch.json";
  Entry a;
  a.input = "a";
  a.files["/rules/x.xml"] = sha256_hex("<profile/>");
  a.key = a.compute_key();
  Entry b = a;
  b.input = "b";
  b.key = b.compute_key();
  {
    Cache first(file), second(file);
    CHECK(first.name_of(dir / "out/sub/a.pdf") == "sub/a.pdf");
    first.record("sub/a.pdf", a, {{sha256_hex("<profile/>"), "<profile/>"}});
    second.record("b.pdf", b, {});
  }
  Cache again(file);
  REQUIRE(again.find("sub/a.pdf"));
  REQUIRE(again.find("b.pdf"));
  CHECK(again.find("sub/a.pdf")->key == a.key);
  CHECK(again.find("b.pdf")->files == b.files);
  CHECK(again.rules_bytes().at(sha256_hex("<profile/>")) == "<profile/>");
  CHECK_FALSE(again.find("c.pdf"));
  // What the lock guards is gone with the writer: no temporary files are left behind.
  for (const auto& entry : fs::directory_iterator(dir / "out"))
    CHECK(entry.path().filename().string().rfind(".fiscgen-batch.json", 0) == 0);
}

TEST_CASE("cache: a damaged or foreign file is ignored, never trusted in part") {
  TempDir dir;
  write(dir / "c.json", "{\"format\": 1, \"entries\": {\"a.pdf\": ");
  CHECK_FALSE(Cache(dir / "c.json").find("a.pdf"));
  write(dir / "c.json", "{\"format\": 99, \"entries\": {\"a.pdf\": {}}}");
  CHECK_FALSE(Cache(dir / "c.json").find("a.pdf"));
}

TEST_CASE("file hashes: an unchanged file keeps its hash unread, a changed one is read again") {
  TempDir dir;
  const auto file = dir / "template.xml";
  write(file, "<one/>");
  // Stats are kept only for files that have settled (unmodified for over a second).
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  FileHashes first;
  CHECK(first.of(file) == sha256_hex("<one/>"));
  auto stats = first.stats();
  REQUIRE(stats.size() == 1);
  // A stat that matches is trusted: the (forged) hash comes back without reading the file.
  stats.begin()->second.hash = "forged";
  FileHashes unchanged(stats);
  CHECK(unchanged.of(file) == "forged");
  // Any change of size, times or inode reads it again, and the content decides.
  write(file, "<two/>");
  FileHashes changed(stats);
  CHECK(changed.of(file) == sha256_hex("<two/>"));
  CHECK(changed.stats().empty());  // just modified: not trusted next time either
}

TEST_CASE("file hashes: a file written just before a whole second is not settled just after it") {
  TempDir dir;
  const auto file = dir / "template.xml";
  using std::chrono::system_clock;
  const auto fraction = [] {
    return system_clock::now().time_since_epoch() % std::chrono::seconds{1};
  };
  // Written at x.95 s and looked at x+1.05 s: 100 ms old, though its seconds differ by one.
  while (fraction() < std::chrono::milliseconds(950))
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  write(file, "<one/>");
  while (fraction() > std::chrono::milliseconds(500) || fraction() < std::chrono::milliseconds(50))
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  FileHashes hashes;
  CHECK(hashes.of(file) == sha256_hex("<one/>"));
  CHECK(hashes.stats().empty());
}

TEST_CASE("explain: --public, --keep-pages and --draft change the key and are named") {
  Data data;
  const auto context = Context::current(data.paths, "");
  FileHashes hashes;
  const auto entry = entry_for(data, context, hashes, "input");
  const auto both = Context::current(data.paths, "", {.public_version = true, .draft = true});
  CHECK(explain(&entry, both, "input", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"--public given", "--draft given"});
  const auto public_entry =
      entry_for(data, Context::current(data.paths, "", {.public_version = true}), hashes, "input");
  CHECK(public_entry.key != entry.key);
  CHECK(explain(&public_entry, context, "input", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"--public no longer given"});
  // The classified version's pages are another PDF: a key of their own.
  const auto kept = Context::current(data.paths, "", {.public_version = true, .keep_pages = true});
  CHECK(kept.variant == "--public --keep-pages");
  const auto kept_entry = entry_for(data, kept, hashes, "input");
  CHECK(kept_entry.key != public_entry.key);
  CHECK(explain(&public_entry, kept, "input", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"--keep-pages given"});
}

TEST_CASE("explain: --exhibits changes the key and is named, beside --public") {
  Data data;
  TempDir dir;
  const auto context = Context::current(data.paths, "");
  FileHashes hashes;
  const auto entry = entry_for(data, context, hashes, "input");
  const auto elsewhere = Context::current(data.paths, "", {.public_version = true}, dir.path());
  const auto moved = entry_for(data, elsewhere, hashes, "input");
  CHECK(moved.key != entry.key);
  CHECK(explain(&entry, elsewhere, "input", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"--public given", "exhibits read from " + dir.path().string()});
  CHECK(explain(&moved, context, "input", true, hashes, data.paths, {}) ==
        std::vector<std::string>{"--public no longer given", "--exhibits no longer given"});
}
