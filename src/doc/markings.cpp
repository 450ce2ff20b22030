#include "doc/markings.hpp"

#include <pugixml.hpp>

#include <algorithm>

#include "base/xml.hpp"

namespace fiscgen::doc {
namespace {

/// A portion: its mark (possibly empty) and where it was written.
struct Portion {
  const std::string* marking;
  const SourceLocation* where;
  const char* what;
};

void collect_notes(const std::vector<Inline>& inlines, std::vector<Portion>& out) {
  for (const auto& in : inlines) {
    if (in.kind == InlineKind::footnote) out.push_back({&in.marking, &in.where, "footnote"});
    collect_notes(in.children, out);
  }
}

/// Every paragraph and heading, and every footnote in them, in reading order.
void collect_portions(const std::vector<Block>& blocks, std::vector<Portion>& out) {
  for (const auto& b : blocks) {
    if (b.kind == BlockKind::paragraph || b.kind == BlockKind::heading) {
      out.push_back({&b.marking, &b.where, b.kind == BlockKind::heading ? "heading" : "paragraph"});
      collect_notes(b.inlines, out);
    }
    collect_portions(b.children, out);
  }
}

/// The vocabulary's entry for a caveat written short or long ("NF", "NOFORN", "REL TO USA").
const Markings::Caveat* find_caveat(const Markings& markings, const std::string& caveat) {
  for (const auto& known : markings.caveats)
    if (known.prefix ? caveat.rfind(known.mark, 0) == 0
                     : caveat == known.mark || (!known.banner.empty() && caveat == known.banner))
      return &known;
  return nullptr;
}

std::string banner_caveat(const Markings& markings, const std::string& caveat) {
  const auto* known = find_caveat(markings, caveat);
  return known && !known->prefix && !known->banner.empty() ? known->banner : caveat;
}

bool is_dissemination(const Markings& markings, const std::string& caveat) {
  const auto* known = find_caveat(markings, caveat);
  return known && known->dissemination;
}

std::string banner_of(const Markings& markings, int rank, const std::vector<std::string>& caveats) {
  std::string text = markings.levels[static_cast<std::size_t>(rank)].banner;
  for (const bool dissemination : {false, true})
    for (const auto& caveat : caveats)
      if (is_dissemination(markings, caveat) == dissemination) text += "//" + caveat;
  return text;
}

/// A classified footnote of a block that stays keeps its number but says only the notice.
void redact_notes(std::vector<Inline>& inlines, const Markings& markings,
                  const std::string& notice) {
  for (auto& in : inlines) {
    if (in.kind == InlineKind::footnote && !in.marking.empty() &&
        markings.rank(split_marking(in.marking)[0]) > 0) {
      Inline text;
      text.text = notice;
      text.where = in.where;
      in.children = {text};
      in.marking.clear();
      continue;
    }
    redact_notes(in.children, markings, notice);
  }
}

/// Every footnote of `inlines` (not those inside notes), each saying only the notice.
void notes_as_notices(const std::vector<Inline>& inlines, const std::string& notice,
                      std::vector<Inline>& out) {
  for (const auto& in : inlines) {
    if (in.kind != InlineKind::footnote) {
      notes_as_notices(in.children, notice, out);
      continue;
    }
    Inline note = in;
    Inline text;
    text.text = notice;
    text.where = in.where;
    note.children = {text};
    note.marking.clear();
    out.push_back(std::move(note));
  }
}

/// Every paragraph of the blocks emptied: no text, but still counted where they stood.
void empty_paragraphs(std::vector<Block>& blocks) {
  for (auto& b : blocks) {
    b.inlines.clear();
    empty_paragraphs(b.children);
  }
}

/// Replaces the classified blocks by the notice; drops the authority block. Keeping the pages
/// (--keep-pages), the authority block's lines are emptied instead and a redacted block keeps
/// its footnotes, each saying the notice, so that blocks and notes are counted as before.
void redact_blocks(std::vector<Block>& blocks, const Markings& markings, const std::string& notice,
                   bool keep_pages) {
  const auto authority = [](const Block& b) { return b.part == "classification-authority"; };
  if (keep_pages) {
    for (auto& b : blocks) {
      if (!authority(b)) continue;
      b.inlines.clear();
      empty_paragraphs(b.children);
    }
  } else {
    std::erase_if(blocks, authority);
  }
  for (auto& b : blocks) {
    if (!b.marking.empty() && markings.rank(split_marking(b.marking)[0]) > 0) {
      Inline text;
      text.text = notice;
      text.where = b.where;
      std::vector<Inline> redacted{text};
      if (keep_pages) notes_as_notices(b.inlines, notice, redacted);
      b.inlines = std::move(redacted);
      b.marking.clear();
      if (!b.outline.empty()) b.outline.clear();  // set again from the notice by the template
      b.children.clear();
    }
    redact_notes(b.inlines, markings, notice);
    redact_blocks(b.children, markings, notice, keep_pages);
  }
}

}  // namespace

Markings Markings::load(const std::filesystem::path& file) {
  return read(file, XmlFile::bytes_of(file, "the classification vocabulary"));
}

Markings Markings::read(const std::filesystem::path& file, std::string bytes) {
  const XmlFile data(file.string(), std::move(bytes), "the classification vocabulary", "markings");
  const auto& root = data.root;
  Markings markings;
  markings.file = file;
  for (const auto& node : root.children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string_view name = node.name();
    const std::string mark = node.attribute("mark").value();
    const std::string prefix = node.attribute("prefix").value();
    if (name == "level") {
      const std::string banner = node.attribute("banner").value();
      if (mark.empty() || banner.empty() || mark.find('/') != std::string::npos)
        throw Error(data.at(node), "<level> needs mark=\"…\" (without '/') and banner=\"…\"");
      markings.levels.push_back({mark, banner});
    } else if (name == "caveat") {
      if (mark.empty() == prefix.empty())
        throw Error(data.at(node), "<caveat> needs either mark=\"…\" or prefix=\"…\"");
      markings.caveats.push_back({prefix.empty() ? mark : prefix, node.attribute("banner").value(),
                                  !prefix.empty(), data.yes_no(node, "dissemination")});
    } else {
      throw Error(data.at(node),
                  "unknown element <" + std::string(name) + ">: expected <level> or <caveat>");
    }
  }
  if (markings.levels.empty())
    throw Error(data.at(root), "the classification vocabulary names no <level>");
  return markings;
}

int Markings::rank(const std::string& level) const {
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (level == levels[i].mark || level == levels[i].banner) return static_cast<int>(i);
  return -1;
}

std::string Markings::level_list() const {
  std::string out;
  for (std::size_t i = 0; i < levels.size(); ++i)
    out += (i == 0 ? "" : i + 1 == levels.size() ? " or " : ", ") + levels[i].mark;
  return out;
}

std::vector<std::string> split_marking(const std::string& marking) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (true) {
    const auto at = marking.find("//", from);
    parts.push_back(marking.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) return parts;
    from = at + 2;
  }
}

