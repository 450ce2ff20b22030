#include "render/render.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include "cite/cite.hpp"
#include "i18n/i18n.hpp"
#include "input/input.hpp"
#include "input/limits.hpp"
#include "input/overrides.hpp"
#include "layout/layout.hpp"
#include "pdf/atomic_file.hpp"
#include "pdf/exhibits.hpp"
#include "pdf/pdf.hpp"
#include "render/internal.hpp"
#include "render/quotes.hpp"
#include "rules/compliance.hpp"
#include "rules/profile.hpp"
#include "template/template.hpp"

namespace fiscgen::render {
namespace {

/// Whether `output` is `input` (by device and inode). An output not there yet, as in a batch
/// into an empty folder, costs one stat (std::filesystem::equivalent stats both always).
bool same_file(const std::filesystem::path& output, const std::filesystem::path& input) {
  struct stat out {
  }, in{};
  return ::stat(output.c_str(), &out) == 0 && ::stat(input.c_str(), &in) == 0 &&
         out.st_dev == in.st_dev && out.st_ino == in.st_ino;
}

/// The page limit's error, naming the input. Layout stops at the limit where it can see it;
/// the whole file is checked here too, as its front matter and body are laid out apart.
[[noreturn]] void too_many_pages(const std::filesystem::path& input) {
  throw Error(SourceLocation{input.string()}, layout::TooManyPages().message());
}

/// The PDF's dates: SOURCE_DATE_EPOCH when the caller pins one (reproducible builds), else the
/// document's own date. Never the clock, so the same input gives the same bytes.
std::string creation_date(const std::string& document_date) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return document_date;
  // Digits only, and no later than 9999-12-31T23:59:59Z: strtoll alone took "1e20" as 1 and
  // saturated longer numbers, whose year gmtime could not print.
  constexpr long long last_second_of_9999 = 253402300799;
  const std::string_view digits = epoch;
  long long seconds = 0;
  bool valid = digits.size() <= 12;
  for (const char c : digits) {
    valid = valid && c >= '0' && c <= '9';
    if (valid) seconds = seconds * 10 + (c - '0');
  }
  if (!valid || seconds > last_second_of_9999)
    throw Error("SOURCE_DATE_EPOCH=\"" + printable(digits.substr(0, 40)) +
                (digits.size() > 40 ? "…" : "") +
                "\": expected a whole number of seconds since 1970-01-01 UTC, from 0 to " +
                std::to_string(last_second_of_9999) + " (the last second of 9999)");
  const std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

bool cites_in(const std::vector<doc::Inline>& inlines) {
  for (const auto& in : inlines)
    if (in.kind == doc::InlineKind::citation || cites_in(in.children)) return true;
  return false;
}

bool cites_in(const std::vector<doc::Block>& blocks) {
  for (const auto& block : blocks)
    if (cites_in(block.inlines) || cites_in(block.children)) return true;
  return false;
}

/// The cite stage, between the template and layout: citations read, printed the Bluebook way
/// and keyed to their authorities, as the rules profile (and --detect-citations) say. The
/// citation table, when one is needed, is found and recorded through `sources`.
void read_citations(doc::Document& document, const rules::Profile& profile, const Request& request,
                    Sources& sources, Warnings& warnings) {
  cite::Options options;
  options.emphasis = profile.citations.case_name == "underline" ? doc::InlineKind::underline
                                                                : doc::InlineKind::emphasis;
  options.short_forms = profile.citations.short_forms == "auto";
  options.detect = request.detect_citations || profile.citations.detect;
  // A document citing nothing never needs the table (nor a data folder that has one).
  if (!options.detect && !cites_in(document.blocks)) return;
  const auto table = sources.open(source_name::citation_table, "citation table");
  // The abbreviations of case names are read only for a profile that asks for them.
  const auto& abbreviate = profile.citations.abbreviate_names;
  std::optional<cite::CaseNames> case_names;
  if (abbreviate != "as-written") {
    options.abbreviate_names = abbreviate == "citations" ? cite::NameAbbreviation::citations
                                                         : cite::NameAbbreviation::authorities;
    const auto file = sources.open(source_name::case_names, "case-name abbreviations");
    case_names = cite::CaseNames::read(file, sources.bytes(file));
    options.case_names = &*case_names;
  }
  cite::annotate(document, *cite::shared_reader(table, sources.bytes(table)), options, warnings);
}

/// The first stages, shared by render() and lay_out(): the input read, merged with its template,
/// its rules profile loaded, its citations read and its quotes made typographic.
struct Merged {
  doc::Document document;
  rules::Profile profile;
  templ::Environment environment;  // as the merge had it: a document stating counts merges again
  bool wants_counts = false;       // the template asked for the laid-out document's counts
  std::vector<layout::PageStart> plan;  // --keep-pages: where the classified pages begin
};

/// The input as the request has it: read, overridden, and with the absent paths removed.
void read_input(input::Matter& matter, const Request& request, Sources& sources) {
  input::read(matter, sources, request.input, request.overrides, request.locale);
  for (const auto& path : request.absent) input::remove_path(matter, path);
}

Merged merge(const Request& request, Sources& sources, Warnings& warnings) {
  Merged merged;
  input::Matter matter;
  read_input(matter, request, sources);
  auto& environment = merged.environment;
  environment = templ::Environment{sources.paths(), &warnings, &sources};
  environment.public_version = request.public_version;
  environment.keep_pages = request.keep_pages;
  environment.draft = request.draft;
  environment.wants_counts = &merged.wants_counts;
  environment.templates = request.templates;
  environment.profile = &merged.profile;  // the merge's own: read once, not again here
  merged.document = templ::merge(matter, environment);
  environment.wants_counts = nullptr;
  environment.profile = nullptr;
  read_citations(merged.document, merged.profile, request, sources, warnings);
  typeset_quotes(merged.document, environment.paths);
  return merged;
}

/// Where `cp` is written in `text` at or after `from` (a line and column of it): as itself or
/// as a character reference (&#x378; or &#888;); `from` itself when it is not found there.
SourceLocation character_at(const LineIndex& lines, std::string_view text,
                            const SourceLocation& from, char32_t cp) {
  std::size_t at = 0;
  for (int line = 1; line < from.line && at < text.size(); ++line) {
    const auto end = text.find('\n', at);
    if (end == std::string_view::npos) return from;
    at = end + 1;
  }
  for (int column = 1; column < from.column && at < text.size(); ++column) do
      ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
  const std::string utf8 = i18n::to_utf8(std::u32string(1, cp));
  char hex[16], decimal[16];
  std::snprintf(hex, sizeof hex, "&#x%x;", static_cast<unsigned>(cp));
  std::snprintf(decimal, sizeof decimal, "&#%u;", static_cast<unsigned>(cp));
  std::size_t found = std::string_view::npos;
  for (const std::string& needle : {utf8, std::string(hex), std::string(decimal)})
    found = std::min(found, text.find(needle, at));
  if (found == std::string_view::npos) {
    // Upper-case hex digits in a reference ("&#X378;", "&#x37A;"): compare without case.
    std::string lower(text.substr(at));
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (const auto ref = lower.find(hex); ref != std::string::npos) found = at + ref;
  }
  return found == std::string_view::npos ? from : lines.locate(static_cast<std::ptrdiff_t>(found));
}

/// Layout knows each missing character's element; in the input, the character itself is found
/// from there, so every one is reported at its own line and column. One in an element of a
/// template came from a value the template printed: it is looked for in the whole input, and
/// keeps the template's location only when the input does not hold it (a --set value).
Error located_in_input(const layout::MissingCharacters& missing, const std::filesystem::path& input,
                       Sources& sources) {
  const std::string& text = sources.bytes(input, input::max_input_bytes);
  const LineIndex lines(input.string(), text);
  std::vector<layout::MissingCharacters::Missing> refined = missing.missing();
  for (auto& each : refined) {
    if (each.where.file == input.string() && each.where.line > 0) {
      each.where = character_at(lines, text, each.where, each.cp);
    } else {
      const auto found = character_at(lines, text, SourceLocation{input.string(), 1, 1}, each.cp);
      if (found.column != 1 || found.line != 1) each.where = found;
    }
  }
  // A value printed twice (a signer in the letterhead and under the signature) is one place.
  std::set<std::pair<char32_t, std::string>> seen;
  std::vector<layout::MissingCharacters::Missing> once;
  for (auto& each : refined)
    if (seen.emplace(each.cp, each.where.str()).second) once.push_back(std::move(each));
  return layout::MissingCharacters(std::move(once));
}

/// Passes of merge and layout for a document that states its own counts; see lay_out_counted.
constexpr int max_count_passes = 3;

/// Lays the merged document out. When its template stated what the document counts (a
/// certificate of compliance: "it contains 4,321 words"), the numbers must be those of the
/// laid-out document, counted as `fiscgen check` counts them: the first merge wrote 0, so count
/// its layout, merge again with the counts and lay that out. The certificate is a part the
/// limits do not count, so the second pass normally agrees with the first; another is allowed
/// should the new numbers move a counted page. Warnings come from the final layout only (the
/// first merge gave its own). More than layout::max_pages, in any pass, is an error naming the
/// input.
layout::PageModel lay_out_counted(Merged& merged, const Request& request, fonts::FontSet& fonts,
                                  Warnings& warnings) try {
  auto& document = merged.document;
  const auto& profile = merged.profile;
  Warnings pass_warnings;
  auto pages = layout::lay_out(document, profile, fonts, pass_warnings, merged.plan);
  templ::Counts counts{-1, -1};
  for (int pass = 0; merged.wants_counts && pass < max_count_passes; ++pass) {
    std::vector<std::vector<std::string>> page_parts;
    for (const auto& page : pages.pages) page_parts.push_back(page.parts);
    const auto measured = rules::check_compliance(document, profile, page_parts);
    if (measured.words == counts.words && measured.pages == counts.pages) break;
    counts = {measured.words, measured.pages};
    input::Matter matter;
    read_input(matter, request, *merged.environment.sources);  // the bytes read the first time
    Warnings merge_warnings;  // the same as the first merge's, already reported
    auto environment = merged.environment;
    environment.warnings = &merge_warnings;
    environment.counted = &counts;
    document = templ::merge(matter, environment);
    read_citations(document, profile, request, *environment.sources, merge_warnings);
    typeset_quotes(document, environment.paths);
    pass_warnings = Warnings();
    pages = layout::lay_out(document, profile, fonts, pass_warnings, merged.plan);
  }
  for (const auto& warning : pass_warnings.list()) warnings.add(warning.where, warning.message);
  if (pages.pages.size() > layout::max_pages) too_many_pages(request.input);
  return pages;
} catch (const layout::TooManyPages&) {
  too_many_pages(request.input);
} catch (const layout::MissingCharacters& missing) {
  throw located_in_input(missing, request.input, *merged.environment.sources);
}

/// --public --keep-pages: where each page of the classified version begins, for the public
/// version to begin its pages there too. Laid out with fonts of its own, so that nothing of
/// the classified text (not even which characters it uses) reaches the public file; its
/// warnings are the public render's to give.
void plan_classified_pages(Merged& merged, const Request& request, Sources& sources,
                           fonts::FontResolver& resolver) {
  if (!request.public_version || !request.keep_pages) return;
  Request classified = request;
  classified.public_version = false;
  classified.keep_pages = false;
  Warnings ignored;
  auto version = merge(classified, sources, ignored);
  fonts::FontSet fonts(resolver, version.profile.font_family, version.profile.fallback_family);
  const auto pages = lay_out_counted(version, classified, fonts, ignored);
  for (const auto& page : pages.pages) merged.plan.push_back(page.start);
}

/// The most bytes of one exhibit read: a scanned exhibit may be far larger than a data file.
constexpr std::size_t exhibit_limit = std::size_t{1} << 30;

/// The file `name` (an <exhibit>'s file=) inside `folder`, refused at `where` when it is not:
/// an input from someone else must not attach any PDF the user can read. A link leading out
/// gets the message a missing file gets, so that no message tells whether a path outside
/// exists; absolute and '..' paths are refused as written, before any file is looked at.
std::filesystem::path exhibit_in(const std::string& name, const std::filesystem::path& folder,
                                 bool folder_named, const SourceLocation& where,
                                 const std::string& noun = "exhibit",
                                 const std::string& kind = "PDF file") {
  namespace fs = std::filesystem;
  const std::string from =
      folder_named ? "the --exhibits folder " + folder.string() : "the input's folder";
  const std::string expected = "; expected a " + kind + " in " + from +
                               (folder_named ? "" : " (or in the folder --exhibits names)") +
                               ", named relative to it";
  const fs::path relative = fs::path(name).lexically_normal();
  if (name.empty() || relative.has_root_path() || relative.has_root_name())
    throw Error(where, "the " + noun + " \"" + name + "\" is an absolute path" + expected);
  if (!relative.empty() && *relative.begin() == "..")
    throw Error(where, "the " + noun + " \"" + name + "\" leads out of " + from + expected);
  const fs::path file = (folder.empty() ? fs::path(".") : folder) / relative;
  std::error_code ec;
  const fs::path real_folder = fs::canonical(folder.empty() ? fs::path(".") : folder, ec);
  const fs::path real = ec ? fs::path() : fs::canonical(file, ec);
  const auto inside = [&] {
    if (ec) return false;
    const auto rest = real.lexically_relative(real_folder);
    return !rest.empty() && *rest.begin() != "..";
  };
  if (!inside()) throw Error(where, "the " + noun + " \"" + name + "\" was not found" + expected);
  if (!fs::is_regular_file(real, ec))
    throw Error(where, "the " + noun + " \"" + name + "\" is not a file" + expected);
  return file;
}

/// Reads every image of the page model (a letterhead's logo) from the input's folder (or the
/// --exhibits folder), confined there as exhibits are, and recorded as a file the output
/// depends on. Anything but a PNG file is refused at the element naming it.
void attach_images(layout::PageModel& pages, const Request& request, Sources& sources) {
  const bool named = !request.exhibits.empty();
  const auto folder = named ? request.exhibits : request.input.parent_path();
  std::map<std::string, std::shared_ptr<const std::string>> read;
  for (auto& page : pages.pages)
    for (auto& image : page.images) {
      auto& data = read[image.file];
      if (!data) {
        const auto file = exhibit_in(image.file, folder, named, image.where, "image", "PNG image");
        auto bytes = std::make_shared<std::string>(sources.bytes(file));
        constexpr std::string_view png_signature = "\x89PNG\r\n\x1a\n";
        if (!std::string_view(*bytes).starts_with(png_signature))
          throw Error(image.where,
                      "the image \"" + image.file + "\" is not a PNG file; expected a PNG image");
        data = std::move(bytes);
      }
      image.data = data;
    }
}

/// The exhibits the page model appends, found in request.exhibits or else the input's folder,
/// as a user writing the input beside them expects.
std::vector<pdf::Exhibit> exhibits_of(const layout::PageModel& pages, const Request& request,
                                      Sources& sources) {
  const bool named = !request.exhibits.empty();
  const auto folder = named ? request.exhibits : request.input.parent_path();
  std::vector<pdf::Exhibit> exhibits;
  for (const auto& exhibit : pages.exhibits) {
    const auto file = exhibit_in(exhibit.file, folder, named, exhibit.where);
    std::string_view bytes;
    try {
      bytes = sources.bytes(file, exhibit_limit);
    } catch (const Error& e) {  // unreadable, or too big: said at the <exhibit>
      throw Error(exhibit.where, e.message());
    }
    exhibits.push_back({file, bytes, exhibit.label, exhibit.after_page, exhibit.where});
  }
  return exhibits;
}

pdf::Info info_of(const doc::Metadata& meta) {
  return {meta.title, meta.subject, meta.author, "", creation_date(meta.date)};
}

/// Pages a reader of the written file sees: the model's, slip sheets included, and every
/// exhibit's.
int pages_in_file(const layout::PageModel& pages, const std::vector<pdf::Exhibit>& exhibits) {
  int total = static_cast<int>(pages.pages.size());
  if (exhibits.empty()) return total;
  const pdf::OpenExhibits opened(exhibits);
  for (std::size_t i = 0; i < exhibits.size(); ++i) total += opened.page_count(i);
  return total;
}

/// What `sources` recorded besides the input, as the result reports it.
void keep_reads(Result& result, const Sources& sources, const std::filesystem::path& input) {
  const auto the_input = absolute_path(input);
  for (const auto& read : sources.reads())
    if (read.file != the_input) {
      result.reads.push_back(read);
      result.files_read.push_back(read.file);
    }
}

}  // namespace

namespace detail {

Prepared prepare(const Request& request, Sources& sources, fonts::FontResolver& resolver,
                 Warnings& warnings) {
  auto merged = merge(request, sources, warnings);
  if (merged.wants_counts) {  // the counts a certificate states are those of its own layout
    fonts::FontSet fonts(resolver, merged.profile.font_family, merged.profile.fallback_family);
    Warnings layout_warnings;  // the blackline's own layout reports them
    lay_out_counted(merged, request, fonts, layout_warnings);
  }
  return {std::move(merged.document), std::move(merged.profile)};
}

int write_document(const doc::Document& document, const rules::Profile& profile,
                   const Request& request, Sources& sources, fonts::FontResolver& resolver,
                   Warnings& warnings) {
  fonts::FontSet fonts(resolver, profile.font_family, profile.fallback_family);
  const auto pages = [&] {
    try {
      return layout::lay_out(document, profile, fonts, warnings);
    } catch (const layout::TooManyPages&) {
      too_many_pages(request.input);
    } catch (const layout::MissingCharacters& missing) {
      throw located_in_input(missing, request.input, sources);
    }
  }();
  if (pages.pages.size() > layout::max_pages) too_many_pages(request.input);
  const auto exhibits = exhibits_of(pages, request, sources);
  pdf::write(pages, fonts, info_of(document.meta), request.output, exhibits);
  for (int i = 0; i < fonts.count(); ++i)
    if (fonts.loaded(i)) sources.record({}, fonts.font(i).file());
  return pages_in_file(pages, exhibits);
}

}  // namespace detail

std::filesystem::path default_output(const std::filesystem::path& input) {
  auto output = input;
  output.replace_extension(".pdf");
  return output;
}

Result render(const Request& request, const DataPaths& paths, fonts::FontResolver& resolver) {
  Sources sources(paths);
  return render(request, sources, resolver);
}

Result render(const Request& request, Sources& sources, fonts::FontResolver& resolver) {
  Result result;
  auto merged = merge(request, sources, result.warnings);
  result.rules_as_of = merged.profile.as_of;
  // A tree stating its counts needs a layout to fill them in; any other is written at once.
  if (request.emit == Emit::tree && !merged.wants_counts) {
    result.tree = doc::to_xml(merged.document);
    keep_reads(result, sources, request.input);
    return result;
  }

  if (request.emit == Emit::pdf) {
    result.output = request.output.empty() ? default_output(request.input) : request.output;
    if (same_file(result.output, request.input))
      throw Error("the output " + result.output.string() +
                  " is the input file; choose another with -o");
  }

  plan_classified_pages(merged, request, sources, resolver);
  fonts::FontSet fonts(resolver, merged.profile.font_family, merged.profile.fallback_family);
  auto pages = lay_out_counted(merged, request, fonts, result.warnings);
  if (request.emit == Emit::tree) {
    result.tree = doc::to_xml(merged.document);
    keep_reads(result, sources, request.input);
    return result;
  }
  const auto info = info_of(merged.document.meta);
  attach_images(pages, request, sources);
  const auto exhibits = exhibits_of(pages, request, sources);
  if (request.staged)
    request.staged->stage(result.output, pdf::write_to_memory(pages, fonts, info, exhibits));
  else
    pdf::write(pages, fonts, info, result.output, exhibits);
  for (int i = 0; i < fonts.count(); ++i)
    if (fonts.loaded(i)) sources.record({}, fonts.font(i).file());
  result.pages = pages_in_file(pages, exhibits);
  keep_reads(result, sources, request.input);
  return result;
}

LaidOut lay_out(const Request& request, const DataPaths& paths, fonts::FontResolver& resolver) {
  Sources sources(paths);
  return lay_out(request, sources, resolver);
}

LaidOut lay_out(const Request& request, Sources& sources, fonts::FontResolver& resolver) {
  LaidOut result;
  auto merged = merge(request, sources, result.warnings);
  plan_classified_pages(merged, request, sources, resolver);
  fonts::FontSet fonts(resolver, merged.profile.font_family, merged.profile.fallback_family);
  result.pages = lay_out_counted(merged, request, fonts, result.warnings);
  // The PDF is written too, into memory and discarded, so that whatever the writer would refuse
  // (a font libharu cannot draw, a broken exhibit) `check` refuses first, with render's message.
  attach_images(result.pages, request, sources);
  const auto exhibits = exhibits_of(result.pages, request, sources);
  pdf::write_to_memory(result.pages, fonts, info_of(merged.document.meta), exhibits);
  result.document = std::move(merged.document);
  result.profile = std::move(merged.profile);
  result.file_pages = pages_in_file(result.pages, exhibits);
  return result;
}

}  // namespace fiscgen::render
