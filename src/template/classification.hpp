// The marking rules of a classified input (Executive Order 13526 § 1.6; 32 C.F.R. §§ 2001.21,
// 2001.22), checked once the input is merged, before anything is laid out or made public.
#pragma once

#include "doc/document.hpp"
#include "doc/markings.hpp"
#include "input/input.hpp"

namespace fiscgen::templ {

/// Throws an Error located in the input when:
/// - <classification-authority> mixes original classification (<reason>, § 2001.21(a)(3)) with
///   derivative classification (<derived-from>, § 2001.22(b)), names neither, or lacks
///   <classified-by> or <declassify-on>;
/// - <classification> is lower than its portions' marks give (doc::check_stated_classification);
/// - the document is classified and a portion the input wrote has no mark
///   (doc::check_portions: every unmarked portion, each at its own line and column).
void check_classification(const input::Matter& matter, const doc::Document& document,
                          const doc::Markings& markings);

}  // namespace fiscgen::templ
