#include <chrono>
#include <cmath>
#include <iostream>

#include "batch/batch.hpp"
#include "cli/command.hpp"
#include "pdf/atomic_file.hpp"
#include "render/render.hpp"

namespace fiscgen::cli {

namespace {

struct Options {
  render::Request request;
  std::string input, output, emit = "pdf", data, name, exhibits;
  bool watch = false;
};

/// One render: the PDF or the tree, warnings printed; with --verbose, what was read and how
/// long it took. Returns the files the output depends on.
std::vector<std::filesystem::path> render_once(const Options& options, const DataPaths& paths,
                                               bool verbose) {
  auto request = options.request;
  request.input = options.input;
  request.output = options.output;
  request.emit = options.emit == "tree" ? render::Emit::tree : render::Emit::pdf;
  request.exhibits = options.exhibits;
  fonts::FontconfigResolver fonts;
  const auto start = std::chrono::steady_clock::now();
  const auto result = render::render(request, paths, fonts);
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  print_warnings(result.warnings);
  if (request.emit == render::Emit::tree) {
    if (options.output.empty()) {
      std::cout << result.tree;
    } else {
      // As a PDF is written: whole or not at all, and a device such as /dev/null stays one.
      pdf::write_file_atomically(options.output, result.tree);
    }
  }
  if (verbose || options.watch) {
    if (verbose)
      for (const auto& file : result.files_read)
        std::cerr << "read " << terminal_text(file.string()) << '\n';
    std::cerr << "rendered "
              << (result.output.empty() ? "the tree" : terminal_text(result.output.string()));
    if (result.pages) std::cerr << " (" << result.pages << (result.pages == 1 ? " page" : " pages");
    std::cerr << (result.pages ? ", " : " (") << std::lround(ms.count()) << " ms)\n";
  }
  auto files = result.files_read;
  files.push_back(options.input);
  return files;
}

/// --watch: render, then again whenever the input or anything it used changes. A failed
/// render says why and keeps the last good PDF (the writer only ever renames a whole file).
[[noreturn]] void watch(const Options& options, const DataPaths& paths, bool verbose) {
  std::vector<std::filesystem::path> files;
  for (;;) {
    try {
      files = render_once(options, paths, verbose);
    } catch (const Error& e) {
      print_error(e);
      if (files.empty()) files.push_back(options.input);
    }
    wait_for_change(files);
  }
}

int render_data_rows(const Options& options, const DataPaths& paths) {
  if (options.emit != "pdf") throw Error("--data renders PDFs; it cannot be used with --emit tree");
  const auto data = input::read_csv(options.data);
  const std::filesystem::path folder = options.output.empty() ? "." : options.output;
  batch::check_output_folder(folder);  // a file there is named, not a filesystem_error
  std::filesystem::create_directories(folder);
  auto pattern = options.name;
  if (pattern.empty())
    pattern = std::filesystem::path(options.input).stem().string() + "-{row}.pdf";
  auto request = options.request;
  request.input = options.input;
  request.exhibits = options.exhibits;
  fonts::FontconfigResolver fonts;
  int failed = 0;
  for (const auto& outcome : render::render_rows(request, data, pattern, folder, paths, fonts)) {
    print_warnings(outcome.warnings);
    if (!outcome.error.empty()) {
      std::cerr << "error: " << terminal_text(outcome.error) << '\n';
      ++failed;
      continue;
    }
    std::cout << "row " << outcome.row << ": " << terminal_text(outcome.output.string()) << " ("
              << outcome.pages << (outcome.pages == 1 ? " page)\n" : " pages)\n");
  }
  if (failed == static_cast<int>(data.rows.size()))
    std::cerr << (failed == 1 ? "the row" : "all " + std::to_string(failed) + " rows")
              << " failed; nothing was written\n";
  else if (failed)
    std::cerr << failed << " of " << data.rows.size() << " rows failed; the others were written\n";
  return failed ? exit_document_error : exit_ok;
}

}  // namespace

void add_exhibits_option(CLI::App& command, std::string& folder) {
  takes(command.add_option("--exhibits", folder,
                           "Folder the <exhibit file=\"…\"> files are read from (default: the "
                           "input's folder); nothing outside it is read"),
        Value::folder)
      ->check(CLI::ExistingDirectory);
}

void add_locale_option(CLI::App& command, std::string& locale, const std::string& what) {
  takes(command.add_option("--locale", locale, what), Value::locale)
      ->check(CLI::Validator(
          [](const std::string& value) -> std::string {
            return value.empty() ? "expected a locale, such as en_US or fr (fiscgen locales "
                                   "lists them)"
                                 : "";
          },
          "LOCALE"));
}

void add_render_command(CLI::App& app, Globals& globals, const char* command_name) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(command_name, "Render an input (motion or letter) to PDF");
  takes(command->add_option("input", options->input, "The input XML file"), Value::input)
      ->required()
      ->check(CLI::ExistingFile);
  takes(command->add_option("-o,--output", options->output,
                            "Where to write (default: INPUT with .pdf; tree: stdout)"),
        Value::file);
  add_locale_option(*command, options->request.locale, "Locale of the document, e.g. en_US, fr");
  command
      ->add_option("--set", options->request.overrides,
                   "Override or add a leaf of the input: path=value")
      ->allow_extra_args(false);
  command
      ->add_option("--emit", options->emit,
                   "What to write: pdf, or tree (the document tree as XML)")
      ->check(CLI::IsMember({"pdf", "tree"}));
  takes(
      command->add_option("--data", options->data,
                          "Mail merge: a CSV file whose header names input paths; one PDF per row"),
      Value::csv)
      ->check(CLI::ExistingFile);
  command->add_option("--name", options->name,
                      "Mail merge: output file names, {column} from the row, {row} its number "
                      "(default: INPUT-{row}.pdf); -o is then a folder");
  command->add_flag("--public", options->request.public_version,
                    "The public version of a classified filing: every portion marked above "
                    "UNCLASSIFIED replaced by a \"[Redacted]\" notice, banners as what remains");
  command
      ->add_flag("--keep-pages", options->request.keep_pages,
                 "With --public: keep the classified version's pages, so that page citations "
                 "match between the versions (this shows how much each redaction hides: see "
                 "docs/input.md)")
      ->needs("--public");
  command->add_flag("--draft", options->request.draft,
                    "A DRAFT watermark across every page (the word in the document's language)");
  command->add_flag("--detect-citations", options->request.detect_citations,
                    "Read citations in plain running text too, not only in <cite> (as a rules "
                    "profile's <citations detect=\"yes\"> does)");
  add_exhibits_option(*command, options->exhibits);
  command->add_flag("--watch", options->watch,
                    "Render again whenever the input, a template, the rules or a bundle it used "
                    "changes; Ctrl-C stops");
  command->footer(
      "Examples:\n"
      "  fiscgen render examples/motion.xml -o motion.pdf\n"
      "  fiscgen render letter.xml --set date=2013-07-16 --locale fr\n"
      "  fiscgen render letter.xml --data recipients.csv --name '{to/@ref} {date}.pdf' -o out/\n"
      "  fiscgen render motion.xml --emit tree | less\n"
      "  fiscgen render motion.xml --public -o motion-public.pdf\n"
      "  fiscgen render motion.xml --watch   # keep a PDF viewer open beside your editor");
  command->callback([options, &globals] {
    globals.action = [options, &globals](const DataPaths& paths) {
      if (!options->data.empty()) return render_data_rows(*options, paths);
      if (options->watch) watch(*options, paths, globals.verbose);
      render_once(*options, paths, globals.verbose);
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
