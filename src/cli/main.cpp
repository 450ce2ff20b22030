// fiscgen's command line: parse, call the library, map errors to exit codes. Nothing else.
#include <algorithm>
#include <iostream>
#include <string_view>

#include "base/map_ahead.hpp"
#include "base/temporary_files.hpp"
#include "cli/command.hpp"
#include "i18n/i18n.hpp"

namespace {

/// The commands, in the order `fiscgen --help` lists them.
struct Command {
  const char* name;
  void (*add)(CLI::App&, fiscgen::cli::Globals&, const char* name);
  bool lays_out = false;  // merges and lays out documents: worth mapping memory in ahead
};
constexpr Command commands[] = {
    {"render", fiscgen::cli::add_render_command, true},
    {"compare", fiscgen::cli::add_compare_command, true},
    {"forms", fiscgen::cli::add_forms_command},
    {"new", fiscgen::cli::add_new_command},
    {"check", fiscgen::cli::add_check_command, true},
    {"locales", fiscgen::cli::add_locales_command},
    {"recipients", fiscgen::cli::add_recipients_command},
    {"rules", fiscgen::cli::add_rules_command},
    {"doctor", fiscgen::cli::add_doctor_command},
    {"batch", fiscgen::cli::add_batch_command, true},
    {"cite", fiscgen::cli::add_cite_command},
};

/// map_ahead() for a command that lays out: `fiscgen render` of the example letter took 6% less
/// CPU time, examples/motion.xml 4%. Others, which fault in little (`--version` 5% slower with
/// it), are left as they were.
void map_ahead_for(std::string_view first) {
  for (const auto& command : commands)
    if (first == command.name && command.lays_out) fiscgen::map_ahead(fiscgen::render_heap_bytes);
}

/// Declares the command `first` (the first argument) names, and only it: a process runs one
/// command, and declaring every option of every other one was a quarter of `fiscgen --version`
/// (0.7M instructions). Given anything else (global options first, --help, --version, a
/// misspelt command, man or completion, which describe them all) all are declared.
void add_commands(CLI::App& app, fiscgen::cli::Globals& globals, std::string_view first) {
  for (const auto& command : commands)
    if (first == command.name) return command.add(app, globals, command.name);
  for (const auto& command : commands) command.add(app, globals, command.name);
  fiscgen::cli::add_reference_commands(app, globals);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace fiscgen::cli;
  const std::string_view first = argc > 1 ? argv[1] : "";
  map_ahead_for(first);
  CLI::App app{"fiscgen: court filings and letters from structured XML, as PDF", "fiscgen"};
  app.set_version_flag("--version", "fiscgen " FISCGEN_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 done; 1 a problem with the input, a template or the data (the message says "
      "file:line:col);\n"
      "  2 or more: the command line itself is wrong; 3 an internal error (please report it).\n"
      "Examples:\n"
      "  fiscgen render examples/motion.xml -o motion.pdf\n"
      "  fiscgen new letter -o letter.xml && fiscgen check letter.xml\n"
      "  fiscgen forms fisc/motion");
  // Global options may come after the command too (`render x.xml -v`): what a subcommand
  // does not know falls through to here. Subcommands inherit this, so it is set before them.
  app.fallthrough();
  Globals globals;
  app.add_option("--data-dir", globals.data_dir, "Folder holding forms/, letters/ and locales/")
      ->check(CLI::ExistingDirectory);
  app.add_option("--templates", globals.templates,
                 "A folder of your own forms/ and letters/, searched before the built-in ones "
                 "(repeatable)")
      ->check(CLI::ExistingDirectory);
  app.add_flag("-q,--quiet", globals.quiet, "Print no warnings");
  app.add_flag("-v,--verbose", globals.verbose,
               "Say what was read and written, and how long it took");
  add_commands(app, globals, first);

  // CLI11 quotes what was typed in its messages: escaped like every other message.
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    const std::string message = CLI::FailureMessage::simple(failed, e);
    std::string shown;
    for (std::size_t at = 0; at < message.size();) {
      const std::size_t end = std::min(message.find('\n', at), message.size());
      shown += terminal_text(message.substr(at, end - at));
      if (end < message.size()) shown += '\n';
      at = end + 1;
    }
    return shown;
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are ParseErrors too, with exit code 0.
    if (e.get_exit_code() != 0 && explain_unknown_arguments(app)) return e.get_exit_code();
    return app.exit(e);
  }

  // Ctrl-C, SIGTERM or SIGHUP while a PDF is written leaves no temporary file behind.
  fiscgen::remove_temporary_files_on_signals();
  try {
    set_quiet(globals.quiet);
    fiscgen::i18n::initialise();
    auto paths = fiscgen::DataPaths::discover(globals.data_dir);
    for (const auto& folder : globals.templates)
      paths.templates.push_back(std::filesystem::absolute(folder));
    return globals.action(paths);
  } catch (const fiscgen::Error& e) {
    print_error(e);
    return exit_document_error;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what()
              << "\nPlease report this with the input that caused it.\n";
    return exit_internal_error;
  }
}
