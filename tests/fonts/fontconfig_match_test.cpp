// The resolver's lookup within a family (fontconfig_resolver.cpp) answers as FcFontMatch does.

#include <doctest/doctest.h>
#include <fontconfig/fontconfig.h>

#include <memory>
#include <set>
#include <string>

#include "fonts/fonts.hpp"

using fiscgen::fonts::Face;
using fiscgen::fonts::FontconfigResolver;

namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

/// FcFontMatch's file for the request the resolver makes (system configuration).
std::string fontconfig_file(const std::string& family, Face face) {
  const bool bold = face == Face::bold || face == Face::bold_italic;
  const bool italic = face == Face::italic || face == Face::bold_italic;
  const PatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcPatternAddString(pattern.get(), FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  const PatternPtr found(FcFontMatch(nullptr, pattern.get(), &result));
  FcChar8* file = nullptr;
  if (!found || FcPatternGetString(found.get(), FC_FILE, 0, &file) != FcResultMatch) return {};
  return reinterpret_cast<const char*>(file);
}

/// Every family name of every installed font, as fontconfig lists them (localised names too).
std::set<std::string> installed_families() {
  std::set<std::string> names;
  const PatternPtr any(FcPatternCreate());
  FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
  FcFontSet* fonts = FcFontList(nullptr, any.get(), objects);
  for (int i = 0; fonts && i < fonts->nfont; ++i) {
    FcChar8* name = nullptr;
    for (int k = 0; FcPatternGetString(fonts->fonts[i], FC_FAMILY, k, &name) == FcResultMatch; ++k)
      names.insert(reinterpret_cast<const char*>(name));
  }
  if (fonts) FcFontSetDestroy(fonts);
  FcObjectSetDestroy(objects);
  return names;
}

}  // namespace

TEST_CASE("a lookup among one family's fonts finds the file FcFontMatch finds among all") {
  FontconfigResolver system(FontconfigResolver::Mode::system_only);
  // The system's configuration loaded as fiscgen loads it, once per process (fontconfig loses a
  // little memory each time it parses one: tests/lsan.supp), before this test asks fontconfig.
  REQUIRE_NOTHROW(system.find("Liberation Serif", Face::regular, true));
  auto families = installed_families();
  REQUIRE(families.size() > 3);
  // Spellings the matcher takes as the same family, and one it has no font of.
  families.insert({"liberationserif", "LIBERATION  SERIF", "Liberation", "No Such Family Zz"});
  int compared = 0;
  for (const auto& family : families)
    for (const Face face : {Face::regular, Face::bold, Face::italic, Face::bold_italic}) {
      CAPTURE(family);
      CAPTURE(static_cast<int>(face));
      CHECK(system.find(family, face, false).string() == fontconfig_file(family, face));
      ++compared;
    }
  CHECK(compared >= 16);
}
