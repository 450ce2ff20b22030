// The citation data: reporters, court rule sets, signals and abbreviations (forms/cite/).

#include <pugixml.hpp>

#include <algorithm>

#include "base/sources.hpp"
#include "base/xml.hpp"
#include "cite/cite.hpp"

namespace fiscgen::cite {
namespace {

int year_attribute(std::string_view value, const char* name, const pugi::xml_node& node,
                   const XmlFile& data) {
  if (value.empty()) return 0;
  if (value.size() != 4 ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw Error(data.at(node), std::string("expected a year (YYYY) in ") + name + "=, not \"" +
                                   std::string(value) + "\"");
  // Four digits read in place: a string and std::stoi for each of 400 reporters' years cost a
  // tenth of reading the table.
  int year = 0;
  for (const char digit : value) year = year * 10 + (digit - '0');
  return year;
}

// A reporter's heading in a table of authorities: category="cases" (the default) or another
// of doc::authority_categories ("secondary" for law journals, "executive" for O.L.C. opinions).
Category category_attribute(std::string_view value, const pugi::xml_node& node,
                            const XmlFile& data) {
  if (value.empty()) return Category::cases;
  if (const auto found = doc::authority_category(value)) return *found;
  throw Error(data.at(node), "category=\"" + std::string(value) +
                                 "\": expected a heading of the table of authorities "
                                 "(cases, secondary, executive, …)");
}

// cited="year-number" ("T.C. Memo. 2019-233") or "paragraph" ("Fed. Sec. L. Rep. (CCH) ¶
// 95,123"); absent: cited by volume and page.
Cited cited_attribute(std::string_view value, const pugi::xml_node& node, const XmlFile& data) {
  if (value.empty()) return Cited::volume_page;
  if (value == "year-number") return Cited::year_number;
  if (value == "paragraph") return Cited::paragraph;
  throw Error(data.at(node),
              "cited=\"" + std::string(value) +
                  "\": expected \"year-number\" (\"T.C. Memo. 2019-233\") or \"paragraph\" "
                  "(\"Fed. Sec. L. Rep. (CCH) ¶ 95,123\"), or no cited= (volume and page)");
}

// official="U.S. 5-13": the reporter that renumbered a nominative reporter's volumes, and the
// official volumes its first and last became.
void read_official(std::string_view value, const pugi::xml_node& node, const XmlFile& data,
                   Reporter& reporter) {
  if (value.empty()) return;
  const auto space = value.rfind(' ');
  const auto dash = value.find('-', space == std::string_view::npos ? 0 : space);
  const auto number = [](std::string_view digits) {
    return !digits.empty() && digits.size() <= 4 &&
                   digits.find_first_not_of("0123456789") == std::string_view::npos
               ? std::stoi(std::string(digits))
               : 0;
  };
  if (space != std::string_view::npos && dash != std::string_view::npos) {
    reporter.official = value.substr(0, space);
    reporter.official_first = number(value.substr(space + 1, dash - space - 1));
    reporter.official_last = number(value.substr(dash + 1));
  }
  if (reporter.official_first < 1 || reporter.official_last < reporter.official_first)
    throw Error(data.at(node), "official=\"" + std::string(value) +
                                   "\": expected the official reporter and the volumes "
                                   "this one's first and last became, as \"U.S. 5-13\"");
}

// The text of a word list's entry (<signal>, <court-word>, …): an empty one is refused, as is
// a space inside an entry the reader compares with one word of the text (`one_word`), which
// would never match and leave the entry silently unused.
std::string entry_text(const pugi::xml_node& node, const XmlFile& data, bool one_word) {
  const std::string_view text = node.child_value();
  // Compared byte by byte: find_first_of searched the four characters for each byte.
  const auto space = static_cast<std::size_t>(
      std::find_if(text.begin(), text.end(),
                   [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }) -
      text.begin());
  if (text.empty() || space == 0)
    throw Error(data.at(node),
                std::string("expected a word in <") + node.name() + ">, not an empty entry");
  if (one_word && space != text.size())
    throw Error(data.at(node), std::string("expected one word in <") + node.name() + ">, not \"" +
                                   std::string(text) + "\"");
  return std::string(text);
}

std::vector<std::string> variants_of(const pugi::xml_node& node) {
  // Counted first: a vector grown one variant at a time moved each string it held.
  std::size_t count = 0;
  for (auto child = node.first_child(); child; child = child.next_sibling())
    count += std::string_view(child.name()) == "variant";
  std::vector<std::string> out;
  out.reserve(count);
  for (auto child = node.first_child(); child; child = child.next_sibling())
    if (std::string_view(child.name()) == "variant") out.emplace_back(child.child_value());
  return out;
}

// The attributes a <reporter> takes, found in one pass over its attributes: looking each up by
// name walked the list once per name, eight times for each of 400 reporters. The first of a
// name counts, as pugixml's attribute() finds it; one the reporter does not take is left alone.
struct ReporterAttributes {
  std::string_view abbreviation, name, courts, from, to, category, cited, official;

  explicit ReporterAttributes(const pugi::xml_node& node) {
    bool seen[8] = {};
    std::string_view* const fields[8] = {&abbreviation, &name,     &courts, &from,
                                         &to,           &category, &cited,  &official};
    static constexpr std::string_view names[8] = {"abbreviation", "name",     "courts", "from",
                                                  "to",           "category", "cited",  "official"};
    for (auto attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute())
      for (std::size_t i = 0; i < 8; ++i)
        if (!seen[i] && names[i] == attribute.name()) {
          seen[i] = true;
          *fields[i] = attribute.value();
          break;
        }
  }
};

// Read into its place at the end of `reporters`, where returning it moved each of its strings.
void read_reporter(const pugi::xml_node& node, const XmlFile& data,
                   std::vector<Reporter>& reporters) {
  const ReporterAttributes attributes(node);
  if (attributes.abbreviation.empty())
    throw Error(data.at(node), "expected an abbreviation= attribute");
  Reporter& reporter = reporters.emplace_back();
  reporter.abbreviation = attributes.abbreviation;
  reporter.name = attributes.name;
  reporter.courts = attributes.courts;
  reporter.variants = variants_of(node);
  reporter.from = year_attribute(attributes.from, "from", node, data);
  reporter.to = year_attribute(attributes.to, "to", node, data);
  reporter.category = category_attribute(attributes.category, node, data);
  reporter.cited = cited_attribute(attributes.cited, node, data);
  read_official(attributes.official, node, data, reporter);
}

}  // namespace

std::filesystem::path Table::file_in(const DataPaths& paths) {
  const auto found = Sources(paths).find(source_name::citation_table);
  return found.empty() ? paths.forms / "cite" / "reporters.xml" : found;
}

Table Table::load(const std::filesystem::path& file) {
  return read(file, XmlFile::bytes_of(file, "the citation table"));
}

Table Table::read(const std::filesystem::path& file, std::string bytes) {
  const XmlFile data(file.string(), std::move(bytes), "the citation table", "citations");
  const auto& root = data.root;

  Table table;
  std::size_t reporters = 0;  // reserved: a vector grown one reporter at a time moved each
  for (auto node = root.first_child(); node; node = node.next_sibling())
    reporters += std::string_view(node.name()) == "reporter";
  table.reporters.reserve(reporters);
  for (auto node = root.first_child(); node; node = node.next_sibling()) {
    const std::string_view name = node.name();
    if (name == "reporter") {
      read_reporter(node, data, table.reporters);
      continue;
    }
    const std::string abbreviation = node.attribute("abbreviation").value();
    if (name == "rules" && abbreviation.empty())
      throw Error(data.at(node), "expected an abbreviation= attribute");
    if (name == "rules") {
      table.rule_sets.push_back({abbreviation, node.attribute("name").value(), variants_of(node)});
    } else if (name == "court") {
      if (abbreviation.empty()) throw Error(data.at(node), "expected an abbreviation= attribute");
      table.courts.push_back(
          {abbreviation, variants_of(node), data.yes_no(node, "docket-citations")});
    } else if (name == "state-code") {
      table.state_codes.push_back(entry_text(node, data, false));
    } else if (name == "public-domain") {
      table.public_domain.push_back(entry_text(node, data, false));
    } else if (name == "signal") {
      table.signals.push_back(entry_text(node, data, false));
      if (data.yes_no(node, "bluebook")) table.bluebook_signals.push_back(table.signals.back());
    } else if (name == "government") {
      table.governments.push_back(entry_text(node, data, false));
    } else if (name == "name-particle") {
      table.name_particles.push_back(entry_text(node, data, true));
      if (data.yes_no(node, "opens-name"))
        table.name_openers.push_back(table.name_particles.back());
    } else if (name == "court-word") {
      table.court_words.push_back(entry_text(node, data, true));
    } else if (name == "code-division") {
      table.code_divisions.push_back(entry_text(node, data, true));
    } else if (name == "code-publisher") {
      table.code_publishers.push_back(entry_text(node, data, true));
    } else if (name == "abbreviation") {
      table.abbreviations.push_back(entry_text(node, data, true));
    } else if (name == "docket-kind") {
      table.docket_kinds.push_back(entry_text(node, data, false));
    } else if (name == "document-title") {
      if (abbreviation.empty()) throw Error(data.at(node), "expected an abbreviation= attribute");
      table.document_titles.push_back({abbreviation, variants_of(node)});
    } else if (node.type() == pugi::node_element) {
      throw Error(data.at(node),
                  "expected <reporter>, <rules>, <court>, <public-domain>, <state-code>, <signal>, "
                  "<abbreviation>, <docket-kind>, <document-title>, <government>, "
                  "<name-particle>, <court-word>, <code-division> or <code-publisher>, not <" +
                      std::string(name) + ">");
    }
  }
  if (table.reporters.empty()) throw Error(data.at(root), "the table names no reporter");
  return table;
}

}  // namespace fiscgen::cite
