#include "template/template.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <sstream>

#include "base/xml.hpp"
#include "doc/markings.hpp"
#include "i18n/i18n.hpp"
#include "rules/profile.hpp"
#include "template/classification.hpp"
#include "template/court.hpp"
#include "template/evaluator.hpp"
#include "template/library.hpp"
#include "template/portions.hpp"
#include "template/redactions.hpp"
#include "template/steps.hpp"

namespace fiscgen::templ {
namespace {

/// ICU's root (or no name at all) is the fallback every locale inherits, not a language: it
/// printed dates as "2013 M07 16". Refused with the locales there are.
void refuse_root_locale(const std::string& locale, const SourceLocation& where,
                        const std::filesystem::path& bundles) {
  std::string language = locale.substr(0, locale.find_first_of("_-"));
  for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!locale.empty() && language != "root") return;
  std::string available;
  for (const auto& name : i18n::available_locales(bundles))
    if (name != "root") available += (available.empty() ? "" : ", ") + name;
  throw Error(where, (locale.empty() ? std::string("an empty locale")
                                     : "\"" + locale + "\" (ICU's fallback)") +
                         " is not a language to write a document in; available: " + available);
}

}  // namespace

namespace fs = std::filesystem;
namespace {
fs::path root_of(const fs::path& file, const DataPaths& paths) {
  std::error_code ec;
  const auto canonical = fs::weakly_canonical(file, ec);
  for (const auto& root : {paths.forms, paths.letters}) {
    const auto relative = canonical.lexically_relative(fs::weakly_canonical(root, ec));
    if (!relative.empty() && *relative.begin() != "..") return root;
  }
  throw Error(file.string() + " is not inside the template roots " + paths.forms.string() +
              " and " + paths.letters.string());
}

void label_headings(std::vector<doc::Block>& blocks, const rules::Profile& profile,
                    const std::string& locale, std::map<int, int>& counters) {
  for (auto& block : blocks) {
    if (block.kind == doc::BlockKind::heading && block.label.empty()) {
      const auto style = profile.heading_numbering_for(block.level);
      if (style != "none") {
        const int n = ++counters[block.level];
        counters.erase(counters.upper_bound(block.level), counters.end());
        block.label = i18n::format_number(n, locale, style) + ".";
      }
    }
    if (block.kind == doc::BlockKind::heading && block.outline.empty()) {
      const auto text = doc::plain_text(block.inlines);
      block.outline = block.label.empty() ? text : block.label + " " + text;
    }
    label_headings(block.children, profile, locale, counters);
  }
}

/// Gives each <toc> and <toa> the words it prints and its bookmark, from the bundles (tables/…),
/// where the template did not write them: the layout reads them from the tree.
void fill_table_words(std::vector<doc::Block>& blocks, const i18n::Messages& messages) {
  for (auto& block : blocks) {
    fill_table_words(block.children, messages);
    const bool contents = block.kind == doc::BlockKind::table_of_contents;
    if (!contents && block.kind != doc::BlockKind::table_of_authorities) continue;
    const auto fill = [&](std::string& value, const std::string& key) {
      if (value.empty() && messages.has("tables/" + key)) value = messages.format("tables/" + key);
    };
    const std::string table = contents ? "contents" : "authorities";
    fill(block.words["title"], table);
    fill(block.words["page"], contents ? "page" : "pages");
    fill(block.outline, table + "_outline");
    if (!contents) {
      fill(block.words["passim"], "passim");
      for (const auto& names : doc::authority_categories)
        fill(block.words[std::string(names.key)], std::string(names.message));
    }
    std::erase_if(block.words, [](const auto& word) { return word.second.empty(); });
  }
}

/// The kind the profile's limits and required parts look at: the template's own
/// <document kind="…"> when it is written out, else the input's root element.
std::string document_kind(const pugi::xml_node& template_root, const std::string& input_kind) {
  const std::string kind = template_root.child("document").attribute("kind").value();
  return kind.empty() || kind.find('{') != std::string::npos ? input_kind : kind;
}

/// The rules profile a template names for `locale` when the input names none: the first entry of
/// rules-by-locale="fr:letter-a4 de:letter-din-5008" whose language (or whole locale) matches,
/// else rules="…". A letter in French is set on A4 paper without the input saying so.
std::string rules_for_locale(const pugi::xml_node& template_root, const std::string& locale,
                             const SourceLocation& at) {
  const std::string language = locale.substr(0, locale.find('_'));
  std::istringstream entries(template_root.attribute("rules-by-locale").value());
  for (std::string entry; entries >> entry;) {
    const auto colon = entry.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == entry.size())
      throw Error(at, "rules-by-locale: \"" + entry +
                          "\": expected LOCALE:PROFILE entries separated by spaces (fr:letter-a4)");
    const std::string which = entry.substr(0, colon);
    if (which == locale || which == language) return entry.substr(colon + 1);
  }
  return template_root.attribute("rules").value();
}

}  // namespace

