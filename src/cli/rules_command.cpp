#include <iostream>

#include "cli/command.hpp"
#include "rules/profile.hpp"
#include "rules/settings.hpp"

namespace fiscgen::cli {

void add_rules_command(CLI::App& app, Globals& globals, const char* command_name) {
  auto* command = app.add_subcommand(command_name, "List the court rules profiles, or compare two");
  command->footer(
      "Examples:\n"
      "  fiscgen rules\n"
      "  fiscgen rules diff fisc-2010 frap-32\n"
      "  fiscgen rules history frap-32\n"
      "  fiscgen rules --settings-table\n"
      "  fiscgen render motion.xml --set @rules=frap-32");
  auto settings_table = std::make_shared<bool>(false);
  command->add_flag("--settings-table", *settings_table,
                    "Print the Markdown table of every setting a profile may hold (as in "
                    "docs/rules.md)");
  command->callback([command, settings_table, &globals] {
    if (!command->get_subcommands().empty()) return;
    if (*settings_table) {
      globals.action = [](const DataPaths&) {
        std::cout << rules::settings_table();
        return exit_ok;
      };
      return;
    }
    globals.action = [](const DataPaths& paths) {
      Sources sources(paths);  // --templates folders first: a firm's own profiles are listed
      for (const auto& p : rules::list_profiles(sources))
        std::cout << p.name << "\tversion " << (p.version.empty() ? "-" : p.version)
                  << "\teffective " << (p.effective.empty() ? "-" : p.effective) << '\t' << p.title
                  << '\n';
      return exit_ok;
    };
  });

  struct Pair {
    std::string from, to;
  };
  auto pair = std::make_shared<Pair>();
  auto* diff = command->add_subcommand(
      "diff", "Print every setting that differs between two profiles, one per line");
  takes(diff->add_option("from", pair->from, "The profile to compare from, e.g. fisc-2010"),
        Value::profile)
      ->required();
  takes(diff->add_option("to", pair->to, "The profile to compare to, e.g. frap-32"), Value::profile)
      ->required();
  diff->footer("Example:\n  fiscgen rules diff fisc-2010 frap-32");

  auto history_name = std::make_shared<std::string>();
  auto* history = command->add_subcommand(
      "history", "List a profile's versions: when each took effect and what it changed");
  takes(history->add_option("name", *history_name, "The profile, e.g. frap-32"), Value::profile)
      ->required();
  history->footer("Example:\n  fiscgen rules history frap-32");
  history->callback([history_name, &globals] {
    globals.action = [history_name](const DataPaths& paths) {
      Sources sources(paths);
      const auto versions = rules::named_profile_history(sources, *history_name);
      const rules::Profile* before = nullptr;
      for (const auto& version : versions) {
        std::cout << (version.effective.empty() ? "-" : version.effective) << "\tversion "
                  << (version.version.empty() ? "-" : version.version) << '\t'
                  << (before ? version.note : "first version: " + version.profile.title) << '\n';
        if (before)
          for (const auto& line : rules::differences(*before, version.profile))
            std::cout << "  " << line << '\n';
        before = &version.profile;
      }
      return exit_ok;
    };
  });
  diff->callback([pair, &globals] {
    globals.action = [pair](const DataPaths& paths) {
      Sources sources(paths);
      const auto from = rules::load_named_profile(sources, pair->from);
      const auto to = rules::load_named_profile(sources, pair->to);
      for (const auto& line : rules::differences(from, to)) std::cout << line << '\n';
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
