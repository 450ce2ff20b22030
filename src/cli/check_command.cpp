#include <algorithm>
#include <iostream>

#include "cli/command.hpp"
#include "input/input.hpp"
#include "render/render.hpp"
#include "rules/compliance.hpp"
#include "template/template.hpp"

namespace fiscgen::cli {

void add_check_command(CLI::App& app, Globals& globals, const char* command_name) {
  struct Options {
    std::string input, locale, exhibits;
    std::vector<std::string> overrides;
    bool detect_citations = false;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      command_name,
      "Report every problem with an input at once, then lay it out and check it against its "
      "rules profile (limits, required parts, type size); writes nothing");
  takes(command->add_option("input", options->input, "The input XML file"), Value::input)
      ->required()
      ->check(CLI::ExistingFile);
  add_locale_option(*command, options->locale, "Locale of the document, e.g. en_US, fr");
  command->add_option("--set", options->overrides, "Override or add a leaf: path=value")
      ->allow_extra_args(false);
  command->add_flag("--detect-citations", options->detect_citations,
                    "Read citations in plain running text too, not only in <cite>");
  add_exhibits_option(*command, options->exhibits);
  command->footer("Example:\n  fiscgen check matter.xml && fiscgen render matter.xml");
  command->callback([options, &globals] {
    globals.action = [options](const DataPaths& paths) {
      Sources sources(paths);  // the input is read once, for the merge and the layout
      input::Matter matter;
      input::read(matter, sources, options->input, options->overrides, options->locale);
      Warnings warnings;
      auto problems = templ::check(matter, {paths, &warnings, &sources});
      print_warnings(warnings);
      // Only an input that merges can be laid out and measured.
      std::string measured;
      if (problems.empty()) {
        render::Request request;
        request.input = options->input;
        request.overrides = options->overrides;
        request.locale = options->locale;
        request.detect_citations = options->detect_citations;
        request.exhibits = options->exhibits;
        fonts::FontconfigResolver fonts;
        const auto laid_out = render::lay_out(request, sources, fonts);
        // What merging warned of was printed above; the cite stage and layout add their own.
        Warnings later;
        for (const auto& warning : laid_out.warnings.list()) {
          const bool printed =
              std::any_of(warnings.list().begin(), warnings.list().end(),
                          [&](const Warning& w) { return w.describe() == warning.describe(); });
          if (!printed) later.add(warning.where, warning.message);
        }
        print_warnings(later);
        std::vector<std::vector<std::string>> page_parts;
        for (const auto& page : laid_out.pages.pages) page_parts.push_back(page.parts);
        auto compliance = rules::check_compliance(laid_out.document, laid_out.profile, page_parts);
        for (auto& violation : compliance.violations)
          problems.push_back(violation.where().file.empty()
                                 ? Error(SourceLocation{options->input}, violation.message())
                                 : std::move(violation));
        measured = " (" + laid_out.profile.name + ": " + rules::grouped(compliance.words) +
                   (compliance.words == 1 ? " word and " : " words and ") +
                   rules::grouped(compliance.pages) +
                   (compliance.pages == 1 ? " page counted" : " pages counted") +
                   // What a reader of the PDF counts: every page, slip sheets and exhibits too.
                   ", of " + rules::grouped(laid_out.file_pages) +
                   (laid_out.file_pages == 1 ? " page in the file)" : " pages in the file)");
      }
      for (const auto& problem : problems) print_error(problem);
      if (!problems.empty()) {
        std::cerr << problems.size() << (problems.size() == 1 ? " problem" : " problems") << " in "
                  << terminal_text(options->input) << '\n';
        return exit_document_error;
      }
      std::cout << terminal_text(options->input) << ": no problems found" << measured << '\n';
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
