// Finding citations: every pattern over the text, the longest match at each place kept, then
// each read into its parts, short forms resolved against the trail, and look-alikes warned of.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>

#include "base/utf8.hpp"
#include "cite/internal.hpp"

namespace fiscgen::cite {

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::case_law:
      return "case";
    case Kind::statute:
      return "statute";
    case Kind::regulation:
      return "regulation";
    case Kind::session_law:
      return "session law";
    case Kind::constitution:
      return "constitution";
    case Kind::court_rule:
      return "court rule";
    case Kind::short_form:
      return "short form";
    case Kind::secondary:
      return "secondary source";
    case Kind::legislative:
      return "legislative material";
    case Kind::executive:
      return "executive material";
  }
  return "";
}

std::string_view category_name(Category category) {
  return doc::names_of(category).heading;
}

std::string_view short_form_name(ShortForm form) {
  switch (form) {
    case ShortForm::none:
      return "";
    case ShortForm::id:
      return "id";
    case ShortForm::short_case:
      return "short case";
    case ShortForm::supra:
      return "supra";
    case ShortForm::short_statute:
      return "short statute";
    case ShortForm::name_page:
      return "name and page";
  }
  return "";
}

const i18n::Regex::Span& Groups::span(const char* name) const {
  static const i18n::Regex::Span none;
  const int number = regex_.group(name);
  return number < 0 ? none : match_[static_cast<std::size_t>(number)];
}

bool Groups::has(const char* name) const {
  return span(name).matched();
}

std::string Groups::operator[](const char* name) const {
  const auto& found = span(name);
  if (!found.matched()) return {};
  return std::string(text_.substr(found.begin, found.end - found.begin));
}

std::size_t Groups::begin(const char* name) const {
  return span(name).begin;
}

namespace {

struct Candidate {
  const Patterns::Reading* reading;
  const i18n::Regex* regex;  // that matched: its group numbers read the match
  i18n::Regex::Match match;
  std::size_t begin, end;
};

/// The byte ranges of the citations found so far, which never overlap. Asking every candidate
/// against every citation found was quadratic: 200,000 "Id." took minutes.
class Taken {
 public:
  bool overlaps(std::size_t begin, std::size_t end) const {
    auto after = ranges_.upper_bound(begin);  // the first range starting past `begin`
    if (after != ranges_.end() && after->first < end) return true;
    return after != ranges_.begin() && std::prev(after)->second > begin;
  }
  void add(std::size_t begin, std::size_t end) { ranges_.emplace(begin, end); }

 private:
  std::map<std::size_t, std::size_t> ranges_;  // begin → end
};

std::size_t count_words(std::string_view text) {
  const std::string words = collapse_spaces(text);
  return words.empty() ? 0
                       : static_cast<std::size_t>(std::count(words.begin(), words.end(), ' ')) + 1;
}

// Where the kept part of a name (group `group`) starts: after as many words of the match as were
// dropped, or, when all were, at what follows the name's comma.
std::size_t name_start(std::string_view text, const Groups& groups, const char* group,
                       const std::string& kept) {
  std::size_t at = groups.begin(group);
  const std::string matched = groups[group];
  const std::size_t matched_words = count_words(matched), kept_words = count_words(kept);
  std::size_t drop = matched_words > kept_words ? matched_words - kept_words : 0;
  if (kept.empty()) {
    at += matched.size();
    while (at < text.size() && (text[at] == ',' || space_at(text, at)))
      at += std::max<std::size_t>(1, space_at(text, at));
    return at;
  }
  while (drop > 0 && at < text.size()) {
    while (at < text.size() && !space_at(text, at)) ++at;
    while (at < text.size() && space_at(text, at)) at += space_at(text, at);
    --drop;
  }
  return at;
}

// "See Foo, 1 U.S. 2": a name with no "v." that a signal leads to is the case's name, and the
// citation starts with it.
void name_after_signal(std::string_view text, std::size_t& begin, Citation& c, const Table& table,
                       bool marked) {
  std::string name;
  const std::size_t start = name_after_signal(text, begin, table, name, marked);
  if (start == std::string_view::npos) return;
  c.case_name = normalise_case_name(name);
  c.normalised = c.case_name + ", " + c.normalised;
  begin = start;
}

// "van der Berg v. Smit, 2 U.S. 3": the particles the name's expression left out go first.
void with_particles(std::string_view text, std::size_t& begin, Citation& c, const Table& table) {
  const std::size_t start = v_particles_before(text, begin, table);
  if (start == begin || text.substr(begin).rfind(c.case_name.substr(0, 1), 0) != 0) return;
  std::string particles = collapse_spaces(text.substr(start, begin - start));
  if (!particles.ends_with('-')) particles += ' ';  // "al-Rahman" stays joined
  if (c.normalised.rfind(c.case_name, 0) == 0) c.normalised.insert(0, particles);
  if (c.key.rfind(c.case_name + ", ", 0) == 0) c.key.insert(0, particles);
  c.case_name.insert(0, particles);
  begin = start;
}

}  // namespace

