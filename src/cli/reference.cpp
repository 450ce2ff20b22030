// The man page, made by walking the CLI11 app: the commands and options are declared once (in
// the *_command.cpp files), as QPDF makes its help and completion from job.yml. docs/fiscgen.1
// is this file's output; completion.cpp writes the shell completions from the same walk.
#include <iostream>
#include <sstream>

#include "cli/reference.hpp"

namespace fiscgen::cli {
namespace {

struct ValueName {
  Value value;
  const char* name;  // as --help shows it
};

// FILE, DIR and PATH are also what CLI11's own ExistingFile, ExistingDirectory and
// ExistingPath checks add to the type name, so those options need no takes().
constexpr ValueName value_names[] = {
    {Value::file, "FILE"},           {Value::folder, "DIR"},  {Value::file, "PATH"},
    {Value::file, "PATH(existing)"}, {Value::input, "INPUT"}, {Value::csv, "CSV"},
    {Value::locale, "LOCALE"},       {Value::form, "FORM"},   {Value::profile, "PROFILE"},
};

}  // namespace

/// Reads back what takes() and CLI11's checks wrote into the type name ("INPUT:FILE",
/// "TEXT:{pdf,tree}").
Completion completion_of(const CLI::Option& option) {
  Completion completion;
  std::istringstream parts(option.get_type_name());
  for (std::string part; std::getline(parts, part, ':');) {
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      std::istringstream words(part.substr(1, part.size() - 2));
      for (std::string word; std::getline(words, word, ',');) completion.words.push_back(word);
    }
    for (const auto& [value, name] : value_names)
      if (part == name && !completion.value) completion.value = value;
  }
  return completion;
}

bool takes_value(const CLI::Option& option) {
  return option.get_expected_max() > 0;  // a flag expects no value
}

/// Whether the option may be given many values (--set, batch's paths).
bool repeats(const CLI::Option& option) {
  return option.get_expected_max() > 1;
}

/// Every visible command, parents before children, in the order they were declared.
std::vector<Command> commands_of(const CLI::App& app) {
  std::vector<Command> all;
  std::vector<std::pair<const CLI::App*, std::string>> queue{{&app, ""}};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const auto [command, path] = queue[i];
    Command c{path, command, {}, {}, {}, {}};
    for (const auto* option : command->get_options()) {
      if (option->get_group().empty()) continue;  // hidden
      (option->get_positional() && !option->nonpositional() ? c.positionals : c.options)
          .push_back(option);
    }
    for (const auto* sub : command->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_group().empty()) continue;
      c.subcommands.push_back(sub->get_name());
      queue.emplace_back(sub, path.empty() ? sub->get_name() : path + " " + sub->get_name());
    }
    all.push_back(std::move(c));
  }
  // Subcommands inherit their parents' options (the app falls through), so list them.
  for (auto& command : all)
    for (const auto& other : all)
      if (&other != &command && (other.path.empty() || command.path.starts_with(other.path + " ")))
        command.inherited.push_back(&other);
  return all;
}

std::vector<std::string> names_of(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const auto& s : option.get_snames()) names.push_back("-" + s);
  for (const auto& l : option.get_lnames()) names.push_back("--" + l);
  return names;
}

/// The value's name as --help shows it: "LOCALE" of "LOCALE", "FILE" of "TEXT:FILE".
std::string metavariable(const CLI::Option& option) {
  const auto completion = completion_of(option);
  if (!completion.words.empty()) {
    std::string joined;
    for (const auto& word : completion.words) joined += (joined.empty() ? "" : "|") + word;
    return joined;
  }
  const auto type = option.get_type_name();
  const auto colon = type.find(':');
  if (type.starts_with("TEXT:") || type.starts_with("INT:")) return type.substr(colon + 1);
  return type.substr(0, colon);
}

// ---- roff ----------------------------------------------------------------------------------

namespace {

/// Text for roff: backslashes and hyphens escaped, no line starting with a control character.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string bold(const std::string& text) {
  return "\\fB" + roff(text) + "\\fR";
}
std::string italic(const std::string& text) {
  return "\\fI" + roff(text) + "\\fR";
}

std::string option_heading(const CLI::Option& option) {
  std::string heading;
  for (const auto& name : names_of(option)) heading += (heading.empty() ? "" : ", ") + bold(name);
  if (takes_value(option)) heading += " " + italic(metavariable(option));
  if (repeats(option)) heading += "...";
  return heading;
}

/// A footer: its "Examples:" part as an example block, the rest as a paragraph.
void footer_section(std::ostream& out, const std::string& footer) {
  if (footer.empty()) return;
  out << ".PP\n.nf\n" << roff(footer) << "\n.fi\n";
}

// What the man page says beyond the declaration: what the program is, and its surroundings.
constexpr const char* man_description =
    "merges an input (the facts of a matter, in XML) with a form or letter template, typesets it "
    "to a court's rules and writes a searchable PDF with embedded fonts. It knows the United "
    "States Foreign Intelligence Surveillance Court first. It reads no network resource, writes "
    "nothing about the machine or its user into a PDF, and never leaves a partial PDF behind.\n"
    "Global options may be given before or after the command.";
