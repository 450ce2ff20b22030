#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "render/render.hpp"

namespace fiscgen::cli {

void add_render_command(CLI::App& app, Globals& globals) {
  struct Options {
    render::Request request;
    std::string input, output, emit = "pdf";
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("render", "Render an input (motion or letter) to PDF");
  command->add_option("input", options->input, "The input XML file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("-o,--output", options->output,
                      "Where to write (default: INPUT with .pdf; tree: stdout)");
  command->add_option("--locale", options->request.locale,
                      "Locale of the document, e.g. en_US, fr");
  command
      ->add_option("--set", options->request.overrides,
                   "Override or add a leaf of the input: path=value")
      ->allow_extra_args(false);
  command->add_option("--emit", options->emit, "What to write: pdf, or tree (the document tree as XML)")
      ->check(CLI::IsMember({"pdf", "tree"}));
  command->callback([options, &globals] {
    globals.action = [options](const DataPaths& paths) {
      auto request = options->request;
      request.input = options->input;
      request.output = options->output;
      request.emit = options->emit == "tree" ? render::Emit::tree : render::Emit::pdf;
      fonts::FontconfigResolver fonts;
      const auto result = render::render(request, paths, fonts);
      print_warnings(result.warnings);
      if (request.emit == render::Emit::tree) {
        if (options->output.empty()) {
          std::cout << result.tree;
        } else {
          std::ofstream out(options->output, std::ios::binary);
          out << result.tree;
          if (!out.flush()) throw Error(SourceLocation{options->output}, "cannot write the tree");
        }
      }
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
