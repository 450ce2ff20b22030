// fiscgen's command line: parse, call the library, map errors to exit codes. Nothing else.
#include <iostream>

#include "cli/command.hpp"
#include "i18n/i18n.hpp"

namespace fiscgen::cli {

void print_warnings(const Warnings& warnings) {
  for (const auto& warning : warnings.list())
    std::cerr << "warning: " << warning.describe() << '\n';
}

}  // namespace fiscgen::cli

int main(int argc, char** argv) {
  using namespace fiscgen::cli;
  CLI::App app{"fiscgen: court filings and letters from structured XML, as PDF", "fiscgen"};
  app.set_version_flag("--version", "fiscgen " FISCGEN_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 done; 1 a problem with the input, a template or the data (the message says "
      "file:line:col);\n"
      "  2 or more: the command line itself is wrong; 3 an internal error (please report it).\n"
      "Examples:\n"
      "  fiscgen render examples/motion.xml -o motion.pdf\n"
      "  fiscgen new letter -o letter.xml && fiscgen check letter.xml\n"
      "  fiscgen forms fisc/motion");
  Globals globals;
  app.add_option("--data-dir", globals.data_dir, "Folder holding forms/, letters/ and locales/")
      ->check(CLI::ExistingDirectory);
  add_render_command(app, globals);
  add_forms_command(app, globals);
  add_new_command(app, globals);
  add_check_command(app, globals);
  add_locales_command(app, globals);
  add_recipients_command(app, globals);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    fiscgen::i18n::initialise();
    return globals.action(fiscgen::DataPaths::discover(globals.data_dir));
  } catch (const fiscgen::Error& e) {
    std::cerr << "error: " << e.describe() << '\n';
    return exit_document_error;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what()
              << "\nPlease report this with the input that caused it.\n";
    return exit_internal_error;
  }
}
