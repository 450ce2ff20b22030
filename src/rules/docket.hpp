// The compiled form of a profile's docket pattern (<court docket="…">), kept per thread.
#pragma once

#include <regex>
#include <string>

namespace fiscgen::rules {

/// std::regex_traits<char> with a cheaper transform_primary in the "C" locale. libstdc++'s
/// bracket matcher fills a 256-entry table for every \d or [...] while compiling, calling
/// transform_primary (the collate facet, a vector and two strings) for each character, though
/// only an equivalence class [[=x=]] reads it: 0.64M instructions for "(Misc\.|BR|PR/TT)
/// \d{2}-\d{1,4}". In the "C" locale it is the character lowered (strxfrm copies there), which
/// gives the same classes; in any other locale the standard one is used.
class DocketTraits : public std::regex_traits<char> {
 public:
  locale_type imbue(const locale_type& locale) {
    classic_ = locale == std::locale::classic();
    return std::regex_traits<char>::imbue(locale);
  }
  template <class Iterator>
  string_type transform_primary(Iterator first, Iterator last) const {
    if (!classic_) return std::regex_traits<char>::transform_primary(first, last);
    string_type lowered(first, last);
    for (char& c : lowered)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lowered;
  }

 private:
  bool classic_ = getloc() == std::locale::classic();
};

/// A docket pattern compiled: matched with std::regex_match and std::regex_search as a
/// std::regex is.
using DocketRegex = std::basic_regex<char, DocketTraits>;

/// The ECMAScript regex for `pattern`, compiled the first time this thread asks for it: building
/// a std::regex costs about a million instructions, and every render of a court document (and
/// the profile load that checks the pattern) asks for the same few (issue 19). Throws
/// std::regex_error if `pattern` is not a regular expression.
const DocketRegex& docket_regex(const std::string& pattern);

}  // namespace fiscgen::rules
