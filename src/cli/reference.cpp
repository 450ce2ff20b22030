// The man page and the shell completion scripts, made by walking the CLI11 app: the commands
// and options are declared once (in the *_command.cpp files), as QPDF makes its help and
// completion from job.yml. docs/fiscgen.1 and the installed completions are this file's output.
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/command.hpp"

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

/// How an option's value is completed: a Value, a fixed list of words, or nothing (free text).
struct Completion {
  std::optional<Value> value;
  std::vector<std::string> words;
};

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

/// A command and what it declares, hidden ones left out.
struct Command {
  std::string path;  // "" for fiscgen itself, "render", "rules diff"
  const CLI::App* app;
  std::vector<const CLI::Option*> options;      // its own, --help included
  std::vector<const CLI::Option*> positionals;  // in order
  std::vector<const Command*> inherited;        // the commands above it, whose options apply
  std::vector<std::string> subcommands;
};

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

// ---- bash ----------------------------------------------------------------------------------

std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

const char* value_word(Value value) {
  switch (value) {
    case Value::file:
      return "file";
    case Value::folder:
      return "folder";
    case Value::input:
      return "input";
    case Value::csv:
      return "csv";
    case Value::locale:
      return "locale";
    case Value::form:
      return "form";
    case Value::profile:
      return "profile";
  }
  return "file";
}

/// What _fiscgen_values is called with for an option or argument: "locale", "words pdf tree";
/// empty for free text.
std::string bash_value(const CLI::Option& option) {
  const auto completion = completion_of(option);
  if (!completion.words.empty()) {
    std::string words = "words";
    for (const auto& word : completion.words) words += " " + word;
    return words;
  }
  return completion.value ? value_word(*completion.value) : "text";
}

std::string bash_script(const std::vector<Command>& commands) {
  std::ostringstream out;
  out << "# bash completion for fiscgen, made by `fiscgen completion bash` from its declaration "
         "of\n"
         "# commands and options. It needs no bash-completion package.\n\n"
         "# _fiscgen_values KIND [WORDS...]: candidates for a value of that kind.\n"
         "_fiscgen_values() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} kind=$1 IFS=$'\\n'\n"
         "  shift\n"
         "  case $kind in\n"
         "    words) COMPREPLY=($(compgen -W \"$*\" -- \"$cur\")) ;;\n"
         "    locale) COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" locales 2>/dev/null)\" -- "
         "\"$cur\")) ;;\n"
         "    form) COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" forms 2>/dev/null | "
         "awk '/^  /{print $1}')\" -- \"$cur\")) ;;\n"
         "    profile) COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" rules 2>/dev/null | "
         "cut -f1)\" -- \"$cur\")) ;;\n"
         "    folder) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\")) ;;\n"
         "    input) compopt -o filenames 2>/dev/null\n"
         "      COMPREPLY=($(compgen -d -- \"$cur\"; compgen -f -X '!*.xml' -- \"$cur\")) ;;\n"
         "    csv) compopt -o filenames 2>/dev/null\n"
         "      COMPREPLY=($(compgen -d -- \"$cur\"; compgen -f -X '!*.csv' -- \"$cur\")) ;;\n"
         "    file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
         "    *) COMPREPLY=() ;;\n"
         "  esac\n"
         "}\n\n";

  // The value an option takes, by command path and option name.
  out << "# _fiscgen_option_value PATH OPTION: the kind of value OPTION takes under the command\n"
         "# PATH (\"rules diff\"); nothing for a flag.\n"
         "_fiscgen_option_value() {\n  case \"$1:$2\" in\n";
  for (const auto& command : commands)
    for (const auto* option : command.options) {
      if (!takes_value(*option)) continue;
      std::string patterns;
      for (const auto& name : names_of(*option)) {
        // Options of fiscgen itself apply under every command.
        const std::string pattern =
            command.path.empty() ? "*:" + name : single_quoted(command.path + ":" + name);
        patterns += (patterns.empty() ? "" : "|") + pattern;
      }
      out << "    " << patterns << ") echo " << bash_value(*option) << " ;;\n";
    }
  out << "  esac\n}\n\n";

  out << "# _fiscgen_argument PATH N: the kind of the Nth argument (from 0) of command PATH.\n"
         "_fiscgen_argument() {\n  case \"$1:$2\" in\n";
  for (const auto& command : commands)
    for (std::size_t i = 0; i < command.positionals.size(); ++i) {
      const auto* positional = command.positionals[i];
      const bool many = repeats(*positional);
      const std::string index = many ? "*" : std::to_string(i);
      out << "    " << single_quoted(command.path + ":") << index << ") echo "
          << bash_value(*positional) << " ;;\n";
    }
  out << "  esac\n}\n\n";

  out << "_fiscgen() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "  local path=\"\" arguments=0 i word value\n"
         "  # Which command the words so far name, and how many arguments it has been given.\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    word=${COMP_WORDS[i]}\n"
         "    case \"$path:$word\" in\n";
  for (const auto& command : commands)
    for (const auto& sub : command.subcommands)
      out << "      " << single_quoted(command.path + ":" + sub) << ") path=${path:+$path }" << sub
          << "; arguments=0; continue ;;\n";
  out << "    esac\n"
         "    if [[ $word == -* ]]; then\n"
         "      [[ -n $(_fiscgen_option_value \"$path\" \"$word\") ]] && ((i++))\n"
         "    else\n"
         "      ((arguments++))\n"
         "    fi\n"
         "  done\n"
         "  value=$(_fiscgen_option_value \"$path\" \"$prev\")\n"
         "  if [[ -n $value ]]; then\n"
         "    _fiscgen_values $value\n"
         "    return\n"
         "  fi\n"
         "  case \"$path\" in\n";
  for (const auto& command : commands) {
    std::string options;
    for (const auto* from : command.inherited)
      for (const auto* option : from->options)
        if (option->get_lnames() != std::vector<std::string>{"help"} &&
            option->get_lnames() != std::vector<std::string>{"version"})
          for (const auto& name : names_of(*option)) options += " " + name;
    for (const auto* option : command.options)
      for (const auto& name : names_of(*option)) options += " " + name;
    std::string subcommands;
    for (const auto& sub : command.subcommands)
      subcommands += (subcommands.empty() ? "" : " ") + sub;
    out << "    " << single_quoted(command.path) << ")\n"
        << "      if [[ $cur == -* ]]; then\n"
        << "        COMPREPLY=($(compgen -W " << single_quoted(options.substr(1))
        << " -- \"$cur\"))\n";
    if (!subcommands.empty())
      out << "      elif ((arguments == 0)); then\n"
          << "        COMPREPLY=($(compgen -W " << single_quoted(subcommands) << " -- \"$cur\"))\n";
    out << "      else\n"
        << "        _fiscgen_values $(_fiscgen_argument \"$path\" \"$arguments\")\n"
        << "      fi ;;\n";
  }
  out << "  esac\n"
         "}\n"
         "complete -F _fiscgen fiscgen\n";
  return out.str();
}