bool has_markings(const Document& document) {
  std::vector<Portion> portions;
  collect_portions(document.blocks, portions);
  return std::any_of(portions.begin(), portions.end(),
                     [](const Portion& p) { return !p.marking->empty(); });
}

void check_portions(const Document& document, const Markings& markings, const std::string& input) {
  const std::string computed = banner(document, markings);
  if (computed.empty() || markings.rank(split_marking(computed)[0]) <= 0) return;
  std::vector<Portion> portions;
  collect_portions(document.blocks, portions);
  std::vector<Error> unmarked;
  for (const auto& p : portions)
    if (p.marking->empty() && p.where->file == input)
      unmarked.emplace_back(*p.where, std::string("this ") + p.what +
                                          " has no portion mark; a document classified " +
                                          computed +
                                          " marks every portion (32 C.F.R. § 2001.21(c)): "
                                          "expected class=\"…\", e.g. class=\"U\" or "
                                          "class=\"TS//SI//NF\"");
  if (unmarked.empty()) return;
  auto first = unmarked.front();
  unmarked.erase(unmarked.begin());
  throw Error(first.where(), first.message(), std::move(unmarked));
}

void check_stated_classification(const Document& document, const Markings& markings) {
  const auto& stated = document.meta.classification;
  if (stated.empty()) return;
  const auto parts = split_marking(stated);
  const int stated_rank = markings.rank(parts[0]);
  if (stated_rank < 0) return;   // an unknown level: check_markings and banner() deal with it
  Document unstated = document;  // what the marks alone give
  unstated.meta.classification.clear();
  const std::string computed = banner(unstated, markings);
  if (computed.empty()) return;
  const auto computed_parts = split_marking(computed);
  bool lower = markings.rank(computed_parts[0]) > stated_rank;
  for (std::size_t i = 1; i < computed_parts.size() && !lower; ++i) {
    bool stated_has = false;
    for (std::size_t j = 1; j < parts.size(); ++j)
      stated_has = stated_has || banner_caveat(markings, parts[j]) == computed_parts[i];
    lower = !stated_has;
  }
  if (lower)
    throw Error("<classification>" + stated +
                "</classification> is lower than the portions it covers, whose marks give " +
                computed +
                " (the highest level of any portion, with every control of every portion); "
                "expected at least that");
}

