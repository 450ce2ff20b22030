#include "compare/compare.hpp"

#include <algorithm>
#include <dtl/dtl.hpp>
#include <map>

#include "compare/internal.hpp"

namespace fiscgen::compare {
namespace {

// A changed paragraph is paired with one of the paragraphs inserted in its stretch when they
// share at least this share of their words (Dice's coefficient): below it, the reader is better
// served by one paragraph struck out and another underlined than by a confetti of small edits.
constexpr double pair_similarity = 0.5;
// A deleted paragraph is shown as moved to an inserted one elsewhere when they share at least
// this share of their words: equal or near-equal (a word or two edited on the way).
constexpr double move_similarity = 0.85;
// Pairing changed paragraphs, and looking for moves, compare every deleted paragraph with every
// inserted one: past this many pairs (two rewritten 300-page briefs), the blackline shows
// whole deletions and insertions rather than take minutes over it.
constexpr std::size_t max_similarity_pairs = 1'000'000;

/// A paragraph or heading of a tree, with the blocks it stands in (outermost first).
struct Leaf {
  const doc::Block* block = nullptr;
  std::vector<const doc::Block*> chain;
  std::string key;                 // equal keys: nothing to mark
  std::vector<std::string> words;  // sorted: for similarity
};

bool holds_text(const doc::Block& block) {
  return block.kind == doc::BlockKind::paragraph || block.kind == doc::BlockKind::heading;
}

void collect(const std::vector<doc::Block>& blocks, std::vector<const doc::Block*>& chain,
             std::vector<Leaf>& out) {
  for (const auto& block : blocks) {
    if (holds_text(block)) {
      Leaf leaf{&block, chain, {}, {}};
      const auto pieces = detail::pieces_of(block.inlines);
      leaf.key = std::string(doc::name_of(block.kind)) + '\x1e' + block.marking + '\x1e' +
                 detail::key_of(pieces);
      for (const auto& piece : pieces)
        if (piece.word) leaf.words.push_back(piece.key);
      std::sort(leaf.words.begin(), leaf.words.end());
      out.push_back(std::move(leaf));
      continue;
    }
    chain.push_back(&block);
    collect(block.children, chain, out);
    chain.pop_back();
  }
}

double similarity(const Leaf& a, const Leaf& b) {
  if (a.block->kind != b.block->kind) return 0;
  if (a.words.empty() && b.words.empty()) return 1;
  std::size_t common = 0;
  auto i = a.words.begin(), j = b.words.begin();
  while (i != a.words.end() && j != b.words.end()) {
    if (*i < *j)
      ++i;
    else if (*j < *i)
      ++j;
    else
      ++common, ++i, ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.words.size() + b.words.size());
}

/// What became of each paragraph of both versions.
struct Alignment {
  std::vector<int> partner_of_new;  // earlier leaf compared with it; -1: inserted
  std::vector<bool> moved_new;      // its partner was moved here
  std::vector<int> anchor_of_old;   // later leaf it goes after (-1: before the first)
  std::vector<bool> shown_old;      // put back struck through (deleted or moved away)
  std::vector<int> moved_to_new;    // where a moved-away leaf went; -1: deleted
};

Alignment align(const std::vector<Leaf>& earlier, const std::vector<Leaf>& later) {
  Alignment out;
  out.partner_of_new.assign(later.size(), -1);
  out.moved_new.assign(later.size(), false);
  out.anchor_of_old.assign(earlier.size(), -1);
  out.shown_old.assign(earlier.size(), false);
  out.moved_to_new.assign(earlier.size(), -1);
  std::vector<std::string> a, b;
  for (const auto& leaf : earlier) a.push_back(leaf.key);
  for (const auto& leaf : later) b.push_back(leaf.key);
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.compose();

  std::vector<int> deleted, inserted;  // of the current stretch
  int last_new = -1;
  std::vector<int> unpaired_old, unpaired_new;
  const auto close_stretch = [&] {
    std::size_t from = 0;  // pairs keep their order
    const bool pair = deleted.size() * inserted.size() <= max_similarity_pairs;
    for (const int d : deleted) {
      bool paired = false;
      for (std::size_t k = from; pair && k < inserted.size() && !paired; ++k) {
        const int n = inserted[k];
        if (similarity(earlier[static_cast<std::size_t>(d)], later[static_cast<std::size_t>(n)]) >=
            pair_similarity) {
          out.partner_of_new[static_cast<std::size_t>(n)] = d;
          from = k + 1;
          paired = true;
        }
      }
      if (!paired) unpaired_old.push_back(d);
    }
    for (const int n : inserted)
      if (out.partner_of_new[static_cast<std::size_t>(n)] < 0) unpaired_new.push_back(n);
    deleted.clear();
    inserted.clear();
  };
  for (const auto& [key, info] : diff.getSes().getSequence()) {
    (void)key;
    if (info.type == dtl::SES_COMMON) {
      close_stretch();
      last_new = static_cast<int>(info.afterIdx - 1);
      out.partner_of_new[static_cast<std::size_t>(last_new)] = static_cast<int>(info.beforeIdx - 1);
    } else if (info.type == dtl::SES_DELETE) {
      const int d = static_cast<int>(info.beforeIdx - 1);
      out.anchor_of_old[static_cast<std::size_t>(d)] = last_new;
      deleted.push_back(d);
    } else {
      last_new = static_cast<int>(info.afterIdx - 1);
      inserted.push_back(last_new);
    }
  }
  close_stretch();

  const bool look_for_moves = unpaired_old.size() * unpaired_new.size() <= max_similarity_pairs;
  for (const int d : unpaired_old) {
    out.shown_old[static_cast<std::size_t>(d)] = true;
    if (!look_for_moves) continue;
    const Leaf& gone = earlier[static_cast<std::size_t>(d)];
    if (gone.words.empty()) continue;  // an empty paragraph moves nowhere
    int best = -1;
    double best_score = move_similarity;
    for (const int n : unpaired_new) {
      if (out.partner_of_new[static_cast<std::size_t>(n)] >= 0) continue;
      const double score = similarity(gone, later[static_cast<std::size_t>(n)]);
      if (score >= best_score) best = n, best_score = score;
    }
    if (best < 0) continue;
    out.partner_of_new[static_cast<std::size_t>(best)] = d;
    out.moved_new[static_cast<std::size_t>(best)] = true;
    out.moved_to_new[static_cast<std::size_t>(d)] = best;
  }
  return out;
}

doc::Block shell_of(const doc::Block& block) {
  doc::Block shell = block;
  shell.children.clear();
  shell.inlines.clear();
  shell.outline.clear();  // struck-out text is no bookmark
  return shell;
}

/// A paragraph of the earlier version put back: wrapped in copies of the blocks it stood in
/// below `depth` (a quotation, a list item), consecutive ones in the same copy.
void wrap(const std::vector<std::pair<doc::Block, std::vector<const doc::Block*>>>& items,
          std::size_t begin, std::size_t end, std::size_t depth, std::vector<doc::Block>& out) {
  std::size_t i = begin;
  while (i < end) {
    const auto& chain = items[i].second;
    if (chain.size() <= depth) {
      out.push_back(items[i].first);
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < end && items[j].second.size() > depth && items[j].second[depth] == chain[depth]) ++j;
    doc::Block shell = shell_of(*chain[depth]);
    wrap(items, i, j, depth + 1, shell.children);
    out.push_back(std::move(shell));
    i = j;
  }
}

class Assembler {
 public:
  Assembler(const std::vector<Leaf>& earlier, const std::vector<Leaf>& later,
            const Alignment& alignment, const Words& words)
      : earlier_(earlier), later_(later), alignment_(alignment), words_(words) {
    for (std::size_t d = 0; d < earlier.size(); ++d)
      if (alignment.shown_old[d]) put_back_[alignment.anchor_of_old[d]].push_back(d);
  }

