// The batch itself: decide what is out of date, then render it with a pool of threads.
//
// Threads, not processes: every stage keeps its state per call (pugixml documents and XPath
// variable sets, libharu documents, HarfBuzz fonts), ICU is thread-safe, and fontconfig is
// reached through one FontconfigResolver per worker. Measured in bench/bench_batch.cpp.

#include <algorithm>
#include <chrono>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <tuple>

#include "base/error.hpp"
#include "batch/batch.hpp"
#include "batch/cache.hpp"
#include "batch/discovery.hpp"
#include "fonts/fonts.hpp"
#include "pdf/atomic_file.hpp"
#include "pdf/sha256.hpp"
#include "render/render.hpp"
#include "template/library.hpp"

namespace fs = std::filesystem;

namespace fiscgen::batch {
namespace {

constexpr const char* cache_name = ".fiscgen-batch.json";

// A worker's PDFs are made durable in groups (pdf::StagedWrites): one sync of the disk's cache
// per group instead of one per document. A group is committed when it holds `group_limit`
// documents, or its first is `group_time` old, so progress is still reported as it happens. It is
// committed on a thread of its own while the worker renders the next group, which so does not wait
// for the disk: 300 letters with one job took 0.02 s more wall time than CPU time, and now
// 0.02–0.04 s less. A worker holds at most two groups' temporary files; among all workers at most
// `staged_files` are open at once: the signal handler's table that removes them on Ctrl-C
// holds 64.
constexpr int group_limit = 16, staged_files = 48;
constexpr std::chrono::milliseconds group_time{250};

std::string absolute_name(const fs::path& path) {
  return absolute_path(path).string();
}

/// Two inputs must never write the same PDF: one would silently replace the other.
void refuse_shared_outputs(const std::vector<Document>& documents) {
  std::map<std::string, const Document*> by_output;
  for (const auto& document : documents) {
    const auto [it, added] = by_output.emplace(absolute_name(document.output), &document);
    if (!added)
      throw Error(SourceLocation{document.input.string()},
                  "writes the same output " + document.output.string() + " as " +
                      it->second->input.string() + "; give them different names or folders");
  }
}

/// Fonts for the documents of one worker: each family and face asked of fontconfig once, and
/// each font file loaded (HarfBuzz face, metrics) once per batch rather than once per document.
/// Loaded fonts are keyed by path and content hash, as the batch's keys are.
class WorkerFonts : public fonts::FontResolver {
 public:
  explicit WorkerFonts(FileHashes& hashes) : hashes_(hashes) {}

  std::filesystem::path find(const std::string& family, fonts::Face face, bool exact) override {
    const auto key = std::make_tuple(family, face, exact);
    if (const auto found = files_.find(key); found != files_.end()) return found->second;
    // An Error (a missing family) is thrown before anything is kept: asked again next time.
    return files_.emplace(key, fontconfig_.find(family, face, exact)).first->second;
  }

  std::filesystem::path find_covering(char32_t code_point, fonts::Face face) override {
    const auto key = std::make_pair(code_point, face);
    if (const auto found = covering_.find(key); found != covering_.end()) return found->second;
    return covering_.emplace(key, fontconfig_.find_covering(code_point, face)).first->second;
  }

  std::shared_ptr<const fonts::Font> open(const std::filesystem::path& file) override {
    const auto key = absolute_name(file) + "\n" + hashes_.of(file);
    if (const auto found = loaded_.find(key); found != loaded_.end()) return found->second;
    return loaded_.emplace(key, fonts::FontResolver::open(file)).first->second;
  }

 private:
  FileHashes& hashes_;
  fonts::FontconfigResolver fontconfig_;  // one per worker: fontconfig is not ours to share
  std::map<std::tuple<std::string, fonts::Face, bool>, std::filesystem::path> files_;
  std::map<std::pair<char32_t, fonts::Face>, std::filesystem::path> covering_;
  std::map<std::string, std::shared_ptr<const fonts::Font>> loaded_;
};

class Worker {
 public:
  Worker(const Options& options, const DataPaths& paths, const Context& context, Cache* cache,
         FileHashes& hashes, int jobs)
      : options_(options),
        paths_(paths),
        context_(context),
        cache_(cache),
        hashes_(hashes),
        fonts_(hashes),
        group_size_(
            static_cast<std::size_t>(std::clamp(staged_files / (2 * jobs), 1, group_limit))) {}

