// FontconfigResolver: finds a family's face through fontconfig, refusing silent substitutes.

#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fonts/fonts.hpp"

namespace fiscgen::fonts {
namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;
struct CharSetDeleter {
  void operator()(FcCharSet* c) const { FcCharSetDestroy(c); }
};
using CharSetPtr = std::unique_ptr<FcCharSet, CharSetDeleter>;
struct FontSetDeleter {
  void operator()(FcFontSet* f) const { FcFontSetDestroy(f); }
};
using FontSetPtr = std::unique_ptr<FcFontSet, FontSetDeleter>;

const char* face_name(Face face) {
  switch (face) {
    case Face::regular:
      return "regular";
    case Face::bold:
      return "bold";
    case Face::italic:
      return "italic";
    case Face::bold_italic:
      return "bold italic";
  }
  return "regular";
}

bool is_bold(Face face) {
  return face == Face::bold || face == Face::bold_italic;
}
bool is_italic(Face face) {
  return face == Face::italic || face == Face::bold_italic;
}

bool starts_with_ignoring_case(const std::string& text, const std::string& prefix) {
  return text.size() >= prefix.size() &&
         FcStrCmpIgnoreCase(reinterpret_cast<const FcChar8*>(text.substr(0, prefix.size()).c_str()),
                            reinterpret_cast<const FcChar8*>(prefix.c_str())) == 0;
}

// What to tell the user to install: the Debian package for the families we know.
std::string install_hint(const std::string& family) {
  if (starts_with_ignoring_case(family, "Liberation"))
    return "install the Debian package fonts-liberation2";
  if (starts_with_ignoring_case(family, "DejaVu"))
    return "install the Debian package fonts-dejavu-core";
  return "install the Debian package that provides it, or name another family in the rules "
         "profile";
}

std::vector<std::string> families_of(FcPattern* pattern) {
  std::vector<std::string> names;
  FcChar8* value = nullptr;
  for (int i = 0; FcPatternGetString(pattern, FC_FAMILY, i, &value) == FcResultMatch; ++i)
    names.emplace_back(reinterpret_cast<const char*>(value));
  return names;
}

int integer_of(FcPattern* pattern, const char* object, int otherwise) {
  int value = 0;
  return FcPatternGetInteger(pattern, object, 0, &value) == FcResultMatch ? value : otherwise;
}

// The font and cache folders of Debian's /etc/fonts/fonts.conf and its font rejections
// (dpkg leftovers; 70-no-bitmaps), without the rule files of conf.d: those only rename, alias
// and rank *other* families, and an exact lookup accepts nothing but the family asked for.
constexpr const char* font_dirs_xml = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <dir>~/.fonts</dir>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
  <cachedir>~/.fontconfig</cachedir>
  <selectfont>
    <rejectfont><glob>*.dpkg-tmp</glob><glob>*.dpkg-new</glob></rejectfont>
    <rejectfont><pattern><patelt name="outline"><bool>false</bool></patelt></pattern></rejectfont>
  </selectfont>
</fontconfig>
)";

// Whether the user configures fontconfig: then only the full configuration answers.
bool user_configures_fontconfig() {
  for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT"})
    if (const char* value = std::getenv(name); value && *value) return true;
  std::error_code ignored;
  const char* config_home = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::vector<std::filesystem::path> files;
  if (config_home && *config_home)
    files.push_back(std::filesystem::path(config_home) / "fontconfig");
  if (home && *home) {
    files.push_back(std::filesystem::path(home) / ".config" / "fontconfig");
    files.push_back(std::filesystem::path(home) / ".fonts.conf");
    files.push_back(std::filesystem::path(home) / ".fonts.conf.d");
  }
  for (const auto& file : files)
    if (std::filesystem::exists(file, ignored)) return true;
  return false;
}

// The folders-only configuration, loaded once per process; nullptr when it must not be used.
FcConfig* font_dirs_config() {
  static std::once_flag once;
  static FcConfig* config = nullptr;
  std::call_once(once, [] {
    if (user_configures_fontconfig()) return;
    FcConfig* created = FcConfigCreate();
    if (!created) return;
    if (FcConfigParseAndLoadFromMemory(created, reinterpret_cast<const FcChar8*>(font_dirs_xml),
                                       FcFalse) &&
        FcConfigBuildFonts(created))
      config = created;  // kept for the life of the process, as FcInit's is
    else
      FcConfigDestroy(created);
  });
  return config;
}