// ---- zsh -----------------------------------------------------------------------------------

/// Text inside a zsh _arguments description: brackets and colons escaped, single-quoted later.
std::string zsh_text(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out;
}

std::string zsh_action(const CLI::Option& option) {
  const auto completion = completion_of(option);
  if (!completion.words.empty()) {
    std::string words;
    for (const auto& word : completion.words) words += (words.empty() ? "" : " ") + word;
    return "(" + words + ")";
  }
  if (!completion.value) return " ";
  switch (*completion.value) {
    case Value::folder:
      return "_files -/";
    case Value::input:
      return "_files -g \"*.xml\"";
    case Value::csv:
      return "_files -g \"*.csv\"";
    case Value::locale:
      return "_fiscgen_list locales";
    case Value::form:
      return "_fiscgen_list forms";
    case Value::profile:
      return "_fiscgen_list rules";
    case Value::file:
      break;
  }
  return "_files";
}

std::string zsh_function_name(const std::string& path) {
  std::string name = "_fiscgen";
  if (!path.empty()) name += '_';
  for (const char c : path) name += c == ' ' || c == '-' ? '_' : c;
  return name;
}

std::string zsh_script(const std::vector<Command>& commands) {
  std::ostringstream out;
  out << "#compdef fiscgen\n"
         "# zsh completion for fiscgen, made by `fiscgen completion zsh` from its declaration of\n"
         "# commands and options.\n\n"
         "# _fiscgen_list locales|forms|rules: the names fiscgen lists.\n"
         "_fiscgen_list() {\n"
         "  local -a names\n"
         "  case $1 in\n"
         "    locales) names=(${(f)\"$(fiscgen locales 2>/dev/null)\"}) ;;\n"
         "    forms) names=(${(f)\"$(fiscgen forms 2>/dev/null | awk '/^  /{print $1}')\"}) ;;\n"
         "    rules) names=(${(f)\"$(fiscgen rules 2>/dev/null | cut -f1)\"}) ;;\n"
         "  esac\n"
         "  compadd -a names\n"
         "}\n\n";
  for (auto it = commands.rbegin(); it != commands.rend(); ++it) {
    const auto& command = *it;
    out << zsh_function_name(command.path) << "() {\n"
        << "  local curcontext=$curcontext state line\n"
        << "  _arguments -C -s \\\n";
    std::vector<const Command*> sources = command.inherited;
    sources.push_back(&command);
    for (const auto* from : sources)
      for (const auto* option : from->options) {
        if (from != &command && (option->get_lnames() == std::vector<std::string>{"help"} ||
                                 option->get_lnames() == std::vector<std::string>{"version"}))
          continue;
        const auto names = names_of(*option);
        std::string spec;
        const std::string description = "[" + zsh_text(option->get_description()) + "]";
        const std::string value =
            takes_value(*option) ? ":" + zsh_text(metavariable(*option)) + ":" + zsh_action(*option)
                                 : "";
        const bool many = repeats(*option);
        for (const auto& name : names)
          out << "    " << single_quoted((many ? "*" : "") + name + description + value) << " \\\n";
      }
    for (std::size_t i = 0; i < command.positionals.size(); ++i) {
      const auto* positional = command.positionals[i];
      const bool many = repeats(*positional);
      out << "    "
          << single_quoted((many ? "*" : std::to_string(i + 1)) + ":" +
                           zsh_text(positional->get_name()) + ":" + zsh_action(*positional))
          << " \\\n";
    }
    if (!command.subcommands.empty()) out << "    '1: :->command' '*:: :->arguments' \\\n";
    out << "    && return\n";
    if (!command.subcommands.empty()) {
      out << "  case $state in\n"
          << "    command)\n"
          << "      local -a commands=(\n";
      for (const auto& sub : command.subcommands) {
        const auto* app = command.app->get_subcommand(sub);
        out << "        " << single_quoted(sub + ":" + zsh_text(app->get_description())) << "\n";
      }
      out << "      )\n"
          << "      _describe command commands ;;\n"
          << "    arguments)\n"
          << "      case $line[1] in\n";
      for (const auto& sub : command.subcommands)
        out << "        " << sub << ") "
            << zsh_function_name(command.path.empty() ? sub : command.path + " " + sub) << " ;;\n";
      out << "      esac ;;\n"
          << "  esac\n";
    }
    out << "}\n\n";
  }
  out << "_fiscgen \"$@\"\n";
  return out.str();
}

