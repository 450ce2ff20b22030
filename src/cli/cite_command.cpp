#include <iostream>
#include <iterator>

#include "batch/json.hpp"
#include "cite/cite.hpp"
#include "cli/command.hpp"
#include "i18n/i18n.hpp"

namespace fiscgen::cli {

namespace {

/// One citation as `cite --json` prints it: every part it has, none that it lacks.
batch::json::Value json_of(const cite::Citation& c) {
  auto item = batch::json::Value::object();
  item["kind"] = std::string(cite::kind_name(c.kind));
  item["text"] = c.text;
  item["normalised"] = c.normalised;
  item["category"] = std::string(cite::category_name(c.category));
  item["authority"] = c.key;
  item["line"] = c.where.line;
  item["column"] = c.where.column;
  auto set_if = [&item](const char* name, const std::string& value) {
    if (!value.empty()) item[name] = value;
  };
  set_if("short_form", std::string(cite::short_form_name(c.short_form)));
  set_if("case_name", c.case_name);
  set_if("volume", c.volume);
  set_if("reporter", c.reporter);
  set_if("first_page", c.first_page);
  set_if("court", c.court);
  set_if("date", c.date);
  set_if("explanation", c.explanation);
  set_if("history", c.history);
  set_if("docket", c.docket);
  set_if("title", c.title);
  set_if("subsections", c.subsections);
  auto list = [&item](const char* name, const std::vector<std::string>& values) {
    if (!values.empty()) item[name] = values;
  };
  list("pin_cites", c.pin_cites);
  list("parallel", c.parallel);
  list("sections", c.sections);
  if (c.et_seq) item["et_seq"] = true;
  return item;
}

/// A JSON array, or a line per citation: line:column, kind, Bluebook form, category.
void print_citations(const std::vector<cite::Citation>& citations, bool json) {
  if (json) {
    auto all = batch::json::Value::array();
    for (const auto& c : citations) all.push_back(json_of(c));
    std::cout << batch::json::dump(all, 2) << '\n';
    return;
  }
  for (const auto& c : citations)
    std::cout << c.where.line << ':' << c.where.column << '\t' << cite::kind_name(c.kind) << '\t'
              << c.normalised << '\t'
              << (c.category == cite::Category::none ? "-" : cite::category_name(c.category))
              << '\n';
}

}  // namespace

void add_cite_command(CLI::App& app, Globals& globals, const char* command_name) {
  struct Options {
    std::string text;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(
      command_name,
      "Find the legal citations in a text: kind, Bluebook form, table-of-authorities heading");
  command->add_option("text", options->text, "The text to read, or - for standard input")
      ->required();
  command->add_flag("--json", options->json, "Print a JSON array, one object per citation");
  command->footer(
      "Examples:\n"
      "  fiscgen cite \"Smith v. Maryland, 442 U.S. 735, 742 (1979); 50 U.S.C. 1861(d)(1)\"\n"
      "  fiscgen cite --json - < brief.txt\n"
      "Exit status: 0 when the text was read, whether or not it cites anything (\"no citations\n"
      "found\" is then said on standard error); 1 when it cannot be read (not UTF-8), with its\n"
      "line and column. A control character is read as a space, with a warning at its place.");
  command->callback([options, &globals] {
    globals.action = [options](const DataPaths& paths) {
      std::string text = options->text;
      SourceLocation where{"<text>", 1, 1};
      if (text == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        where.file = "<stdin>";
      }
      Warnings warnings;
      // Control characters are read as spaces, each warned about at its place.
      text = i18n::normalise_plain_text(cite::blank_controls(text, where, warnings), where);
      const cite::Reader reader(cite::Table::load(cite::Table::file_in(paths)));
      const auto citations = reader.find(text, where, warnings);
      print_warnings(warnings);
      // Nothing on standard output is ambiguous: no citations, or a failure to read them?
      if (citations.empty())
        std::cerr << "no citations found in " << terminal_text(where.file) << '\n';
      print_citations(citations, options->json);
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli
