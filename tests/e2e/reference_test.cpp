// The man page and the completion scripts come from the declaration of the commands and options:
// every command and option --help lists must be in them, and docs/fiscgen.1 must be what
// `fiscgen man` prints.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "tools.hpp"

namespace {

const std::filesystem::path source = FISCGEN_SOURCE_DATA_DIR;

/// The commands `fiscgen [PATH] --help` lists under "Subcommands:", and its options' names.
struct Help {
  std::vector<std::string> commands, options;
};

Help help_of(const std::vector<std::string>& path) {
  auto arguments = path;
  arguments.push_back("--help");
  const auto run = e2e::fiscgen(arguments);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  Help help;
  std::istringstream lines(run.out);
  std::string section;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) section.clear();  // a blank line ends a section: the footer is none
    if (!line.empty() && line.back() == ':' && line.front() != ' ') section = line;
    if (!line.starts_with("  ") || line.starts_with("   ")) continue;
    std::istringstream words(line.substr(2));
    std::string first;
    words >> first;
    if (section == "Subcommands:") help.commands.push_back(first);
    if (section == "Options:" && first.starts_with("-")) {
      std::istringstream names(first);
      for (std::string name; std::getline(names, name, ',');) help.options.push_back(name);
    }
  }
  return help;
}

/// Every command path and, for each, the options --help shows: what the declaration holds.
std::vector<std::pair<std::vector<std::string>, Help>> declared() {
  std::vector<std::pair<std::vector<std::string>, Help>> all;
  std::vector<std::vector<std::string>> queue{{}};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const auto help = help_of(queue[i]);
    for (const auto& command : help.commands) {
      auto path = queue[i];
      path.push_back(command);
      queue.push_back(path);
    }
    all.emplace_back(queue[i], help);
  }
  return all;
}

std::string roff_name(const std::string& name) {
  std::string out;
  for (const char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

/// What the bash completion offers after `line` (the last word is the one being completed), in
/// a bash without the bash-completion package; standard error too.
e2e::Run complete_bash(const std::string& line) {
  const auto script = std::filesystem::path(FISCGEN_BUILD_DIR) / "completion" / "fiscgen";
  return e2e::run({"bash", "-c",
                   "source \"$1\"; read -ra COMP_WORDS <<< \"$2\"; "
                   "[[ $2 == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                   "COMP_WORDS[0]=$3; _fiscgen; printf '%s\\n' \"${COMPREPLY[@]}\"",
                   "bash", script.string(), line, FISCGEN_BINARY});
}

bool offers(const e2e::Run& run, const std::string& word) {
  return ("\n" + run.out).find("\n" + word + "\n") != std::string::npos;
}

bool installed(const std::string& program) {
  return e2e::run({"sh", "-c", "command -v " + program}).status == 0;
}

}  // namespace

TEST_CASE("docs/fiscgen.1 is what fiscgen man prints") {
  const auto man = e2e::fiscgen({"man"});
  REQUIRE_MESSAGE(man.status == 0, man.err);
  CHECK_MESSAGE(e2e::read_file(source / "docs/fiscgen.1") == man.out,
                "docs/fiscgen.1 is out of date: run scripts/update-docs");
}

TEST_CASE("the man page and every completion script name every command and option declared") {
  const auto man = e2e::fiscgen({"man"}).out;
  std::map<std::string, std::string> scripts;
  for (const char* shell : {"bash", "zsh", "fish"}) {
    const auto run = e2e::fiscgen({"completion", shell});
    REQUIRE_MESSAGE(run.status == 0, run.err);
    scripts[shell] = run.out;
  }
  const auto commands = declared();
  REQUIRE(commands.size() > 10);
  for (const auto& [path, help] : commands) {
    std::string joined;
    for (const auto& word : path) joined += (joined.empty() ? "" : " ") + word;
    if (!path.empty()) {
      CHECK_MESSAGE(man.find(".SS \"" + joined + "\"") != std::string::npos, joined);
      for (const auto& [shell, script] : scripts)
        CHECK_MESSAGE(script.find(path.back()) != std::string::npos, shell << ": " << joined);
    }
    for (const auto& option : help.options) {
      if (option == "-h" || option == "--help") continue;
      CHECK_MESSAGE(man.find("\\fB" + roff_name(option) + "\\fR") != std::string::npos,
                    joined << " " << option);
      // fish names options without their dashes: -s o, -l output.
      const auto bare = option.substr(option.starts_with("--") ? 2 : 1);
      CHECK_MESSAGE(scripts["bash"].find(option) != std::string::npos, joined << " " << option);
      const bool in_zsh = scripts["zsh"].find("'" + option + "[") != std::string::npos ||
                          scripts["zsh"].find("'*" + option + "[") != std::string::npos;
      CHECK_MESSAGE(in_zsh, joined << " " << option);
      CHECK_MESSAGE(scripts["fish"].find((option.starts_with("--") ? " -l " : " -s ") + bare) !=
                        std::string::npos,
                    joined << " " << option);
    }
  }
  // What the old hand-written page lacked.
  for (const char* name : {"\\fBfiscgen batch\\fR", "\\fB\\-\\-watch\\fR",
                           "\\fB\\-\\-templates\\fR", "\\fB\\-q\\fR", "\\fB\\-v\\fR"})
    CHECK_MESSAGE(man.find(name) != std::string::npos, name);
}

TEST_CASE("bash completion offers batch's options, values and commands without bash-completion") {
  const auto batch = complete_bash("fiscgen batch --");
  CHECK(batch.err.empty());  // no "_init_completion: command not found"
  for (const char* option : {"--jobs", "--explain", "--dry-run", "--shard", "--report", "--force",
                             "--output", "--data-dir", "--templates", "--quiet", "--verbose"})
    CHECK_MESSAGE(offers(batch, option), option);
  CHECK_FALSE(offers(batch, "--emit"));

  const auto emit = complete_bash("fiscgen render x.xml --emit ");
  CHECK(emit.out == "pdf\ntree\n");
  const auto command = complete_bash("fiscgen ba");
  CHECK(command.out == "batch\n");
  const auto profiles = complete_bash("fiscgen rules diff fisc-2010 fr");
  CHECK(profiles.out == "frap-32\n");
  const auto rules = complete_bash("fiscgen batch in/ --rules ");
  CHECK(offers(rules, "fisc-2010"));
  const auto locales = complete_bash("fiscgen render x.xml --locale f");
  CHECK(offers(locales, "fr"));
  // A global option's value is skipped: the command comes after it.
  const auto after = complete_bash("fiscgen --data-dir /tmp ren");
  CHECK(after.out == "render\n");
}

TEST_CASE("the zsh and fish scripts parse, where those shells are installed") {
  for (const std::string shell : {"zsh", "fish"}) {
    if (!installed(shell)) {
      MESSAGE(shell << " is not installed: its script is checked only for the names it offers");
      continue;
    }
    const auto script = std::filesystem::path(FISCGEN_BUILD_DIR) / "completion" /
                        (shell == "zsh" ? "_fiscgen" : "fiscgen.fish");
    const auto parsed = e2e::run({shell, "-n", script.string()});
    CHECK_MESSAGE(parsed.status == 0, shell << ": " << parsed.err);
  }
}
