// `fiscgen compare`: both versions through the pipeline up to layout, the compare stage between
// them, and the blackline laid out and written as render() writes a document.

#include <filesystem>

#include "compare/compare.hpp"
#include "i18n/i18n.hpp"
#include "render/internal.hpp"
#include "render/render.hpp"

namespace fiscgen::render {
namespace {

compare::Words words_of(const i18n::Messages& messages) {
  compare::Words words;
  words.moved_from_above = messages.format("compare/moved_from_above");
  words.moved_from_below = messages.format("compare/moved_from_below");
  words.moved_above = messages.format("compare/moved_above");
  words.moved_below = messages.format("compare/moved_below");
  return words;
}

doc::Block paragraph(std::string text, doc::Align align, bool strong) {
  doc::Block block;
  block.align = align;
  doc::Inline in;
  in.text = std::move(text);
  if (strong) {
    doc::Inline bold;
    bold.kind = doc::InlineKind::strong;
    bold.children.push_back(std::move(in));
    block.inlines.push_back(std::move(bold));
  } else {
    block.inlines.push_back(std::move(in));
  }
  return block;
}

/// A part's name as a reader says it: "certificate-of-service" → "Certificate of service".
std::string part_title(const std::string& part) {
  std::string out;
  for (const char c : part) out += c == '-' ? ' ' : c == '/' ? ' ' : c;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

/// The summary page: the versions compared, then one line per section and the total.
std::vector<doc::Block> summary_page(const compare::Result& result, const i18n::Messages& messages,
                                     const CompareRequest& request) {
  std::vector<doc::Block> blocks;
  doc::Block page_break;
  page_break.kind = doc::BlockKind::page_break;
  blocks.push_back(std::move(page_break));
  blocks.push_back(paragraph(messages.format("compare/summary_title"), doc::Align::center, true));
  blocks.push_back(
      paragraph(messages.format("compare/summary_versions",
                                {{"earlier", request.earlier.input.filename().string()},
                                 {"later", request.later.input.filename().string()}}),
                doc::Align::center, false));
  const auto line = [&](const std::string& section, int inserted, int deleted, int moved,
                        bool strong) {
    return paragraph(
        messages.format("compare/summary_section", {{"section", section},
                                                    {"inserted", static_cast<long long>(inserted)},
                                                    {"deleted", static_cast<long long>(deleted)},
                                                    {"moved", static_cast<long long>(moved)}}),
        doc::Align::left, strong);
  };
  for (const auto& section : result.sections) {
    const std::string name = !section.part.empty()      ? part_title(section.part)
                             : !section.heading.empty() ? section.heading
                                                        : messages.format("compare/summary_body");
    blocks.push_back(line(name, section.inserted, section.deleted, section.moved, false));
  }
  blocks.push_back(line(messages.format("compare/summary_total"), result.inserted, result.deleted,
                        result.moved, true));
  for (auto& block : blocks) block.part = "comparison-summary";
  return blocks;
}

}  // namespace

std::filesystem::path default_blackline(const std::filesystem::path& later) {
  auto output = later;
  output.replace_extension();
  output += "-blackline.pdf";
  return output;
}

CompareResult compare(const CompareRequest& request, const DataPaths& paths,
                      fonts::FontResolver& fonts) {
  CompareResult result;
  Request later = request.later;
  result.output = later.output.empty() ? default_blackline(later.input) : later.output;
  later.output = result.output;
  std::error_code ec;
  for (const auto* input : {&request.earlier.input, &request.later.input})
    if (std::filesystem::equivalent(result.output, *input, ec))
      throw Error("the output " + result.output.string() + " is the input file " + input->string() +
                  "; choose another with -o");

  Sources earlier_sources(paths), later_sources(paths);
  const auto earlier = detail::prepare(request.earlier, earlier_sources, fonts, result.warnings);
  const auto current = detail::prepare(later, later_sources, fonts, result.warnings);
  const i18n::Messages messages(paths.locales, current.document.meta.locale);
  auto compared = compare::compare(earlier.document, current.document, words_of(messages));
  if (request.summary) {
    auto page = summary_page(compared, messages, request);
    for (auto& block : page) compared.blackline.blocks.push_back(std::move(block));
  }
  result.inserted = compared.inserted;
  result.deleted = compared.deleted;
  result.moved = compared.moved;
  result.pages = detail::write_document(compared.blackline, current.profile, later, later_sources,
                                        fonts, result.warnings);
  for (const auto* sources : {&earlier_sources, &later_sources})
    for (const auto& read : sources->reads()) result.files_read.push_back(read.file);
  return result;
}

}  // namespace fiscgen::render
