// The cite stage: a document's citations read in reading order, printed the Bluebook way, and
// collected as the authorities its table lists.
//
// One pass over the tree, footnotes read at their reference. Each <cite> is handed to the Reader
// with the document's one Trail; what it finds replaces the element's text, one citation inline
// per citation, with the text between them (signals, semicolons) kept and any Bluebook signal set
// in italics. With short forms on, a full citation of the authority cited just before becomes
// "Id." (rule 4.1), and a later full citation of a case cited earlier becomes its short form
// (rule 10.9), when it has a pin cite for the short form to name.
#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <set>

#include "cite/internal.hpp"

namespace fiscgen::cite {
namespace {

using doc::Inline;
using doc::InlineKind;

const std::string nbsp = "\xC2\xA0";

Inline text_inline(std::string text, const SourceLocation& where) {
  Inline in;
  in.text = std::move(text);
  in.where = where;
  return in;
}

Inline styled(InlineKind kind, std::string text, const SourceLocation& where) {
  Inline in;
  in.kind = kind;
  in.where = where;
  in.children.push_back(text_inline(std::move(text), where));
  return in;
}

// Appends text, merged into a text inline just before it.
void add_text(std::vector<Inline>& out, const std::string& text, const SourceLocation& where) {
  if (text.empty()) return;
  if (!out.empty() && out.back().kind == InlineKind::text)
    out.back().text += text;
  else
    out.push_back(text_inline(text, where));
}

// Whether inlines are only text and the styling a citation's own styling replaces: anything else
// (a footnote, a redaction, a link) inside a <cite> keeps it as written, so nothing is lost.
bool rewritable(const std::vector<Inline>& inlines) {
  return std::all_of(inlines.begin(), inlines.end(), [](const Inline& in) {
    return in.kind == InlineKind::text ||
           ((in.kind == InlineKind::emphasis || in.kind == InlineKind::underline) &&
            rewritable(in.children));
  });
}

std::string trim_right(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0) {
    if (space_at(text, end - 1)) {
      --end;
    } else if (end >= 2 && space_at(text, end - 2) == 2) {  // NBSP
      end -= 2;
    } else {
      break;
    }
  }
  return std::string(text.substr(0, end));
}

// Whether text printed after `before` starts a sentence ("Id.") or goes on with one ("id.").
bool starts_sentence(std::string_view before) {
  std::string text = trim_right(before);
  for (bool stripped = true; stripped;) {  // closing quotation marks and brackets
    stripped = false;
    for (const std::string_view close : {"\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", ")"})
      if (text.size() >= close.size() &&
          text.compare(text.size() - close.size(), close.size(), close) == 0) {
        text.resize(text.size() - close.size());
        stripped = true;
      }
  }
  return text.empty() || text.back() == '.' || text.back() == '?' || text.back() == '!';
}

bool equal_ignoring_first_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return std::tolower(static_cast<unsigned char>(a[0])) ==
             std::tolower(static_cast<unsigned char>(b[0])) &&
         a.substr(1) == b.substr(1);
}

// What a citation names within its authority: the pages of a case, the section and
// subsections of a code; "Id." repeats it, "Id. at …" names another.
std::string pin_of(const Citation& c) {
  std::string pin;
  const auto join = [&pin](const std::vector<std::string>& parts) {
    for (const auto& part : parts) pin += (pin.empty() ? "" : ", ") + part;
  };
  if (c.kind == Kind::case_law || c.short_form == ShortForm::short_case ||
      c.short_form == ShortForm::supra) {
    join(c.pin_cites);
  } else if (c.kind == Kind::statute || c.kind == Kind::regulation) {
    join(c.sections);
    pin += c.subsections;
  } else if (c.kind == Kind::short_form) {
    join(c.pin_cites);
    join(c.sections);
  } else {
    pin = c.normalised;
  }
  return pin;
}

