// Small helpers shared by the i18n implementation files; never included outside src/i18n/.
#pragma once

#include <unicode/locid.h>
#include <unicode/udat.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utypes.h>

#include <memory>
#include <string>

#include "base/error.hpp"
#include "i18n/i18n.hpp"

namespace fiscgen::i18n {

/// Throws Error if `status` is a failure; ICU's warnings (U_USING_DEFAULT_WARNING…) are success.
inline void check(UErrorCode status, const std::string& doing) {
  if (U_FAILURE(status)) throw Error("ICU failed " + doing + ": " + u_errorName(status));
}

inline std::string to_std(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

inline icu::UnicodeString to_icu(const std::string& utf8) {
  return icu::UnicodeString::fromUTF8(utf8);
}

/// "en-US", "en_US" and "en_us" all name the same ICU locale. A name not written as a locale is
/// an Error (check_locale_name); "" is ICU's default, the root locale.
inline icu::Locale icu_locale(const std::string& name) {
  if (!name.empty()) check_locale_name(name);
  std::string id = name;
  for (char& c : id)
    if (c == '-') c = '_';
  return icu::Locale(id.c_str());
}

/// An ICU resource bundle, closed when it goes.
struct BundleCloser {
  void operator()(UResourceBundle* bundle) const { ures_close(bundle); }
};
using Bundle = std::unique_ptr<UResourceBundle, BundleCloser>;

/// Midnight UTC at the start of `date`, as ICU counts time.
UDate to_udate(const Date& date);

}  // namespace fiscgen::i18n
