#include "render/render.hpp"

#include <cstdlib>
#include <ctime>

#include "input/input.hpp"
#include "layout/layout.hpp"
#include "pdf/pdf.hpp"
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
  const doc::Document document =
      templ::merge(matter, {paths, &result.warnings, &result.files_read});
  if (request.emit == Emit::tree) {
    result.tree = doc::to_xml(document);
    return result;
  }

  result.output = request.output.empty() ? default_output(request.input) : request.output;
  std::error_code ec;
  if (std::filesystem::equivalent(result.output, request.input, ec))
    throw Error("the output " + result.output.string() +
                " is the input file; choose another with -o");

  const auto profile = rules::load_named_profile(paths.rules(), document.meta.rules);
  fonts::FontSet fonts(resolver, profile.font_family, profile.fallback_family);
  const auto pages = layout::lay_out(document, profile, fonts, result.warnings);
  check_page_count(request.input, pages);
  const pdf::Info info{document.meta.title, document.meta.subject, document.meta.author, "",
                       creation_date(document.meta.date)};
  pdf::write(pages, fonts, info, result.output);
  for (int i = 0; i < fonts.count(); ++i)
    if (fonts.loaded(i)) result.files_read.push_back(fonts.font(i).file());
  result.pages = static_cast<int>(pages.pages.size());
  return result;
}

LaidOut lay_out(const Request& request, const DataPaths& paths, fonts::FontResolver& resolver) {
  LaidOut result;
  input::Matter matter;
  input::read(matter, request.input, request.overrides, request.locale);
  result.document = templ::merge(matter, {paths, &result.warnings, nullptr});
  result.profile = rules::load_named_profile(paths.rules(), result.document.meta.rules);
  fonts::FontSet fonts(resolver, result.profile.font_family, result.profile.fallback_family);
  result.pages = layout::lay_out(result.document, result.profile, fonts, result.warnings);
  check_page_count(request.input, result.pages);
  return result;
}

}  // namespace fiscgen::render
