// "did you mean …" for a mistyped command or option. The names come from what CLI11 declared,
// so a new command or option is suggested without anyone listing it twice.
#include <algorithm>
#include <iostream>
#include <string_view>

#include "cli/command.hpp"

namespace fiscgen::cli {
namespace {

/// Optimal string alignment distance (restricted Damerau–Levenshtein): insertions, deletions,
/// substitutions and swaps of two neighbouring characters each cost 1. Typists mostly swap
/// or drop one letter ("rendre", "rendr"), which plain Levenshtein counts as 2 or 1.
int edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  // Three rows are enough: a swap looks back two rows.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

}  // namespace

std::vector<std::string> closest_names(const std::string& typed,
                                       const std::vector<std::string>& names) {
  const auto bare = [](std::string_view name) {
    return name.substr(std::min(name.find_first_not_of('-'), name.size()));
  };
  const std::string_view word = bare(typed);
  // One slip in a short word, two in a long one; a word of one or two letters is too short to
  // guess from (-x is as near to -v as to -q and -o).
  const int allowed = word.size() < 3 ? 0 : word.size() < 6 ? 1 : 2;
  int best = allowed;
  std::vector<std::string> out;
  for (const auto& name : names) {
    const int distance = edit_distance(word, bare(name));
    if (distance == 0 || distance > best) continue;
    if (distance < best) out.clear(), best = distance;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

std::string or_list(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return text;
}

/// Every option name, with its dashes, that the command line accepts where `command` is.
void add_option_names(const CLI::App& command, std::vector<std::string>& names) {
  for (const auto* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
}

}  // namespace

bool explain_unknown_arguments(CLI::App& app) {
  std::vector<std::string> commands, options;
  for (const auto* command : app.get_subcommands([](const CLI::App*) { return true; }))
    commands.push_back(command->get_name());
  add_option_names(app, options);
  std::string where = app.get_name();
  const auto chosen = app.get_subcommands();
  for (const auto* command : chosen) {
    add_option_names(*command, options);
    where += " " + command->get_name();
  }

  bool explained = false;
  for (const auto& argument : app.remaining(true)) {
    const bool option = argument.size() > 1 && argument[0] == '-';
    if (!option && !chosen.empty()) continue;  // an extra operand: CLI11's message says it
    const auto typed = option ? argument.substr(0, argument.find('=')) : argument;
    const auto close = closest_names(typed, option ? options : commands);
    std::cerr << "error: " << (option ? "unknown option " : "unknown command ") << '"'
              << terminal_text(typed) << '"';
    if (!close.empty()) std::cerr << "; did you mean " << or_list(close) << '?';
    std::cerr << "\nRun `" << where << " --help` for the " << (option ? "options" : "commands")
              << ".\n";
    explained = true;
    if (!option) break;  // the words after an unknown command are its operands, not more typos
  }
  return explained;
}

}  // namespace fiscgen::cli
