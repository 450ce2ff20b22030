// The fixed words of templates, read from genrb-compiled resource bundles.
//
// Fallback is done here, not by ures_open: the chain is the requested locale and its
// truncations (fr_CA → fr → root), each bundle opened with ures_openDirect and searched in
// turn. ures_open would also do this, but it falls back to the process default locale when the
// language is missing (library-probe §2), and ures_getByKey only inherits top-level keys, not
// keys nested in tables ("letter/enclosures").
#include <unicode/datefmt.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

#include "i18n/i18n.hpp"
#include "i18n/icu_util.hpp"
#include "i18n/message_dates.hpp"
#include "i18n/message_writer.hpp"

namespace fiscgen::i18n {

/// The bundles of the fallback chain, most specific first.
struct BundleChain {
  std::vector<std::string> names;
  std::vector<Bundle> bundles;
  icu::Locale locale;  // what messages are formatted in: icu_locale(Messages::locale())
};

namespace {

BundleChain& chain_of(void* opaque) {
  return *static_cast<BundleChain*>(opaque);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::vector<std::string> split_key(const std::string& key) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = key.find('/', start);
    parts.push_back(key.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  for (const auto& part : parts)
    if (part.empty()) throw Error("message key \"" + key + "\" has an empty part");
  return parts;
}

/// The resource at `path` in one bundle (no inheritance), or nullptr.
Bundle find_in(UResourceBundle* top, const std::vector<std::string>& path) {
  UErrorCode status = U_ZERO_ERROR;
  Bundle current(ures_getByKey(top, path.front().c_str(), nullptr, &status));
  for (std::size_t i = 1; U_SUCCESS(status) && i < path.size(); ++i) {
    if (ures_getType(current.get()) != URES_TABLE) return nullptr;
    current.reset(ures_getByKey(current.get(), path[i].c_str(), nullptr, &status));
  }
  if (U_FAILURE(status)) return nullptr;
  return current;
}

struct Found {
  Bundle resource;
  std::string bundle_name;
};

std::optional<Found> look_up(const BundleChain& chain, const std::string& key) {
  const auto path = split_key(key);
  for (std::size_t i = 0; i < chain.bundles.size(); ++i)
    if (auto resource = find_in(chain.bundles[i].get(), path))
      return Found{std::move(resource), chain.names[i]};
  return std::nullopt;
}

/// The arguments a pattern names, with the type each is used as (date, plural, none…).
std::map<std::string, UMessagePatternArgType> arguments_of(const icu::MessagePattern& pattern) {
  std::map<std::string, UMessagePatternArgType> out;
  for (int32_t i = 0; i + 1 < pattern.countParts(); ++i) {
    const auto& part = pattern.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) continue;
    const std::string name = to_std(pattern.getSubstring(pattern.getPart(i + 1)));
    // The first use decides; a second use of another type is ICU's to judge.
    out.emplace(name, part.getArgType());
  }
  return out;
}

/// The message `pattern` compiled for `locale`, its dates read in GMT. Kept per thread (ICU's
/// formats are not to be shared between threads): a document formats the same messages on
/// every page and a batch on every document, and compiling one that holds a date builds a
/// SimpleDateFormat, about a million instructions. Bounded: emptied at 256 patterns.
const icu::MessageFormat& compiled(const icu::UnicodeString& pattern, const std::string& locale,
                                   const std::string& in) {
  using Key = std::pair<std::string, icu::UnicodeString>;
  thread_local std::map<Key, std::unique_ptr<icu::MessageFormat>> kept;
  Key key{locale, pattern};
  if (const auto found = kept.find(key); found != kept.end()) return *found->second;
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  auto message = std::make_unique<icu::MessageFormat>(pattern, icu_locale(locale), where, status);
  check(status, "compiling " + in);
  // Sub-formats take the default time zone; dates here are days, so they are read in GMT.
  std::unique_ptr<icu::StringEnumeration> formats(message->getFormatNames(status));
  if (U_SUCCESS(status) && formats) {
    while (const icu::UnicodeString* name = formats->snext(status)) {
      if (U_FAILURE(status)) break;
      UErrorCode lookup = U_ZERO_ERROR;
      if (auto* date = dynamic_cast<icu::DateFormat*>(message->getFormat(*name, lookup)))
        date->adoptTimeZone(icu::TimeZone::createTimeZone("GMT"));
    }
  }
  if (kept.size() >= 256) kept.clear();
  return *kept.emplace(std::move(key), std::move(message)).first->second;
}

void collect_keys(UResourceBundle* table, const std::string& prefix,
                  std::vector<std::string>& out) {
  ures_resetIterator(table);
  while (ures_hasNext(table)) {
    UErrorCode status = U_ZERO_ERROR;
    Bundle entry(ures_getNextResource(table, nullptr, &status));
    check(status, "reading the keys of a locale bundle");
    const std::string key = prefix + ures_getKey(entry.get());
    if (ures_getType(entry.get()) == URES_TABLE)
      collect_keys(entry.get(), key + "/", out);
    else
      out.push_back(key);
  }
}

}  // namespace

std::vector<std::string> message_keys(const std::filesystem::path& bundle_dir,
                                      const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  const std::string directory = bundle_dir.string() + "/";
  Bundle bundle(ures_openDirect(directory.c_str(), name.c_str(), &status));
  check(status, "opening the locale bundle " + directory + name + ".res");
  std::vector<std::string> keys;
  collect_keys(bundle.get(), "", keys);
  std::sort(keys.begin(), keys.end());
  return keys;
}

Messages::Messages(const std::filesystem::path& bundle_dir, const std::string& locale) {
  const icu::Locale requested = locale.empty() ? icu::Locale::getRoot() : icu_locale(locale);
  if (requested.isBogus()) throw Error("\"" + locale + "\" is not a locale name");
  locale_ = requested.getName()[0] ? requested.getName() : "root";
  directory_ = bundle_dir;

  const auto available = available_locales(bundle_dir);
  if (available.empty())
    throw Error("no locale bundles (*.res) in " + bundle_dir.string() +
                "; is it the compiled locales/ folder?");
  const std::string language = requested.getLanguage();
  const bool known = locale_ == "root" ||
                     std::any_of(available.begin(), available.end(), [&](const std::string& name) {
                       return name == language || name.rfind(language + "_", 0) == 0;
                     });
  if (!known) {
    std::vector<std::string> listed;
    std::copy_if(available.begin(), available.end(), std::back_inserter(listed),
                 [](const std::string& name) { return name != "root"; });
    throw Error("unknown locale \"" + locale + "\"; available: " + join(listed));
  }

  // uloc_getParent truncates: fr_CA → fr → "" (root). Only bundles that exist join the chain.
  auto chain = std::make_unique<BundleChain>();
  chain->locale = icu_locale(locale_);
  const std::string directory = bundle_dir.string() + "/";  // ICU reads a path without '/' as a
                                                            // package-name prefix
  std::string name = locale_;
  while (true) {
    const std::string stem = name.empty() ? "root" : name;
    if (std::binary_search(available.begin(), available.end(), stem)) {
      UErrorCode status = U_ZERO_ERROR;
      Bundle bundle(ures_openDirect(directory.c_str(), stem.c_str(), &status));
      check(status, "opening the locale bundle " + directory + stem + ".res");
      chain->names.push_back(stem);
      chain->bundles.push_back(std::move(bundle));
    }
    if (name.empty() || name == "root") break;
    char parent[ULOC_FULLNAME_CAPACITY];
    UErrorCode status = U_ZERO_ERROR;
    const std::int32_t length = uloc_getParent(name.c_str(), parent, sizeof parent, &status);
    check(status, "finding the parent of locale \"" + name + "\"");
    // A parent that fills the buffer exactly is not terminated: take its length, never strlen.
    name.assign(parent,
                static_cast<std::size_t>(std::clamp<std::int32_t>(length, 0, sizeof parent)));
  }
  bundle_ = chain.release();
}

std::vector<std::filesystem::path> Messages::bundle_files() const {
  std::vector<std::filesystem::path> files;
  for (const auto& name : chain_of(bundle_).names) files.push_back(directory_ / (name + ".res"));
  return files;
}

Messages::~Messages() {
  delete &chain_of(bundle_);
}

bool Messages::has(const std::string& key) const {
  return look_up(chain_of(bundle_), key).has_value();
}

namespace {

/// A pattern parsed, with the type of each name's first use and its dates in keyword styles.
struct Parsed {
  Parsed(const icu::UnicodeString& text, UParseError* where, UErrorCode& status)
      : pattern(text, where, status) {}
  icu::MessagePattern pattern;
  std::map<std::string, UMessagePatternArgType> used;
  std::map<std::string, std::vector<DateArgument>> dates;
};

/// `text` parsed, kept per thread: a document formats the same messages on every page and a
/// batch on every document. A pattern that does not parse is not kept: ICU's error is thrown,
/// with where, each time. Bounded: emptied at 256 patterns.
std::shared_ptr<const Parsed> parsed(const icu::UnicodeString& text, UParseError& where,
                                     UErrorCode& status) {
  thread_local std::map<icu::UnicodeString, std::shared_ptr<const Parsed>> kept;
  if (const auto found = kept.find(text); found != kept.end()) return found->second;
  auto fresh = std::make_shared<Parsed>(text, &where, status);
  if (U_FAILURE(status)) return nullptr;
  fresh->used = arguments_of(fresh->pattern);
  fresh->dates = date_arguments(fresh->pattern);
  if (kept.size() >= 256) kept.clear();
  return kept.emplace(text, std::move(fresh)).first->second;
}

/// The names and values Messages::format hands MessageFormat for `message`, after checking
/// that every argument it uses is given and of a type it can take (`in()` names the message
/// in errors). A date in a keyword style (message_dates.hpp) is not among them: `written`
/// lists its uses, for the pattern to be rewritten to take it as text.
struct Values {
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  std::vector<DateArgument> written;
};

template <class In>
Values values_for(const Parsed& message, const std::map<std::string, MessageArgument>& arguments,
                  const icu::Locale& locale, const In& in) {
  Values out;
  for (const auto& [name, type] : message.used) {
    const auto given = arguments.find(name);
    if (given == arguments.end())
      throw Error(in() + " needs the argument \"" + name + "\", which was not given");
    const MessageArgument& value = given->second;
    const bool numeric = type == UMSGPAT_ARG_TYPE_PLURAL ||
                         type == UMSGPAT_ARG_TYPE_SELECTORDINAL || type == UMSGPAT_ARG_TYPE_CHOICE;
    if (const auto as_date = message.dates.find(name);
        as_date != message.dates.end() && std::holds_alternative<Date>(value)) {
      for (const auto& use : as_date->second) out.written.push_back(use);
      continue;
    }
    out.names.push_back(to_icu(name));
    if (const auto* number = std::get_if<long long>(&value)) {
      if (type == UMSGPAT_ARG_TYPE_SELECT)
        out.values.emplace_back(to_icu(std::to_string(*number)));
      else
        out.values.emplace_back(static_cast<int64_t>(*number));  // int64 keeps plural rules exact
    } else if (const auto* date = std::get_if<Date>(&value)) {
      if (numeric) throw Error(in() + ": argument \"" + name + "\" must be a number, not a date");
      if (type == UMSGPAT_ARG_TYPE_SELECT)
        out.values.emplace_back(to_icu(iso(*date)));
      else if (type == UMSGPAT_ARG_TYPE_NONE)  // a bare {d}: a date, never date and time
        out.values.emplace_back(to_icu(date_in_style(*date, locale, icu::DateFormat::kLong)));
      else
        out.values.emplace_back(to_udate(*date), icu::Formattable::kIsDate);
    } else {
      if (numeric)
        throw Error(in() + ": argument \"" + name + "\" must be a number, not \"" +
                    std::get<std::string>(value) + "\"");
      out.values.emplace_back(to_icu(std::get<std::string>(value)));
    }
  }
  return out;
}

/// `pattern` with each use in `values.written` replaced by a plain argument of a name no
/// argument has (U+E000 is no pattern syntax, and private), whose value is the date's text.
icu::UnicodeString rewritten(const icu::UnicodeString& pattern, Values& values,
                             const std::map<std::string, MessageArgument>& arguments,
                             const icu::Locale& locale) {
  auto& written = values.written;
  std::sort(written.begin(), written.end(),
            [](const auto& a, const auto& b) { return a.start < b.start; });
  icu::UnicodeString out;
  int32_t copied = 0;
  for (const auto& use : written) {
    icu::UnicodeString stand_in = to_icu(use.name);
    stand_in.append(u'\uE000').append(static_cast<char16_t>(u'0' + use.style));
    out.append(pattern, copied, use.start - copied).append(u'{').append(stand_in).append(u'}');
    copied = use.limit;
    values.names.push_back(stand_in);
    values.values.emplace_back(
        to_icu(date_in_style(std::get<Date>(arguments.at(use.name)), locale, use.style)));
  }
  out.append(pattern, copied, pattern.length() - copied);
  return out;
}

}  // namespace

std::string Messages::format(const std::string& key,
                             const std::map<std::string, MessageArgument>& arguments) const {
  // Named only in errors, so built only for one.
  const auto in = [&] { return "message \"" + key + "\" in locale \"" + locale_ + "\""; };
  const auto& chain = chain_of(bundle_);
  auto found = look_up(chain, key);
  if (!found) throw Error("no " + in() + " (nor in its parent locales)");
  if (ures_getType(found->resource.get()) != URES_STRING)
    throw Error(in() + " is a table or list, not a message; name one of its entries with '/'");
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  const UChar* chars = ures_getString(found->resource.get(), &length, &status);
  if (U_FAILURE(status)) check(status, "reading " + in());
  const icu::UnicodeString pattern(chars, length);

  UParseError where{};
  const auto message = parsed(pattern, where, status);
  if (!message)
    throw Error(in() + " (from " + found->bundle_name + ".res) is not a valid ICU message: " +
                u_errorName(status) + " at character " + std::to_string(where.offset));
  auto values = values_for(*message, arguments, chain.locale, in);
  // Most messages need no formatter of ICU's (message_writer.hpp).
  if (const auto text = written_message(message->pattern,
                                        {arguments, message->used, message->dates}, chain.locale))
    return to_std(*text);

  const auto& format = compiled(
      values.written.empty() ? pattern : rewritten(pattern, values, arguments, chain.locale),
      locale_, in());
  status = U_ZERO_ERROR;
  icu::UnicodeString out;
  format.format(values.names.data(), values.values.data(),
                static_cast<int32_t>(values.values.size()), out, status);
  check(status, "formatting " + in());
  return to_std(out);
}

}  // namespace fiscgen::i18n
