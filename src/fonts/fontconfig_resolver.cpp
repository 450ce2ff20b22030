// FontconfigResolver: finds a family's face through fontconfig, refusing silent substitutes.

#include <fontconfig/fontconfig.h>

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

}  // namespace

std::filesystem::path FontconfigResolver::find(const std::string& family, Face face, bool exact) {
  // FcInit loads the default configuration once per process; later calls are cheap no-ops.
  static std::once_flag init_once;
  static bool initialised = false;
  std::call_once(init_once, [] { initialised = FcInit() == FcTrue; });
  const std::string what = "font \"" + family + "\" (" + face_name(face) + ")";
  if (!initialised) throw Error(what + ": fontconfig could not load its configuration");

  const PatternPtr pattern(FcPatternCreate());
  if (!pattern) throw Error(what + ": out of memory");
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, is_bold(face) ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, is_italic(face) ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  // libharu embeds TrueType outlines only, so prefer them among substitutes.
  FcPatternAddString(pattern.get(), FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());

  FcResult result = FcResultNoMatch;
  const PatternPtr match(FcFontMatch(nullptr, pattern.get(), &result));
  FcChar8* file = nullptr;
  if (!match || FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch)
    throw Error(what + " was not found: fontconfig knows no fonts at all; " + install_hint(family));

  if (exact) {
    // Fontconfig always answers with something; with `exact` only the family itself will do,
    // in the face asked for (not a synthesised bold or slant of another face).
    const auto names = families_of(match.get());
    bool same_family = false;
    for (const auto& name : names)
      same_family =
          same_family || FcStrCmpIgnoreCase(reinterpret_cast<const FcChar8*>(name.c_str()),
                                            reinterpret_cast<const FcChar8*>(family.c_str())) == 0;
    if (!same_family) {
      const std::string offered = names.empty() ? "an unnamed font" : "\"" + names.front() + "\"";
      throw Error(what + " was not found (fontconfig offered " + offered + " instead); " +
                  install_hint(family));
    }
    const int weight = integer_of(match.get(), FC_WEIGHT, FC_WEIGHT_REGULAR);
    const int slant = integer_of(match.get(), FC_SLANT, FC_SLANT_ROMAN);
    const bool bold_ok = is_bold(face) ? weight >= FC_WEIGHT_DEMIBOLD : weight < FC_WEIGHT_DEMIBOLD;
    const bool slant_ok = is_italic(face) ? slant != FC_SLANT_ROMAN : slant == FC_SLANT_ROMAN;
    if (!bold_ok || !slant_ok)
      throw Error(what + " was not found: the family is installed without this face; " +
                  install_hint(family));
  }
  return std::filesystem::path(reinterpret_cast<const char*>(file));
}

}  // namespace fiscgen::fonts
