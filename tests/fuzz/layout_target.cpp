// Fuzz target: laying out one paragraph of arbitrary text (after i18n::normalise, as the input
// reader does) with the real fonts and the FISC rules profile.
#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "base/data_paths.hpp"
#include "doc/document.hpp"
#include "fonts/fonts.hpp"
#include "fuzz.hpp"
#include "i18n/i18n.hpp"
#include "layout/layout.hpp"
#include "rules/profile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fiscgen::DataPaths paths = fiscgen::DataPaths::discover();
  static fiscgen::fonts::FontconfigResolver resolver;
  static fiscgen::fonts::FontSet fonts(resolver, "Liberation Serif", "DejaVu Serif");
  static const fiscgen::rules::Profile profile =
      fiscgen::rules::load_profile(paths.rules() / "fisc-2010.xml");
  try {
    const std::string text = fiscgen::i18n::normalise(
        std::string_view(reinterpret_cast<const char*>(data), size), {"fuzz", 1, 1});
    pugi::xml_document xml;
    auto root = xml.append_child("document");
    root.append_attribute("locale") = "en_US";
    root.append_attribute("rules") = "fisc-2010";
    root.append_child("paragraph").append_child(pugi::node_pcdata).set_value(text.c_str());
    auto document = fiscgen::doc::from_xml(root, fiscgen::LineIndex("fuzz", ""));
    fiscgen::doc::number_footnotes(document);
    fiscgen::Warnings warnings;
    (void)fiscgen::layout::lay_out(document, profile, fonts, warnings);
  } catch (const fiscgen::Error& error) {
    (void)error.describe();
  }
  return 0;
}