  std::vector<doc::Block> run(const std::vector<doc::Block>& blocks) {
    std::vector<doc::Block> out;
    flush(-1, 0, out);
    level(blocks, 0, out);
    return out;
  }

 private:
  void level(const std::vector<doc::Block>& blocks, std::size_t depth,
             std::vector<doc::Block>& out) {
    for (const auto& block : blocks) {
      if (holds_text(block)) {
        out.push_back(changed(block, static_cast<int>(next_)));
        if (put_back_.count(static_cast<int>(next_))) pending_.push_back(static_cast<int>(next_));
        ++next_;
      } else {
        doc::Block copy = shell_of(block);
        copy.outline = block.outline;
        level(block.children, depth + 1, copy.children);
        out.push_back(std::move(copy));
      }
      // What was deleted after a paragraph goes back after it, in the deepest block that both
      // it and the paragraph stood in (a quotation, a list), else where that block closes.
      for (const int n : std::vector<int>(pending_)) flush(n, depth, out);
    }
  }

  doc::Block changed(const doc::Block& block, int n) {
    doc::Block out = block;
    const int partner = alignment_.partner_of_new[static_cast<std::size_t>(n)];
    if (partner < 0) {
      detail::mark(out.inlines, doc::Change::inserted);
      return out;
    }
    const doc::Block& before = *earlier_[static_cast<std::size_t>(partner)].block;
    if (alignment_.moved_new[static_cast<std::size_t>(n)]) {
      out.inlines = detail::diff_inlines(before.inlines, block.inlines, doc::Change::moved_to);
      out.margin_note =
          partner < position_in_earlier(n) ? words_.moved_from_above : words_.moved_from_below;
    } else if (earlier_[static_cast<std::size_t>(partner)].key !=
               later_[static_cast<std::size_t>(n)].key) {
      out.inlines = detail::diff_inlines(before.inlines, block.inlines, doc::Change::none);
    }
    return out;
  }

