// fiscgen batch: regenerate many documents, skipping those whose inputs have not changed.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "batch/batch.hpp"
#include "cli/command.hpp"

namespace fiscgen::cli {
namespace {

struct Options {
  std::vector<std::string> paths;
  std::string output, rules, report, exhibits, compare_to, shard = "1/1";
  int jobs = 0;
  bool explain = false, dry_run = false, force = false, public_version = false, draft = false;
  bool keep_pages = false;
};

/// Documents rendered at once, at most: each worker holds a document's trees and fonts (a few
/// hundred MB at the input limits), so more than this is never what a user meant.
constexpr int max_jobs = 256;

/// --jobs: CLI11's PositiveNumber answered 0 with "not in range 0.000000 to 1.79e308".
const CLI::Validator jobs_in_range(
    [](std::string& text) -> std::string {
      bool valid = !text.empty() && text.size() <= 3;
      int jobs = 0;
      for (const char c : text) {
        valid = valid && c >= '0' && c <= '9';
        if (valid) jobs = jobs * 10 + (c - '0');
      }
      if (valid && jobs >= 1 && jobs <= max_jobs) return {};
      return "expected a whole number of documents rendered at once, from 1 to " +
             std::to_string(max_jobs) + "; got \"" + terminal_text(text.substr(0, 20)) + "\"";
    },
    "1.." + std::to_string(max_jobs));

// Set by SIGINT/SIGTERM: the documents being rendered finish and are recorded, no more start.
std::atomic<bool> stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "stored from a signal handler");

// What SIGINT and SIGTERM did before batch: main()'s handler, which removes temporary files.
using SignalAction = struct sigaction;
SignalAction previous_int{}, previous_term{};

extern "C" void request_stop(int signal_number) {
  stop_requested.store(true);
  // A second Ctrl-C ends the process at once, as the user then expects, through the handler
  // from before: the PDFs being written leave no temporary files.
  sigaction(signal_number, signal_number == SIGINT ? &previous_int : &previous_term, nullptr);
}

/// Catches SIGINT and SIGTERM while it lives; the previous handlers come back afterwards.
class StopOnSignal {
 public:
  StopOnSignal() {
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_int);
    sigaction(SIGTERM, &action, &previous_term);
  }
  ~StopOnSignal() {
    sigaction(SIGINT, &previous_int, nullptr);
    sigaction(SIGTERM, &previous_term, nullptr);
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
};

// 128 + SIGINT, as shells report a process ended by Ctrl-C.
constexpr int exit_interrupted = 130;

int run_batch(const Options& options, const Globals& globals, const DataPaths& paths) {
  batch::Options batch;
  for (const auto& path : options.paths) batch.paths.emplace_back(path);
  batch.output_dir = options.output;
  batch.jobs = options.jobs;
  batch.rules = options.rules;
  batch.force = options.force;
  batch.dry_run = options.dry_run;
  batch.public_version = options.public_version;
  batch.keep_pages = options.keep_pages;
  batch.draft = options.draft;
  batch.exhibits = options.exhibits;
  batch.compare_to = options.compare_to;
  batch.shard = batch::Shard::parse(options.shard);

  const bool terminal = isatty(STDERR_FILENO) == 1;
  const char* no_colour = std::getenv("NO_COLOR");
  const bool colour = terminal && (!no_colour || !*no_colour);
  // A dry run's answer is the output: it goes to standard output, one plain line each.
  batch::ProgressPrinter printer(options.dry_run ? std::cout : std::cerr,
                                 options.dry_run ? false : terminal, colour,
                                 options.explain || options.dry_run, globals.quiet);
  StopOnSignal stop_on_signal;
  const auto summary = batch::run(batch, paths, printer, &stop_requested);
  printer.done(summary);
  print_warnings(summary.warnings);
  int blacklines_failed = 0;
  for (const auto& document : summary.documents) {
    if (!document.blackline_error.empty()) {
      std::cerr << "error: blackline: " << terminal_text(document.blackline_error) << '\n';
      ++blacklines_failed;
    } else if (!document.blackline.empty() && !globals.quiet) {
      std::cerr << "blackline " << terminal_text(document.blackline.string()) << '\n';
    }
  }
  if (!options.report.empty() && !options.dry_run) batch::write_report(summary, options.report);
  if (summary.interrupted) return exit_interrupted;
  return summary.count(batch::Status::failed) > 0 || blacklines_failed > 0 ? exit_document_error
                                                                           : exit_ok;
}

}  // namespace