struct Reader::Impl {
  Table table;
  Patterns patterns;
  explicit Impl(Table t) : table(std::move(t)), patterns(table) {}
};

Reader::Reader(Table table) : impl_(std::make_unique<Impl>(std::move(table))) {}
Reader::~Reader() = default;
Reader::Reader(Reader&&) noexcept = default;
Reader& Reader::operator=(Reader&&) noexcept = default;
const Table& Reader::table() const {
  return impl_->table;
}

void Reader::expect(const std::vector<std::string>& texts, Trail& trail) const {
  trail.parts.assign(2 * impl_->patterns.readers.size(), 0);
  for (std::size_t row = 0; row < impl_->patterns.readers.size(); ++row) {
    const auto& reading = *impl_->patterns.readers[row];
    if (!reading.regex.has_parts() && !reading.anchor.has_parts()) continue;
    // Only the texts the row may be run on (its literals; not its gate, which costs more): an
    // Id.'s section is compiled for a text holding "Id." and "§", not one of each.
    for (const auto& text : texts) {
      if (!reading.regex.may_match(text)) continue;
      trail.parts[2 * row] |= reading.regex.parts_in(text);
      trail.parts[2 * row + 1] |= reading.anchor.parts_in(text);
    }
  }
}

std::vector<Citation> Reader::find(std::string_view utf8, const SourceLocation& where,
                                   Warnings& warnings) const {
  Trail trail;
  return find(utf8, where, warnings, trail);
}

namespace {

// How far before its anchor a match may start (a case name, an author and title), and how long
// a text must be before searching windows around the anchors beats one search of it all.
constexpr std::size_t window_before = 280, window_text = 4096;

// The windows of `text` around each match of an anchor, merged where they overlap: each starts
// after white space (so what precedes the window is a space, as look-behinds expect) and ends
// after the word the anchor ends in.
std::vector<std::pair<std::size_t, std::size_t>> windows(std::string_view text,
                                                         const i18n::Regex::Matches& anchors) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& match : anchors.matches) {
    std::size_t begin = match[0].begin > window_before ? match[0].begin - window_before : 0;
    if (begin > 0) {
      while (begin < match[0].begin && !space_at(text, begin)) ++begin;
      while (begin < match[0].begin && space_at(text, begin)) begin += space_at(text, begin);
    }
    std::size_t end = match[0].end;
    while (end < text.size() && !space_at(text, end)) ++end;
    if (!out.empty() && begin <= out.back().second)
      out.back().second = std::max(out.back().second, end);
    else
      out.emplace_back(begin, end);
  }
  return out;
}

