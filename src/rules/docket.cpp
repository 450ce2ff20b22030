#include "rules/docket.hpp"

#include <map>

#include "rules/profile.hpp"

namespace fiscgen::rules {

const DocketRegex& docket_regex(const std::string& pattern) {
  // Per thread: batch workers render at once, and a std::regex is not shared safely while
  // another thread may be inserting. A profile names one pattern, so the map stays small.
  thread_local std::map<std::string, DocketRegex, std::less<>> compiled;
  const auto found = compiled.find(pattern);
  if (found != compiled.end()) return found->second;
  return compiled.emplace(pattern, DocketRegex(pattern)).first->second;
}

const std::string& Profile::docket_label_for(const std::string& docket) const {
  for (const auto& label : docket_labels)
    if (std::regex_search(docket, docket_regex(label.match))) return label.label;
  return docket_label;
}

}  // namespace fiscgen::rules