// The system configuration (FcInit: fonts.conf and every rule in conf.d), loaded once.
bool system_config_ready() {
  static std::once_flag once;
  static bool initialised = false;
  std::call_once(once, [] { initialised = FcInit() == FcTrue; });
  return initialised;
}

/// Whether two family names are one to fontconfig's matcher (its FcStrCmpIgnoreBlanksAndCase,
/// not exported: spaces ignored, case folded). ASCII is compared here, byte by byte; from the
/// first other byte on, fontconfig's folding decides.
bool same_family_name(const FcChar8* a, const std::string& b) {
  const auto* left = reinterpret_cast<const unsigned char*>(a);
  const auto* right = reinterpret_cast<const unsigned char*>(b.c_str());
  const auto lower = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; };
  for (;;) {
    while (*left == ' ') ++left;
    while (*right == ' ') ++right;
    if (*left >= 0x80 || *right >= 0x80) break;
    if (lower(*left) != lower(*right)) return false;
    if (*left == 0) return true;
    ++left;
    ++right;
  }
  std::string rest_left(reinterpret_cast<const char*>(left)),
      rest_right(reinterpret_cast<const char*>(right));
  std::erase(rest_left, ' ');
  std::erase(rest_right, ' ');
  return FcStrCmpIgnoreCase(reinterpret_cast<const FcChar8*>(rest_left.c_str()),
                            reinterpret_cast<const FcChar8*>(rest_right.c_str())) == 0;
}

bool scores_nothing_before_family(FcPattern* font, FcPattern* request) {
  FcChar8* wanted = nullptr;
  FcChar8* format = nullptr;
  if (FcPatternGetString(request, FC_FONTFORMAT, 0, &wanted) == FcResultMatch &&
      FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultNoMatch &&
      (!format || FcStrCmpIgnoreCase(format, wanted) != 0))
    return false;
  FcBool static_face = FcFalse, variable = FcFalse;
  if (FcPatternGetBool(request, FC_VARIABLE, 0, &static_face) == FcResultMatch &&
      FcPatternGetBool(font, FC_VARIABLE, 0, &variable) != FcResultNoMatch &&
      (variable ^ static_face) == 1)
    return false;
  return true;
}

// FcFontMatch scores every font installed (0.7M instructions a lookup here, with 153 fonts),
// and ranks by a fixed order of properties, the first that differs deciding (fcmatch.c, 2.13
// and 2.14): file, format, variable, scalable, colour, foundry, charset, then the family. A font
// of the family that scores nothing on the first seven (its format the one asked for, not
// variable when a static face is asked for, and none of the other five in the request) beats
// every font that does and every font of another family. So when the family has such fonts,
// the best of them, found among them alone in fontconfig's order, is the best of all: the
// same pattern FcFontMatch returns. Otherwise (or another fontconfig) FcFontMatch decides.
FcPattern* match_within_family(FcConfig* config, FcPattern* request, const std::string& family,
                               FcResult* result) {
  const int version = FcGetVersion();
  if (version < 21300 || version >= 21500) return nullptr;
  FcValue ignored;
  for (const char* object : {FC_FILE, FC_SCALABLE, FC_COLOR, FC_FOUNDRY, FC_CHARSET})
    if (FcPatternGet(request, object, 0, &ignored) == FcResultMatch) return nullptr;
  FcChar8* first = nullptr;
  if (FcPatternGetString(request, FC_FAMILY, 0, &first) != FcResultMatch ||
      !same_family_name(first, family))
    return nullptr;
  const FontSetPtr candidates(FcFontSetCreate());
  if (!candidates) return nullptr;
  for (const FcSetName which : {FcSetSystem, FcSetApplication}) {
    const FcFontSet* fonts = FcConfigGetFonts(config, which);
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
      FcPattern* font = fonts->fonts[i];
      FcChar8* value = nullptr;
      bool of_family = false;
      for (int k = 0; !of_family && FcPatternGetString(font, FC_FAMILY, k, &value) == FcResultMatch;
           ++k)
        of_family = same_family_name(value, family);
      if (!of_family || !scores_nothing_before_family(font, request)) continue;
      FcPatternReference(font);
      if (!FcFontSetAdd(candidates.get(), font)) {
        FcPatternDestroy(font);
        return nullptr;
      }
    }
  }
  if (candidates->nfont == 0) return nullptr;
  FcFontSet* sets[] = {candidates.get()};
  return FcFontSetMatch(config, sets, 1, request, result);
}

struct Lookup {
  std::filesystem::path file;  // empty: not found, and `problem` says why
  std::string problem;
};