  /// Renders `document` and stages its PDF. Returns the documents whose status is now final:
  /// this one if it failed, and the group committed when it is full or old enough.
  std::vector<Document*> render(Document& document) {
    const auto start = std::chrono::steady_clock::now();
    try {
      // Made once per folder and worker, not looked at again for every document in it.
      if (document.output.has_parent_path() && document.output.parent_path() != made_folder_) {
        fs::create_directories(document.output.parent_path());
        made_folder_ = document.output.parent_path();
      }
      render::Request request;
      request.input = document.input;
      request.output = document.output;
      if (!options_.rules.empty()) request.overrides.push_back("@rules=" + options_.rules);
      request.public_version = options_.public_version;
      request.keep_pages = options_.keep_pages;
      request.draft = options_.draft;
      request.exhibits = options_.exhibits;
      request.templates = &templates_;
      request.staged = &group_->staged;
      auto result = render::render(request, paths_, fonts_);
      document.pages = result.pages;
      document.warnings = std::move(result.warnings);
      Pending pending{&document, entry_for(document, result.reads, result.rules_as_of), {}};
      // Kept, to name what changes next time: the version in force, as the key hashed it.
      for (const auto& [path, name] : pending.entry.names)
        if (source_name::is_rules_profile(name)) {
          const auto& profile = hashes_.profile(path, pending.entry.date);
          if (!profile.text.empty()) pending.rules_texts[profile.hash] = profile.text;
        }
      if (group_->pending.empty()) group_started_ = start;
      group_->pending.push_back(std::move(pending));
    } catch (const Error& error) {
      fail(document, error);
    } catch (const std::exception& error) {
      document.status = Status::failed;
      document.error = document.input.string() + ": internal error: " + error.what();
    }
    document.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::vector<Document*> done;
    if (document.status == Status::failed) done.push_back(&document);
    const auto& pending = group_->pending;
    if (pending.size() >= group_size_ ||
        (!pending.empty() && std::chrono::steady_clock::now() - group_started_ >= group_time)) {
      auto committed = hand_over();
      done.insert(done.end(), committed.begin(), committed.end());
    }
    return done;
  }

  /// Waits for the groups handed over, then commits the one being filled: at the end, or when
  /// stopped. Returns the documents of both, final.
  std::vector<Document*> finish() {
    auto done = committed();
    auto last = commit(*group_);
    group_ = std::make_unique<Group>();
    done.insert(done.end(), last.begin(), last.end());
    return done;
  }

 private:
  /// A rendered document whose PDF is staged, and what the cache will record for it.
  struct Pending {
    Document* document;
    Entry entry;
    std::map<std::string, std::string> rules_texts;  // by hash: to name what changes next time
  };
  /// PDFs staged to be made durable and put in place together.
  struct Group {
    pdf::StagedWrites staged;
    std::vector<Pending> pending;  // in the order staged
  };

  /// The entry for `document`: its dependencies are exactly what the render recorded reading.
  Entry entry_for(const Document& document, const std::vector<SourceRead>& reads,
                  const std::string& rules_as_of) {
    Entry entry;
    entry.version = context_.version;
    entry.rules = context_.rules;
    entry.data = context_.data;
    entry.source_date_epoch = context_.source_date_epoch;
    entry.variant = context_.variant;
    entry.input = hashes_.of(document.input);
    entry.date = rules_as_of;
    for (const auto& read : reads) {
      const auto path = absolute_name(read.file);
      // A rules profile by the version in force on the document's date, not the whole file.
      entry.files[path] = source_name::is_rules_profile(read.name)
                              ? hashes_.profile(read.file, entry.date).hash
                              : hashes_.of(read.file);
      if (!read.name.empty()) entry.names[path] = read.name;
    }
    entry.pages = document.pages;
    entry.key = entry.compute_key();
    return entry;
  }

  /// Puts every PDF of `group` in place, then records in the cache those that are: the cache
  /// never names an output that is not on disk whole. Returns the group's documents, final.
  std::vector<Document*> commit(Group& group) {
    const auto errors = group.staged.commit();
    std::vector<Document*> done;
    for (std::size_t i = 0; i < group.pending.size(); ++i) {
      Pending& pending = group.pending[i];
      Document& document = *pending.document;
      try {
        if (i < errors.size() && errors[i]) std::rethrow_exception(errors[i]);
        if (cache_)
          cache_->record(cache_->name_of(document.output), pending.entry, pending.rules_texts);
        document.key = pending.entry.key;
        document.status = Status::rendered;
      } catch (const Error& error) {
        fail(document, error);
      } catch (const std::exception& error) {
        document.status = Status::failed;
        document.error = document.input.string() + ": internal error: " + error.what();
      }
      done.push_back(&document);
    }
    return done;
  }

