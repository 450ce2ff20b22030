#include <iostream>

#include "cli/command.hpp"
#include "render/render.hpp"

namespace fiscgen::cli {
namespace {

struct Options {
  render::CompareRequest request;
  std::string earlier, later, output, locale, exhibits;
  std::vector<std::string> overrides;
  bool public_version = false;
};

int compare_once(const Options& options, const DataPaths& paths, bool verbose) {
  auto request = options.request;
  // Both versions get the same --set, --locale, --public and exhibits folder: a blackline
  // compares two texts under one set of circumstances.
  for (auto* version : {&request.earlier, &request.later}) {
    version->overrides = options.overrides;
    version->locale = options.locale;
    version->public_version = options.public_version;
    version->exhibits = options.exhibits;
  }
  request.earlier.input = options.earlier;
  request.later.input = options.later;
  request.later.output = options.output;
  fonts::FontconfigResolver fonts;
  const auto result = render::compare(request, paths, fonts);
  print_warnings(result.warnings);
  if (verbose)
    for (const auto& file : result.files_read)
      std::cerr << "read " << terminal_text(file.string()) << '\n';
  std::cout << terminal_text(result.output.string()) << ": " << result.inserted
            << (result.inserted == 1 ? " word" : " words") << " inserted, " << result.deleted
            << " deleted, " << result.moved << " moved (" << result.pages
            << (result.pages == 1 ? " page)\n" : " pages)\n");
  return exit_ok;
}

}  // namespace

void add_compare_command(CLI::App& app, Globals& globals, const char* command_name) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      command_name, "A blackline: the later version as filed, its changes from the earlier marked");
  takes(command->add_option("earlier", options->earlier, "The earlier version's input XML"),
        Value::input)
      ->required()
      ->check(CLI::ExistingFile);
  takes(command->add_option("later", options->later, "The later version's input XML"), Value::input)
      ->required()
      ->check(CLI::ExistingFile);
  takes(command->add_option("-o,--output", options->output,
                            "Where to write (default: LATER with -blackline.pdf)"),
        Value::file);
  add_locale_option(*command, options->locale, "Locale of both versions, e.g. en_US, fr");
  command
      ->add_option("--set", options->overrides, "Override or add a leaf of both inputs: path=value")
      ->allow_extra_args(false);
  command->add_flag("--public", options->public_version,
                    "Compare the public versions: both redacted before they are compared, so "
                    "nothing redacted shows, struck through or not");
  command->add_flag("--summary", options->request.summary,
                    "End with a page counting the words inserted, deleted and moved per section");
  add_exhibits_option(*command, options->exhibits);
  command->footer(
      "Inserted words are underlined twice in blue, deleted words struck through in red,\n"
      "moved paragraphs green with a note in the margin. Citations compare by authority.\n"
      "Examples:\n"
      "  fiscgen compare examples/motion-june.xml examples/motion-september.xml -o blackline.pdf\n"
      "  fiscgen compare old.xml new.xml --public --summary");
  command->callback([options, &globals] {
    globals.action = [options, &globals](const DataPaths& paths) {
      return compare_once(*options, paths, globals.verbose);
    };
  });
}

}  // namespace fiscgen::cli