CLI::Validator output_folder_validator() {
  return CLI::Validator(
      [](const std::string& text) -> std::string {
        try {
          batch::check_output_folder(text);
          return {};
        } catch (const Error& error) {
          return error.describe();
        }
      },
      "FOLDER");
}

void add_batch_command(CLI::App& app, Globals& globals, const char* command_name) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      command_name,
      "Render many inputs, skipping those whose inputs, templates and rules are unchanged");
  command
      ->add_option("paths", options->paths,
                   "Input files, folders (every input inside, recursively) and *.list "
                   "manifests (one path per line, relative to the manifest)")
      ->required()
      ->check(CLI::ExistingPath);
  takes(command->add_option("-o,--output", options->output,
                            "Folder for the PDFs, mirroring the inputs' folders (default: beside "
                            "each input); the cache .fiscgen-batch.json is kept there"),
        Value::folder)
      ->check(output_folder_validator());
  command
      ->add_option("-j,--jobs", options->jobs, "Documents rendered at once (default: one per core)")
      ->check(jobs_in_range);
  takes(command->add_option("--rules", options->rules,
                            "Render every document with this rules profile (as --set @rules=NAME)"),
        Value::profile);
  command->add_flag("--public", options->public_version,
                    "The public versions, as render --public makes them (a key of their own: "
                    "use another -o folder for them)");
  command
      ->add_flag("--keep-pages", options->keep_pages,
                 "With --public: the public versions on the classified versions' pages, as "
                 "render --public --keep-pages (a key of its own)")
      ->needs("--public");
  command->add_flag("--draft", options->draft,
                    "A DRAFT watermark across every page, as render --draft (a key of its own)");
  add_exhibits_option(*command, options->exhibits);
  command->add_flag("--explain", options->explain, "Say why each document is rendered again");
  command->add_flag("--dry-run", options->dry_run,
                    "Print what would be rendered and why; write nothing");
  takes(command->add_option("--report", options->report,
                            "Write a JSON report: every document, its status, pages, time and key"),
        Value::file);
  command
      ->add_option("--shard", options->shard,
                   "Render only part K of N (e.g. 2/8), for spreading a batch over machines")
      ->check([](const std::string& text) -> std::string {
        try {
          batch::Shard::parse(text);
          return {};
        } catch (const Error& error) {
          return error.message();
        }
      });
  takes(command->add_option("--compare-to", options->compare_to,
                            "A folder of the earlier versions of the inputs, under the same names: "
                            "a blackline (OUTPUT-blackline.pdf) beside every output whose input "
                            "differs from its earlier version"),
        Value::folder)
      ->check(CLI::ExistingDirectory);
  command->add_flag("--force", options->force, "Render every document, even those up to date");
  command->footer(
      "Exit codes: 0 every document rendered or up to date; 1 some failed (the others were "
      "written);\n"
      "  130 interrupted (finished documents are kept; run again to resume).\n"
      "Examples:\n"
      "  fiscgen batch filings/ -o out/ --jobs 8\n"
      "  fiscgen batch filings/ -o out/ --explain --report out/report.json\n"
      "  fiscgen batch docket.list -o out/ --rules fisc-2010 --dry-run\n"
      "  fiscgen batch filings/ -o out/ --shard 3/8   # see docs/batch.md");
  command->callback([options, &globals] {
    globals.action = [options, &globals](const DataPaths& paths) {
      return run_batch(*options, globals, paths);
    };
  });
}

}  // namespace fiscgen::cli
