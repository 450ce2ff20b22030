// The command line's pieces: one file per subcommand, each adding itself to the app and
// leaving behind what to run once parsing succeeds.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

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
  std::function<int(const DataPaths&)> action;
};

void add_render_command(CLI::App& app, Globals& globals);
void add_forms_command(CLI::App& app, Globals& globals);
void add_new_command(CLI::App& app, Globals& globals);
void add_check_command(CLI::App& app, Globals& globals);
void add_locales_command(CLI::App& app, Globals& globals);
void add_recipients_command(CLI::App& app, Globals& globals);

/// "warning: file:line:col: message" on standard error, one per line.
void print_warnings(const Warnings& warnings);

}  // namespace fiscgen::cli
