#include "render/quotes.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "i18n/i18n.hpp"

namespace fiscgen::render {
namespace {

using doc::Inline;
using doc::InlineKind;
using i18n::QuoteSpanKind;

/// One run of text for i18n::typeset_quotes: the spans of a paragraph's inlines, in reading
/// order, with the string each converted span came from.
class Run {
 public:
  explicit Run(const i18n::QuoteMarks& marks) : marks_(marks) {}

  void add(std::vector<Inline>& inlines, bool kept) {
    for (auto& in : inlines) {
      switch (in.kind) {
        case InlineKind::text:
          spans_.push_back({kept ? QuoteSpanKind::kept : QuoteSpanKind::text, in.text});
          targets_.push_back(kept ? nullptr : &in.text);
          break;
        case InlineKind::citation:  // printed in the form the cite stage gave it
        case InlineKind::literal:
          add(in.children, true);
          break;
        case InlineKind::redaction:  // its letters must not decide the marks around it
          other(QuoteSpanKind::word);
          break;
        case InlineKind::footnote:  // the reference mark is a word; the note is its own run
          other(QuoteSpanKind::word);
          notes_.push_back(&in.children);
          break;
        case InlineKind::line_break:
          other(QuoteSpanKind::line_break);
          break;
        default:  // emphasis, links and the like: a quotation runs across them
          add(in.children, kept);
      }
    }
  }

  /// Converts the run, then each footnote met in it as a run of its own.
  void finish() {
    // Only a straight mark in a span converted changes anything: most runs have none, and are
    // not read at all (decoding and classifying each character was 2.7M instructions of a motion).
    const bool marks_to_set = std::any_of(spans_.begin(), spans_.end(), [](const auto& span) {
      return span.kind == QuoteSpanKind::text &&
             span.text.find_first_of("\"'") != std::string_view::npos;
    });
    if (marks_to_set) {
      const auto texts = i18n::typeset_quotes(spans_, marks_);
      for (std::size_t k = 0; k < texts.size(); ++k)
        if (targets_[k]) *targets_[k] = texts[k];
    }
    for (auto* note : notes_) {
      Run run(marks_);
      run.add(*note, false);
      run.finish();
    }
  }

 private:
  void other(QuoteSpanKind kind) {
    spans_.push_back({kind, {}});
    targets_.push_back(nullptr);
  }

  const i18n::QuoteMarks& marks_;
  std::vector<i18n::QuoteSpan> spans_;
  std::vector<std::string*> targets_;  // the text each span replaces; null: left as it is
  std::vector<std::vector<Inline>*> notes_;
};

std::string bookmark(const doc::Block& heading) {
  const auto text = doc::plain_text(heading.inlines);
  return heading.label.empty() ? text : heading.label + " " + text;
}

void typeset(std::vector<doc::Block>& blocks, const i18n::QuoteMarks& marks) {
  for (auto& block : blocks) {
    if (!block.inlines.empty()) {
      const bool own_bookmark = block.kind == doc::BlockKind::heading && !block.outline.empty() &&
                                block.outline == bookmark(block);
      Run run(marks);
      run.add(block.inlines, false);
      run.finish();
      if (own_bookmark) block.outline = bookmark(block);
    }
    typeset(block.children, marks);
  }
}

/// The quotation marks of `locale`, worked out once per thread (40,000 instructions each time):
/// ICU keeps every bundle it opened for the life of the process, so they cannot change in it.
const i18n::QuoteMarks& quote_marks(const std::filesystem::path& locales,
                                    const std::string& locale) {
  thread_local std::map<std::pair<std::string, std::string>, i18n::QuoteMarks> known;
  auto key = std::make_pair(locales.string(), locale);
  if (const auto found = known.find(key); found != known.end()) return found->second;
  const i18n::Messages messages(locales, locale);  // an unknown locale throws, and is not kept
  return known.emplace(std::move(key), i18n::quote_marks(messages)).first->second;
}

}  // namespace

void typeset_quotes(doc::Document& document, const DataPaths& paths) {
  typeset(document.blocks, quote_marks(paths.locales, document.meta.locale));
}

}  // namespace fiscgen::render
