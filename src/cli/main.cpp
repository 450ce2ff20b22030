// fiscgen's command line: parse, call the library, map errors to exit codes. Nothing else.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "base/data_paths.hpp"
#include "base/error.hpp"
#include "i18n/i18n.hpp"
#include "render/render.hpp"

namespace {

// Exit codes: documented in README.md.
constexpr int exit_ok = 0;
constexpr int exit_document_error = 1;
constexpr int exit_internal_error = 3;

void print_warnings(const fiscgen::Warnings& warnings) {
  for (const auto& warning : warnings.list())
    std::cerr << "warning: " << warning.describe() << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"fiscgen: court filings and letters from structured XML, as PDF", "fiscgen"};
  app.set_version_flag("--version", "fiscgen " FISCGEN_VERSION);
  app.require_subcommand(1);
  std::string data_dir;
  app.add_option("--data-dir", data_dir, "Folder holding forms/, letters/ and locales/")
      ->check(CLI::ExistingDirectory);

  fiscgen::render::Request request;
  std::string input, output, emit = "pdf";
  auto* render = app.add_subcommand("render", "Render an input (motion or letter) to PDF");
  render->add_option("input", input, "The input XML file")->required()->check(CLI::ExistingFile);
  render->add_option("-o,--output", output,
                     "Where to write (default: INPUT with .pdf; tree: stdout)");
  render->add_option("--locale", request.locale, "Locale of the document, e.g. en_US, fr");
  render->add_option("--set", request.overrides, "Override or add a leaf of the input: path=value")
      ->allow_extra_args(false);
  render->add_option("--emit", emit, "What to write: pdf, or tree (the document tree as XML)")
      ->check(CLI::IsMember({"pdf", "tree"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    fiscgen::i18n::initialise();
    const auto paths = fiscgen::DataPaths::discover(data_dir);
    fiscgen::fonts::FontconfigResolver fonts;
    request.input = input;
    request.output = output;
    request.emit = emit == "tree" ? fiscgen::render::Emit::tree : fiscgen::render::Emit::pdf;
    const auto result = fiscgen::render::render(request, paths, fonts);
    print_warnings(result.warnings);
    if (request.emit == fiscgen::render::Emit::tree) {
      if (output.empty()) {
        std::cout << result.tree;
      } else {
        std::ofstream out(output, std::ios::binary);
        out << result.tree;
        if (!out.flush())
          throw fiscgen::Error(fiscgen::SourceLocation{output}, "cannot write the tree");
      }
    }
    return exit_ok;
  } catch (const fiscgen::Error& e) {
    std::cerr << "error: " << e.describe() << '\n';
    return exit_document_error;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what()
              << "\nPlease report this with the input that caused it.\n";
    return exit_internal_error;
  }
}
