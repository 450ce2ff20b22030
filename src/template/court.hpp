// Which court a document is for, and which version of its rules: the checks a merge makes
// before anything is written, so that `check` refuses what `render` would.
#pragma once

#include <string>

#include "base/error.hpp"
#include "base/sources.hpp"
#include "input/input.hpp"
#include "rules/profile.hpp"

namespace fiscgen::templ {

/// The date a document's rules profile version is chosen by: the input's <date> when it is
/// YYYY-MM-DD, else empty (the latest version).
std::string rules_date(const input::Matter& matter);

/// A warning at the input's <date> when it precedes every version of `profile`: the rules
/// encoded were not yet in force, and the first version is used.
void warn_before_first_version(const input::Matter& matter, const rules::Profile& profile,
                               Warnings* warnings);

/// Refuses a document whose form, docket and rules profile name different courts: the form's
/// court="…" against the profile's <court id>, at `rules_named_at` (where the profile is named);
/// the docket against the profile's docket pattern, at the input's <docket>. Each message names
/// both courts. Also refuses more than five stacked captions (<consolidated>). `form_court` is
/// the template root's court attribute (empty: a form for any court).
void check_court(const input::Matter& matter, const std::string& form_name,
                 const std::string& form_court, const rules::Profile& profile,
                 const SourceLocation& rules_named_at, const DataPaths& paths);

}  // namespace fiscgen::templ