constexpr const char* man_files =
    ".TP\n.I PREFIX/share/fiscgen/\n"
    "forms/ (filing templates, rules profiles in forms/rules/ and the classification vocabulary, "
    "forms/markings.xml), letters/ (letter templates and the recipients directory), locales/ "
    "(compiled ICU bundles). \\fB\\-\\-data\\-dir\\fR or \\fBFISCGEN_DATA\\fR names another "
    "folder with the same layout; \\fB\\-\\-templates\\fR adds folders searched first.\n";
constexpr const char* man_environment =
    ".TP\n.B FISCGEN_DATA\nthe data folder, as \\fB\\-\\-data\\-dir\\fR.\n"
    ".TP\n.B SOURCE_DATE_EPOCH\n"
    "the PDF creation date, for reproducible output; otherwise the document's own date is used.\n"
    ".TP\n.B NO_COLOR\nno colour in \\fBbatch\\fR's progress on a terminal.\n";
constexpr const char* man_see_also = ".BR pdftotext (1),\n.BR qpdf (1)\n";

}  // namespace

CLI::Option* takes(CLI::Option* option, Value value) {
  for (const auto& [known, name] : value_names)
    if (known == value) return option->type_name(name);
  return option;
}

std::string man_page(const CLI::App& app) {
  const auto commands = commands_of(app);
  std::ostringstream out;
  const auto description = app.get_description();
  const auto colon = description.find(": ");
  out << ".\\\" Made by `fiscgen man` from the declaration of fiscgen's commands and options.\n"
      << ".TH FISCGEN 1 \"\" \"fiscgen " FISCGEN_VERSION "\" \"User Commands\"\n"
      << ".SH NAME\nfiscgen \\- "
      << roff(colon == std::string::npos ? description : description.substr(colon + 2)) << "\n"
      << ".SH SYNOPSIS\n.B fiscgen\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] "
         "[\\fIARGUMENTS\\fR]\n"
      << ".SH DESCRIPTION\n.B fiscgen\n"
      << man_description << "\n.SH GLOBAL OPTIONS\n";
  for (const auto* option : commands.front().options)
    out << ".TP\n" << option_heading(*option) << "\n" << roff(option->get_description()) << "\n";
  out << ".SH COMMANDS\n";
  for (std::size_t i = 1; i < commands.size(); ++i) {
    const auto& command = commands[i];
    out << ".SS \"" << command.path << "\"\n" << bold("fiscgen " + command.path);
    if (command.options.size() > 1) out << " [" << italic("OPTIONS") << "]";
    for (const auto& sub : command.subcommands) out << " [" << bold(sub) << " ...]";
    for (const auto* positional : command.positionals) {
      const bool optional = !positional->get_required();
      out << " " << (optional ? "[" : "") << italic(positional->get_name())
          << (repeats(*positional) ? "..." : "") << (optional ? "]" : "");
    }
    out << "\n.PP\n" << roff(command.app->get_description()) << ".\n";
    for (const auto* positional : command.positionals)
      out << ".TP\n"
          << italic(positional->get_name()) << "\n"
          << roff(positional->get_description()) << "\n";
    for (const auto* option : command.options)
      if (option->get_lnames() != std::vector<std::string>{"help"})
        out << ".TP\n"
            << option_heading(*option) << "\n"
            << roff(option->get_description()) << "\n";
    footer_section(out, command.app->get_footer());
  }
  // The app's footer: exit codes, then examples.
  const auto footer = app.get_footer();
  const auto examples = footer.find("Examples:\n");
  out << ".SH EXIT STATUS\n.nf\n" << roff(footer.substr(0, examples)) << ".fi\n";
  if (examples != std::string::npos)
    out << ".SH EXAMPLES\n.nf\n" << roff(footer.substr(examples + 10)) << "\n.fi\n";
  out << ".SH FILES\n"
      << man_files << ".SH ENVIRONMENT\n"
      << man_environment << ".SH SEE ALSO\n"
      << man_see_also;
  return out.str();
}

void add_reference_commands(CLI::App& app, Globals& globals) {
  // Hidden (group ""): for packagers and the build, not for users' daily work.
  auto* man = app.add_subcommand("man", "Print the man page")->group("");
  man->callback([&app, &globals] {
    globals.action = [&app](const DataPaths&) {
      std::cout << man_page(app);
      return exit_ok;
    };
  });
  auto shell = std::make_shared<std::string>();
  auto* completion = app.add_subcommand("completion", "Print a shell completion script")->group("");
  completion->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->callback([&app, &globals, shell] {
    globals.action = [&app, shell](const DataPaths&) {
      std::cout << completion_script(app, *shell);
      return exit_ok;
    };
  });
}

}  // namespace fiscgen::cli