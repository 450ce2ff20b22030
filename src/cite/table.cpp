// The citation data: reporters, court rule sets, signals and abbreviations (forms/cite/).

#include <pugixml.hpp>

#include "base/sources.hpp"
#include "base/xml.hpp"
#include "cite/cite.hpp"

namespace fiscgen::cite {
namespace {

int year_attribute(const pugi::xml_node& node, const char* name, const LineIndex& lines) {
  const std::string_view value = node.attribute(name).value();
  if (value.empty()) return 0;
  if (value.size() != 4 || value.find_first_not_of("0123456789") != std::string_view::npos)
    throw Error(locate(lines, node), std::string("expected a year (YYYY) in ") + name +
                                         "=, not \"" + std::string(value) + "\"");
  // Four digits read in place: a string and std::stoi for each of 400 reporters' years cost a
  // tenth of reading the table.
  int year = 0;
  for (const char digit : value) year = year * 10 + (digit - '0');
  return year;
}

// A reporter's heading in a table of authorities: category="cases" (the default) or another
// of doc::authority_categories ("secondary" for law journals, "executive" for O.L.C. opinions).
Category category_attribute(const pugi::xml_node& node, const LineIndex& lines) {
  const std::string value = node.attribute("category").value();
  if (value.empty()) return Category::cases;
  if (const auto found = doc::authority_category(value)) return *found;
  throw Error(locate(lines, node), "category=\"" + value +
                                       "\": expected a heading of the table of authorities "
                                       "(cases, secondary, executive, …)");
}

// cited="year-number" ("T.C. Memo. 2019-233") or "paragraph" ("Fed. Sec. L. Rep. (CCH) ¶
// 95,123"); absent: cited by volume and page.
Cited cited_attribute(const pugi::xml_node& node, const LineIndex& lines) {
  const std::string value = node.attribute("cited").value();
  if (value.empty()) return Cited::volume_page;
  if (value == "year-number") return Cited::year_number;
  if (value == "paragraph") return Cited::paragraph;
  throw Error(locate(lines, node),
              "cited=\"" + value +
                  "\": expected \"year-number\" (\"T.C. Memo. 2019-233\") or \"paragraph\" "
                  "(\"Fed. Sec. L. Rep. (CCH) ¶ 95,123\"), or no cited= (volume and page)");
}

// official="U.S. 5-13": the reporter that renumbered a nominative reporter's volumes, and the
// official volumes its first and last became.
void read_official(const pugi::xml_node& node, const LineIndex& lines, Reporter& reporter) {
  const std::string value = node.attribute("official").value();
  if (value.empty()) return;
  const auto space = value.rfind(' ');
  const auto dash = value.find('-', space == std::string::npos ? 0 : space);
  const auto number = [](std::string_view digits) {
    return !digits.empty() && digits.size() <= 4 &&
                   digits.find_first_not_of("0123456789") == std::string_view::npos
               ? std::stoi(std::string(digits))
               : 0;
  };
  if (space != std::string::npos && dash != std::string::npos) {
    reporter.official = value.substr(0, space);
    reporter.official_first = number(std::string_view(value).substr(space + 1, dash - space - 1));
    reporter.official_last = number(std::string_view(value).substr(dash + 1));
  }
  if (reporter.official_first < 1 || reporter.official_last < reporter.official_first)
    throw Error(locate(lines, node), "official=\"" + value +
                                         "\": expected the official reporter and the volumes "
                                         "this one's first and last became, as \"U.S. 5-13\"");
}

// The text of a word list's entry (<signal>, <court-word>, …): an empty one is refused, as is
// a space inside an entry the reader compares with one word of the text (`one_word`), which
// would never match and leave the entry silently unused.
std::string entry_text(const pugi::xml_node& node, const LineIndex& lines, bool one_word) {
  const std::string text = node.child_value();
  const auto space = text.find_first_of(" \t\n\r");
  if (text.empty() || space == 0)
    throw Error(locate(lines, node),
                std::string("expected a word in <") + node.name() + ">, not an empty entry");
  if (one_word && space != std::string::npos)
    throw Error(locate(lines, node),
                std::string("expected one word in <") + node.name() + ">, not \"" + text + "\"");
  return text;
}

std::vector<std::string> variants_of(const pugi::xml_node& node) {
  std::vector<std::string> out;
  for (const auto& variant : node.children("variant")) out.emplace_back(variant.child_value());
  return out;
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
  const auto& lines = data.lines;

  Table table;
  for (const auto& node : root.children()) {
    const std::string_view name = node.name();
    const std::string abbreviation = node.attribute("abbreviation").value();
    if ((name == "reporter" || name == "rules") && abbreviation.empty())
      throw Error(locate(lines, node), "expected an abbreviation= attribute");
    if (name == "reporter") {
      Reporter reporter{abbreviation,
                        node.attribute("name").value(),
                        node.attribute("courts").value(),
                        variants_of(node),
                        year_attribute(node, "from", lines),
                        year_attribute(node, "to", lines),
                        category_attribute(node, lines),
                        {},
                        0,
                        0,
                        cited_attribute(node, lines)};
      read_official(node, lines, reporter);
      table.reporters.push_back(std::move(reporter));
    } else if (name == "rules") {
      table.rule_sets.push_back({abbreviation, node.attribute("name").value(), variants_of(node)});
    } else if (name == "court") {
      if (abbreviation.empty())
        throw Error(locate(lines, node), "expected an abbreviation= attribute");
      table.courts.push_back(
          {abbreviation, variants_of(node), data.yes_no(node, "docket-citations")});
    } else if (name == "state-code") {
      table.state_codes.push_back(entry_text(node, lines, false));
    } else if (name == "public-domain") {
      table.public_domain.push_back(entry_text(node, lines, false));
    } else if (name == "signal") {
      table.signals.push_back(entry_text(node, lines, false));
      if (data.yes_no(node, "bluebook")) table.bluebook_signals.push_back(table.signals.back());
    } else if (name == "government") {
      table.governments.push_back(entry_text(node, lines, false));
    } else if (name == "name-particle") {
      table.name_particles.push_back(entry_text(node, lines, true));
      if (data.yes_no(node, "opens-name"))
        table.name_openers.push_back(table.name_particles.back());
    } else if (name == "court-word") {
      table.court_words.push_back(entry_text(node, lines, true));
    } else if (name == "code-division") {
      table.code_divisions.push_back(entry_text(node, lines, true));
    } else if (name == "code-publisher") {
      table.code_publishers.push_back(entry_text(node, lines, true));
    } else if (name == "abbreviation") {
      table.abbreviations.push_back(entry_text(node, lines, true));
    } else if (name == "docket-kind") {
      table.docket_kinds.push_back(entry_text(node, lines, false));
    } else if (name == "document-title") {
      if (abbreviation.empty())
        throw Error(locate(lines, node), "expected an abbreviation= attribute");
      table.document_titles.push_back({abbreviation, variants_of(node)});
    } else if (node.type() == pugi::node_element) {
      throw Error(locate(lines, node),
                  "expected <reporter>, <rules>, <court>, <public-domain>, <state-code>, <signal>, "
                  "<abbreviation>, <docket-kind>, <document-title>, <government>, "
                  "<name-particle>, <court-word>, <code-division> or <code-publisher>, not <" +
                      std::string(name) + ">");
    }
  }
  if (table.reporters.empty()) throw Error(locate(lines, root), "the table names no reporter");
  return table;
}

}  // namespace fiscgen::cite
