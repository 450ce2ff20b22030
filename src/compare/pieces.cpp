#include <algorithm>
#include <dtl/dtl.hpp>

#include "base/utf8.hpp"
#include "compare/internal.hpp"

namespace fiscgen::compare::detail {
namespace {

// Keys of the pieces that are not words. A control character starts each, so that no word of
// the text can equal one.
const std::string space_key = "\x01space";
const std::string footnote_key = "\x01note";
const std::string redaction_key = "\x01redaction";
const std::string break_key = "\x01break";

enum class CharClass { space, punctuation, word };

/// Spaces (any white space, no-break space included) separate words; punctuation marks are
/// pieces of their own, so that "order," and "order." differ only by the mark.
CharClass class_of(char32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x00A0 || cp == 0x202F ||
      (cp >= 0x2000 && cp <= 0x200B))
    return CharClass::space;
  if (cp < 0x80) {
    const bool letter_or_digit =
        (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return letter_or_digit ? CharClass::word : CharClass::punctuation;
  }
  // § ¶ « » ¿ ¡ and the General Punctuation block: dashes, curly quotes, ellipsis.
  if (cp == 0x00A7 || cp == 0x00B6 || cp == 0x00AB || cp == 0x00BB || cp == 0x00BF ||
      cp == 0x00A1 || (cp >= 0x2010 && cp <= 0x206F))
    return CharClass::punctuation;
  return CharClass::word;
}

class Cutter {
 public:
  std::vector<Piece> pieces;

  void walk(const std::vector<doc::Inline>& inlines) {
    for (const auto& in : inlines) {
      switch (in.kind) {
        case doc::InlineKind::text:
          cut_text(in);
          break;
        case doc::InlineKind::citation:
          whole(in,
                in.authority.empty() ? "\x01cite " + doc::plain_text(in.children)
                                     : "\x01authority " + in.authority,
                true);
          break;
        case doc::InlineKind::footnote:
          whole(in, footnote_key, false);
          break;
        case doc::InlineKind::redaction:
          // Every box is the same piece: whether what a box hides changed is not told.
          whole(in, redaction_key, false);
          break;
        case doc::InlineKind::line_break:
          whole(in, break_key, false);
          break;
        default:  // emphasis, strong, underline, small caps, link, literal: around pieces
          wrappers_.push_back(&in);
          walk(in.children);
          wrappers_.pop_back();
      }
    }
  }

 private:
  void whole(const doc::Inline& in, std::string key, bool word) {
    pieces.push_back(Piece{wrappers_, in, std::move(key), word});
  }

  void cut_text(const doc::Inline& in) {
    const std::string_view text = in.text;
    std::size_t pos = 0;
    while (pos < text.size()) {
      const std::size_t start = pos;
      char32_t cp = 0;
      if (!utf8::next_code_point(text, pos, cp)) {  // the tree holds valid UTF-8; be safe
        pos = start + 1;
        cp = 0xFFFD;
      }
      const CharClass first = class_of(cp);
      if (first != CharClass::punctuation) {
        std::size_t next = pos;
        while (next < text.size()) {
          std::size_t probe = next;
          char32_t more = 0;
          if (!utf8::next_code_point(text, probe, more) || class_of(more) != first) break;
          next = probe;
        }
        pos = next;
      }
      Piece piece{wrappers_, in, {}, first == CharClass::word};
      piece.leaf.text = std::string(text.substr(start, pos - start));
      piece.key = first == CharClass::space ? space_key : piece.leaf.text;
      pieces.push_back(std::move(piece));
    }
  }