fs::path template_for(const input::Matter& matter, const DataPaths& paths) {
  Library library(paths);
  const auto name = name_of(matter, paths, library);
  return library.load(name.root, name.name, matter.locate(matter.root()), "template").path;
}

std::vector<Field> fields_of(const fs::path& template_file, const DataPaths& paths) {
  Library library(paths);
  const auto root = root_of(template_file, paths);
  const auto& file = library.load(
      root, fs::weakly_canonical(template_file).lexically_relative(fs::weakly_canonical(root)), {},
      "template");
  return *collect_fields(IncludeTree(library, file));
}

namespace {

/// The template the input names, refused when it is an include or for another kind of input.
const TemplateFile& template_of(const input::Matter& matter, Library& library,
                                const DataPaths& paths) {
  const auto name = name_of(matter, paths, library);
  const auto& file = library.load(name.root, name.name, matter.locate(matter.root()), "template");
  const auto template_root = file.xml.document_element();
  if (!file.is_directive(template_root, Directive::template_root))
    throw Error(
        file.locate(template_root),
        file.name + " is an include, not a template: its root is <" + template_root.name() + ">");
  const std::string kind = template_root.attribute("kind").value();
  if (!kind.empty() && kind != matter.kind)
    throw Error(matter.locate(matter.root()),
                file.name + " is for <" + kind + ">, not <" + matter.kind + ">");
  return file;
}

/// Every field the template and its includes require, or one Error listing all that are missing.
void require_fields(const input::Matter& matter, const IncludeTree& includes) {
  const auto& file = includes.top();
  if (const auto missing = missing_fields(matter, *collect_fields(includes)); !missing.empty()) {
    std::string list;
    for (const auto& problem : missing) list += "\n  " + problem.describe();
    throw Error(matter.locate(matter.root()), file.name + " needs what this input lacks:" + list);
  }
}

/// The locale and the rules profile's name a document is set in, each with where it is named:
/// a malformed or unknown one is an error there (the input's attribute, --locale, or else the
/// template's root).
struct Named {
  std::string locale;
  SourceLocation locale_named_at;
  std::string rules;
  SourceLocation rules_named_at;
};

Named locale_and_rules(const input::Matter& matter, const TemplateFile& file,
                       const DataPaths& paths) {
  const auto template_root = file.xml.document_element();
  Named named;
  const auto locale_attribute = matter.root().attribute("locale");
  named.locale = locale_attribute.value();
  named.locale_named_at = locale_attribute ? matter.locate(matter.root(), locale_attribute)
                                           : file.locate(template_root);
  if (!locale_attribute) named.locale = template_root.attribute("locale").as_string("en_US");
  refuse_root_locale(named.locale, named.locale_named_at, paths.locales);
  named.rules = matter.root().attribute("rules").value();
  named.rules_named_at = matter.locate(matter.root(), matter.root().attribute("rules"));
  if (named.rules.empty()) {
    named.rules = rules_for_locale(template_root, named.locale, file.locate(template_root));
    named.rules_named_at = file.locate(template_root);
  }
  if (named.rules.empty())
    throw Error(file.locate(template_root), file.name + " names no rules profile (rules=\"…\")");
  return named;
}

/// `make`'s result; an Error of its without a file is located at `named_at`.
template <class Make>
auto located_at(const SourceLocation& named_at, Make make) {
  try {
    return make();
  } catch (const Error& e) {
    if (!e.where().file.empty()) throw;
    throw Error(named_at, e.message());
  }
}

/// The classification vocabulary, read and parsed the first time a step needs it: a document
/// that marks nothing never reads it, one that does reads it once.
class Vocabulary {
 public:
  explicit Vocabulary(Sources& sources) : sources_(sources) {}
  const doc::Markings& get() {
    if (!markings_) {
      const auto& bytes = sources_.read(source_name::markings, "classification vocabulary");
      markings_ = doc::Markings::read(sources_.find(source_name::markings), bytes);
    }
    return *markings_;
  }