// One fontconfig match in `config` (nullptr: the system's), checked as `exact` demands.
Lookup match(FcConfig* config, const std::string& family, Face face, bool exact) {
  const PatternPtr pattern(FcPatternCreate());
  if (!pattern) return {{}, "could not be looked up: out of memory"};
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, is_bold(face) ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, is_italic(face) ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  // libharu embeds TrueType outlines only, so prefer them among substitutes.
  FcPatternAddString(pattern.get(), FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
  FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());

  FcResult result = FcResultNoMatch;
  PatternPtr found(match_within_family(config, pattern.get(), family, &result));
  if (!found) found.reset(FcFontMatch(config, pattern.get(), &result));
  FcChar8* file = nullptr;
  if (!found || FcPatternGetString(found.get(), FC_FILE, 0, &file) != FcResultMatch)
    return {{}, "was not found: fontconfig knows no fonts at all; " + install_hint(family)};

  if (exact) {
    // Fontconfig always answers with something; with `exact` only the family itself will do,
    // in the face asked for (not a synthesised bold or slant of another face).
    const auto names = families_of(found.get());
    bool same_family = false;
    for (const auto& name : names)
      same_family =
          same_family || FcStrCmpIgnoreCase(reinterpret_cast<const FcChar8*>(name.c_str()),
                                            reinterpret_cast<const FcChar8*>(family.c_str())) == 0;
    if (!same_family) {
      const std::string offered = names.empty() ? "an unnamed font" : "\"" + names.front() + "\"";
      return {
          {},
          "was not found (fontconfig offered " + offered + " instead); " + install_hint(family)};
    }
    const int weight = integer_of(found.get(), FC_WEIGHT, FC_WEIGHT_REGULAR);
    const int slant = integer_of(found.get(), FC_SLANT, FC_SLANT_ROMAN);
    const bool bold_ok = is_bold(face) ? weight >= FC_WEIGHT_DEMIBOLD : weight < FC_WEIGHT_DEMIBOLD;
    const bool slant_ok = is_italic(face) ? slant != FC_SLANT_ROMAN : slant == FC_SLANT_ROMAN;
    if (!bold_ok || !slant_ok)
      return {{},
              "was not found: the family is installed without this face; " + install_hint(family)};
  }
  return {std::filesystem::path(reinterpret_cast<const char*>(file)), {}};
}

}  // namespace

std::filesystem::path FontconfigResolver::find(const std::string& family, Face face, bool exact) {
  const std::string what = "font \"" + family + "\" (" + face_name(face) + ")";
  if (exact && mode_ == Mode::font_dirs_first) {
    if (FcConfig* config = font_dirs_config()) {
      auto lookup = match(config, family, face, true);
      if (!lookup.file.empty()) return lookup.file;
      // A miss is not final: the system's rules get the last word, and the error message.
    }
  }
  if (!system_config_ready()) throw Error(what + ": fontconfig could not load its configuration");
  auto lookup = match(nullptr, family, face, exact);
  if (lookup.file.empty()) throw Error(what + " " + lookup.problem);
  return lookup.file;
}

std::filesystem::path FontconfigResolver::find_covering(char32_t code_point, Face face) {
  if (!system_config_ready()) return {};
  const PatternPtr pattern(FcPatternCreate());
  const CharSetPtr wanted(FcCharSetCreate());
  if (!pattern || !wanted || !FcCharSetAddChar(wanted.get(), code_point)) return {};
  // Serif first, as the documents are set in a serif; the system's aliases rank the rest.
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("serif"));
  FcPatternAddCharSet(pattern.get(), FC_CHARSET, wanted.get());
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, is_bold(face) ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, is_italic(face) ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  const FontSetPtr sorted(FcFontSort(nullptr, pattern.get(), FcFalse, nullptr, &result));
  if (!sorted) return {};
  for (int i = 0; i < sorted->nfont; ++i) {
    FcPattern* font = sorted->fonts[i];
    FcCharSet* charset = nullptr;
    FcChar8* file = nullptr;
    FcChar8* format = nullptr;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch ||
        !FcCharSetHasChar(charset, code_point) ||
        FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
      continue;
    // libharu embeds TrueType outlines ('glyf') only, and the first font of a collection.
    if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch ||
        FcStrCmpIgnoreCase(format, reinterpret_cast<const FcChar8*>("TrueType")) != 0 ||
        integer_of(font, FC_INDEX, 0) != 0)
      continue;
    return std::filesystem::path(reinterpret_cast<const char*>(file));
  }
  return {};
}

}  // namespace fiscgen::fonts
