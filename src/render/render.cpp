#include "render/render.hpp"

#include <cstdlib>
#include <ctime>

#include "input/input.hpp"
#include "layout/layout.hpp"
#include "pdf/pdf.hpp"
#include "rules/compliance.hpp"
#include "rules/profile.hpp"
#include "template/template.hpp"

namespace fiscgen::render {
namespace {

/// Pages of one document. The longest FISC filings run to a few hundred pages; past 2,000 the
/// PDF (held in memory by libharu) and compliance checks grow without serving any filing.
constexpr std::size_t max_pages = 2000;

void check_page_count(const std::filesystem::path& input, const layout::PageModel& pages) {
  if (pages.pages.size() > max_pages)
    throw Error(SourceLocation{input.string()},
                "the document lays out to " + std::to_string(pages.pages.size()) +
                    " pages; fiscgen writes at most " + std::to_string(max_pages) +
                    " (split it into volumes)");
}

/// The PDF's dates: SOURCE_DATE_EPOCH when the caller pins one (reproducible builds), else the
/// document's own date. Never the clock, so the same input gives the same bytes.
std::string creation_date(const std::string& document_date) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return document_date;
  char* end = nullptr;
  const long long seconds = std::strtoll(epoch, &end, 10);
  if (*end != '\0' || seconds < 0)
    throw Error("SOURCE_DATE_EPOCH=\"" + std::string(epoch) + "\": expected seconds since 1970");
  const std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

/// Passes of merge and layout for a document that states its own counts; see lay_out_counted.
constexpr int max_count_passes = 3;

/// Lays `document` out. When its template stated what the document counts (a certificate of
/// compliance: "it contains 4,321 words"), the numbers must be those of the laid-out document,
/// counted as `fiscgen check` counts them: the first merge wrote 0, so count its layout, merge
/// again with the counts and lay that out. The certificate is a part the limits do not count,
/// so the second pass normally agrees with the first; another is allowed should the new numbers
/// move a counted page. Warnings come from the final layout only (the first merge gave its own).
layout::PageModel lay_out_counted(doc::Document& document, bool wants_counts,
                                  const Request& request, templ::Environment environment,
                                  const rules::Profile& profile, fonts::FontSet& fonts,
                                  Warnings& warnings) {
  Warnings pass_warnings;
  auto pages = layout::lay_out(document, profile, fonts, pass_warnings);
  templ::Counts counts{-1, -1};
  for (int pass = 0; wants_counts && pass < max_count_passes; ++pass) {
    std::vector<std::vector<std::string>> page_parts;
    for (const auto& page : pages.pages) page_parts.push_back(page.parts);
    const auto measured = rules::check_compliance(document, profile, page_parts);
    if (measured.words == counts.words && measured.pages == counts.pages) break;
    counts = {measured.words, measured.pages};
    input::Matter matter;
    input::read(matter, request.input, request.overrides, request.locale);
    Warnings merge_warnings;  // the same as the first merge's, already reported
    environment.warnings = &merge_warnings;
    environment.files_read = nullptr;
    environment.counted = &counts;
    environment.wants_counts = nullptr;
    document = templ::merge(matter, environment);
    pass_warnings = Warnings();
    pages = layout::lay_out(document, profile, fonts, pass_warnings);
  }
  for (const auto& warning : pass_warnings.list()) warnings.add(warning.where, warning.message);
  return pages;
}

}  // namespace

std::filesystem::path default_output(const std::filesystem::path& input) {
  auto output = input;
  output.replace_extension(".pdf");
  return output;
}

Result render(const Request& request, const DataPaths& paths, fonts::FontResolver& resolver) {
  Result result;
  input::Matter matter;
  input::read(matter, request.input, request.overrides, request.locale);
  bool wants_counts = false;
  templ::Environment environment{paths, &result.warnings, &result.files_read};
  environment.public_version = request.public_version;
  environment.draft = request.draft;
  environment.wants_counts = &wants_counts;
  doc::Document document = templ::merge(matter, environment);
  // A tree stating its counts needs a layout to fill them in; any other is written at once.
  if (request.emit == Emit::tree && !wants_counts) {
    result.tree = doc::to_xml(document);
    return result;
  }

  if (request.emit == Emit::pdf) {
    result.output = request.output.empty() ? default_output(request.input) : request.output;
    std::error_code ec;
    if (std::filesystem::equivalent(result.output, request.input, ec))
      throw Error("the output " + result.output.string() +
                  " is the input file; choose another with -o");
  }

  const auto profile = rules::load_named_profile(paths.rules(), document.meta.rules);
  fonts::FontSet fonts(resolver, profile.font_family, profile.fallback_family);
  const auto pages = lay_out_counted(document, wants_counts, request, environment, profile, fonts,
                                     result.warnings);
  if (request.emit == Emit::tree) {
    result.tree = doc::to_xml(document);
    return result;
  }
  check_page_count(request.input, pages);
  const pdf::Info info{document.meta.title, document.meta.subject, document.meta.author, "",
                       creation_date(document.meta.date)};
  // Exhibit paths are relative to the input, as a user writing it beside them expects.
  std::vector<pdf::Exhibit> exhibits;
  for (const auto& exhibit : pages.exhibits) {
    const auto file = request.input.parent_path() / std::filesystem::path(exhibit.file);
    exhibits.push_back({file, exhibit.label, exhibit.after_page, exhibit.where});
    result.files_read.push_back(file);
  }
  pdf::write(pages, fonts, info, result.output, exhibits);
  for (int i = 0; i < fonts.count(); ++i)
    if (fonts.loaded(i)) result.files_read.push_back(fonts.font(i).file());
  result.pages = static_cast<int>(pages.pages.size());
  return result;
}

LaidOut lay_out(const Request& request, const DataPaths& paths, fonts::FontResolver& resolver) {
  LaidOut result;
  input::Matter matter;
  input::read(matter, request.input, request.overrides, request.locale);
  bool wants_counts = false;
  templ::Environment environment{paths, &result.warnings, nullptr};
  environment.public_version = request.public_version;
  environment.draft = request.draft;
  environment.wants_counts = &wants_counts;
  result.document = templ::merge(matter, environment);
  result.profile = rules::load_named_profile(paths.rules(), result.document.meta.rules);
  fonts::FontSet fonts(resolver, result.profile.font_family, result.profile.fallback_family);
  result.pages = lay_out_counted(result.document, wants_counts, request, environment,
                                 result.profile, fonts, result.warnings);
  check_page_count(request.input, result.pages);
  return result;
}

}  // namespace fiscgen::render
