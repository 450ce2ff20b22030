// Batch regeneration (design §6): discover inputs, skip those whose key is unchanged, render the
// rest in parallel, remember what each output depended on, and report.
#pragma once

#include <atomic>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "base/data_paths.hpp"
#include "base/error.hpp"

namespace fiscgen::batch {

/// Part K of N (1-based) of a batch; {1, 1} is the whole batch.
struct Shard {
  int index = 1;
  int count = 1;
  /// Reads "K/N"; throws Error when it is not 1 ≤ K ≤ N.
  static Shard parse(const std::string& text);
  /// Whether the document named `name` (its path relative to what named it) is in this part.
  /// The same name lands in the same part on every machine.
  bool contains(const std::string& name) const;
};

struct Options {
  std::vector<std::filesystem::path> paths;  // files, folders and *.list manifests
  std::filesystem::path output_dir;          // empty: each PDF beside its input
  int jobs = 0;                              // 0: one per core
  std::string rules;                         // non-empty: render with this rules profile
  bool force = false;                        // render even when up to date
  bool dry_run = false;                      // decide, but render and write nothing
  bool public_version = false;               // --public, as render has it (changes the key)
  bool keep_pages = false;  // --keep-pages (with --public), as render has it (changes the key)
  bool draft = false;       // --draft, as render has it (changes the key)
  std::filesystem::path exhibits;  // --exhibits, as render has it (changes the key)
  /// --compare-to DIR: a blackline beside each output whose input differs from DIR's input of
  /// the same name (its path relative to what named it); empty: none.
  std::filesystem::path compare_to;
  Shard shard;
};

enum class Status { rendered, up_to_date, failed, skipped_by_shard, would_render, not_started };

/// The word the report and the progress lines use: "rendered", "up-to-date", …
const char* status_name(Status status);

/// One document of the batch, and what became of it.
struct Document {
  std::filesystem::path input;   // as it can be opened from the working directory
  std::string name;              // relative to the folder or manifest that named it
  std::filesystem::path output;  // the PDF
  Status status = Status::not_started;
  std::vector<std::string> reasons;  // why it is (or would be) rendered again
  int pages = 0;
  double milliseconds = 0;
  std::string key;    // hex SHA-256; empty when unknown (failed, skipped)
  std::string error;  // "file:line:col: message" when failed
  Warnings warnings;
  std::filesystem::path blackline;  // --compare-to: the blackline written; empty: none
  std::string blackline_error;      // --compare-to: why the blackline failed ("file:line:col: …")
};

/// Told about the batch as it goes; calls are serialised, never concurrent.
class Observer {
 public:
  virtual ~Observer() = default;
  /// Once, before any document: how many are in this shard and how many will be rendered.
  virtual void started(int total, int to_render) = 0;
  /// Once per document of the shard, as soon as its status is final.
  virtual void finished(const Document& document) = 0;
};

struct Summary {
  std::vector<Document> documents;  // every discovered document, in discovery order
  bool interrupted = false;         // `stop` was set before every document was rendered
  Warnings warnings;                // about the batch as a whole: links to folders not followed
  int count(Status status) const;
};

/// Runs a batch. Errors that concern the batch as a whole (a missing path, two inputs with
/// the same output) throw Error before anything is rendered; a failing document is recorded
/// in its Document and the others go on. A cache that cannot be read is ignored: everything
/// is rendered again. Setting `stop` (from a signal handler, say) lets the documents being
/// rendered finish, records them, and starts no more. Other processes may run batches into
/// the same output folder at the same time (shards): the cache is merged under a lock.
Summary run(const Options& options, const DataPaths& paths, Observer& observer,
            const std::atomic<bool>* stop = nullptr);

/// --compare-to: for every document rendered or up to date whose input differs, byte for byte,
/// from the same-named input under options.compare_to, writes OUTPUT-blackline.pdf beside its
/// output (render::compare, with the batch's --public and --exhibits). Documents with no such
/// input, or an identical one, get none. A failing blackline is recorded in its Document.
void write_blacklines(Summary& summary, const Options& options, const DataPaths& paths);

/// Throws Error unless `folder` is a folder or can be made one: a file in its place, or in
/// place of one of its parents, is named. For `-o` options that name a folder of outputs.
void check_output_folder(const std::filesystem::path& folder);

/// Writes the JSON report of `summary` to `file`, atomically.
void write_report(const Summary& summary, const std::filesystem::path& file);

/// Progress for people: a redrawn one-line bar on a terminal, plain lines otherwise.
class ProgressPrinter : public Observer {
 public:
  /// `quiet`: failures only, no progress and no warnings.
  ProgressPrinter(std::ostream& out, bool terminal, bool colour, bool explain, bool quiet = false);
  void started(int total, int to_render) override;
  void finished(const Document& document) override;
  /// Clears the bar and prints the closing counts.
  void done(const Summary& summary);

 private:
  void draw(std::ostream& out);
  std::ostream& out_;
  bool terminal_, colour_, explain_, quiet_;
  int total_ = 0, to_render_ = 0, done_ = 0, rendered_ = 0, failed_ = 0;
  double started_at_ = 0;
};

}  // namespace fiscgen::batch