// The texts searched: as written, and with the reporters' places as stand-ins (made the first
// time a kind that finds them needs it). A long text, and each window of it, is searched with the
// patterns as machine code.
class Searched {
 public:
  Searched(const Patterns& patterns, std::string_view text)
      : patterns_(patterns),
        text_(text),
        engine_(text.size() >= i18n::Regex::long_text ? i18n::Regex::Engine::machine_code
                                                      : i18n::Regex::Engine::interpreted) {}
  const i18n::Regex::Text& plain() const { return plain_; }
  const i18n::Regex::Text& with_reporters() {
    if (!with_reporters_) with_reporters_.emplace(text_, places(), engine_);
    return *with_reporters_;
  }
  // A window's text, for a kind with or without reporters.
  i18n::Regex::Text window(std::size_t begin, std::size_t end, bool reporters) {
    const auto window = text_.substr(begin, end - begin);
    if (!reporters) return i18n::Regex::Text(window, engine_);
    i18n::Regex::Text::Ranges inside;
    for (const auto& [from, to] : places())
      if (from >= begin && to <= end) inside.emplace_back(from - begin, to - begin);
    return i18n::Regex::Text(window, inside, engine_);
  }
  // The reporters' places in the text, found the first time they are asked for.
  const i18n::Regex::Text::Ranges& places() {
    if (!places_) places_ = patterns_.reporter_places(text_);
    return *places_;
  }

 private:
  const Patterns& patterns_;
  std::string_view text_;
  i18n::Regex::Engine engine_;
  i18n::Regex::Text plain_{text_, engine_};
  std::optional<i18n::Regex::Text::Ranges> places_;
  std::optional<i18n::Regex::Text> with_reporters_;
};

// The parts of a row's expressions to compile for `text` (LazyRegex::get): those the text may
// match, and those the other texts Reader::expect named may (`expected`, two for each row).
struct Parts {
  std::uint32_t regex, anchor;
  Parts(const Patterns::Reading& reading, std::string_view text,
        const std::vector<std::uint32_t>& expected, std::size_t row)
      : regex(reading.regex.parts_in(text)), anchor(reading.anchor.parts_in(text)) {
    if (expected.size() < 2 * (row + 1)) return;
    regex |= expected[2 * row];
    anchor |= expected[2 * row + 1];
  }
};

// The matches of one kind: in a long text, searched only in the windows around its anchor's
// matches, so that a name tried at every place costs in proportion to the citations, not the text.
void add_matches(const Patterns::Reading& reading, const Parts& parts, std::string_view text,
                 Searched& texts, std::vector<Candidate>& candidates, bool& complete) {
  const auto add = [&](const i18n::Regex& regex, const i18n::Regex::Text& in, std::size_t shift) {
    auto found = regex.find_all(in);
    complete = complete && found.complete;
    for (auto& match : found.matches) {
      for (auto& span : match)
        if (span.matched()) {
          span.begin += shift;
          span.end += shift;
        }
      const auto begin = match[0].begin, end = match[0].end;
      candidates.push_back({&reading, &regex, std::move(match), begin, end});
    }
  };
  const i18n::Regex::Text& searched = reading.reporters ? texts.with_reporters() : texts.plain();
  if (reading.anchor.empty()) return add(reading.regex.get(parts.regex), searched, 0);
  if (text.size() < window_text) {
    // Every match holds a match of the anchor, so here the anchor only spares compiling the
    // expression where it cannot match. Where the gate found what the anchor starts with, it
    // nearly always matches: compiling it too costs more.
    if (reading.gate != Gate::none || reading.anchor.get(parts.anchor).found_in(searched))
      add(reading.regex.get(parts.regex), searched, 0);
    return;
  }
  const auto anchors = reading.anchor.get(parts.anchor).find_all(searched);
  complete = complete && anchors.complete;
  for (const auto& [begin, end] : windows(text, anchors))
    add(reading.regex.get(parts.regex), texts.window(begin, end, reading.reporters), begin);
}

// Every match of every kind's expression, leftmost first; at one place the longest, the order
// of the kinds breaking a tie. False in `complete` when the step limit cut a search short.
std::vector<Candidate> candidates_in(const Patterns& patterns, std::string_view text,
                                     const Trail& trail, Searched& texts, bool& complete) {
  std::vector<Candidate> candidates;
  complete = true;
  for (std::size_t row = 0; row < patterns.readers.size(); ++row) {
    const auto& reading = *patterns.readers[row];
    if (reading.regex.may_match(text) &&
        (reading.gate == Gate::reporter_at ? patterns.reporter_at(text, texts.places())
                                           : patterns.may_hold(reading.gate, text)))
      add_matches(reading, Parts(reading, text, trail.parts, row), text, texts, candidates,
                  complete);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.end - a.begin > b.end - b.begin;
                   });
  return candidates;
}

