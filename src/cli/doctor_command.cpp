#include <iostream>
#include <set>

#include "cli/command.hpp"
#include "fonts/fonts.hpp"
#include "i18n/i18n.hpp"
#include "rules/profile.hpp"
#include "template/template.hpp"

namespace fiscgen::cli {
namespace {

/// One line of the report; returns whether the thing is there.
bool report(const std::string& what, const std::string& found, bool ok) {
  std::cout << (ok ? "  ok       " : "  MISSING  ") << what << ": " << found << '\n';
  return ok;
}

}  // namespace

void add_doctor_command(CLI::App& app, Globals& globals, const char* command_name) {
  auto* command = app.add_subcommand(
      command_name,
      "Report what fiscgen found (data, fonts, ICU, locales); non-zero if anything is missing");
  command->footer("Example:\n  fiscgen doctor");
  command->callback([&globals] {
    globals.action = [](const DataPaths& paths) {
      namespace fs = std::filesystem;
      std::cout << "fiscgen " FISCGEN_VERSION "\n";
      bool all = true;
      std::error_code ec;
      all &= report("forms", fs::absolute(paths.forms).lexically_normal().string(),
                    fs::is_directory(paths.forms, ec));
      all &= report("letters", fs::absolute(paths.letters).lexically_normal().string(),
                    fs::is_directory(paths.letters, ec));
      const auto locales = i18n::available_locales(paths.locales);
      std::string listed;
      for (const auto& locale : locales) listed += " " + locale;
      all &= report("locales",
                    fs::absolute(paths.locales).lexically_normal().string() + " (" +
                        (listed.empty() ? " none" : listed) + " )",
                    !locales.empty());
      report("ICU", i18n::icu_version(), true);
      try {
        report("forms and letters", std::to_string(templ::list_templates(paths).size()), true);
      } catch (const Error& e) {
        all = report("forms and letters", e.describe(), false);
      }

      // Every family a rules profile asks for, in every face.
      std::set<std::string> families;
      for (const auto& entry : fs::directory_iterator(paths.rules(), ec)) {
        if (entry.path().extension() != ".xml") continue;
        try {
          const auto profile = rules::load_profile(entry.path());
          families.insert(profile.font_family);
          families.insert(profile.fallback_family);
        } catch (const Error& e) {
          all = report("rules " + entry.path().filename().string(), e.describe(), false);
        }
      }
      fonts::FontconfigResolver resolver;
      const std::pair<fonts::Face, const char*> faces[] = {
          {fonts::Face::regular, "regular"},
          {fonts::Face::bold, "bold"},
          {fonts::Face::italic, "italic"},
          {fonts::Face::bold_italic, "bold italic"}};
      for (const auto& family : families)
        for (const auto& [face, name] : faces) {
          try {
            report(family + " " + name, resolver.find(family, face, true).string(), true);
          } catch (const Error& e) {
            all = report(family + " " + name, e.message(), false);
          }
        }
      if (!all) std::cout << "Something fiscgen needs is missing: see the lines above.\n";
      return all ? exit_ok : exit_document_error;
    };
  });
}

}  // namespace fiscgen::cli