 private:
  Sources& sources_;
  std::optional<doc::Markings> markings_;
};

/// A public version: the text of each classified field of the input (a motion's <title>, a
/// letter's <subject>) becomes the notice before any directive reads it, so that neither the
/// printed field nor what a template builds from it (a certificate naming "the foregoing
/// motion", the PDF's title and subject) carries it. Paragraphs, headings, items and footnotes
/// are portions of the tree, which doc::make_public withholds.
void withhold_classified_fields(input::Matter& matter, Vocabulary& vocabulary,
                                const i18n::Messages& messages) {
  std::vector<pugi::xml_node> fields;
  for (const auto& found : matter.xml.select_nodes("//*[@class]")) {
    const std::string_view name = found.node().name();
    if (name != "p" && name != "heading" && name != "item" && name != "fn")
      fields.push_back(found.node());
  }
  if (fields.empty()) return;
  const auto& markings = vocabulary.get();
  const std::string notice = messages.format("marking/redacted");
  for (auto& field : fields) {
    if (markings.rank(doc::split_marking(field.attribute("class").value())[0]) <= 0) continue;
    while (field.first_child()) field.remove_child(field.first_child());
    field.append_child(pugi::node_pcdata).set_value(notice.c_str());
  }
}

/// Whether the input marks anything (class="…") or states a classification: what
/// "//*[@class] | /*/classification" selects, found without compiling that XPath.
bool marks_or_classifies(const input::Matter& matter) {
  if (matter.root().child("classification")) return true;
  bool marked = false;
  for_each_element(matter.xml,
                   [&](const pugi::xml_node& node) { marked = marked || node.attribute("class"); });
  return marked;
}

/// Portion marks and the classification checked against the vocabulary, the public version
/// made when asked, and the banner computed. The vocabulary is read only for a document that
/// is marked or classified.
void apply_markings(doc::Document& document, const input::Matter& matter, Vocabulary& vocabulary,
                    const i18n::Messages& messages, const Environment& environment) {
  if (!doc::has_markings(document) && document.meta.classification.empty()) return;
  const auto& markings = vocabulary.get();
  doc::check_markings(document, markings);
  check_classification(matter, document, markings);
  if (environment.public_version) try {
      doc::make_public(document, markings, messages.format("marking/redacted"),
                       environment.keep_pages);
    } catch (const Error& e) {  // about the whole input: located at its root
      throw Error(matter.locate(matter.root()), e.message());
    }
  document.meta.classification = doc::banner(document, markings);
}

}  // namespace

doc::Document merge(input::Matter& matter, const Environment& environment) {
  Sources own_sources(environment.paths);
  Sources& sources = environment.sources ? *environment.sources : own_sources;
  Library library(sources, environment.templates);
  const auto& file = template_of(matter, library, environment.paths);
  const auto template_root = file.xml.document_element();
  Recipients recipients(sources);
  recipients.fill(matter);
  // Every include loaded and checked once, here: the fields and the evaluator follow the tree.
  const IncludeTree includes(library, file);
  require_fields(matter, includes);

  const auto named = locale_and_rules(matter, file, environment.paths);
  // The version in force on the document's date (the latest when it has none).
  const auto profile = located_at(named.rules_named_at, [&] {
    return rules::load_named_profile(sources, named.rules, rules_date(matter));
  });
  warn_before_first_version(matter, profile, environment.warnings);
  check_court(matter, file.name, template_root.attribute("court").value(), profile,
              named.rules_named_at, environment.paths);
  const auto messages = located_at(named.locale_named_at, [&] {
    return i18n::Messages(environment.paths.locales, named.locale);
  });

  // Before any directive reads the input: what a <redact> hides is gone from it from here on.
  const auto redactions = Redactions::seal(matter, profile.redaction_boxes);
  Vocabulary vocabulary(sources);
  if (environment.public_version) withhold_classified_fields(matter, vocabulary, messages);
  const auto locate_input = [&](const pugi::xml_node& node) {
    if (const auto* where = recipients.where(node)) return *where;
    return matter.locate(node);
  };
  // A classified filing marks the paragraphs and headings the form writes, too.
  std::optional<PortionMarks> portions;
  if (marks_or_classifies(matter) && input_is_classified(matter.root(), vocabulary.get()))
    portions.emplace(vocabulary.get(), locate_input);
  const EvaluationContext context{includes,
                                  locate_input,
                                  messages,
                                  profile,
                                  named.locale,
                                  document_kind(template_root, matter.kind),
                                  environment.counted,
                                  environment.wants_counts,
                                  &redactions,
                                  portions ? &*portions : nullptr};
  pugi::xml_document tree;
  expand_template(file, matter.root(), tree, context);
  auto document = doc::from_xml(tree.document_element(), LineIndex(file.name, ""));
  if (document.meta.locale.empty()) document.meta.locale = named.locale;
  if (document.meta.rules.empty()) document.meta.rules = named.rules;
  if (document.meta.kind.empty()) document.meta.kind = matter.kind;
  // The layout closes a footnote's part on a page with these words when the note continues.
  if (document.meta.note_continued.empty() && messages.has("footnote/continued"))
    document.meta.note_continued = messages.format("footnote/continued");
  // Viewers label a brief's cover with this word, as it prints no number.
  if (document.meta.cover_label.empty() && messages.has("tables/cover"))
    document.meta.cover_label = messages.format("tables/cover");
  apply_markings(document, matter, vocabulary, messages, environment);
  fill_table_words(document.blocks, messages);
  if (environment.draft) document.meta.watermark = messages.format("marking/draft");
  doc::number_footnotes(document);
  std::map<int, int> counters;
  label_headings(document.blocks, profile, named.locale, counters);
  // ICU reads the bundles by path, so they are recorded as read, not found on the search path.
  for (const auto& bundle : messages.bundle_files()) sources.record({}, absolute_path(bundle));
  if (environment.profile) *environment.profile = profile;
  return document;
}

}  // namespace fiscgen::templ