  std::vector<const doc::Inline*> wrappers_;
};

doc::Inline shell_of(const doc::Inline& wrapper) {
  doc::Inline shell = wrapper;
  shell.children.clear();
  return shell;
}

/// Pieces [begin, end), all inside wrappers[0..depth): grouped by their next wrapper.
void rebuild_level(const std::vector<Piece>& pieces, const std::vector<doc::Change>& changes,
                   std::size_t begin, std::size_t end, std::size_t depth,
                   std::vector<doc::Inline>& out) {
  std::size_t i = begin;
  while (i < end) {
    const Piece& piece = pieces[i];
    if (piece.wrappers.size() <= depth) {
      doc::Inline leaf = piece.leaf;
      if (changes[i] != doc::Change::none) mark(leaf, changes[i]);
      if (leaf.kind == doc::InlineKind::text && !out.empty() &&
          out.back().kind == doc::InlineKind::text && out.back().change == leaf.change &&
          out.back().children.empty())
        out.back().text += leaf.text;
      else
        out.push_back(std::move(leaf));
      ++i;
      continue;
    }
    const doc::Inline* wrapper = piece.wrappers[depth];
    std::size_t j = i + 1;
    while (j < end && pieces[j].wrappers.size() > depth && pieces[j].wrappers[depth] == wrapper)
      ++j;
    doc::Inline shell = shell_of(*wrapper);
    rebuild_level(pieces, changes, i, j, depth + 1, shell.children);
    out.push_back(std::move(shell));
    i = j;
  }
}

}  // namespace

std::vector<Piece> pieces_of(const std::vector<doc::Inline>& inlines) {
  Cutter cutter;
  cutter.walk(inlines);
  return std::move(cutter.pieces);
}

std::vector<doc::Inline> rebuild(const std::vector<Piece>& pieces,
                                 const std::vector<doc::Change>& changes) {
  std::vector<doc::Inline> out;
  rebuild_level(pieces, changes, 0, pieces.size(), 0, out);
  return out;
}

void mark(doc::Inline& in, doc::Change change) {
  in.change = change;
  if (change == doc::Change::deleted || change == doc::Change::moved_from) in.authority.clear();
  mark(in.children, change);
}

void mark(std::vector<doc::Inline>& inlines, doc::Change change) {
  for (auto& in : inlines) mark(in, change);
}

std::string key_of(const std::vector<Piece>& pieces) {
  std::string key;
  for (const auto& piece : pieces) {
    key += piece.key;
    // A note's text belongs to the paragraph it is in: a changed note changes its paragraph.
    if (piece.leaf.kind == doc::InlineKind::footnote) key += key_of(pieces_of(piece.leaf.children));
    key += '\x1f';
  }
  return key;
}

namespace {

/// A step of the edit script, with 1-based indices of its pieces (0 when absent).
struct Step {
  dtl::edit_t type;
  long long before, after;
};

/// The script from `old_pieces` to `new_pieces`: a space kept between two changes is taken as
/// changed too, and within each stretch of changes the deleted pieces go before the inserted
/// ones, so that a rewritten phrase reads "[- under seal-]{+, unsealed in July+}" rather than
/// alternating word by word.
std::vector<Step> edit_script(const std::vector<Piece>& old_pieces,
                              const std::vector<Piece>& new_pieces) {
  std::vector<std::string> a, b;
  for (const auto& piece : old_pieces) a.push_back(piece.key);
  for (const auto& piece : new_pieces) b.push_back(piece.key);
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.compose();
  std::vector<Step> steps;
  for (const auto& [key, info] : diff.getSes().getSequence()) {
    (void)key;
    steps.push_back({info.type, info.beforeIdx, info.afterIdx});
  }
  const auto changed = [&](std::size_t i) { return steps[i].type != dtl::SES_COMMON; };
  for (std::size_t i = 1; i + 1 < steps.size(); ++i)
    if (!changed(i) && new_pieces[static_cast<std::size_t>(steps[i].after - 1)].key == space_key &&
        changed(i - 1) && changed(i + 1)) {
      const Step kept = steps[i];
      steps[i] = {dtl::SES_DELETE, kept.before, 0};
      steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                   Step{dtl::SES_ADD, 0, kept.after});
      ++i;
    }
  for (std::size_t i = 0; i < steps.size();) {
    std::size_t j = i;
    while (j < steps.size() && changed(j)) ++j;
    std::stable_partition(steps.begin() + static_cast<std::ptrdiff_t>(i),
                          steps.begin() + static_cast<std::ptrdiff_t>(j),
                          [](const Step& step) { return step.type == dtl::SES_DELETE; });
    i = j == i ? i + 1 : j;
  }
  return steps;
}

}  // namespace

std::vector<doc::Inline> diff_inlines(const std::vector<doc::Inline>& earlier,
                                      const std::vector<doc::Inline>& later, doc::Change same) {
  const auto old_pieces = pieces_of(earlier);
  const auto new_pieces = pieces_of(later);
  const auto steps = edit_script(old_pieces, new_pieces);
  std::vector<Piece> merged;
  std::vector<doc::Change> changes;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& step = steps[i];
    // A word struck out right before the one replacing it ("round" → "rough") is kept apart
    // from it by a struck space, so that both read as words: "[-round -]{+rough+}".
    if (i > 0 && step.type == dtl::SES_ADD && steps[i - 1].type == dtl::SES_DELETE &&
        old_pieces[static_cast<std::size_t>(steps[i - 1].before - 1)].word &&
        new_pieces[static_cast<std::size_t>(step.after - 1)].word) {
      Piece space;
      space.leaf.text = " ";
      space.key = space_key;
      merged.push_back(std::move(space));
      changes.push_back(doc::Change::deleted);
    }
    switch (step.type) {
      case dtl::SES_COMMON: {
        Piece piece = new_pieces[static_cast<std::size_t>(step.after - 1)];
        if (piece.leaf.kind == doc::InlineKind::footnote) {
          // The same note in both: its own words compared.
          const auto& before = old_pieces[static_cast<std::size_t>(step.before - 1)];
          piece.leaf.children = diff_inlines(before.leaf.children, piece.leaf.children, same);
          piece.leaf.change = same;
          merged.push_back(std::move(piece));
          changes.push_back(doc::Change::none);  // marks are inside it already
        } else {
          merged.push_back(std::move(piece));
          changes.push_back(same);
        }
        break;
      }
      case dtl::SES_ADD:
        merged.push_back(new_pieces[static_cast<std::size_t>(step.after - 1)]);
        changes.push_back(doc::Change::inserted);
        break;
      case dtl::SES_DELETE:
        merged.push_back(old_pieces[static_cast<std::size_t>(step.before - 1)]);
        changes.push_back(doc::Change::deleted);
        break;
    }
  }
  return rebuild(merged, changes);
}

}  // namespace fiscgen::compare::detail
