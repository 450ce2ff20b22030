// The compiled form of a profile's docket pattern (<court docket="…">), kept per thread.
#pragma once

#include <regex>
#include <string>

namespace fiscgen::rules {

/// The ECMAScript regex for `pattern`, compiled the first time this thread asks for it: building
/// a std::regex costs about a million instructions, and every render of a court document (and
/// the profile load that checks the pattern) asks for the same few (issue 19). Throws
/// std::regex_error if `pattern` is not a regular expression.
const std::regex& docket_regex(const std::string& pattern);

}  // namespace fiscgen::rules
