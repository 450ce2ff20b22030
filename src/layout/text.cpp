#include "layout/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/utf8.hpp"
#include "doc/urls.hpp"
#include "i18n/i18n.hpp"

namespace fiscgen::layout::detail {
namespace {

// Typographic proportions of the marks and small capitals (no font has real ones for us).
constexpr double small_caps_scale = 0.8;
constexpr double mark_scale = 0.6;
constexpr double mark_rise = 0.35;

// A redaction box is this many ems wide, whatever it hides: about a long word, so it reads as a
// redaction at a glance, and narrower than any line a profile sets (it is clamped to the line
// besides). A width that varied with the hidden text would tell its length.
constexpr double fixed_box_ems = 5;
// Measured boxes (a profile's <redactions boxes="measured"/>) give each hidden character half
// an em: about the average width of a serif's letters and spaces.
constexpr double measured_box_ems_per_character = 0.5;
// What line breaking and BiDi read where a box stands: FULL BLOCK breaks like a letter and is
// neutral in direction. It is never drawn.
constexpr char32_t box_placeholder = 0x2588;

constexpr char32_t no_break_space = 0x00A0;
constexpr char32_t soft_hyphen = 0x00AD;

}  // namespace

Shaper::Shaper(Context& context, const rules::Style& style) : context_(context), style_(style) {}

fonts::Face Shaper::face(const Attributes& a) const {
  // Face values are bit sets: bold = 1, italic = 2; a bold style with <em> is bold italic.
  int bits = static_cast<int>(style_.face);
  if (a.bold) bits |= 1;
  if (a.italic) bits |= 2;
  return static_cast<fonts::Face>(bits);
}

inline int Shaper::resolve(fonts::Face face, char32_t cp, const SourceLocation& where) {
  // Nearly every character: known, and drawn from the profile's family. Kept this small so that
  // it is inlined where each atom is made; the rest, once per character or place, is apart.
  if (cp <= 0xFFFF) {
    const int font = context_.cache.pick(face, cp);
    if (font >= 0 && !fonts::FontSet::is_fallback(font)) return font;
  }
  return resolve_rare(face, cp, where);
}

int Shaper::resolve_rare(fonts::Face face, char32_t cp, const SourceLocation& where) {
  if (cp > 0xFFFF) {
    throw Error(where, "the character " + fiscgen::utf8::name(cp) +
                           " is outside the Basic Multilingual Plane, which is all the PDF "
                           "writer can draw");
  }
  const int font = context_.cache.pick(face, cp);
  if (font < 0) {
    // Recorded, not thrown: lay_out lists every such character at once.
    if (context_.missing_seen.emplace(cp, where.str()).second)
      context_.missing.emplace_back(cp, where);
    return -1;
  }
  // One warning per font the document borrows from, naming it and the first character.
  if (fonts::FontSet::is_fallback(font) && context_.warned.insert(font).second)
    context_.warnings.add(
        where, fiscgen::utf8::name(cp) + " and any other character " +
                   context_.cache.font(fonts::FontSet::main_font(fonts::Face::regular)).family() +
                   " lacks are drawn from " + context_.cache.font(font).family() +
                   " where it has them");
  return font;
}

inline Atom& Shaper::new_atom(AtomKind kind, std::uint32_t offset, const Attributes& a, double size,
                              double rise) {
  // Made in place: one atom per drawn character.
  Atom& atom = out_.atoms.emplace_back();
  atom.offset = offset;
  atom.kind = kind;
  atom.underline = a.underline;
  atom.link = a.link;
  atom.change = a.change;
  atom.size = size;
  atom.rise = rise;
  return atom;
}

inline void Shaper::add_measured(char32_t measured, AtomKind kind, std::uint32_t offset,
                                 const Attributes& a, fonts::Face f, const SourceLocation& where,
                                 double size, double rise) {
  const int font = resolve(f, measured, where);
  // Made once nothing can throw before it is whole.
  Atom& atom = new_atom(kind, offset, a, size, rise);
  if (font < 0) {  // no font has it: an error lay_out reports; measure it anyway
    const int main_font = fonts::FontSet::main_font(f);
    const auto& main = context_.cache.font(main_font);
    atom.font = static_cast<std::int8_t>(main_font);
    atom.width = main.advance(measured) * size / 1000.0;
  } else {
    atom.font = static_cast<std::int8_t>(font);
    atom.width = context_.cache.advance(font, measured) * size / 1000.0;
  }
  atom.cp = measured;
}

void Shaper::add_code_point(char32_t cp, std::uint32_t offset, const Attributes& a, fonts::Face f,
                            const SourceLocation& where, double size, double rise) {
  // Printable ASCII is drawn (character_role's own first answer), asked here without a call.
  const auto role = cp >= 0x20 && cp < 0x7F ? i18n::CharacterRole::drawn : i18n::character_role(cp);
  if (cp == '\t' || cp == '\n' || cp == '\r' || role == i18n::CharacterRole::separator) cp = ' ';
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
    throw Error(where, "the control character " + fiscgen::utf8::name(cp) + " cannot be drawn");
  AtomKind kind = AtomKind::glyph;
  char32_t measured = cp;
  if (cp == ' ') {
    kind = AtomKind::space;
  } else if (cp == no_break_space) {
    measured = ' ';  // drawn as a plain space; ICU already refuses to break at it
  } else if (cp == soft_hyphen) {
    kind = AtomKind::soft_hyphen;
    measured = '-';
  } else if (role == i18n::CharacterRole::invisible) {
    new_atom(AtomKind::invisible, offset, a, size, rise);
    return;
  }
  add_measured(measured, kind, offset, a, f, where, size, rise);
}

void Shaper::add_string(std::string_view logical, const Attributes& a, const SourceLocation& where,
                        double size, double rise) {
  // Arabic letters join: their contextual forms are what the font draws and layout measures.
  const std::string shaped = i18n::shape_arabic(logical);
  const std::string_view utf8 = shaped;
  // Room for an atom per byte, at least: no regrowth within the string (a code point is one
  // atom, or a few in small capitals), and the capacity still doubles across strings.
  if (out_.atoms.capacity() < out_.atoms.size() + utf8.size())
    out_.atoms.reserve(std::max(2 * out_.atoms.capacity(), out_.atoms.size() + utf8.size()));
  // The text is taken whole, white space made plain spaces in place (one byte for one), so that
  // each code point's offset is where it starts in `utf8`.
  const auto base = out_.text.size();
  out_.text.append(utf8);
  const fonts::Face f = face(a);  // one face for the whole string
  std::size_t pos = 0;
  // Printable ASCII, most of any text, is what add_code_point makes of it without asking: a
  // glyph, or a space, measured as itself (small capitals change it, so they take the long way).
  const bool ascii_fast = ascii_fast_path_ && !a.small_caps;
  while (pos < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (ascii_fast && byte >= 0x20 && byte < 0x7F) {
      add_measured(byte, byte == ' ' ? AtomKind::space : AtomKind::glyph,
                   static_cast<std::uint32_t>(base + pos), a, f, where, size, rise);
      ++pos;
      continue;
    }
    char32_t cp = 0;
    const std::size_t start = pos;
    if (!fiscgen::utf8::next_code_point(utf8, pos, cp))
      throw Error(where, "the text is not valid UTF-8 (byte " + std::to_string(start + 1) + ")");
    const auto offset = static_cast<std::uint32_t>(base + start);
    if (cp == '\t' || cp == '\r' || cp == '\n') out_.text[base + start] = ' ';
    if (a.small_caps && cp != ' ') {
      const std::string upper = i18n::to_upper(utf8.substr(start, pos - start), context_.locale);
      if (upper != utf8.substr(start, pos - start)) {
        std::size_t upos = 0;
        char32_t ucp = 0;
        while (upos < upper.size() && fiscgen::utf8::next_code_point(upper, upos, ucp))
          add_code_point(ucp, offset, a, f, where, size * small_caps_scale, rise);
        continue;
      }
    }
    add_code_point(cp, offset, a, f, where, size, rise);
  }
}

void Shaper::walk(const std::vector<doc::Inline>& inlines, const Attributes& outer) {
  using doc::InlineKind;
  for (const auto& in : inlines) {
    Attributes a = outer;
    if (in.change != doc::Change::none) a.change = in.change;
    switch (in.kind) {
      case InlineKind::text:
        if (a.link < 0)
          add_text_linking_urls(in.text, a, in.where);
        else
          add_string(in.text, a, in.where, style_.size, 0);
        break;
      case InlineKind::emphasis:
        a.italic = true;
        walk(in.children, a);
        break;
      case InlineKind::strong:
        a.bold = true;
        walk(in.children, a);
        break;
      case InlineKind::underline:
        a.underline = true;
        walk(in.children, a);
        break;
      case InlineKind::small_caps:
        a.small_caps = true;
        walk(in.children, a);
        break;
      case InlineKind::literal:  // marks only what the quotes pass leaves alone
        walk(in.children, a);
        break;
      case InlineKind::citation: {  // plain text, but kept together (see break_items)
        const auto begin = static_cast<std::uint32_t>(out_.text.size());
        const std::size_t first_atom = out_.atoms.size();
        walk(in.children, a);
        if (!in.authority.empty() && out_.atoms.size() > first_atom)
          out_.authorities.emplace_back(first_atom, in.authority);
        out_.citations.emplace_back(begin, static_cast<std::uint32_t>(out_.text.size()));
        break;
      }
      case InlineKind::redaction: {  // one box: the tree holds nothing of what it hid
        Atom atom;
        atom.offset = static_cast<std::uint32_t>(out_.text.size());
        atom.redacted = true;
        atom.underline = a.underline;
        atom.link = a.link;
        atom.change = a.change;
        atom.size = style_.size;
        atom.width =
            style_.size * (in.hidden_length > 0 ? in.hidden_length * measured_box_ems_per_character
                                                : fixed_box_ems);
        fiscgen::utf8::append(out_.text, box_placeholder);
        out_.atoms.push_back(atom);
        break;
      }
      case InlineKind::link:
        a.link = static_cast<int>(out_.links.size());
        out_.links.push_back(in.href);
        walk(in.children, a);
        break;
      case InlineKind::line_break: {
        Atom atom;
        atom.offset = static_cast<std::uint32_t>(out_.text.size());
        atom.kind = AtomKind::forced_break;
        atom.size = style_.size;
        out_.text += '\n';
        out_.atoms.push_back(atom);
        break;
      }
      case InlineKind::footnote:
        if (in.note > 0) {
          out_.note_atoms.push_back(out_.atoms.size());
          add_mark(in.note, in.where, true, a.change);
          out_.notes.push_back(in.note);
          out_.footnotes.push_back(&in);
        }
        break;
    }
  }
}

/// Kerning is applied to runs of drawn glyphs that one text run will show: the same font,
/// size and baseline. A space ends a run: justification stretches it, and the kerning of a
/// pair across it would be lost in the stretch anyway.
Shaped Shaper::finish() {
  auto& atoms = out_.atoms;
  // Levels for the whole paragraph (UAX #9 resolves them over it); lines are reordered when
  // placed. Kerning pairs are the font's left-to-right pairs, so right-to-left runs have none.
  const auto levels = i18n::bidi_levels(out_.text);
  if (!levels.empty())
    for (auto& atom : atoms)
      if (atom.offset < levels.size()) atom.level = levels[atom.offset];
  const auto joins = [&](const Atom& a, const Atom& b) {
    return b.kind == AtomKind::glyph && !b.redacted && b.font == a.font && b.size == a.size &&
           b.rise == a.rise && b.level % 2 == 0;
  };
  for (std::size_t begin = 0; begin < atoms.size();) {
    if (atoms[begin].kind != AtomKind::glyph || atoms[begin].redacted || atoms[begin].level % 2) {
      ++begin;
      continue;
    }
    std::size_t end = begin + 1;
    while (end < atoms.size() && joins(atoms[begin], atoms[end])) ++end;
    if (end - begin > 1) apply_kerning(begin, end);
    begin = end;
  }
  return std::move(out_);
}

void Shaper::apply_kerning(std::size_t begin, std::size_t end) {
  auto& atoms = out_.atoms;
  word_.resize(end - begin);
  for (std::size_t k = begin; k < end; ++k) word_[k - begin] = atoms[k].cp;
  const auto adjustments = context_.cache.kerning(atoms[begin].font, word_);
  for (std::size_t k = begin; k + 1 < end; ++k) {
    const int adjustment = adjustments[k - begin];
    if (adjustment == 0) continue;
    atoms[k].kern = adjustment * atoms[k].size / 1000.0;
    atoms[k].width += atoms[k].kern;
  }
}

void Shaper::add_inlines(const std::vector<doc::Inline>& inlines) {
  walk(inlines, Attributes{});
}

void Shaper::add_text(std::string_view utf8, const SourceLocation& where) {
  add_string(utf8, Attributes{}, where, style_.size, 0);
}

void Shaper::add_tab_stop(double stop) {
  double width = 0;
  for (const auto& atom : out_.atoms) width += atom.kind == AtomKind::soft_hyphen ? 0 : atom.width;
  const double space =
      context_.cache.advance(static_cast<int>(style_.face), ' ') * style_.size / 1000.0;
  double target = stop;
  while (target < width + space) target += stop;
  Atom atom;
  atom.offset = static_cast<std::uint32_t>(out_.text.size());
  atom.kind = AtomKind::gap;
  atom.size = style_.size;
  atom.width = target - width;
  fiscgen::utf8::append(out_.text,
                        no_break_space);  // the label stays with the heading's first word
  out_.atoms.push_back(atom);
}

void Shaper::add_portion_mark(const std::string& marking, const SourceLocation& where) {
  const auto begin = static_cast<std::uint32_t>(out_.text.size());
  add_text("(" + marking + ") ", where);
  // ICU would break after a "/"; the mark is one word. Breaking after its space stays allowed.
  for (auto offset = begin + 1; offset + 1 < out_.text.size(); ++offset)
    out_.no_break_before.push_back(offset);
}

void Shaper::add_mark(int note, const SourceLocation& where, bool linked, doc::Change change) {
  out_.no_break_before.push_back(static_cast<std::uint32_t>(out_.text.size()));
  const std::size_t first = out_.atoms.size();
  Attributes a;
  a.change = change;
  add_string(std::to_string(note), a, where, style_.size * mark_scale, style_.size * mark_rise);
  if (linked)
    for (std::size_t k = first; k < out_.atoms.size(); ++k) out_.atoms[k].note = note;
}

void Shaper::add_text_linking_urls(std::string_view utf8, const Attributes& a,
                                   const SourceLocation& where) {
  std::size_t done = 0;
  for (const auto& url : doc::find_urls(utf8)) {
    add_string(utf8.substr(done, url.begin - done), a, where, style_.size, 0);
    Attributes linked = a;
    linked.link = static_cast<int>(out_.links.size());
    out_.links.push_back(url.uri);
    add_string(utf8.substr(url.begin, url.end - url.begin), linked, where, style_.size, 0);
    done = url.end;
  }
  add_string(utf8.substr(done), a, where, style_.size, 0);
}

}  // namespace fiscgen::layout::detail