// ---- fish ----------------------------------------------------------------------------------

std::string fish_condition(const Command& command) {
  if (command.path.empty()) return "";
  std::string condition;
  std::istringstream words(command.path);
  for (std::string word; words >> word;)
    condition +=
        (condition.empty() ? "" : "; and ") + std::string("__fish_seen_subcommand_from ") + word;
  return condition;
}

std::string fish_values(const CLI::Option& option) {
  const auto completion = completion_of(option);
  if (!completion.words.empty()) {
    std::string words;
    for (const auto& word : completion.words) words += (words.empty() ? "" : " ") + word;
    return " -f -a " + single_quoted(words);
  }
  if (!completion.value) return " -f";
  switch (*completion.value) {
    case Value::folder:
      return " -f -a '(__fish_complete_directories)'";
    case Value::input:
      return " -f -a '(__fish_complete_suffix .xml)'";
    case Value::csv:
      return " -f -a '(__fish_complete_suffix .csv)'";
    case Value::locale:
      return " -f -a '(fiscgen locales 2>/dev/null)'";
    case Value::form:
      return " -f -a \"(fiscgen forms 2>/dev/null | string match -r '^  \\S+' | string trim)\"";
    case Value::profile:
      return " -f -a '(fiscgen rules 2>/dev/null | cut -f1)'";
    case Value::file:
      break;
  }
  return " -F";
}

std::string fish_script(const std::vector<Command>& commands) {
  std::ostringstream out;
  out << "# fish completion for fiscgen, made by `fiscgen completion fish` from its declaration "
         "of\n"
         "# commands and options.\n"
         "complete -c fiscgen -f\n";
  for (const auto& command : commands) {
    const auto condition = fish_condition(command);
    const std::string when = condition.empty() ? "" : " -n " + single_quoted(condition);
    std::string below;  // none of this command's subcommands typed yet
    for (const auto& sub : command.subcommands) below += " " + sub;
    for (const auto& sub : command.subcommands) {
      const auto* app = command.app->get_subcommand(sub);
      const std::string not_yet = command.path.empty()
                                      ? "__fish_use_subcommand"
                                      : condition + "; and not __fish_seen_subcommand_from" + below;
      out << "complete -c fiscgen -n " << single_quoted(not_yet) << " -a " << sub << " -d "
          << single_quoted(app->get_description()) << "\n";
    }
    for (const auto* option : command.options) {
      out << "complete -c fiscgen" << when;
      for (const auto& s : option->get_snames()) out << " -s " << s;
      for (const auto& l : option->get_lnames()) out << " -l " << l;
      if (takes_value(*option)) out << " -r" << fish_values(*option);
      out << " -d " << single_quoted(option->get_description()) << "\n";
    }
    for (const auto* positional : command.positionals)
      out << "complete -c fiscgen" << when << fish_values(*positional) << "\n";
  }
  return out.str();
}

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

std::string completion_script(const CLI::App& app, const std::string& shell) {
  const auto commands = commands_of(app);
  if (shell == "zsh") return zsh_script(commands);
  if (shell == "fish") return fish_script(commands);
  return bash_script(commands);
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