// Reads a match of a candidate's kind into `c`, and where the citation starts into `begin`.
// False when the match is no citation after all.
bool read_match(const Candidate& candidate, const i18n::Regex::Match& match,
                const Patterns& patterns, std::string_view text, bool marked, Citation& c,
                std::size_t& begin) {
  const Groups groups(*candidate.regex, match, text);
  if (!candidate.reading->read(groups, patterns, c)) return false;
  begin = match[0].begin;
  // The name as read may start later than the match: signal words and the sentence before
  // it are dropped, whole words at a time.
  if (groups.has("name")) {
    begin = name_start(text, groups, "name", c.case_name);
    if (!c.case_name.empty()) with_particles(text, begin, c, patterns.table);
  } else if (groups.has("author") && groups.begin("author") == match[0].begin) {
    begin = name_start(text, groups, "author", c.case_name);  // "See Orin S. Kerr, …"
  } else if (groups.has("title") && groups.begin("title") == match[0].begin) {
    begin = name_start(text, groups, "title", c.title);
  }
  if (c.kind == Kind::case_law && c.short_form == ShortForm::none && c.case_name.empty())
    name_after_signal(text, begin, c, patterns.table, marked);
  return true;
}

// The match without its name, starting after the name's comma; empty when it has no name.
i18n::Regex::Match without_name(const Candidate& candidate, std::string_view text) {
  const int number = candidate.regex->group("name");
  if (number < 0 || !candidate.match[static_cast<std::size_t>(number)].matched()) return {};
  i18n::Regex::Match match = candidate.match;
  auto& name = match[static_cast<std::size_t>(number)];
  std::size_t rest = name.end;
  while (rest < candidate.end && (text[rest] == ',' || space_at(text, rest)))
    rest += std::max<std::size_t>(1, space_at(text, rest));
  name = {};
  match[0].begin = rest;
  return match;
}

// The candidates read into citations, none overlapping one taken before it, in text order.
std::vector<Citation> read_candidates(const std::vector<Candidate>& candidates,
                                      const Patterns& patterns, std::string_view text,
                                      Locator& locate, Taken& taken, bool marked) {
  std::vector<Citation> found;
  for (const auto& candidate : candidates) {
    Citation c;
    std::size_t begin = 0;
    if (!read_match(candidate, candidate.match, patterns, text, marked, c, begin)) continue;
    if (taken.overlaps(begin, candidate.end)) {
      // A name whose words run back into a citation taken before it ("… 799 N.Y.S.2d 795
      // See Adarand, 799 N.Y.S.2d, at 797": a name's words may be numbers) is left out: the
      // citation is read without it rather than lost.
      const auto match = without_name(candidate, text);
      if (match.empty() || taken.overlaps(match[0].begin, candidate.end)) continue;
      c = Citation{};
      if (!read_match(candidate, match, patterns, text, marked, c, begin)) continue;
    }
    taken.add(begin, candidate.end);
    c.offset = begin;
    c.length = candidate.end - begin;
    c.text = std::string(text.substr(begin, c.length));
    c.where = locate(begin);
    found.push_back(std::move(c));
  }
  std::sort(found.begin(), found.end(),
            [](const Citation& a, const Citation& b) { return a.offset < b.offset; });
  return found;
}