class Annotator {
 public:
  Annotator(doc::Document& document, const Reader& reader, const Options& options,
            Warnings& warnings)
      : document_(document),
        reader_(reader),
        options_(options),
        warnings_(warnings),
        signals_(reader.table().bluebook_signals) {
    // The longest first: "See, e.g.," rather than its "e.g.,".
    std::stable_sort(signals_.begin(), signals_.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
  }

  void run() {
    document_.authorities.clear();
    // Named first, so that each expression is compiled once for the document's texts.
    std::vector<std::string> texts;
    texts_of(document_.blocks, texts);
    reader_.expect(texts, trail_);
    blocks(document_.blocks);
  }

 private:
  // Every text inlines() hands the reader (a redaction's never).
  void texts_of(const std::vector<doc::Block>& list, std::vector<std::string>& out) const {
    for (const auto& block : list) {
      texts_of(block.inlines, out);
      texts_of(block.children, out);
    }
  }
  void texts_of(const std::vector<Inline>& list, std::vector<std::string>& out) const {
    for (const auto& in : list) {
      if (in.kind == InlineKind::citation) {
        out.push_back(doc::plain_text(in.children));
      } else if (in.kind == InlineKind::text) {
        if (options_.detect) out.push_back(in.text);
      } else if (in.kind != InlineKind::redaction) {
        texts_of(in.children, out);
      }
    }
  }

  void blocks(std::vector<doc::Block>& list) {
    for (auto& block : list) {
      // Captions and signature blocks hold names and addresses, not running text.
      const bool detect = options_.detect && block.kind != doc::BlockKind::caption &&
                          block.kind != doc::BlockKind::signature;
      const bool saved = detect_;
      detect_ = detect && saved;
      before_.clear();
      inlines(block.inlines);
      blocks(block.children);
      detect_ = saved;
    }
  }

  void inlines(std::vector<Inline>& list) {
    std::vector<Inline> out;
    out.reserve(list.size());
    for (std::size_t k = 0; k < list.size(); ++k) {
      auto& in = list[k];
      if (in.kind == InlineKind::citation || in.kind == InlineKind::text) after_ = after(list, k);
      switch (in.kind) {
        case InlineKind::citation:
          citation(in, out);
          break;
        case InlineKind::text:
          if (detect_) {
            detected(in, out);
          } else {
            before_ += in.text;
            out.push_back(std::move(in));
          }
          break;
        case InlineKind::redaction:  // never read: its text must not reach the table either
          out.push_back(std::move(in));
          break;
        case InlineKind::footnote: {
          const std::string saved = std::move(before_);
          before_.clear();
          inlines(in.children);
          before_ = saved;
          out.push_back(std::move(in));
          break;
        }
        default:
          inlines(in.children);
          out.push_back(std::move(in));
      }
    }
    drop_doubled_periods(out);
    list = std::move(out);
  }

  // The text of the inlines after list[k] (the first few): whether a sentence ends with a
  // citation, for the place of its case name.
  static std::string after(const std::vector<Inline>& list, std::size_t k) {
    std::string text;
    for (std::size_t next = k + 1; next < list.size() && text.size() < 16; ++next)
      text += doc::plain_text(std::vector<Inline>{list[next]});
    return text;
  }

  // A citation printed ending in "." ("See id.", "50 U.S.C. § 1861 et seq.") that ends the
  // sentence already ends it: the writer's own period after the element would print "id..".
  // An ellipsis ("...") after it is left alone.
  static void drop_doubled_periods(std::vector<Inline>& list) {
    for (std::size_t i = 0; i + 1 < list.size(); ++i) {
      auto& next = list[i + 1];
      if (list[i].kind != InlineKind::citation || next.kind != InlineKind::text) continue;
      const std::string printed = doc::plain_text(list[i].children);
      if (printed.empty() || printed.back() != '.') continue;
      if (next.text.starts_with(".") && !next.text.starts_with("..")) next.text.erase(0, 1);
    }
  }

  // Warnings of the reader, moved to `where`: the element the text came from, since the tree
  // keeps no place for each character of it.
  void relay(const Warnings& found, const SourceLocation& where, const std::string& suffix = {}) {
    for (const auto& warning : found.list()) warnings_.add(where, warning.message + suffix);
  }

  void citation(Inline& cite, std::vector<Inline>& out) {
    const std::string text = doc::plain_text(cite.children);
    Warnings found_warnings;
    const auto found =
        reader_.find(text, cite.where, found_warnings, trail_, Reader::Text::citation);
    if (found.empty()) {
      if (found_warnings.empty())
        warnings_.add(cite.where,
                      "this <cite> is no citation fiscgen can read (expected a case, a code "
                      "section, a rule, the Constitution or a short form); printed as written");
      relay(found_warnings, cite.where, "; printed as written");
      before_ += text;
      out.push_back(std::move(cite));
      return;
    }
    relay(found_warnings, cite.where);
    if (!rewritable(cite.children)) {
      for (const auto& c : found) {
        record(c, cite.where);
        cited_.insert(c.key);
      }
      cite.authority = found.front().key;
      remember(found.back());
      before_ += text;
      out.push_back(std::move(cite));
      return;
    }
    print_all(text, found, cite.where, out);
  }

  void detected(Inline& in, std::vector<Inline>& out) {
    Warnings found_warnings;
    const auto found = reader_.find(in.text, in.where, found_warnings, trail_);
    relay(found_warnings, in.where);
    if (found.empty()) {
      before_ += in.text;
      out.push_back(std::move(in));
      return;
    }
    print_all(in.text, found, in.where, out);
  }

  // The text with each citation in it printed as a citation inline, the rest kept.
  void print_all(const std::string& text, const std::vector<Citation>& found,
                 const SourceLocation& where, std::vector<Inline>& out) {
    std::size_t at = 0;
    for (const auto& c : found) {
      bool signal = gap(text.substr(at, c.offset - at), where, out);
      if (at == 0 && c.offset == 0 && !out.empty() && out.back().kind == InlineKind::text) {
        // "See <cite>…</cite>": the signal was written just before the element.
        Inline before = std::move(out.back());
        out.pop_back();
        signal = gap(before.text, before.where, out, false);
      }
      Inline cite;
      cite.kind = InlineKind::citation;
      cite.where = where;
      cite.authority = c.key;
      const auto place = place_of(before_, text.substr(c.offset + c.length) + after_, signal);
      print(c, signal, place, cite.children, where);
      before_ += doc::plain_text(cite.children);
      out.push_back(std::move(cite));
      at = c.offset + c.length;
    }
    gap(text.substr(at), where, out);
  }

  // Text between citations, a Bluebook signal at its end set as case names are. Returns
  // whether it ended with one ("See id." is lower case).
  bool gap(const std::string& text, const SourceLocation& where, std::vector<Inline>& out,
           bool count = true) {
    const std::string trimmed = trim_right(text);
    for (const auto& signal : signals_) {
      if (trimmed.size() < signal.size()) continue;
      const std::size_t start = trimmed.size() - signal.size();
      if (!equal_ignoring_first_case(std::string_view(trimmed).substr(start), signal)) continue;
      if (start > 0 && trimmed[start - 1] != ' ' && trimmed[start - 1] != '(') continue;
      add_text(out, text.substr(0, start), where);
      out.push_back(styled(options_.emphasis, trimmed.substr(start), where));
      add_text(out, text.substr(trimmed.size()), where);
      if (count) before_ += text;
      return true;
    }
    add_text(out, text, where);
    if (count) before_ += text;
    return false;
  }

  Inline emphasised(std::string text, const SourceLocation& where) const {
    return styled(options_.emphasis, std::move(text), where);
  }

  // The name a short case form uses: the first party, unless it is a government (then the
  // other), or the whole name when it has no "v." ("In re Sealed Case").
  std::string short_name(const std::string& case_name) const {
    const auto v = case_name.find(" v. ");
    if (v == std::string::npos || v == 0) return case_name;
    const std::string first = case_name.substr(0, v), second = case_name.substr(v + 4);
    for (const auto& government : reader_.table().governments)
      if (first == government || first.rfind(government + " of ", 0) == 0) return second;
    return first;
  }

  // A case name as printed at `place`: abbreviated (tables T6, T10) when the profile asks.
  // The table of authorities lists a case as a citation sentence writes it (rule 10.2.2).
  std::string printed_name(const std::string& case_name, NamePlace place,
                           bool in_table = false) const {
    const auto mode = options_.abbreviate_names;
    const bool abbreviated =
        options_.case_names && (mode == NameAbbreviation::citations ||
                                (mode == NameAbbreviation::authorities && in_table));
    return abbreviated ? options_.case_names->abbreviate(case_name, place) : case_name;
  }

  void print(const Citation& c, bool after_signal, NamePlace place, std::vector<Inline>& out,
             const SourceLocation& where) {
    const std::string pin = pin_of(c);
    const bool repeated =
        options_.short_forms && c.kind != Kind::short_form && !c.key.empty() && c.key == last_key_;
    const std::string id_word = after_signal || !starts_sentence(before_) ? "id." : "Id.";
    record(c, where);
    if (repeated && c.kind == Kind::case_law && (pin == last_pin_ || !pin.empty())) {
      out.push_back(emphasised(id_word, where));
      // Rule 3.3: a paragraph takes no "at" ("Id. ¶ 14").
      if (pin != last_pin_)
        add_text(out, (pin.rfind("\xC2\xB6", 0) == 0 ? " " : " at ") + pin, where);
    } else if (repeated && (c.kind == Kind::statute || c.kind == Kind::regulation) && !c.et_seq &&
               c.sections.size() == 1) {
      out.push_back(emphasised(id_word, where));
      if (pin != last_pin_) add_text(out, " \xC2\xA7" + nbsp + pin, where);
    } else if (repeated && pin == last_pin_) {
      out.push_back(emphasised(id_word, where));
    } else if (options_.short_forms && c.kind == Kind::case_law && cited_.count(c.key) &&
               !c.pin_cites.empty() && !c.case_name.empty() && !c.volume.empty() &&
               is_digits(c.first_page) && pin.rfind("\xC2\xB6", 0) != 0) {
      // Rule 10.9: "Smith, 442 U.S. at 742". A case cited by paragraph, by database or with no
      // page yet is written in full again: never wrong, where a short form of it could be.
      out.push_back(emphasised(short_name(printed_name(c.case_name, place)), where));
      add_text(out, ", " + c.volume + " " + c.reporter + " at " + pin, where);
    } else {
      full(c, place, out, where);
    }
    cited_.insert(c.key);
    remember(c);
  }

  // The citation as its normalised form prints it, its name parts styled.
  void full(const Citation& c, NamePlace place, std::vector<Inline>& out,
            const SourceLocation& where) const {
    const std::string& text = c.normalised;
    if (c.kind == Kind::case_law || c.short_form == ShortForm::short_case) {
      std::string rest = text;
      if (!c.case_name.empty() && text.rfind(c.case_name, 0) == 0) {
        out.push_back(emphasised(printed_name(c.case_name, place), where));
        rest = text.substr(c.case_name.size());
      }
      history(rest, c.history, out, where);
    } else if (c.short_form == ShortForm::id) {
      const auto space = text.find(' ');
      out.push_back(emphasised(text.substr(0, space), where));
      if (space != std::string::npos) add_text(out, text.substr(space), where);
    } else if (c.short_form == ShortForm::supra) {
      const auto supra = text.find(", supra");
      if (c.case_name.empty()) {  // "supra note 12": a reference within the text, no name
        const auto space = text.find(' ');
        out.push_back(emphasised(text.substr(0, space), where));
        if (space != std::string::npos) add_text(out, text.substr(space), where);
        return;
      }
      if (supra == std::string::npos) return add_text(out, text, where);
      if (c.category == Category::cases)
        out.push_back(emphasised(c.case_name, where));
      else
        add_text(out, c.case_name, where);
      add_text(out, ", ", where);
      out.push_back(emphasised("supra", where));
      add_text(out, text.substr(supra + 7), where);
    } else {
      add_text(out, text, where);
    }
  }

  // `text` ending in ", HISTORY": the history's words before its citation ("aff'd",
  // "cert. denied") are styled as case names are (Bluebook rule 10.7).
  void history(const std::string& text, const std::string& history_text, std::vector<Inline>& out,
               const SourceLocation& where) const {
    const auto words_end = history_text.find(", ");
    const std::string tail = ", " + history_text;
    if (history_text.empty() || words_end == std::string::npos || text.size() < tail.size() ||
        text.compare(text.size() - tail.size(), tail.size(), tail) != 0) {
      add_text(out, text, where);
      return;
    }
    add_text(out, text.substr(0, text.size() - tail.size()) + ", ", where);
    out.push_back(emphasised(history_text.substr(0, words_end), where));
    add_text(out, history_text.substr(words_end), where);
  }

  // A citation that points to nothing (a short form no authority or several fit) ends the
  // chain: an Id. written after it would point past it (rule 4.1).
  void remember(const Citation& c) {
    last_key_ = c.key;
    last_pin_ = pin_of(c);
  }

  // Adds the citation's authority to the document's list, the first time it is cited.
  void record(const Citation& c, const SourceLocation& where) {
    if (c.key.empty()) return;
    auto& list = document_.authorities;
    auto found = std::find_if(list.begin(), list.end(),
                              [&](const doc::Authority& a) { return a.key == c.key; });
    // A short form points to one listed, but "Id. § 1806" after "50 U.S.C. § 1805" to another
    // section of the code, listed by its key.
    if (c.kind == Kind::short_form && (found != list.end() || c.sections.empty())) return;
    if (found != list.end()) {
      // A case first cited without its name ("442 U.S. 735") is listed by the name given later.
      const bool named = std::any_of(found->entry.begin(), found->entry.end(),
                                     [](const Inline& in) { return in.kind != InlineKind::text; });
      if (c.kind != Kind::case_law || named || c.case_name.empty()) return;
      *found = authority(c, where);
      return;
    }
    list.push_back(authority(c, where));
  }

  // " (2009)", " (2d ed. 2012)": the normalised form's closing parenthetical, its year.
  static std::string closing_parenthetical(const std::string& normalised) {
    const auto open = normalised.rfind(" (");
    return open != std::string::npos && normalised.back() == ')' ? normalised.substr(open) : "";
  }

  // The entry of the table of authorities: the full form without pin cites or explanation.
  doc::Authority authority(const Citation& c, const SourceLocation& where) const {
    doc::Authority a;
    a.key = c.key;
    a.category = c.category == Category::none ? Category::other : c.category;
    if (c.kind == Kind::case_law) {
      if (!c.case_name.empty()) {
        a.entry.push_back(emphasised(printed_name(c.case_name, NamePlace::citation, true), where));
        add_text(a.entry, ", ", where);
      }
      // A court's document cited by its title and docket is keyed by both and its date ("Order,
      // No. BR 14-01 (FISA Ct. Mar. 7, 2014)"); by a database number, its title goes before it.
      const bool titled_key = !c.title.empty() && c.key.rfind(c.title, 0) == 0;
      if (!c.title.empty() && !titled_key) add_text(a.entry, c.title + ", ", where);
      // A database citation keeps its docket number, which names the case (rule 10.8.1).
      if (!c.docket.empty() && !titled_key) add_text(a.entry, c.docket + ", ", where);
      std::string rest = c.key;  // less the name a blank-page case is keyed by too
      if (!c.case_name.empty() && rest.rfind(c.case_name + ", ", 0) == 0)
        rest.erase(0, c.case_name.size() + 2);
      // An undated case with a public-domain parallel is dated by it: "State v. Leak, 145 Ohio
      // St. 3d 165, 2016-Ohio-154".
      if (const auto domain = public_domain_parallel(c); c.date.empty() && !domain.empty())
        rest += ", " + domain;
      if (!c.date.empty() && !titled_key)
        rest += " (" + (c.court.empty() ? "" : c.court + " ") + c.date + ")";
      if (!c.history.empty()) rest += ", " + c.history;
      history(rest, c.history, a.entry, where);
    } else if (c.kind == Kind::session_law) {
      std::string text = with_name(c, c.key);
      if (!c.first_page.empty() && c.key.find("Stat.") == std::string::npos)
        text += ", " + c.volume + " Stat. " + c.first_page;
      add_text(a.entry, text + closing_parenthetical(c.normalised), where);
    } else if (c.kind == Kind::secondary && !c.title.empty()) {
      // An article or a book is named by its author and title (rule 16, 15), where it was listed
      // as "107 Mich. L. Rev. 561" alone; the journal's volume and page say where it is.
      if (!c.case_name.empty()) add_text(a.entry, c.case_name + ", ", where);
      a.entry.push_back(emphasised(c.title, where));
      const std::string in = c.volume + " " + c.reporter + " " + c.first_page;
      add_text(a.entry,
               (c.first_page.empty() ? "" : ", " + in) + closing_parenthetical(c.normalised),
               where);
    } else {
      add_text(a.entry, c.key, where);
    }
    a.sort_key = doc::plain_text(a.entry);
    return a;
  }

  doc::Document& document_;
  const Reader& reader_;
  const Options& options_;
  Warnings& warnings_;
  std::vector<std::string> signals_;  // the table's Bluebook signals
  Trail trail_;
  bool detect_ = true;  // within blocks whose text may be searched (options_.detect)
  std::string before_;  // text printed so far in the current block or note: "Id." or "id."
  std::string after_;   // the start of the text after the inline being read
  std::string last_key_, last_pin_;  // what the last citation cited
  std::set<std::string> cited_;      // every authority cited so far
};

}  // namespace

void annotate(doc::Document& document, const Reader& reader, const Options& options,
              Warnings& warnings) {
  Annotator(document, reader, options, warnings).run();
}

std::shared_ptr<const Reader> shared_reader(const std::filesystem::path& file,
                                            const std::string& bytes) {
  struct Loaded {
    std::string bytes;
    std::shared_ptr<const Reader> reader;
  };
  static std::mutex mutex;
  static std::map<std::filesystem::path, Loaded> loaded;
  const std::lock_guard lock(mutex);
  auto& entry = loaded[file];
  if (!entry.reader || entry.bytes != bytes) {
    entry.reader = std::make_shared<const Reader>(Table::read(file, bytes));
    entry.bytes = bytes;
  }
  return entry.reader;
}

}  // namespace fiscgen::cite