  /// The documents of the group handed over last, once it is committed; none if there is none.
  std::vector<Document*> committed() {
    return committing_.valid() ? committing_.get() : std::vector<Document*>{};
  }

  /// Hands the group being filled to a thread that commits it, once the one before is committed
  /// (whose documents it returns): a worker's groups are put in place in order.
  std::vector<Document*> hand_over() {
    auto done = committed();
    committing_ = std::async(std::launch::async,
                             [this, group = std::move(group_)] { return commit(*group); });
    group_ = std::make_unique<Group>();
    return done;
  }

  static void fail(Document& document, const Error& error) {
    document.status = Status::failed;
    // Errors without a file are about this document all the same: name it.
    document.error = error.where().file.empty() ? document.input.string() + ": " + error.message()
                                                : error.describe();
  }

  const Options& options_;
  const DataPaths& paths_;
  const Context& context_;
  Cache* cache_;
  FileHashes& hashes_;
  WorkerFonts fonts_;
  templ::TemplateCache templates_;
  std::unique_ptr<Group> group_ = std::make_unique<Group>();  // being filled
  std::size_t group_size_;
  std::chrono::steady_clock::time_point group_started_{};
  fs::path made_folder_;  // the output folder made last
  // The group handed over last, being committed; declared last, so that a worker destroyed
  // early waits for it before anything it uses goes.
  std::future<std::vector<Document*>> committing_;
};

}  // namespace

const char* status_name(Status status) {
  switch (status) {
    case Status::rendered:
      return "rendered";
    case Status::up_to_date:
      return "up-to-date";
    case Status::failed:
      return "failed";
    case Status::skipped_by_shard:
      return "skipped-by-shard";
    case Status::would_render:
      return "would-render";
    case Status::not_started:
      return "not-started";
  }
  return "unknown";
}

int Summary::count(Status status) const {
  return static_cast<int>(
      std::count_if(documents.begin(), documents.end(),
                    [status](const Document& d) { return d.status == status; }));
}

Shard Shard::parse(const std::string& text) {
  const auto slash = text.find('/');
  Shard shard;
  try {
    std::size_t used = 0;
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    shard.index = std::stoi(text.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("index");
    shard.count = std::stoi(text.substr(slash + 1), &used);
    if (used != text.size() - slash - 1) throw std::invalid_argument("count");
  } catch (const std::exception&) {
    throw Error("--shard " + text + ": expected K/N, such as 2/8");
  }
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    throw Error("--shard " + text + ": expected 1 ≤ K ≤ N");
  return shard;
}

bool Shard::contains(const std::string& name) const {
  if (count == 1) return true;
  // A hash, not the position in the list: adding a document moves no other between shards.
  pdf::Sha256 sha;
  sha.update(name);
  const auto digest = sha.finish();
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | digest[static_cast<std::size_t>(i)];
  return static_cast<int>(value % static_cast<std::uint64_t>(count)) == index - 1;
}

void check_output_folder(const fs::path& folder) {
  // The nearest part of the path that exists decides: a folder there can hold the rest.
  for (fs::path part = folder; !part.empty(); part = part.parent_path()) {
    std::error_code ec;
    const auto status = fs::status(part, ec);
    if (fs::is_directory(status)) return;
    if (fs::exists(status))
      throw Error(SourceLocation{folder.string()},
                  part == folder ? "is a file, not a folder; expected the folder the PDFs go in "
                                   "(made if missing)"
                                 : part.string() +
                                       " is a file, so this folder cannot be made; "
                                       "expected a folder for the PDFs");
    if (part == part.parent_path()) return;
  }
}

namespace {

/// The documents of the shard that need rendering, each with why; the others marked skipped or
/// up to date. `in_shard` counts the shard's documents.
std::vector<Document*> plan(Summary& summary, const Options& options, Cache& cache,
                            const Context& context, FileHashes& hashes, const DataPaths& paths,
                            int& in_shard) {
  std::vector<Document*> to_render;
  for (auto& document : summary.documents) {
    if (!options.shard.contains(document.name)) {
      document.status = Status::skipped_by_shard;
      continue;
    }
    ++in_shard;
    const auto entry = cache.find(cache.name_of(document.output));
    std::error_code ec;
    // A document never rendered is new whatever its bytes (explain() looks at nothing else):
    // its input is hashed by the worker that renders it, in parallel, not here before any
    // worker starts.
    document.reasons =
        entry ? explain(&*entry, context, hashes.of(document.input),
                        fs::exists(document.output, ec), hashes, paths, cache.rules_bytes())
              : explain(nullptr, context, {}, false, hashes, paths, cache.rules_bytes());
    if (document.reasons.empty() && !options.force) {
      document.status = Status::up_to_date;
      document.key = entry->key;
      document.pages = entry->pages;
      continue;
    }
    if (document.reasons.empty()) document.reasons.push_back("--force");
    to_render.push_back(&document);
  }
  return to_render;
}

/// Renders `to_render` with the jobs asked for (at most one per document), each worker taking
/// the next document until none is left or `stop` is set.
void render_all(const std::vector<Document*>& to_render, const Options& options,
                const DataPaths& paths, const Context& context, Cache& cache, FileHashes& hashes,
                Observer& observer, const std::atomic<bool>* stop) {
  int jobs =
      options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency());
  jobs = std::clamp(jobs, 1, std::max(1, static_cast<int>(to_render.size())));
  std::atomic<std::size_t> next{0};
  std::mutex observer_mutex;
  const auto work = [&] {
    Worker worker(options, paths, context, &cache, hashes, jobs);
    const auto tell = [&](const std::vector<Document*>& final) {
      std::lock_guard lock(observer_mutex);
      for (const auto* document : final) observer.finished(*document);
    };
    for (;;) {
      if (stop && stop->load()) break;
      const std::size_t index = next.fetch_add(1);
      if (index >= to_render.size()) break;
      tell(worker.render(*to_render[index]));
    }
    tell(worker.finish());  // stopped or done, what was rendered is put in place and recorded
  };
  if (jobs == 1) {
    work();  // no thread for one worker: simpler stacks in a debugger, same behaviour
  } else {
    std::vector<std::jthread> pool;
    for (int i = 0; i < jobs; ++i) pool.emplace_back(work);
  }
}

/// The file hashes learned this run, given to the cache. Only what changed: a run with nothing
/// to do then writes nothing at all.
void remember_stats(Cache& cache, FileHashes& hashes) {
  std::map<std::string, FileStat> learned;
  for (auto& [path, stat] : hashes.stats()) {
    const auto known = cache.stats().find(path);
    if (known == cache.stats().end() || known->second.signature != stat.signature ||
        known->second.hash != stat.hash)
      learned.emplace(path, std::move(stat));
  }
  if (!learned.empty()) cache.remember(learned);
}

}  // namespace

Summary run(const Options& options, const DataPaths& paths, Observer& observer,
            const std::atomic<bool>* stop) {
  if (!options.output_dir.empty()) check_output_folder(options.output_dir);
  Summary summary;
  for (auto& found : discover(options.paths, &summary.warnings)) {
    Document document;
    document.output = output_for(found, options.output_dir);
    document.input = std::move(found.input);
    document.name = std::move(found.name);
    summary.documents.push_back(std::move(document));
  }
  refuse_shared_outputs(summary.documents);

  // Outputs beside their inputs share a cache in the working folder.
  const fs::path cache_folder = options.output_dir.empty() ? fs::path(".") : options.output_dir;
  Cache cache(cache_folder / cache_name);
  const auto context = Context::current(paths, options.rules,
                                        {options.public_version, options.keep_pages, options.draft},
                                        options.exhibits);
  FileHashes hashes(cache.stats());
  int in_shard = 0;
  const auto to_render = plan(summary, options, cache, context, hashes, paths, in_shard);

  observer.started(in_shard, static_cast<int>(to_render.size()));
  for (const auto& document : summary.documents)
    if (document.status == Status::up_to_date) observer.finished(document);
  if (options.dry_run) {
    for (auto* document : to_render) {
      document->status = Status::would_render;
      observer.finished(*document);
    }
    return summary;
  }

  render_all(to_render, options, paths, context, cache, hashes, observer, stop);
  remember_stats(cache, hashes);
  cache.flush();  // finished or interrupted, every rendered document is recorded
  summary.interrupted = std::any_of(to_render.begin(), to_render.end(), [](const Document* d) {
    return d->status == Status::not_started;
  });
  if (!options.compare_to.empty() && !summary.interrupted)
    write_blacklines(summary, options, paths);
  return summary;
}

}  // namespace fiscgen::batch
