#include <iostream>

#include "cli/command.hpp"
#include "i18n/i18n.hpp"

namespace fiscgen::cli {

void add_locales_command(CLI::App& app, Globals& globals, const char* command_name) {
  auto* command = app.add_subcommand(command_name, "List the locales fiscgen has words for");
  command->footer("Example:\n  fiscgen locales\n  fiscgen render letter.xml --locale fr");
  command->callback([&globals] {
    globals.action = [](const DataPaths& paths) {
      for (const auto& locale : i18n::available_locales(paths.locales))
        if (locale != "root") std::cout << locale << '\n';
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