void check_markings(const Document& document, const Markings& markings) {
  std::vector<Portion> portions;
  collect_portions(document.blocks, portions);
  for (const auto& p : portions) {
    if (p.marking->empty()) continue;
    const auto level = split_marking(*p.marking)[0];
    // Portion marks write the short form of a level; banners the long one.
    const int rank = markings.rank(level);
    if (rank < 0 || markings.levels[static_cast<std::size_t>(rank)].mark != level)
      throw Error(*p.where, "class=\"" + *p.marking + "\": a portion marking is a level (" +
                                markings.level_list() +
                                ") then any //caveats (e.g. TS//SI//NF); levels are listed in " +
                                markings.file.filename().string());
  }
}

std::string banner(const Document& document, const Markings& markings) {
  std::vector<Portion> portions;
  collect_portions(document.blocks, portions);
  int rank = -1;
  std::vector<std::string> caveats;
  for (const auto& p : portions) {
    if (p.marking->empty()) continue;
    const auto parts = split_marking(*p.marking);
    rank = std::max(rank, markings.rank(parts[0]));
    for (std::size_t i = 1; i < parts.size(); ++i) {
      const auto caveat = banner_caveat(markings, parts[i]);
      if (std::find(caveats.begin(), caveats.end(), caveat) == caveats.end())
        caveats.push_back(caveat);
    }
  }
  // The document's own classification wins unless the marks show it too low.
  const auto& stated = document.meta.classification;
  if (!stated.empty()) {
    auto parts = split_marking(stated);
    const int stated_rank = markings.rank(parts[0]);
    if (stated_rank < 0) return stated;  // a banner we cannot read: printed as written
    if (stated_rank >= rank) {
      std::vector<std::string> stated_caveats;
      for (std::size_t i = 1; i < parts.size(); ++i)
        stated_caveats.push_back(banner_caveat(markings, parts[i]));
      return banner_of(markings, stated_rank, stated_caveats);
    }
  }
  return rank < 0 ? std::string() : banner_of(markings, rank, caveats);
}

void make_public(Document& document, const Markings& markings, const std::string& notice,
                 bool keep_pages) {
  const auto& stated = document.meta.classification;
  const bool classified = !stated.empty() && markings.rank(split_marking(stated)[0]) != 0;
  if (classified && !has_markings(document))
    throw Error("--public: the document is classified " + stated +
                " but marks none of its paragraphs (class=\"…\"), so nothing says which of "
                "them may be made public");
  const bool had_banner = !banner(document, markings).empty();
  redact_blocks(document.blocks, markings, notice, keep_pages);
  document.meta.classification.clear();
  if (had_banner) {
    document.meta.classification = banner(document, markings);
    if (document.meta.classification.empty())
      document.meta.classification = markings.levels.front().banner;
  }
}

}  // namespace fiscgen::doc