  /// Where the later leaf `n` stands among the earlier leaves: its unmoved predecessor's partner.
  int position_in_earlier(int n) const {
    for (int k = n - 1; k >= 0; --k) {
      const int p = alignment_.partner_of_new[static_cast<std::size_t>(k)];
      if (p >= 0 && !alignment_.moved_new[static_cast<std::size_t>(k)]) return p;
    }
    return -1;
  }

  /// How deep the blocks around an earlier leaf and the later leaf `anchor` are the same
  /// blocks: those around the anchor's own earlier version, when it has one; else blocks of the
  /// same kind and style.
  std::size_t shared_depth(const Leaf& gone, int anchor) const {
    const Leaf& here = later_[static_cast<std::size_t>(anchor)];
    const int partner = alignment_.partner_of_new[static_cast<std::size_t>(anchor)];
    const auto& chain =
        partner >= 0 ? earlier_[static_cast<std::size_t>(partner)].chain : here.chain;
    std::size_t k = 0;
    while (k < gone.chain.size() && k < chain.size() && k < here.chain.size() &&
           (partner >= 0
                ? gone.chain[k] == chain[k]
                : gone.chain[k]->kind == chain[k]->kind && gone.chain[k]->style == chain[k]->style))
      ++k;
    return k;
  }

  void flush(int anchor, std::size_t depth, std::vector<doc::Block>& out) {
    const auto found = put_back_.find(anchor);
    if (found == put_back_.end()) return;
    std::vector<std::pair<doc::Block, std::vector<const doc::Block*>>> items;
    std::vector<std::size_t> later_ones;
    for (const std::size_t d : found->second) {
      const Leaf& leaf = earlier_[d];
      if (anchor >= 0 && !later_ones.empty()) {
        later_ones.push_back(d);  // keeps the earlier version's order
        continue;
      }
      if (anchor >= 0 && shared_depth(leaf, anchor) < depth) {
        later_ones.push_back(d);
        continue;
      }
      doc::Block block = *leaf.block;
      block.outline.clear();
      const int to = alignment_.moved_to_new[d];
      detail::mark(block.inlines, to >= 0 ? doc::Change::moved_from : doc::Change::deleted);
      if (to >= 0) block.margin_note = to < anchor + 1 ? words_.moved_above : words_.moved_below;
      items.emplace_back(std::move(block), leaf.chain);
    }
    if (later_ones.empty()) {
      put_back_.erase(found);
      pending_.erase(std::remove(pending_.begin(), pending_.end(), anchor), pending_.end());
    } else {
      found->second = std::move(later_ones);
    }
    wrap(items, 0, items.size(), depth, out);
  }

