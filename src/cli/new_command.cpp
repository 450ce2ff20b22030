#include <iostream>

#include "cli/command.hpp"
#include "pdf/atomic_file.hpp"
#include "template/template.hpp"

namespace fiscgen::cli {

void add_new_command(CLI::App& app, Globals& globals, const char* command_name) {
  struct Options {
    std::string kind, form, output;
    bool force = false;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      command_name, "Write a new input with every field of a form, commented, ready to fill in");
  command
      ->add_option("kind", options->kind,
                   "The input's root: motion, brief, letter, … (`fiscgen forms` lists the forms, "
                   "a wrong kind lists the kinds)")
      ->required();
  takes(command->add_option("--form", options->form,
                            "The form or letter (default: the one for KIND, or the one its folder "
                            "marks default=\"yes\")"),
        Value::form);
  takes(command->add_option("-o,--output", options->output, "Where to write (default: stdout)"),
        Value::file);
  command->add_flag("--force", options->force, "Replace an existing output file");
  command->footer(
      "Examples:\n  fiscgen new motion -o matter.xml\n  fiscgen new letter --form attorney-general "
      "-o letter.xml");
  command->callback([options, &globals] {
    globals.action = [options](const DataPaths& paths) {
      const auto info = options->form.empty() ? templ::template_for_kind(paths, options->kind)
                                              : templ::find_template(paths, options->form);
      if (info.kind != options->kind)
        throw Error(info.name + " is a template for <" + info.kind + ">, not <" + options->kind +
                    ">; see `fiscgen forms`");
      const auto text = templ::scaffold(info, templ::fields_of(info.file, paths));
      if (options->output.empty()) {
        std::cout << text;
        return exit_ok;
      }
      if (!options->force && std::filesystem::exists(options->output))
        throw Error(options->output + " exists; use --force to replace it");
      // Whole or not at all, as a PDF is: a full disk leaves no half-written input.
      pdf::write_file_atomically(options->output, text);
      std::cerr << "wrote " << options->output << ": fill in the fields, then `fiscgen check "
                << options->output << "`\n";
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
