#include <algorithm>
#include <iomanip>
#include <iostream>

#include "cli/command.hpp"
#include "template/template.hpp"

namespace fiscgen::cli {

void add_recipients_command(CLI::App& app, Globals& globals, const char* command_name) {
  auto* command = app.add_subcommand(
      command_name, "List the offices in letters/recipients.xml, for <to ref=\"ID\"/>");
  command->footer("Example:\n  fiscgen recipients");
  command->callback([&globals] {
    globals.action = [](const DataPaths& paths) {
      const auto all = templ::list_recipients(paths);
      std::size_t width = 0;
      for (const auto& recipient : all) width = std::max(width, recipient.id.size());
      for (const auto& recipient : all) {
        std::cout << std::left << std::setw(static_cast<int>(width) + 2) << recipient.id
                  << recipient.title;
        if (!recipient.organization.empty()) std::cout << ", " << recipient.organization;
        std::cout << '\n';
      }
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