  const std::vector<Leaf>& earlier_;
  const std::vector<Leaf>& later_;
  const Alignment& alignment_;
  const Words& words_;
  std::map<int, std::vector<std::size_t>> put_back_;  // by the later leaf they follow
  std::vector<int> pending_;
  std::size_t next_ = 0;
};

int count_words(const std::vector<doc::Inline>& inlines, doc::Change change, bool any) {
  int count = 0;
  for (const auto& piece : detail::pieces_of(inlines)) {
    if (piece.leaf.kind == doc::InlineKind::footnote)
      count += count_words(piece.leaf.children, change, any);
    else if (piece.word && (any || piece.leaf.change == change))
      ++count;
  }
  return count;
}

/// Counts per section: a top-level heading starts one; a part outside the body is one.
void count(const std::vector<doc::Block>& blocks, const std::string& part, Result& result,
           std::string& heading) {
  for (const auto& block : blocks) {
    const std::string inner = doc::part_of(block, part);
    if (holds_text(block)) {
      // A part's refinements ("signature/email") count with the part.
      const std::string counted = inner.substr(0, inner.find('/'));
      if (block.kind == doc::BlockKind::heading && block.level <= 1 && inner.empty())
        heading = (block.label.empty() ? "" : block.label + " ") + doc::plain_text(block.inlines);
      const std::string section = inner.empty() ? heading : std::string();
      if (result.sections.empty() || result.sections.back().part != counted ||
          result.sections.back().heading != section)
        result.sections.push_back(SectionCount{counted, section});
      auto& counts = result.sections.back();
      counts.inserted += count_words(block.inlines, doc::Change::inserted, false);
      counts.deleted += count_words(block.inlines, doc::Change::deleted, false);
      counts.moved += count_words(block.inlines, doc::Change::moved_to, false);
      continue;
    }
    count(block.children, inner, result, heading);
  }
}

}  // namespace

int word_count(const std::vector<doc::Inline>& inlines) {
  return count_words(inlines, doc::Change::none, true);
}

Result compare(const doc::Document& earlier, const doc::Document& later, const Words& words) {
  std::vector<Leaf> old_leaves, new_leaves;
  std::vector<const doc::Block*> chain;
  collect(earlier.blocks, chain, old_leaves);
  collect(later.blocks, chain, new_leaves);
  const Alignment alignment = align(old_leaves, new_leaves);
  Result result;
  result.blackline.meta = later.meta;
  result.blackline.authorities = later.authorities;
  result.blackline.blocks = Assembler(old_leaves, new_leaves, alignment, words).run(later.blocks);
  doc::number_footnotes(result.blackline);
  std::string heading;
  count(result.blackline.blocks, "", result, heading);
  // Sections of the same name that a part interrupted are counted apart; merge none: the
  // summary reads in document order.
  for (const auto& section : result.sections) {
    result.inserted += section.inserted;
    result.deleted += section.deleted;
    result.moved += section.moved;
  }
  return result;
}

}  // namespace fiscgen::compare
