#include <algorithm>
#include <iomanip>
#include <iostream>

#include "cli/command.hpp"
#include "template/template.hpp"

namespace fiscgen::cli {

void add_forms_command(CLI::App& app, Globals& globals, const char* command_name) {
  auto name = std::make_shared<std::string>();
  auto* command =
      app.add_subcommand(command_name, "List the forms and letters, or show the fields of one");
  takes(command->add_option("name", *name, "A form or letter, e.g. fisc/motion"), Value::form);
  command->footer("Examples:\n  fiscgen forms\n  fiscgen forms fisc/motion");
  command->callback([name, &globals] {
    globals.action = [name](const DataPaths& paths) {
      if (name->empty()) {
        const auto all = templ::list_templates(paths);
        std::size_t width = 0;
        for (const auto& info : all) width = std::max(width, info.name.size());
        for (const bool letter : {false, true}) {
          std::cout << (letter ? "\nLetters (render with template=\"NAME\"):\n"
                               : "Forms (render with form=\"NAME\"):\n");
          for (const auto& info : all)
            if (info.letter == letter)
              std::cout << "  " << std::left << std::setw(static_cast<int>(width) + 2) << info.name
                        << info.description << '\n';
        }
        return exit_ok;
      }
      const auto info = templ::find_template(paths, *name);
      std::cout << info.name << ": " << info.description << "\nInput root: <" << info.kind
                << ">\nFields:\n";
      const auto fields = templ::fields_of(info.file, paths);
      // A column wide enough for the longest name, so that it never runs into "required".
      std::size_t column = 26;
      for (const auto& field : fields) column = std::max(column, field.name.size());
      for (const auto& field : fields) {
        std::cout << "  " << std::left << std::setw(static_cast<int>(column) + 2) << field.name
                  << (field.required ? "required  " : "optional  ") << field.description;
        if (!field.example.empty()) std::cout << " (e.g. " << field.example << ")";
        std::cout << '\n';
      }
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
