// The shell completion scripts for bash, zsh and fish, made by walking the CLI11 app as the man
// page is (reference.cpp): the installed completions are this file's output.
#include <sstream>

#include "cli/reference.hpp"

namespace fiscgen::cli {
namespace {

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

std::string completion_script(const CLI::App& app, const std::string& shell) {
  const auto commands = commands_of(app);
  if (shell == "zsh") return zsh_script(commands);
  if (shell == "fish") return fish_script(commands);
  return bash_script(commands);
}

}  // namespace fiscgen::cli
