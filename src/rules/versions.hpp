// The dated versions of a rules profile: a profile file holds the rules as they first took
// effect, then one <amendment effective="YYYY-MM-DD"> per later change, holding only the
// elements that changed. Internal to rules/.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fiscgen::rules::detail {

/// Reports a problem at a node of the profile file (throws; never returns).
using Fail = std::function<void(const pugi::xml_node&, const std::string&)>;

/// Whether `value` is YYYY-MM-DD with a month 01-12 and a day 01-31 (the day is not checked
/// against its month).
bool iso_date(std::string_view value);

/// One version as the file dates it.
struct Dated {
  std::string effective;  // YYYY-MM-DD
  std::string version;    // the version attribute, may be empty
  std::string note;       // what changed, in the file's words (empty for the first version)
};

/// The versions `root` (a parsed <rules>) holds, oldest first: the root's own, then each
/// <amendment>. Dates must be valid and rise; an amendment needs one.
std::vector<Dated> versions_of(const pugi::xml_node& root, const Fail& fail);

/// Makes `root` the profile in force on `as_of` (YYYY-MM-DD; empty: the latest version; a date
/// before the first version: the first version): each amendment in force replaces the root's
/// element of the same identity (its name and, for <style>, <required> and <numbering>, its
/// name, part or level) or adds it, and sets the root's effective, version and note. Every
/// <amendment> is then removed. Nodes keep their offsets, so errors still name file:line:col.
void resolve_versions(pugi::xml_node root, const std::string& as_of, const Fail& fail);

}  // namespace fiscgen::rules::detail
