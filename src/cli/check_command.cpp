#include <iostream>

#include "cli/command.hpp"
#include "input/input.hpp"
#include "template/template.hpp"

namespace fiscgen::cli {

void add_check_command(CLI::App& app, Globals& globals) {
  struct Options {
    std::string input, locale;
    std::vector<std::string> overrides;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      "check", "Report every problem with an input at once; writes nothing");
  command->add_option("input", options->input, "The input XML file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--locale", options->locale, "Locale of the document, e.g. en_US, fr");
  command->add_option("--set", options->overrides, "Override or add a leaf: path=value")
      ->allow_extra_args(false);
  command->footer("Example:\n  fiscgen check matter.xml && fiscgen render matter.xml");
  command->callback([options, &globals] {
    globals.action = [options](const DataPaths& paths) {
      input::Matter matter;
      input::read(matter, options->input, options->overrides, options->locale);
      Warnings warnings;
      const auto problems = templ::check(matter, {paths, &warnings});
      print_warnings(warnings);
      for (const auto& problem : problems) std::cerr << "error: " << problem.describe() << '\n';
      if (!problems.empty()) {
        std::cerr << problems.size() << (problems.size() == 1 ? " problem" : " problems")
                  << " in " << options->input << '\n';
        return exit_document_error;
      }
      std::cout << options->input << ": no problems found\n";
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