// What looks like a citation but was not read as one.
void warn_suspects(const Patterns& patterns, const i18n::Regex::Text& searched,
                   std::string_view text, const Taken& taken, Locator& locate, Warnings& warnings) {
  for (const auto& [suspect, lazy] : patterns.suspects) {
    const auto read = [&](std::size_t at) { return taken.overlaps(at, at + 1); };
    // A text cited whole (a <cite>) holds the literals only inside what was read: no compiling.
    if (!lazy->may_match(text, read) || !patterns.may_hold(suspect, text, read)) continue;
    const i18n::Regex& regex = lazy->get();
    for (const auto& match : regex.find_all(searched).matches) {
      if (taken.overlaps(match[0].begin, match[0].end)) continue;
      const Groups groups(regex, match, text);
      const std::string written =
          collapse_spaces(text.substr(match[0].begin, match[0].end - match[0].begin));
      const auto at = locate(match[0].begin);
      switch (suspect) {
        case Suspect::reporter_like:
          // "No. 99 Civ. 9404": a district court's docket number, not a volume and page.
          if (const auto& kinds = patterns.table.docket_kinds;
              std::find(kinds.begin(), kinds.end(), collapse_spaces(groups["abbr"])) != kinds.end())
            break;
          warnings.add(at, "\"" + written + "\" looks like a case citation, but \"" +
                               collapse_spaces(groups["abbr"]) + "\" is no reporter fiscgen knows");
          break;
        case Suspect::code_without_section:
          warnings.add(at, "\"" + written + "\" names no section: expected a number after it");
          break;
        case Suspect::bare_abbreviation:
          warnings.add(at,
                       "\"" + written + "\" is not followed by what it cites: expected a number");
          break;
        case Suspect::id_at_nothing:
          warnings.add(at, "\"" + written + "\" names no page: expected a number after \"at\"");
          break;
      }
    }
  }
}

}  // namespace

namespace {

bool has_controls(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && (byte < '\t' || byte > '\r')) || byte == 0x7F ||
        (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[i + 1]) <= 0x9F && text[i + 1] != '\x85'))
      return true;
  }
  return false;
}

// The text with each control character OCR and PDF extraction leave (U+0008, U+009D, …) as
// spaces of the same byte length, so offsets stay those of the text; a warning at each.
std::string blank_controls(std::string_view text, Locator& locate, Warnings& warnings) {
  std::string out(text);
  if (!has_controls(text)) return out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto byte = static_cast<unsigned char>(out[i]);
    const bool c0 = (byte < 0x20 && (byte < '\t' || byte > '\r')) || byte == 0x7F;
    const bool c1 = byte == 0xC2 && i + 1 < out.size() &&
                    static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(out[i + 1]) <= 0x9F && out[i + 1] != '\x85';
    if (!c0 && !c1) continue;
    const char32_t code = c0 ? byte : static_cast<unsigned char>(out[i + 1]);
    warnings.add(locate(i), "control character " + utf8::hex(code) +
                                " read as a space (text extracted from a PDF or by OCR?)");
    out[i] = ' ';
    if (c1) out[++i] = ' ';
  }
  return out;
}

}  // namespace

std::string blank_controls(std::string_view text, const SourceLocation& where, Warnings& warnings) {
  Locator locate(text, where);
  return blank_controls(text, locate, warnings);
}

std::vector<Citation> Reader::find(std::string_view written, const SourceLocation& where,
                                   Warnings& warnings, Trail& trail, Text kind) const {
  std::string blanked;
  std::string_view text = written;
  if (has_controls(written)) {
    Locator locate(written, where);
    blanked = blank_controls(written, locate, warnings);
    text = blanked;
  }
  const auto& patterns = impl_->patterns;
  Searched texts(patterns, text);
  bool complete = true;
  const auto candidates = candidates_in(patterns, text, trail, texts, complete);
  if (!complete)
    warnings.add(where,
                 "this text is too long or too tangled for the citation reader's step limit: "
                 "citations in it may be missing; split it, or mark them with <cite>");
  Taken taken;
  Locator locate(text, where);
  auto found = read_candidates(candidates, patterns, text, locate, taken, kind == Text::citation);
  follow(found, text, patterns, trail, warnings);
  warn_suspects(patterns, texts.plain(), text, taken, locate, warnings);
  return found;
}

}  // namespace fiscgen::cite
