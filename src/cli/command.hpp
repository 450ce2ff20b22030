// The command line's pieces: one file per subcommand, each adding itself to the app and
// leaving behind what to run once parsing succeeds.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/data_paths.hpp"
#include "base/error.hpp"

namespace fiscgen::cli {

// Exit codes: documented in README.md.
constexpr int exit_ok = 0;
constexpr int exit_document_error = 1;
constexpr int exit_internal_error = 3;

/// What every command shares: the global options, and the action the chosen command set.
struct Globals {
  std::string data_dir;
  std::vector<std::string> templates;  // --templates: a user's folders, searched first
  bool quiet = false;                  // no warnings, no progress
  bool verbose = false;                // what was read and written, and how long it took
  std::function<int(const DataPaths&)> action;
};

/// Each declares its command under `command_name`, which main.cpp's table of commands gives: the
/// one list of command names, which also picks the one command a process needs declared.
void add_render_command(CLI::App& app, Globals& globals, const char* command_name);
void add_forms_command(CLI::App& app, Globals& globals, const char* command_name);
void add_new_command(CLI::App& app, Globals& globals, const char* command_name);
void add_check_command(CLI::App& app, Globals& globals, const char* command_name);
void add_locales_command(CLI::App& app, Globals& globals, const char* command_name);
void add_recipients_command(CLI::App& app, Globals& globals, const char* command_name);
void add_rules_command(CLI::App& app, Globals& globals, const char* command_name);
void add_doctor_command(CLI::App& app, Globals& globals, const char* command_name);
void add_batch_command(CLI::App& app, Globals& globals, const char* command_name);
void add_cite_command(CLI::App& app, Globals& globals, const char* command_name);
void add_compare_command(CLI::App& app, Globals& globals, const char* command_name);
/// `fiscgen man` and `fiscgen completion bash|zsh|fish`: hidden commands that print the man
/// page and the completion scripts made from `app`'s own declaration. Added last.
void add_reference_commands(CLI::App& app, Globals& globals);

/// What an option's or argument's value is: --help shows it as its type name, and the
/// completion scripts offer candidates for it. A closed set: the scripts know each one.
enum class Value { file, folder, input, csv, locale, form, profile };
/// Declares what `option` takes; returns it, for chaining.
CLI::Option* takes(CLI::Option* option, Value value);

/// The man page (roff) of every command and option `app` declares, hidden ones aside.
std::string man_page(const CLI::App& app);
/// A completion script for `shell` (bash, zsh or fish) offering every command and option `app`
/// declares, and values for the options that take them. The bash one needs no bash-completion.
std::string completion_script(const CLI::App& app, const std::string& shell);

/// --exhibits DIR, the same on render, check and batch: where <exhibit file="…"> is read.
void add_exhibits_option(CLI::App& command, std::string& folder);
/// --locale LOCALE, the same on render, check and compare; `what` is its help ("Locale of the
/// document, e.g. en_US, fr"). An empty value is refused: it would mean "no --locale" further on.
void add_locale_option(CLI::App& command, std::string& locale, const std::string& what);

/// For an -o that names a folder of outputs: a file in its place is a usage error (exit 2 or
/// more, as CLI11's are), named, instead of a failure halfway through.
CLI::Validator output_folder_validator();

/// "warning: file:line:col: message" on standard error, one per line; nothing with --quiet.
void print_warnings(const Warnings& warnings);
/// "error: file:line:col: message"; on a terminal also the line with a caret under the column.
void print_error(const Error& error);
void set_quiet(bool quiet);
/// `text` escaped and its quotations shortened, as diagnostics are: for any other line that
/// prints what an input, a CSV or a file name holds.
std::string terminal_text(const std::string& text);

/// After a failed parse: for each unknown command or option left over, an "error: unknown …"
/// line with the declared names nearest to it ("did you mean render?"). False when there was
/// none, and CLI11's own message should be shown.
bool explain_unknown_arguments(CLI::App& app);
/// The declared names (commands, or options with their dashes) within a typo or two of
/// `typed`, nearest first; empty when none is close enough to guess.
std::vector<std::string> closest_names(const std::string& typed,
                                       const std::vector<std::string>& names);

/// Blocks until one of `files` is written, replaced or created again (inotify on their folders,
/// since editors save by renaming), then waits a moment for the writes to settle.
void wait_for_change(const std::vector<std::filesystem::path>& files);

}  // namespace fiscgen::cli
