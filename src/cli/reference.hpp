// The commands and options as the man page and the completion scripts read them back from the
// CLI11 app (reference.cpp, completion.cpp): internal to cli/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace fiscgen::cli {

/// How an option's value is completed: a Value, a fixed list of words, or nothing (free text).
struct Completion {
  std::optional<Value> value;
  std::vector<std::string> words;
};

/// Reads back what takes() and CLI11's checks wrote into the type name ("INPUT:FILE",
/// "TEXT:{pdf,tree}").
Completion completion_of(const CLI::Option& option);
bool takes_value(const CLI::Option& option);
/// Whether the option may be given many values (--set, batch's paths).
bool repeats(const CLI::Option& option);

/// A command and what it declares, hidden ones left out.
struct Command {
  std::string path;  // "" for fiscgen itself, "render", "rules diff"
  const CLI::App* app;
  std::vector<const CLI::Option*> options;      // its own, --help included
  std::vector<const CLI::Option*> positionals;  // in order
  std::vector<const Command*> inherited;        // the commands above it, whose options apply
  std::vector<std::string> subcommands;
};

/// Every visible command, parents before children, in the order they were declared.
std::vector<Command> commands_of(const CLI::App& app);
/// "-o", "--output".
std::vector<std::string> names_of(const CLI::Option& option);
/// The value's name as --help shows it: "LOCALE" of "LOCALE", "FILE" of "TEXT:FILE".
std::string metavariable(const CLI::Option& option);

}  // namespace fiscgen::cli
