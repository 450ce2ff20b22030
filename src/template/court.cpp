#include "template/court.hpp"

#include <regex>

#include "rules/docket.hpp"

namespace fiscgen::templ {
namespace {

std::string trimmed(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// "the United States Foreign Intelligence Surveillance Court (fisc)": how messages name the
/// court a profile is for.
std::string court_of(const rules::Profile& profile) {
  const std::string name = profile.court.empty() ? profile.title : profile.court;
  return name + " (court \"" + profile.court_id + "\", rules profile " + profile.name + ")";
}

/// The profiles on the search path (only on the way to an error: nothing is recorded for a
/// batch key). A profile that cannot be read is left out of the search, not reported here.
std::vector<rules::Profile> all_profiles(const DataPaths& paths) {
  Sources sources(paths);
  std::vector<rules::Profile> out;
  for (const auto& file : sources.list(source_name::rules_folder, ".xml")) try {
      out.push_back(rules::load_named_profile(sources, std::filesystem::path(file).stem()));
    } catch (const Error&) {
    }
  return out;
}

/// Refuses a docket not numbered as the profile's court numbers its cases, naming the court
/// whose style it is when a profile knows it.
void check_docket(const input::Matter& matter, const pugi::xml_node& docket_node,
                  const rules::Profile& profile, const DataPaths& paths) {
  const std::string docket = trimmed(docket_node.text().get());
  // "____": an initiating filing the Clerk has not numbered. A docket holding markup (a
  // <redact>) is the template's to refuse, with its own message.
  const bool blank = docket.find_first_not_of('_') == std::string::npos;
  const bool marked_up = static_cast<bool>(docket_node.find_child(
      [](const pugi::xml_node& n) { return n.type() == pugi::node_element; }));
  if (!blank && !marked_up && !profile.docket_pattern.empty() &&
      !std::regex_match(docket, rules::docket_regex(profile.docket_pattern))) {
    const std::string example = profile.docket_example.empty()
                                    ? std::string()
                                    : " (its dockets read like \"" + profile.docket_example + "\")";
    for (const auto& other : all_profiles(paths))
      if (!other.docket_pattern.empty() && other.court_id != profile.court_id &&
          std::regex_match(docket, rules::docket_regex(other.docket_pattern)))
        throw Error(matter.locate(docket_node),
                    "docket \"" + docket + "\" is numbered as the " + court_of(other) +
                        " numbers its cases, but the document is set under the rules of the " +
                        court_of(profile) + example);
    throw Error(matter.locate(docket_node), "docket \"" + docket + "\" is not numbered as the " +
                                                court_of(profile) + " numbers its cases" + example);
  }
}

constexpr int most_captions = 5;

}  // namespace

std::string rules_date(const input::Matter& matter) {
  // NNNN-NN-NN, checked by hand: a std::regex for it cost a million instructions per render.
  const std::string date = trimmed(matter.root().child("date").text().get());
  const auto digits = [&](std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i)
      if (date[i] < '0' || date[i] > '9') return false;
    return true;
  };
  const bool iso = date.size() == 10 && date[4] == '-' && date[7] == '-' && digits(0, 4) &&
                   digits(5, 2) && digits(8, 2);
  return iso ? date : std::string();
}

void warn_before_first_version(const input::Matter& matter, const rules::Profile& profile,
                               Warnings* warnings) {
  if (!warnings || profile.as_of.empty() || profile.first_effective.empty() ||
      profile.as_of >= profile.first_effective)
    return;
  warnings->add(matter.locate(matter.root().child("date")),
                "the document is dated " + profile.as_of + ", before the first version of rules " +
                    profile.name + " (effective " + profile.first_effective +
                    "); it is set under that version all the same");
}

void check_court(const input::Matter& matter, const std::string& form_name,
                 const std::string& form_court, const rules::Profile& profile,
                 const SourceLocation& rules_named_at, const DataPaths& paths) {
  if (!form_court.empty() && !profile.court_id.empty() && form_court != profile.court_id) {
    std::string form_court_name = "court \"" + form_court + "\"";
    for (const auto& other : all_profiles(paths))
      if (other.court_id == form_court) {
        form_court_name = court_of(other);
        break;
      }
    throw Error(rules_named_at, "form " + form_name + " is a paper of the " + form_court_name +
                                    ", but the document is set under the rules of the " +
                                    court_of(profile) + ": choose a form and rules of one court");
  }
  // Every docket of the caption: the first, then each consolidated matter's.
  check_docket(matter, matter.root().child("docket"), profile, paths);
  for (const auto& extra : matter.root().children("consolidated"))
    check_docket(matter, extra.child("docket"), profile, paths);
  int captions = 1;
  for (const auto& extra : matter.root().children("consolidated"))
    if (++captions > most_captions)
      throw Error(matter.locate(extra), "at most " + std::to_string(most_captions) +
                                            " consolidated matters share a caption; this is the " +
                                            std::to_string(captions) + "th");
}

}  // namespace fiscgen::templ
