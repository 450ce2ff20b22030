#include "template/classification.hpp"

#include <string>

namespace fiscgen::templ {
namespace {

/// 32 C.F.R. § 2001.21(a) (original: Classified By, Reason, Declassify On) and § 2001.22
/// (derivative: Classified By, Derived From, Declassify On): one kind of block, complete.
void check_authority(const input::Matter& matter) {
  const auto block = matter.root().child("classification-authority");
  if (!block) return;
  const auto reason = block.child("reason");
  const auto derived = block.child("derived-from");
  if (reason && derived)
    throw Error(matter.locate(derived),
                "<derived-from> and <reason> in one classification authority block: a document "
                "is classified either originally (Classified By, Reason, Declassify On: 32 "
                "C.F.R. § 2001.21(a)) or derivatively (Classified By, Derived From, Declassify "
                "On: § 2001.22(b)); expected one of them");
  if (!reason && !derived)
    throw Error(matter.locate(block),
                "the classification authority block gives neither <reason> (original "
                "classification, 32 C.F.R. § 2001.21(a)(3)) nor <derived-from> (derivative "
                "classification, § 2001.22(b)); expected one of them");
  for (const char* line : {"classified-by", "declassify-on"})
    if (!block.child(line))
      throw Error(matter.locate(block), std::string("the classification authority block has no <") +
                                            line + ">; expected Classified By, " +
                                            (reason ? "Reason" : "Derived From") +
                                            " and Declassify On (32 C.F.R. § " +
                                            (reason ? "2001.21(a)" : "2001.22") + ")");
}

}  // namespace

void check_classification(const input::Matter& matter, const doc::Document& document,
                          const doc::Markings& markings) {
  check_authority(matter);
  try {
    doc::check_stated_classification(document, markings);
  } catch (const Error& e) {
    const auto stated = matter.root().child("classification");
    throw Error(matter.locate(stated ? stated : matter.root()), e.message());
  }
  doc::check_portions(document, markings, matter.locate(matter.root()).file);
}

}  // namespace fiscgen::templ
