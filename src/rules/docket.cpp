#include "rules/docket.hpp"

#include <map>

namespace fiscgen::rules {

const std::regex& docket_regex(const std::string& pattern) {
  // Per thread: batch workers render at once, and a std::regex is not shared safely while
  // another thread may be inserting. A profile names one pattern, so the map stays small.
  thread_local std::map<std::string, std::regex, std::less<>> compiled;
  const auto found = compiled.find(pattern);
  if (found != compiled.end()) return found->second;
  return compiled.emplace(pattern, std::regex(pattern)).first->second;
}

}  // namespace fiscgen::rules
